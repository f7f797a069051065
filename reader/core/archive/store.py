"""The archive: a SQLite catalog (the source of truth) beside the original bytes.

Every article keeps each version of its text and every route it arrived by; the
original bytes are stored before the catalog row that names them, and each article is
committed in its own transaction, so a process killed at any moment leaves an
archive that opens with everything committed before the kill intact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import tomli_w

from reader import __version__
from reader.core.model import Article, IndexDoc

from . import health, netfs
from .highlights import Highlights
from .journal import Journal
from .lock import LockBusy, WriterLock
from .originals import Originals, sha256_of
from .saved import SavedSearches
from .schema import SchemaTooNew, migrate
from .sitechrome import SiteChrome
from .types import (
    DUPLICATE,
    NEW,
    UNCHANGED,
    VERSION,
    AddResult,
    ArchiveError,
    ArchiveInUse,
    ArchiveReadOnly,
    ArticleRow,
    ImportBatch,
    ListFilter,
    VersionInfo,
)
from .urls import normalize_url

FORMAT_VERSION = 1
CATALOG = "catalog.sqlite"
MANIFEST = "archive.toml"
_ORDERS = {
    # Plain orders so SQLite walks the (date, id) index instead of sorting 60,000 rows
    # for every page; undated articles sort as SQLite puts NULLs (last when newest first).
    "date_desc": "a.date DESC, a.id DESC",
    "date_asc": "a.date ASC, a.id ASC",
    "title_asc": "a.title ASC, a.id ASC",
    "title_desc": "a.title DESC, a.id DESC",
    "category_asc": "a.category ASC, a.date DESC, a.id DESC",
    "category_desc": "a.category DESC, a.date DESC, a.id DESC",
    "id_asc": "a.id ASC",
}
_KEY_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _text_hash(article: Article) -> str:
    payload = json.dumps([article.title, article.paragraphs, article.credits], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def title_key(article: Article) -> str:
    title = _KEY_DROP.sub("", article.title.casefold())
    return f"{title}|{article.date.isoformat() if article.date else ''}"


def _article_json(article: Article) -> str:
    data = article.to_dict()
    for key in ("id", "version", "sha256", "archived_at"):
        data.pop(key, None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def is_archive(path: Path) -> bool:
    return (path / MANIFEST).exists() or (path / CATALOG).exists()


class Archive:
    """An archive folder. Open with `Archive.open(path)`; use as a context manager."""

    def __init__(self, root: Path, conn: sqlite3.Connection, readonly: bool):
        self.root = root
        self.readonly = readonly
        # Why it is read-only when that is not the caller's choice (a network share).
        self.readonly_reason: str | None = None
        self.index_dir = root / "index"
        self.originals = Originals(root / "originals")
        self._conn = conn
        self._mutex = threading.RLock()
        self._writer = WriterLock(root / "lock") if not readonly else None
        self._batch = WriterLock(root / "import.lock") if not readonly else None
        self.highlights = Highlights(self)
        self.site_chrome = SiteChrome(self)
        self.saved = SavedSearches(self)
        # Every change is also one line here (journal.py): what `recover` replays.
        self.journal = Journal(root, readonly)
        self._last_add_at = ""  # the time the last add stored, for its journal lines

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike, create: bool = True, readonly: bool = False,
             check: bool = True) -> Archive:
        """`check`: the quick corruption check (health.quick_check); `verify` opens without
        it and runs the full one instead, to list every problem."""
        root = Path(path).expanduser().resolve()
        exists = is_archive(root)
        network = netfs.network_reason(root)
        if not exists:
            if not create or readonly:
                raise ArchiveError(f"no archive at {root}")
            if network:
                raise ArchiveError(network.replace("so it is opened read-only", "so no archive is made there"))
            if root.exists() and any(root.iterdir()):
                raise ArchiveError(
                    f"{root} is not empty and is not an OPDC Reader archive; "
                    "choose an empty or new folder"
                )
            cls._create_layout(root)
        cls._check_manifest(root)
        problem = health.before_open(root, root / CATALOG)
        if problem:
            raise health.CatalogDamaged(root, problem)
        if not readonly and not os.access(root, os.W_OK):
            readonly = True  # a read-only share or medium: open for reading only
        forced = bool(network) and not readonly
        readonly = readonly or bool(network)
        try:
            conn = cls._connect(root / CATALOG, readonly)
        except sqlite3.Error as exc:  # e.g. no room for the WAL files on a full disk
            if shutil.disk_usage(root).free < (1 << 20):
                raise ArchiveError(f"the disk holding {root} is full; free some space and try again") from exc
            if health.is_damage(exc):
                raise health.CatalogDamaged(root, str(exc)) from exc
            raise ArchiveError(f"the catalog at {root / CATALOG} cannot be opened: {exc}") from exc
        try:
            if not readonly:
                migrate(conn)
            elif conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                raise ArchiveError(f"the catalog at {root} is empty or unreadable")
            elif conn.execute("PRAGMA user_version").fetchone()[0] < 3:
                # read-only and older than v3, so not migrated: its routes under their old name
                conn.execute("CREATE TEMP VIEW routes AS SELECT * FROM main.sources")
            problems = health.quick_check(conn, root / CATALOG) if check else []
        except SchemaTooNew as exc:
            conn.close()
            raise ArchiveError(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            conn.close()
            if health.is_damage(exc):
                raise health.CatalogDamaged(root, str(exc)) from exc
            raise ArchiveError(f"the catalog at {root / CATALOG} cannot be read: {exc}") from exc
        if problems:
            conn.close()
            raise health.CatalogDamaged(root, health.describe(problems))
        archive = cls(root, conn, readonly)
        archive.readonly_reason = network if forced else None
        return archive

    @staticmethod
    def _create_layout(root: Path) -> None:
        try:
            (root / "originals").mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(f"cannot create an archive at {root}: {exc.strerror}") from exc
        manifest = {
            "format_version": FORMAT_VERSION,
            "created": now_iso(),
            "created_by": f"OPDC Reader {__version__}",
        }
        tmp = root / (MANIFEST + ".tmp")
        tmp.write_bytes(tomli_w.dumps(manifest).encode("utf-8"))
        os.replace(tmp, root / MANIFEST)

    @staticmethod
    def _check_manifest(root: Path) -> None:
        path = root / MANIFEST
        if not path.exists():
            return
        import tomllib

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ArchiveError(f"{path} is damaged: {exc}") from exc
        if int(data.get("format_version", 0)) > FORMAT_VERSION:
            raise ArchiveError(
                f"this archive uses format {data['format_version']}, newer than this "
                f"program understands ({FORMAT_VERSION}); update OPDC Reader"
            )

    @staticmethod
    def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
        if readonly:
            uri = f"file:{path}?mode=ro"
            try:
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # WAL needs a writable -shm file; immutable=1 reads a frozen copy instead.
                conn = sqlite3.connect(
                    f"file:{path}?immutable=1", uri=True, check_same_thread=False, isolation_level=None
                )
        else:
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
            conn.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit survives a power cut, not only a killed process.
            conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.row_factory = sqlite3.Row
        return conn

    def close(self) -> None:
        with self._mutex:
            if self._conn is not None:
                self._conn.close()
                self._conn = None  # type: ignore[assignment]
            for lock in (self._writer, self._batch):
                while lock is not None and lock.held:
                    lock.release()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------

    @contextmanager
    def writing(self, wait: float = 5.0):
        """Hold the archive's single-writer lock (re-entrant) for one change or a few."""
        if self.readonly or self._writer is None:
            raise ArchiveReadOnly(self.readonly_reason or f"the archive at {self.root} is read-only")
        try:
            self._writer.acquire(wait)
        except LockBusy as exc:
            raise ArchiveInUse(
                f"the archive at {self.root} is in use by another program ({exc.holder}) that is "
                "writing to it; try again in a moment"
            ) from exc
        try:
            yield self
        finally:
            self._writer.release()

    @contextmanager
    def batch(self, wait: float = 2.0):
        """Hold the archive for a long job (an import, a reindex) against other long jobs.
        The job's single writes take the writer lock one at a time, so the window's tag
        and note edits go in between them instead of waiting for the whole batch."""
        if self.readonly or self._batch is None:
            raise ArchiveReadOnly(self.readonly_reason or f"the archive at {self.root} is read-only")
        try:
            self._batch.acquire(wait)
        except LockBusy as exc:
            raise ArchiveInUse(
                f"the archive at {self.root} is in use by another import ({exc.holder}); "
                "try again when it has finished"
            ) from exc
        try:
            yield self
        finally:
            self._batch.release()

    @contextmanager
    def _tx(self):
        with self._mutex:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def _write(self, fn, *args):
        """Run fn(conn, *args) in one transaction under the writer lock."""
        with self.writing():
            try:
                with self.journal.pending(), self._tx() as conn:
                    return fn(conn, *args)
            except sqlite3.OperationalError as exc:
                raise self._translate(exc) from exc
            except sqlite3.DatabaseError as exc:
                if health.is_damage(exc):
                    raise health.CatalogDamaged(self.root, str(exc)) from exc
                raise

    def _translate(self, exc: sqlite3.OperationalError) -> ArchiveError:
        text = str(exc)
        if "full" in text:
            return ArchiveError(f"the disk holding {self.root} is full; nothing was changed")
        if "readonly" in text or "read-only" in text:
            return ArchiveReadOnly(f"the archive at {self.root} is read-only")
        if "locked" in text or "busy" in text:
            return ArchiveInUse(f"the archive at {self.root} is busy; try again")
        return ArchiveError(f"archive error: {text}")

    def add(self, article: Article, original: bytes, origin: str,
            batch_id: int | None = None, name: str | None = None,
            fetched_url: str | None = None) -> AddResult:
        """Store one article and the bytes it came from; see the module docstring.
        `name` (the file or member) and `fetched_url` are what extracting the original
        again needs (the journal keeps them for `recover`)."""
        with self.writing():
            sha = sha256_of(original)
            fresh = not self.originals.has(sha)
            try:
                self.originals.put(original, sha)
            except OSError as exc:
                if exc.errno == 28:  # ENOSPC
                    raise ArchiveError(f"the disk holding {self.root} is full; nothing was changed") from exc
                raise ArchiveError(f"cannot store the original bytes: {exc}") from exc
            try:
                result = self._write(self._add_tx, article, sha, len(original), origin, batch_id)
                self._journal_add(result, article, sha, len(original), origin, batch_id, name, fetched_url)
                return result
            except ArchiveError:
                if fresh:  # "nothing was changed": take back the bytes no catalog row names
                    self.originals.path_for(sha).unlink(missing_ok=True)
                raise

    def _journal_add(self, result: AddResult, article: Article, sha: str, size: int, origin: str,
                     batch_id: int | None, name: str | None, fetched_url: str | None) -> None:
        """Still under the writer lock (add holds it), so the journal keeps the catalog's order."""
        at = self._last_add_at
        with self.journal.pending():  # both lines in one write and one fsync
            self._journal_lines(result, article, sha, size, origin, batch_id, name, fetched_url, at)

    def _journal_lines(self, result: AddResult, article: Article, sha: str, size: int, origin: str,
                       batch_id: int | None, name: str | None, fetched_url: str | None, at: str) -> None:
        from .replay import article_entry, route_entry

        if result.status in (NEW, VERSION):
            self.journal.record("article", article_entry(result.article_id, result.version, article, sha,
                                                         size, origin, name, fetched_url, batch_id), at)
        if result.status != UNCHANGED:
            self.journal.record("route", route_entry(result.article_id, sha, size, origin,
                                                     article.source_url, batch_id), at)

    def _add_tx(self, conn, article: Article, sha: str, size: int, origin: str,
                batch_id: int | None) -> AddResult:
        now = self._last_add_at = now_iso()
        conn.execute(
            "INSERT OR IGNORE INTO originals(sha256, size, stored_at) VALUES (?,?,?)", (sha, size, now)
        )
        text_hash = _text_hash(article)
        url_key = normalize_url(article.source_url)
        tkey = title_key(article)
        existing = self._find_existing(conn, url_key, tkey, article)
        if existing is None:
            cur = conn.execute(
                "INSERT INTO articles(url_key, title_key, current_version, title, date, category,"
                " language, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (url_key, tkey, 1, article.title, _date(article), article.category,
                 article.language, now, now),
            )
            article_id = cur.lastrowid
            self._insert_version(conn, article_id, 1, article, sha, text_hash, origin, now, batch_id)
            self._insert_source(conn, article_id, sha, origin, article.source_url, now, batch_id)
            return AddResult(NEW, article_id, 1)

        article_id, current, current_kind = existing
        same = conn.execute(
            "SELECT version FROM versions WHERE article_id=? AND text_hash=? ORDER BY version DESC",
            (article_id, text_hash),
        ).fetchone()
        seen_bytes = conn.execute(
            "SELECT 1 FROM routes WHERE article_id=? AND sha256=? LIMIT 1", (article_id, sha)
        ).fetchone()
        if same is not None:
            if seen_bytes:
                return AddResult(UNCHANGED, article_id, same[0])
            self._insert_source(conn, article_id, sha, origin, article.source_url, now, batch_id)
            return AddResult(DUPLICATE, article_id, same[0])
        if article.kind == "feed" and current_kind != "feed":
            # A feed item is a summary of a page already archived in full: remember the
            # route and its bytes, but do not let the summary replace the page.
            self._insert_source(conn, article_id, sha, origin, article.source_url, now, batch_id)
            return AddResult(DUPLICATE, article_id, current)
        version = current + 1
        self._insert_version(conn, article_id, version, article, sha, text_hash, origin, now, batch_id)
        self._insert_source(conn, article_id, sha, origin, article.source_url, now, batch_id)
        conn.execute(
            "UPDATE articles SET current_version=?, title=?, date=?, category=?, language=?,"
            " url_key=COALESCE(url_key, ?), title_key=?, updated_at=? WHERE id=?",
            (version, article.title, _date(article), article.category, article.language,
             url_key, tkey, now, article_id),
        )
        return AddResult(VERSION, article_id, version)

    @staticmethod
    def _find_existing(conn, url_key: str | None, tkey: str, article: Article):
        """The article this one is another copy of: same normalised URL, else the
        same title and date (a feed item and the saved page of the same news)."""
        sql = ("SELECT a.id, a.current_version, v.kind FROM articles a JOIN versions v"
               " ON v.article_id=a.id AND v.version=a.current_version WHERE ")
        if url_key:
            row = conn.execute(sql + "a.url_key=? ORDER BY a.id LIMIT 1", (url_key,)).fetchone()
            if row:
                return tuple(row)
        title_part, date_part = tkey.split("|", 1)
        if len(title_part) < 8:
            return None  # too short a title to trust
        if date_part or not url_key:
            row = conn.execute(sql + "a.title_key=? ORDER BY a.id LIMIT 1", (tkey,)).fetchone()
            if row and (not url_key or date_part):
                return tuple(row)
        return None

    @staticmethod
    def _insert_version(conn, article_id, version, article, sha, text_hash, origin, now, batch_id):
        conn.execute(
            "INSERT INTO versions(article_id, version, sha256, text_hash, kind, data, origin,"
            " archived_at, batch_id) VALUES (?,?,?,?,?,?,?,?,?)",
            (article_id, version, sha, text_hash, article.kind, _article_json(article), origin,
             now, batch_id),
        )

    @staticmethod
    def _insert_source(conn, article_id, sha, origin, url, now, batch_id):
        conn.execute(
            "INSERT OR IGNORE INTO routes(article_id, sha256, origin, url, seen_at, batch_id)"
            " VALUES (?,?,?,?,?,?)",
            (article_id, sha, origin, url, now, batch_id),
        )

    # -- import batches --------------------------------------------------------------

    def begin_batch(self, targets: Iterable[str]) -> int:
        text = "\n".join(str(t) for t in targets)

        def fn(conn):
            now = now_iso()
            batch = conn.execute("INSERT INTO batches(started_at, targets) VALUES (?,?)", (now, text)).lastrowid
            self.journal.record("batch", {"id": batch, "targets": text}, now)
            return batch
        return self._write(fn)

    def finish_batch(self, batch_id: int, counts: dict[str, int], failures: list[tuple[str, str]],
                     status: str = "done") -> None:
        def fn(conn):
            now = now_iso()
            self.journal.record("batch_done", {
                "id": batch_id, "status": status, "new": counts.get(NEW, 0),
                "versions": counts.get(VERSION, 0), "unchanged": counts.get(UNCHANGED, 0),
                "duplicates": counts.get(DUPLICATE, 0), "failures": failures}, now)
            conn.execute(
                "UPDATE batches SET finished_at=?, status=?, new=?, versions=?, unchanged=?,"
                " duplicates=?, failed=? WHERE id=?",
                (now, status, counts.get(NEW, 0), counts.get(VERSION, 0),
                 counts.get(UNCHANGED, 0), counts.get(DUPLICATE, 0), len(failures), batch_id),
            )
            conn.executemany(
                "INSERT INTO failures(batch_id, name, reason) VALUES (?,?,?)",
                [(batch_id, name, reason) for name, reason in failures],
            )
        self._write(fn)

    def recent_imports(self, limit: int = 10) -> list[ImportBatch]:
        rows = self._query("SELECT * FROM batches ORDER BY id DESC LIMIT ?", (limit,))
        return [ImportBatch(**{k: r[k] for k in r.keys()}) for r in rows]

    def batch_failures(self, batch_id: int) -> list[tuple[str, str]]:
        rows = self._query("SELECT name, reason FROM failures WHERE batch_id=?", (batch_id,))
        return [(r[0], r[1]) for r in rows]

    # -- reading ---------------------------------------------------------------------

    def _query(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:
        with self._mutex:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                if health.is_damage(exc):  # a damaged page met after the open check
                    raise health.CatalogDamaged(self.root, str(exc)) from exc
                raise

    def get(self, article_id: int, version: int | None = None) -> Article:
        sql = ("SELECT v.*, a.current_version FROM versions v JOIN articles a ON a.id=v.article_id"
               " WHERE v.article_id=? AND v.version=")
        if version is None:
            rows = self._query(sql + "a.current_version", (article_id,))
        else:
            rows = self._query(sql + "?", (article_id, version))
        if not rows:
            raise KeyError(f"no article {article_id}" + (f" version {version}" if version else ""))
        return _article_from_row(rows[0])

    def versions(self, article_id: int) -> list[VersionInfo]:
        rows = self._query(
            "SELECT version, sha256, archived_at, data, origin, kind FROM versions"
            " WHERE article_id=? ORDER BY version", (article_id,))
        return [VersionInfo(r["version"], r["sha256"], r["archived_at"],
                            json.loads(r["data"]).get("title", ""), r["origin"], r["kind"])
                for r in rows]

    def sources(self, article_id: int) -> list[dict]:
        rows = self._query("SELECT sha256, origin, url, seen_at FROM routes WHERE article_id=?"
                           " ORDER BY seen_at", (article_id,))
        return [dict(r) for r in rows]

    def original_bytes(self, sha: str) -> bytes:
        return self.originals.get(sha)

    def _where(self, flt: ListFilter | None) -> tuple[str, list]:
        if flt is None:
            return "", []
        clauses, params = [], []
        if flt.date_from:
            clauses.append("a.date >= ?")
            params.append(flt.date_from.isoformat())
        if flt.date_to:
            clauses.append("a.date <= ?")
            params.append(flt.date_to.isoformat())
        if flt.year:
            clauses.append("a.date >= ? AND a.date < ?")
            params += [f"{flt.year:04d}-01-01", f"{flt.year + 1:04d}-01-01"]
        if flt.category:
            clauses.append("a.category = ?")
            params.append(flt.category)
        if flt.language:
            clauses.append("a.language = ?")
            params.append(flt.language)
        if flt.bookmarked is not None:
            clauses.append("a.bookmarked = ?")
            params.append(1 if flt.bookmarked else 0)
        if flt.tag:
            clauses.append("a.id IN (SELECT article_id FROM tags WHERE tag = ?)")
            params.append(flt.tag)
        if flt.collection:
            clauses.append("a.id IN (SELECT ci.article_id FROM collection_items ci JOIN collections c"
                           " ON c.id=ci.collection_id WHERE c.name = ?)")
            params.append(flt.collection)
        if flt.title_contains:
            clauses.append("instr(lower(a.title), lower(?)) > 0")
            params.append(flt.title_contains)
        if flt.batch_id:
            clauses.append("a.id IN (SELECT article_id FROM routes WHERE batch_id = ?)")
            params.append(flt.batch_id)
        if flt.ids is not None:
            clauses.append(f"a.id IN ({','.join('?' * len(flt.ids)) or 'NULL'})")
            params += list(flt.ids)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def list_articles(self, flt: ListFilter | None = None, order: str = "date_desc",
                      offset: int = 0, limit: int = 100) -> list[ArticleRow]:
        where, params = self._where(flt)
        sql = (f"SELECT a.id, a.title, a.date, a.category, a.language, a.bookmarked FROM articles a"
               f"{where} ORDER BY {_ORDERS.get(order, _ORDERS['date_desc'])} LIMIT ? OFFSET ?")
        rows = self._query(sql, params + [limit, offset])
        return [ArticleRow(r[0], r[1], dt.date.fromisoformat(r[2]) if r[2] else None, r[3], r[4],
                           bool(r[5])) for r in rows]

    def count_articles(self, flt: ListFilter | None = None) -> int:
        where, params = self._where(flt)
        return self._query(f"SELECT count(*) FROM articles a{where}", params)[0][0]

    def years(self) -> list[tuple[int, int]]:
        rows = self._query("SELECT substr(date,1,4) y, count(*) FROM articles WHERE date IS NOT NULL"
                           " GROUP BY y ORDER BY y DESC")
        return [(int(r[0]), r[1]) for r in rows]

    def categories(self) -> list[tuple[str, int]]:
        rows = self._query("SELECT category, count(*) FROM articles WHERE category != ''"
                           " GROUP BY category ORDER BY count(*) DESC, category")
        return [(r[0], r[1]) for r in rows]

    def languages(self) -> list[tuple[str, int]]:
        rows = self._query("SELECT language, count(*) FROM articles GROUP BY language ORDER BY 2 DESC")
        return [(r[0], r[1]) for r in rows]

    def all_tags(self) -> list[tuple[str, int]]:
        rows = self._query("SELECT tag, count(*) FROM tags GROUP BY tag ORDER BY tag")
        return [(r[0], r[1]) for r in rows]

    def collections(self) -> list[tuple[str, int]]:
        rows = self._query("SELECT c.name, count(ci.article_id) FROM collections c LEFT JOIN"
                           " collection_items ci ON ci.collection_id=c.id GROUP BY c.id ORDER BY c.name")
        return [(r[0], r[1]) for r in rows]

    # -- the librarian's own words: bookmarks, tags, notes, collections ---------------

    def _touch(self, conn, article_id: int, kind: str = "", **change) -> None:
        """Mark the article changed (the index picks it up) and journal the change."""
        now = now_iso()
        cur = conn.execute("UPDATE articles SET updated_at=? WHERE id=?", (now, article_id))
        if cur.rowcount == 0:
            raise KeyError(f"no article {article_id}")
        if kind:
            self.journal.record(kind, {"id": article_id, **change}, now)

    def set_bookmark(self, article_id: int, on: bool) -> None:
        def fn(conn):
            self._touch(conn, article_id, "bookmark", on=bool(on))
            conn.execute("UPDATE articles SET bookmarked=? WHERE id=?", (1 if on else 0, article_id))
        self._write(fn)

    def is_bookmarked(self, article_id: int) -> bool:
        rows = self._query("SELECT bookmarked FROM articles WHERE id=?", (article_id,))
        return bool(rows and rows[0][0])

    def add_tag(self, article_id: int, tag: str) -> None:
        tag = " ".join(tag.split())
        if not tag:
            raise ValueError("a tag cannot be empty")

        def fn(conn):
            self._touch(conn, article_id, "tag", tag=tag, on=True)
            conn.execute("INSERT OR IGNORE INTO tags(article_id, tag) VALUES (?,?)", (article_id, tag))
        self._write(fn)

    def remove_tag(self, article_id: int, tag: str) -> None:
        def fn(conn):
            self._touch(conn, article_id, "tag", tag=tag, on=False)
            conn.execute("DELETE FROM tags WHERE article_id=? AND tag=?", (article_id, tag))
        self._write(fn)

    def tags_for(self, article_id: int) -> list[str]:
        return [r[0] for r in self._query("SELECT tag FROM tags WHERE article_id=? ORDER BY tag",
                                          (article_id,))]

    def set_note(self, article_id: int, text: str) -> None:
        def fn(conn):
            self._touch(conn, article_id, "note", text=text)
            conn.execute("UPDATE articles SET note=? WHERE id=?", (text, article_id))
        self._write(fn)

    def note(self, article_id: int) -> str:
        rows = self._query("SELECT note FROM articles WHERE id=?", (article_id,))
        return rows[0][0] if rows else ""

    def add_to_collection(self, article_id: int, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            raise ValueError("a collection needs a name")

        def fn(conn):
            conn.execute("INSERT OR IGNORE INTO collections(name, created_at) VALUES (?,?)",
                         (name, now_iso()))
            cid = conn.execute("SELECT id FROM collections WHERE name=?", (name,)).fetchone()[0]
            self._touch(conn, article_id, "collection", name=name, on=True)
            conn.execute("INSERT OR IGNORE INTO collection_items VALUES (?,?)", (cid, article_id))
        self._write(fn)

    def remove_from_collection(self, article_id: int, name: str) -> None:
        def fn(conn):
            self._touch(conn, article_id, "collection", name=name, on=False)
            conn.execute("DELETE FROM collection_items WHERE article_id=? AND collection_id IN"
                         " (SELECT id FROM collections WHERE name=?)", (article_id, name))
        self._write(fn)

    def collections_for(self, article_id: int) -> list[str]:
        rows = self._query("SELECT c.name FROM collections c JOIN collection_items ci ON"
                           " ci.collection_id=c.id WHERE ci.article_id=? ORDER BY c.name", (article_id,))
        return [r[0] for r in rows]

    def data_version(self) -> int:
        """A number that changes when another connection (another process: a command-line
        import, a second window) has committed to the catalog; this connection's own
        commits leave it as it was. One cheap PRAGMA: the window polls it."""
        with self._mutex:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    # -- what the search index needs ---------------------------------------------------

    def index_stamp(self) -> tuple[int, str]:
        row = self._query("SELECT count(*), COALESCE(max(updated_at), '') FROM articles")[0]
        return row[0], row[1]

    def changed_since(self, ts: str) -> list[int]:
        return [r[0] for r in self._query("SELECT id FROM articles WHERE updated_at > ? ORDER BY id",
                                          (ts,))]

    def all_ids(self) -> list[int]:
        return [r[0] for r in self._query("SELECT id FROM articles ORDER BY id")]

    def iter_index_docs(self, ids: Iterable[int] | None = None, chunk: int = 500) -> Iterator[IndexDoc]:
        """Each article's current version with its tags and note, streamed in chunks so
        a 60,000-article archive is never held in memory at once."""
        id_list = self.all_ids() if ids is None else list(ids)
        for start in range(0, len(id_list), chunk):
            part = id_list[start:start + chunk]
            marks = ",".join("?" * len(part))
            rows = self._query(
                "SELECT v.*, a.current_version, a.bookmarked, a.note, a.updated_at AS a_updated"
                f" FROM articles a JOIN versions v ON v.article_id=a.id AND v.version=a.current_version"
                f" WHERE a.id IN ({marks}) ORDER BY a.id", part)
            tags: dict[int, list[str]] = {}
            for r in self._query(f"SELECT article_id, tag FROM tags WHERE article_id IN ({marks})", part):
                tags.setdefault(r[0], []).append(r[1])
            for r in rows:
                article = _article_from_row(r)
                yield IndexDoc(article, sorted(tags.get(article.id, [])), r["note"],
                               bool(r["bookmarked"]), r["a_updated"])

    # -- housekeeping ----------------------------------------------------------------

    def stats(self) -> dict:
        q = self._query
        first, last = q("SELECT min(date), max(date) FROM articles")[0]
        size = sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())
        return {
            "archive": str(self.root),
            "articles": q("SELECT count(*) FROM articles")[0][0],
            "versions": q("SELECT count(*) FROM versions")[0][0],
            "originals": q("SELECT count(*) FROM originals")[0][0],
            "original_bytes": q("SELECT COALESCE(sum(size),0) FROM originals")[0][0],
            "bookmarks": q("SELECT count(*) FROM articles WHERE bookmarked")[0][0],
            "tags": q("SELECT count(DISTINCT tag) FROM tags")[0][0],
            "first_date": first,
            "last_date": last,
            "languages": dict(self.languages()),
            "categories": dict(self.categories()[:20]),
            "imports": q("SELECT count(*) FROM batches")[0][0],
            "size_on_disk": size,
        }


def _date(article: Article) -> str | None:
    return article.date.isoformat() if article.date else None


def _article_from_row(row: sqlite3.Row) -> Article:
    article = Article.from_dict(json.loads(row["data"]))
    article.id = row["article_id"]
    article.version = row["version"]
    article.sha256 = row["sha256"]
    article.archived_at = row["archived_at"]
    return article

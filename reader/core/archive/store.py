"""The archive: a SQLite catalog (the source of truth) beside the original bytes.

Every article keeps each version of its text and every route it arrived by; the
original bytes are stored before the catalog row that names them, and each article is
committed in its own transaction, so a process killed at any moment leaves an
archive that opens with everything committed before the kill intact.

`Archive` opens the folder, stores articles and reads them back. The rest is split by
job, each part on the one shared `Catalog` (catalog.py: the only way to read and write):
the librarian's `tags`, `notes`, `bookmarks` and `collections`, the record of `imports`,
and the article list's SQL (listing.py).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import tomllib
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import tomli_w

from reader import __version__
from reader.core.model import Article, IndexDoc

from . import health, listing, netfs
from .adding import Adding
from .bookmarks import Bookmarks
from .captures import Captures, insert_capture
from .catalog import Catalog, connect, now_iso
from .collections import Collections
from .highlights import Highlights
from .imports import Imports
from .notes import Notes
from .originals import Originals, sha256_of
from .saved import SavedSearches
from .schema import SchemaTooNew, migrate
from .sitechrome import SiteChrome
from .tags import Tags
from .types import AddResult, AddStatus, ArchiveError, ArticleRow, ListFilter, VersionInfo

FORMAT_VERSION = 1
CATALOG = "catalog.sqlite"
MANIFEST = "archive.toml"


def is_archive(path: Path) -> bool:
    return (path / MANIFEST).exists() or (path / CATALOG).exists()


class Archive:
    """An archive folder. Open with `Archive.open(path)`; use as a context manager."""

    def __init__(self, root: Path, conn: sqlite3.Connection, readonly: bool):
        self.root = root
        self.readonly = readonly
        self.index_dir = root / "index"
        self.originals = Originals(root / "originals")
        self.db = Catalog(root, conn, readonly)
        self.tags = Tags(self.db)
        self.notes = Notes(self.db)
        self.bookmarks = Bookmarks(self.db)
        self.collections = Collections(self.db)
        self.imports = Imports(self.db)
        self.highlights = Highlights(self)
        self.site_chrome = SiteChrome(self)
        self.saved = SavedSearches(self)
        self.journal = self.db.journal  # other features record their own kinds here
        self.captures = Captures(self)

    # -- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], create: bool = True, readonly: bool = False,
             check: bool = True) -> Archive:
        """`check`: the quick corruption check (health.quick_check); `verify` opens without
        it and runs the full one instead, to list every problem."""
        root = Path(path).expanduser().resolve()
        network = netfs.network_reason(root)
        if not is_archive(root):
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
        conn = cls._connect(root, readonly, check)
        archive = cls(root, conn, readonly)
        archive.db.readonly_reason = network if forced else None
        return archive

    @staticmethod
    def _connect(root: Path, readonly: bool, check: bool) -> sqlite3.Connection:
        """The catalog connection, migrated and checked; ArchiveError when it cannot be."""
        try:
            conn = connect(root / CATALOG, readonly)
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
            damaged = health.is_damage(exc, conn)
            conn.close()
            if damaged:
                raise health.CatalogDamaged(root, str(exc)) from exc
            raise ArchiveError(f"the catalog at {root / CATALOG} cannot be read: {exc}") from exc
        if problems:
            conn.close()
            raise health.CatalogDamaged(root, health.describe(problems))
        return conn

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
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ArchiveError(f"{path} is damaged: {exc}") from exc
        if int(data.get("format_version", 0)) > FORMAT_VERSION:
            raise ArchiveError(
                f"this archive uses format {data['format_version']}, newer than this "
                f"program understands ({FORMAT_VERSION}); update OPDC Reader"
            )

    @property
    def readonly_reason(self) -> str | None:
        """Why it is read-only when that is not the caller's choice (a network share)."""
        return self.db.readonly_reason

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------

    def writing(self, wait: float = 5.0) -> AbstractContextManager[None]:
        """Hold the archive's single-writer lock (re-entrant) for one change or a few."""
        return self.db.writing(wait)

    def batch(self, wait: float = 2.0) -> AbstractContextManager[None]:
        """Hold the archive for a long job (an import, a reindex) against other long jobs."""
        return self.db.batch(wait)

    def add(self, article: Article, original: bytes, origin: str, batch_id: int | None = None,
            name: str | None = None, fetched_url: str | None = None,
            capture: dict[str, Any] | None = None) -> AddResult:
        """Store one article and the bytes it came from; see the module docstring.
        `name` (the file or member) and `fetched_url` are what extracting the original
        again needs (the journal keeps them for `recover`); `capture` (a WARC record's
        provenance) is kept with it in the same transaction, see captures.py."""
        with self.db.writing():
            sha = sha256_of(original)
            fresh = not self.originals.has(sha)
            try:
                self.originals.put(original, sha)
            except OSError as exc:
                if exc.errno == errno.ENOSPC:
                    raise ArchiveError(f"the disk holding {self.root} is full; nothing was changed") from exc
                raise ArchiveError(f"cannot store the original bytes: {exc}") from exc
            try:
                with self.db.transaction() as conn:
                    adding = Adding(conn, article, sha, origin, batch_id)
                    result = adding.run(len(original))
                    self._journal_add(result, adding, len(original), name, fetched_url)
                    if capture:
                        insert_capture(conn, result.article_id, sha, capture, adding.now)
                        self.journal.record_row(conn, "captures", {  # after its article's lines
                            "article_id": result.article_id, "sha256": sha,
                            "record_id": capture.get("record_id") or ""})
                    return result
            except ArchiveError:
                if fresh:  # "nothing was changed": take back the bytes no catalog row names
                    self.originals.path_for(sha).unlink(missing_ok=True)
                raise

    def _journal_add(self, result: AddResult, adding: Adding, size: int, name: str | None,
                     fetched_url: str | None) -> None:
        """The journal lines of one add: written with its commit, in one write and fsync."""
        from .replay import article_entry, route_entry

        a, at = adding.article, adding.now
        if result.status in (AddStatus.NEW, AddStatus.VERSION):
            self.journal.record("article", article_entry(
                result.article_id, result.version, a, adding.sha, size, adding.origin, name,
                fetched_url, adding.batch_id), at)
        if result.status != AddStatus.UNCHANGED:
            self.journal.record("route", route_entry(result.article_id, adding.sha, size, adding.origin,
                                                     a.source_url, adding.batch_id), at)

    # -- reading ---------------------------------------------------------------------

    def get(self, article_id: int, version: int | None = None) -> Article:
        sql = ("SELECT v.*, a.current_version FROM versions v JOIN articles a ON a.id=v.article_id"
               " WHERE v.article_id=? AND v.version=")
        if version is None:
            rows = self.db.query(sql + "a.current_version", (article_id,))
        else:
            rows = self.db.query(sql + "?", (article_id, version))
        if not rows:
            raise KeyError(f"no article {article_id}" + (f" version {version}" if version else ""))
        return _article_from_row(rows[0])

    def versions(self, article_id: int) -> list[VersionInfo]:
        rows = self.db.query(
            "SELECT version, sha256, archived_at, data, origin, kind FROM versions"
            " WHERE article_id=? ORDER BY version", (article_id,))
        return [VersionInfo(r["version"], r["sha256"], r["archived_at"],
                            json.loads(r["data"]).get("title", ""), r["origin"], r["kind"])
                for r in rows]

    def sources(self, article_id: int) -> list[dict[str, Any]]:
        rows = self.db.query("SELECT sha256, origin, url, seen_at FROM routes WHERE article_id=?"
                             " ORDER BY seen_at", (article_id,))
        return [dict(r) for r in rows]

    def original_bytes(self, sha: str) -> bytes:
        return self.originals.get(sha)

    def list_articles(self, flt: ListFilter | None = None, order: str = "date_desc",
                      offset: int = 0, limit: int = 100) -> list[ArticleRow]:
        """One page of the article list; `order` is a key of listing.ORDERS."""
        return listing.list_articles(self.db, flt, order, offset, limit)

    def count_articles(self, flt: ListFilter | None = None) -> int:
        return listing.count_articles(self.db, flt)

    def years(self) -> list[tuple[int, int]]:
        return listing.years(self.db)

    def categories(self) -> list[tuple[str, int]]:
        return listing.categories(self.db)

    def data_version(self) -> int:
        """Changes when another process has committed to the catalog (see Catalog)."""
        return self.db.data_version()

    # -- what the search index needs ---------------------------------------------------

    def index_stamp(self) -> tuple[int, str]:
        row = self.db.query("SELECT count(*), COALESCE(max(updated_at), '') FROM articles")[0]
        return row[0], row[1]

    def changed_since(self, ts: str) -> list[int]:
        rows = self.db.query("SELECT id FROM articles WHERE updated_at > ? ORDER BY id", (ts,))
        return [r[0] for r in rows]

    def all_ids(self) -> list[int]:
        return [r[0] for r in self.db.query("SELECT id FROM articles ORDER BY id")]

    def iter_index_docs(self, ids: Iterable[int] | None = None, chunk: int = 500) -> Iterator[IndexDoc]:
        """Each article's current version with its tags and note, streamed in chunks so
        a 60,000-article archive is never held in memory at once."""
        id_list = self.all_ids() if ids is None else list(ids)
        for start in range(0, len(id_list), chunk):
            part = id_list[start:start + chunk]
            marks = ",".join("?" * len(part))
            rows = self.db.query(
                "SELECT v.*, a.current_version, a.bookmarked, a.note, a.updated_at AS a_updated"
                f" FROM articles a JOIN versions v ON v.article_id=a.id AND v.version=a.current_version"
                f" WHERE a.id IN ({marks}) ORDER BY a.id", part)
            tags: dict[int, list[str]] = {}
            for r in self.db.query(f"SELECT article_id, tag FROM tags WHERE article_id IN ({marks})", part):
                tags.setdefault(r[0], []).append(r[1])
            for r in rows:
                article = _article_from_row(r)
                yield IndexDoc(article, sorted(tags.get(r["article_id"], [])), r["note"],
                               bool(r["bookmarked"]), r["a_updated"])

    # -- housekeeping ----------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        value = self.db.value
        first, last = self.db.query("SELECT min(date), max(date) FROM articles")[0]
        size = sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())
        return {
            "archive": str(self.root),
            "articles": value("SELECT count(*) FROM articles"),
            "versions": value("SELECT count(*) FROM versions"),
            "originals": value("SELECT count(*) FROM originals"),
            "original_bytes": value("SELECT COALESCE(sum(size),0) FROM originals"),
            "bookmarks": self.bookmarks.count(),
            "tags": value("SELECT count(DISTINCT tag) FROM tags"),
            "first_date": first,
            "last_date": last,
            "languages": dict(listing.languages(self.db)),
            "categories": dict(self.categories()[:20]),
            "imports": value("SELECT count(*) FROM batches"),
            "size_on_disk": size,
        }


def _article_from_row(row: sqlite3.Row) -> Article:
    article = Article.from_dict(json.loads(row["data"]))
    article.id = row["article_id"]
    article.version = row["version"]
    article.sha256 = row["sha256"]
    article.archived_at = row["archived_at"]
    return article

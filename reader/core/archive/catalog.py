"""The catalog connection and the locks around it: every read and write of the archive's
SQLite catalog goes through one `Catalog`.

Reads share one connection under a mutex (the window's worker threads and its own
thread use the same archive). Writes go one way only: `transaction()`, which holds the
single-writer lock, runs one `BEGIN IMMEDIATE` transaction and turns SQLite's errors into
`ArchiveError`s a person can act on; the journal lines recorded inside it are written
once it has committed (journal.py). The librarian's edits (tags, notes, bookmarks,
collections) go through `change_article()` on top of it, which also marks the article
changed so the search index picks the edit up, and journals the change.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

from . import health
from .journal import Journal
from .lock import LockBusy, WriterLock
from .types import ArchiveError, ArchiveInUse, ArchiveReadOnly

Params = Sequence[Any]
T = TypeVar("T")


def now_iso() -> str:
    """The time stamps the catalog stores: UTC, ISO 8601, to the microsecond."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def one_line(name: str, empty: str) -> str:
    """A tag's or collection's name as stored: runs of spaces squeezed to one; ValueError
    with the message `empty` when nothing is left."""
    name = " ".join(name.split())
    if not name:
        raise ValueError(empty)
    return name


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """Open the catalog file with the settings every connection to it needs."""
    if readonly:
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False,
                                   isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # WAL needs a writable -shm file; immutable=1 reads a frozen copy instead.
            conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True, check_same_thread=False,
                                   isolation_level=None)
    else:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit survives a power cut, not only a killed process.
        conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    conn.row_factory = sqlite3.Row
    return conn


class Catalog:
    """One archive's catalog connection, its mutex and its two writer locks (see lock.py)."""

    def __init__(self, root: Path, conn: sqlite3.Connection, readonly: bool):
        self.root = root
        self.readonly = readonly
        # Every change is also one line here (journal.py): what `recover` replays.
        self.journal = Journal(root, readonly)
        self.readonly_reason: str | None = None  # see Archive.readonly_reason
        self._conn: sqlite3.Connection | None = conn
        self._mutex = threading.RLock()
        self._data_version = 0
        self._writer = WriterLock(root / "lock") if not readonly else None
        self._batch = WriterLock(root / "import.lock") if not readonly else None

    @property
    def conn(self) -> sqlite3.Connection:
        """The open connection; hold `mutex` while using it directly."""
        if self._conn is None:
            raise ArchiveError(f"the archive at {self.root} is closed")
        return self._conn

    @property
    def mutex(self) -> threading.RLock:
        return self._mutex

    def close(self) -> None:
        with self._mutex:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            for lock in (self._writer, self._batch):
                while lock is not None and lock.held:
                    lock.release()

    # -- reading -----------------------------------------------------------------------

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        with self._mutex:
            try:
                rows: list[sqlite3.Row] = self.conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                if health.is_damage(exc, self.conn):  # a damaged page met after the open check
                    raise health.CatalogDamaged(self.root, str(exc)) from exc
                raise
            return rows

    def value(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row (None when there is no row)."""
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def data_version(self) -> int:
        """A number that changes when another connection (another process: a command-line
        import, a second window) has committed to the catalog; this connection's own
        commits leave it as it was. One cheap PRAGMA: the window polls it.

        The poll never waits for this connection's own writer (a background update
        committing, which can take 100 ms on a busy disk): then it answers what it last
        knew, and the next poll asks again."""
        if not self._mutex.acquire(timeout=0.01):
            return self._data_version
        try:
            self._data_version = int(self.value("PRAGMA data_version"))
        finally:
            self._mutex.release()
        return self._data_version

    # -- locks -------------------------------------------------------------------------

    def writing(self, wait: float = 5.0) -> AbstractContextManager[None]:
        """Hold the single-writer lock (re-entrant) for one change or a few."""
        return self._hold(self._writer, wait, "by another program ({holder}) that is writing "
                                                "to it; try again in a moment")

    def batch(self, wait: float = 2.0) -> AbstractContextManager[None]:
        """Hold the archive for a long job (an import, a reindex) against other long jobs.
        The job's single writes take the writer lock one at a time, so the window's tag
        and note edits go in between them instead of waiting for the whole batch."""
        return self._hold(self._batch, wait, "by another import ({holder}); try again when "
                                               "it has finished")

    @contextmanager
    def _hold(self, lock: WriterLock | None, wait: float, in_use: str) -> Iterator[None]:
        if self.readonly or lock is None:
            raise ArchiveReadOnly(self.readonly_reason or f"the archive at {self.root} is read-only")
        try:
            lock.acquire(wait)
        except LockBusy as exc:
            raise ArchiveInUse(f"the archive at {self.root} is in use "
                               + in_use.format(holder=exc.holder)) from exc
        try:
            yield
        finally:
            lock.release()

    # -- writing -----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Under the writer lock, one transaction: committed when the block ends, rolled
        back when it raises. SQLite's own errors come out as `ArchiveError`s. Journal lines
        recorded inside are written after the commit, still under the writer lock, so the
        journal keeps the catalog's order and never holds a change rolled back."""
        with self.writing(), self._mutex, self.journal.pending():
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    if conn.in_transaction:  # SQLite has rolled back itself on SQLITE_FULL
                        conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                raise self._translate(exc) from exc
            except sqlite3.DatabaseError as exc:
                if health.is_damage(exc, self.conn):
                    raise health.CatalogDamaged(self.root, str(exc)) from exc
                raise

    def write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """fn(conn) in one transaction (see `transaction`); returns what fn returns."""
        with self.transaction() as conn:
            return fn(conn)

    def change_row(self, table: str, row_id: int, sql: str, params: Params, missing: str) -> None:
        """Change one row of `table` (its `id` is row_id) by `sql` in one transaction and
        journal the row as it now is, or its deletion. KeyError(missing) when `sql`
        touched no row."""
        def fn(conn: sqlite3.Connection) -> None:
            if conn.execute(sql, params).rowcount == 0:
                raise KeyError(missing)
            self.journal.record_row(conn, table, {"id": row_id})
        self.write(fn)

    def change_article(self, article_id: int, kind: str, change: dict[str, Any],
                       *statements: tuple[str, Params]) -> None:
        """One edit of the librarian's: run the statements in one transaction, mark the
        article changed (its `updated_at`, which is how the search index finds it) and
        journal `{"kind": kind, "id": article_id, **change}` (replay.py puts it back).
        Raises KeyError when there is no such article."""
        with self.transaction() as conn:
            now = now_iso()
            cur = conn.execute("UPDATE articles SET updated_at=? WHERE id=?", (now, article_id))
            if cur.rowcount == 0:
                raise KeyError(f"no article {article_id}")
            for sql, params in statements:
                conn.execute(sql, params)
            self.journal.record(kind, {"id": article_id, **change}, now)

    def _translate(self, exc: sqlite3.Error) -> ArchiveError:
        # The primary result code is the low byte of the extended one
        # (SQLITE_READONLY_DBMOVED is SQLITE_READONLY | 4 << 8, and so on).
        code = getattr(exc, "sqlite_errorcode", -1) & 0xFF
        if code == sqlite3.SQLITE_FULL:
            return ArchiveError(f"the disk holding {self.root} is full; nothing was changed")
        if code == sqlite3.SQLITE_READONLY:
            return ArchiveReadOnly(f"the archive at {self.root} is read-only")
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return ArchiveInUse(f"the archive at {self.root} is busy; try again")
        return ArchiveError(f"archive error: {exc}")

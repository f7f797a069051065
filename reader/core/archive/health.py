"""Is the catalog damaged? A quick check each time an archive opens, a full one in `verify`.

A bad disk, a USB stick pulled out mid-write or a sync tool copying the file while it
changes leave a catalog SQLite calls "malformed". Without a check the window opens on
it, search still answers from the index, and the damage shows only as a traceback the
day a damaged page is read. The quick check reads the file header and walks the small
tables every screen needs (articles and its indexes, the tables named in the schema) so
it stays cheap at 60,000 articles (figures in bench/recover/RESULTS.md); `verify` runs
SQLite's full `integrity_check` over every page.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .types import ArchiveError

SQLITE_MAGIC = b"SQLite format 3\x00"
# Small tables walked in full at open. The articles table and its indexes are spread over
# the whole file (each article's row sits beside its text): walking them took 2.8 s cold at
# 60,000 articles, so only their first and last pages are read at open; the window walks
# everything (PRAGMA quick_check) in the background afterwards.
SMALL_TABLES = ("tags", "collections", "collection_items", "batches")
NEEDED_TABLES = ("articles", "versions", "originals", *SMALL_TABLES)
# Statements that each descend one b-tree to its first or last leaf page (SQLite answers a
# lone min() or max() over an indexed column that way; both in one statement scan all).
# Every route an article arrived by is in `routes` from catalog v3 on (`sources` before).
EDGES = (("articles", "id"), ("articles", "date"), ("articles", "url_key"), ("versions", "article_id"),
         ("routes", "article_id"), ("originals", "sha256"))


class CatalogDamaged(ArchiveError):
    """The catalog cannot be trusted; `opdc-reader recover` rebuilds it."""

    def __init__(self, root: Path, what: str):
        self.root = root
        self.what = what
        super().__init__(
            f"the catalog of the archive at {root} is damaged ({what}). Nothing has been "
            f"changed. Run `opdc-reader recover --archive {root}` (or Help > Recover Archive "
            "in the window) to rebuild it from its backups, its journal and the originals; "
            "the damaged file is kept aside")


# SQLite's primary result codes that mean the file itself is bad (the low byte of the
# extended code: SQLITE_IOERR_SHORT_READ is SQLITE_IOERR | 2 << 8, and so on). Busy, full
# and read-only have codes of their own and are not damage.
DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_IOERR)


def is_damage(exc: BaseException, conn: sqlite3.Connection | None = None) -> bool:
    """True when a SQLite error means the file itself is bad (not busy, full or read-only).
    Told by the error's code; a plain SQLITE_ERROR (such as a table that is not there) is
    damage only when `conn`'s catalog has lost one of the tables it must have."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return False
    if code & 0xFF in DAMAGE_CODES:
        return True
    return code & 0xFF == sqlite3.SQLITE_ERROR and conn is not None and _lost_tables(conn)


def _lost_tables(conn: sqlite3.Connection) -> bool:
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        return True  # the schema itself cannot be read
    return bool(names) and any(t not in names for t in NEEDED_TABLES)


def header_problem(path: Path) -> str | None:
    """What is wrong with the first bytes of the catalog file, or None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        return "the file catalog.sqlite is missing"
    except OSError as exc:
        return f"catalog.sqlite cannot be read: {exc.strerror or exc}"
    if len(head) < 100:
        return "catalog.sqlite is empty or cut short" if head else "catalog.sqlite is empty"
    if not head.startswith(SQLITE_MAGIC):
        return "catalog.sqlite is not a SQLite database any more (its first bytes were overwritten)"
    return None


def quick_check(conn: sqlite3.Connection, catalog: Path | None = None) -> list[str]:
    """Problems found cheaply (see the constants above); [] when none. Costs a few
    milliseconds whatever the catalog's size (bench/recover/RESULTS.md)."""
    problems: list[str] = []
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not names:
            return []  # a new, empty catalog: migrate() fills it
        missing = [t for t in NEEDED_TABLES if t not in names]
        if missing:
            return [f"tables missing: {', '.join(missing)}"]
        if catalog is not None:
            problems += _truncation(conn, catalog)
        for table in SMALL_TABLES:
            problems += [str(r[0]) for r in conn.execute(f"PRAGMA quick_check({table})") if r[0] != "ok"]
        for table, col in EDGES:
            if table in names:  # a catalog opened read-only may predate a table
                for f in ("min", "max"):
                    conn.execute(f"SELECT {f}({col}) FROM {table}").fetchall()
    except sqlite3.DatabaseError as exc:
        problems.append(str(exc))
    return problems[:20]


def _truncation(conn: sqlite3.Connection, catalog: Path) -> list[str]:
    """A file shorter than its own page count says, when no WAL holds the missing pages."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    wal = catalog.with_name(catalog.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return []
    have = catalog.stat().st_size
    if have < pages * size:
        return [f"catalog.sqlite is cut short ({have:,} bytes of {pages * size:,})"]
    return []


def full_check(conn: sqlite3.Connection) -> list[str]:
    """Every page and every index entry (SQLite's integrity_check), and references."""
    problems: list[str] = []
    try:
        problems += [str(r[0]) for r in conn.execute("PRAGMA integrity_check(100)") if r[0] != "ok"]
        problems += [f"reference broken: table {r[0]} row {r[1]} -> {r[2]}"
                     for r in conn.execute("PRAGMA foreign_key_check")]
    except sqlite3.DatabaseError as exc:
        problems.append(str(exc))
    return problems


def describe(problems: list[str]) -> str:
    """One line for a message: the first problem, and how many more."""
    if not problems:
        return "no problem found"
    first = problems[0].replace("\n", " ")[:200]
    more = len(problems) - 1
    return first + (f"; and {more} more problem{'s' if more > 1 else ''}" if more else "")


def has_content(root: Path) -> bool:
    """Originals, backups or a journal: an archive that has been used, whose missing or
    empty catalog is damage, not a fresh start."""
    for name in ("originals", "backups", "journal"):
        folder = root / name
        try:
            if folder.is_dir() and any(folder.iterdir()):
                return True
        except OSError:
            continue
    return False


def before_open(root: Path, catalog: Path) -> str | None:
    """Damage visible without SQLite: a used archive whose catalog is gone, empty or
    no longer starts as a SQLite file does."""
    if not catalog.exists() or catalog.stat().st_size == 0:
        return header_problem(catalog) if has_content(root) else None
    return header_problem(catalog)

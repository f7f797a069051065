"""Automatic copies of the catalog, beside it in `backups/`, for `recover` to start from.

Taken with SQLite's online backup API from a separate read-only connection: one step, so
the copy is one consistent moment of the catalog while other programs keep writing (WAL
lets a reader and a writer work at once). Written as a hidden temporary file, fsynced,
renamed into place and the folder fsynced, so a backup either exists whole or not at all.
After an import batch, at most once a day (MIN_AGE); the newest KEEP are kept. Each is a
plain SQLite file a person can open with any SQLite tool.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import Archive

CATALOG = "catalog.sqlite"

FOLDER = "backups"
KEEP = 7
MIN_AGE = dt.timedelta(days=1)
PREFIX = "catalog-"
SUFFIX = ".sqlite"


def folder(root: Path) -> Path:
    return root / FOLDER


def existing(root: Path) -> list[Path]:
    """The backups, newest first (their names sort by the time they were taken)."""
    where = folder(root)
    if not where.is_dir():
        return []
    found = [p for p in where.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def taken_at(path: Path) -> dt.datetime | None:
    stamp = path.name[len(PREFIX):-len(SUFFIX)]
    try:
        return dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def due(root: Path, now: dt.datetime | None = None) -> bool:
    """True when no backup was taken within MIN_AGE."""
    now = now or dt.datetime.now(dt.UTC)
    for path in existing(root):
        when = taken_at(path)
        if when is not None and now - when < MIN_AGE:
            return False
    return True


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def take(root: Path, catalog: Path, keep: int = KEEP) -> Path:
    """Copy `catalog` into backups/ now; older copies beyond `keep` are removed.
    Raises OSError (disk full, read-only) or sqlite3.Error; the catalog is never touched."""
    where = folder(root)
    where.mkdir(exist_ok=True)
    need = catalog.stat().st_size
    if shutil.disk_usage(where).free < 2 * need + (64 << 20):
        raise OSError(28, f"not enough free space for a {need >> 20} MB catalog backup")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = where / f"{PREFIX}{stamp}{SUFFIX}"
    tmp = where / f".{target.name}.tmp"
    try:
        _copy(catalog, tmp)
        problems = good(tmp)  # never rotate sound backups out for copies of a damaged catalog
        if problems:
            raise sqlite3.DatabaseError(f"the catalog is damaged ({problems[0]}); no backup taken, "
                                        "the older ones are kept")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(where)
    for old in existing(root)[keep:]:
        old.unlink(missing_ok=True)
    return target


def _copy(catalog: Path, tmp: Path) -> None:
    tmp.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)  # pages=-1: all in one step, one consistent snapshot
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
        finally:
            dest.close()
    finally:
        source.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())


def good(path: Path) -> list[str]:
    """Problems SQLite finds in a backup (a full quick_check); [] when it can be used."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        return [str(r[0]) for r in rows if r[0] != "ok"]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


def after_import(archive: Archive) -> str | None:
    """The backup an import batch takes when none was taken today; a message when it
    could not be written (the import itself stands)."""
    if archive.readonly or not due(archive.root):
        return None
    try:
        take(archive.root, archive.root / CATALOG)
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"the catalog backup was not written ({reason}); the import is kept"
    return None

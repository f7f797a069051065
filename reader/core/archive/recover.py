"""`opdc-reader recover`: rebuild a damaged or lost catalog.

1. The damaged catalog (with its -wal and -shm) is moved aside into `damaged/<time>/`,
   never deleted: a specialist may still get something out of it.
2. The newest backup that SQLite finds sound becomes the catalog (copied through a
   temporary file, fsynced, renamed); with none, an empty catalog is made.
3. The whole journal is replayed over it (replay.py): every article version since the
   backup is extracted again from its original, then tags, notes, bookmarks, collections
   and the rest are put back as the journal last recorded them.
4. Any original that no article names yet (an archive from before the journal, or a
   journal lost too) is extracted again and added like a fresh import.
The archive's locks are held throughout, so no other program writes meanwhile.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from reader.core.ingest import IngestError, Source, extract

from . import backups, netfs
from .journal import REPLAYERS, Journal
from .lock import LockBusy, WriterLock
from .replay import Replay
from .schema import migrate
from .types import ArchiveError, ArchiveInUse, ArchiveReadOnly

CATALOG = "catalog.sqlite"
DAMAGED = "damaged"
Progress = Callable[[str], None]


@dataclass
class RecoverReport:
    archive: str
    damaged_kept: str | None = None
    backup_used: str | None = None
    backups_refused: list[str] = field(default_factory=list)
    journal_entries: int = 0
    journal_damaged_lines: list[str] = field(default_factory=list)
    articles_from_journal: int = 0
    articles_from_originals: int = 0
    articles: int = 0
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def recover(root: Path, progress: Progress | None = None) -> RecoverReport:
    """Rebuild the catalog of the archive at `root`; see the module docstring."""
    root = Path(root).expanduser().resolve()
    say = progress or (lambda _text: None)
    if not (root / "archive.toml").exists() and not (root / "originals").is_dir():
        raise ArchiveError(f"no archive at {root}")
    reason = netfs.network_reason(root)
    if reason:
        raise ArchiveReadOnly(reason.replace("so it is opened read-only", "so it cannot be recovered there"))
    if not os.access(root, os.W_OK):
        raise ArchiveReadOnly(f"the archive at {root} is read-only; copy it to a disk you can write to")
    report = RecoverReport(str(root))
    with _locked(root):
        report.damaged_kept = _set_aside(root)
        say("choosing a backup")
        report.backup_used = _restore_backup(root, report)
        say("replaying the journal")
        _replay_journal(root, report, say)
    say("extracting originals no article names")
    _reextract(root, report)
    return report


class _locked:
    """Both of the archive's locks, as every writer takes them (lock.py)."""

    def __init__(self, root: Path):
        self.locks = [WriterLock(root / "import.lock"), WriterLock(root / "lock")]

    def __enter__(self) -> None:
        held: list[WriterLock] = []
        try:
            for lock in self.locks:
                lock.acquire(5.0)
                held.append(lock)
        except LockBusy as exc:
            for lock in held:
                lock.release()
            raise ArchiveInUse(f"the archive is in use by another program ({exc.holder}); close it "
                               "and try again") from exc

    def __exit__(self, *exc: object) -> None:
        for lock in reversed(self.locks):
            lock.release()


def _set_aside(root: Path) -> str | None:
    catalog = root / CATALOG
    present = [p for p in (catalog, root / f"{CATALOG}-wal", root / f"{CATALOG}-shm") if p.exists()]
    if not present:
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    where = root / DAMAGED / stamp
    where.mkdir(parents=True, exist_ok=True)
    for path in present:
        os.replace(path, where / path.name)  # same disk: a rename, never a copy that could fail half-way
    return str(where)


def _restore_backup(root: Path, report: RecoverReport) -> str | None:
    for candidate in backups.existing(root):
        problems = backups.good(candidate)
        if problems:
            report.backups_refused.append(f"{candidate.name}: {problems[0]}")
            continue
        tmp = root / f".{CATALOG}.recover.tmp"
        shutil.copyfile(candidate, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, root / CATALOG)
        return candidate.name
    return None  # none sound: the journal and the originals rebuild everything


def _replay_journal(root: Path, report: RecoverReport, say: Progress | None = None) -> None:
    conn = sqlite3.connect(root / CATALOG, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)
        replay = Replay(conn, root)
        conn.execute("BEGIN IMMEDIATE")
        unknown: set[str] = set()
        for entry in Journal(root).entries(report.journal_damaged_lines):
            report.journal_entries += 1
            fn = REPLAYERS.get(entry["kind"])
            if fn is None:
                unknown.add(entry["kind"])
                continue
            conn.execute("SAVEPOINT entry")  # an entry that fails leaves nothing half-done
            try:
                fn(replay, entry)
            except (KeyError, TypeError, ValueError, sqlite3.IntegrityError) as exc:
                conn.execute("ROLLBACK TO entry")
                replay.problems.append(f"journal entry {entry['kind']} at {entry.get('at')}: {exc!r}")
            conn.execute("RELEASE entry")
            if say and report.journal_entries % 1000 == 0:
                say(f"replaying the journal: {report.journal_entries} changes, "
                    f"{replay.articles} articles extracted again")
        conn.execute("COMMIT")
        report.problems += replay.problems
        report.problems += [f"journal entries of kind {k!r} are not known to this version; kept, "
                            "not replayed" for k in sorted(unknown)]
        report.articles_from_journal = replay.articles
    finally:
        conn.close()


def _reextract(root: Path, report: RecoverReport) -> None:
    """Originals the rebuilt catalog does not name, imported again (duplicates are
    recognised as usual, so an original of an article already back changes nothing)."""
    from .store import Archive

    with Archive.open(root, create=False) as archive:
        named = {r[0] for r in archive.db.query("SELECT sha256 FROM originals")}
        loose = [(sha, path) for sha, path in archive.originals.iter_all() if sha not in named]
        if loose:
            with archive.batch():
                batch = archive.imports.begin(["recover: originals no article named"])
                counts: dict[str, int] = {}
                for sha, path in loose:
                    _add_original(archive, sha, path, batch, counts, report)
                archive.imports.finish(batch, counts, [])
        report.articles = archive.count_articles()
        try:
            backups.take(root, root / CATALOG)
        except (OSError, sqlite3.Error) as exc:
            report.problems.append(f"the recovered catalog could not be backed up ({exc})")


def _add_original(archive: Any, sha: str, path: Path, batch: int, counts: dict[str, int],
                  report: RecoverReport) -> None:
    name = f"originals/{sha[:2]}/{sha}"
    try:
        data = path.read_bytes()
        articles = extract(Source(name, data, "recovered from the originals"))
    except (IngestError, OSError) as exc:
        report.problems.append(f"original {sha}: cannot be read again ({exc})")
        return
    for article in articles:
        result = archive.add(article, data, "recovered from the originals", batch, name=name)
        counts[result.status] = counts.get(result.status, 0) + 1
        if result.status in ("new", "version"):
            report.articles_from_originals += 1

"""The journal: what only the catalog knows, one JSON line per change, for `recover`.

The originals keep every imported byte, so articles can always be extracted again; what
cannot be is the librarian's own work and the archive's history: tags, notes, bookmarks,
collections, highlights, subscriptions, which original became which article and version,
every route an article arrived by, the import batches. Each change appends one line to
`journal/<year>-<month>.jsonl`, fsynced before the change is reported done, so a backup
plus the journal gives back everything since that backup.

A line is `{"at": <UTC time>, "kind": <what>, ...what changed}`. Every kind is replayed by
a function registered with `@replays("kind")`, and replay is idempotent and last-writer-wins
per thing changed, so the whole journal can be replayed over any backup. Other features
record their own kinds with `archive.journal.record(kind, payload)` and register how to
replay them, or, simplest, call `archive.journal.record_row(conn, table, key)` inside their
transaction after each change: the row as it now is (or its deletion) is put back as is.

Inside a catalog transaction the lines wait (`pending()`), and are written only once the
transaction has committed, still under the writer lock: the journal's order is the
catalog's, and a change rolled back is never journaled.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .replay import Replay

FOLDER = "journal"
Entry = dict[str, Any]
Replayer = Callable[["Replay", Entry], None]
REPLAYERS: dict[str, Replayer] = {}


def replays(kind: str) -> Callable[[Replayer], Replayer]:
    """Register how entries of `kind` are put back into a catalog being recovered."""
    def register(fn: Replayer) -> Replayer:
        REPLAYERS[kind] = fn
        return fn
    return register


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass
class ReadResult:
    entries: list[Entry] = field(default_factory=list)
    damaged_lines: list[str] = field(default_factory=list)  # "<file>:<line>" that did not parse


class Journal:
    """The archive's journal folder. `record` appends (and fsyncs) one change."""

    def __init__(self, root: Path, readonly: bool = False):
        self.folder = root / FOLDER
        self.readonly = readonly
        self._lock = threading.Lock()
        self._local = threading.local()
        self.failures = 0  # lines that could not be written (a full disk): the change stands

    # -- writing -------------------------------------------------------------------------

    def record(self, kind: str, payload: Mapping[str, Any], at: str | None = None) -> None:
        """Journal one change; inside `pending()` it waits for the commit."""
        entry: Entry = {"at": at or _now(), "kind": kind, **payload}
        waiting: list[Entry] | None = getattr(self._local, "waiting", None)
        if waiting is not None:
            waiting.append(entry)
        else:
            self._append([entry])

    def record_row(self, conn: sqlite3.Connection, table: str, key: Mapping[str, Any]) -> None:
        """Journal one row of `table` as it now is in this transaction (gone: `"row": null`).
        The simplest way for a feature to be recoverable: call it after each change, inside
        the change's transaction; the "row" replayer puts the row back as it was last seen."""
        where = " AND ".join(f"{column}=?" for column in key)
        cur = conn.execute(f"SELECT * FROM {table} WHERE {where}", tuple(key.values()))
        found = cur.fetchone()
        names = [d[0] for d in cur.description]
        row = dict(zip(names, found, strict=True)) if found is not None else None
        self.record("row", {"table": table, "key": dict(key), "row": row})

    @contextmanager
    def pending(self) -> Iterator[None]:
        """Hold this thread's records until the block ends without an error; the block is
        one catalog transaction, committed at its end. Nested blocks share the outer one."""
        if getattr(self._local, "waiting", None) is not None:
            yield
            return
        self._local.waiting = []
        try:
            yield
            entries: list[Entry] = self._local.waiting
        finally:
            self._local.waiting = None
        if entries:
            self._append(entries)

    def _append(self, entries: list[Entry]) -> None:
        if self.readonly:
            return
        text = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entries)
        path = self.folder / f"{entries[0]['at'][:7]}.jsonl"
        with self._lock:
            try:
                self.folder.mkdir(exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    os.write(fd, text.encode("utf-8"))
                    os.fsync(fd)
                finally:
                    os.close(fd)
            except OSError:
                # The catalog has the change; only its second copy is missing. `verify`
                # and the window's status say so (journal.failures), nothing is undone.
                self.failures += 1

    # -- reading -------------------------------------------------------------------------

    def files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.suffix == ".jsonl")

    def entries(self, damaged: list[str] | None = None) -> Iterator[Entry]:
        """Every entry in order, one at a time (a year of a big archive's journal is tens of
        MB). A line that does not parse (the last one, cut by a crash, or a damaged block)
        is skipped and named in `damaged`; the rest is still used."""
        for path in self.files():
            with open(path, "rb") as fh:
                for number, raw in enumerate(fh, 1):
                    try:
                        entry = json.loads(raw)
                        if not isinstance(entry, dict) or "kind" not in entry:
                            raise ValueError("not a journal entry")
                    except ValueError:
                        if raw.strip() and damaged is not None:
                            damaged.append(f"{path.name}:{number}")
                        continue
                    yield entry

    def read(self) -> ReadResult:
        """All entries at once (tests, small journals); `entries` streams them."""
        result = ReadResult()
        result.entries = list(self.entries(result.damaged_lines))
        return result

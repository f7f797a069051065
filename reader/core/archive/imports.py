"""The record of import jobs ("batches"): when each ran, what it was given, what came of
it, and the files it could not take with the reason. `archive.imports`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .catalog import Catalog, now_iso
from .types import AddStatus, ImportBatch


class Imports:
    """One row per import job; the articles it stored name it in their `batch_id`."""

    def __init__(self, db: Catalog):
        self._db = db

    def begin(self, targets: Iterable[str]) -> int:
        """Record a job starting on these files, folders or URLs; returns its id."""
        text = "\n".join(str(t) for t in targets)
        with self._db.transaction() as conn:
            now = now_iso()
            cur = conn.execute("INSERT INTO batches(started_at, targets) VALUES (?,?)", (now, text))
            batch = int(cur.lastrowid or 0)
            self._db.journal.record("batch", {"id": batch, "targets": text}, now)
            return batch

    def finish(self, batch_id: int, counts: Mapping[str, int] | Mapping[AddStatus, int],
               failures: list[tuple[str, str]], status: str = "done") -> None:
        numbers = {"new": counts.get(AddStatus.NEW, 0), "versions": counts.get(AddStatus.VERSION, 0),
                   "unchanged": counts.get(AddStatus.UNCHANGED, 0),
                   "duplicates": counts.get(AddStatus.DUPLICATE, 0)}
        with self._db.transaction() as conn:
            now = now_iso()
            self._db.journal.record("batch_done", {"id": batch_id, "status": status, **numbers,
                                                   "failures": failures}, now)
            conn.execute(
                "UPDATE batches SET finished_at=?, status=?, new=?, versions=?, unchanged=?,"
                " duplicates=?, failed=? WHERE id=?",
                (now, status, numbers["new"], numbers["versions"], numbers["unchanged"],
                 numbers["duplicates"], len(failures), batch_id),
            )
            conn.executemany("INSERT INTO failures(batch_id, name, reason) VALUES (?,?,?)",
                             [(batch_id, name, reason) for name, reason in failures])

    def recent(self, limit: int = 10) -> list[ImportBatch]:
        """The last `limit` jobs, newest first."""
        rows = self._db.query("SELECT * FROM batches ORDER BY id DESC LIMIT ?", (limit,))
        return [ImportBatch(**{k: r[k] for k in r.keys()}) for r in rows]

    def failures(self, batch_id: int) -> list[tuple[str, str]]:
        """(file, reason) for each file the job could not take."""
        rows = self._db.query("SELECT name, reason FROM failures WHERE batch_id=?", (batch_id,))
        return [(r[0], r[1]) for r in rows]

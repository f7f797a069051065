"""The window's long jobs, written to run in a child process (offload.py): an update of
the followed sources and a search-index sync. Each opens the archive by its folder (a
child has its own catalog connection and its own locks, as a command-line run has) and
stops at the next step when `cancel` is set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Report = Callable[[Any], None]


def update_sources(report: Report, cancel: Any, root: str, source_id: int | None,
                   force: bool, floor: float) -> Any:
    """run_update over the archive at `root`: None when nothing was due (no lock taken,
    no request made), else its UpdateSummary. Progress: its UpdateEvents. `floor` is
    the caller's polite.FLOOR, so the child is exactly as polite as the process that
    asked (1 s unless the test suite shortened it there; no setting reaches it)."""
    from reader.core.archive import Archive
    from reader.core.archive.subscriptions import Subscriptions
    from reader.core.fetch import polite
    from reader.core.fetch.update import run_update

    polite.FLOOR = max(floor, 0.0)

    with Archive.open(Path(root), create=False) as archive:
        if source_id is None and not force and not Subscriptions(archive).due():
            return None
        return run_update(archive, source_id, progress=report, cancel=cancel, force=force)


def sync_search(report: Report, cancel: Any, root: str) -> int:
    """sync_index for the archive at `root`; how many articles were (re)indexed.
    Progress: (done, total). A cancel stops the index writer cleanly (InterruptedError)."""
    from reader.core.archive import Archive
    from reader.core.search import open_index, sync_index

    def progress(done: int, total: int) -> None:
        if cancel.is_set():
            raise InterruptedError("closing")
        report((done, total))

    with Archive.open(Path(root), create=False) as archive:
        index = open_index(archive, sync=False)
        try:
            return sync_index(archive, index, progress=progress)
        finally:
            index.close()

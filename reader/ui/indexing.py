"""Keeping the search index in step with the catalog, from the window.

The index is derived data (a crash during an import may leave it behind), so the window
opens it after start through the background helper (loading Whoosh and the Thai analyser
does not delay the first window) and repairs it in a child process (reader.core.offload),
so writing the index never holds up the window's event loop. While anything writes to the index,
`usable()` says no and the search box filters by title: typing never waits for a writer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from .i18n import fill
from .worker import Job, run_in_background

if TYPE_CHECKING:
    from reader.core.archive import Archive
    from reader.core.search import SearchIndex


class IndexController(QObject):
    finished = Signal(object)  # articles (re)indexed, or None after a failure

    def __init__(self, parent: QObject, archive: Archive, index: SearchIndex | None, status: QStatusBar,
                 opener: Callable[[], SearchIndex | None] | None = None) -> None:
        super().__init__(parent)
        self.archive, self.index, self.status = archive, index, status
        self.opener = opener  # opens the index in the background when none was given
        self.job: Job | None = None

    def usable(self, importing: bool = False) -> SearchIndex | None:
        if self.index is None or self.job is not None or importing:
            return None
        return self.index

    def start(self, repair: bool = True) -> Job | None:
        """Open the index (when an opener was given) and, if `repair`, bring it up to date."""
        if self.job is not None or (self.index is None and self.opener is None):
            return None
        archive, opener, given = self.archive, self.opener, self.index

        def work(report, cancel):
            index = given if given is not None or opener is None else opener()
            if index is None or not repair:
                return index, 0
            updated = 0
            stamp = index.stamp()
            if stamp != archive.index_stamp():
                from reader.core.childjobs import sync_search
                from reader.core.offload import run_in_child

                if stamp[0] == 0:  # the child rebuilds it, replacing its files: let go of
                    index.close()  # them here first (Windows cannot delete open files)
                # The writing runs in a child process: on this thread it stalled the
                # window's event loop by up to 780 ms (offload.py says why).
                try:
                    updated = run_in_child(sync_search, (str(archive.root),), report, cancel)
                finally:
                    index.reload()  # what the child wrote (or left, when it failed)
            index.warm()  # so the first search does not wait for numpy and tables
            return index, updated

        self.job = run_in_background(work, on_done=self._done, on_error=self._failed,
                                     on_progress=self._progress)
        return self.job

    def _progress(self, value: tuple[int, int]) -> None:
        done, total = value
        self.status.showMessage(fill(self.tr("Updating the search index: %1 of %2"), done, total))

    def _done(self, result: tuple[SearchIndex | None, int]) -> None:
        self.index, updated = result
        self.job = None
        self.status.clearMessage()
        if updated:
            self.status.showMessage(
                fill(self.tr("Search index updated (%1 articles)"), updated), 5000)
        self.finished.emit(updated)

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        if not isinstance(exc, InterruptedError):
            self.status.showMessage(str(exc), 10000)
        self.finished.emit(None)

"""Followed sources refreshed from the window: in the background on a timer while the app
runs, or now when asked. The update itself is reader.core.fetch.update.run_update, run
in a child process (reader.core.offload) watched by the one background helper, so
reading never waits for it. When articles arrive
the status bar says how many and screen readers hear it once, politely; no network is
said once, not at every try.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from . import announce
from .forms import named
from .i18n import fill
from .worker import Job, run_in_background

CHECK_MS = 5 * 60 * 1000  # how often the window asks whether a source is due
FIRST_CHECK_MS = 20 * 1000  # after start: the window settles first
MESSAGE_MS = 15 * 1000


class UpdateController(QObject):
    finished = Signal(object)  # the UpdateSummary, or None when nothing was due or it failed
    progressed = Signal(str)

    def __init__(self, window: QMainWindow, archive: Any) -> None:
        super().__init__(window)
        self.window, self.archive = window, archive
        self.timer = named(QTimer(self, interval=CHECK_MS), "sourcesTimer")
        self.timer.timeout.connect(self.refresh)
        self.job: Job | None = None
        self.offline = False
        self.last_summary: Any = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self) -> None:
        if not getattr(self.archive, "readonly", False):
            QTimer.singleShot(FIRST_CHECK_MS, self.refresh)
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.job is not None:
            self.job.cancel()

    def refresh(self, force: bool = False, source_id: int | None = None) -> Job | None:
        """Fetch the due sources (all of them with force, or one) in the background."""
        if self.busy or getattr(self.archive, "readonly", False):
            return None
        archive = self.archive

        def work(report: Any, cancel: Any) -> Any:
            from reader.core.archive.subscriptions import Subscriptions
            from reader.core.childjobs import update_sources
            from reader.core.fetch.polite import floor
            from reader.core.offload import run_in_child

            if source_id is None and not force and not Subscriptions(archive).due():
                return None  # nothing due: no lock taken, no request made, no process started
            # In a child process: on a thread of the window's own, the update held up its
            # event loop by 100 ms and more (offload.py says why).
            return run_in_child(update_sources, (str(archive.root), source_id, force, floor()),
                                report, cancel)

        self.job = run_in_background(work, on_done=self._done, on_error=self._failed,
                                     on_progress=self._progress)
        return self.job

    def _progress(self, event: Any) -> None:
        if event.outcome is None:
            text = fill(self.tr("Fetching sources: %1 of %2 (%3)"), event.done + 1, event.total, event.label)
            self.window.statusBar().showMessage(text, MESSAGE_MS)
            self.progressed.emit(text)

    def _done(self, summary: Any) -> None:
        self.job = None
        self.last_summary = summary
        if summary is None:
            self.finished.emit(None)
            return
        # The window refreshes its list first (which announces the list's count), so the
        # news is the last thing said and shown.
        self.finished.emit(summary)
        bar = self.window.statusBar()
        if summary.new:
            text = self.tr("1 new article") if summary.new == 1 else fill(self.tr("%1 new articles"), summary.new)
            bar.showMessage(text, MESSAGE_MS)
            announce.say(self.window, text)
        elif summary.offline and not self.offline:
            bar.showMessage(self.tr("Offline: the sources are fetched again when the network is back"),
                            MESSAGE_MS)
        elif summary.failed:
            bar.showMessage(fill(self.tr("%1 sources could not be fetched; File > Sources says why"),
                                 len(summary.failed)), MESSAGE_MS)
        else:
            bar.clearMessage()
        self.offline = summary.offline

    def _failed(self, error: BaseException) -> None:
        self.job = None
        from reader.core.archive import ArchiveInUse

        if not isinstance(error, ArchiveInUse):  # an import holds the archive: next time
            self.window.statusBar().showMessage(fill(self.tr("The sources could not be fetched: %1"), error),
                                                MESSAGE_MS)
        self.finished.emit(None)

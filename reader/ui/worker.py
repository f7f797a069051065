"""The one helper for work off the GUI thread (import, reindex, export, search).

`run_in_background(fn, ...)` runs `fn(report, cancel)` on Qt's thread pool, where
`report(value)` sends progress and `cancel` is a threading.Event the function checks.
Progress, the result and any failure come back on the GUI thread: the worker emits
signals of a QObject that lives on the GUI thread, and that object's slots call the
callbacks (a plain lambda connected to a cross-thread signal would run on the worker).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Report = Callable[[Any], None]
Work = Callable[[Report, threading.Event], Any]

_running: set[Job] = set()  # keeps jobs alive until their result is delivered


class Job(QObject):
    """A handle on one piece of background work."""

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()  # after succeeded or failed, always

    _relay_progress = Signal(object)
    _relay_result = Signal(object, object)  # (result, error)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._relay_progress.connect(self._on_progress)
        self._relay_result.connect(self._on_result)

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    @Slot(object)
    def _on_progress(self, value: Any) -> None:
        if not self.done:
            self.progressed.emit(value)

    @Slot(object, object)
    def _on_result(self, result: Any, error: Any) -> None:
        self.result, self.error, self.done = result, error, True
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.finished.emit()
        _running.discard(self)


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: Work) -> None:
        super().__init__()
        self.job, self.fn = job, fn

    def run(self) -> None:
        job = self.job
        try:
            result = self.fn(job._relay_progress.emit, job.cancel_event)
        except BaseException as exc:  # delivered to the GUI, never lost in a thread
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            job._relay_result.emit(None, exc)
        else:
            job._relay_result.emit(result, None)


def run_in_background(
    fn: Work,
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[Any], None] | None = None,
    pool: QThreadPool | None = None,
) -> Job:
    """Start `fn(report, cancel)` off the GUI thread; callbacks run on the GUI thread."""
    job = Job()
    if on_done:
        job.succeeded.connect(on_done)
    if on_error:
        job.failed.connect(on_error)
    if on_progress:
        job.progressed.connect(on_progress)
    _running.add(job)
    (pool or QThreadPool.globalInstance()).start(_Runnable(job, fn))
    return job


class Task(QObject):
    """What the window's import and export controllers share: one job at a time, `busy`,
    `cancel()`, and the job's progress, result and failure delivered to the subclass's
    `_progress`, `_done` and `_failed` on the GUI thread; `_release()` when it is over."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _launch(self, fn: Work) -> Job:
        self.job = run_in_background(fn, on_progress=self._progress, on_done=self._done,
                                     on_error=self._failed)
        return self.job

    def _release(self) -> None:
        self.job = None

    def _progress(self, value: Any) -> None:
        pass  # a task without progress to show

    def _done(self, result: Any) -> None:
        raise NotImplementedError

    def _failed(self, error: BaseException) -> None:
        raise NotImplementedError


class ProgressDisplay(Protocol):
    """A progress bar or a progress dialog."""

    def setRange(self, minimum: int, maximum: int) -> None: ...  # noqa: N802 (Qt's name)
    def setValue(self, progress: int) -> None: ...  # noqa: N802 (Qt's name)


def show_progress(display: ProgressDisplay, done: int, total: int) -> None:
    """`done` of `total` on a bar or dialog; with no total yet, the busy (moving) bar."""
    if total:
        display.setRange(0, total)
        display.setValue(min(done, total))
    else:
        display.setRange(0, 0)


def running_jobs() -> list[Job]:
    return list(_running)


def cancel_all(timeout_ms: int = 5000) -> None:
    """On quit: ask every job to stop and wait for the pool to drain."""
    for job in list(_running):
        job.cancel()
    QThreadPool.globalInstance().waitForDone(timeout_ms)

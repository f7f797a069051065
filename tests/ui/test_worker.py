"""The background helper delivers progress, results and failures on the GUI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from reader.ui.worker import run_in_background, running_jobs


def test_result_and_progress_on_gui_thread(qtbot):
    gui = QThread.currentThread()
    seen: list = []
    worker_threads: list = []

    def work(report, cancel):
        worker_threads.append(threading.current_thread())
        for i in range(3):
            report(i)
        return "done"

    job = run_in_background(work, on_progress=lambda v: seen.append((v, QThread.currentThread() is gui)))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert job.result == "done" and job.error is None
    assert seen == [(0, True), (1, True), (2, True)]
    assert worker_threads[0] is not threading.main_thread()
    assert job not in running_jobs()


def test_failure_is_delivered(qtbot):
    def work(report, cancel):
        raise ValueError("bad page")

    errors = []
    job = run_in_background(work, on_error=errors.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert isinstance(errors[0], ValueError) and "bad page" in str(errors[0])
    assert "ValueError" in errors[0].traceback_text


def test_cancel_stops_the_work(qtbot):
    started = threading.Event()

    def work(report, cancel):
        started.set()
        for _ in range(500):
            if cancel.is_set():
                return "cancelled"
            time.sleep(0.01)
        return "finished"

    job = run_in_background(work)
    assert started.wait(5)
    job.cancel()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert job.result == "cancelled"


def test_gui_keeps_running_while_work_runs(qtbot):
    release = threading.Event()
    job = run_in_background(lambda report, cancel: release.wait(5))
    ticks = []
    qtbot.waitUntil(lambda: ticks.append(1) or len(ticks) > 3, timeout=2000)
    assert not job.done
    release.set()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass


@pytest.fixture(autouse=True)
def _drain():
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(5000)

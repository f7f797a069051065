"""reader.core.offload: a job in a spawned child process, its progress, result, errors
and cancel brought back to the caller (the window's update and index sync use it)."""

from __future__ import annotations

import os
import threading
import time

import pytest

from reader.core.archive.types import ArchiveError, ArchiveInUse
from reader.core.offload import ChildFailed, run_in_child


def counting(report, cancel, n: int) -> tuple[int, int]:
    for i in range(n):
        report(i)
    return os.getpid(), n


def failing(report, cancel, kind: str) -> None:
    if kind == "in use":
        raise ArchiveInUse("the archive is in use by another import")
    if kind == "unpicklable":
        class Local(ArchiveError):  # a class pickle cannot find by name
            pass
        raise Local("a local error")
    raise ValueError("bad input: ไม่ถูกต้อง")


def waiting(report, cancel) -> str:
    report("started")
    deadline = time.monotonic() + 30
    while not cancel.is_set():
        if time.monotonic() > deadline:
            return "never cancelled"
        time.sleep(0.01)
    return "stopped"


def dying(report, cancel) -> None:
    report("about to die")
    os._exit(9)


def test_result_and_progress_come_back_from_another_process():
    seen: list[int] = []
    pid, n = run_in_child(counting, (5,), seen.append)
    assert (n, seen) == (5, [0, 1, 2, 3, 4])
    assert pid != os.getpid()


def test_errors_are_raised_here_with_their_type_and_words():
    with pytest.raises(ValueError, match="ไม่ถูกต้อง"):
        run_in_child(failing, ("value",))
    with pytest.raises(ArchiveInUse, match="in use"):
        run_in_child(failing, ("in use",))
    with pytest.raises(ArchiveError, match="a local error"):  # cannot be pickled: its words can
        run_in_child(failing, ("unpicklable",))


def test_cancel_reaches_the_child():
    cancel = threading.Event()
    started = time.monotonic()
    assert run_in_child(waiting, (), lambda _value: cancel.set(), cancel) == "stopped"
    assert time.monotonic() - started < 25


def test_a_child_that_dies_is_reported_not_waited_for():
    seen: list[str] = []
    with pytest.raises(ChildFailed, match="exit code 9"):
        run_in_child(dying, (), seen.append)
    assert seen == ["about to die"]

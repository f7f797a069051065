"""Running one long job (an update of the followed sources, a search-index sync) in a
child process, for a program with a window to keep responsive.

Why a process and not a thread: the window measured event-loop stalls of 100-780 ms
while the same work ran on one of its threads. Python runs one thread at a time, and
the work holds the interpreter in long C calls (loading the TLS certificate store
took 70 ms in one call, a feed or a Whoosh segment merge longer) and in garbage
collections of its large heaps; on a loaded machine the worker thread is also
descheduled while it holds the interpreter, and the window waits for it. A child
process shares none of that: the window only reads its progress from a pipe.

`run_in_child(target, args, report, cancel)` starts a spawned child (fork is unsafe
beside Qt's threads) that calls `target(report, cancel, *args)`: `report(value)` sends
progress back, `cancel` is an Event set when the caller's own `cancel` is. What the
target returns comes back, or its exception is raised here. The target must be a
module-level function and its arguments, progress and result picklable. When no child
can be started (no semaphores, a frozen build whose entry point did not call
multiprocessing.freeze_support()) the target runs in the calling thread.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Protocol

log = logging.getLogger(__name__)

POLL_SECONDS = 0.1  # how often the caller looks at its cancel flag while waiting
STOP_GRACE_SECONDS = 3.0  # a cancelled child finishes its step (a commit), or is ended: safe, an
# update or index sync killed at any point is finished by the next one (RELIABILITY.md)


class Flag(Protocol):
    def is_set(self) -> bool: ...


class ChildFailed(RuntimeError):
    """The child process ended without an answer (killed, out of memory)."""


def _child_main(pipe: Connection, cancel: Any, target: Callable[..., Any], args: tuple[Any, ...]) -> None:
    def report(value: Any) -> None:
        pipe.send(("progress", value))

    try:
        result = target(report, cancel, *args)
    except BaseException as exc:  # sent to the caller, who raises it
        pipe.send(("error", _picklable(exc)))
    else:
        pipe.send(("result", result))
    finally:
        pipe.close()


def _picklable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else one with its words (an
    ArchiveError stays an ArchiveError, anything else becomes a RuntimeError)."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        from reader.core.archive.types import ArchiveError

        if isinstance(exc, ArchiveError):
            return ArchiveError(str(exc))
        return RuntimeError(f"{exc.__class__.__name__}: {exc}")


def can_use_child() -> bool:
    # A frozen app re-runs itself for a spawned child: its entry point must call
    # multiprocessing.freeze_support() first (packaging/launcher.py does), or the child
    # would start a second app. A frozen build without it runs the job on a thread.
    return not getattr(sys, "frozen", False) or getattr(sys, "opdc_freeze_support", False)


def probe(report: Callable[[Any], None], cancel: Flag) -> int:
    """A job that only says which process ran it: the self-test's proof that a child can
    be started here (in a bundle, that the entry point lets it)."""
    report("started")
    return os.getpid()


def run_in_child(target: Callable[..., Any], args: tuple[Any, ...] = (),
                 report: Callable[[Any], None] | None = None, cancel: Flag | None = None) -> Any:
    """target(report, cancel, *args) in a spawned child; see the module docstring."""
    report = report or (lambda _value: None)
    if not can_use_child():
        return target(report, cancel or threading.Event(), *args)
    ctx = multiprocessing.get_context("spawn")
    try:
        ours, theirs = ctx.Pipe(duplex=False)
        stop = ctx.Event()
        child = ctx.Process(target=_child_main, args=(theirs, stop, target, args),
                            name=f"opdc-{target.__name__}")
        child.start()
    except (OSError, ImportError) as exc:  # no /dev/shm, no semaphores, no fork server
        log.info("no child process (%s): running %s here", exc, target.__name__)
        return target(report, cancel or threading.Event(), *args)
    theirs.close()  # so a dead child reads as end of file here
    try:
        return _relay(ours, child, stop, report, cancel)
    finally:
        _reap(child, stop)
        ours.close()


def _relay(pipe: Connection, child: Any, stop: Any, report: Callable[[Any], None],
           cancel: Flag | None) -> Any:
    asked: float | None = None  # when the child was asked to stop
    while True:
        if cancel is not None and cancel.is_set() and asked is None:
            stop.set()
            asked = time.monotonic()
        if not pipe.poll(POLL_SECONDS):
            if asked is not None and time.monotonic() - asked > STOP_GRACE_SECONDS:
                child.terminate()  # stuck (in a slow answer): ended, which is safe
                raise InterruptedError("cancelled")
            continue
        try:
            kind, value = pipe.recv()
        except EOFError:
            child.join(STOP_GRACE_SECONDS)
            raise ChildFailed(f"the background process ended unexpectedly (exit code {child.exitcode})") from None
        if kind == "progress":
            report(value)
        elif kind == "error":
            raise value
        else:
            return value


def _reap(child: Any, stop: Any) -> None:
    """Wait for the child to end (it has answered, or it is asked to stop here: the
    caller gave up on it); one that does not stop in the grace time is ended."""
    stop.set()
    child.join(STOP_GRACE_SECONDS)
    if child.is_alive():
        log.warning("background process %s did not stop: terminating it", child.pid)
        child.terminate()
        child.join(5)

"""One writer at a time: exclusive locks on files inside the archive.

Two locks, both advisory: `import.lock` is held for a whole long job (an import, a
reindex) so two of them never run at once; `lock` is held for each single write (one
article stored, one tag added) so the window's edits slip in between an import's
articles instead of waiting for the whole batch. A writer that cannot get a lock waits
a little, then gets a clear "archive in use" error instead of corrupting anything.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class LockBusy(Exception):
    def __init__(self, holder: str):
        super().__init__(holder)
        self.holder = holder


class WriterLock:
    """Re-entrant (per object, across its threads) exclusive lock on `path`."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None
        self._depth = 0
        # The window's import thread and its GUI thread share one Archive: the depth count
        # must not race, or one thread's release would unlock the file under the other.
        self._guard = threading.Lock()

    def acquire(self, wait: float = 0.0) -> None:
        with self._guard:
            if self._depth:
                self._depth += 1
                return
            self._lock_file(wait)

    def _lock_file(self, wait: float) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                holder = self._read_holder(fd)
                os.close(fd)
                raise LockBusy(holder)
            time.sleep(0.05)
        # Record who holds it, for the "in use by" message.
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"pid {os.getpid()}".encode())
        self._fd = fd
        self._depth = 1

    def release(self) -> None:
        with self._guard:
            self._release()

    def _release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._depth > 0

    @staticmethod
    def _read_holder(fd: int) -> str:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            return os.read(fd, 64).decode(errors="replace").strip() or "another process"
        except OSError:
            return "another process"

"""One request at a time per host, and at least FLOOR seconds between two of them.

Politeness is by construction: every request the fetcher makes goes through
`HostGate.slot(origin)`, which holds that host's lock for the whole request and waits
until the host's interval has passed since the previous request *ended* (robots.txt
included, so the first page after it already keeps the Crawl-delay). The interval is
the largest of FLOOR, the user's setting and the host's robots.txt Crawl-delay; a host
that answered 429/503 with Retry-After is not asked again before that time.

FLOOR is a module constant, not a setting: a setting can raise the interval, never lower
it. (The test suite shortens it through this module, which no command or window reaches;
the window's update runs in a child process, which is handed this process's FLOOR.)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from reader.core.fetch.errors import DEFERRED, FetchError

FLOOR = 1.0  # seconds between two requests to one host, at the least


def floor() -> float:
    return FLOOR


class HostGate:
    """Per-host locks and clocks, shared by every request of one fetcher."""

    def __init__(self, interval: float = 1.0, max_wait: float = 60.0):
        self.interval = interval
        self.max_wait = max_wait
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last_end: dict[str, float] = {}  # monotonic time the host's last request ended
        self._blocked: dict[str, float] = {}  # Retry-After, as a monotonic time

    def gap(self, crawl_delay: float | None = None) -> float:
        return max(floor(), self.interval, crawl_delay or 0.0)

    def block(self, origin: str, seconds: float) -> None:
        """The host asked us (Retry-After) not to come back for `seconds`."""
        with self._guard:
            until = time.monotonic() + seconds
            self._blocked[origin] = max(until, self._blocked.get(origin, 0.0))

    def blocked_for(self, origin: str) -> float:
        with self._guard:
            return max(0.0, self._blocked.get(origin, 0.0) - time.monotonic())

    @contextmanager
    def slot(self, origin: str, crawl_delay: float | None = None,
             cancel: threading.Event | None = None) -> Iterator[None]:
        """Hold `origin` for one request. Raises FetchError(DEFERRED) when the host
        cannot be asked within max_wait seconds (a long Crawl-delay or Retry-After)."""
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            now = time.monotonic()
            last = self._last_end.get(origin)
            wait = self.blocked_for(origin)
            if last is not None:
                wait = max(wait, last + self.gap(crawl_delay) - now)
            if wait > self.max_wait:
                raise FetchError(DEFERRED, f"{origin} asked us to wait {wait:.0f} s; trying later",
                                 retry_after=wait, host=origin, wait=wait)
            if wait > 0:
                if cancel is not None:
                    if cancel.wait(wait):
                        raise FetchError(DEFERRED, "cancelled", code="cancelled")
                else:
                    time.sleep(wait)
            try:
                yield
            finally:
                self._last_end[origin] = time.monotonic()

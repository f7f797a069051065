"""robots.txt: read before the first request to a host, cached, re-read at most daily.

Parsed by protego (Google's reading: longest match wins, Allow beats Disallow on a tie,
`*` and `$` wildcards, Crawl-delay). What the answer means follows RFC 9309: a 4xx (no
robots.txt) allows everything; a 5xx or no answer means "do not crawl now", so nothing
on that host is fetched until robots.txt can be read. A `store` (the catalog's `robots`
table) keeps the answer across runs, so a cron job run hourly reads it once a day.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from protego import Protego

from reader.core.fetch.errors import BUSY, HTTP, FetchError

MAX_AGE = 24 * 3600.0  # seconds a robots.txt is trusted


class RobotsStore(Protocol):
    def robots(self, origin: str) -> tuple[int, str, str] | None: ...
    def store_robots(self, origin: str, status: int, body: str, fetched_at: str) -> None: ...


@dataclass
class Rules:
    """What one host's robots.txt allows this program."""

    status: int
    body: str
    fetched_at: dt.datetime
    agent: str

    def __post_init__(self) -> None:
        self._parsed = Protego.parse(self.body) if 200 <= self.status < 300 else None

    def allowed(self, url: str) -> bool:
        if self._parsed is None:
            return True  # 4xx: no robots.txt, everything allowed
        return bool(self._parsed.can_fetch(url, self.agent))

    def crawl_delay(self) -> float | None:
        if self._parsed is None:
            return None
        delay = self._parsed.crawl_delay(self.agent)
        return float(delay) if delay is not None else None


Loader = Callable[[str], tuple[int, str]]  # robots URL -> (status, body); raises FetchError


class RobotsCache:
    def __init__(self, agent: str, store: RobotsStore | None = None, max_age: float = MAX_AGE):
        self.agent = agent
        self.store = store
        self.max_age = max_age
        self._mem: dict[str, Rules] = {}
        self._lock = threading.Lock()

    def rules(self, origin: str, load: Loader) -> Rules:
        """The rules for `origin` (scheme://host[:port]), read with `load` when the cached
        copy is missing or older than max_age. Raises FetchError when robots.txt cannot be
        read (5xx, 429, no answer): then nothing on that host may be fetched."""
        now = dt.datetime.now(dt.UTC)
        with self._lock:
            cached = self._mem.get(origin) or self._from_store(origin)
        if cached is not None and (now - cached.fetched_at).total_seconds() < self.max_age:
            return cached
        status, body = load(origin + "/robots.txt")
        if status == 429 or status >= 500:
            raise FetchError(BUSY if status in (429, 503) else HTTP,
                             f"{origin}/robots.txt answered {status}; nothing is fetched from this "
                             "site until it can be read", status=status, code="robots-unreadable",
                             host=origin, http_status=status)
        rules = Rules(status, body if 200 <= status < 300 else "", now, self.agent)
        with self._lock:
            self._mem[origin] = rules
        if self.store is not None:
            self.store.store_robots(origin, status, rules.body, now.isoformat(timespec="seconds"))
        return rules

    def _from_store(self, origin: str) -> Rules | None:
        if self.store is None:
            return None
        row = self.store.robots(origin)
        if row is None:
            return None
        status, body, fetched = row
        try:
            when = dt.datetime.fromisoformat(fetched)
        except ValueError:
            return None
        rules = Rules(status, body, when, self.agent)
        self._mem[origin] = rules
        return rules

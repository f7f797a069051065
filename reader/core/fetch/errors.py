"""What can go wrong with one request, as one exception with a kind and plain words.

The kinds decide what the updater does next: "unreachable" counts toward the offline
state (no network at all), "busy" carries the server's Retry-After, "deferred" means the
host asked us to wait longer than one pass should (Crawl-delay, Retry-After), and the
rest count as failures of the source, with backoff.
"""

from __future__ import annotations

UNREACHABLE = "unreachable"  # no connection at all: DNS, refused, network down
TIMEOUT = "timeout"
TLS = "tls"  # certificate not trusted: never bypassed
HTTP = "http"  # an error status
BUSY = "busy"  # 429 or 503: Retry-After honoured
DISALLOWED = "disallowed"  # robots.txt says no
REFUSED = "refused"  # redirect to a non-web address, too many redirects
TOO_LARGE = "too-large"
DEFERRED = "deferred"  # the host wants us to wait; tried again later, not a failure
PROXY = "proxy"
BROKEN = "broken"  # the server broke the connection or spoke nonsense


class FetchError(Exception):
    """One request that did not give a body: `kind` (above), a message for a person,
    the HTTP status when there was one, and seconds to wait when the server said so."""

    def __init__(self, kind: str, message: str, status: int | None = None,
                 retry_after: float | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.retry_after = retry_after

    def __str__(self) -> str:
        return self.message

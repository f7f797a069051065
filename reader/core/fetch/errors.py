"""What can go wrong with one request, as one exception with a kind and plain words.

The kinds decide what the updater does next: "unreachable" counts toward the offline
state (no network at all), "busy" carries the server's Retry-After, "deferred" means the
host asked us to wait longer than one pass should (Crawl-delay, Retry-After), and the
rest count as failures of the source, with backoff.
"""

from __future__ import annotations

from typing import Any

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
    """One request that did not give a body: `kind` (above), a message for a person
    (English, for the command line), the HTTP status when there was one, and seconds to
    wait when the server said so. `code` and `params` say the same for a program: the
    window words them in the reader's language (ui/sourcestate.py); `code` is the kind
    unless the kind has more than one story (e.g. "robots-unreadable" is a BUSY or HTTP)."""

    def __init__(self, kind: str, message: str, status: int | None = None,
                 retry_after: float | None = None, code: str | None = None, **params: Any):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.retry_after = retry_after
        self.code = code or kind
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:  # pickled whole (it crosses to the window's process)
        return (_rebuild, (self.kind, self.message, self.status, self.retry_after, self.code, self.params))

    def __str__(self) -> str:
        return self.message


def _rebuild(kind: str, message: str, status: int | None, retry_after: float | None, code: str,
             params: dict[str, Any]) -> FetchError:
    return FetchError(kind, message, status, retry_after, code, **params)

"""The HTTP fetcher: one polite GET, with every rule of issue 11 applied on each hop.

httpx rather than urllib3: both stream bodies and separate connect from read timeouts,
but httpx also reads proxies from the environment exactly as curl and browsers do
(HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY; government offices use them), which
urllib3 leaves to the caller, and it lets us follow redirects ourselves, one hop at a
time, so each new host gets its own robots.txt check and its own turn at the gate.

Rules (each has a test in tests/core/test_fetch.py): robots.txt before the first request
to a host; one request at a time per host, at least polite.FLOOR seconds apart;
conditional GET (a 304 downloads nothing); 429/503 honour Retry-After; connect and read
timeouts and a limit on the whole download; a streamed size cap; redirects only to
http(s), at most 5; no cookies kept; a User-Agent naming the app and its version; TLS
always verified, a certificate error reported in plain words.
"""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import ssl
import threading
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from reader import __version__
from reader.core.archive.subscriptions import FetchRecord
from reader.core.fetch import errors as E
from reader.core.fetch.errors import FetchError
from reader.core.fetch.polite import HostGate
from reader.core.fetch.robots import RobotsCache, RobotsStore
from reader.core.ingest.base import MB, size_text

AGENT_TOKEN = "OPDC-Reader"  # what robots.txt groups are matched against
USER_AGENT = f"{AGENT_TOKEN}/{__version__} (offline archive of Thai government news; obeys robots.txt)"
REDIRECTS = (301, 302, 303, 307, 308)
ROBOTS_MAX = 512 * 1024  # RFC 9309: parse at least 500 KiB
MAX_RETRY_AFTER = 7 * 86400.0


@dataclass(frozen=True)
class FetchSettings:
    """What a user or a test may change. `interval` can raise the gap between two
    requests to one host above polite.FLOOR, never lower it."""

    interval: float = 0.0  # seconds between two requests to one host; polite.FLOOR at least
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0  # a whole download, however slowly it trickles
    max_bytes: int = 20 * MB
    max_redirects: int = 5
    max_wait: float = 60.0  # longest wait for a host's turn before trying it later


@dataclass
class Response:
    requested_url: str
    final_url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes = b""
    fetched_at: str = ""
    not_modified: bool = False
    hops: list[str] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        lower = name.lower()
        return next((v for k, v in self.headers if k.lower() == lower), None)

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    def record(self) -> FetchRecord:
        return FetchRecord(self.requested_url, self.final_url, self.status, self.headers,
                           self.fetched_at)


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """Refuse every cookie: each request is anonymous and alike."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: object) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: object) -> bool:
        return False


def tls_context() -> ssl.SSLContext:
    """The system's certificate store (SSL_CERT_FILE/SSL_CERT_DIR honoured), with
    certifi's bundle added where the system has none (a bare container, some bundles)."""
    ctx = ssl.create_default_context()
    if not ctx.cert_store_stats().get("x509_ca"):
        try:
            import certifi

            ctx.load_verify_locations(certifi.where())
        except (ImportError, OSError):
            pass
    return ctx


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    netloc = host if port in (None, default) else f"{host}:{port}"
    if ":" in host:  # an IPv6 literal
        netloc = f"[{host}]" if port in (None, default) else f"[{host}]:{port}"
    return f"{parts.scheme.lower()}://{netloc}"


class Fetcher:
    """Polite GETs. One per update pass (or per window): it owns the per-host clocks."""

    def __init__(self, settings: FetchSettings | None = None, robots_store: RobotsStore | None = None,
                 cancel: threading.Event | None = None):
        self.settings = settings or FetchSettings()
        self.cancel = cancel
        self.gate = HostGate(self.settings.interval, self.settings.max_wait)
        self.robots = RobotsCache(AGENT_TOKEN, robots_store)
        self.requests = 0  # every request sent, robots.txt included
        self.bytes = 0  # body bytes received
        s = self.settings
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT}, follow_redirects=False, trust_env=True,
            verify=tls_context(), cookies=http.cookiejar.CookieJar(policy=_NoCookies()),
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the public call -----------------------------------------------------------

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET `url`, following at most max_redirects redirects. A 304 comes back with
        not_modified=True and no body. Raises FetchError for everything else."""
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        current, hops = url, list[str]()
        for _ in range(self.settings.max_redirects + 1):
            _check_scheme(current, url)
            self._check_robots(current)
            response, location = self._one(current, conditional)
            if location is None:
                response.requested_url, response.hops = url, hops
                return response
            hops.append(current)
            current = location
        raise FetchError(E.REFUSED, f"{url} redirects more than {self.settings.max_redirects} "
                         "times; not followed further", code="too-many-redirects", url=url,
                         limit=self.settings.max_redirects)

    # -- one hop -------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        origin = origin_of(url)
        rules = self.robots.rules(origin, self._load_robots)
        if not rules.allowed(url):
            raise FetchError(E.DISALLOWED, f"the site's robots.txt asks programs not to fetch "
                             f"{url}; it is not fetched", url=url)

    def _load_robots(self, robots_url: str) -> tuple[int, str]:
        current = robots_url
        for _ in range(self.settings.max_redirects + 1):
            _check_scheme(current, robots_url)
            try:
                response, location = self._one(current, {}, limit=ROBOTS_MAX, robots=True)
            except FetchError as exc:
                if exc.kind == E.HTTP and exc.status is not None:
                    return exc.status, ""
                raise
            if location is None:
                return response.status, response.body.decode("utf-8", "replace")
            current = location
        return 404, ""  # a robots.txt lost in redirects is treated as absent (RFC 9309 2.3.1.2)

    def _one(self, url: str, extra: dict[str, str], limit: int | None = None,
             robots: bool = False) -> tuple[Response, str | None]:
        """One request through the host's gate: (response, redirect target or None)."""
        origin = origin_of(url)
        delay = None if robots else self.robots.rules(origin, self._load_robots).crawl_delay()
        with self.gate.slot(origin, delay, self.cancel):
            self.requests += 1
            try:
                with self._client.stream("GET", url, headers=extra) as r:
                    return self._read(r, url, limit or self.settings.max_bytes, origin)
            except httpx.HTTPError as exc:
                raise _explain(exc, url, self.settings) from None

    def _read(self, r: httpx.Response, url: str, limit: int, origin: str) -> tuple[Response, str | None]:
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in r.headers.raw]
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        response = Response(url, url, r.status_code, headers, fetched_at=now)
        if r.status_code in REDIRECTS and r.headers.get("location"):
            return response, urljoin(url, r.headers["location"].strip())
        if r.status_code == 304:
            response.not_modified = True
            return response, None
        if r.status_code in (429, 503):
            wait = retry_after(r.headers.get("retry-after"))
            if wait is not None:
                self.gate.block(origin, wait)
            raise FetchError(E.BUSY, _busy_text(url, r.status_code, wait), r.status_code, wait,
                             host=urlsplit(url).hostname or url, http_status=r.status_code, wait=wait)
        if r.status_code >= 400 or r.status_code < 200:
            raise FetchError(E.HTTP, f"{url} answered {r.status_code} {r.reason_phrase}".rstrip(),
                             r.status_code, url=url, http_status=r.status_code, reason=r.reason_phrase)
        response.body = self._body(r, url, limit)
        return response, None

    def _body(self, r: httpx.Response, url: str, limit: int) -> bytes:
        length = r.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise FetchError(E.TOO_LARGE, f"{url} is {size_text(int(length))}, more than the "
                             f"{size_text(limit)} limit; not downloaded", url=url, size=int(length),
                             limit=limit)
        deadline = time.monotonic() + self.settings.total_timeout
        chunks, total = [], 0
        for chunk in r.iter_bytes():
            total += len(chunk)
            self.bytes += len(chunk)
            if total > limit:
                raise FetchError(E.TOO_LARGE, f"{url} is more than the {size_text(limit)} limit; "
                                 "the download was stopped", url=url, limit=limit)
            if time.monotonic() > deadline:
                raise FetchError(E.TIMEOUT, f"{url} took more than "
                                 f"{self.settings.total_timeout:.0f} s to download; stopped",
                                 code="download-too-slow", url=url, seconds=self.settings.total_timeout)
            chunks.append(chunk)
        return b"".join(chunks)


def _check_scheme(url: str, asked: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        what = "redirects to" if url != asked else "is"
        raise FetchError(E.REFUSED, f"{asked} {what} {url}: only http and https addresses are "
                         "fetched", code="not-web-address", url=asked, target=url)


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number or an HTTP date), capped at 7 days."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return min(max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds()), MAX_RETRY_AFTER)


def _busy_text(url: str, status: int, wait: float | None) -> str:
    what = "too many requests" if status == 429 else "busy or down for maintenance"
    later = f"; it asked us to come back in {_duration(wait)}" if wait else ""
    return f"{urlsplit(url).hostname} answered {status} ({what}){later}"


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f}".removesuffix(".0") + " h"
    if seconds >= 90:
        return f"{seconds / 60:.0f} min"
    return f"{seconds:.0f} s"


def _explain(exc: httpx.HTTPError, url: str, s: FetchSettings) -> FetchError:
    """An httpx exception in words a librarian can act on."""
    host = urlsplit(url).hostname or url
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(E.UNREACHABLE, f"no connection to {host} within {s.connect_timeout:.0f} s",
                          code="connect-timeout", host=host, seconds=s.connect_timeout)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(E.TIMEOUT, f"{host} stopped answering (nothing for {s.read_timeout:.0f} s)",
                          host=host, seconds=s.read_timeout)
    if isinstance(exc, httpx.ProxyError):
        return FetchError(E.PROXY, f"the proxy refused or failed to reach {host} ({exc})",
                          host=host, detail=str(exc))
    cert = _cert_error(exc)
    if cert is not None:
        return FetchError(E.TLS, f"the secure connection to {host} cannot be trusted: "
                          f"{cert}. Nothing was fetched. If your office uses its own certificate "
                          "authority, install it in the system's certificate store "
                          "(or point SSL_CERT_FILE at it).", host=host, detail=cert)
    if isinstance(exc, httpx.ConnectError):
        return FetchError(E.UNREACHABLE, f"cannot reach {host} ({_root_reason(exc)})",
                          host=host, detail=_root_reason(exc))
    return FetchError(E.BROKEN, f"{host} broke off the answer ({_root_reason(exc)})",
                      host=host, detail=_root_reason(exc))


def _cert_error(exc: BaseException) -> str | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            reason = seen.verify_message or seen.reason or "not verified"
            return f"its certificate is not valid ({reason})"
        if isinstance(seen, ssl.SSLError):
            return f"the secure handshake failed ({seen.reason or seen})"
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return "its certificate is not valid"
    return None


def _root_reason(exc: BaseException) -> str:
    seen: BaseException = exc
    while (seen.__cause__ or seen.__context__) is not None:
        seen = seen.__cause__ or seen.__context__  # type: ignore[assignment]
    text = str(seen) or type(seen).__name__
    return text.split("] ", 1)[-1]

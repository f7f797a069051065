"""A real HTTP server on 127.0.0.1 for the fetcher's tests and bench/update.

http.server in a thread (ThreadingHTTPServer, so two requests *could* overlap and the
tests can see that the fetcher never lets them). Every request is logged with its start
and end time, the Host header and its request headers; static routes get an ETag and a
Last-Modified and answer conditional requests with 304. The server answers for any host
name that reaches it, so "localhost" and "127.0.0.1" are two hosts to the fetcher; as a
proxy it sees absolute URLs in the request line.
"""

from __future__ import annotations

import email.utils
import hashlib
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Handler = Callable[["Request"], "Reply"]
STAMP = email.utils.formatdate(1_600_000_000, usegmt=True)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the headers are sent
    conditional: bool = True  # ETag/Last-Modified and 304s


@dataclass
class Request:
    path: str  # path and query (the absolute URL when asked as a proxy)
    host: str
    headers: dict[str, str]
    start: float
    end: float = 0.0
    status: int = 0
    sent: int = 0  # body bytes sent


class WebServer:
    def __init__(self, tls: ssl.SSLContext | None = None):
        self.routes: dict[str, Reply | Handler] = {}
        self.log: list[Request] = []
        self.max_parallel: dict[str, int] = {}
        self._active: dict[str, int] = {}
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.httpd.handle_error = lambda request, address: None  # a client hanging up is no news
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.scheme = "https" if tls else "http"
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- what the tests look at ---------------------------------------------------

    def hits(self, path: str | None = None, prefix: str | None = None) -> list[Request]:
        with self._lock:
            return [r for r in self.log if (path is None or r.path == path)
                    and (prefix is None or r.path.startswith(prefix))]

    def bodies_sent(self) -> int:
        """Requests that got a body (200 with content): a 304 sends none."""
        return sum(1 for r in self.log if r.status == 200 and r.sent > 0)

    def gaps(self, host: str | None = None) -> list[float]:
        """Seconds from the end of each request to the start of the next, per host."""
        by_host: dict[str, list[Request]] = {}
        for r in self.log:
            by_host.setdefault(r.host, []).append(r)
        out = []
        for h, reqs in by_host.items():
            if host is None or h == host:
                reqs.sort(key=lambda r: r.start)
                out += [b.start - a.end for a, b in zip(reqs, reqs[1:], strict=False)]
        return out

    # -- serving ---------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server._serve(self)

        return H

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        host = (h.headers.get("Host") or "").rsplit(":", 1)[0]
        path = h.path
        if path.startswith("http"):  # asked as a proxy
            host = urlsplit(path).hostname or host
        req = Request(path, host, {k: v for k, v in h.headers.items()}, time.monotonic())
        with self._lock:
            self.log.append(req)
            self._active[host] = self._active.get(host, 0) + 1
            self.max_parallel[host] = max(self.max_parallel.get(host, 0), self._active[host])
        try:
            self._answer(h, req)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass
        finally:
            req.end = time.monotonic()
            with self._lock:
                self._active[host] -= 1

    def _route(self, req: Request) -> Reply:
        key = req.path
        if key.startswith("http"):
            parts = urlsplit(key)
            key = parts.path + (f"?{parts.query}" if parts.query else "")
        route = self.routes.get(key)
        if route is None:
            return Reply(404, b"not found", conditional=False)
        return route(req) if callable(route) else route

    def _answer(self, h: BaseHTTPRequestHandler, req: Request) -> None:
        reply = self._route(req)
        if reply.delay:
            time.sleep(reply.delay)
        headers = {"Content-Type": "text/html; charset=utf-8", **reply.headers}
        status, body = reply.status, reply.body
        if reply.conditional and status == 200:
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            headers.setdefault("ETag", etag)
            headers.setdefault("Last-Modified", STAMP)
            if req.headers.get("If-None-Match") == headers["ETag"] or (
                    "If-None-Match" not in req.headers
                    and req.headers.get("If-Modified-Since") == headers["Last-Modified"]):
                status, body = 304, b""
        req.status = status
        h.send_response(status)
        close = headers.get("Connection") == "close"  # no length: the body ends with the connection
        for k, v in headers.items():
            h.send_header(k, v)
        if "Content-Length" not in headers and not close:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if close:
            h.close_connection = True
        if status != 304 and body:
            h.wfile.write(body)
            req.sent = len(body)

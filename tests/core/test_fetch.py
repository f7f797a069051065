"""The fetcher's rules, each against a real HTTP server on 127.0.0.1 (tests/webserver.py).

Most tests shorten polite.FLOOR (the module constant no command or window can reach) so
the suite stays quick; test_interval_floor_is_one_second keeps the real one second.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
import time

import pytest

from reader import __version__
from reader.core.fetch import Fetcher, FetchError, FetchSettings, polite
from reader.core.fetch import errors as E
from tests.webserver import Reply, WebServer

FAST = 0.05


@pytest.fixture
def server():
    srv = WebServer()
    yield srv
    srv.close()


@pytest.fixture
def fast(monkeypatch):
    monkeypatch.setattr(polite, "FLOOR", FAST)
    return FetchSettings(interval=0.0, connect_timeout=2.0, read_timeout=2.0)


def test_robots_disallow_and_crawl_delay(server, fast):
    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.4\n",
                                         headers={"Content-Type": "text/plain"})
    for name in ("a", "b", "c"):
        server.routes[f"/news/{name}"] = Reply(body=f"<p>{name}</p>".encode())
    server.routes["/private/x"] = Reply(body=b"secret")
    with Fetcher(fast) as f:
        for name in ("a", "b"):
            assert f.get(server.url(f"/news/{name}")).body == f"<p>{name}</p>".encode()
        with pytest.raises(FetchError) as err:
            f.get(server.url("/private/x"))
        assert err.value.kind == E.DISALLOWED and "robots.txt" in str(err.value)
        f.get(server.url("/news/c"))
    assert server.hits("/private/x") == []
    assert len(server.hits("/robots.txt")) == 1  # read once, then cached
    assert min(server.gaps()) >= 0.4 - 0.01  # Crawl-delay kept between every two requests


def test_robots_for_this_agent_only(server, fast):
    server.routes["/robots.txt"] = Reply(
        body=b"User-agent: OPDC-Reader\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
        headers={"Content-Type": "text/plain"})
    server.routes["/a"] = Reply(body=b"a")
    with Fetcher(fast) as f, pytest.raises(FetchError, match="robots.txt"):
        f.get(server.url("/a"))
    assert server.hits("/a") == []


def test_robots_unreadable_means_nothing_fetched(server, fast):
    server.routes["/robots.txt"] = Reply(500, b"oops", conditional=False)
    server.routes["/a"] = Reply(body=b"a")
    with Fetcher(fast) as f, pytest.raises(FetchError, match="robots.txt answered 500"):
        f.get(server.url("/a"))
    assert server.hits("/a") == []


def test_interval_floor_is_one_second(server):
    """The real floor: a setting below it changes nothing, one above it is kept; two hosts
    do not wait for each other; never two requests at once to one host."""
    server.routes["/a"] = Reply(body=b"a")
    with Fetcher(FetchSettings(interval=0.1)) as f:
        threads = [threading.Thread(target=f.get, args=(server.url("/a"),)) for _ in range(2)]
        started = time.monotonic()
        for t in threads:
            t.start()
        f.get(server.url("/a", host="localhost"))  # another host: no wait for the first
        other_host_done = time.monotonic() - started
        for t in threads:
            t.join()
        first_host_done = time.monotonic() - started
    assert server.max_parallel["127.0.0.1"] == 1
    assert min(server.gaps("127.0.0.1")) >= 1.0 - 0.01
    # robots.txt + 2 pages on one host, robots.txt + 1 page on the other, side by side
    assert first_host_done >= 2.0 - 0.01 and other_host_done < 1.9
    assert polite.FLOOR == 1.0


def test_interval_setting_raises_the_gap(server, monkeypatch):
    monkeypatch.setattr(polite, "FLOOR", FAST)
    server.routes["/a"] = Reply(body=b"a")
    with Fetcher(FetchSettings(interval=0.3)) as f:
        for _ in range(3):
            f.get(server.url("/a"))
    assert min(server.gaps()) >= 0.3 - 0.01


def test_conditional_get_304_downloads_nothing(server, fast):
    server.routes["/feed"] = Reply(body=b"<rss>x</rss>", headers={"Content-Type": "application/rss+xml"})
    with Fetcher(fast) as f:
        first = f.get(server.url("/feed"))
        assert first.status == 200 and first.header("etag") and first.header("last-modified")
        again = f.get(server.url("/feed"), etag=first.header("etag"),
                      last_modified=first.header("last-modified"))
        by_date = f.get(server.url("/feed"), last_modified=first.header("last-modified"))
    assert again.not_modified and again.body == b"" and by_date.not_modified
    assert server.bodies_sent() == 1
    assert server.hits("/feed")[1].headers["If-None-Match"] == first.header("etag")


def test_429_retry_after_blocks_the_host(server, fast):
    server.routes["/busy"] = Reply(429, b"slow down", {"Retry-After": "120"}, conditional=False)
    server.routes["/other"] = Reply(body=b"x")
    with Fetcher(FetchSettings(interval=0.0, max_wait=5.0)) as f:
        with pytest.raises(FetchError) as err:
            f.get(server.url("/busy"))
        assert err.value.kind == E.BUSY and err.value.retry_after == 120
        assert "come back in 2 min" in str(err.value)
        with pytest.raises(FetchError) as later:
            f.get(server.url("/other"))  # same host: not asked before Retry-After
        assert later.value.kind == E.DEFERRED
    assert server.hits("/other") == []


def test_503_with_and_without_retry_after(server, fast):
    date = "Wed, 21 Oct 2099 07:28:00 GMT"
    server.routes["/down"] = Reply(503, b"maintenance", conditional=False)
    server.routes["/down-until"] = Reply(503, b"", {"Retry-After": date}, conditional=False)
    with Fetcher(fast) as f:
        with pytest.raises(FetchError) as err:
            f.get(server.url("/down"))
        assert err.value.kind == E.BUSY and err.value.retry_after is None
        with pytest.raises(FetchError) as err:
            f.get(server.url("/down-until", host="localhost"))
        assert err.value.retry_after == 7 * 86400  # an absurd date is capped at a week


def test_slow_server_times_out(server, fast):
    server.routes["/slow"] = Reply(body=b"late", delay=1.5)
    settings = FetchSettings(interval=0.0, read_timeout=0.3)
    with Fetcher(settings) as f, pytest.raises(FetchError) as err:
        f.get(server.url("/slow"))
    assert err.value.kind == E.TIMEOUT and "stopped answering" in str(err.value)


def test_redirect_to_file_refused(server, fast):
    server.routes["/to-file"] = Reply(302, b"", {"Location": "file:///etc/passwd"}, conditional=False)
    with Fetcher(fast) as f, pytest.raises(FetchError) as err:
        f.get(server.url("/to-file"))
    assert err.value.kind == E.REFUSED and "file:///etc/passwd" in str(err.value)


def test_redirect_to_another_host_checks_its_robots(server, fast):
    server.routes["/moved"] = Reply(301, b"", {"Location": server.url("/here", host="localhost")},
                                    conditional=False)
    server.routes["/here"] = Reply(body=b"<p>here</p>")
    with Fetcher(fast) as f:
        got = f.get(server.url("/moved"))
    assert got.final_url == server.url("/here", host="localhost")
    assert got.requested_url == server.url("/moved") and got.hops == [server.url("/moved")]
    assert {r.host for r in server.hits("/robots.txt")} == {"127.0.0.1", "localhost"}


def test_at_most_five_redirects(server, fast):
    for n in range(10):
        server.routes[f"/r{n}"] = Reply(302, b"", {"Location": f"/r{n + 1}"}, conditional=False)
    with Fetcher(fast) as f, pytest.raises(FetchError, match="more than 5 times"):
        f.get(server.url("/r0"))
    assert len([r for r in server.hits(prefix="/r") if r.path != "/robots.txt"]) == 6


def test_size_cap_by_length_and_streamed(server, fast):
    big = b"x" * 300_000
    server.routes["/big"] = Reply(body=big)
    server.routes["/big-stream"] = Reply(body=big, headers={"Connection": "close"})
    settings = FetchSettings(interval=0.0, max_bytes=100_000)
    with Fetcher(settings) as f:
        for path in ("/big", "/big-stream"):
            with pytest.raises(FetchError) as err:
                f.get(server.url(path))
            assert err.value.kind == E.TOO_LARGE and "limit" in str(err.value)
        assert f.bytes <= 100_000 + 65_536  # stopped within one chunk of the cap


def test_no_cookies_and_user_agent(server, fast):
    server.routes["/set"] = Reply(body=b"a", headers={"Set-Cookie": "session=abc; Path=/"})
    server.routes["/next"] = Reply(body=b"b")
    with Fetcher(fast) as f:
        f.get(server.url("/set"))
        f.get(server.url("/next"))
    sent = server.hits("/next")[0].headers
    assert "Cookie" not in sent
    assert sent["User-Agent"].startswith(f"OPDC-Reader/{__version__}")


def test_proxy_from_environment(server, fast, monkeypatch):
    """HTTP_PROXY is used: the request line the proxy gets names the far site."""
    monkeypatch.setenv("HTTP_PROXY", server.url(""))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    server.routes["/page"] = Reply(body=b"via proxy")
    with Fetcher(fast) as f:
        assert f.get("http://news.example.go.th/page").body == b"via proxy"
    assert [r.path for r in server.log] == ["http://news.example.go.th/robots.txt",
                                            "http://news.example.go.th/page"]


def test_unreachable_host(fast):
    import socket

    with socket.socket() as s:  # a port with nothing listening on it
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Fetcher(fast) as f, pytest.raises(FetchError) as err:
        f.get(f"http://127.0.0.1:{port}/x")
    assert err.value.kind == E.UNREACHABLE and "cannot reach 127.0.0.1" in str(err.value)


def _self_signed(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed; the self-signed certificate is made with it")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx, cert


def test_self_signed_tls_refused_in_plain_words(tmp_path, fast, monkeypatch):
    ctx, cert = _self_signed(tmp_path)
    srv = WebServer(tls=ctx)
    srv.routes["/a"] = Reply(body=b"secure")
    try:
        with Fetcher(fast) as f, pytest.raises(FetchError) as err:
            f.get(srv.url("/a"))
        assert err.value.kind == E.TLS
        assert "cannot be trusted" in str(err.value) and "self-signed" in str(err.value)
        assert srv.hits("/a") == []
        # the office's own authority, given the standard way, is trusted
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        with Fetcher(fast) as f:
            assert f.get(srv.url("/a")).body == b"secure"
    finally:
        srv.close()

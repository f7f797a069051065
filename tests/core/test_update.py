"""What each kind of source yields, and the update pass's bookkeeping, against a real
HTTP server on 127.0.0.1 serving the real pages and feeds of ../shared/corpus."""

from __future__ import annotations

import datetime as dt
import socket

import pytest

from reader.core.archive import Archive
from reader.core.archive.originals import sha256_of
from reader.core.archive.subscriptions import Subscriptions
from reader.core.archive.verify import verify
from reader.core.fetch import Fetcher, FetchSettings, polite
from reader.core.fetch.backoff import DAY, failure_delay
from reader.core.fetch.follow import add_source, follow_presets
from reader.core.fetch.update import run_update
from tests import corpussite
from tests.conftest import need_corpus
from tests.webserver import Reply, WebServer


@pytest.fixture
def server():
    srv = WebServer()
    yield srv
    srv.close()


@pytest.fixture
def corpus(monkeypatch):
    monkeypatch.setattr(polite, "FLOOR", 0.01)
    return need_corpus("pages", "truth.json").parent.parent


def fetcher(archive):
    return Fetcher(FetchSettings(interval=0.0, read_timeout=3.0), robots_store=Subscriptions(archive))


def update(archive, **kw):
    with fetcher(archive) as f:
        return run_update(archive, fetcher=f, **kw)


def test_real_feeds_then_all_304(tmp_path, server, corpus, monkeypatch):
    """The corpus feeds at their own addresses, through the server as a proxy: their
    items link to pages the server does not have (404), so each keeps its summary."""
    paths = corpussite.serve_feeds(server, corpus)
    monkeypatch.setenv("HTTP_PROXY", server.url(""))
    monkeypatch.delenv("NO_PROXY", raising=False)
    with Archive.open(tmp_path / "a") as arch:
        subs = Subscriptions(arch)
        for p in paths:
            subs.add("http://feeds.example" + p, "feed")
        first = update(arch)
        assert first.new >= 50 and not first.failed, first.to_dict()
        assert all(s.etag and s.last_status == 200 and s.articles_added > 0 for s in subs.all())
        # the Thai text came through the windows-874 bytes intact
        titles = [r.title for r in arch.list_articles(limit=500)]
        assert any("สุขภาพ" in t or "ยา" in t for t in titles)
        served = server.bodies_sent()
        second = update(arch, force=True)
    assert second.new == 0 and second.bytes == 0
    assert server.bodies_sent() == served  # all 304: not one body downloaded again
    assert all(o.message == "not changed since the last visit" for o in second.outcomes)


def test_summary_feed_fetches_the_pages(tmp_path, server, corpus):
    feed = corpussite.serve_summaries(server, corpus, n=5)
    feed_sha = sha256_of(server.routes[feed].body)
    with Archive.open(tmp_path / "a") as arch:
        s = Subscriptions(arch).add(server.url(feed), "feed", name="สรุปข่าว")
        result = update(arch)
        assert result.new == 5 and not result.outcomes[0].problems
        for row in arch.list_articles():
            article = arch.get(row.id)
            assert article.kind == "html" and len(article.body) > 200  # the full page, not the summary
            routes = {r["sha256"] for r in arch.sources(row.id)}
            assert routes == {article.sha256, feed_sha}  # the page and the feed item: both kept
            [page_fetch] = Subscriptions(arch).fetches_for(article.sha256)
            assert page_fetch["final_url"] == article.source_url and page_fetch["source_id"] == s.id
            assert page_fetch["content_type"].startswith("text/html") and page_fetch["etag"]
        assert len(server.hits(prefix="/news/")) == 5
        update(arch, force=True)  # unchanged feed: 304, no page fetched again
    assert len(server.hits(prefix="/news/")) == 5


def test_opdc_listing_through_its_profile(tmp_path, server, corpus, monkeypatch):
    """The real OPDC home page, reached as www.opdc.go.th through the server as a proxy:
    the site profile picks its 17 news links; the second visit fetches no article."""
    article_paths = corpussite.serve_opdc_home(server, corpus)
    monkeypatch.setenv("HTTP_PROXY", server.url(""))
    monkeypatch.delenv("NO_PROXY", raising=False)
    with Archive.open(tmp_path / "a") as arch:
        Subscriptions(arch).add("http://www.opdc.go.th/", "listing", name="ข่าวเด่น")
        result = update(arch)
        assert result.new == len(article_paths) == 17, result.to_dict()
        assert result.requests == 1 + 1 + 17  # robots.txt, the home page, each article once
        server.routes["/"] = Reply(body=server.routes["/"].body + b"<!-- changed -->")
        again = update(arch, force=True)
        assert again.new == 0 and again.requests == 1  # the list changed, its links did not
        assert verify(arch).ok


def test_endless_next_pages_stop(tmp_path, server, corpus):
    news = corpussite.serve_news(server, corpus, 12, prefix="/news/2562")  # an id in the path

    def page(req):
        n = int(req.path.rsplit("=", 1)[1])
        links = "".join(f'<li><a href="{news[(n * 2 + k) % len(news)]}">ข่าวที่ {n}-{k} '
                        f"การประชุมคณะกรรมการพัฒนาระบบราชการ</a></li>" for k in range(6))
        return Reply(body=(f'<html><body><ul>{links}</ul><a href="/list?page={n + 1}">ถัดไป</a>'
                           "</body></html>").encode())
    server.routes.update({f"/list?page={n}": page for n in range(1, 100)})
    with Archive.open(tmp_path / "a") as arch:
        Subscriptions(arch).add(server.url("/list?page=1"), "listing")
        update(arch)
        assert len(server.hits(prefix="/list")) == 5  # the back-fill reads 5 pages, not 100
        assert arch.count_articles() == 12
        update(arch, force=True)
    assert len(server.hits(prefix="/list")) == 6  # a refresh stops at the first page with nothing new


def test_single_page_changes_become_versions(tmp_path, server, corpus):
    [(title, body)] = corpussite.article_texts(corpus, 1)
    server.routes["/p.html"] = Reply(body=corpussite.page_html(title, body))
    with Archive.open(tmp_path / "a") as arch:
        Subscriptions(arch).add(server.url("/p.html"), "page")
        assert update(arch).new == 1
        server.routes["/p.html"] = Reply(body=corpussite.page_html(title, body + ["แก้ไขเพิ่มเติม: " * 3]))
        again = update(arch, force=True)
        assert again.outcomes[0].versions == 1
        [row] = arch.list_articles()
        assert len(arch.versions(row.id)) == 2


def test_failures_back_off_and_say_why(tmp_path, server):
    server.routes["/gone"] = Reply(404, b"no", conditional=False)
    server.routes["/busy"] = Reply(429, b"", {"Retry-After": "3600"}, conditional=False)
    with Archive.open(tmp_path / "a") as arch:
        subs = Subscriptions(arch)
        gone = subs.add(server.url("/gone"), "page")
        busy = subs.add(server.url("/busy", host="localhost"), "page")
        update(arch)
        g, b = subs.get(gone.id), subs.get(busy.id)
        assert g.failures == 1 and "404" in g.last_message and g.backoff_until
        assert subs.due() == []  # neither is tried again before its time
        wait = dt.datetime.fromisoformat(b.next_due) - dt.datetime.now(dt.UTC)
        assert 3500 < wait.total_seconds() <= 3600 and "come back in 1 h" in b.last_message
        # the same for a program (the window words it in Thai): a code and its parameters
        assert g.state_info == {"code": "http", "url": server.url("/gone"), "http_status": 404,
                                "reason": "Not Found"}
        assert b.state_info == {"code": "busy", "host": "localhost", "http_status": 429, "wait": 3600.0}
    assert failure_delay(1) <= 750 and failure_delay(50) <= DAY and failure_delay(12) >= 0.75 * DAY


def test_offline_is_one_state(tmp_path, monkeypatch):
    monkeypatch.setattr(polite, "FLOOR", 0.01)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Archive.open(tmp_path / "a") as arch:
        subs = Subscriptions(arch)
        for n in range(4):
            subs.add(f"http://127.0.0.1:{port}/feed{n}", "feed")
        result = update(arch)
        assert result.offline and result.requests == 1  # one try, no error storm
        assert all(o.status == "offline" for o in result.outcomes)
        assert all(s.failures == 0 and s.last_message.startswith("offline") for s in subs.all())
        assert all(s.state_info == {"code": "offline"} for s in subs.all())


def test_add_detects_kind_and_presets(tmp_path, server, corpus):
    feed = corpussite.serve_feeds(server, corpus)[0]
    page = corpussite.serve_news(server, corpus, 1)[0]
    server.routes["/home"] = Reply(body=(corpus / "html" / "smoi.moi.go.th_2019-08_procurement-news-list_cp874.html")
                                   .read_bytes(), headers={"Content-Type": "text/html; charset=windows-874"})
    with Archive.open(tmp_path / "a") as arch, fetcher(arch) as f:
        kinds = [add_source(arch, server.url(p), fetcher=f).kind for p in (feed, page, "/home")]
        assert kinds == ["feed", "page", "listing"]
        added = follow_presets(arch)
        assert {s.kind for s in added} == {"feed", "listing"}
        assert all("opdc.go.th" in s.url for s in added) and follow_presets(arch) == []


def test_dead_linked_pages_keep_summaries_and_spare_other_sources(tmp_path, server, corpus):
    """Items linking to a server that is down keep their summaries, that server is tried
    once, and other sources on the same host name but another port are not held back."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    items = [(f"ข่าวทดสอบลิงก์เสีย ฉบับที่ {i}", f"http://127.0.0.1:{dead}/n/{i}", "สรุปข่าวสั้น ๆ")
             for i in range(3)]
    server.routes["/dead.xml"] = Reply(body=corpussite.summary_feed(server.url("/"), items),
                                       headers=corpussite.RSS)
    news = corpussite.serve_news(server, corpus, 1)[0]
    with Archive.open(tmp_path / "a") as arch:
        subs = Subscriptions(arch)
        subs.add(server.url("/dead.xml"), "feed")
        subs.add(server.url(news), "page")
        result = update(arch)
        first, second = result.outcomes
        assert first.new == 3 and len(first.problems) == 3 and second.new == 1
        assert not result.offline and [s.failures for s in subs.all()] == [0, 0]
        assert all(arch.get(i).kind == "feed" for i in arch.all_ids()[:3])

"""Followed sources in the window: refresh in the background, the status bar and the
screen reader told, "New since you last looked", the Sources dialog, the first-run offer,
and the event loop never held up during an update of 500 articles and the index sync
that follows (measured)."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from reader.core.archive import ListFilter
from reader.core.archive.subscriptions import Subscriptions
from reader.core.fetch import polite
from reader.ui.announce import announcer_for
from tests import corpussite
from tests.conftest import need_corpus
from tests.webserver import Reply, WebServer

RSS = {"Content-Type": "application/rss+xml"}


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setattr(polite, "FLOOR", 0.01)
    srv = WebServer()
    yield srv
    srv.close()


def _idle(window, qtbot):
    qtbot.waitUntil(lambda: not window.importer.busy and window.indexer.job is None, timeout=20000)


def test_refresh_now_brings_news_and_says_so(open_window, archive_path, server, qtbot):
    corpus = need_corpus("pages", "truth.json").parent.parent
    feed = corpussite.serve_summaries(server, corpus, n=4)
    window = open_window(archive_path)
    _idle(window, qtbot)
    Subscriptions(window.archive).add(server.url(feed), "feed", name="ข่าวสรุป ก.พ.ร.")
    window.sources_changed()
    shown = []
    window.statusBar().messageChanged.connect(shown.append)
    window.registry["refresh_sources"].trigger()
    qtbot.waitUntil(lambda: window.updater.last_summary is not None, timeout=20000)
    assert window.updater.last_summary.new == 4
    assert "4 new articles" in shown  # (the search index's progress may follow it)
    assert announcer_for(window).said[-1] == "4 new articles"
    labels = [window.sidebar.topLevelItem(i).text(0) for i in range(window.sidebar.topLevelItemCount())]
    assert "New since you last looked (4)" in labels
    sources = next(window.sidebar.topLevelItem(i) for i in range(window.sidebar.topLevelItemCount())
                   if window.sidebar.topLevelItem(i).text(0) == "Sources")
    assert sources.child(0).text(0) == "ข่าวสรุป ก.พ.ร. (4)"
    window.sidebar.setCurrentItem(sources.child(0))  # the source's own articles
    qtbot.waitUntil(lambda: window.list_model.total == 4, timeout=5000)
    window.registry["sources"].trigger()
    dialog = window.following.dialog
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "4 new, 0 changed"
    dialog.close()
    window.sidebar.itemActivated.emit(sources, 0)  # Enter on the "Sources" heading
    assert dialog.isVisible()
    dialog.close()
    # looking at what is new: the next start counts from now
    new = next(window.sidebar.topLevelItem(i) for i in range(window.sidebar.topLevelItemCount())
               if window.sidebar.topLevelItem(i).text(0).startswith("New since"))
    before = window.settings.last_looked
    window.sidebar.setCurrentItem(new)
    qtbot.waitUntil(lambda: window.list_model.total == 4, timeout=5000)
    window.close()
    assert window.settings.last_looked > (before or "")
    assert window.archive.count_articles(ListFilter(created_after=window.settings.last_looked)) == 0


def test_first_run_offers_to_follow_opdc(open_window, tmp_path, server, qtbot, monkeypatch):
    # every request the offer causes goes to the local server (as a proxy), never out
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, server.url(""))
    monkeypatch.delenv("NO_PROXY", raising=False)
    window = open_window(tmp_path / "new-archive")
    qtbot.waitUntil(lambda: window.following.offer is not None, timeout=30000)
    offer = window.following.offer
    assert isinstance(offer, QMessageBox) and "OPDC" in offer.text()
    offer.findChild(QPushButton, "followOpdc").click()
    urls = [s.url for s in Subscriptions(window.archive).all()]
    assert "https://www.opdc.go.th/" in urls and len(urls) == 3
    qtbot.waitUntil(lambda: window.updater.last_summary is not None, timeout=30000)
    assert window.settings.sources_offered


def test_source_states_read_in_thai(open_window, archive_path, server, qtbot):
    """reader.core keeps each source's state as a code and its parameters; the Sources
    dialog words it in the interface language, and again after a switch."""
    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private/\n")
    window = open_window(archive_path)
    _idle(window, qtbot)
    subs = Subscriptions(window.archive)
    gone = subs.add(server.url("/gone.xml"), "feed", name="gone")  # 404
    private = subs.add(server.url("/private/news.xml"), "feed", name="private")
    window.sources_changed()
    window.updater.refresh(force=True)
    qtbot.waitUntil(lambda: window.updater.last_summary is not None, timeout=20000)
    assert len(window.updater.last_summary.failed) == 2
    assert subs.get(gone.id).state_info["code"] == "http"
    assert subs.get(private.id).state_info["code"] == "disallowed"
    window.registry["sources"].trigger()
    dialog = window.following.dialog

    def states() -> dict[str, str]:
        return {dialog.table.item(r, 0).text(): dialog.table.item(r, 3).text()
                for r in range(dialog.table.rowCount())}

    try:
        window.appearance.set_language("th")
        qtbot.waitUntil(lambda: dialog.windowTitle() == "แหล่งข่าว", timeout=5000)  # LanguageChange
        thai = states()
        assert f"{server.url('/gone.xml')} ตอบกลับด้วยรหัส 404 (ไม่พบหน้านี้)" in thai["gone"]
        assert "(ล้มเหลว 1 ครั้งติดกัน จะลองใหม่หลัง " in thai["gone"]
        assert thai["private"].startswith("ไฟล์ robots.txt ของเว็บไซต์ขอไม่ให้โปรแกรมดึง")
    finally:
        window.appearance.set_language("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Sources", timeout=5000)
    english = states()
    assert english["gone"].startswith(f"{server.url('/gone.xml')} answered 404 (no such page) (failed 1 times")
    assert english["private"].startswith("The site's robots.txt asks programs not to fetch")
    dialog.close()


def test_closing_during_an_update_does_not_wait_for_a_slow_server(open_window, archive_path, server, qtbot):
    """The update runs in a child process; closing the window asks it to stop and ends it
    when it is stuck in a slow answer (safe: an update killed at any point is finished by
    the next one, RELIABILITY), instead of holding the window open for the read timeout."""
    import psutil

    server.routes["/slow.xml"] = Reply(body=b"<rss/>", delay=25.0, headers=RSS)
    window = open_window(archive_path)
    _idle(window, qtbot)
    Subscriptions(window.archive).add(server.url("/slow.xml"), "feed")
    me = psutil.Process()
    window.updater.refresh(force=True)
    qtbot.waitUntil(lambda: any(r.path == "/slow.xml" for r in server.log), timeout=20000)
    children = [c for c in me.children() if "resource_tracker" not in " ".join(c.cmdline())]
    assert children  # the update's own process, waiting for the answer
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 10  # the grace of offload.STOP_GRACE_SECONDS, and a margin
    psutil.wait_procs(children, timeout=5)
    assert not any(c.is_running() and c.status() != psutil.STATUS_ZOMBIE for c in children)


def _big_feed(corpus, n: int) -> bytes:
    texts = corpussite.article_texts(corpus)
    items = []
    for i in range(n):
        title, body = texts[i % len(texts)]
        text = " ".join(body * 2)
        items.append(f"<item><title>{title} ({i})</title><description><![CDATA[<p>{text}</p>]]>"
                     f"</description><pubDate>Fri, 11 Jan 2019 10:00:00 +0700</pubDate></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>ข่าว</title>'
            + "".join(items) + "</channel></rss>").encode()


class Ticks:
    """A 5 ms timer on the GUI thread: the gap between two ticks (wall time), the GUI
    thread's own CPU time in that gap (its work, whatever the machine's load), and the
    CPU time of the process's other threads."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.busy: list[float] = []
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.wall, self.own, self.process = time.perf_counter(), time.thread_time(), time.process_time()
        self.process_start, self.own_start = self.process, self.own
        self.timer.start()

    def tick(self) -> None:
        wall, own = time.perf_counter(), time.thread_time()
        self.gaps.append(wall - self.wall)
        self.busy.append(own - self.own)
        self.wall, self.own = wall, own

    def stop(self) -> float:
        """Stops; returns the CPU seconds the other threads of this process used."""
        self.timer.stop()
        return (time.process_time() - self.process_start) - (time.thread_time() - self.own_start)


@pytest.mark.slow
def test_event_loop_never_stalls_during_500_articles(open_window, archive_path, server, qtbot):
    corpus = need_corpus("pages", "truth.json").parent.parent
    for n in range(10):  # 10 feeds of 50 full articles each
        server.routes[f"/feed{n}.xml"] = Reply(body=_big_feed(corpus, 50).replace(b"(", f"[{n}] (".encode()),
                                               headers=RSS)
    window = open_window(archive_path)
    _idle(window, qtbot)
    subs = Subscriptions(window.archive)
    for n in range(10):
        subs.add(server.url(f"/feed{n}.xml"), "feed")
    reading = window.article.article_id
    assert reading is not None
    ticks = Ticks()
    started = time.perf_counter()
    ticks.start()
    window.updater.last_summary = None
    window.updater.refresh(force=True)
    # the update, then the search index taking the 500 articles in (Following.updated)
    qtbot.waitUntil(lambda: window.updater.last_summary is not None, timeout=300000)
    qtbot.waitUntil(lambda: window.indexer.job is None, timeout=300000)
    others = ticks.stop()
    took = time.perf_counter() - started
    assert window.updater.last_summary.new == 500
    assert window.article.article_id == reading  # what was being read stays open
    assert window.usable_index().stamp()[0] == window.archive.count_articles()  # searchable
    gaps, busy = sorted(ticks.gaps), sorted(ticks.busy)
    median = gaps[len(gaps) // 2]
    print(f"500 articles fetched and indexed in {took:.1f} s; event-loop gaps: longest "
          f"{gaps[-1] * 1000:.0f} ms, median {median * 1000:.1f} ms; the GUI thread's longest "
          f"work between two ticks {busy[-1] * 1000:.0f} ms CPU; other threads {others:.2f} s CPU; "
          f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    # The promise (issue 11) in what the window itself does: no piece of work on the GUI
    # thread takes 100 ms. CPU time, so a loaded machine's scheduler does not count.
    assert busy[-1] < 0.100
    # The update and the index writing run in child processes (reader.core.offload): the
    # threads of the window's process only relay progress and serve the test's feeds
    # (measured 0.03 s CPU; on a worker thread here it took 1.9-2.0 s CPU).
    assert others < 0.5
    # Wall time: most ticks on time, and no hang (measured at most 70-100 ms under load 3
    # on 2 cores; the bound is generous for a loaded CI machine).
    assert median < 0.050
    assert gaps[-1] < 2.0

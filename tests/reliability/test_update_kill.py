"""kill -9 during `opdc-reader update`: the archive verifies, nothing committed is lost,
and the next update finishes the job with no duplicates (and no page fetched twice)."""

from __future__ import annotations

import signal
import time

import pytest

from reader.core.archive import Archive
from reader.core.archive.subscriptions import Subscriptions
from reader.core.archive.verify import verify
from reader.core.fetch import Fetcher, FetchSettings, polite
from reader.core.fetch.update import run_update
from tests import corpussite
from tests.conftest import need_corpus
from tests.reliability.helpers import cli, committed, start_cli
from tests.webserver import WebServer

ITEMS = 8


@pytest.mark.slow
def test_kill_during_update_then_finish(tmp_path, monkeypatch):
    corpus = need_corpus("pages", "truth.json").parent.parent
    server = WebServer()
    try:
        feed = corpussite.serve_summaries(server, corpus, n=ITEMS)
        root = tmp_path / "arch"
        cli("sources", "add", server.url(feed), "--kind", "feed", archive=root)
        proc = start_cli("update", archive=root)
        deadline = time.monotonic() + 60
        while committed(root) < 3 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        kept = committed(root)
        assert 3 <= kept < ITEMS, kept  # killed in the middle, with a real one-second floor
        with Archive.open(root) as arch:
            assert verify(arch).ok
            before = {arch.get(i).source_url for i in arch.all_ids()}
            assert Subscriptions(arch).all()[0].etag is None  # the feed is not marked as done

        monkeypatch.setattr(polite, "FLOOR", 0.01)
        with Archive.open(root) as arch, Fetcher(FetchSettings(interval=0.0),
                                                 robots_store=Subscriptions(arch)) as f:
            result = run_update(arch, fetcher=f)
            assert result.new == ITEMS - kept and not result.failed
            urls = [arch.get(i).source_url for i in arch.all_ids()]
            assert len(urls) == len(set(urls)) == ITEMS and before <= set(urls)
            assert all(arch.get(i).kind == "html" for i in arch.all_ids())
            assert verify(arch).ok
        for path in {h.path for h in server.hits(prefix="/news/")}:
            assert len(server.hits(path)) == 1, path  # stored pages are not fetched again
    finally:
        server.close()

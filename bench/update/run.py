"""Keeping an archive filled by itself: 20 followed feeds of 50 articles each on a local
HTTP server (127.0.0.1, tests/webserver.py), fetched with the real fetcher and its real
one-second floor per host.

    .venv/bin/python bench/update/run.py [--sources 20] [--items 50]

Measures the first update (time, requests, bytes, new articles), the second one of the
same unchanged sources (time, requests, bytes: every feed answers 304), and the window's
longest event-loop stall while an update of the same size runs in its background (a 5 ms
Qt timer; the longest gap between two ticks), then while the search index takes the new
articles in. The feeds carry the corpus's real Thai government news texts
(../shared/corpus/pages), each item in full and without a link, so no page is fetched; all sources
are on one host, as OPDC's are, so the pass is paced by the one-second floor.
Writes bench/update/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def feed(corpus: Path, n: int, items: int) -> bytes:
    from tests.corpussite import article_texts

    texts = article_texts(corpus)
    out = []
    for i in range(items):
        title, body = texts[(n * items + i) % len(texts)]
        out.append(f"<item><title>{title} [{n}-{i}]</title><guid isPermaLink='false'>bench-{n}-{i}</guid>"
                   f"<description><![CDATA[<p>{' '.join(body * 4)}</p>]]></description>"
                   "<pubDate>Fri, 11 Jan 2019 10:00:00 +0700</pubDate></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>ข่าว</title>'
            + "".join(out) + "</channel></rss>").encode()


def serve(corpus: Path, sources: int, items: int):
    from tests.webserver import Reply, WebServer

    server = WebServer()
    for n in range(sources):
        server.routes[f"/feed{n}.xml"] = Reply(body=feed(corpus, n, items),
                                               headers={"Content-Type": "application/rss+xml"})
    return server


def core_updates(corpus: Path, sources: int, items: int) -> dict:
    from reader.core.archive import Archive
    from reader.core.archive.subscriptions import Subscriptions
    from reader.core.fetch.update import run_update

    server = serve(corpus, sources, items)
    out = {}
    with tempfile.TemporaryDirectory() as tmp, Archive.open(Path(tmp) / "a") as arch:
        subs = Subscriptions(arch)
        for n in range(sources):
            subs.add(server.url(f"/feed{n}.xml"), "feed")
        for label in ("first", "second"):
            started = time.perf_counter()
            summary = run_update(arch, force=True)
            out[label] = {"seconds": time.perf_counter() - started, "requests": summary.requests,
                          "bytes": summary.bytes, "new": summary.new,
                          "bodies": server.bodies_sent()}
        out["max_parallel"] = max(server.max_parallel.values())
        out["min_gap"] = min(server.gaps())
    server.close()
    return out


def window_stall(corpus: Path, sources: int, items: int) -> dict:
    from PySide6.QtCore import QTimer

    from reader.core.archive.subscriptions import Subscriptions
    from reader.ui.app import create_app, open_archive, open_index, open_window
    from reader.ui.settings import Settings

    server = serve(corpus, sources, items)
    tmp = tempfile.mkdtemp()
    from reader.core.archive import Archive

    Archive.open(Path(tmp) / "a").close()
    settings = Settings()
    settings.sources_offered = True
    app = create_app(["bench"], settings)
    archive, _ = open_archive(Path(tmp) / "a")
    window = open_window(app, archive, settings, open_index(archive))
    window.show()
    subs = Subscriptions(archive)
    for n in range(sources):
        subs.add(server.url(f"/feed{n}.xml"), "feed")
    gaps = {"update": 0.0, "index": 0.0}
    last = [time.perf_counter()]
    phase = ["update"]

    def tick() -> None:
        now = time.perf_counter()
        gaps[phase[0]] = max(gaps[phase[0]], now - last[0])
        last[0] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    window.updater.refresh(force=True)
    while window.updater.last_summary is None:
        app.processEvents()
        time.sleep(0.001)
    took = time.perf_counter() - started
    phase[0] = "index"
    while window.indexer.job is not None:
        app.processEvents()
        time.sleep(0.001)
    indexed = time.perf_counter() - started - took
    timer.stop()
    new = window.updater.last_summary.new
    window.close()
    server.close()
    return {"seconds": took, "new": new, "stall_update_ms": gaps["update"] * 1000,
            "index_seconds": indexed, "stall_index_ms": gaps["index"] * 1000}


def report(args, core: dict, win: dict, load: tuple[float, float]) -> str:
    f, s = core["first"], core["second"]
    return f"""# Update benchmark (bench/update/run.py)

{args.sources} followed feeds x {args.items} articles each, on one local host (127.0.0.1),
the real fetcher with its one-second floor between two requests to a host. Machine: 2 cores
shared with other jobs; load average {load[0]:.1f} before, {load[1]:.1f} after.

| | time | requests | bytes downloaded | bodies | new articles |
|---|---|---|---|---|---|
| first update | {f['seconds']:.1f} s | {f['requests']} | {f['bytes']:,} | {f['bodies']} | {f['new']} |
| second update (unchanged) | {s['seconds']:.1f} s | {s['requests']} | {s['bytes']:,} | {s['bodies'] - f['bodies']} | {s['new']} |

Requests never overlapped on the host (most at once: {core['max_parallel']}); the shortest gap
between two was {core['min_gap']:.2f} s. The second pass sends every feed with
If-None-Match / If-Modified-Since and each answers 304: no body is downloaded again; its time
is the one-second floor, {args.sources} times.

Window (offscreen, the same {args.sources} x {args.items} update run by the background refresh):
{win['new']} articles in {win['seconds']:.1f} s; longest event-loop stall during the update
**{win['stall_update_ms']:.0f} ms**; then the search index took them in ({win['index_seconds']:.1f} s,
in the background), longest stall meanwhile {win['stall_index_ms']:.0f} ms.
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    args = parser.parse_args()
    corpus = Path(os.environ.get("OPDC_SHARED", ROOT.parent / "shared")) / "corpus"
    if not (corpus / "pages" / "truth.json").exists():
        print(f"corpus not found at {corpus}", file=sys.stderr)
        return 2
    before = os.getloadavg()[0]
    core = core_updates(corpus, args.sources, args.items)
    win = window_stall(corpus, args.sources, args.items)
    text = report(args, core, win, (before, os.getloadavg()[0]))
    (ROOT / "bench" / "update" / "RESULTS.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`opdc-reader sources ...` and `update`, run as a user runs them (real processes, a real
HTTP server on 127.0.0.1, the real one-second politeness floor)."""

from __future__ import annotations

import json
import time

import pytest

from reader.core.archive import Archive
from tests import corpussite
from tests.cli.test_cli import cli
from tests.conftest import need_corpus
from tests.webserver import WebServer

OTHER_READER = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!-- written by hand from http://opml.org/spec2.opml, as a desktop feed reader exports -->
<opml version="2.0">
  <head>
    <title>mySubscriptions.opml</title>
    <dateCreated>Sat, 18 Jun 2005 12:11:52 GMT</dateCreated>
    <ownerName>A Librarian</ownerName>
  </head>
  <body>
    <outline text="Government">
      <outline text="PRD news" type="rss" xmlUrl="https://www.prd.go.th/th/rss/news.xml"
               htmlUrl="https://www.prd.go.th/" description="PRD" language="th" version="RSS2"/>
      <outline text="Ministries">
        <outline text="MFA" title="MFA press" type="rss" xmlUrl="https://www.mfa.go.th/rss.xml"/>
      </outline>
    </outline>
    <outline text="OPDC home" type="link" url="https://www.opdc.go.th/"/>
    <outline text="a note, not a feed"/>
    <outline text="local file" type="rss" xmlUrl="file:///etc/passwd"/>
  </body>
</opml>
"""


@pytest.fixture
def server():
    srv = WebServer()
    yield srv
    srv.close()


@pytest.mark.slow  # ~10 s: real processes waiting out the real one-second floor
def test_add_update_show_export_import(tmp_path, server):
    corpus = need_corpus("pages", "truth.json").parent.parent
    feed = corpussite.serve_summaries(server, corpus, n=2)
    page = corpussite.serve_news(server, corpus, 3, prefix="/single")[2]
    arch = tmp_path / "arch"
    added = json.loads(cli("sources", "add", server.url(feed), "--name", "สรุปข่าว ก.พ.ร.",
                           "--every", "12h", "--json", archive=arch).stdout)
    assert added["kind"] == "feed" and added["every_seconds"] == 43200
    assert "as a page" in cli("sources", "add", server.url(page), archive=arch).stdout  # kind found
    assert "already following" in cli("sources", "add", server.url(page), "--kind", "page",
                                      archive=arch, check=False).stderr

    started = time.monotonic()
    out = json.loads(cli("update", "--json", "--interval", "1.3", archive=arch).stdout)
    assert out["new"] == 3 and not out["offline"], out
    assert len(server.hits(prefix="/news/")) == 2 and server.max_parallel["127.0.0.1"] == 1
    mine = sorted((r for r in server.log if r.start > started), key=lambda r: r.start)
    assert len(mine) == 4  # the feed, its 2 pages, the page (robots.txt is cached in the catalog)
    assert min(b.start - a.end for a, b in zip(mine, mine[1:], strict=False)) >= 1.29  # --interval
    listing = json.loads(cli("list", "--json", archive=arch).stdout)["articles"]
    shown = json.loads(cli("show", str(listing[0]["id"]), "--json", archive=arch).stdout)
    [fetch] = [f for f in shown["fetches"] if f["sha256"] == shown["sha256"]]
    assert fetch["status"] == 200 and fetch["etag"] and fetch["content_type"].startswith("text/html")
    assert fetch["requested_url"].startswith(server.url("/")) and fetch["headers"]

    again = json.loads(cli("update", "--json", archive=arch).stdout)
    assert again["sources"] == []  # nothing due yet
    state = json.loads(cli("sources", "list", "--json", archive=arch).stdout)
    assert [s["articles_added"] for s in state] == [2, 1] and all(s["etag"] for s in state)
    assert [s["state"] for s in state] == [{"code": "fetched", "new": 2, "changed": 0, "problems": 0},
                                           {"code": "fetched", "new": 1, "changed": 0, "problems": 0}]

    cli("sources", "export", str(tmp_path / "subs.opml"), archive=arch)
    other = tmp_path / "other"
    assert "added: 2" in cli("sources", "import", str(tmp_path / "subs.opml"), archive=other).stdout
    back = json.loads(cli("sources", "list", "--json", archive=other).stdout)
    assert [(s["url"], s["kind"], s["name"], s["every_seconds"]) for s in back] == \
        [(s["url"], s["kind"], s["name"], s["every_seconds"]) for s in state]
    cli("sources", "remove", str(back[0]["id"]), archive=other)
    assert len(json.loads(cli("sources", "list", "--json", archive=other).stdout)) == 1


def test_opml_from_another_reader(tmp_path):
    opml = tmp_path / "mySubscriptions.opml"
    opml.write_text(OTHER_READER, encoding="iso-8859-1")
    proc = cli("sources", "import", str(opml), "--json", archive=tmp_path / "a", check=False)
    result = json.loads(proc.stdout)
    assert proc.returncode == 1 and len(result["added"]) == 3
    assert "file:///etc/passwd" in result["skipped"][0]
    with Archive.open(tmp_path / "a") as arch:
        from reader.core.archive.subscriptions import Subscriptions

        got = {(s.url, s.kind, s.name) for s in Subscriptions(arch).all()}
    assert got == {("https://www.prd.go.th/th/rss/news.xml", "feed", "PRD news"),
                   ("https://www.mfa.go.th/rss.xml", "feed", "MFA press"),
                   ("https://www.opdc.go.th/", "page", "OPDC home")}
    bad = tmp_path / "bad.opml"
    bad.write_text("<html><body>not opml</body></html>")
    assert "not an OPML file" in cli("sources", "import", str(bad), archive=tmp_path / "a",
                                     check=False).stderr


def test_update_archive_in_use_exits_3(tmp_path):
    root = tmp_path / "a"
    with Archive.open(root) as arch, arch.batch():
        proc = cli("update", archive=root, check=False)
    assert proc.returncode == 3 and "in use" in proc.stderr

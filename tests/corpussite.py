"""Real pages and feeds of ../shared/corpus laid out as a web site on tests/webserver.py.

- /feeds/<name>.xml: the corpus's real RSS feeds, bytes as served (TIS-620 and windows-874).
- /html/<name>: the corpus's real saved HTML pages, bytes as saved.
- /news/<n>.html: a corpus text page (pages/*.txt, real Thai government news) put in a
  plain HTML page (the corpus keeps those as text; the wrapping is ours).
- /summaries.xml: an RSS feed written here whose items carry only a short summary and
  link to /news/<n>.html, as government feeds do.
- the OPDC home page of March 2018 at "/" and the 17 article pages its news lists link
  (page.php?url=tab_view&cat=N&id=...), each one a wrapped corpus page: reached through
  the server as a proxy, the fetcher sees www.opdc.go.th and uses its site profile.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from xml.sax.saxutils import escape

from reader.core.fetch.sites import read_listing
from tests.webserver import Reply, WebServer

RSS = {"Content-Type": "application/rss+xml"}


def article_texts(corpus: Path, limit: int | None = None) -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of the corpus's article text pages, in name order."""
    truth = json.loads((corpus / "pages" / "truth.json").read_text(encoding="utf-8"))
    out = []
    for name in sorted(truth):
        info = truth[name]
        if info.get("kind") != "article" or not info.get("title"):
            continue
        lines = [ln.strip() for ln in (corpus / "pages" / name).read_text(encoding="utf-8").splitlines()]
        body = [ln for ln in lines if len(ln) > 40 and ln != info["title"]]
        if body:
            out.append((info["title"], body))
    return out[:limit] if limit else out


def page_html(title: str, paragraphs: list[str], date: str = "2019-01-11") -> bytes:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f'</title><meta property="article:published_time" content="{date}"></head><body>'
            f"<article><h1>{html.escape(title)}</h1>\n{paras}</article></body></html>").encode()


def summary_feed(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """RSS 2.0 of (title, link, summary) items."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<description>{escape(s)}</description><pubDate>Fri, 11 Jan 2019 10:00:00 +0700</pubDate></item>"
        for t, link, s in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>ข่าวทดสอบ</title>'
            f"<link>{escape(base)}</link><description>summaries only</description>{body}</channel></rss>"
            ).encode()


def serve_news(server: WebServer, corpus: Path, n: int | None = None, prefix: str = "/news") -> list[str]:
    """Wrapped corpus article pages at prefix/<i>.html; their paths."""
    paths = []
    for i, (title, body) in enumerate(article_texts(corpus, n)):
        path = f"{prefix}/{i}.html"
        server.routes[path] = Reply(body=page_html(title, body))
        paths.append(path)
    return paths


def serve_summaries(server: WebServer, corpus: Path, n: int = 5) -> str:
    paths = serve_news(server, corpus, n)
    texts = article_texts(corpus, n)
    items = [(t, server.url(p), body[0][:120] + "…") for p, (t, body) in zip(paths, texts, strict=True)]
    server.routes["/summaries.xml"] = Reply(body=summary_feed(server.url("/"), items), headers=RSS)
    return "/summaries.xml"


def serve_feeds(server: WebServer, corpus: Path) -> list[str]:
    paths = []
    for feed in sorted((corpus / "feeds").glob("*.xml")):
        path = f"/feeds/{feed.name}"
        server.routes[path] = Reply(body=feed.read_bytes(), headers=RSS)
        paths.append(path)
    return paths


def serve_opdc_home(server: WebServer, corpus: Path) -> list[str]:
    """The real OPDC home page at "/" and a page for every article it links; the paths
    (as the proxy sees them) of those article pages."""
    home = (corpus / "html" / "opdc.go.th_homepage_2018-03.html").read_bytes()
    server.routes["/"] = Reply(body=home)
    links = read_listing(home, "http://www.opdc.go.th/").articles
    texts = article_texts(corpus)
    paths = []
    for i, link in enumerate(links):
        path = link.split("www.opdc.go.th", 1)[1]
        title, body = texts[i % len(texts)]
        server.routes[path] = Reply(body=page_html(f"{title} ({i})", body))
        paths.append(path)
    return paths

"""Saved HTML pages: site profiles for known layouts, a generic article extractor for
the rest. A page whose best block is mostly headline links is a list, not an article;
a page that only sends the browser elsewhere is a redirect, not an article.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, Tag
from bs4.element import NavigableString

from reader.core.ingest.base import IngestError
from reader.core.ingest.cleanup import Draft, is_chrome
from reader.core.ingest.htmldom import (
    COPYRIGHT,
    TextSizes,
    best_container,
    blocks_of,
    headline_links,
    images_in,
    is_gone,
    link_density,
    link_texts,
    parse,
    strip_chrome,
    text_of,
)
from reader.core.ingest.htmlmeta import (
    base_url,
    check_redirect,
    headline,
    headline_near,
    meta_date,
    meta_tags,
    nearby_date,
    page_url,
)
from reader.core.ingest.htmlselect import Simple, first_matches

CONTENT_SELECTORS = [  # in order of preference
    "[itemprop=articleBody]",
    ".field-name-body .field-item",
    "[property='content:encoded']",
    ".entry-content",
    ".post-content",
    ".article-content",
    ".article-body",
    ".news-content",
    ".news-detail",
    ".content-detail",
]
_CONTENT = [Simple.parse(s) for s in CONTENT_SELECTORS]
LIST_MIN_LINKS = 5
MAX_ELEMENTS = 20_000  # a long article page has a few thousand elements
_START_TAG = re.compile(r"<[a-zA-Z]")
SHORT_CONTAINER = 300  # a block this small is probably only the headline: look wider
WIDEN_STEPS = 6
_RELATED = re.compile(
    r"^\s*(?:เรื่องที่เกี่ยวข้อง|ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง|อ่านเพิ่มเติม|บทความที่เกี่ยวข้อง"
    r"|related(?: articles| news| stories| posts)?|see also|read more)\s*:?",
    re.IGNORECASE,
)
_TIDY_TAGS = {"p", "div", "ul", "ol", "section", "h2", "h3", "h4", "strong", "b"}
_CLICK_HERE = re.compile(r"^(?:คลิ๊?กที่นี่|คลิ๊?ก|click here)", re.IGNORECASE)


def _check_list(root: Tag, container: Tag, sizes: TextSizes) -> None:
    """A list page: the best block is mostly headline links, or the page's headline
    links outweigh the best block's own text."""
    texts = link_texts(root)  # each link's text, once
    links = [t for t in (texts.get(id(a)) or text_of(a) for a in container.find_all("a")) if len(t) >= 15]
    if len(links) >= LIST_MIN_LINKS and sizes.link_density(container) >= 0.35:
        raise IngestError(f"this page is a list of {len(links)} headlines, not an article")
    page_links = [t for t in texts.values() if len(t) >= 40]  # site links ("about us") are shorter
    if len(page_links) >= LIST_MIN_LINKS:
        link_chars = sum(len(t) for t in page_links)
        if sizes.non_link_text(container) < 0.5 * link_chars and sizes.non_link_text(container) < 1000:
            raise IngestError(f"this page is a list of {len(page_links)} headlines, not an article")


def _with_siblings(container: Tag) -> tuple[Tag, set[int] | None]:
    """The best block plus its neighbours that are not link lists or a footer: the
    section label, the headline and the credits often sit beside the body's <div>."""
    parent = container.parent
    if parent is None or parent.name in ("body", "html", "[document]"):
        return container, None
    keep = set()
    for child in parent.children:
        if child is container:
            keep.add(id(child))
        elif isinstance(child, Tag):
            text = child.get_text(" ", strip=True)
            if text and link_density(child) < 0.5 and not COPYRIGHT.search(text):
                keep.add(id(child))
            elif child.find("img") is not None and not text:
                keep.add(id(child))
        elif isinstance(child, NavigableString) and not isinstance(child, Comment) and child.strip():
            keep.add(id(child))
    return parent, keep


def _widen(container: Tag, sizes: TextSizes) -> Tag:
    """A tiny best block (a headline and a date) may sit beside the story's picture and
    links: take the enclosing block, short of the page body and of any site footer."""
    for _ in range(WIDEN_STEPS):  # a few levels at most: 3,000 nested divs stay linear
        if sizes.length(container) >= SHORT_CONTAINER:
            break
        parent = container.parent
        if parent is None or parent.name in ("body", "html", "[document]"):
            break
        if sizes.length(parent) > 3000 or sizes.link_density(parent) > 0.5:
            break
        text = parent.get_text(" ", strip=True)
        if COPYRIGHT.search(text) or "||" in text:
            break
        container = parent
    return container


def _tidy(container: Tag, sizes: TextSizes) -> None:
    """Inside the article: drop 'related stories' link lists and share/print links; keep
    where a 'click here' link points, since the words alone say nothing."""
    # `sizes` stays true for each tag reached: a tag taken out is either one already
    # passed (an ancestor, in document order) or below one (and then skipped as gone).
    # (a plain walk: find_all with a list of names tests each element the slow way)
    for tag in [t for t in container.descendants if isinstance(t, Tag) and t.name in _TIDY_TAGS]:
        if is_gone(tag) or not _RELATED.match(sizes.head(tag)) or sizes.length(tag) >= 2000:
            continue  # the heading test on the text's first characters, not the whole text
        text = tag.get_text(" ", strip=True)
        m = _RELATED.match(text)
        if m and len(text) < 2000:
            rest = len(text) - m.end()
            links = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
            if rest <= 0 or links >= 0.8 * rest:
                target = tag if tag.name not in ("strong", "b") else tag.parent
                if target is not None and target is not container:
                    target.decompose()
    texts = link_texts(container)  # after the removals above; a link's own changes come after it
    for a in list(container.find_all("a")):
        if is_gone(a):
            continue
        text = texts[id(a)]
        if text and is_chrome(text):
            a.decompose()
        elif _CLICK_HERE.match(text) and isinstance(href := a.get("href"), str) and href.strip():
            a.append(f" ({href.strip()})")


# ---------------------------------------------------------------- site profiles


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # urllib refuses hosts like "[oops"
        return ""
    return host[4:] if host.startswith("www.") else host


def _opdc_list(soup: BeautifulSoup) -> None:
    """opdc.go.th home and section pages list 'ข่าวเด่น ก.พ.ร.' headlines (tab_view links)."""
    news = soup.select_one("#headnews")
    links = soup.find_all("a", href=re.compile(r"tab_view"))
    if news is not None or len(links) >= LIST_MIN_LINKS:
        n = len({a.get("href") for a in (news.find_all("a", href=True) if news else links)})
        raise IngestError(
            f"this page is a list of {n} headlines (opdc.go.th ข่าวเด่น ก.พ.ร.), not an article; "
            "import the article pages it links to"
        )


def _prachatai(soup: BeautifulSoup) -> tuple[Tag | None, str]:
    body = soup.select_one(".field-name-body .field-item")
    cat = soup.select_one(".field-name-field-variety .field-item a") or soup.select_one(
        ".views-field-field-variety a"
    )
    return body, text_of(cat) if cat else ""


def _is_opdc(soup: BeautifulSoup, host: str, text: str) -> bool:
    return host.endswith("opdc.go.th") or "administrator@opdc.go.th" in text


# ---------------------------------------------------------------- the reader


def read_html(text: str, url: str | None = None) -> Draft:
    # Every element costs a fraction of a millisecond below (CSS selector passes): refuse
    # generated or hostile markup before parsing instead of spending minutes on it.
    elements = len(_START_TAG.findall(text))
    if elements > MAX_ELEMENTS:
        raise IngestError(f"this page has {elements:,} HTML elements (limit {MAX_ELEMENTS:,}); "
                          "an article page has a few thousand, so it is not read")
    soup = parse(text)
    meta = meta_tags(soup)
    page = page_url(soup, meta, text, url)
    base = base_url(soup, page)
    check_redirect(soup, base)
    title, sure = headline(soup, meta)
    date = meta_date(soup, meta)
    host = _host(page)
    category = meta.get("article:section", "")
    container: Tag | None = None
    generic = False
    if _is_opdc(soup, host, text):
        _opdc_list(soup)
    if host.endswith("prachatai.com"):
        container, category = _prachatai(soup)
    root = soup.body or soup
    strip_chrome(root)
    sizes = TextSizes(root)
    if container is None or is_gone(container):
        container = None
        for el in first_matches(root, _CONTENT):
            if el is not None and len(text_of(el)) >= 100:
                container = el
                break
    if container is None:
        container = best_container(root, sizes)
        generic = True
    if container is None or len(text_of(container)) < 20:
        links = headline_links(root, 40)
        if len(links) >= LIST_MIN_LINKS:
            raise IngestError(f"this page is a list of {len(links)} headlines, not an article")
        raise IngestError("no article found in this page (no block of text outside menus and links)")
    _check_list(root, container, sizes)
    container = _widen(container, sizes)
    _tidy(container, sizes)
    if date is None:
        date = nearby_date(container)
    if not sure:
        title = headline_near(container) or title
    keep = None
    if generic:
        container, keep = _with_siblings(container)
    return Draft(
        title=title,
        blocks=blocks_of(container, keep),
        kind="html",
        category=category,
        source_url=page,
        images=images_in(container, base, keep),
        page_date=date,
        truncated=_cut_html(text),
    )


def _cut_html(text: str) -> bool:
    """The file stops before the page's end: no closing </body> or </html>."""
    tail = text[-4096:].lower()
    return "</html" not in tail and "</body" not in tail

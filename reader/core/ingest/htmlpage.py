"""Saved HTML pages: site profiles for known layouts, a generic article extractor for
the rest. Parsing is BeautifulSoup over lxml (html.parser when lxml is missing).

The generic extractor scores blocks by how much non-link text they hold (a small
readability), after taking out what is never the article: scripts, navigation,
headers, footers, asides, forms, hidden elements and share/print/comment widgets.
A page whose best block is mostly headline links is a list, not an article.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from html import unescape
from urllib.parse import urljoin, urlsplit

from bs4 import (
    BeautifulSoup,
    Comment,
    MarkupResemblesLocatorWarning,
    NavigableString,
    Tag,
    XMLParsedAsHTMLWarning,
)

from reader.core import thaidate
from reader.core.ingest.base import IngestError
from reader.core.ingest.cleanup import SECTIONS, Block, Draft, is_chrome, is_date_line
from reader.core.thaitext import clean_line

try:
    import lxml  # noqa: F401

    PARSER = "lxml"
except ImportError:  # pragma: no cover - lxml is a dependency; this is a safety net
    PARSER = "html.parser"

BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "tbody", "thead", "blockquote", "pre", "section", "article", "header", "footer",
    "dd", "dt", "dl", "figure", "figcaption", "hr", "center", "address", "main", "body",
}
_DROP_TAGS = [
    "script", "style", "noscript", "template", "iframe", "svg", "form", "button", "input",
    "select", "textarea", "nav", "aside", "footer", "header", "object", "embed", "map",
    "canvas", "video", "audio", "link", "meta",
]
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
_CHROME_CLASS = re.compile(
    r"^(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|share|sharing|social|print|comments?"
    r"|related|sidebar|footer|header|advert|ads|adsbygoogle|banner|cookie|popup|modal|skip"
    r"|tags|pager|pagination|widget|login|search|toolbar|fontsize|font-size|textsize)$",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
CONTENT_SELECTORS = [
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
_DATE_META = [
    "article:published_time", "og:published_time", "datepublished", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "date", "pubdate", "publishdate", "publish_date",
    "sailthru.date", "parsely-pub-date", "article:modified_time",
]
_DATE_SELECTORS = [
    "[itemprop=datePublished]", "time[datetime]", ".submitted-by", ".submitted", ".post-date",
    ".entry-date", ".published", ".date-display-single", ".news-date",
]
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}))?")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_SCRIPT_REDIRECT = re.compile(
    r"""(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*["']([^"']+)["']"""
    r"""|location\.(?:replace|assign)\(\s*["']([^"']+)["']""",
)
_TITLE_SPLIT = re.compile(r"\s+(?:\||-|–|—|::|«|»|·)\s+|^::\s*|\s*::$")
LIST_MIN_LINKS = 5
_HAS_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|/[a-zA-Z]|!--)")
SHORT_CONTAINER = 300  # a block this small is probably only the headline: look wider
_COPYRIGHT = re.compile(r"สงวนลิขสิทธิ์|copyright|copy right|©|all rights reserved", re.IGNORECASE)
_RELATED = re.compile(
    r"^\s*(?:เรื่องที่เกี่ยวข้อง|ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง|อ่านเพิ่มเติม|บทความที่เกี่ยวข้อง"
    r"|related(?: articles| news| stories| posts)?|see also|read more)\s*:?",
    re.IGNORECASE,
)
_CLICK_HERE = re.compile(r"^(?:คลิ๊?กที่นี่|คลิ๊?ก|click here)", re.IGNORECASE)
_AD_IMAGE = re.compile(
    r"(?:^|[/_.\-])(?:ads?|adv|banners?|logos?|icons?|counter|spacer|pixel|buttons?|btn|rss)(?:[/_.\-]|$)",
    re.IGNORECASE,
)


def parse(text: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        # XHTML pages and feed fragments are read as HTML on purpose
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        try:
            return BeautifulSoup(text, PARSER)
        except Exception:  # a parser crash on a broken page: try the pure-Python one
            return BeautifulSoup(text, "html.parser")


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = tag.get("content")
        if isinstance(key, str) and isinstance(value, str) and value.strip():
            found.setdefault(key.strip().lower(), value.strip())
    return found


def _text(el: Tag) -> str:
    return clean_line(el.get_text(" "))


def page_url(soup: BeautifulSoup, meta: dict[str, str], text: str, url: str | None) -> str | None:
    """The page's own address: canonical link, og:url, the browser's 'saved from' note."""
    link = soup.find("link", rel=lambda v: v and "canonical" in v)
    for candidate in (
        link.get("href") if link else None,
        meta.get("og:url"),
        meta.get("twitter:url"),
    ):
        if isinstance(candidate, str) and candidate.startswith(("http://", "https://")):
            return candidate.strip()
    m = _SAVED_FROM.search(text[:4096])
    if m and m.group(1).startswith(("http://", "https://")):
        return m.group(1)
    return url


def _base(soup: BeautifulSoup, page: str | None) -> str | None:
    base = soup.find("base", href=True)
    if base and isinstance(base["href"], str):
        return urljoin(page or "", base["href"]) or None
    return page


def _check_redirect(soup: BeautifulSoup, base: str | None) -> None:
    """A stub whose only job is to send the browser elsewhere is not an article."""
    target = None
    refresh = soup.find("meta", attrs={"http-equiv": re.compile("^refresh$", re.IGNORECASE)})
    if refresh and isinstance(refresh.get("content"), str):
        m = re.search(r"url\s*=\s*['\"]?([^'\";]+)", refresh["content"], re.IGNORECASE)
        if m:
            target = m.group(1).strip()
    if target is None:
        for script in soup.find_all("script"):
            m = _SCRIPT_REDIRECT.search(script.get_text() or "")
            if m:
                target = m.group(1) or m.group(2)
                break
    if target is None:
        return
    body = soup.body or soup
    visible = " ".join(
        s for s in body.find_all(string=True)
        if not isinstance(s, Comment) and s.parent.name not in ("script", "style", "title")
    )
    if len(clean_line(visible)) < 200:
        where = urljoin(base, target) if base else target
        raise IngestError(f"this page only redirects to {where}; it holds no article")


def _title(soup: BeautifulSoup, meta: dict[str, str]) -> tuple[str, bool]:
    """The headline, and whether it is sure (metadata, or an <h1> the <title> repeats);
    a bare <title> is often only the site's name."""
    for key in ("og:title", "twitter:title", "dc.title", "title"):
        if meta.get(key):
            return clean_line(meta[key]), True
    page_title = _text(soup.title) if soup.title else ""
    h1s = [_text(h) for h in soup.find_all("h1")]
    h1s = [h for h in h1s if len(h) >= 8]
    for h in h1s:
        if page_title and h in page_title:
            return h, True
    if page_title:
        parts = [p.strip() for p in _TITLE_SPLIT.split(page_title) if p and p.strip()]
        if parts:
            return max(parts, key=len), False
    return (h1s[0], False) if h1s else ("", False)


_HEADING_CLASS = re.compile(r"title|headline|heading|topic|subject|หัวข้อ", re.IGNORECASE)
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+)\s*(px|pt)", re.IGNORECASE)


def _looks_like_heading(el: Tag) -> bool:
    if el.name in ("h1", "h2", "h3", "h4", "big"):
        return True
    names = " ".join(el.get("class") or []) + " " + str(el.get("id") or "")
    if _HEADING_CLASS.search(names):
        return True
    style = el.get("style")
    if isinstance(style, str):
        m = _FONT_SIZE.search(style)
        if (m and int(m.group(1)) >= 16) or "bold" in style.lower():
            return True
    return False


def _headline_near(container: Tag) -> str:
    """The first heading-like element in or just above the article body that reads
    like a headline (not a section label, a date or chrome)."""
    candidates = list(container.find_all(True))
    node: Tag | None = container
    for _ in range(3):
        if node is None:
            break
        seq: list[Tag] = []
        for sibling in reversed(list(node.find_previous_siblings(True))[:6]):  # page order
            seq.append(sibling)
            seq.extend(sibling.find_all(True))
        candidates = seq + candidates
        node = node.parent
    for el in candidates:
        if not _looks_like_heading(el):
            continue
        text = _text(el)
        if 10 <= len(text) <= 300 and text.lower() not in SECTIONS and not is_chrome(text) and is_date_line(text) is None:
            return text
    return ""


def _parse_date_text(value: str) -> thaidate.FoundDate | None:
    m = _ISO.search(value)
    if m:
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            day = None
        if day:
            return thaidate.FoundDate(day, m.start(), m.end(), m.group(4))
    return thaidate.parse_date(value)


def _meta_date(soup: BeautifulSoup, meta: dict[str, str]) -> thaidate.FoundDate | None:
    for key in _DATE_META:
        if key in meta:
            found = _parse_date_text(meta[key])
            if found:
                return found
    for selector in _DATE_SELECTORS:
        el = soup.select_one(selector)
        if el is None:
            continue
        for value in (el.get("datetime"), el.get("content"), _text(el)):
            if isinstance(value, str) and value:
                found = _parse_date_text(value)
                if found:
                    return found
    return None


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    style = tag.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


def _is_chrome_tag(tag: Tag) -> bool:
    if tag.name in ("body", "html", "main", "article"):
        return False
    if tag.get("role") in _DROP_ROLES:
        return True
    names = []
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    names.extend(classes)
    if isinstance(tag.get("id"), str):
        names.append(tag["id"])
    for name in names:
        for token in re.split(r"[\s_\-]+", name):
            if _CHROME_CLASS.match(token):
                return True
    return False


def strip_chrome(root: Tag) -> None:
    for tag in root.find_all(_DROP_TAGS):
        tag.decompose()
    for comment in root.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in list(root.find_all(True)):
        if tag.decomposed:
            continue
        if _is_hidden(tag) or _is_chrome_tag(tag):
            tag.decompose()


def _block_parent(node) -> Tag | None:
    parent = node.parent
    while parent is not None and parent.name not in BLOCK_TAGS:
        parent = parent.parent
    return parent


def best_container(root: Tag) -> Tag | None:
    """The element holding the most non-link text, counted readability-style: each
    block's own text scores for itself, its parent block and half for the grandparent."""
    own: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    for s in root.find_all(string=True):
        if isinstance(s, Comment):
            continue
        n = len(s.strip())
        if n == 0 or s.find_parent("a") is not None:
            continue
        block = _block_parent(s)
        if block is None:
            continue
        own[id(block)] = own.get(id(block), 0) + n
        tags[id(block)] = block
    scores: dict[int, float] = {}
    for key, n in own.items():
        if n < 25:
            continue
        block = tags[key]
        scores[key] = scores.get(key, 0) + n
        parent = _block_parent(block)
        if parent is not None:
            scores[id(parent)] = scores.get(id(parent), 0) + n
            tags[id(parent)] = parent
            grand = _block_parent(parent)
            if grand is not None:
                scores[id(grand)] = scores.get(id(grand), 0) + n / 2
                tags[id(grand)] = grand
    best, best_score = None, 0.0
    for key, score in scores.items():
        tag = tags[key]
        score *= 1 - link_density(tag)
        text = tag.get_text(" ", strip=True)
        if len(text) < 2000 and (_COPYRIGHT.search(text) or "||" in text):
            score *= 0.2  # a site footer: copyright, address, menu links
        if score > best_score:
            best, best_score = tag, score
    return best


def link_density(tag: Tag) -> float:
    total = len(tag.get_text(" ", strip=True))
    if not total:
        return 0.0
    links = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
    return min(1.0, links / total)


def headline_links(tag: Tag, shortest: int = 15) -> list[str]:
    return [t for t in (_text(a) for a in tag.find_all("a")) if len(t) >= shortest]


def _images(root: Tag, base: str | None, keep: set[int] | None = None) -> list[str]:
    found = []
    parts = [root] if keep is None else [c for c in root.children if id(c) in keep and isinstance(c, Tag)]
    imgs = [img for part in parts for img in ([part] if part.name == "img" else part.find_all("img"))]
    for img in imgs:
        src = img.get("src") or img.get("data-src") or img.get("data-original")
        if not isinstance(src, str) or not src.strip() or src.strip().startswith("data:"):
            continue
        if img.get("width") in ("1", "0") or img.get("height") in ("1", "0"):
            continue  # tracking pixels
        src = src.strip().replace("\\", "/")
        if _AD_IMAGE.search(urlsplit(src).path):
            continue  # banners, logos, icons, counters: site furniture, not the story's pictures
        found.append(urljoin(base, src) if base else src)
    return found


def blocks_of(root: Tag, keep: set[int] | None = None) -> list[Block]:
    """The element's text as blocks: block elements and <br> end a paragraph. With
    `keep`, only the root's children whose id() is in it are read."""
    blocks: list[Block] = []
    parts: list[str] = []
    state = {"gap": 0}

    def flush(gap: int) -> None:
        text = " ".join(" ".join(parts).split())
        parts.clear()
        if text:
            blocks.append(Block(text, state["gap"]))
            state["gap"] = gap
        else:
            state["gap"] = max(state["gap"], gap)

    def walk(node: Tag) -> None:
        for child in node.children:
            if node is root and keep is not None and id(child) not in keep:
                continue
            if isinstance(child, NavigableString):
                if not isinstance(child, Comment):
                    parts.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    flush(0)
                elif child.name == "pre":
                    flush(1)
                    for line in child.get_text().split("\n"):
                        parts.append(line)
                        flush(0)
                    flush(1)
                elif child.name in BLOCK_TAGS:
                    flush(1)
                    walk(child)
                    flush(1)
                else:
                    walk(child)

    walk(root)
    flush(0)
    return blocks


def _non_link_text(tag: Tag) -> int:
    return max(0, len(tag.get_text(" ", strip=True)) - sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a")))


def _check_list(root: Tag, container: Tag) -> None:
    """A list page: the best block is mostly headline links, or the page's headline
    links outweigh the best block's own text."""
    links = headline_links(container)
    if len(links) >= LIST_MIN_LINKS and link_density(container) >= 0.35:
        raise IngestError(f"this page is a list of {len(links)} headlines, not an article")
    page_links = headline_links(root, 40)  # site links ("about us") are shorter
    if len(page_links) >= LIST_MIN_LINKS:
        link_chars = sum(len(t) for t in page_links)
        if _non_link_text(container) < 0.5 * link_chars and _non_link_text(container) < 1000:
            raise IngestError(f"this page is a list of {len(page_links)} headlines, not an article")


def _nearby_date(container: Tag) -> thaidate.FoundDate | None:
    """A posting-date line just above the article body (between headline and text)."""
    node: Tag | None = container
    for _ in range(3):
        if node is None:
            break
        seen = 0
        for sibling in node.find_previous_siblings(True):
            seen += 1
            if seen > 6:
                break
            for line in sibling.get_text("\n").split("\n"):
                line = clean_line(line)
                if line:
                    found = is_date_line(line)
                    if found and found.date.year > 1970:
                        return found
        node = node.parent
    return None


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
            if text and link_density(child) < 0.5 and not _COPYRIGHT.search(text):
                keep.add(id(child))
            elif child.find("img") is not None and not text:
                keep.add(id(child))
        elif isinstance(child, NavigableString) and not isinstance(child, Comment) and child.strip():
            keep.add(id(child))
    return parent, keep


def _widen(container: Tag) -> Tag:
    """A tiny best block (a headline and a date) may sit beside the story's picture and
    links: take the enclosing block, short of the page body and of any site footer."""
    while len(container.get_text(" ", strip=True)) < SHORT_CONTAINER:
        parent = container.parent
        if parent is None or parent.name in ("body", "html", "[document]"):
            break
        text = parent.get_text(" ", strip=True)
        if _COPYRIGHT.search(text) or "||" in text or link_density(parent) > 0.5 or len(text) > 3000:
            break
        container = parent
    return container


def _tidy(container: Tag) -> None:
    """Inside the article: drop 'related stories' link lists and share/print links; keep
    where a 'click here' link points, since the words alone say nothing."""
    for tag in list(container.find_all(["p", "div", "ul", "ol", "section", "h2", "h3", "h4", "strong", "b"])):
        if tag.decomposed:
            continue
        text = tag.get_text(" ", strip=True)
        m = _RELATED.match(text)
        if m and len(text) < 2000:
            rest = len(text) - m.end()
            links = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
            if rest <= 0 or links >= 0.8 * rest:
                target = tag if tag.name not in ("strong", "b") else tag.parent
                if target is not None and target is not container:
                    target.decompose()
    for a in list(container.find_all("a")):
        if a.decomposed:
            continue
        text = clean_line(a.get_text(" "))
        if text and is_chrome(text):
            a.decompose()
        elif _CLICK_HERE.match(text) and isinstance(a.get("href"), str) and a["href"].strip():
            a.append(f" ({a['href'].strip()})")


# ---------------------------------------------------------------- site profiles


def _host(url: str | None) -> str:
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
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
    return body, _text(cat) if cat else ""


def _is_opdc(soup: BeautifulSoup, host: str, text: str) -> bool:
    return host.endswith("opdc.go.th") or "administrator@opdc.go.th" in text


# ---------------------------------------------------------------- the reader


def read_html(text: str, url: str | None = None) -> Draft:
    soup = parse(text)
    meta = _meta(soup)
    page = page_url(soup, meta, text, url)
    base = _base(soup, page)
    _check_redirect(soup, base)
    title, sure = _title(soup, meta)
    date = _meta_date(soup, meta)
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
    if container is None or container.decomposed:
        container = None
        for selector in CONTENT_SELECTORS:
            el = root.select_one(selector)
            if el is not None and len(_text(el)) >= 100:
                container = el
                break
    if container is None:
        container = best_container(root)
        generic = True
    if container is None or len(_text(container)) < 20:
        links = headline_links(root, 40)
        if len(links) >= LIST_MIN_LINKS:
            raise IngestError(f"this page is a list of {len(links)} headlines, not an article")
        raise IngestError("no article found in this page (no block of text outside menus and links)")
    _check_list(root, container)
    container = _widen(container)
    _tidy(container)
    if date is None:
        date = _nearby_date(container)
    if not sure:
        title = _headline_near(container) or title
    keep = None
    if generic:
        container, keep = _with_siblings(container)
    return Draft(
        title=title,
        blocks=blocks_of(container, keep),
        kind="html",
        category=category,
        source_url=page,
        images=_images(container, base, keep),
        page_date=date,
    )


def fragment(html: str, base: str | None = None) -> tuple[list[Block], list[str]]:
    """Paragraphs and images of an HTML fragment (a feed item's description)."""
    if not _HAS_TAG.search(html):
        # plain text (old WordPress feeds): its line breaks are the paragraphs
        text = unescape(html)
        return [Block(line.strip(), 1) for line in text.split("\n") if line.strip()], []
    soup = parse(f"<div>{html}</div>")
    root = soup.body or soup
    for tag in root.find_all(["script", "style", "iframe", "form", "object", "embed"]):
        tag.decompose()
    return blocks_of(root), _images(root, base)

"""HTML as blocks of text: parsing, taking out what is never the article (scripts,
navigation, headers, footers, asides, forms, hidden elements, share/print/comment
widgets), scoring blocks by their non-link text (a small readability) and turning an
element into paragraphs. Parsing is BeautifulSoup over lxml (html.parser as a fallback).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from enum import Enum
from html import unescape
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import (
    BeautifulSoup,
    CData,
    Comment,
    MarkupResemblesLocatorWarning,
    Tag,
    XMLParsedAsHTMLWarning,
)
from bs4.element import NavigableString, PageElement

from reader.core.ingest.cleanup import Block
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
_DROP = set(_DROP_TAGS)
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
_CHROME_CLASS = re.compile(
    r"^(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|share|sharing|social|print|comments?"
    r"|related|sidebar|footer|header|advert|ads|adsbygoogle|banner|cookie|popup|modal|skip"
    r"|tags|pager|pagination|widget|login|search|toolbar|fontsize|font-size|textsize)$",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HAS_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|/[a-zA-Z]|!--)")
COPYRIGHT = re.compile(r"สงวนลิขสิทธิ์|copyright|copy right|©|all rights reserved", re.IGNORECASE)
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


def is_gone(tag: Tag) -> bool:
    """True once decompose() has removed the tag. Not `tag.decomposed`: on a live tag
    that reads a missing attribute, which bs4 turns into a search of the whole subtree
    for a child element of that name, so a loop over every tag became quadratic
    (3,000 nested divs: 6 s; 100,000: hours)."""
    return bool(vars(tag).get("_decomposed"))


def text_of(el: Tag) -> str:
    return clean_line(el.get_text(" "))


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
    classes = tag.get("class")
    names: list[str] = classes.split() if isinstance(classes, str) else list(classes or [])
    tag_id = tag.get("id")
    if isinstance(tag_id, str):
        names.append(tag_id)
    for name in names:
        for token in re.split(r"[\s_\-]+", name):
            if _CHROME_CLASS.match(token):
                return True
    return False


class Fate(Enum):
    """What strip_chrome does with a node."""

    DROP = "drop"  # out, with everything inside it
    UNWRAP = "unwrap"  # the tag out, what it holds kept (an <embed>, see strip_chrome)
    KEEP = "keep"


def _unwanted(node: PageElement) -> Fate:
    if isinstance(node, Comment):
        return Fate.DROP
    if not isinstance(node, Tag):
        return Fate.KEEP
    if node.name == "embed":
        return Fate.UNWRAP
    if node.name in _DROP or _is_hidden(node) or _is_chrome_tag(node):
        return Fate.DROP
    return Fate.KEEP


def _strip_under(root: Tag, embeds: list[Tag]) -> None:
    # Children are removed by their index, last first: bs4 finds a child's index by a
    # linear search otherwise, and 7,000 sibling comments took seconds.
    stack = [root]
    while stack:
        tag = stack.pop()
        for i in range(len(tag.contents) - 1, -1, -1):
            child = tag.contents[i]
            what = _unwanted(child)
            if what is Fate.DROP:
                child.extract(_self_index=i)
                if isinstance(child, Tag):
                    child.decompose()
            elif what is Fate.UNWRAP and isinstance(child, Tag):
                embeds.append(child)
            elif isinstance(child, Tag):
                stack.append(child)


def strip_chrome(root: Tag) -> None:
    """Take out scripts, styles, navigation, forms, comments, hidden elements and
    share/menu widgets, in one walk of the tree (a pass per kind cost seconds on
    tag-dense pages)."""
    embeds: list[Tag] = []
    _strip_under(root, embeds)
    while embeds:
        # lxml's HTML4 parser does not know <embed> is empty and nests the rest of the
        # page inside a bare one (old pages' Flash): drop the tag, keep what it swallowed.
        embed = embeds.pop()
        kids = list(embed.contents)
        embed.unwrap()
        for kid in kids:
            what = _unwanted(kid)
            if what is Fate.DROP:
                kid.extract()
                if isinstance(kid, Tag):
                    kid.decompose()
            elif what is Fate.UNWRAP and isinstance(kid, Tag):
                embeds.append(kid)
            elif isinstance(kid, Tag):
                _strip_under(kid, embeds)


def _block_parent(node: PageElement) -> Tag | None:
    parent = node.parent
    while parent is not None and parent.name not in BLOCK_TAGS:
        parent = parent.parent
    return parent


_TEXT_TYPES = (NavigableString, CData)  # the strings get_text() reads (not comments, scripts...)


class TextSizes:
    """For every element under a root, what scoring asks of its text: the length of
    `get_text(" ", strip=True)`, the same summed over the links inside it, and the first
    HEAD characters of that text; all from one walk. Asking get_text of each nested
    block again was quadratic on deep pages and slow on tag-dense ones. Valid until the
    tree under root changes; elements outside it are measured directly."""

    HEAD = 64

    def __init__(self, root: Tag):
        self._of: dict[int, tuple[int, int, int, str]] = {}
        stack: list[tuple[Tag, bool]] = [(root, False)]
        while stack:
            tag, children_done = stack.pop()
            if not children_done:
                stack.append((tag, True))
                stack.extend((c, False) for c in tag.contents if isinstance(c, Tag))
                continue
            chars = count = links = 0
            head = ""
            for child in tag.contents:
                if isinstance(child, Tag):
                    c_chars, c_count, c_links, piece = self._of[id(child)]
                    chars += c_chars
                    count += c_count
                    links += c_links
                    if child.name == "a":
                        links += c_chars + max(c_count - 1, 0)
                elif type(child) in _TEXT_TYPES and isinstance(child, NavigableString):
                    piece = child.strip()
                    if piece:
                        chars += len(piece)
                        count += 1
                else:
                    continue
                if piece and len(head) < self.HEAD:
                    head = f"{head} {piece}" if head else piece
            self._of[id(tag)] = (chars, count, links, head[: self.HEAD])

    def _get(self, tag: Tag) -> tuple[int, int, int, str]:
        found = self._of.get(id(tag))
        if found is None:
            text = tag.get_text(" ", strip=True)
            links = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
            return len(text), 1, links, text[: self.HEAD]  # (chars, count) stand for the length
        return found

    def length(self, tag: Tag) -> int:
        """len(tag.get_text(" ", strip=True))"""
        chars, count, _links, _head = self._get(tag)
        return chars + max(count - 1, 0)

    def link_length(self, tag: Tag) -> int:
        """The summed text length of the <a> elements inside tag."""
        return self._get(tag)[2]

    def head(self, tag: Tag) -> str:
        """The first HEAD characters of tag.get_text(" ", strip=True)."""
        return self._get(tag)[3]

    def link_density(self, tag: Tag) -> float:
        total = self.length(tag)
        return min(1.0, self.link_length(tag) / total) if total else 0.0

    def non_link_text(self, tag: Tag) -> int:
        return max(0, self.length(tag) - self.link_length(tag))


def best_container(root: Tag, sizes: TextSizes | None = None) -> Tag | None:
    """The element holding the most non-link text, counted readability-style: each
    block's own text scores for itself, its parent block and half for the grandparent."""
    sizes = sizes or TextSizes(root)
    own, tags, block_of = _own_text(root)

    def block_above(tag: Tag) -> Tag | None:
        key = id(tag.parent)
        return block_of[key] if key in block_of else _block_parent(tag)

    scores: dict[int, float] = {}
    for key, n in own.items():
        if n < 25:
            continue
        block = tags[key]
        scores[key] = scores.get(key, 0) + n
        parent = block_above(block)
        if parent is not None:
            scores[id(parent)] = scores.get(id(parent), 0) + n
            tags[id(parent)] = parent
            grand = block_above(parent)
            if grand is not None:
                scores[id(grand)] = scores.get(id(grand), 0) + n / 2
                tags[id(grand)] = grand
    return _highest(scores, tags, sizes)


def _own_text(root: Tag) -> tuple[dict[int, float], dict[int, Tag], dict[int, Tag | None]]:
    """Each block's own non-link text length (by id), the blocks by id, and each element's
    nearest block (itself or above). One walk in document order, which also knows whether
    a string sits in a link, so no string walks up the tree on its own."""
    block_of: dict[int, Tag | None] = {id(root): root if root.name in BLOCK_TAGS else _block_parent(root)}
    in_link: dict[int, bool] = {id(root): root.name == "a" or root.find_parent("a") is not None}
    own: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    stack: list[PageElement] = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        parent = id(node.parent)
        if isinstance(node, Tag):
            block_of[id(node)] = node if node.name in BLOCK_TAGS else block_of[parent]
            in_link[id(node)] = node.name == "a" or in_link[parent]
            stack.extend(reversed(node.contents))
            continue
        if isinstance(node, Comment) or not isinstance(node, NavigableString):
            continue
        n = len(node.strip())
        if n == 0 or in_link[parent]:
            continue
        block = block_of[parent]
        if block is None:
            continue
        own[id(block)] = own.get(id(block), 0) + n
        tags[id(block)] = block
    return own, tags, block_of


def _highest(scores: dict[int, float], tags: dict[int, Tag], sizes: TextSizes) -> Tag | None:
    """The highest score wins, the first in document order among equals. The footer test
    reads a block's whole text, so it is asked only of blocks that can still win: in
    order of their score before it (it can only lower a score)."""
    ranked = sorted(
        ((score * (1 - sizes.link_density(tags[key])), n, key) for n, (key, score) in enumerate(scores.items())),
        key=lambda r: (-r[0], r[1]),
    )
    best, best_score, best_n = None, 0.0, -1
    for score, n, key in ranked:
        if score < best_score or score <= 0:
            break
        tag = tags[key]
        if sizes.length(tag) < 2000:
            text = tag.get_text(" ", strip=True)
            if COPYRIGHT.search(text) or "||" in text:
                score *= 0.2  # a site footer: copyright, address, menu links
        if score > best_score or (score == best_score and n < best_n):
            best, best_score, best_n = tag, score, n
    return best


def link_density(tag: Tag) -> float:
    total = len(tag.get_text(" ", strip=True))
    if not total:
        return 0.0
    links = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
    return min(1.0, links / total)


def link_texts(root: Tag) -> dict[int, str]:
    """text_of(a) for every <a> under root, by id. One walk collects the strings in
    document order and where each link starts and ends among them: links nested in
    links (unclosed <a> on broken pages, 80 deep) made get_text on each quadratic."""
    strings: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    stack: list[tuple[PageElement, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            spans[id(node)] = (spans[id(node)][0], len(strings))
        elif isinstance(node, Tag):
            if node.name == "a":
                spans[id(node)] = (len(strings), -1)
                stack.append((node, True))
            stack.extend((c, False) for c in reversed(node.contents))
        elif type(node) in _TEXT_TYPES and isinstance(node, NavigableString):
            strings.append(node)
    return {key: clean_line(" ".join(strings[start:end])) for key, (start, end) in spans.items()
            if key != id(root)}


def headline_links(tag: Tag, shortest: int = 15) -> list[str]:
    texts = link_texts(tag)
    return [t for t in (texts[id(a)] for a in tag.find_all("a")) if len(t) >= shortest]


def images_in(root: Tag, base: str | None, keep: set[int] | None = None) -> list[str]:
    parts = [root] if keep is None else [c for c in root.children if id(c) in keep and isinstance(c, Tag)]
    imgs = [img for part in parts for img in ([part] if part.name == "img" else part.find_all("img"))]
    return image_urls(imgs, base)


def image_urls(imgs: Iterable[Any], base: str | None) -> list[str]:
    """The addresses of the story's pictures among <img> elements (bs4 tags or lxml
    elements: anything with .get): no data: URIs, tracking pixels or site furniture."""
    found = []
    for img in imgs:
        src = img.get("src") or img.get("data-src") or img.get("data-original")
        if not isinstance(src, str) or not src.strip() or src.strip().startswith("data:"):
            continue
        if img.get("width") in ("1", "0") or img.get("height") in ("1", "0"):
            continue  # tracking pixels
        src = src.strip().replace("\\", "/")
        try:
            if _AD_IMAGE.search(urlsplit(src).path):
                continue  # banners, logos, icons, counters: site furniture, not the story's pictures
            url = urljoin(base, src) if base else src
            if urlsplit(url).scheme.lower() not in ("http", "https", ""):
                continue  # javascript:, file:, data: and the like are never a picture to keep
            found.append(url)
        except ValueError:  # urllib refuses hosts like "[oops": not a usable address
            continue
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


FRAGMENT_DROP = ("script", "style", "iframe", "form", "object", "embed")


def plain_fragment(html: str) -> list[Block] | None:
    """The paragraphs of a feed item's text when it holds no markup, else None."""
    if _HAS_TAG.search(html):
        return None
    # plain text (old WordPress feeds): its line breaks are the paragraphs
    text = unescape(html)
    return [Block(line.strip(), 1) for line in text.split("\n") if line.strip()]


def fragment(html: str, base: str | None = None) -> tuple[list[Block], list[str]]:
    """Paragraphs and images of an HTML fragment (a feed item's description), through
    BeautifulSoup; reader.core.ingest.htmlfrag reads the same straight from lxml."""
    plain = plain_fragment(html)
    if plain is not None:
        return plain, []
    soup = parse(f"<div>{html}</div>")
    root = soup.body or soup
    for tag in root.find_all(list(FRAGMENT_DROP)):
        tag.decompose()
    return blocks_of(root), images_in(root, base)

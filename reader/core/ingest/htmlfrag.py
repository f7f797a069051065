"""Feed items' HTML read straight from lxml, without building a BeautifulSoup tree.

A feed of thousands of items built a soup per item (about 0.2 ms each before any
reading). BeautifulSoup's lxml builder gets its tree from the same libxml2 HTML
parser, so walking lxml's elements gives the same paragraphs and pictures as
htmldom.fragment; that one stays as the fallback should lxml refuse the markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from reader.core.ingest.cleanup import Block
from reader.core.ingest.htmldom import BLOCK_TAGS, FRAGMENT_DROP, image_urls, plain_fragment
from reader.core.ingest.htmldom import fragment as soup_fragment
from reader.core.thaitext import strip_xml_invalid

_DROP = set(FRAGMENT_DROP)


def _parser() -> etree.HTMLParser:
    # Bytes with the encoding given: a <meta charset> inside an item cannot re-decode it.
    # huge_tree: past 256 levels libxml2 stops building the tree, while BeautifulSoup (fed
    # by the same parser's events) goes on; the walk below needs no recursion.
    # A parser per call (under a microsecond): one lxml parser must not serve two threads.
    return etree.HTMLParser(recover=True, no_network=True, encoding="utf-8", huge_tree=True)


# Text in or under a template or ruby text is not a <pre>'s get_text() in BeautifulSoup
# (it keeps such text as other string classes).
_NOT_PRE_TEXT = _DROP | {"template", "rt", "rp"}


def _pi_text(node: Any) -> str:
    # BeautifulSoup keeps a processing instruction as a string "target data" (libxml2's
    # HTML parser of today reads "<?...>" as a comment; older ones made it an instruction)
    return f"{node.target} {node.text or ''}"


class _Reader:
    """blocks_of() over an lxml tree: text, tails, block elements and <br> as in bs4."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.gap = 0
        self.images: list[etree._Element] = []

    def flush(self, gap: int) -> None:
        text = " ".join(" ".join(self.parts).split())
        self.parts.clear()
        if text:
            self.blocks.append(Block(text, self.gap))
            self.gap = gap
        else:
            self.gap = max(self.gap, gap)

    def walk(self, root: etree._Element) -> None:
        # an explicit stack, not recursion: items may nest deeply. Entries are elements
        # to enter, strings (text or tails) to add, or ints: a flush with that gap.
        stack: list[Any] = [root]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                self.parts.append(item)
                continue
            if isinstance(item, int):
                self.flush(item)
                continue
            if item is not root:
                tag = item.tag
                if not isinstance(tag, str):
                    if tag is etree.ProcessingInstruction:
                        self.parts.append(_pi_text(item))
                    continue  # comments are not text
                if tag in _DROP:
                    continue
                if tag == "img":
                    self.images.append(item)
                if tag == "br":
                    self.flush(0)
                    continue
                if tag == "pre":
                    self.flush(1)
                    inside = any(a.tag in _NOT_PRE_TEXT for a in item.iterancestors())
                    for line in ("" if inside else _text(item)).split("\n"):
                        self.parts.append(line)
                        self.flush(0)
                    self.flush(1)
                    self.images.extend(_imgs(item))
                    continue
                if tag in BLOCK_TAGS:
                    self.flush(1)
                    stack.append(1)  # after the children
            later: list[Any] = []
            if item.text:
                later.append(item.text)
            for child in item:
                later.append(child)
                if child.tail:
                    later.append(child.tail)
            stack.extend(reversed(later))


def _text(el: etree._Element) -> str:
    """get_text() of a <pre>: its text and tails, not comments, processing
    instructions or what was dropped."""
    out: list[str] = []
    stack: list[Any] = [el]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        if not isinstance(item.tag, str) or (item is not el and item.tag in _NOT_PRE_TEXT):
            continue  # (its tail was added by its parent)
        later: list[Any] = [item.text] if item.text else []
        for child in item:
            later.append(child)
            if child.tail:
                later.append(child.tail)
        stack.extend(reversed(later))
    return "".join(out)


def _imgs(el: etree._Element) -> list[etree._Element]:
    """The <img> elements inside el, in document order, outside dropped elements."""
    found: list[etree._Element] = []
    stack = list(reversed(el))
    while stack:
        item = stack.pop()
        if not isinstance(item.tag, str) or item.tag in _DROP:
            continue
        if item.tag == "img":
            found.append(item)
        stack.extend(reversed(item))
    return found


def fragment(html: str, base: str | None = None,
             resolve: Callable[[str], str] | None = None) -> tuple[list[Block], list[str]]:
    """Paragraphs and images of an HTML fragment (a feed item's description); `resolve`
    rewrites each <img src> first (as feedparser's link resolver did)."""
    plain = plain_fragment(html)
    if plain is not None:
        return plain, []
    # Control characters and lone surrogates cannot reach here from a feed (they are
    # taken out before feedparser); take them out again so libxml2 never stops on one.
    data = f"<div>{strip_xml_invalid(html)}</div>".encode()
    try:
        doc = etree.fromstring(data, _parser())
    except (etree.ParserError, ValueError):  # e.g. an encoding declaration lxml will not take
        doc = None
    if doc is None:
        return soup_fragment(html, base)
    root = next(doc.iter("body"), doc)
    reader = _Reader()
    reader.walk(root)
    reader.flush(0)
    if resolve is not None:
        for img in reader.images:
            src = img.get("src")
            if src is not None:
                img.set("src", resolve(src))
    return reader.blocks, image_urls(reader.images, base)

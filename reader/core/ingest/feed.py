"""RSS and Atom feeds: every item becomes an article, its link the source URL.

feedparser gets the text we decoded ourselves, re-encoded as UTF-8 with the XML
declaration saying so: left alone it would trust a `TIS-620` label and misread the
windows-874 bytes real feeds carry.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from typing import Any

import feedparser
from feedparser.urls import make_safe_absolute_uri

from reader.core import thaidate
from reader.core.ingest.base import MB, IngestError, size_text
from reader.core.ingest.cleanup import Block, Draft, assemble
from reader.core.ingest.htmlfrag import fragment
from reader.core.model import DATE_FROM_FEED, Article
from reader.core.thaitext import clean_line, detect_language, strip_xml_invalid

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ITEM_START = re.compile(r"<(?:[\w.-]+:)?(?:item|entry)[\s/>]", re.IGNORECASE)
# Each item costs ~0.2-0.4 ms (feedparser, then the shared clean-up), so items per megabyte,
# not bytes, decide the time. Real feeds carry tens to hundreds of items, and a site's
# whole export a few hundred per MB; thousands of tiny items per MB are generated (or
# many feeds stuck together) and would take more than a second per MB: refused, before
# parsing, with the numbers.
MAX_ITEMS = 1_000  # any feed may have this many
MAX_ITEMS_PER_MB = 1_000  # beyond that, this many per megabyte of the file
# feedparser also spends ~15 µs on every element, items or not (a real feed has a
# handful per item; HTML in descriptions, escaped or in CDATA, is text to it, not elements).
MAX_ELEMENTS = 20_000
MAX_ELEMENTS_PER_MB = 10_000
_START_TAG = re.compile(r"<[a-zA-Z]")
_CDATA = re.compile(r"<!\[CDATA\[.*?\]\]>", re.DOTALL)

_TAG = re.compile(r"<[^>]+>")


def _utf8_bytes(text: str) -> bytes:
    text = strip_xml_invalid(text.lstrip("\ufeff"))
    text = _XML_DECL.sub('<?xml version="1.0" encoding="utf-8"?>', text, count=1)
    return text.encode("utf-8")


def _item_date(entry: dict[str, Any]) -> thaidate.FoundDate | None:
    # dict.get: FeedParserDict.get maps missing keys to others, with a DeprecationWarning
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)
        if value:
            try:
                return thaidate.FoundDate(dt.date(value[0], value[1], value[2]), 0, 0, f"{value[3]:02d}:{value[4]:02d}")
            except (ValueError, TypeError, IndexError):
                continue
    # Thai pubDates ("พฤ., 03 พ.ย. 2005 21:24:18 +0000") are beyond feedparser.
    for key in ("published", "updated", "created"):
        value = dict.get(entry, key)
        if isinstance(value, str) and value:
            found = thaidate.parse_date(value)
            if found:
                return found
    return None


def _item_html(entry: dict[str, Any]) -> str:
    return _item_body(entry)[0]


def _item_body(entry: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The item's HTML (its content, else its summary) and feedparser's details of it."""
    for content in entry.get("content") or []:
        value = content.get("value")
        if value and value.strip():
            return value, content
    return entry.get("summary") or entry.get("description") or "", entry.get("summary_detail") or {}


_HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}


def _picture_resolver(detail: dict[str, Any]) -> Callable[[str], str] | None:
    """What feedparser's resolve_relative_uris did to an <img src> of this HTML, which
    is all of its work the articles keep: made absolute against the item's base (its
    xml:base or the feed's address), left as it was when that is not a web address."""
    if (detail.get("type") or "text/html").lower() not in _HTML_TYPES:
        return None
    base = detail.get("base") or ""
    return lambda src: make_safe_absolute_uri(base, src.strip()) or src


def check_counts(text: str, size: int) -> None:
    """Refuse a feed of `size` bytes with more items or elements than the limits allow,
    before parsing it."""
    items = len(_ITEM_START.findall(text))
    if items > max(MAX_ITEMS, MAX_ITEMS_PER_MB * size / MB):
        raise IngestError(
            f"this feed has {items:,} items in {size_text(size)} (limit {MAX_ITEMS:,}, or "
            f"{MAX_ITEMS_PER_MB:,} per MB); a real feed has tens or hundreds, so it is not read "
            "(generated, or many feeds joined into one file?)"
        )
    elements = len(_START_TAG.findall(_CDATA.sub("", text)))
    if elements > max(MAX_ELEMENTS, MAX_ELEMENTS_PER_MB * size / MB):
        raise IngestError(
            f"this feed has {elements:,} XML elements in {size_text(size)} (limit {MAX_ELEMENTS:,}, "
            f"or {MAX_ELEMENTS_PER_MB:,} per MB); a real feed has a few per item, so it is not read"
        )


def read_feed(text: str, url: str | None = None, size: int | None = None) -> list[Article]:
    """The feed's items as articles; `url` (where the feed was fetched) resolves
    relative item links; `size` is the file's size in bytes (else the text's)."""
    check_counts(text, size if size is not None else len(text.encode("utf-8", "surrogatepass")))
    headers = {"content-location": url} if url else None
    try:
        # feedparser's link resolver re-parsed each item's HTML in Python (40% of the time
        # of a feed of long posts) to rewrite addresses of which only <img src> reaches an
        # article: _picture_resolver does that. Its sanitizer stays: what it leaves of
        # <embed>, <title>, <object> and the like is what the articles are built from.
        parsed = feedparser.parse(_utf8_bytes(text), response_headers=headers, resolve_relative_uris=False)
    except ValueError as exc:  # e.g. feedparser on a character reference beyond Unicode
        raise IngestError(f"broken feed: {exc}") from None
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        why = f" ({reason})" if reason else ""
        raise IngestError(f"broken or empty feed: no item could be read{why}")
    channel_link = (parsed.get("feed") or {}).get("link")
    articles = []
    for entry in entries:
        title = clean_line(html.unescape(_TAG.sub(" ", entry.get("title") or "")))
        body, detail = _item_body(entry)
        guid = entry.get("id") or ""
        link = entry.get("link") or (guid if guid.startswith(("http://", "https://")) else None)
        blocks, images = fragment(body, link or channel_link, _picture_resolver(detail))
        if not blocks and not title:
            continue
        tags = entry.get("tags") or []
        category = tags[0].get("term", "") if tags else ""
        draft = Draft(
            title=title,
            blocks=[Block(b.text, 1) for b in blocks],
            kind="feed",
            category=category or "",
            source_url=link,
            images=images,
            page_date=_item_date(entry),
            page_date_source=DATE_FROM_FEED,
        )
        try:
            articles.append(assemble(draft))
        except IngestError:
            if title:  # a headline with no description: the headline is all there is
                found = draft.page_date
                articles.append(Article(
                    title=title, paragraphs=[title], category=clean_line(category or ""),
                    language=detect_language(title), date=found.date if found else None,
                    time=found.time if found else None,
                    date_source=DATE_FROM_FEED if found else None, source_url=link, kind="feed",
                ))
    if not articles:
        raise IngestError("the feed has no item with a title or text")
    return articles

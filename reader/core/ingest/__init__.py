"""Importers: bytes in, Article objects out.

`iter_sources(target)` walks a file, folder, zip or URL and yields `Source` (bytes plus
where they came from) or `Failure` (one file that could not be read, and why).
`extract(source)` detects the encoding and the kind (text page, HTML page, RSS/Atom
feed) and returns the articles, or raises `IngestError` with one clear message.

Modules: base (types, limits), detect (encoding, kind), textpage, htmlpage (with htmldom,
htmlselect and htmlmeta), mhtml (single-file saved pages), warc (web archives, record by record), feed (with htmlfrag for the
items' HTML), cleanup (the rules every kind shares: chrome, repeated headline, credits,
dates), sources (files, folders, zip and tar archives, URLs). Zip checks live in
reader.core.safezip, which restore uses too.

Time: about a second of CPU per megabyte at most. Files that would take longer are refused
before parsing, with the count in the message: pages of more than 20,000 elements
(htmlpage.MAX_ELEMENTS), feeds of too many items or elements (feed.check_counts).
"""

from __future__ import annotations

import datetime as dt
import re

from reader.core.ingest.base import Failure, IngestError, Limits, Skipped, Source, size_text
from reader.core.ingest.chrome import ChromeLearner, site_of
from reader.core.ingest.cleanup import assemble
from reader.core.ingest.detect import FEED, HTML, decode, sniff_kind
from reader.core.ingest.feed import read_feed
from reader.core.ingest.headline import Hints
from reader.core.ingest.htmlpage import read_html
from reader.core.ingest.mhtml import is_mhtml, unpack
from reader.core.ingest.sources import ZIP_MAGIC, is_bundle, iter_sources
from reader.core.ingest.textpage import read_text
from reader.core.model import Article

__all__ = [
    "ChromeLearner", "Failure", "IngestError", "Limits", "Skipped", "Source", "extract", "is_bundle",
    "iter_sources",
]

# Corpus layout: .../YYYY/MM/DD/<category>_<n>[_<uuid>].txt (the folder date is the day
# the page was copied, so it is only a last resort for the article's date).
_CORPUS_PATH = re.compile(r"(?:^|[/\\])(\d{4})[/\\](\d{2})[/\\](\d{2})[/\\]([^/\\]+)$")
_CORPUS_STEM = re.compile(r"^(.*?)_\d+(?:_[0-9a-fA-F-]{36})?$")


def path_hints(name: str) -> tuple[dt.date | None, str]:
    """(capture date, category) from a corpus-style path, else (None, "")."""
    m = _CORPUS_PATH.search(name)
    if not m:
        return None, ""
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        day = None
    stem = m.group(4).rsplit(".", 1)[0]
    cat = _CORPUS_STEM.match(stem)
    return day, " ".join(cat.group(1).split()) if cat else ""


def extract(source: Source, limits: Limits | None = None,
            chrome: ChromeLearner | None = None) -> list[Article]:
    """The articles in one source. Raises IngestError (and nothing else) on bad input.
    `chrome` holds what is known of each site's chrome (see ingest/chrome.py)."""
    try:
        return _extract(source, limits or Limits(), chrome)
    except IngestError:
        raise
    except RecursionError:
        raise IngestError("the page is nested too deeply to read") from None
    except MemoryError:
        raise IngestError("the file is too large to read") from None
    except Exception as exc:  # a parser failing on hostile bytes must not stop the batch
        raise IngestError(f"could not read this file ({type(exc).__name__}: {exc})") from exc


def _extract(source: Source, limits: Limits, chrome: ChromeLearner | None) -> list[Article]:
    data = source.data
    if len(data) > limits.max_file_bytes:
        raise IngestError(
            f"file too large ({size_text(len(data))} > {size_text(limits.max_file_bytes)} limit)"
        )
    if data[:4] in ZIP_MAGIC:
        if is_bundle(data):
            raise IngestError("an OPDC Reader backup bundle; import or restore it as a bundle")
        raise IngestError("a zip file; import the zip itself so each file in it is read")
    # A WARC record's HTTP Content-Type names the charset the server sent.
    charset = (source.capture or {}).get("charset")
    url = source.url
    if is_mhtml(data):
        data, charset, saved_from = unpack(data)
        url = url or saved_from
    text, _encoding = decode(data, charset)
    kind = sniff_kind(text, source.name)
    if kind == FEED:
        return read_feed(text, source.url, len(source.data))
    if kind == HTML:
        draft = read_html(text, url)
    else:
        hints = Hints(chrome=chrome.chrome(site_of(source.name, url))) if chrome else None
        draft = read_text(text, hints)
    path_date, path_category = path_hints(source.name) if source.path_hints else (None, "")
    if path_category:
        draft.fallback_category = path_category
    if not draft.source_url and url:
        draft.source_url = url
    return [assemble(draft, path_date)]

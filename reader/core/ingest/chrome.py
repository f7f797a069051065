"""Site chrome learned from the pages themselves.

A site prints the same short lines on every page: its name, a slogan, menu entries,
widget labels (`Accessibility Tools`, `แชร์หน้านี้`). No fixed list knows every site's,
but a batch of pages from one site shows them: a short line found on most of the site's
pages is chrome there. The learner counts short lines per site over an import; what it
learned is kept in the archive (archive/sitechrome.py), so later imports from the same
site know it from their first page. Learned chrome is used where the headline and the
start of the story are decided (headline.py), never to cut text out of the story.

A site is the page's host when its address is known, else the folder the file was in.
"""

from __future__ import annotations

import os
from collections import Counter
from urllib.parse import urlsplit

from reader.core.ingest.base import IngestError
from reader.core.ingest.cleanup import has_words, is_date_line
from reader.core.ingest.detect import TEXT, decode, sniff_kind
from reader.core.ingest.headline import key
from reader.core.thaitext import clean_line

MIN_PAGES = 4  # a line on fewer pages than this is not learned
SHARE = 0.5  # ...nor one on less than this share of the site's pages in the batch
LINE_MAX = 100  # chrome lines are short; a repeated paragraph is the site's text
MAX_KEYS = 20_000  # per site: memory stays bounded on a 60,000-page batch
HEAD_LINES = 40  # only the head and the foot of a page carry chrome
FOOT_LINES = 20
LEARN_BYTES = 2 * 1024 * 1024  # pages are smaller; bigger files are not read twice to learn


def site_of(name: str, url: str | None) -> str:
    """The site a page belongs to: its host, else the folder (or zip) it was in."""
    if url:
        host = (urlsplit(url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    folder = os.path.dirname(name.replace("\\", "/"))
    return f"folder:{folder}" if folder else ""


class ChromeLearner:
    """Counts a batch's short lines per site; `chrome(site)` is what is known so far."""

    def __init__(self, known: dict[str, dict[str, str]] | None = None):
        self.known = {site: dict(lines) for site, lines in (known or {}).items()}
        self.pages: Counter[str] = Counter()
        self.counts: dict[str, Counter[str]] = {}
        self.lines: dict[str, dict[str, str]] = {}  # key -> the line as printed

    def chrome(self, site: str) -> frozenset[str]:
        if not site:
            return frozenset()
        learned = set(self.known.get(site, {}))
        counts = self.counts.get(site)
        if counts:
            floor = max(MIN_PAGES, SHARE * self.pages[site])
            learned.update(k for k, n in counts.items() if n >= floor)
        return frozenset(learned)

    def observe(self, site: str, text: str) -> None:
        """Count the short lines at the head and foot of one page of `site`."""
        if not site:
            return
        lines = [line for line in text.split("\n") if line.strip()]
        if len(lines) > HEAD_LINES + FOOT_LINES:
            lines = lines[:HEAD_LINES] + lines[-FOOT_LINES:]
        seen: dict[str, str] = {}
        for line in lines:
            line = clean_line(line)
            if len(line) > LINE_MAX or not has_words(line) or is_date_line(line):
                continue
            k = key(line)
            if len(k) >= 2 and not k.isdigit():
                seen.setdefault(k, line)
        self.pages[site] += 1
        counts = self.counts.setdefault(site, Counter())
        counts.update(seen.keys())
        names = self.lines.setdefault(site, {})
        for k, line in seen.items():
            names.setdefault(k, line)
        if len(counts) > MAX_KEYS:  # forget lines seen once; chrome is seen again
            for k in [k for k, n in counts.items() if n == 1]:
                del counts[k]
                names.pop(k, None)

    def observe_source(self, name: str, url: str | None, data: bytes) -> None:
        """Count the lines of a text page given as bytes (HTML, feeds and files that do
        not decode are left out: their chrome is found in their markup)."""
        if len(data) > LEARN_BYTES:
            return
        try:
            text, _ = decode(data)
            if sniff_kind(text, name) != TEXT:
                return
        except IngestError:
            return
        self.observe(site_of(name, url), text)

    def learned(self) -> dict[str, dict[str, tuple[str, int]]]:
        """Per site, the lines this batch found to be chrome: key -> (line, pages)."""
        out: dict[str, dict[str, tuple[str, int]]] = {}
        for site, counts in self.counts.items():
            floor = max(MIN_PAGES, SHARE * self.pages[site])
            found = {k: (self.lines[site][k], n) for k, n in counts.items() if n >= floor}
            if found:
                out[site] = found
        return out

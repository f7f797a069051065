"""Text copies of news pages.

Two shapes are common: a whole page copied as text (site menu and footer around the
article, like the OPDC seed page), and the thaigov corpus format (headline, blank line,
page text, `ที่มา : <url>`; v1 files start with the page <title>
`รัฐบาลไทย-<section>-<headline>`). Paragraphs are lines, or blank-line separated
blocks of hard-wrapped lines, which are joined back.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from reader.core.ingest.base import IngestError
from reader.core.ingest.cleanup import Block, Draft, join_lines
from reader.core.ingest.headline import Hints, find_head
from reader.core.ingest.truncation import cut_off
from reader.core.thaitext import clean_line, normalize

_SOURCE_LINE = re.compile(
    r"^\s*(?:ที่มา|แหล่งที่มา|source)\s*[:：]\s*(https?://\S+)\s*$", re.IGNORECASE
)
# "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-" on 63,097 of the 63,242 corpus files, "รัฐบาลไทย-" alone on
# the rest; a headline may itself contain "-", so only a "ข่าว..." word counts as section.
_SITE_PREFIX = re.compile(r"^\s*รัฐบาลไทย-(?:(ข่าว[^\s-]{1,30})-)?")
WRAP_MAX = 110  # lines longer than this were not wrapped by hand or by a mail program


def _groups(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def wrap_width(lines: list[str]) -> int | None:
    """The column the text was hard-wrapped at, or None when it was not wrapped.

    Wrapped text has paragraphs as blank-line separated groups of lines that all
    run close to one width; a page of one-line paragraphs has no such groups."""
    filled = [line for line in lines if line]
    if len(filled) < 6:
        return None
    multi = [g for g in _groups(lines) if len(g) >= 2]
    if len(multi) < 2:
        return None
    lengths = sorted(len(line) for line in filled)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > WRAP_MAX or width < 30:
        return None
    inner = [len(line) for g in multi for line in g[:-1]]
    near = sum(1 for n in inner if n >= 0.7 * width)
    return width if near >= 0.7 * len(inner) else None


def blocks_from_lines(lines: list[str]) -> list[Block]:
    """Lines to blocks (one per paragraph), joining hard-wrapped lines back."""
    stripped = [line.strip() for line in lines]
    width = wrap_width(stripped)
    blocks: list[Block] = []
    gap = 0
    joining = False
    for line in stripped:
        if not line:
            gap += 1
            joining = False
            continue
        if joining and blocks:
            blocks[-1].text = join_lines(blocks[-1].text, line)
        else:
            blocks.append(Block(line, gap))
        gap = 0
        joining = width is not None and len(line) >= 0.7 * width
    return blocks


_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
# A headline in URL-slug form: words joined by hyphens, no spaces (`ผู้ว่าฯ-พบ-ประชาชน-๒๕๖๔`).
_SLUG = re.compile(r"^[^\s/?#=&]+(?:-[^\s/?#=&]+){2,}$")


def slug_title(line: str) -> str:
    """The headline a slug spells (hyphens as spaces), '' when the line is no slug.
    A whole URL counts by its last path segment."""
    text = line.strip()
    url = _URL_LINE.match(text)
    if url:
        text = unquote(urlsplit(url.group(1)).path.rstrip("/").rsplit("/", 1)[-1])
        text = text.rsplit(".", 1)[0] if text.endswith((".html", ".htm", ".php")) else text
    if not _SLUG.match(text) or not any(c.isalpha() for c in text):
        return ""
    return " ".join(part for part in text.split("-") if part)


# An item of a news list ending in its own date: `... (30/11/2020)`.
_DATED_ITEM = re.compile(r"\(\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\s*\)\s*$")
LIST_MIN_ITEMS = 3


def check_list(blocks: list[Block]) -> None:
    """Refuse a news list copied as text: a pager (`1`, `2`, `3` on lines of their own)
    above the items, or several one-paragraph items each ending in its own date."""
    numbers = [b.text.strip() for b in blocks[:40]]
    for i in range(len(numbers) - 2):
        if numbers[i : i + 3] == ["1", "2", "3"]:
            items = sum(1 for b in blocks[i + 3 :] if len(b.text) >= 60)
            raise IngestError(f"this page is a list of news items (a pager and {items} items), not an article")
    dated = sum(1 for b in blocks if _DATED_ITEM.search(b.text))
    if dated >= LIST_MIN_ITEMS:
        raise IngestError(f"this page is a list of {dated} dated news items, not an article")


def read_text(text: str, hints: Hints | None = None) -> Draft:
    lines = normalize(text).split("\n")
    source_url = None
    for i in range(len(lines) - 1, -1, -1):
        m = _SOURCE_LINE.match(lines[i])
        if m:
            source_url = m.group(1)
            del lines[i]
            break
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    prefix = _SITE_PREFIX.match(lines[first]) if first is not None else None
    if prefix and first is not None:
        # corpus files: the page <title>, "รัฐบาลไทย-<section>-<headline>"
        return Draft(
            title=clean_line(lines[first][prefix.end() :]),
            blocks=blocks_from_lines(lines[first + 1 :]),
            kind="text",
            source_url=source_url,
            fallback_category=clean_line(prefix.group(1) or ""),
            truncated=cut_off("\n".join(lines)),
        )
    hints = hints or Hints()
    if first is not None:
        url = _URL_LINE.match(lines[first])
        slug = slug_title(lines[first])
        if url or slug:
            # the page's address or its slug printed first: a label for the page, not text
            source_url = source_url or (url.group(1) if url else None)
            hints = Hints(title=slug or hints.title, headline=bool(slug), chrome=hints.chrome)
            del lines[first]
    blocks = blocks_from_lines(lines)
    check_list(blocks)
    head = find_head(blocks, hints)
    title = head.title
    if not title and hints.title and not head.untitled:
        title = hints.title
    return Draft(
        title=title,
        blocks=head.body,
        kind="text",
        category=head.category,
        source_url=source_url,
        page_date=head.date,
        untitled=head.untitled,
        truncated=cut_off("\n".join(lines)),
    )

"""Text copies of news pages.

Two shapes are common: a whole page copied as text (site menu and footer around the
article, like the OPDC seed page), and the thaigov corpus format (headline, blank line,
page text, `ที่มา : <url>`; v1 files start with the page <title>
`รัฐบาลไทย-<section>-<headline>`). Paragraphs are lines, or blank-line separated
blocks of hard-wrapped lines, which are joined back.
"""

from __future__ import annotations

import re

from reader.core.ingest.cleanup import (
    SECTIONS,
    Block,
    Draft,
    is_chrome,
    is_date_line,
    join_lines,
    squash,
)
from reader.core.thaitext import clean_line, normalize

_SOURCE_LINE = re.compile(
    r"^\s*(?:ที่มา|แหล่งที่มา|source)\s*[:：]\s*(https?://\S+)\s*$", re.IGNORECASE
)
# "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-" on 63,097 of the 63,242 corpus files, "รัฐบาลไทย-" alone on
# the rest; a headline may itself contain "-", so only a "ข่าว..." word counts as section.
_SITE_PREFIX = re.compile(r"^\s*รัฐบาลไทย-(?:(ข่าว[^\s-]{1,30})-)?")
WRAP_MAX = 110  # lines longer than this were not wrapped by hand or by a mail program
CATEGORY_MAX = 30


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


def _title_like(text: str) -> bool:
    return len(text) <= 300 and is_date_line(text) is None


def read_text(text: str) -> Draft:
    lines = normalize(text).split("\n")
    source_url = None
    for i in range(len(lines) - 1, -1, -1):
        m = _SOURCE_LINE.match(lines[i])
        if m:
            source_url = m.group(1)
            del lines[i]
            break
    title = ""
    section = ""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    prefix = _SITE_PREFIX.match(lines[first]) if first is not None else None
    if prefix:
        # corpus files: the page <title>, "รัฐบาลไทย-<section>-<headline>"
        section = clean_line(prefix.group(1) or "")
        title = clean_line(lines[first][prefix.end() :])
        lines = lines[first + 1 :]
    blocks = blocks_from_lines(lines)
    category = ""
    if first is not None and not prefix:
        title, category, blocks = _find_title(blocks)
    return Draft(
        title=title,
        blocks=blocks,
        kind="text",
        category=category,
        source_url=source_url,
        fallback_category=section,
    )


def _find_title(blocks: list[Block]) -> tuple[str, str, list[Block]]:
    """The headline (and a section label above it) among the first blocks that are
    not site chrome or a date line."""
    candidates = [
        i for i, b in enumerate(blocks[:40])
        if not is_chrome(clean_line(b.text)) and is_date_line(clean_line(b.text)) is None
    ]
    if not candidates:
        return "", "", blocks
    i = candidates[0]
    text = clean_line(blocks[i].text)
    nxt = clean_line(blocks[candidates[1]].text) if len(candidates) > 1 else ""
    # A short line above the headline is a section label when it is a known one, or when
    # it sits below site chrome (a whole page copied); a bare short headline is kept.
    is_section = text.lower() in SECTIONS or (
        i > 0
        and len(text) <= CATEGORY_MAX
        and nxt
        and _title_like(nxt)
        and len(nxt) > len(text)
        and squash(nxt) != squash(text)
        and blocks[candidates[1]].gap >= 1
    )
    if is_section and nxt:
        j = candidates[1]
        return nxt, text, blocks[:i] + blocks[i + 1 : j] + blocks[j + 1 :]
    if len(text) > 300:
        return "", "", blocks  # no headline line: assemble() makes one from the text
    return text, "", blocks[:i] + blocks[i + 1 :]

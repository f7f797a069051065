"""From candidate text blocks to a clean Article: the rules text pages and HTML pages share.

Site chrome (menus, share/print links, `A A A`, skip links, view counters, copyright
lines), the headline repeated above the body, posting-date lines, section labels and
credits are taken out of the body here; the date is chosen here too.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from reader.core import thaidate
from reader.core.ingest.base import IngestError
from reader.core.model import (
    DATE_FROM_BODY,
    DATE_FROM_PAGE,
    DATE_FROM_PATH,
    MARK_HEADLINE_ONLY,
    MARK_TRUNCATED,
    MARK_UNTITLED,
    Article,
)
from reader.core.thaitext import clean_line, detect_language, is_thai_char

# The head of a page: the lines before the first real paragraph, where posting dates,
# section labels, counters and the repeated headline sit.
HEAD_LINES = 8
LONG_PARAGRAPH = 120
CREDIT_MAX = 120
EPOCH = dt.date(1970, 1, 1)  # a CMS's empty date ("1 มกราคม 2513"), not a real one

# Section labels seen on Thai government pages; a short first line that is one of them
# is the article's category, not its headline.
SECTIONS = {
    "ข่าวเด่น", "ข่าวเด่น ก.พ.ร.", "ข่าวประชาสัมพันธ์", "ข่าวกิจกรรม", "ข่าวสาร", "ข่าว",
    "ข่าวทำเนียบรัฐบาล", "ข่าวนายกรัฐมนตรี", "ข่าวคณะโฆษก", "ข่าวการจัดซื้อ-จัดจ้าง",
    "ข่าวจัดซื้อจัดจ้าง", "ข่าวรับสมัครงาน", "ประกาศ", "ข่าวประกาศ", "บทความ", "กิจกรรม",
    "ภาพข่าว", "ข่าวภูมิภาค", "ข่าวต่างประเทศ", "ข่าวในประเทศ", "opdc news", "news",
    "press release", "government news", "ประชาสัมพันธ์", "สาระน่ารู้", "blog article",
}

# Words that make up share/print/navigation bars; a line of nothing else is chrome.
_CHROME_WORDS = {
    "share", "แชร์", "พิมพ์", "print", "พิมพ์หน้านี้", "printer-friendly", "tweet", "facebook",
    "twitter", "line", "email", "e-mail", "อีเมล", "ส่งต่อ", "ส่งอีเมล", "ปิด", "close",
    "กลับ", "ย้อนกลับ", "back", "top", "กลับด้านบน", "ขึ้นด้านบน", "หน้าหลัก", "หน้าแรก",
    "home", "menu", "เมนู", "ค้นหา", "search", "ติดต่อ", "ติดต่อเรา", "ผังเว็บไซต์",
    "sitemap", "faq", "help", "mobile", "english", "ภาษาไทย", "thai", "a", "a+", "a-",
    "ก", "ก+", "ก-", "ขนาดตัวอักษร", "pdf", "download", "ดาวน์โหลด", "like", "ถูกใจ",
    "google+", "pinterest", "linkedin", "whatsapp", "messenger", "copy", "link", "คัดลอกลิงก์",
    "คัดลอกลิงค์", "version", "printer", "friendly", "|", "&", "-", "/", "prev", "next",
    "previous", "ก่อนหน้า", "ถัดไป", "อัลบั้มภาพ", "แกลเลอรี่", "gallery",
}
_CHROME_LINE = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|ข้ามไปยังเนื้อหา\S*|ไปยังเนื้อหาหลัก"
    r"|your browser does not support the (?:audio|video) (?:element|tag)\.?"
    r"|logo of .*|(?:หน้าแรก|หน้าหลัก|home)\s*[>»/].*"
    r"|(?:จำนวน)?(?:ผู้)?(?:เข้าชม|เปิดอ่าน|อ่าน|views?|hits?|visitors?|ดู)\s*[:：]?\s*[\d,]+\s*(?:ครั้ง|คน|views?|times)?"
    r"|[\d,]+\s*(?:views?|hits|visitors|ครั้ง|ผู้เข้าชม)"
    r"|(?:printer-friendly version|print this page|share this|แชร์ข่าวนี้|พิมพ์ข่าวนี้|report this page|report page)"
    r"|(?:tags?|แท็ก)\s*[:：].{0,120}"
    r"|(?:continue reading|read more|อ่านต่อ|อ่านเพิ่มเติม|อ่านรายละเอียด(?:เพิ่มเติม)?)\s*[»→>.…]*"
    r"|the post .{1,300} appeared first on .{1,120}"
    r")$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|copyright|\(c\))|สงวนลิขสิทธิ์|all rights reserved", re.IGNORECASE)
_CONTACT = re.compile(r"e-?mail\s*:|โทรสาร|fax\s*:|โทร\.?\s*0\d|tel\.?\s*:?\s*\+?\d", re.IGNORECASE)
_SOURCE_CREDIT = re.compile(
    r"^(?:ที่มา|แหล่งที่มา|แหล่งข้อมูล|ข้อมูลจาก|source)\s*[:：]|^(?:ที่มา|แหล่งที่มา)\s+.{1,80}$",
    re.IGNORECASE,
)
_NUMBER_ONLY = re.compile(r"^[\d,.\s]+$")
# A separator line: a run of rules or stars, maybe followed by a date or a note.
_SEPARATOR = re.compile(r"^[-_*=~#–—]{3,}\s*(.*)$")
_CREDIT = re.compile(
    r"/\s*(?:ข่าว|ภาพ|รายงาน|จัดทำ|เรียบเรียง|ถ่ายภาพ|เขียน|แปล|ข้อมูล|ภาพข่าว)(?:\s|$|&)"
    r"|^(?:ข่าว|ภาพ|ข่าว\s*(?:&|และ|/)\s*ภาพ|ภาพ\s*(?:&|และ|/)\s*ข่าว|รายงาน|เรียบเรียง|ผู้เขียน"
    r"|ผู้รายงาน|ถ่ายภาพ|ที่มาข้อมูล|ข้อมูลจาก|ข้อมูล|photos?|text|reported by|written by|by)\s*[:：/]",
    re.IGNORECASE,
)


@dataclass
class Block:
    """One candidate paragraph and the number of blank lines (or block breaks) before it."""

    text: str
    gap: int = 0


@dataclass
class Draft:
    """What a page-specific reader found before the shared clean-up."""

    title: str
    blocks: list[Block]
    kind: str
    name: str = ""
    category: str = ""
    source_url: str | None = None
    images: list[str] = field(default_factory=list)
    page_date: thaidate.FoundDate | None = None  # from metadata (HTML meta, feed)
    page_date_source: str = DATE_FROM_PAGE
    credits: list[str] = field(default_factory=list)
    fallback_category: str = ""  # used only when the page names none (file name, title prefix)
    untitled: bool = False  # the page has no headline: one is made from its first words
    truncated: bool = False  # the page stops mid-text (a capped copy, a cut download)


_SQUASHED = re.compile(r"[\s\"'“”‘’«»]+")
_ALNUM = re.compile(r"[^\W_]")  # \w is str.isalnum() plus "_"


def squash(text: str) -> str:
    """Text for comparisons: no whitespace, no quotes or zero-width marks."""
    return _SQUASHED.sub("", text).lower()


def is_chrome(line: str) -> bool:
    """Menus, share/print bars, skip links, counters, the audio-player notice..."""
    # asked up to three times per line, and menus repeat on every page: short lines are
    # remembered (long ones are not, so the cache never holds much text)
    return _is_chrome_short(line) if len(line) <= 200 else _is_chrome(line)


@functools.lru_cache(maxsize=4096)
def _is_chrome_short(line: str) -> bool:
    return _is_chrome(line)


def _is_chrome(line: str) -> bool:
    lower = line.lower()
    if _menu_bar(line):
        return True
    if _CHROME_LINE.match(line):
        return True
    words = lower.replace("|", " ").split()
    if words and len(words) <= 8 and all(w in _CHROME_WORDS for w in words):
        return True
    if len(line) < 200 and _COPYRIGHT.search(line):
        return True
    return False


def _menu_bar(line: str) -> bool:
    """Links separated by bars ("หน้าหลัก | ติดต่อ | ผังเว็บไซต์"); a table row copied as
    text has bars too, but longer cells."""
    cells = line.split("|")
    return len(cells) >= 3 and max(len(c.strip()) for c in cells) <= 60


def is_footer_start(line: str) -> bool:
    return line.count("|") >= 2 or bool(_COPYRIGHT.search(line) and len(line) < 200)


def _is_footer_line(line: str) -> bool:
    return (
        len(line) < LONG_PARAGRAPH  # first: the cheap test decides most lines
        or is_footer_start(line) or is_chrome(line) or bool(_CONTACT.search(line))
    )


def cut_footer(blocks: list[Block]) -> list[Block]:
    """Drop the site footer: from the first menu bar or copyright line after the body
    on, when nothing after it reads like an article paragraph."""
    # footer_after[i]: every block after i is footer-like (one backward pass, not n^2)
    footer_after = [True] * (len(blocks) + 1)
    for i in range(len(blocks) - 1, -1, -1):
        footer_after[i] = footer_after[i + 1] and _is_footer_line(blocks[i].text)
    seen_body = False
    for i, block in enumerate(blocks):
        if len(block.text) >= LONG_PARAGRAPH and not is_chrome(block.text):
            seen_body = True
            continue
        if seen_body and is_footer_start(block.text) and footer_after[i + 1]:
            return blocks[:i]
    return blocks


_RELATED_HEAD = re.compile(
    r"^(?:ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง|เรื่องที่เกี่ยวข้อง|บทความที่เกี่ยวข้อง|ข่าวอื่น ?ๆ|ข่าวล่าสุด"
    r"|related(?: news| articles| stories| posts)?|see also)\s*:?$",
    re.IGNORECASE,
)
RELATED_MAX = 15


def cut_related(blocks: list[Block]) -> list[Block]:
    """Drop a trailing 'related news' heading and the headlines listed under it."""
    for i in range(len(blocks) - 1, 0, -1):
        if _RELATED_HEAD.match(blocks[i].text):
            tail = blocks[i + 1 :]
            if len(tail) <= RELATED_MAX and all(len(b.text) <= 300 for b in tail):
                return blocks[:i]
            break
    return blocks


def separator_tail(line: str) -> str | None:
    """For a separator line, the text after the rule ('' when none); None otherwise."""
    m = _SEPARATOR.match(line)
    if not m:
        return None
    return m.group(1).strip()


def has_words(line: str) -> bool:
    """Some character is a letter or digit (str.isalnum), as one regex search."""
    return _ALNUM.search(line) is not None


def is_date_line(line: str) -> thaidate.FoundDate | None:
    """The date when the line is only a date (a posting-date line), else None."""
    if len(line) > 80 or not any(c.isdigit() or "\u0e50" <= c <= "\u0e59" for c in line):
        return None
    return thaidate.find_posting_date([line])


def _title_piece(line: str, title_key: str) -> bool:
    if len(line) > 2 * len(title_key) + 20:  # cheap test first: pages have long paragraphs
        return False
    key = squash(line)
    return len(key) >= 8 and title_key.startswith(key)


def _drop_repeated_title(blocks: list[Block], title: str) -> list[Block]:
    """The headline printed again above the body, whole or split over lines."""
    title_key = squash(title)
    if not title_key:
        return blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        if i >= HEAD_LINES + 2:  # only the head of the page repeats the headline
            # (thaigov pages print headline + lead, then headline + the whole story)
            out.extend(blocks[i:])
            break
        text = blocks[i].text
        key = squash(text) if len(text) <= 2 * len(title_key) + 20 else ""
        if key == title_key:
            i += 1
            continue
        if _title_piece(blocks[i].text, title_key):
            # pieces that add up to the headline
            joined, j = key, i + 1
            while j < len(blocks) and len(joined) < len(title_key):
                joined += squash(blocks[j].text)
                j += 1
            if joined == title_key:
                i = j
                continue
        out.append(blocks[i])
        i += 1
    return out


def _dedupe(blocks: list[Block]) -> list[Block]:
    """Consecutive repeats, and a teaser that the next paragraph starts with."""
    out: list[Block] = []
    prev: str | None = None  # squash() of out[-1], computed only when needed
    prev_head = ""  # how out[-1] begins, squashed
    for block in blocks:
        head = squash(block.text[:40])[:15]
        if out and prev_head == head:
            # they begin alike: compare them whole (long paragraphs are squashed rarely)
            prev = prev if prev is not None else squash(out[-1].text)
            key = squash(block.text)
            if key == prev:
                continue
            if len(prev) >= 30 and key.startswith(prev) and len(key) > len(prev):
                out[-1], prev, prev_head = block, key, head
                continue
        out.append(block)
        prev, prev_head = None, head
    return out


def _credit_like(line: str) -> bool:
    """A line that may sit in a credits block: short, or worded like a credit."""
    if len(line) <= 80:
        return True
    return len(line) <= CREDIT_MAX and bool(_CREDIT.search(line) or _SOURCE_CREDIT.match(line))


def _split_credits(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Credits at the end: short lines after the last separator, or a trailing group of
    short lines of which one reads like a credit (`... / ข่าว & ภาพ`)."""
    last_sep = None
    for i, block in enumerate(blocks):
        if separator_tail(block.text) is not None:
            last_sep = i
    if last_sep is not None:
        tail = blocks[last_sep + 1 :]
        if len(tail) <= 5 and all(_credit_like(b.text) for b in tail):
            credits = [separator_tail(blocks[last_sep].text) or ""] + [b.text for b in tail]
            return blocks[:last_sep], [c for c in credits if has_words(c)]
    # the trailing lines that read like credits ("... / ข่าว", "ภาพ: ...")
    n = 0
    while n < min(6, len(blocks) - 1) and len(blocks[-1 - n].text) <= CREDIT_MAX and _CREDIT.search(blocks[-1 - n].text):
        n += 1
    if n == 0:
        return blocks, []
    # a text page's credit block may hold other short lines (a name, a unit): take them
    # too when the block stands apart from the body after two or more blank lines
    m = n
    while m < min(6, len(blocks) - 1) and len(blocks[-1 - m].text) <= CREDIT_MAX:
        m += 1
        group = blocks[len(blocks) - m :]
        if group[0].gap >= 2 and all(b.gap <= 1 for b in group[1:]):
            n = m
            break
    return blocks[: len(blocks) - n], [b.text for b in blocks[len(blocks) - n :]]


def join_lines(a: str, b: str) -> str:
    """Rejoin a hard-wrapped line: Thai to Thai with nothing between, else one space."""
    if not a:
        return b
    if not b:
        return a
    if is_thai_char(a[-1]) and is_thai_char(b[0]):
        return a + b
    return a + " " + b


def _body_date(paragraphs: list[str]) -> thaidate.FoundDate | None:
    for para in paragraphs:
        for found in thaidate.find_dates(para):
            if found.date != EPOCH:
                return found
    return None


def _clean_blocks(blocks: list[Block]) -> list[Block]:
    """Each block's text cleaned; empty ones dropped, their gap carried to the next."""
    out: list[Block] = []
    gap = 0
    for block in blocks:
        text = clean_line(block.text)
        if not text:
            gap += 1
            continue
        out.append(Block(text, block.gap + gap))
        gap = 0
    return out


@dataclass
class _Head:
    """What the head of the page gave besides paragraphs."""

    title: str
    category: str
    date: thaidate.FoundDate | None
    date_source: str | None
    credits: list[str] = field(default_factory=list)


def _furniture(text: str, head: _Head) -> bool:
    """A line at the head of the page that is not article text: a posting date (kept as
    the date), a section label (kept as the category) or a view counter."""
    found = is_date_line(text)
    if found:
        if head.date is None and found.date != EPOCH:
            head.date, head.date_source = found, DATE_FROM_PAGE
        return True
    if text.lower() in SECTIONS and squash(text) != squash(head.title):
        head.category = head.category or text
        return True
    return bool(_NUMBER_ONLY.match(text))


def _strip_frame(blocks: list[Block], head: _Head) -> list[Block]:
    """Chrome anywhere, the head's furniture, and source credits out of the blocks."""
    kept: list[Block] = []
    carry = 0
    in_head = True
    for block in blocks:
        text = block.text
        in_head = in_head and len(text) < LONG_PARAGRAPH
        if is_chrome(text) or not has_words(text) and separator_tail(text) is None:
            carry += block.gap + 1
        elif in_head and len(kept) < HEAD_LINES + 4 and _furniture(text, head):
            carry += block.gap + 1
        elif _SOURCE_CREDIT.match(text):  # "ที่มา : สำนักงาน..." names a source: a credit
            head.credits.append(text)
            carry += block.gap + 1
        else:
            kept.append(Block(text, block.gap + carry))
            carry = 0
    return kept


def _paragraphs(kept: list[Block]) -> list[str]:
    out = []
    for block in kept:
        tail = separator_tail(block.text)
        if tail is None:
            out.append(block.text)
        elif has_words(tail):
            out.append(tail)
    return out


def _article_date(
    head: _Head, paragraphs: list[str], path_date: dt.date | None
) -> tuple[dt.date | None, str | None, str | None]:
    """(date, time, source): the posting date, else the first date in the body, else
    the date in the file's path."""
    if head.date is not None:
        return head.date.date, head.date.time, head.date_source
    found = _body_date(paragraphs)
    if found:
        return found.date, found.time, DATE_FROM_BODY
    if path_date:
        return path_date, None, DATE_FROM_PATH
    return None, None, None


HEADLINE_LETTERS = 6  # fewer letters than this is no headline, only debris


def _check_headline_only(draft: Draft, title: str) -> None:
    """A page holding only its headline is a posting of pictures: kept. A feed item with
    only a title is a link to an article elsewhere, and debris is no headline."""
    if draft.kind == "feed" or sum(c.isalpha() for c in title) < HEADLINE_LETTERS:
        raise IngestError(
            f"no article text found: the page holds only its headline “{title[:80]}”"
        )


def assemble(draft: Draft, path_date: dt.date | None = None) -> Article:
    """The shared clean-up; raises IngestError when no article text is left.
    A page with only its headline (a photo post) is kept, marked MARK_HEADLINE_ONLY."""
    head = _Head(clean_line(draft.title), clean_line(draft.category), draft.page_date,
                 draft.page_date_source if draft.page_date else None)
    kept = _strip_frame(cut_related(cut_footer(_clean_blocks(draft.blocks))), head)
    marks = []
    if draft.untitled or (not head.title and kept):
        head.title = _title_from(kept, keep=draft.untitled)
        if draft.untitled or head.title.endswith("…"):
            marks.append(MARK_UNTITLED)
    kept = _dedupe(_drop_repeated_title(kept, head.title))
    kept, credits = _split_credits(kept)
    paragraphs = _paragraphs(kept)
    if not head.title:
        raise IngestError("no article text found (the page is empty apart from its frame)")
    if not paragraphs:
        _check_headline_only(draft, head.title)
        marks.append(MARK_HEADLINE_ONLY)
    if draft.truncated:
        marks.append(MARK_TRUNCATED)
    date, time, date_source = _article_date(head, paragraphs, path_date)
    sample = (head.title + " " + " ".join(paragraphs[:3]))[:400]  # enough to tell th from en
    return Article(
        title=head.title,
        paragraphs=paragraphs,
        credits=[clean_line(c) for c in draft.credits] + head.credits + credits,
        category=head.category or clean_line(draft.fallback_category),
        language=detect_language(sample),
        date=date,
        time=time,
        date_source=date_source if date else None,
        source_url=draft.source_url,
        images=list(dict.fromkeys(draft.images)),
        kind=draft.kind,
        marks=marks,
    )


def _title_from(blocks: list[Block], keep: bool = False) -> str:
    """A headline for a page that has none: its first line, or the start of it.
    With `keep` (the text starts mid-story) the line stays in the body."""
    if not blocks:
        return ""
    first = blocks[0].text
    if len(first) <= 200 and not keep:
        blocks.pop(0)
        return first
    cut = first.rfind(" ", 0, 100)
    return first[: cut if cut > 40 else 100].rstrip() + "…"

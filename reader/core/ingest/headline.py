"""A page's headline, posting date and body start, found by weighing evidence.

A text copy of a web page has no markup saying which line is the headline: above the
article sit site names, logo and widget labels, section labels, date lines, view
counters and share bars, in an order each site chooses. Rather than one rule per site,
each line at the head of the page is first classified (chrome, date, counter, section
label, text), then every text line is scored as a headline on what a reader would look
at: whether the page prints it again (repetition), whether the story below retells it
(how much of it the following text covers), whether it sits next to the date line,
whether it agrees with the page's own label for itself (the HTML <title>, or a first line
in URL-slug form), its length and shape (a code like `ocsc-nav-logo`, an agency name, a
line starting mid-sentence), and whether the site is known to print it on every page
(chrome learned from earlier imports, see chrome.py). The body starts at the first line
after the headline that is not head furniture or another copy of the headline.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from reader.core import thaidate
from reader.core.ingest.cleanup import EPOCH, SECTIONS, Block, is_chrome, is_date_line
from reader.core.thaitext import clean_line, fold_digits

HEAD_BLOCKS = 30  # the head of a page: where headline, date and labels sit
CANDIDATES = 8  # text lines considered as the headline
TITLE_MIN, TITLE_MAX = 6, 400
COVER_TEXT = 2500  # characters of following text a headline is compared with
LABEL_MAX = 30
CHROME_MAX = 100  # learned chrome lines are short (chrome.LINE_MAX)

# Widget and template labels that stand alone on a line of a copied page.
_WIDGET = re.compile(
    r"^(?:accessibility tools?|accessibility|content description|image banner|banner|logo"
    r"|search|close this search box\.?|toggle navigation|main menu|menu|close|แชร์หน้านี้"
    r"|share this page|แชร์|แบ่งปัน|ขนาดตัวอักษร|text size|font size|high contrast|ความคมชัด"
    r"|th\s*\|?\s*en|en\s*\|?\s*th|th en|ไทย\s*\|?\s*english)$",
    re.IGNORECASE,
)
# An image's alt text or a CSS id copied as text: one token of ASCII letters with digits,
# hyphens or underscores (`lumphu2`, `ocsc-nav-logo`, `IMG_1234`).
_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*$")
# A count of visits: `การเข้าชม`, `ครั้ง`, `1,265 views`.
_COUNTER = re.compile(
    r"^(?:การ)?(?:เข้าชม|เปิดอ่าน|ผู้เข้าชม|จำนวนผู้เข้าชม|อ่าน|ครั้ง|คน|views?|hits?|visits?|reads?)$"
    r"|^\|?\s*[\d,]+\s*(?:views?|ครั้ง|คน)?$",
    re.IGNORECASE,
)
_COUNTER_IN_LINE = re.compile(
    r"\(?\s*(?:จำนวน)?(?:คน|ผู้)?(?:อ่าน|เข้าชม|เปิดอ่าน)\s*[:：]?\s*[\d,]+\s*(?:ครั้ง|คน)?\s*\)?"
    r"|\|?\s*[\d,]+\s*(?:views?|hits|ครั้ง)\b",
    re.IGNORECASE,
)
# Words before the date on a posting line (`ข่าวเช้าวันที่ ...`, `วันที่นำเข้าข้อมูล ...`).
_DATE_LABEL = re.compile(r"^วันที่\S{1,20}\s+|^\S{1,20}?(?=วันที่)|^[^\d:：]{1,30}[:：]\s*")
# `วันที่เผยแพร่`, `Date posted`: the label of a date on the next line.
_DATE_WORD = re.compile(r"^(?:วันที่|วัน)\S{0,15}$|^(?:date|posted|published)(?: \w+)?$", re.IGNORECASE)
# A section label with the headline after it on one line: `ข่าวเด่น : <headline>`.
_LABEL_PREFIX = re.compile(r"^(\S[^:：]{0,24}?)\s*[:：]\s+(\S.{9,})$")
_SECTION_SHAPE = re.compile(r"^(?:ข่าว|กิจกรรม|ประกาศ|บทความ|ภาพข่าว)\S*(?:\s\S+)?$")
# An organisation's name: the site's or the office's, printed above its articles.
_ORG = re.compile(
    r"^(?:จาก\s*|from\s+|by\s+)?(?:สำนักงาน|สำนัก|กรม|กระทรวง|จังหวัด|ศูนย์|กอง|องค์การ|สถาบัน|ทำเนียบ|รัฐบาล"
    r"|office of|the office|ministry|department|royal thai|government|national|province)",
    re.IGNORECASE,
)
# Verbs that start a headline's predicate after the agency's name (`สำนักงาน ก.พ.ร. จัด...`);
# an agency name alone has none.
_VERB = re.compile(
    r"^(?:จัด|ร่วม|ตรวจ|ประชุม|มอบ|เปิด|ลง|หารือ|ต้อนรับ|เข้า|เยี่ยม|แถลง|ประกาศ|ชี้แจง|รับ|ขอ|เร่ง"
    r"|ขับเคลื่อน|คว้า|ได้|เตือน|แจ้ง|ย้ำ|ส่ง|สร้าง|ผลักดัน|ลงนาม|นำ|เป็น|อบรม|สัมมนา|เชิญ|ชวน|พร้อม"
    r"|ติดตาม|มุ่ง|เผย|ออก|ให้|จับมือ|ประกวด|พัฒนา|ยกระดับ|เสนอ|แต่งตั้ง|ปรับ|ผ่าน|คัดเลือก"
    r"|เตรียม|เดินหน้า|สั่ง|กำชับ|แนะ|ยืนยัน|เตือน|ชี้|ขยาย|จับ|ปิด|ตั้ง|แจก|ช่วย|คุม|รณรงค์"
    r"|holds?|hosts?|welcomes?|meets?|signs?|launch(?:es)?|opens?|joins?|visits?|announces?"
    r"|presents?|receives?|attends?|urges?|calls?|reports?|organi[sz]es?|leads?|discuss(?:es)?"
    r"|wins?|celebrates?|marks?|held|hosted|welcomed|met|signed|launched|opened|joined"
    r"|visited|announced|received|won|is|are|was|were|to|on|for|at|in)(?![a-z])",
    re.IGNORECASE,
)
# Words a sentence continues with: a line starting with one is the middle of a text.
_CONTINUES = re.compile(
    r"^(?:โดย|ซึ่ง|และ|แต่|จึง|ทั้งนี้|อย่างไรก็ตาม|นอกจากนี้|ดังนั้น|เพื่อให้|เพราะ|หรือ|รวมทั้ง|ส่วน"
    r"|[a-z])"
)
_CLOSES = re.compile(r"(?:ดังนี้|ได้แก่|ดังต่อไปนี้)\s*[:：]?$|[:：]$")


def key(text: str) -> str:
    """Letters and digits only, Thai digits as ASCII, lower case: how two copies of a
    headline are compared (a slug or a second copy may drop quotes and spaces)."""
    text = fold_digits(text).lower()
    return "".join(c for c in text if unicodedata.category(c)[0] in "LMN")


def _grams(text: str) -> set[str]:
    k = key(text)
    return {k[i : i + 3] for i in range(len(k) - 2)}


@dataclass
class Hints:
    """What the page says about itself outside its text, and what the site is known for."""

    title: str = ""  # the <title>, or a first line in slug form, de-slugged
    headline: bool = False  # `title` is the headline itself (a slug), not a page label
    chrome: frozenset[str] = frozenset()  # key() of lines this site prints on every page


@dataclass
class Head:
    title: str = ""
    category: str = ""
    date: thaidate.FoundDate | None = None
    body: list[Block] = field(default_factory=list)
    untitled: bool = False  # no headline in the text: the title is made from the body


@dataclass
class _Line:
    i: int
    text: str
    kind: str  # chrome, date, count, label, text, empty
    gap: int
    date: thaidate.FoundDate | None = None


def date_line(text: str) -> thaidate.FoundDate | None:
    """The date when the line is a posting-date line: only a date, or a date with a
    label (`วันที่นำเข้าข้อมูล 22 ต.ค. 2567`) or a counter (`(จำนวนคนอ่าน 1299 คน)`)."""
    found = is_date_line(text)
    if found or len(text) > 100:
        return found
    rest = _COUNTER_IN_LINE.sub(" ", text).strip()
    rest = _DATE_LABEL.sub("", rest, count=1).strip()
    if rest and rest != text:
        return is_date_line(rest)
    return None


def _kind(text: str, chrome: frozenset[str]) -> str:
    if len(text) > TITLE_MAX:  # a paragraph: no label, date, counter or widget is this long
        return "chrome" if is_chrome(text) else "text"
    if not any(c.isalnum() for c in text):
        return "empty"
    if is_chrome(text) or _WIDGET.match(text) or _breadcrumb(text):
        return "chrome"
    if _COUNTER.match(text):
        return "count"
    if date_line(text):
        return "date"
    if text.lower() in SECTIONS or (len(text) <= LABEL_MAX and _SECTION_SHAPE.match(text)):
        return "label"
    if len(text) <= LABEL_MAX and (text.endswith((":", "：")) or _DATE_WORD.match(text)):
        return "label"
    if chrome and len(text) <= CHROME_MAX and key(text) in chrome:  # printed on most pages (chrome.py)
        return "chrome"
    return "text"


def _breadcrumb(text: str) -> bool:
    """`Section / Subsection / Page`: the path to the page, not its headline."""
    parts = re.split(r"\s+[/>»]\s+", text)
    return len(parts) >= 3 and max(len(p) for p in parts) <= 80


def _classify(blocks: list[Block], chrome: frozenset[str]) -> list[_Line]:
    lines = []
    for i, block in enumerate(blocks[:HEAD_BLOCKS]):
        text = clean_line(block.text)
        kind = _kind(text, chrome)
        lines.append(_Line(i, text, kind, block.gap, date_line(text) if kind == "date" else None))
    _join_split_dates(lines)
    return lines


def _join_split_dates(lines: list[_Line]) -> None:
    """`01` / `พฤษภาคม` / `2562` on three lines is one date line."""
    for n, line in enumerate(lines[:-2]):
        if len(line.text) > 4 or line.kind not in ("count", "text"):
            continue
        parts = lines[n : n + 3]
        if any(len(p.text) > 12 for p in parts):
            continue
        found = is_date_line(" ".join(p.text for p in parts))
        if found:
            for p in parts:
                p.kind, p.date = "date", found


def _copy(a: str, b: str) -> bool:
    """b is another copy of headline a: the same, one with a few words more, or a
    shortened sub-heading that starts the same way."""
    if max(len(a), len(b)) > 3 * min(len(a), len(b)) + 40:
        return False  # cheap test first: a headline and a long paragraph
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    if len(short) < 12:
        return False
    if long_.startswith(short):
        return len(long_) - len(short) <= 0.4 * len(long_)
    common = len(_common_prefix(ka, kb))
    return common >= 0.8 * len(short) and len(b) <= 1.2 * len(a)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def _strip_label(line: _Line) -> str:
    """`ข่าวเด่น : <headline>` -> the label (a category) when it is one."""
    m = _LABEL_PREFIX.match(line.text)
    if m and (m.group(1).lower() in SECTIONS or _SECTION_SHAPE.match(m.group(1))):
        line.text = m.group(2).strip()
        return m.group(1).strip()
    return ""


def _neighbour_kinds(lines: list[_Line], n: int) -> tuple[str, str]:
    """Kinds of the nearest lines above and below that are not chrome or counters."""
    out = []
    for step in (-1, 1):
        j = n + step
        while 0 <= j < len(lines) and lines[j].kind in ("chrome", "count", "empty"):
            j += step
        out.append(lines[j].kind if 0 <= j < len(lines) else "")
    return out[0], out[1]


def _alone(lines: list[_Line], n: int) -> bool:
    """The line is not followed at once by more text (a blank line or a rule between)."""
    return n + 1 >= len(lines) or lines[n + 1].kind != "text" or lines[n + 1].gap >= 1


def _score(lines: list[_Line], n: int, blocks: list[Block], hints: Hints, rank: int) -> float:
    line = lines[n]
    text = line.text
    size = len(text)
    cover = _cover(text, blocks[line.i + 1 :])
    score = 2.0 * cover * min(1.0, size / 60)
    copies = sum(1 for other in lines if other is not line and other.kind == "text"
                 and _copy(text, other.text))
    score += 2.0 * min(copies, 2)
    above, below = _neighbour_kinds(lines, n)
    if below == "date":
        score += 1.5  # the headline sits right above the date line...
    elif above == "date":
        score += 0.5  # ...or right below it
    alone = _alone(lines, n)
    if alone:
        score += 0.5  # it stands alone, not in a run of lines
    if 15 <= size <= 250:
        score += 0.5
    nxt = next((o.text for o in lines[n + 1 :] if o.kind not in ("chrome", "empty")), "")
    if size <= 250 and len(nxt) > size:
        score += 0.5  # a line standing above a longer one
    if _org_name(text):
        score -= 2.0  # the site's or an office's name
    if _CONTINUES.match(text):
        score -= 3.0
    if size > 250 and not copies and cover < 0.5 and not alone:
        score -= 2.0  # a paragraph running on, not a headline
    if hints.title and _agrees(text, hints.title):
        score += 4.0
    return score - 0.5 * rank


def _cover(text: str, after: list[Block]) -> float:
    """How much of `text` the text after it retells (share of its letter trigrams found
    in the next COVER_TEXT characters, other copies of it left out)."""
    grams = _grams(text)
    if not grams:
        return 0.0
    following = []
    total = 0
    for block in after:
        if _copy(text, block.text):
            continue
        following.append(block.text[: COVER_TEXT - total])
        total += len(following[-1])
        if total >= COVER_TEXT:
            break
    return len(grams & _grams(" ".join(following))) / len(grams)


def _org_name(text: str) -> bool:
    """An agency's name standing alone: short, an agency word first, no verb after it."""
    if len(text) > (70 if text.isascii() else 45) or not _ORG.match(text):
        return False
    return not any(_VERB.match(word) for word in text.split()[1:])


def _agrees(text: str, label: str) -> bool:
    a, b = key(text), key(label)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 0.6 * len(long_) and short in long_


def _eligible(line: _Line) -> bool:
    text = line.text
    return (
        line.kind == "text" and TITLE_MIN <= len(text) <= TITLE_MAX
        and not _CODE.match(text) and any(c.isalpha() for c in text)
        and not _one_word(text)
    )


def _one_word(text: str) -> bool:
    """A single short word: a label (`Published`, `การเข้าชม`), not a headline. Thai
    writes no spaces between words, so only a short Thai line counts."""
    if " " in text:
        return False
    return len(text) <= (15 if text.isascii() else 10)


def find_head(blocks: list[Block], hints: Hints | None = None) -> Head:
    """The headline, category, posting date and body of a page given as blocks."""
    hints = hints or Hints()
    lines = _classify(blocks, hints.chrome)
    category = ""
    for line in lines:
        if line.kind == "text":
            label = _strip_label(line)
            category = category or label
    candidates = [n for n, line in enumerate(lines) if _eligible(line)][:CANDIDATES]
    candidates = _up_to_first_paragraph(lines, candidates)
    head = Head(category=category)
    if not candidates:
        start = _body_start(lines, -1, "")
        head.body, head.date = blocks[start:], _first_date(lines, start)
        return head
    scored = [(_score(lines, n, blocks, hints, r), n) for r, n in enumerate(candidates)]
    best, n = max(scored, key=lambda s: (s[0], -s[1]))
    line = lines[n]
    if best < 0 or (len(line.text) > 200 and best < 1.5):
        head.untitled = True
        start = _body_start(lines, candidates[0] - 1, "")
        head.body, head.date = blocks[start:], _first_date(lines, start)
        return head
    title, last = _title_text(lines, n, blocks)
    if hints.headline and not _agrees(title, hints.title):
        # the slug names the headline and no line of the text agrees: the slug is it
        title, last = hints.title, -1
    head.title = title
    head.category = category or _label_above(lines, n)
    start = _body_start(lines, last, title)
    head.body, head.date = blocks[start:], _first_date(lines, start)
    return head


def _up_to_first_paragraph(lines: list[_Line], candidates: list[int]) -> list[int]:
    """Candidates stop at the first long line that the page does not print twice:
    below it is the story, not the head."""
    out = []
    for n in candidates:
        out.append(n)
        text = lines[n].text
        if len(text) >= 120 and not any(
            o is not lines[n] and o.kind == "text" and _copy(text, o.text) for o in lines
        ):
            break
    return out


def _title_text(lines: list[_Line], n: int, blocks: list[Block]) -> tuple[str, int]:
    """The headline's text from its best line: the shorter of two copies when one only
    adds words (a section name after it), or two short lines joined when a headline
    wrapped. Returns the text and the index of its last line."""
    text = lines[n].text
    copies = [o for o in lines if o is not lines[n] and o.kind == "text" and _copy(text, o.text)]
    for other in copies:
        # a copy with the section or office name after it: the words both copies share
        tail = text[len(other.text) :].strip() if text.startswith(other.text) else ""
        if tail and (_org_name(tail) or _SECTION_SHAPE.match(tail) or tail.lower() in SECTIONS):
            text = other.text
    if copies:
        return text, n
    joined = _wrapped(lines, n, blocks)
    if joined:
        return joined
    return text, n


def _wrapped(lines: list[_Line], n: int, blocks: list[Block]) -> tuple[str, int] | None:
    """Two short lines standing alone together above the body are one wrapped headline:
    nothing but chrome or a date above the first, the story or a date below the second,
    and the story retells the first line too (a slogan above a headline it does not)."""
    for a in (n - 1, n):
        b = a + 1
        if a < 0 or b >= len(lines):
            continue
        first, second = lines[a], lines[b]
        if not (_eligible(first) and _eligible(second)) or second.gap > 1:
            continue
        if len(first.text) >= 100 or len(second.text) >= 100:
            continue
        if _org_name(first.text) or _CLOSES.search(first.text) or first.text.endswith((".", "!", "?")):
            continue
        before = next((o for o in reversed(lines[:a]) if o.kind not in ("chrome", "empty")), None)
        after = lines[b + 1] if b + 1 < len(lines) else None
        if before is not None and before.kind == "text":
            continue
        if after is None:
            continue  # the second line is all the story there is
        if _cover(first.text, blocks[second.i + 1 :]) < 0.5:
            continue
        if after.kind == "text" and (len(after.text) < 100 or after.gap < 1):
            continue  # a third short line (a list), or the second line runs on into a paragraph
        return first.text + " " + second.text, b
    return None


def _label_above(lines: list[_Line], n: int) -> str:
    for line in reversed(lines[:n]):
        if line.kind == "label":
            return line.text
    return ""


def _first_date(lines: list[_Line], stop: int) -> thaidate.FoundDate | None:
    """The first posting-date line above the story (a CMS's empty date is no date)."""
    for line in lines[:stop]:
        if line.kind == "date" and line.date and line.date.date != EPOCH:
            return line.date
    return None


def _body_start(lines: list[_Line], last: int, title: str) -> int:
    """Index of the story's first block after the headline at `last`: the head's
    furniture is skipped (date lines, counters, labels, chrome, codes, one-word labels
    like `PKST.` or `การเข้าชม`, and further copies of the headline, whole or split over
    lines)."""
    start = last + 1
    title_key = key(title)
    while start < len(lines):
        line = lines[start]
        text = line.text
        if title_key and (pieces := _pieces(lines, start, title_key)):
            start += pieces
            continue
        furniture = (
            line.kind != "text"
            or (title and _copy(title, text))
            or _CODE.match(text)
            or (len(text) <= 15 and " " not in text)
        )
        if not furniture:
            break
        start += 1
    return start


def _pieces(lines: list[_Line], start: int, title_key: str) -> int:
    """How many lines from `start` together spell the headline again (0 if they don't)."""
    joined = ""
    for j in range(start, min(len(lines), start + 8)):
        if len(lines[j].text) > 2 * len(title_key) + 40:
            return 0
        piece = key(lines[j].text)
        if not piece:
            continue
        joined += piece
        if joined == title_key:
            return j - start + 1
        if not title_key.startswith(joined) or len(joined) < 8:
            return 0
    return 0

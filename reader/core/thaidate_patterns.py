"""Regular expressions for dates and times, built once from the name tables.

Every quantifier is bounded or runs over a single character class, and each pattern
starts on a digit or a letter it must consume, so scanning stays linear even on a
megabyte of digits and dots (tests/core/test_thaidate.py times it).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from reader.core.thaidate_names import (
    ENGLISH_MONTH_VARIANTS,
    ENGLISH_WEEKDAYS,
    MONTHS,
    POSTING_LABELS,
    THAI_MONTH_SPOKEN,
    THAI_MONTH_VARIANTS,
    THAI_WEEKDAYS,
)
from reader.core.thaitext import THAI_DIGITS, ZERO_WIDTH

# ---------------------------------------------------------------- folding

# Same length in, same length out: Thai digits to ASCII, every kind of space to " ",
# carriage returns to spaces (so CR LF is one line break). A loop of str.replace, because str.translate with a
# table is forty times slower on Thai text (measured: 115 ms against 3 ms per 700 KB).
_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t"
_FOLDS = [(t, str(i)) for i, t in enumerate(THAI_DIGITS)] + [(c, " ") for c in _SPACES]
_FOLDS.append(("\r", " "))
# Removed: zero-width characters and the soft hyphen (both invisible, both split words).
_INVISIBLE_CHARS = ZERO_WIDTH + "\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")


def _fold_same_length(text: str) -> str:
    for old, new in _FOLDS:
        if old in text:
            text = text.replace(old, new)
    return text


def fold(text: str) -> str:
    """Text as the patterns expect it (ASCII digits, plain spaces, no invisible marks)."""
    return _fold_same_length(_INVISIBLE.sub("", text))


class Offsets:
    """Maps positions in folded text back to the original after invisible characters
    were removed. `cuts[i]` is where the i-th removed run sat in the folded text and
    `removed[i]` how many characters were removed up to and including it."""

    def __init__(self, cuts: list[int], removed: list[int]) -> None:
        self.cuts = cuts
        self.removed = removed

    def _before(self, pos: int) -> int:
        i = bisect_right(self.cuts, pos)
        return self.removed[i - 1] if i else 0

    def start(self, pos: int) -> int:
        """Original index of the folded character at pos."""
        return pos + self._before(pos)

    def end(self, pos: int) -> int:
        """Original index just after the folded character at pos - 1."""
        return pos - 1 + self._before(pos - 1) + 1 if pos else 0


def fold_with_offsets(text: str) -> tuple[str, Offsets | None]:
    """`fold`, plus the offset map when characters had to be removed (else None)."""
    if not any(c in text for c in _INVISIBLE_CHARS):  # the usual case, and fast
        return _fold_same_length(text), None
    cuts: list[int] = []
    removed: list[int] = []
    total = 0
    for m in _INVISIBLE.finditer(text):
        cuts.append(m.start() - total)
        total += m.end() - m.start()
        removed.append(total)
    if not cuts:
        return _fold_same_length(text), None
    return fold(text), Offsets(cuts, removed)


# ---------------------------------------------------------------- months


def month_key(name: str) -> str:
    return name.replace(".", "").replace(" ", "").lower()


MONTH_KEYS: dict[str, int] = {}
for _n, _th, _th_abbr, _en, _en_abbr in MONTHS:
    for _name in (_th, _th_abbr, _en, _en_abbr):
        MONTH_KEYS[month_key(_name)] = _n
for _table in (THAI_MONTH_VARIANTS, THAI_MONTH_SPOKEN, ENGLISH_MONTH_VARIANTS):
    for _name, _n in _table.items():
        MONTH_KEYS[month_key(_name)] = _n


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _thai_abbreviation(abbr: str) -> str:
    """ก.พ. -> ก(?:\\. ?)?พ\\.? : dots and the space after a dot are optional."""
    first, second = abbr.strip(".").split(".")
    return rf"{re.escape(first)}(?:\. ?)?{re.escape(second)}\.?"


_THAI_FULL = _alternation([m[1] for m in MONTHS] + list(THAI_MONTH_VARIANTS))
_THAI_SPOKEN = _alternation(THAI_MONTH_SPOKEN)
_THAI_ABBR = "|".join(_thai_abbreviation(m[2]) for m in MONTHS)
_ENGLISH_NAMES = [m[3] for m in MONTHS] + [m[4] for m in MONTHS] + list(ENGLISH_MONTH_VARIANTS)
_ENGLISH = _alternation(_ENGLISH_NAMES)
# An era marker may follow an abbreviation without a space (ธ.ค.พ.ศ.2556); any other Thai
# letter after it means an acronym: ก.พ.ร., ส.ค.ส., ก.ค.ศ.
_ERA_AHEAD = r"พ\.?\s?ศ|ค\.?\s?ศ\.?\s?\d"
_NOT_ACRONYM = rf"(?!\.?(?!{_ERA_AHEAD})[ก-ฮ])"

THAI_MONTH = (
    rf"(?:{_THAI_FULL}|(?:{_THAI_SPOKEN})(?![\u0e00-\u0e7f])"
    rf"|(?<![ก-ฮ]\.)(?:{_THAI_ABBR}){_NOT_ACRONYM})"
)
ENGLISH_MONTH = rf"(?i:(?:{_ENGLISH})\.?)(?![A-Za-z])"
# The same names as Title, lower and UPPER case literals: a pattern that starts with
# literals lets the regex engine skip to their first letters (twice as fast as (?i:)).
_ENGLISH_CASED = _alternation(
    {f for name in _ENGLISH_NAMES for f in (name.title(), name.lower(), name.upper())}
)
ENGLISH_MONTH_CASED = rf"(?:{_ENGLISH_CASED})\.?(?![A-Za-z])"
# The lookaheads only make failing fast: every name starts with one of these letters.
_THAI_FIRST = "".join(sorted({n[0] for n in MONTH_KEYS if "\u0e00" <= n[0] <= "\u0e7f"}))
_ENGLISH_FIRST = "".join(
    sorted({c for n in MONTH_KEYS if n[0].isascii() for c in (n[0], n[0].upper())})
)
MONTH = rf"(?:(?=[{_THAI_FIRST}]){THAI_MONTH}|(?=[{_ENGLISH_FIRST}]){ENGLISH_MONTH})"

# ---------------------------------------------------------------- dates

# Spaces between the parts of a date; one line break too, because transcripts are
# hard-wrapped ("ระหว่างวันที่ 7-9\nมิถุนายน 2567"). A blank line still separates.
# Atomic: what follows never starts with a space, so giving spaces back cannot help,
# and not trying saves the engine most of its work on runs like "12 12 12 ...".
SP = r"(?>[ ]{0,6}(?:\n[ ]{0,6})?)"
DASH = r"(?:[-\u2010-\u2015~]|(?:จน)?ถึง(?: ?วันที่)?)"
ERA = r"(?:พ\.? ?ศ\.?|ค\.? ?ศ\.?|(?i:b\.? ?e\.?|a\.? ?d\.?|c\.? ?e\.?))"


def _day(name: str, guard: str = "") -> str:
    # guard: a lookbehind placed after the first digit rather than before it, so the
    # pattern starts with a digit class and the regex engine can skip ahead to digits
    # (four times faster on Thai text).
    return rf"(?P<{name}>\d{guard}\d?+)(?!\d)(?:st|nd|rd|th)?"


def _year(year: str, era: str) -> str:
    # Not followed by a digit, nor by .30 / :30 / ,451: `26 ธ.ค. 13.30 น.` and
    # `19 พ.ค. 12,451 ราย` have no year. Two digits followed by a month are the next
    # day in a list (`22 ตุลาคม 22 พฤศจิกายน`), not a year.
    return (
        rf"(?:ปี{SP})?(?:(?P<{era}>{ERA}){SP})?"
        rf"(?P<{year}>\d{{4}}|\d{{2}}(?!{SP}{MONTH}))(?!\d|[.:,]\d)"
    )


# A day is not the tail of a number (126 / 1,026 / 1.26 / 12/26 / 10:26); after other
# punctuation it may be (",1 กันยายน 2568", "////25 มกราคม 2565").
_FIRST_DAY = _day("d", guard=r"(?<!\d\d)(?<!\d[.,/:]\d)")

_RANGE_END = rf"(?:{SP}{DASH}{SP}{_day('d2')})?"
# A second day and month after a dash: 30 ก.ย. – 2 ต.ค. 2563, 30 ธ.ค. 2563 - 2 ม.ค. 2564.
# Part of the same pattern (one pass over the text, not two); when it does not fit,
# the engine backs off to the single date.
_CROSS_MONTH = (
    rf"(?:(?:{SP},?{SP}{_year('y1', 'era1')})?{SP}{DASH}{SP}{_day('d3')}{SP}(?P<m2>{MONTH}))?"
)
# 26 สิงหาคม 2556 · 26 – 31 สิงหาคม 2556 · 5th September B.E. 2568 · 26 ธ.ค. 64
# · 30 ก.ย. – 2 ต.ค. 2563
DAY_MONTH_YEAR = re.compile(
    rf"{_FIRST_DAY}{_RANGE_END}{SP}(?:of{SP})?(?P<m>{MONTH}){_CROSS_MONTH}"
    rf"{SP},?{SP}{_year('y', 'era')}"
)
# September 7, 2025 · August 26–31, 2013
MONTH_DAY_YEAR = re.compile(
    rf"(?P<m>{ENGLISH_MONTH_CASED}){SP}{_day('d')}{_RANGE_END}{SP},?{SP}{_year('y', 'era')}"
)
# 27/09/2566 · 27-09-2566 · 27.09.2566 (day first, as Thai pages write it)
NUMERIC = re.compile(
    r"(?P<d>\d(?<![\d/.\-]\d)\d?)(?P<sep>[/.\-])(?P<mo>[01]?\d)(?P=sep)(?P<y>\d{4})(?!\d|[/.\-]\d)"
)
# 2013-08-26 · 2556/08/26
ISO = re.compile(
    r"(?P<y>\d(?<![\d/.\-]\d)\d{3})(?P<sep>[\-/])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d|[/.\-]\d)"
)
YEAR_ALONE = re.compile(rf"(?:ปี{SP})?(?:(?P<era>{ERA}){SP})?(?P<year>\d{{4}})")

# ---------------------------------------------------------------- times

# เวลา 13.30 น. · 09.00 น. · 13:49:42 · 1130hrs · 10.30 a.m. · 13.30-16.30 น. (the start)
TIME = re.compile(
    r"(?P<h>\d(?<![\d.:]\d)\d?)(?:"
    r"(?P<sep>[.:])(?P<mi>[0-5]\d)(?:(?P=sep)(?P<s>[0-5]\d))?(?!\d)"
    r"(?: {0,3}[-\u2013] {0,3}\d\d?[.:][0-5]\d(?!\d))?"
    r"(?: {0,3}(?P<suffix>น\.|นาฬิกา|(?i:[ap]\.?m\.?)(?![A-Za-z])))?"
    r"|(?P<mi2>[0-5]\d) ?(?i:hrs?|hours)(?![A-Za-z]))"
)


_TIME_LABEL = re.compile(r"เวลา(?: {0,3}ประมาณ)? {0,3}\Z")


def _labelled(m: re.Match[str]) -> bool:
    """True when เวลา ("at the time") stands just before the time."""
    return _TIME_LABEL.search(m.string, max(0, m.start() - 16), m.start()) is not None


def read_time(m: re.Match[str]) -> str | None:
    """The time as "HH:MM" or "HH:MM:SS"; None for a bare 13.30, which may be any number."""
    hour = int(m["h"])
    if hour > 23:
        return None
    if m["mi2"]:
        return f"{hour:02d}:{m['mi2']}"
    suffix = (m["suffix"] or "").replace(".", "").lower()
    if m["sep"] == "." and not suffix and not _labelled(m):
        return None
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    seconds = f":{m['s']}" if m["s"] else ""
    return f"{hour:02d}:{m['mi']}{seconds}"


# ---------------------------------------------------------------- posting-date lines

# วันศุกรที่ (sic) and other misspelt weekdays are still a weekday before a date.
_WEEKDAY = rf"วัน(?:{_alternation(THAI_WEEKDAYS)}|[\u0e00-\u0e7f]{{1,10}}?(?= ?ที่))?(?: ?ที่)?|(?i:{_alternation(ENGLISH_WEEKDAYS)})(?![A-Za-z])"
_LABEL = rf"(?i:{_alternation(POSTING_LABELS)})"
# What may stand beside the date on a line that is only a date.
# Feed and meta dates: "Mon, 26 Aug 2013 10:11:12 +0700", "2013-08-26T10:11:12+07:00".
_ZONE = r"(?i:gmt|utc|ict)(?![A-Za-z])|[+-]\d\d:?\d\d(?!\d)|T(?=\d)|Z(?![A-Za-z])"
POSTING_FILLER = re.compile(rf"{TIME.pattern}|{_WEEKDAY}|{_LABEL}|{_ZONE}|[^\w]|_")

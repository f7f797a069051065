"""Regular expressions for dates and times, built once from the name tables.

Every quantifier is bounded or runs over a single character class, and each pattern
starts on a digit or a letter it must consume, so scanning stays linear even on a
megabyte of digits and dots (tests/core/test_thaidate.py times it).
"""

from __future__ import annotations

import re
from bisect import bisect_right

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
# carriage returns to line feeds.
_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t"
_FOLD_TABLE = {ord(t): str(i) for i, t in enumerate(THAI_DIGITS)}
_FOLD_TABLE.update({ord(c): " " for c in _SPACES})
_FOLD_TABLE[ord("\r")] = "\n"
# Removed: zero-width characters and the soft hyphen (both invisible, both split words).
_INVISIBLE = re.compile(f"[{ZERO_WIDTH}\u00ad]+")


def fold(text: str) -> str:
    """Text as the patterns expect it (ASCII digits, plain spaces, no invisible marks)."""
    return _INVISIBLE.sub("", text).translate(_FOLD_TABLE)


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
    cuts: list[int] = []
    removed: list[int] = []
    total = 0
    for m in _INVISIBLE.finditer(text):
        cuts.append(m.start() - total)
        total += m.end() - m.start()
        removed.append(total)
    if not cuts:
        return text.translate(_FOLD_TABLE), None
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


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _thai_abbreviation(abbr: str) -> str:
    """ก.พ. -> ก(?:\\. ?)?พ\\.? : dots and the space after a dot are optional."""
    first, second = abbr.strip(".").split(".")
    return rf"{re.escape(first)}(?:\. ?)?{re.escape(second)}\.?"


_THAI_FULL = _alternation([m[1] for m in MONTHS] + list(THAI_MONTH_VARIANTS))
_THAI_SPOKEN = _alternation(THAI_MONTH_SPOKEN)
_THAI_ABBR = "|".join(_thai_abbreviation(m[2]) for m in MONTHS)
_ENGLISH = _alternation(
    [m[3] for m in MONTHS] + [m[4] for m in MONTHS] + list(ENGLISH_MONTH_VARIANTS)
)
# An era marker may follow an abbreviation without a space (ธ.ค.พ.ศ.2556); any other Thai
# letter after it means an acronym: ก.พ.ร., ส.ค.ส., ก.ค.ศ.
_ERA_AHEAD = r"พ\.?\s?ศ|ค\.?\s?ศ\.?\s?\d"
_NOT_ACRONYM = rf"(?!\.?(?!{_ERA_AHEAD})[ก-ฮ])"

THAI_MONTH = (
    rf"(?:{_THAI_FULL}|(?:{_THAI_SPOKEN})(?![\u0e00-\u0e7f])"
    rf"|(?<![ก-ฮ]\.)(?:{_THAI_ABBR}){_NOT_ACRONYM})"
)
ENGLISH_MONTH = rf"(?i:(?:{_ENGLISH})\.?)(?![A-Za-z])"
# The lookaheads only make failing fast: every name starts with one of these letters.
_THAI_FIRST = "".join(sorted({n[0] for n in MONTH_KEYS if "\u0e00" <= n[0] <= "\u0e7f"}))
_ENGLISH_FIRST = "".join(
    sorted({c for n in MONTH_KEYS if n[0].isascii() for c in (n[0], n[0].upper())})
)
MONTH = rf"(?:(?=[{_THAI_FIRST}]){THAI_MONTH}|(?=[{_ENGLISH_FIRST}]){ENGLISH_MONTH})"
_EN_START = rf"(?=[{_ENGLISH_FIRST}])(?<![A-Za-z])"

# ---------------------------------------------------------------- dates

SP = r"[ ]{0,6}"
DASH = r"(?:[-\u2010-\u2015~]|ถึง)"
ERA = r"(?:พ\.? ?ศ\.?|ค\.? ?ศ\.?|(?i:b\.? ?e\.?|a\.? ?d\.?|c\.? ?e\.?))"


def _day(name: str) -> str:
    return rf"(?P<{name}>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"


def _year(year: str, era: str) -> str:
    # Not followed by a digit, nor by .30 / :30: `26 ธ.ค. 13.30 น.` has no year.
    return rf"(?:ปี{SP})?(?:(?P<{era}>{ERA}){SP})?(?P<{year}>\d{{4}}|\d{{2}})(?!\d|[.:]\d)"


_DAY_START = r"(?<![\d.,/:])"

_RANGE_END = rf"{SP}{DASH}{SP}{_day('d2')}"
# Ranges and single days are separate patterns: a range that fails to validate
# ("31 – 26 สิงหาคม") must not hide the single date inside it.
# 26 สิงหาคม 2556 · 5th September B.E. 2568 · 26 ธ.ค. 64
DAY_MONTH_YEAR = re.compile(
    rf"{_DAY_START}{_day('d')}{SP}(?:of{SP})?(?P<m>{MONTH}){SP},?{SP}{_year('y', 'era')}"
)
# 26 – 31 สิงหาคม 2556 · 26-31 ส.ค. 56
DAY_RANGE_MONTH_YEAR = re.compile(
    rf"{_DAY_START}{_day('d')}{_RANGE_END}{SP}(?P<m>{MONTH}){SP},?{SP}{_year('y', 'era')}"
)
# September 7, 2025
MONTH_DAY_YEAR = re.compile(
    rf"{_EN_START}(?P<m>{ENGLISH_MONTH}){SP}{_day('d')}{SP},?{SP}{_year('y', 'era')}"
)
# August 26–31, 2013
MONTH_DAY_RANGE_YEAR = re.compile(
    rf"{_EN_START}(?P<m>{ENGLISH_MONTH}){SP}{_day('d')}{_RANGE_END}{SP},?{SP}{_year('y', 'era')}"
)
# 30 ก.ย. – 2 ต.ค. 2563 · 30 ธ.ค. 2563 - 2 ม.ค. 2564
CROSS_MONTH_RANGE = re.compile(
    rf"{_DAY_START}{_day('d')}{SP}(?P<m>{MONTH})(?:{SP},?{SP}{_year('y1', 'era1')})?"
    rf"{SP}{DASH}{SP}{_day('d2')}{SP}(?P<m2>{MONTH}){SP},?{SP}{_year('y', 'era')}"
)
# 27/09/2566 · 27-09-2566 · 27.09.2566 (day first, as Thai pages write it)
NUMERIC = re.compile(
    r"(?<![\d/.\-])(?P<d>[0-3]?\d)(?P<sep>[/.\-])(?P<mo>[01]?\d)(?P=sep)(?P<y>\d{4})(?!\d|[/.\-]\d)"
)
# 2013-08-26 · 2556/08/26
ISO = re.compile(
    r"(?<![\d/.\-])(?P<y>\d{4})(?P<sep>[\-/])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d|[/.\-]\d)"
)
YEAR_ALONE = re.compile(rf"(?:(?P<era>{ERA}){SP})?(?P<year>\d{{4}})")

# ---------------------------------------------------------------- times

# เวลา 13.30 น. · 09.00 น. · 13:49:42 · 1130hrs · 10.30 a.m.
TIME = re.compile(
    r"(?:(?P<label>เวลา(?: {0,3}ประมาณ)?) {0,3})?(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?:"
    r"(?P<sep>[.:])(?P<mi>[0-5]\d)(?:(?P=sep)(?P<s>[0-5]\d))?(?!\d)"
    r"(?: {0,3}(?P<suffix>น\.|นาฬิกา|(?i:[ap]\.?m\.?)(?![A-Za-z])))?"
    r"|(?P<mi2>[0-5]\d) ?(?i:hrs?|hours)(?![A-Za-z]))"
)


def read_time(m: re.Match[str]) -> str | None:
    """The time as "HH:MM" or "HH:MM:SS"; None for a bare 13.30, which may be any number."""
    hour = int(m["h"])
    if m["mi2"]:
        return f"{hour:02d}:{m['mi2']}"
    suffix = (m["suffix"] or "").replace(".", "").lower()
    if m["sep"] == "." and not (m["label"] or suffix):
        return None
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    seconds = f":{m['s']}" if m["s"] else ""
    return f"{hour:02d}:{m['mi']}{seconds}"


# ---------------------------------------------------------------- posting-date lines

_WEEKDAY = rf"วัน(?:{_alternation(THAI_WEEKDAYS)})?(?: ?ที่)?|(?i:{_alternation(ENGLISH_WEEKDAYS)})(?![A-Za-z])"
_LABEL = rf"(?i:{_alternation(POSTING_LABELS)})"
# What may stand beside the date on a line that is only a date.
POSTING_FILLER = re.compile(rf"{TIME.pattern}|{_WEEKDAY}|{_LABEL}|[^\w]|_")

"""Thai and English dates in news text: find, parse and format.

Years: a 4-digit year from 2400 to 2743 is Buddhist Era (BE = CE + 543); 1900 to 2200 is
Common Era; anything else is not a year. A 2-digit year after a Thai month is BE
(`26 ธ.ค. 64` -> 2564 -> 2021). `พ.ศ.`/`B.E.` and `ค.ศ.`/`A.D.` before a year force the era.

What counts as a date: day, month and year. A month with only a year (`เดือนมกราคม 2550`),
a day and month without a year (`26 ก.พ. ที่ผ่านมา`) and a bare year (`พ.ศ. 2558`) are
not returned, because none of them names one day.

Spans (`start`, `end`) index the string the caller passed in. Matching runs on a copy of
the same length with Thai digits folded and Unicode spaces made plain, and with
zero-width characters removed (offsets mapped back). The other steps of
`thaitext.normalize` (NFC, sara am) never change a date token, so they are skipped:
they would only move offsets. The tests check that normalised and raw text give the same
dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from reader.core import thaidate_patterns as pat
from reader.core.thaidate_names import ERA_MARKERS, MONTHS
from reader.core.thaitext import to_thai_digits

BE_OFFSET = 543
CE_MIN, CE_MAX = 1900, 2200  # a bare 4-digit year in this window is CE
BE_MIN, BE_MAX = 2400, CE_MAX + BE_OFFSET  # a bare 4-digit year in this window is BE
MAX_RANGE_DAYS = 366  # two dates further apart are two dates, not a range
TIME_GAP = 60  # a time belongs to a date only this close after it, on the same line


@dataclass(frozen=True)
class FoundDate:
    """A date found in text. `start`/`end` cover the date itself (`26 – 31 สิงหาคม 2556`,
    `27/09/2566`), not a weekday before it nor a time after it. `time` is "HH:MM" or
    "HH:MM:SS" when a time follows on the same line; `end_date` is the last day of a range."""

    date: dt.date
    start: int
    end: int
    time: str | None = None
    end_date: dt.date | None = None


# ---------------------------------------------------------------- years


def be_to_ce(year: int) -> int:
    return year - BE_OFFSET


def ce_to_be(year: int) -> int:
    return year + BE_OFFSET


@lru_cache(maxsize=4096)
def _year_to_ce(digits: str, era: str | None, thai_month: bool) -> int | None:
    """The CE year for the digits written, or None when it is not a sane year.

    era: "be", "ce" or None (decide from the number)."""
    value = int(digits)
    if len(digits) == 2:
        # Two digits: only Thai usage is clear (BE 25xx); "7 Sep 25" is left alone.
        if era == "ce" or (era is None and not thai_month):
            return None
        return be_to_ce(2500 + value)
    if len(digits) != 4:
        return None
    if era == "be" or (era is None and value >= BE_MIN):
        return be_to_ce(value) if BE_MIN <= value <= BE_MAX else None
    return value if CE_MIN <= value <= CE_MAX else None


def _era(marker: str | None) -> str | None:
    if not marker:
        return None
    return ERA_MARKERS.get(marker.replace(".", "").replace(" ", "").lower())


def parse_year(text: str) -> int | None:
    """The CE year in "2556", "2013", "๒๕๕๖", "พ.ศ. 2556" or "ปี 2556"; None when the text
    is not one sane year."""
    match = pat.YEAR_ALONE.fullmatch(pat.fold(text).strip())
    if not match:
        return None
    return _year_to_ce(match["year"], _era(match["era"]), thai_month=False)


# ---------------------------------------------------------------- finding


@lru_cache(maxsize=4096)
def _month(name: str) -> int | None:
    return pat.MONTH_KEYS.get(pat.month_key(name))


def _is_thai(name: str) -> bool:
    return "\u0e00" <= name[0] <= "\u0e7f"


def _day(year: int, month: int | None, day: str | int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, int(day))
    except ValueError:  # 31 กุมภาพันธ์, day 0 ...
        return None


def _short_year_apart(m: re.Match[str], month: str, year: str) -> bool:
    """A two-digit year after a comma or on the next line is a list number or a count
    (`1 สิงหาคม\n10. วันเข้าพรรษา`, `22 ตุลาคม, 22 ...`); four digits may stand there."""
    if len(m[year]) != 2:
        return False
    between = m.string[m.end(month) : m.start(year)]
    return "\n" in between or "," in between


def _one_month(m: re.Match[str], year_text: str, era: str | None, end: int) -> list[FoundDate]:
    """A day (or a range of days, d to d2) in month m."""
    year = _year_to_ce(year_text, _era(era), _is_thai(m["m"]))
    month = _month(m["m"])
    first = _day(year, month, m["d"]) if year else None
    if not m["d2"]:
        return [FoundDate(first, m.start(), end)] if first else []
    last = _day(year, month, m["d2"]) if year else None
    if first and last and first < last:
        return [FoundDate(first, m.start(), end, end_date=last)]
    if m.start("d2") > m.start("m"):
        return []  # "August 31-26, 2013": nothing to make of it
    # "31 – 26 สิงหาคม 2556" is no range, but the day next to the month is still a date.
    return _read_again(m.string, m.start("d2"))


def _cross_month(m: re.Match[str]) -> FoundDate | None:
    """`30 ก.ย. – 2 ต.ค. 2563`: without its own year the first day takes the last one's,
    or the year before when the range runs over New Year."""
    year2 = _year_to_ce(m["y"], _era(m["era"]), _is_thai(m["m2"]))
    month1, month2 = _month(m["m"]), _month(m["m2"])
    if year2 is None or month1 is None or month2 is None:
        return None
    if m["y1"]:
        year1 = _year_to_ce(m["y1"], _era(m["era1"]), _is_thai(m["m"]))
    else:
        year1 = year2 - 1 if month1 > month2 else year2
    first = _day(year1, month1, m["d"]) if year1 else None
    last = _day(year2, month2, m["d3"])
    if first is None or last is None or last <= first or (last - first).days > MAX_RANGE_DAYS:
        return None
    return FoundDate(first, m.start(), m.end(), end_date=last)


def _read_again(text: str, pos: int) -> list[FoundDate]:
    again = pat.DAY_MONTH_YEAR.match(text, pos)
    return _from_day_month_year(again) if again else []


def _from_day_month_year(m: re.Match[str]) -> list[FoundDate]:
    """`26 สิงหาคม 2556`, `26 – 31 สิงหาคม 2556`, `30 ก.ย. – 2 ต.ค. 2563`,
    `September 7, 2025`, `August 26–31, 2013`."""
    text, start = m.string, m.start()
    if start == m.start("m") and start and text[start - 1].isascii() and text[start - 1].isalpha():
        return []  # an English month name that is the end of a longer word
    if _short_year_apart(m, "m2" if m.re.groupindex.get("m2") and m["m2"] else "m", "y"):
        return []
    if m.re.groupindex.get("m2") and m["m2"]:
        found = _cross_month(m)
        if found:
            return [found]
        # No range after all (say, a year and more apart): two dates, or just the second.
        first = []
        if m["y1"] and not _short_year_apart(m, "m", "y1"):
            first = _one_month(m, m["y1"], m["era1"], m.end("y1"))
        return first + _read_again(text, m.start("d3"))
    return _one_month(m, m["y"], m["era"], m.end())


def _from_numeric(m: re.Match[str]) -> list[FoundDate]:
    """`27/09/2566`, `2013-08-26`."""
    year = _year_to_ce(m["y"], None, thai_month=False)
    first = _day(year, int(m["mo"]), m["d"]) if year else None
    return [FoundDate(first, m.start(), m.end())] if first else []


# Each pattern with the function that turns a match into dates (none when it is no date).
_READERS = (
    (pat.DAY_MONTH_YEAR, _from_day_month_year),
    (pat.MONTH_DAY_YEAR, _from_day_month_year),
    (pat.NUMERIC, _from_numeric),
    (pat.ISO, _from_numeric),
)


def _candidates(folded: str) -> list[FoundDate]:
    found = []
    for regex, read in _READERS:
        for m in regex.finditer(folded):
            found.extend(read(m))
    return found


def _no_overlaps(found: list[FoundDate]) -> list[FoundDate]:
    """Earliest first; of two that start together, the longer (a range over a day)."""
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[FoundDate] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def _time_after(folded: str, start: int, stop: int) -> str | None:
    """The first time that starts in folded[start:stop] on the same line, or None."""
    newline = folded.find("\n", start, stop)
    if newline >= 0:
        stop = newline
    # Search a little past stop so "13.30 น." is read whole; only its start must be inside.
    for m in pat.TIME.finditer(folded, start, stop + 16):
        if m.start() >= stop:
            break
        hhmm = pat.read_time(m)
        if hhmm:
            return hhmm
    return None


def _attach_times(folded: str, dates: list[FoundDate]) -> list[FoundDate]:
    """Give each date the first time written just after it on the same line
    (`วันนี้ (26 มี.ค. 63) เวลา 15.00 น.`), unless another date comes first.
    Only the stretch after each date is searched: cheaper than scanning the page."""
    out = []
    for i, f in enumerate(dates):
        stop = f.end + TIME_GAP
        if i + 1 < len(dates):
            stop = min(stop, dates[i + 1].start)
        hhmm = _time_after(folded, f.end, stop)
        out.append(replace(f, time=hhmm) if hhmm else f)
    return out


def find_dates(text: str) -> list[FoundDate]:
    """Every date in the text, in order. Ranges give date=first day, end_date=last day."""
    if not text:
        return []
    folded, offsets = pat.fold_with_offsets(text)
    dates = _attach_times(folded, _no_overlaps(_candidates(folded)))
    if offsets is None:
        return dates
    return [replace(f, start=offsets.start(f.start), end=offsets.end(f.end)) for f in dates]


def parse_date(text: str) -> FoundDate | None:
    """The first date in the text, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


# ---------------------------------------------------------------- posting date

POSTING_LINES = 20  # a posting date sits within the first lines that have text


def _is_date_line(line: str, dates: list[FoundDate]) -> bool:
    """True when the line holds nothing but dates, times, weekday and label words."""
    rest = []
    pos = 0
    for f in dates:
        rest.append(line[pos : f.start])
        pos = f.end
    rest.append(line[pos:])
    leftover = pat.POSTING_FILLER.sub(" ", pat.fold(" ".join(rest)))
    return not leftover.strip()


def find_posting_date(lines: list[str]) -> FoundDate | None:
    """The page's posting date: the first line near the top that is only a date
    (`วันพฤหัสบดีที่ 27 กันยายน 2566`, `27/09/2566`, `วันที่ 5 ม.ค. 64 เวลา 10.00 น.`).
    Spans index "\\n".join(lines). None when no such line exists."""
    offset = 0
    seen = 0
    for line in lines:
        if line.strip():
            seen += 1
            if seen > POSTING_LINES:
                break
            dates = find_dates(line)
            if dates and _is_date_line(line, dates):
                first = dates[0]
                return replace(first, start=first.start + offset, end=first.end + offset)
        offset += len(line) + 1
    return None


def page_date(text: str) -> FoundDate | None:
    """The date an article carries: its posting date, else the first date in its text."""
    return find_posting_date(text.split("\n")) or parse_date(text)


# ---------------------------------------------------------------- formatting

STYLES = ("long", "short", "numeric")
ERAS = ("be", "ce")
LANGS = ("th", "en")


def format_date(
    d: dt.date, era: str = "be", style: str = "long", lang: str = "th", thai_digits: bool = False
) -> str:
    """`26 สิงหาคม 2556`, `26 ส.ค. 2556`, `26/08/2556`, `26 August B.E. 2556`, ...
    Every output reads back through parse_date for years CE 1900-2200."""
    if era not in ERAS or style not in STYLES or lang not in LANGS:
        raise ValueError(f"format_date: unknown era/style/lang {era!r}/{style!r}/{lang!r}")
    year = ce_to_be(d.year) if era == "be" else d.year
    if style == "numeric":
        text = f"{d.day:02d}/{d.month:02d}/{year}"
    else:
        _, th_full, th_short, en_full, en_short = MONTHS[d.month - 1]
        if lang == "th":
            month = th_full if style == "long" else th_short
            text = f"{d.day} {month} {year}"
        else:
            month = en_full if style == "long" else en_short
            text = f"{d.day} {month} {'B.E. ' if era == 'be' else ''}{year}"
    return to_thai_digits(text) if thai_digits else text

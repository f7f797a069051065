"""The query language: a query string -> Parsed (groups of units, exclusions, filters).

Words (AND), "phrases", OR between words, -exclusion, fields (title:, category:, tag:,
lang:, date:), dates and ranges in BE or CE (2556, date:2556..2560, date:2020-01,
after:2020-01-01, before:2563-06-30). Malformed input never raises: an unbalanced quote
is closed, a lone operator is dropped, and Parsed.messages says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

from reader.core.search import analyzer as ana
from reader.core.thaitext import fold_digits

FIELDS = {"title": "title", "category": "category", "cat": "category", "tag": "tag",
          "lang": "language", "language": "language", "date": "date", "after": "after",
          "before": "before"}
_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):)?("[^"]*"?|[^\s"]+)|(")')
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    category: str | None = None
    language: str | None = None
    tag: str | None = None
    bookmarked: bool | None = None


class Kind(StrEnum):
    """What a unit is: a string of Thai letters (however it segments), an English word,
    a number, an acronym, or several tokens (mixed: checked as a string). The analyzer's
    token kinds are the same strings."""

    THAI = "thai"
    LATIN = "latin"
    NUM = "num"
    ACR = "acr"
    MIXED = "mixed"


@dataclass
class Unit:
    """One word or phrase of the query."""

    raw: str  # as typed (for suggestions)
    needle: str  # folded
    toks: list[ana.Tok]
    field: str | None = None  # "title" or None
    negated: bool = False
    phrase: bool = False

    @property
    def thai_runs(self) -> list[str]:
        return [r for r in ana.thai_runs(self.needle) if len(r) >= 2]

    @property
    def kind(self) -> Kind:
        if ana.is_thai_string(self.needle):
            return Kind.THAI
        if len(self.toks) == 1:
            return Kind(self.toks[0].kind)
        return Kind.MIXED


@dataclass(frozen=True)
class Notice:
    """One thing said about a query: a code (see Parsed.say's callers) and its values."""

    code: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class Parsed:
    groups: list[list[Unit]] = field(default_factory=list)  # AND of ORs
    negated: list[Unit] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)
    categories: list[str] = field(default_factory=list)  # category: values (substring)
    tags: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # in English, for the command line
    notices: list[Notice] = field(default_factory=list)  # the same, for the window to word

    def say(self, code: str, english: str, **params: str) -> None:
        """Tell the reader something about their query (a part ignored, a date read another
        way): in English for the command line, and as a code the window words in the
        reader's language (ui/searchnotice.py)."""
        self.messages.append(english)
        self.notices.append(Notice(code, params))


# Parsing -------------------------------------------------------------------


def _parse_date(text: str, end: bool) -> dt.date | None:
    """2556 / 2013 / 2020-01 / 2563-06-30 -> a date (first or last day when end)."""
    m = _DATE.match(text.strip())
    if not m:
        return None
    year = int(m.group(1))
    if year >= 2400:  # Buddhist Era
        year -= 543
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            if end:
                nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
                return nxt - dt.timedelta(days=1)
            return dt.date(year, month, 1)
        return dt.date(year, month, day)
    except ValueError:
        return None


def _narrow(filters: Filters, lo: dt.date | None, hi: dt.date | None) -> None:
    if lo and (filters.date_from is None or lo > filters.date_from):
        filters.date_from = lo
    if hi and (filters.date_to is None or hi < filters.date_to):
        filters.date_to = hi


def parse(text: str) -> Parsed:
    p = Parsed()
    text = fold_digits(ana.norm(text or ""))
    if text.count('"') % 2:
        p.say("open-quote", "A closing quote was missing; the phrase runs to the end of the query.")
    pending_or = False
    current: list[Unit] | None = None
    for m in _TOKEN.finditer(text):
        if m.group(4):  # a stray quote
            continue
        minus, fname, value = m.group(1), m.group(2), m.group(3)
        phrase = value.startswith('"')
        if phrase:
            value = value.strip('"')
        if fname and fname.lower() not in FIELDS:
            value = f"{fname}:{value}"  # e.g. 10:30 or http://…: plain text
            fname = None
        fname = FIELDS.get(fname.lower()) if fname else None
        if not phrase and value == "OR" and not minus:
            if current is None:
                p.say("lone-or", "OR needs a word on each side; it was ignored.")
            else:
                pending_or = True
            continue
        if not value.strip() or (not phrase and value.strip("-") == ""):
            if minus or value == "-":
                p.say("lone-minus", "A lone '-' was ignored.")
            continue
        if fname in ("date", "after", "before"):
            if not _date_clause(p, fname, value):
                p.say("bad-date", f"Could not read the date '{value}'; use 2556, 2013, 2020-01-31 or 2556..2560.",
                      date=value)
            pending_or = False
            continue
        if fname == "category":
            p.categories.append(ana.prepare(value))
            continue
        if fname == "tag":
            p.tags.append(ana.prepare(value))
            continue
        if fname == "language":
            p.filters.language = value.lower()[:2]
            continue
        needle = re.sub(r"\s+", " ", ana.prepare(value)).strip()
        toks = ana.analyze(needle)
        if not toks:
            continue
        unit = Unit(value, needle, toks, field=fname, negated=bool(minus), phrase=phrase)
        if unit.negated:
            p.negated.append(unit)
            pending_or = False
            continue
        if pending_or and current is not None:
            current.append(unit)
        else:
            current = [unit]
            p.groups.append(current)
        pending_or = False
    if pending_or:
        p.say("trailing-or", "OR at the end of the query was ignored.")
    return p


def _date_clause(p: Parsed, fname: str, value: str) -> bool:
    if fname == "date":
        lo_text, sep, hi_text = value.partition("..")
        lo = _parse_date(lo_text, False) if lo_text else None
        hi = _parse_date(hi_text if sep else lo_text, True) if (hi_text or not sep) else None
        if (lo_text and lo is None) or (hi_text and hi is None) or (lo is None and hi is None):
            return False
        if lo and hi and lo > hi:  # 2599..2500: surely meant the other way round; say so
            lo, hi = _parse_date(hi_text, False), _parse_date(lo_text, True)
            p.say("backwards-range", f"The date range {value} runs backwards; searched {hi_text}..{lo_text}.",
                  range=value, searched=f"{hi_text}..{lo_text}")
        _narrow(p.filters, lo, hi)
        return True
    d = _parse_date(value, fname == "before")
    if d is None:
        return False
    if fname == "after":
        _narrow(p.filters, _parse_date(value, False), None)
    else:  # before: strictly earlier than the given day/month/year
        first = _parse_date(value, False)
        if first is None:  # cannot be: the day read above, read as a first day
            return False
        _narrow(p.filters, None, first - dt.timedelta(days=1))
    return True


def merged_filters(p: Parsed, given: Filters | None) -> Filters:
    f = Filters(**vars(given)) if given else Filters()
    _narrow(f, p.filters.date_from, p.filters.date_to)
    if f.date_from and f.date_to and f.date_from > f.date_to:
        p.say("dates-disjoint", "The dates in the query and the year filters do not overlap: nothing can match.")
    if p.filters.language:
        f.language = p.filters.language
    return f


def highlight_terms(p: Parsed) -> list[str]:
    terms: list[str] = []
    for group in p.groups:
        for u in group:
            if u.kind is Kind.LATIN:
                terms.append(u.needle)
                terms.append(ana.stem(u.needle))
            else:
                terms.append(u.needle)
    return list(dict.fromkeys(t for t in terms if t))



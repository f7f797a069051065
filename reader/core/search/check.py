"""Checking a candidate article against its stored text: the final word on whether
it matches (Thai strings as substrings, English words whole or by stem, numbers whole or
as the article's year), and on the filters (tree.py's clauses: FilterCheck)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from reader.core.search import analyzer as ana
from reader.core.search.parse import Kind, Parsed, Unit
from reader.core.search.schema import unpack_parts
from reader.core.search.tree import Clause, ClauseVisitor, DateRange, OneOf, tag_value


class Candidate:
    def __init__(self, docnum: int, stored: dict[str, Any]):
        self.docnum = docnum
        self.stored = stored
        self._parts: list[str] | None = None
        self._text: str | None = None
        self._flat: str | None = None

    @property
    def parts(self) -> list[str]:
        if self._parts is None:
            self._parts = unpack_parts(self.stored)
        return self._parts

    @property
    def text(self) -> str:
        """As schema.search_text, with the acronyms stored at index time."""
        if self._text is None:
            acr = self.stored.get("a")
            self._text = ana.fold("\n".join(self.parts)) + ("\n" + acr if acr else "")
        return self._text

    def flat(self) -> str:
        """Text with runs of white space as one space (for phrases)."""
        if self._flat is None:
            self._flat = re.sub(r"\s+", " ", self.text)
        return self._flat

    @property
    def years(self) -> set[str]:
        d = self.stored.get("d")
        if not d:
            return set()
        y = int(d[:4])
        return {str(y), str(y + 543)}


def _latin_match(word: str, text: str) -> bool:
    s = ana.stem(word)
    prefix = word[: len(s)] if word.startswith(s) else s[: max(1, len(s) - 1)]
    for m in re.finditer(r"(?<![^\W\d_])" + re.escape(prefix) + r"[^\W\d_]*", text):
        w = m.group()
        if w == word or ana.stem(w) == s:
            return True
    return False


def unit_matches(unit: Unit, cand: Candidate) -> bool:
    if unit.kind is Kind.THAI and unit.field is None:
        # Folding never changes Thai letters: look in the stored parts as they are
        # (no copy, no fold of a possibly 500 KB article), then in the acronyms.
        needle = unit.needle
        return any(needle in part for part in cand.parts) or needle in (cand.stored.get("a") or "")
    if unit.field == "title":
        text = ana.fold(cand.stored.get("t") or "")
        text = text + "\n" + " ".join(ana.acronyms(text))
    else:
        text = cand.text
    kind = unit.kind
    if kind is Kind.LATIN:
        return _latin_match(unit.needle, text)
    if kind is Kind.NUM:
        if unit.field != "title" and unit.needle in cand.years:
            return True
        return re.search(r"(?<!\d)" + re.escape(unit.needle) + r"(?!\d)", text) is not None
    if unit.needle in text:
        return True
    if " " in unit.needle and unit.field != "title":
        return unit.needle in cand.flat()
    return False


class FilterCheck(ClauseVisitor[bool]):
    """Whether one stored article passes a filter clause: its stored values compared
    with the clause's index values (as the index holds them: see tree.tag_value)."""

    def __init__(self, stored: dict[str, Any]):
        self.stored = stored

    def dates(self, clause: DateRange) -> bool:
        d = self.stored.get("d")
        if not d:
            return False
        day = dt.date.fromisoformat(d)
        return not ((clause.lo and day < clause.lo) or (clause.hi and day > clause.hi))

    def one_of(self, clause: OneOf) -> bool:
        st = self.stored
        held: list[str | bool]
        if clause.fieldname == "tag":
            held = [tag_value(t) for t in st.get("g") or []]
        elif clause.fieldname == "bookmarked":
            held = [bool(st.get("b"))]
        else:
            held = [st.get({"category": "c", "language": "l"}[clause.fieldname]) or ""]
        return any(v in clause.values for v in held)


def passes(p: Parsed, cand: Candidate, clauses: list[Clause], check_words: bool = True) -> bool:
    """Every filter clause, then (check_words) every group and no exclusion, on the
    stored text."""
    check = FilterCheck(cand.stored)
    if not all(check.visit(c) for c in clauses):
        return False
    if not check_words:
        return True
    for group in p.groups:
        if not any(unit_matches(u, cand) for u in group):
            return False
    return not any(unit_matches(u, cand) for u in p.negated)

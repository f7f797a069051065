"""Checking a candidate article against its stored text: the final word on whether
it matches (Thai strings as substrings, English words whole or by stem, numbers whole or
as the article's year), and on the window's filters."""

from __future__ import annotations

import datetime as dt
import re

from reader.core.search import analyzer as ana
from reader.core.search.parse import Filters, Parsed, Unit
from reader.core.search.schema import unpack_parts


class Candidate:
    def __init__(self, docnum: int, stored: dict):
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
    if unit.kind == "thai" and unit.field is None:
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
    if kind == "latin":
        return _latin_match(unit.needle, text)
    if kind == "num":
        if unit.field != "title" and unit.needle in cand.years:
            return True
        return re.search(r"(?<!\d)" + re.escape(unit.needle) + r"(?!\d)", text) is not None
    if unit.needle in text:
        return True
    if " " in unit.needle and unit.field != "title":
        return unit.needle in cand.flat()
    return False


def passes(p: Parsed, cand: Candidate, filters: Filters, check_words: bool = True) -> bool:
    """Filters, then (check_words) every group and no exclusion, on the stored text."""
    st = cand.stored
    f = filters
    if f.date_from or f.date_to:
        d = st.get("d")
        if not d:
            return False
        day = dt.date.fromisoformat(d)
        if (f.date_from and day < f.date_from) or (f.date_to and day > f.date_to):
            return False
    if f.category and st.get("c") != f.category:
        return False
    if p.categories and not any(c in ana.fold(st.get("c") or "") for c in p.categories):
        return False
    if f.language and st.get("l") != f.language:
        return False
    tags = {ana.prepare(t) for t in st.get("g") or []}
    if f.tag and ana.prepare(f.tag) not in tags:
        return False
    if p.tags and not all(any(t == x or t in x for x in tags) for t in p.tags):
        return False
    if f.bookmarked is not None and bool(st.get("b")) != f.bookmarked:
        return False
    if not check_words:
        return True
    for group in p.groups:
        if not any(unit_matches(u, cand) for u in group):
            return False
    return not any(unit_matches(u, cand) for u in p.negated)



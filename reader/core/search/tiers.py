"""How one query runs: the tiers of query.py's docstring, one method each (Search).

Imports numpy (through rank.py): loaded by the first search, not when the window starts.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

from reader.core.search import analyzer as ana
from reader.core.search import rank, tree
from reader.core.search.check import Candidate, passes
from reader.core.search.grams import GramStore
from reader.core.search.parse import Filters, Kind, Parsed, highlight_terms
from reader.core.search.query import Hit, Results, hit, suggest
from reader.core.search.schema import date_number
from reader.core.search.whoosh_query import whoosh_filter, whoosh_query


class Search:
    """One query on one searcher: a method per way of running it (by date from the
    n-gram store, by date from the word postings, filters only, by relevance), a page of
    hits gathered through take(). What several of them need is worked out once, when
    first asked for (the cached properties)."""

    def __init__(self, tables: rank.Tables, store: GramStore | None, p: Parsed, f: Filters, sort: str,
                 limit: int, offset: int):
        self.tables, self.store, self.p, self.f = tables, store, p, f
        self.searcher = tables.searcher
        self.by_date = sort == "date" or not p.groups
        self.offset, self.need = offset, offset + limit
        self.res = Results(terms=highlight_terms(p))
        self.terms: list[str] | None = None  # for snippets
        self.seen: set[int] = set()
        self.hits: list[Hit] = []
        self._lexicons: dict[str, list[str]] = {}

    def lexicon(self, fieldname: str) -> list[str]:
        """The index's values of a field (for filters), read once per query."""
        got = self._lexicons.get(fieldname)
        if got is None:
            got = self._lexicons[fieldname] = [
                t.decode("utf-8") if isinstance(t, bytes) else t for t in self.searcher.reader().lexicon(fieldname)]
        return got

    @cached_property
    def clauses(self) -> list[tree.Clause]:
        """The filters, as the query tree's clauses."""
        return tree.filter_clauses(self.p, self.f, self.lexicon)

    @cached_property
    def words(self) -> tree.Node | None:
        """The query's words as the tree's terms (None: no words)."""
        return tree.query_node(self.p) if self.p.groups else None

    @cached_property
    def excluded(self) -> tree.Node | None:
        """The exclusions as the tree's terms (None: none)."""
        return tree.negated_node(self.p) if self.p.negated else None

    @cached_property
    def use_store(self) -> bool:
        """Some unit holds a Thai string: the n-gram store has its candidates."""
        return self.store is not None and any(u.thai_runs for g in self.p.groups for u in g)

    @cached_property
    def masks(self) -> dict[int, int] | None:
        """Trigram candidates, computed only when needed (tier 1 often fills the page; a
        2-letter word ORs hundreds of trigrams)."""
        if not self.use_store or self.store is None:
            return None
        m = _grams_masks(self.store, self.tables, self.p)
        if m is not None and (self.f.date_from or self.f.date_to):
            m = _date_masked(self.store, m, self.f)
        return m

    @cached_property
    def candidates(self) -> tuple[np.ndarray, np.ndarray]:
        """Article ids and dates of those candidates, decoded once (tier 1's filter and
        tier 2 both need them)."""
        assert self.store is not None
        return _candidates(self.store, self.masks or {})

    @cached_property
    def trusted(self) -> bool:
        """A whole-word hit of single-word units is a hit by construction (a word in the
        text is a string in the text): its text need not be checked again."""
        return not self.p.negated and all(
            u.field is None and (u.kind in (Kind.LATIN, Kind.NUM, Kind.ACR)
                                 or (u.kind is Kind.THAI and len(ana.segment(u.needle)) == 1))
            for g in self.p.groups for u in g)

    def take(self, docnum: int, score: float, whole: bool, posted: bool = False) -> bool:
        """Check one candidate; True when the page is full. posted: it came from the
        whole-word postings of every word (so a trusted query needs no text check)."""
        if docnum in self.seen:
            return False
        self.seen.add(docnum)
        cand = Candidate(docnum, self.searcher.stored_fields(docnum)["doc"])
        if not passes(self.p, cand, self.clauses, check_words=not (whole and self.trusted and posted)):
            return False
        self.hits.append(hit(cand, score, whole, self.terms))
        return len(self.hits) >= self.need

    def take_articles(self, aids: np.ndarray, whole: bool, skip: set[int] | frozenset[int] = frozenset()) -> None:
        """Take these articles (ids) in order until the page is full."""
        doc_of = self.tables.article_maps[1]
        for aid in aids.tolist():
            dn = doc_of.get(aid)
            if dn is not None and dn not in skip and self.take(dn, 0.0, whole):
                return

    def run(self, text: str, snippets: bool) -> Results:
        p, res = self.p, self.res
        if not p.groups and p.negated:
            p.say("only-exclusions", "Only exclusions were given: showing everything else.")
        if text.strip() and not (p.groups or p.negated or p.categories or p.tags) and p.filters == Filters():
            # e.g. only punctuation, or only a lone operator: say so rather than list everything
            p.say("nothing-to-search", "Nothing to search for: type a word, a phrase or a date.")
            res.message, res.notices = " ".join(p.messages), p.notices
            return res
        self.terms = res.terms if snippets else None
        if self.use_store and self.by_date:
            self.store_by_date()
        elif self.by_date and p.groups:
            self.words_by_date()
        elif self.by_date:
            self.filters_by_date()
        else:
            self.by_relevance()
        # a page that is not full means every candidate was checked: the count is exact
        hits = self.hits
        res.total = len(hits) if len(hits) < self.need else max(res.total, len(hits))
        res.hits = hits[self.offset:self.need]
        if not res.hits and p.groups and self.offset == 0:
            res.suggestions = suggest(self.searcher, p)
        res.message, res.notices = " ".join(p.messages) or None, p.notices
        return res

    def store_by_date(self) -> None:
        """Every possible match is in the store's candidates: newest first."""
        cands = _newest_first(*self.candidates)
        self.res.total = len(cands)
        self.take_articles(cands, True)

    def words_by_date(self) -> None:
        """English words, numbers, acronyms: the whole-word postings are every match."""
        found = self.tier1()
        self.res.total = len(found)
        for dn in self.tables.newest_first(found.ids).tolist():
            if self.take(dn, 0.0, True, posted=True):
                break

    def filters_by_date(self) -> None:
        """Filters or exclusions only: Whoosh's date-sorted search."""
        need = self.need
        r = self.searcher.search(whoosh_query(self.words, self.excluded), filter=whoosh_filter(self.clauses),
                                 limit=None if need == 0 else max(need * 2, 50), sortedby="date", reverse=True)
        self.res.total = len(r) if r.has_exact_length() else r.estimated_length()
        for h in r:
            if self.take(h.docnum, 0.0, True):
                break

    def by_relevance(self) -> None:
        """Tier 1 (whole words, BM25) best first, then tier 2 (the n-gram candidates the
        first did not find, newest first) while the page is not full."""
        found = self.tier1()
        if len(found) and self.use_store and not self.trusted:
            # words of a unit found apart (`เครื่อง` ... `กระตุ้น`) are not the unit:
            # keep the documents whose n-grams allow every Thai string before reading any
            allow = np.unique(self.candidates[0])
            found = found.keep(rank.within(self.tables.article_maps[0][found.ids], allow))
        full = False
        for dn, score in rank.best_first(found, self.need):
            if self.take(dn, score, True, posted=True):
                full = True
                break
        if not full and self.use_store:
            self.take_articles(_newest_first(*self.candidates), False, skip=set(found.ids.tolist()))
        self.res.total = len(found)
        groups = self.p.groups
        if self.use_store and ("masks" in self.__dict__
                               or all(len(r) >= 3 for g in groups for u in g for r in u.thai_runs)):
            # masks known, or all Thai strings of 3+ letters: the candidate count is cheap
            self.res.total = max(len(found), sum(m.bit_count() for m in (self.masks or {}).values()))

    def tier1(self) -> rank.Scores:
        """Whole-word matches with their BM25 scores, filtered, exclusions taken out."""
        allowed = rank.allowed_docs(self.tables, self.clauses, self.lexicon) if self.clauses else None
        if self.words is None:  # not called without words
            return rank.Scores()
        found = rank.evaluate(self.tables, self.words, allowed)
        if self.excluded is not None and len(found):
            excluded = rank.doc_set(self.tables, self.excluded)
            found = found.keep(~rank.within(found.ids, excluded))
        return found


def _grams_masks(store: GramStore, tables: rank.Tables, p: Parsed) -> dict[int, int] | None:
    """Articles that may match, as per-block masks: the AND over groups holding a Thai
    string of the OR over their units (Thai: the AND of the trigram sets of its Thai
    runs; other units: the articles their index terms find). None: no Thai string."""
    result: dict[int, int] | None = None
    for group in p.groups:
        if not any(u.thai_runs for u in group):
            continue  # English/number-only group: tier 1 finds all of it
        gmask: dict[int, int] = {}
        for u in group:
            if u.thai_runs:
                umask: dict[int, int] | None = None
                for run in u.thai_runs:
                    m = store.containing(run)
                    umask = m if umask is None else _and(umask, m)
                    if not umask:
                        break
            else:
                docs = rank.doc_set(tables, tree.unit_node(u))
                umask = store.masks_for(tables.article_maps[0][docs].tolist())
            for b, v in (umask or {}).items():
                gmask[b] = gmask.get(b, 0) | v
        result = gmask if result is None else _and(result, gmask)
    return result


def _and(a: dict[int, int], b: dict[int, int]) -> dict[int, int]:
    return {k: v & b[k] for k, v in a.items() if k in b and v & b[k]}


def _candidates(store: GramStore, masks: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Article ids and dates (yyyymmdd) of the slots set in the n-gram store's masks; in
    numpy, since a common word sets 50,000 bits (a Python loop over them cost ~60 ms)."""
    blocks = store.blocks()
    ids: list[np.ndarray] = []
    dates: list[np.ndarray] = []
    for b, mask in masks.items():
        if not mask:
            continue
        raw = np.frombuffer(mask.to_bytes((mask.bit_length() + 7) // 8, "little"), dtype=np.uint8)
        slots = np.flatnonzero(np.unpackbits(raw, bitorder="little"))
        ids.append(np.asarray(blocks[b].ids, dtype=np.int64)[slots])
        dates.append(np.asarray(blocks[b].dates, dtype=np.int64)[slots])
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(ids), np.concatenate(dates)


def _newest_first(ids: np.ndarray, dates: np.ndarray) -> np.ndarray:
    """Article ids, newest date first (undated last), then highest id."""
    return ids[np.lexsort((-ids, -dates))]


def _date_masked(store: GramStore, masks: dict[int, int], f: Filters) -> dict[int, int]:
    lo = date_number(f.date_from) if f.date_from else 0
    hi = date_number(f.date_to) if f.date_to else 99999999
    blocks = store.blocks()
    out: dict[int, int] = {}
    for b, m in masks.items():
        dates = blocks[b].dates
        keep = 0
        mm = m
        while mm:
            low = mm & -mm
            s = low.bit_length() - 1
            if lo <= dates[s] <= hi:
                keep |= low
            mm ^= low
        if keep:
            out[b] = keep
    return out



"""The query language and how a query runs.

The language itself is in parse.py; checking a candidate's text in check.py.

Semantics: a Thai word matches every article that contains it as a string (also inside
compounds and glued to names). English words match whole words, stemmed (`governing`
finds `governance`); numbers match numbers and the article's year (BE or CE).

How it runs, in two tiers:
1. Whoosh's word postings: articles where each Thai word is a whole word, scored with
   BM25 by rank.py (title words count three times) straight from the posting blocks.
2. The n-gram store (grams.py): every other article whose 3/4-grams allow the Thai
   strings, newest first. Each candidate is checked against its stored text (check.py).
Only the hits on the page are read and checked; `total` is an estimate.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whoosh import query as Q
from whoosh.support.levenshtein import distance

from reader.core.search import analyzer as ana
from reader.core.search.check import Candidate, passes
from reader.core.search.parse import Filters, Parsed, Unit, highlight_terms, merged_filters, parse
from reader.core.search.schema import date_number
from reader.core.search.snippets import snippet

if TYPE_CHECKING:
    import numpy as np

    from reader.core.search import rank

# rank.py needs numpy, which takes ~0.2 s to import here: it is loaded by the first
# search, not when the window starts.

__all__ = ["Filters", "Hit", "Results", "parse", "run_search"]

log = logging.getLogger(__name__)


@dataclass
class Hit:
    article_id: int
    title: str
    date: dt.date | None
    category: str
    language: str
    score: float
    snippet: list[tuple[str, bool]]
    whole_word: bool = True  # False: found only inside longer words (tier 2)
    source_url: str | None = None


@dataclass
class Results:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0  # estimated
    terms: list[str] = field(default_factory=list)  # literal strings to highlight
    message: str | None = None
    suggestions: list[str] = field(default_factory=list)


# Whoosh queries (tier 1) ----------------------------------------------------


def _tok_query(tok: ana.Tok, title_only: bool) -> Q.Query:
    # title words are in "content" too; title: is narrowed when the hit is checked
    fields = ("content",)
    texts = [tok.text]
    if tok.kind == "acr":
        texts.append(ana.undot(tok.text))
    subs: list[Q.Query] = [Q.Term(f, t) for f in fields for t in texts]
    if tok.kind == "latin":
        s = ana.stem(tok.text)
        if s != tok.text:
            subs += [Q.Term(f, s, boost=0.5) for f in fields]
    if tok.kind == "num" and not title_only:
        subs.append(Q.Term("year", tok.text))
    return Q.Or(subs) if len(subs) > 1 else subs[0]


def unit_query(unit: Unit) -> Q.Query:
    title_only = unit.field == "title"
    toks = unit.toks
    if unit.kind == "thai":
        # the typed word may be segmented in more than one piece: each a whole word
        toks = [ana.Tok(w, 0, 0, "thai") for w in ana.segment(unit.needle)]
    parts = [_tok_query(t, title_only) for t in toks]
    return Q.And(parts) if len(parts) > 1 else parts[0]


def unit_node(unit: Unit) -> rank.Node:
    """The same as unit_query, for rank.evaluate."""
    from reader.core.search import rank

    toks = unit.toks
    if unit.kind == "thai":
        toks = [ana.Tok(w, 0, 0, "thai") for w in ana.segment(unit.needle)]
    nodes = []
    for tok in toks:
        alts = [rank.term("content", tok.text)]
        if tok.kind == "acr":
            alts.append(rank.term("content", ana.undot(tok.text)))
        if tok.kind == "latin":
            s = ana.stem(tok.text)
            if s != tok.text:
                alts.append(rank.term("content", s, 0.5))
        if tok.kind == "num" and unit.field != "title":
            alts.append(rank.term("year", tok.text))
        nodes.append(rank.any_of(alts))
    return rank.all_of(nodes)


def query_node(p: Parsed) -> rank.Node:
    from reader.core.search import rank

    return rank.all_of([rank.any_of([unit_node(u) for u in g]) for g in p.groups])


def whoosh_query(p: Parsed) -> Q.Query:
    groups = [Q.Or([unit_query(u) for u in g]) if len(g) > 1 else unit_query(g[0]) for g in p.groups]
    pos: Q.Query = Q.And(groups) if len(groups) > 1 else (groups[0] if groups else Q.Every())
    if p.negated:
        pos = Q.AndNot(pos, Q.Or([unit_query(u) for u in p.negated]))
    return pos


def filter_query(searcher, p: Parsed) -> Q.Query | None:
    f = p.filters
    parts: list[Q.Query] = []
    if f.date_from or f.date_to:
        lo = date_number(f.date_from) if f.date_from else None
        hi = date_number(f.date_to) if f.date_to else None
        parts.append(Q.NumericRange("date", lo, hi))
    if f.category:
        parts.append(Q.Term("category", f.category))
    for sub in p.categories:
        cats = [c for c in _field_values(searcher, "category") if sub in ana.fold(c)]
        parts.append(Q.Or([Q.Term("category", c) for c in cats]) if cats else Q.NullQuery)
    if f.language:
        parts.append(Q.Term("language", f.language))
    if f.tag:
        parts.append(Q.Term("tag", ana.prepare(f.tag)))
    for sub in p.tags:
        tags = [t for t in _field_values(searcher, "tag") if sub == t] or [
            t for t in _field_values(searcher, "tag") if sub in t]
        parts.append(Q.Or([Q.Term("tag", t) for t in tags]) if tags else Q.NullQuery)
    if f.bookmarked is not None:
        parts.append(Q.Term("bookmarked", f.bookmarked))
    if not parts:
        return None
    return Q.And(parts) if len(parts) > 1 else parts[0]


def _field_values(searcher, fieldname: str) -> list[str]:
    return [t.decode("utf-8") if isinstance(t, bytes) else t for t in searcher.reader().lexicon(fieldname)]


# Running -------------------------------------------------------------------


def _grams_masks(store, searcher, p: Parsed) -> dict[int, int] | None:
    """Articles that may match, as per-block masks: the AND over groups holding a Thai
    string of the OR over their units (Thai: the AND of the trigram sets of its Thai
    runs; other units: the articles Whoosh finds for them). None: no Thai string."""
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
                umask = store.masks_for(_article_ids(searcher, unit_query(u)))
            for b, v in (umask or {}).items():
                gmask[b] = gmask.get(b, 0) | v
        result = gmask if result is None else _and(result, gmask)
    return result


def _and(a: dict[int, int], b: dict[int, int]) -> dict[int, int]:
    return {k: v & b[k] for k, v in a.items() if k in b and v & b[k]}


def _article_ids(searcher, q: Q.Query) -> list[int]:
    col = searcher.reader().column_reader("aid")
    return [col[dn] for dn in searcher.docs_for_query(q)]


def run_search(searcher, store, text: str, filters: Filters | None = None, sort: str = "relevance",
               limit: int = 20, offset: int = 0, snippets: bool = True) -> Results:
    # A lone surrogate (half of a broken paste) cannot be encoded for Whoosh's term lookups:
    # it is no letter of any word, so it goes.
    text = "".join(ch for ch in (text or "") if not "\ud800" <= ch <= "\udfff")
    try:
        return _run(searcher, store, text, filters, sort, max(0, int(limit)), max(0, int(offset)), snippets)
    except Exception as exc:  # a query must never bring the window down
        log.exception("search failed for %r", text)
        return Results(message=f"The search could not run: {exc.__class__.__name__}: {exc}")


def _run(searcher, store, text, filters, sort, limit, offset, snippets=True) -> Results:
    import numpy as np

    from reader.core.search import rank

    p = parse(text)
    f = merged_filters(p, filters)
    res = Results(terms=highlight_terms(p))
    if not p.groups and p.negated:
        p.messages.append("Only exclusions were given: showing everything else.")
    if (text or "").strip() and not (p.groups or p.negated or p.categories or p.tags) and p.filters == Filters():
        # e.g. only punctuation, or only a lone operator: say so rather than list everything
        res.message = " ".join(p.messages + ["Nothing to search for: type a word, a phrase or a date."])
        return res
    need = offset + limit
    fq = filter_query(searcher, Parsed(filters=f, categories=p.categories, tags=p.tags))
    wq = whoosh_query(p)
    use_store = store is not None and any(u.thai_runs for g in p.groups for u in g)
    cache: list = []

    def masks() -> dict[int, int] | None:
        """Trigram candidates, computed once and only when needed (tier 1 often fills
        the page; a 2-letter word ORs hundreds of trigrams)."""
        if not cache:
            m = _grams_masks(store, searcher, p) if use_store else None
            if m is not None and (f.date_from or f.date_to):
                m = _date_masked(store, m, f)
            cache.append(m)
        return cache[0]

    decoded: list = []

    def candidates() -> tuple[np.ndarray, np.ndarray]:
        """Article ids and dates of those candidates, decoded once (tier 1's filter and
        tier 2 both need them)."""
        if not decoded:
            decoded.append(_candidates(store, masks() or {}))
        return decoded[0]

    seen: set[int] = set()
    hits: list[Hit] = []

    # A whole-word hit of single-word units is a hit by construction (a word in the
    # text is a string in the text): its text need not be checked again.
    trusted = not p.negated and all(
        u.field is None and (u.kind in ("latin", "num", "acr") or (u.kind == "thai" and len(ana.segment(u.needle)) == 1))
        for g in p.groups for u in g)

    def take(docnum: int, score: float, whole: bool, posted: bool = False) -> bool:
        """Check one candidate; True when the page is full. posted: it came from the
        whole-word postings of every word (so a trusted query needs no text check)."""
        if docnum in seen:
            return False
        seen.add(docnum)
        cand = Candidate(docnum, searcher.stored_fields(docnum)["doc"])
        if not passes(p, cand, f, check_words=not (whole and trusted and posted)):
            return False
        hits.append(_hit(cand, score, whole, res.terms if snippets else None))
        return len(hits) >= need

    by_date = sort == "date" or not p.groups
    aid_of, doc_of = rank.article_maps(searcher)
    if use_store and by_date:
        # every possible match is in the store's candidates: newest first
        cands = _newest_first(*candidates())
        res.total = len(cands)
        for aid in cands.tolist():
            dn = doc_of.get(aid)
            if dn is not None and take(dn, 0.0, True):
                break
    elif by_date and p.groups:
        # English words, numbers, acronyms: the whole-word postings are every match
        found = _tier1(searcher, p, f, fq)
        res.total = len(found)
        for dn in rank.newest_first(searcher, found.ids).tolist():
            if take(dn, 0.0, True, posted=True):
                break
    elif by_date:  # filters or exclusions only
        r = searcher.search(wq, filter=fq, limit=None if need == 0 else max(need * 2, 50),
                            sortedby="date", reverse=True)
        res.total = len(r) if r.has_exact_length() else r.estimated_length()
        for h in r:
            if take(h.docnum, 0.0, True):
                break
    else:
        found = _tier1(searcher, p, f, fq)
        if len(found) and use_store and not trusted:
            # words of a unit found apart (`เครื่อง` ... `กระตุ้น`) are not the unit:
            # keep the documents whose n-grams allow every Thai string before reading any
            allow = np.unique(candidates()[0])
            found = found.keep(rank.within(aid_of[found.ids], allow))
        full = False
        for dn, score in rank.best_first(found, need):
            if take(dn, score, True, posted=True):
                full = True
                break
        est1 = len(found)
        if not full and use_store:
            t1 = set(found.ids.tolist())
            for aid in _newest_first(*candidates()).tolist():
                dn = doc_of.get(aid)
                if dn is None or dn in t1:
                    continue
                if take(dn, 0.0, False):
                    break
        res.total = est1
        if use_store and (cache or all(len(r) >= 3 for g in p.groups for u in g for r in u.thai_runs)):
            # all Thai strings of 3+ letters: the candidate count is cheap
            res.total = max(est1, sum(m.bit_count() for m in (masks() or {}).values()))
    # a page that is not full means every candidate was checked: the count is exact
    res.total = len(hits) if len(hits) < need else max(res.total, len(hits))
    res.hits = hits[offset:need]
    if not res.hits and p.groups and offset == 0:
        res.suggestions = suggest(searcher, p)
    res.message = " ".join(p.messages) or None
    return res


def _tier1(searcher, p: Parsed, f: Filters, fq) -> rank.Scores:
    """Whole-word matches with their BM25 scores, filtered, exclusions taken out."""
    from reader.core.search import rank

    allowed = allowed_docs(searcher, f, p) if fq is not None else None
    found = rank.evaluate(searcher, query_node(p), allowed)
    if p.negated and len(found):
        excluded = rank.doc_set(searcher, rank.any_of([unit_node(u) for u in p.negated]))
        found = found.keep(~rank.within(found.ids, excluded))
    return found


def allowed_docs(searcher, f: Filters, p: Parsed) -> np.ndarray:
    """Documents the filters let through (sorted document numbers), from posting blocks
    (fast even when a filter keeps most of the archive). Dates are narrowed to whole
    years here; the exact days are checked with each candidate (check.passes)."""
    import numpy as np

    from reader.core.search import rank

    def docs(fieldname: str, values) -> np.ndarray:
        if not values:
            return np.zeros(0, dtype=np.int64)
        return rank.doc_set(searcher, rank.any_of([rank.term(fieldname, v) for v in values]))

    sets: list[np.ndarray] = []
    if f.language:
        sets.append(docs("language", [f.language]))
    if f.category:
        sets.append(docs("category", [f.category]))
    for sub in p.categories:
        sets.append(docs("category", [c for c in _field_values(searcher, "category") if sub in ana.fold(c)]))
    if f.tag:
        sets.append(docs("tag", [ana.prepare(f.tag)]))
    for sub in p.tags:
        values = _field_values(searcher, "tag")
        sets.append(docs("tag", [t for t in values if sub == t] or [t for t in values if sub in t]))
    if f.date_from or f.date_to:
        first = f.date_from.year if f.date_from else 1900
        last = f.date_to.year if f.date_to else 2200
        years = [y for y in (int(t) for t in _field_values(searcher, "year") if t.isdigit()) if first <= y <= last]
        sets.append(docs("year", [str(y) for y in years]))
    if f.bookmarked is not None:
        marked = searcher.docs_for_query(Q.Term("bookmarked", f.bookmarked))
        sets.append(np.unique(np.fromiter(marked, dtype=np.int64)))
    if not sets:
        return np.arange(searcher.doc_count_all(), dtype=np.int64)
    sets.sort(key=len)
    out = sets[0]
    for other in sets[1:]:
        out = out[rank.within(out, other)]
    return out


def _candidates(store, masks: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Article ids and dates (yyyymmdd) of the slots set in the n-gram store's masks; in
    numpy, since a common word sets 50,000 bits (a Python loop over them cost ~60 ms)."""
    import numpy as np

    blocks = store.blocks()
    ids, dates = [], []
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
    import numpy as np

    return ids[np.lexsort((-ids, -dates))]


def _date_masked(store, masks: dict[int, int], f: Filters) -> dict[int, int]:
    lo = date_number(f.date_from) if f.date_from else 0
    hi = date_number(f.date_to) if f.date_to else 99999999
    blocks = store.blocks()
    out = {}
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


def _hit(cand: Candidate, score: float, whole: bool, terms: list[str] | None) -> Hit:
    st = cand.stored
    body = cand.parts[1] if len(cand.parts) > 1 else ""
    snip = snippet(body, terms) if terms is not None else []
    if terms is not None and not any(h for _t, h in snip):
        # the hit is elsewhere (title, credits, tags, note): show where
        for part in cand.parts[2:]:
            alt = snippet(part, terms)
            if any(h for _t, h in alt):
                snip = alt
                break
    return Hit(
        article_id=int(st["id"]),
        title=st.get("t") or "",
        date=dt.date.fromisoformat(st["d"]) if st.get("d") else None,
        category=st.get("c") or "",
        language=st.get("l") or "",
        score=float(score),
        snippet=snip,
        whole_word=whole,
        source_url=st.get("u"),
    )


def suggest(searcher, p: Parsed, limit: int = 3) -> list[str]:
    """'Did you mean': the query with one word replaced by a close indexed word (edit
    distance 1, or 2 for words over four letters; same first letter), commonest first."""
    out: list[str] = []
    reader = searcher.reader()
    for group in p.groups:
        for u in group:
            if u.kind not in ("thai", "latin"):
                continue
            word = u.needle
            if reader.doc_frequency("content", word):
                continue
            maxdist = 1 if len(word) <= 4 else 2
            close = []
            for btext in reader.expand_prefix("content", word[:1]):
                term = btext.decode("utf-8") if isinstance(btext, bytes) else btext
                if abs(len(term) - len(word)) > maxdist or term == word:
                    continue
                d = distance(term, word, limit=maxdist)
                if d <= maxdist:
                    close.append((d, -reader.doc_frequency("content", term), term))
            for *_rank, term in sorted(close)[:limit]:
                out.append(_replace_unit(p, u, term))
    return list(dict.fromkeys(out))[:limit]


def _replace_unit(p: Parsed, unit: Unit, new: str) -> str:
    words = []
    for group in p.groups:
        words.append(" OR ".join((new if u is unit else _show(u)) for u in group))
    words += ["-" + _show(u) for u in p.negated]
    return " ".join(words)


def _show(u: Unit) -> str:
    text = f'"{u.raw}"' if u.phrase and " " in u.raw else u.raw
    return f"title:{text}" if u.field == "title" else text

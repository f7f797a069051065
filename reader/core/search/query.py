"""The query language and how a query runs: run_search and its results (Hit, Results),
"did you mean" suggestions.

The language itself is in parse.py, the tree a query compiles to in tree.py (Whoosh
queries: whoosh_query.py; ranking: rank.py); checking a candidate's text in check.py.

Semantics: a Thai word matches every article that contains it as a string (also inside
compounds and glued to names). English words match whole words, stemmed (`governing`
finds `governance`); numbers match numbers and the article's year (BE or CE).

How it runs, in two tiers (tiers.py, a method each):
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
from typing import TYPE_CHECKING, Any

from whoosh.support.levenshtein import distance

from reader.core.search.check import Candidate
from reader.core.search.parse import (
    Filters,
    Kind,
    Notice,
    Parsed,
    Unit,
    merged_filters,
    parse,
)
from reader.core.search.snippets import snippet

if TYPE_CHECKING:

    from reader.core.search import rank
    from reader.core.search.grams import GramStore

# rank.py needs numpy, which takes ~0.2 s to import here: it is loaded by the first
# search (SearchIndex.tables), not when the window starts.

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
    failed: bool = False  # the search raised inside and could not run (message says why)
    notices: list[Notice] = field(default_factory=list)  # message's parts, for the window to word


# Running -------------------------------------------------------------------


def run_search(tables: rank.Tables, store: GramStore | None, text: str, filters: Filters | None = None,
               sort: str = "relevance", limit: int = 20, offset: int = 0, snippets: bool = True) -> Results:
    # A lone surrogate (half of a broken paste) cannot be encoded for Whoosh's term lookups:
    # it is no letter of any word, so it goes.
    text = "".join(ch for ch in (text or "") if not "\ud800" <= ch <= "\udfff")
    try:
        from reader.core.search.tiers import Search

        p = parse(text)
        search = Search(tables, store, p, merged_filters(p, filters), sort, max(0, int(limit)), max(0, int(offset)))
        return search.run(text, snippets)
    except Exception as exc:  # a query must never bring the window down
        log.exception("search failed for %r", text)
        reason = f"{exc.__class__.__name__}: {exc}"
        return Results(message=f"The search could not run: {reason}", failed=True,
                       notices=[Notice("failed", {"reason": reason})])


def hit(cand: Candidate, score: float, whole: bool, terms: list[str] | None) -> Hit:
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


def suggest(searcher: Any, p: Parsed, limit: int = 3) -> list[str]:
    """'Did you mean': the query with one word replaced by a close indexed word (edit
    distance 1, or 2 for words over four letters; same first letter), commonest first."""
    out: list[str] = []
    reader = searcher.reader()
    for group in p.groups:
        for u in group:
            if u.kind not in (Kind.THAI, Kind.LATIN):
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

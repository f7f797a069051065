"""Tier-1 ranking straight from Whoosh's posting blocks, in numpy arrays.

Why: Whoosh scores every matching document in Python (~30 µs each, measured here) and its
block-quality pruning skipped nothing on this news text, so a common word in 25,000 of
63,000 articles cost ~0.7 s. Here each term's postings are read a block (128 postings) at
a time into one array and scored in one vectorised step: a saturating term frequency
times the term's idf with BM25's length normalisation (title words count three times in
the field). AND intersects sorted arrays, OR adds.

Decoding is the floor (Whoosh pickles and compresses each block: ~9 ms for a word in
55,000 articles), so the postings of common words are kept per searcher, up to
CACHE_BYTES: the same few hundred common Thai words (`และ`, `ที่`, `ของ`) recur in most
queries. A searcher lives until the index changes, and its cache with it.

The blocks are read by whoosh_internals.leaf_postings (Whoosh's private block buffers,
or its public matcher API with another Whoosh version). The tree evaluated here is the
one query.py builds (tree.py): Ranker scores it, DocSets gives its documents.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import Any

import numpy as np
from whoosh.reading import TermNotFound

from reader.core.search.tree import (
    Clause,
    ClauseVisitor,
    DateRange,
    Node,
    NodeVisitor,
    OneOf,
    Op,
    any_of,
    term,
)
from reader.core.search.whoosh_internals import leaf_postings
from reader.core.search.whoosh_query import WhooshFilter

K1 = 1.2
B = 0.75
CACHE_MIN = 2000  # postings: rarer terms decode in well under a millisecond
CACHE_BYTES = 48 * 1024 * 1024

_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)

Postings = tuple[np.ndarray, np.ndarray]  # document numbers, weights


@dataclass
class Scores:
    """Matching document numbers (sorted, distinct) and their scores."""

    ids: np.ndarray = field(default_factory=lambda: _EMPTY_IDS)
    scores: np.ndarray = field(default_factory=lambda: _EMPTY_SCORES)

    def __len__(self) -> int:
        return len(self.ids)

    def keep(self, mask: np.ndarray) -> Scores:
        return Scores(self.ids[mask], self.scores[mask])


class _Cache:
    """Decoded postings of common terms, least recently used dropped first."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self.items: OrderedDict[tuple[str, str], Postings] = OrderedDict()

    def get(self, key: tuple[str, str]) -> Postings | None:
        got = self.items.get(key)
        if got is not None:
            self.items.move_to_end(key)
        return got

    def put(self, key: tuple[str, str], value: Postings) -> None:
        nbytes = value[0].nbytes + value[1].nbytes
        if nbytes > self.limit:
            return
        self.items[key] = value
        self.size += nbytes
        while self.size > self.limit:
            _k, (a, b) = self.items.popitem(last=False)
            self.size -= a.nbytes + b.nbytes


class Tables:
    """What ranking reads from one Whoosh searcher, read once: decoded postings of common
    terms (up to CACHE_BYTES), BM25's length norms, article ids and dates per document
    number. SearchIndex owns one per searcher and replaces both when the index changes."""

    def __init__(self, searcher: Any, cache_bytes: int = CACHE_BYTES):
        self.searcher = searcher
        self.cache = _Cache(cache_bytes)
        self.cache_min = CACHE_MIN  # the bench sets it out of reach to time a cold cache

    def clear(self) -> None:
        """Forget the cached postings."""
        self.cache = _Cache(self.cache.limit)

    def postings(self, fieldname: str, text: str) -> Postings:
        """Document numbers (global, sorted) and weights of a term, deleted documents
        left out. The arrays are shared with the cache: do not change them."""
        key = (fieldname, text)
        got = self.cache.get(key)
        if got is not None:
            return got
        got = _decode(self.searcher.reader(), fieldname, text)
        if len(got[0]) >= self.cache_min:
            self.cache.put(key, got)
        return got

    @cached_property
    def norms(self) -> np.ndarray:
        """Per document number, K1 * (1 - B + B * length / average length): BM25's
        length part, from the `words` column."""
        arr = self.column("words").astype(np.float64)
        avg = float(arr.mean()) if len(arr) else 1.0
        return K1 * (1 - B + B * arr / (avg or 1.0))

    @cached_property
    def article_maps(self) -> tuple[np.ndarray, dict[int, int]]:
        """Article id of each document number, and the live document of each article
        id, from the `aid` column (a Whoosh term lookup per candidate cost ~30 µs)."""
        aid_of = self.column("aid")
        doc_of: dict[int, int] = {}
        for leaf, offset in self.searcher.reader().leaf_readers():
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
            for i, aid in enumerate(aid_of[offset:offset + leaf.doc_count_all()].tolist()):
                if i not in deleted:
                    doc_of[aid] = offset + i
        return aid_of, doc_of

    @cached_property
    def dates(self) -> np.ndarray:
        """yyyymmdd of each document number (0: undated), from the `date` column
        (~0.15 s at 60,000 articles: Whoosh translates each value in Python)."""
        return self.column("date")

    def column(self, name: str) -> np.ndarray:
        """A numeric column's value for every document number (0 where a segment lacks
        the column or a document the value)."""
        values: list[int] = []
        for leaf, _offset in self.searcher.reader().leaf_readers():
            if leaf.has_column(name):
                values.extend(v or 0 for v in leaf.column_reader(name))
            else:
                values.extend([0] * leaf.doc_count_all())
        return np.asarray(values, dtype=np.int64)

    def warm(self) -> None:
        """Read what the first query would (the length, article and date tables; numpy
        is loaded by importing this module): done in the background once the window is up."""
        _ = self.norms, self.article_maps, self.dates

    def newest_first(self, ids: np.ndarray) -> np.ndarray:
        """These document numbers, newest date first (undated last), then highest
        article id."""
        aid_of = self.article_maps[0]
        return ids[np.lexsort((-aid_of[ids], -self.dates[ids]))]


def _decode(reader: Any, fieldname: str, text: str) -> Postings:
    parts_ids: list[np.ndarray] = []
    parts_w: list[np.ndarray] = []
    for leaf, offset in reader.leaf_readers():
        try:
            ids, ws = leaf_postings(leaf.postings(fieldname, text))
        except TermNotFound:
            continue
        leaf_ids = np.asarray(ids, dtype=np.int64)
        leaf_w = np.asarray(ws, dtype=np.float32)
        if leaf.has_deletions():
            deleted = np.fromiter(leaf.deleted_docs_set, dtype=np.int64)  # a cached property
            keep = ~np.isin(leaf_ids, deleted)
            leaf_ids, leaf_w = leaf_ids[keep], leaf_w[keep]
        parts_ids.append(leaf_ids + offset)
        parts_w.append(leaf_w)
    if not parts_ids:
        return _EMPTY_IDS, np.zeros(0, dtype=np.float32)
    if len(parts_ids) == 1:
        return parts_ids[0], parts_w[0]
    return np.concatenate(parts_ids), np.concatenate(parts_w)


def within(ids: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Mask of the ids (sorted) that are in allowed (sorted, distinct)."""
    if not len(allowed) or not len(ids):
        return np.zeros(len(ids), dtype=bool)
    pos = np.searchsorted(allowed, ids)
    pos[pos == len(allowed)] = 0
    found: np.ndarray = allowed[pos] == ids
    return found


class Ranker(NodeVisitor[Scores]):
    """BM25 scores of the documents matching a tree (only `allowed` ones when given: a
    sorted array of document numbers). AND scores its rarest part first and each next
    part only on the documents still in; OR adds."""

    def __init__(self, tables: Tables, allowed: np.ndarray | None = None):
        self.tables = tables
        self.allowed = allowed

    def within(self, allowed: np.ndarray | None) -> Ranker:
        return Ranker(self.tables, allowed)

    def term(self, node: Node) -> Scores:
        ids, weights = self.tables.postings(node.fieldname, node.text)
        if not len(ids):
            return Scores()
        norms = self.tables.norms
        idf = math.log(1 + (len(norms) - len(ids) + 0.5) / (len(ids) + 0.5)) * node.boost * (K1 + 1)
        if self.allowed is not None:
            mask = within(ids, self.allowed)
            ids, weights = ids[mask], weights[mask]
        w = weights.astype(np.float64)
        return Scores(ids, idf * w / (w + norms[ids]))

    def all_of(self, node: Node) -> Scores:
        reader = self.tables.searcher.reader()
        children = sorted(node.children, key=lambda c: _size(reader, c))
        out = self.visit(children[0])
        for child in children[1:]:
            if not len(out):
                break
            part = self.within(out.ids).visit(child)  # part.ids is a subset of out.ids
            pos = np.searchsorted(out.ids, part.ids)
            out = Scores(part.ids, out.scores[pos] + part.scores)
        return out

    def any_of(self, node: Node) -> Scores:
        parts = [p for p in (self.visit(c) for c in node.children) if len(p)]
        if not parts:
            return Scores()
        if len(parts) == 1:
            return parts[0]
        ids, inverse = np.unique(np.concatenate([p.ids for p in parts]), return_inverse=True)
        return Scores(ids, np.bincount(inverse, weights=np.concatenate([p.scores for p in parts])))


def evaluate(tables: Tables, node: Node, allowed: np.ndarray | None = None) -> Scores:
    """BM25 scores of the documents matching node (see Ranker)."""
    return Ranker(tables, allowed).visit(node)


def _size(reader: Any, node: Node) -> int:
    """Estimated number of matching documents (document frequencies)."""
    if node.op is Op.TERM:
        try:
            return int(reader.doc_frequency(node.fieldname, node.text))
        except Exception:
            return 0
    sizes = [_size(reader, c) for c in node.children]
    return sum(sizes) if node.op is Op.OR else min(sizes)


class DocSets(NodeVisitor[np.ndarray]):
    """Documents matching a tree, unscored (for exclusions and filters): sorted, distinct."""

    def __init__(self, tables: Tables):
        self.tables = tables

    def term(self, node: Node) -> np.ndarray:
        return self.tables.postings(node.fieldname, node.text)[0]

    def all_of(self, node: Node) -> np.ndarray:
        sets = sorted((self.visit(c) for c in node.children), key=len)
        if not sets:
            return _EMPTY_IDS
        out = sets[0]
        for other in sets[1:]:
            out = out[within(out, other)]
        return out

    def any_of(self, node: Node) -> np.ndarray:
        sets = [self.visit(c) for c in node.children]
        return np.unique(np.concatenate(sets)) if sets else _EMPTY_IDS


def doc_set(tables: Tables, node: Node) -> np.ndarray:
    return DocSets(tables).visit(node)


def best_first(found: Scores, need: int) -> Iterator[tuple[int, float]]:
    """(document number, score) by falling score: the top few by a partial sort, the
    rest sorted only if checking them runs past those. Ties: lower document first."""
    n = len(found)
    if not n:
        return
    k = min(n, need + 16)
    if k < n:  # the k-th best score in O(n), then everything at least as good (ties)
        kth = np.partition(found.scores, n - k)[n - k]
        top = np.nonzero(found.scores >= kth)[0]
    else:
        top = np.arange(n)
    top = top[np.lexsort((found.ids[top], -found.scores[top]))]
    for i in top:
        yield int(found.ids[i]), float(found.scores[i])
    if len(top) < n:
        rest = np.ones(n, dtype=bool)
        rest[top] = False
        idx = np.nonzero(rest)[0]
        idx = idx[np.lexsort((found.ids[idx], -found.scores[idx]))]
        for i in idx:
            yield int(found.ids[i]), float(found.scores[i])


class AllowedDocs(ClauseVisitor[np.ndarray]):
    """Documents a filter clause lets through (sorted document numbers), from posting
    blocks (fast even when a filter keeps most of the archive). Dates are narrowed to
    whole years here; the exact days are checked with each candidate (check.py)."""

    def __init__(self, tables: Tables, lexicon: Callable[[str], list[str]]):
        self.tables = tables
        self.lexicon = lexicon

    def docs(self, fieldname: str, values: Sequence[str]) -> np.ndarray:
        if not values:
            return _EMPTY_IDS
        return doc_set(self.tables, any_of([term(fieldname, v) for v in values]))

    def dates(self, clause: DateRange) -> np.ndarray:
        first = clause.lo.year if clause.lo else 1900
        last = clause.hi.year if clause.hi else 2200
        years = [y for y in (int(t) for t in self.lexicon("year") if t.isdigit()) if first <= y <= last]
        return self.docs("year", [str(y) for y in years])

    def one_of(self, clause: OneOf) -> np.ndarray:
        if clause.fieldname == "bookmarked":  # a BOOLEAN field: Whoosh spells its terms
            found = [self.tables.searcher.docs_for_query(WhooshFilter().visit(clause))]
            return np.unique(np.fromiter(chain.from_iterable(found), dtype=np.int64))
        return self.docs(clause.fieldname, [str(v) for v in clause.values])


def allowed_docs(tables: Tables, clauses: list[Clause], lexicon: Callable[[str], list[str]]) -> np.ndarray:
    """Documents every clause lets through (sorted document numbers)."""
    if not clauses:
        return np.arange(tables.searcher.doc_count_all(), dtype=np.int64)
    sets = sorted((AllowedDocs(tables, lexicon).visit(c) for c in clauses), key=len)
    out = sets[0]
    for other in sets[1:]:
        out = out[within(out, other)]
    return out

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

This reads W3LeafMatcher internals (`_data`, `_read_data`, `_byteids`, `_maxid`,
`_lastblock`, `_next_block`) of the pinned whoosh-reloaded 2.7.5;
tests/core/test_search_rank.py fails if they change.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from whoosh.reading import TermNotFound

K1 = 1.2
B = 0.75
CACHE_MIN = 2000  # postings: rarer terms decode in well under a millisecond
CACHE_BYTES = 48 * 1024 * 1024

_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)


@dataclass
class Node:
    """("term", field, text, boost) | ("and", children) | ("or", children)"""

    op: str
    children: list[Node] = field(default_factory=list)
    fieldname: str = ""
    text: str = ""
    boost: float = 1.0


def term(fieldname: str, text: str, boost: float = 1.0) -> Node:
    return Node("term", fieldname=fieldname, text=text, boost=boost)


def all_of(nodes: list[Node]) -> Node:
    return nodes[0] if len(nodes) == 1 else Node("and", nodes)


def any_of(nodes: list[Node]) -> Node:
    return nodes[0] if len(nodes) == 1 else Node("or", nodes)


@dataclass
class Scores:
    """Matching document numbers (sorted, distinct) and their scores."""

    ids: np.ndarray = field(default_factory=lambda: _EMPTY_IDS)
    scores: np.ndarray = field(default_factory=lambda: _EMPTY_SCORES)

    def __len__(self) -> int:
        return len(self.ids)

    def keep(self, mask: np.ndarray) -> Scores:
        return Scores(self.ids[mask], self.scores[mask])


def _raw(matcher):
    while not hasattr(matcher, "_read_ids") and hasattr(matcher, "child"):
        matcher = matcher.child
    return matcher


class _Cache:
    """Decoded postings of common terms, least recently used dropped first."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self.items: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def get(self, key):
        got = self.items.get(key)
        if got is not None:
            self.items.move_to_end(key)
        return got

    def put(self, key, value) -> None:
        nbytes = value[0].nbytes + value[1].nbytes
        if nbytes > self.limit:
            return
        self.items[key] = value
        self.size += nbytes
        while self.size > self.limit:
            _k, (a, b) = self.items.popitem(last=False)
            self.size -= a.nbytes + b.nbytes


def _cache(searcher) -> _Cache:
    cache = getattr(searcher, "_opdc_postings", None)
    if cache is None:
        cache = searcher._opdc_postings = _Cache(CACHE_BYTES)
    return cache


def clear_cache(searcher) -> None:
    searcher._opdc_postings = None


def postings(searcher, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers (global, sorted) and weights of a term, deleted documents left
    out. The arrays are shared with the cache: do not change them."""
    cache = _cache(searcher)
    key = (fieldname, text)
    got = cache.get(key)
    if got is not None:
        return got
    got = _decode(searcher.reader(), fieldname, text)
    if len(got[0]) >= CACHE_MIN:
        cache.put(key, got)
    return got


def _decode(reader, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    parts_ids: list[np.ndarray] = []
    parts_w: list[np.ndarray] = []
    for leaf, offset in reader.leaf_readers():
        try:
            m = _raw(leaf.postings(fieldname, text))
        except TermNotFound:
            continue
        if not hasattr(m, "_read_ids") or m._byteids:  # not W3 document postings: slow but correct
            ids, ws = [], []
            while m.is_active():
                ids.append(m.id())
                ws.append(m.weight())
                m.next()
        else:
            ids, ws = _blocks(m)
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


def _blocks(m) -> tuple[np.ndarray, list[float]]:
    """Ids (leaf-local) and weights of every block of a W3 leaf matcher. Blocks store
    ids as deltas from the block's start: the deltas of all blocks go into one list
    with each block's first delta made relative to the previous block's last id, so one
    cumulative sum decodes them all."""
    deltas: list[int] = []
    weights: list[float] = []
    last = 0
    while m.is_active():
        if m._data is None:
            m._read_data()
        raw_ids, raw_w = m._data[0], m._data[1]
        start = len(deltas)
        deltas.extend(raw_ids)
        deltas[start] -= last
        if raw_w is None or isinstance(raw_w, float):
            weights.extend([1.0 if raw_w is None else raw_w] * len(raw_ids))
        else:
            weights.extend(raw_w)
        last = m._maxid
        if m._lastblock:
            break
        m._next_block()
    return np.cumsum(np.asarray(deltas, dtype=np.int64)), weights


def lengths(searcher) -> tuple[np.ndarray, float]:
    """Per document number, K1 * (1 - B + B * length / average length): BM25's length
    part, read once per searcher from the `words` column."""
    cached = getattr(searcher, "_opdc_norms", None)
    if cached is not None:
        return cached
    arr = column(searcher, "words").astype(np.float64)
    avg = float(arr.mean()) if len(arr) else 1.0
    avg = avg or 1.0
    norms = K1 * (1 - B + B * arr / avg)
    searcher._opdc_norms = (norms, avg)
    return norms, avg


def article_maps(searcher) -> tuple[np.ndarray, dict[int, int]]:
    """Article id of each document number, and the live document of each article id,
    read once per searcher from the `aid` column (a Whoosh term lookup per candidate
    cost ~30 µs)."""
    cached = getattr(searcher, "_opdc_aids", None)
    if cached is not None:
        return cached
    aid_of = column(searcher, "aid")
    doc_of: dict[int, int] = {}
    for leaf, offset in searcher.reader().leaf_readers():
        deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
        for i, aid in enumerate(aid_of[offset:offset + leaf.doc_count_all()].tolist()):
            if i not in deleted:
                doc_of[aid] = offset + i
    result = (aid_of, doc_of)
    searcher._opdc_aids = result
    return result


def dates(searcher) -> np.ndarray:
    """yyyymmdd of each document number (0: undated), read once per searcher from the
    `date` column (~0.15 s at 60,000 articles: Whoosh translates each value in Python)."""
    cached = getattr(searcher, "_opdc_dates", None)
    if cached is not None:
        return cached
    searcher._opdc_dates = column(searcher, "date")
    return searcher._opdc_dates


def column(searcher, name: str) -> np.ndarray:
    """A numeric column's value for every document number (0 where a segment lacks the
    column or a document the value)."""
    values: list[int] = []
    for leaf, _offset in searcher.reader().leaf_readers():
        if leaf.has_column(name):
            values.extend(v or 0 for v in leaf.column_reader(name))
        else:
            values.extend([0] * leaf.doc_count_all())
    return np.asarray(values, dtype=np.int64)


def newest_first(searcher, ids: np.ndarray) -> np.ndarray:
    """These document numbers, newest date first (undated last), then highest article id."""
    aid_of, _doc_of = article_maps(searcher)
    return ids[np.lexsort((-aid_of[ids], -dates(searcher)[ids]))]


def warm(searcher) -> None:
    """Read what the first query would (numpy is loaded by importing this module; the
    length, article and date tables): called in the background once the window is up."""
    lengths(searcher)
    article_maps(searcher)
    dates(searcher)


def within(ids: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Mask of the ids (sorted) that are in allowed (sorted, distinct)."""
    if not len(allowed) or not len(ids):
        return np.zeros(len(ids), dtype=bool)
    pos = np.searchsorted(allowed, ids)
    pos[pos == len(allowed)] = 0
    return allowed[pos] == ids


def evaluate(searcher, node: Node, allowed: np.ndarray | None = None) -> Scores:
    """BM25 scores of the documents matching node (only `allowed` ones when given: a
    sorted array of document numbers)."""
    if node.op == "term":
        ids, weights = postings(searcher, node.fieldname, node.text)
        if not len(ids):
            return Scores()
        norms, _avg = lengths(searcher)
        idf = math.log(1 + (len(norms) - len(ids) + 0.5) / (len(ids) + 0.5)) * node.boost * (K1 + 1)
        if allowed is not None:
            mask = within(ids, allowed)
            ids, weights = ids[mask], weights[mask]
        w = weights.astype(np.float64)
        return Scores(ids, idf * w / (w + norms[ids]))
    if node.op == "and":
        # rarest part first; each next part is scored only on the documents still in
        reader = searcher.reader()
        children = sorted(node.children, key=lambda c: _size(reader, c))
        out = evaluate(searcher, children[0], allowed)
        for child in children[1:]:
            if not len(out):
                break
            part = evaluate(searcher, child, out.ids)  # part.ids is a subset of out.ids
            pos = np.searchsorted(out.ids, part.ids)
            out = Scores(part.ids, out.scores[pos] + part.scores)
        return out
    if node.op == "or":
        parts = [p for p in (evaluate(searcher, c, allowed) for c in node.children) if len(p)]
        if not parts:
            return Scores()
        if len(parts) == 1:
            return parts[0]
        ids, inverse = np.unique(np.concatenate([p.ids for p in parts]), return_inverse=True)
        return Scores(ids, np.bincount(inverse, weights=np.concatenate([p.scores for p in parts])))
    raise ValueError(f"unknown node {node.op!r}")


def _size(reader, node: Node) -> int:
    """Estimated number of matching documents (document frequencies)."""
    if node.op == "term":
        try:
            return reader.doc_frequency(node.fieldname, node.text)
        except Exception:
            return 0
    sizes = [_size(reader, c) for c in node.children]
    return sum(sizes) if node.op == "or" else min(sizes)


def doc_set(searcher, node: Node) -> np.ndarray:
    """Documents matching node, unscored (for exclusions and filters): sorted, distinct."""
    if node.op == "term":
        return postings(searcher, node.fieldname, node.text)[0]
    sets = [doc_set(searcher, c) for c in node.children]
    if not sets:
        return _EMPTY_IDS
    if node.op == "or":
        return np.unique(np.concatenate(sets))
    sets.sort(key=len)
    out = sets[0]
    for s in sets[1:]:
        out = out[within(out, s)]
    return out


def best_first(found: Scores, need: int):
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

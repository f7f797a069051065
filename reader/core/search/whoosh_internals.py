"""Every use of Whoosh's private internals, in one place, tied to the pinned version.

Three shortcuts make search and indexing fast enough at 60,000 articles, and each reads
or fills private parts of whoosh-reloaded 2.7.5:
- reading a term's posting blocks as whole arrays (W3LeafMatcher's `_data`,
  `_read_data`, `_maxid`, `_lastblock`, `_next_block`, `_byteids`): rank.py;
- writing the content field's posting lists a block at a time (the SegmentWriter's
  `pool` and `fieldwriter`, W3PostingsWriter's `_ids`, `_weights`, `_values`,
  `_maxweight`, `_blocklimit`, `_write_block`): the index writers (index.py);
- listing an index's segments (`FileIndex._segments`): index.py and its tests.

At import the installed Whoosh version is compared with PINNED. Another version makes
FAST False (said once in the log, at first use): every function here then goes through
Whoosh's public API, slower but with the same results (tests/core/test_search_internals.py
compares the two on a real index). Tests force the fallback by setting FAST.
"""

from __future__ import annotations

import logging
from array import array
from collections.abc import Iterator
from itertools import chain
from typing import Any

import whoosh

from reader.core.search.schema import LENGTH_ONLY, packed_freq

log = logging.getLogger(__name__)

PINNED = "2.7.5"
CONTENT = "content"  # the one field whose postings the writers group themselves

# Postings as Whoosh's pool yields them: (field name, term bytes, document number,
# weight, value bytes).
Posting = tuple[str, bytes, int, float, bytes]
Grouped = dict[bytes, tuple[list[int], list[int]]]


FAST: bool = whoosh.versionstring() == PINNED
_told = False


def fast() -> bool:
    """FAST, said once in the log when it is off (at first use, not at import: the
    analysis worker processes import this module too)."""
    global _told
    if not FAST and not _told:
        _told = True
        log.warning("Whoosh %s is installed, not %s: search and indexing use Whoosh's public API"
                    " (slower, same results)", whoosh.versionstring(), PINNED)
    return FAST


# Segments ----------------------------------------------------------------------


def segments(ix: Any) -> list[Any]:
    """The segments of an index's latest generation."""
    if fast():
        return list(ix._segments())
    with ix.reader() as reader:
        return [leaf.segment() for leaf, _offset in reader.leaf_readers() if hasattr(leaf, "segment")]


# Reading postings ----------------------------------------------------------------


def leaf_postings(matcher: Any) -> tuple[list[int] | Any, list[float]]:
    """Ids (leaf-local, ascending) and weights of a leaf reader's posting matcher, deleted
    documents included (the caller drops them)."""
    raw = _raw(matcher) if fast() else None
    if raw is None or not hasattr(raw, "_read_ids") or raw._byteids:
        # not W3 document postings (or not the pinned Whoosh): the public matcher API
        ids, weights = [], []
        m = raw if raw is not None else matcher
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            m.next()
        return ids, weights
    return _blocks(raw)


def _raw(matcher: Any) -> Any:
    """The W3LeafMatcher under Whoosh's wrappers (a FilterMatcher over deleted
    documents): the ids read from its blocks still hold the deleted ones."""
    while not hasattr(matcher, "_read_ids") and hasattr(matcher, "child"):
        matcher = matcher.child
    return matcher


def _blocks(m: Any) -> tuple[Any, list[float]]:
    """Ids (leaf-local) and weights of every block of a W3 leaf matcher. Blocks store
    ids as deltas from the block's start: the deltas of all blocks go into one list
    with each block's first delta made relative to the previous block's last id, so one
    cumulative sum decodes them all."""
    import numpy as np

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


# Writing postings grouped by term ---------------------------------------------------


def grouped_writer(writer: Any) -> GroupedPool | None:
    """Set up a fresh Whoosh SegmentWriter to take the content field's postings grouped
    (GroupedPool.add_grouped) beside documents added as usual with add_document. None
    when the installed Whoosh is not the pinned one: then the documents must carry their
    content terms themselves (build.analyse(grouped=False))."""
    if not fast():
        return None
    pool = writer.pool = GroupedPool(writer.pool)
    writer.fieldwriter = _GroupedFieldWriter(writer.fieldwriter, pool)
    return pool


class GroupedPool:
    """Stands in for the SegmentWriter's posting pool (`writer.pool`): the content
    field's postings are kept as arrays per term (from add_grouped, and from segments
    merged at commit through add); its length-only marker postings (schema.LENGTH_ONLY)
    are dropped; every other field's go to Whoosh's pool.

    Relies on whoosh 2.7.5's writing.SegmentWriter reading `self.pool` in add_document
    (pool.add), _flush_segment (pool.iter_postings, handed to fieldwriter.add_postings)
    and _close_segment (pool.cleanup)."""

    def __init__(self, pool: Any):
        self._pool = pool
        self.terms: dict[bytes, tuple[array[int], array[int]]] = {}

    def add(self, item: Posting) -> None:
        if item[0] != CONTENT:
            self._pool.add(item)
        elif item[1] is not LENGTH_ONLY:
            # A posting of a segment Whoosh merges into this one at commit
            # (add_reader): documents numbered after every added one, a reader at a
            # time, so each term's document numbers still come in order.
            _fieldname, term, docnum, weight, value = item
            freq = int(weight)
            if value != packed_freq(freq):
                raise ValueError(f"unexpected content posting {item!r}")
            entry = self.terms.get(term)
            if entry is None:
                self.terms[term] = (array("I", [docnum]), array("I", [freq]))
            else:
                entry[0].append(docnum)
                entry[1].append(freq)

    def add_grouped(self, grouped: Grouped) -> None:
        terms = self.terms
        for term, (docnums, freqs) in grouped.items():
            entry = terms.get(term)
            if entry is None:
                terms[term] = (array("I", docnums), array("I", freqs))
            else:
                entry[0].extend(docnums)
                entry[1].extend(freqs)

    def other_postings(self) -> Iterator[Posting]:
        """Whoosh's pool, sorted: every field but content."""
        return iter(self._pool.iter_postings())  # a list when nothing was spilled

    def content_postings(self) -> Iterator[Posting]:
        terms = self.terms
        for term in sorted(terms):
            docnums, freqs = terms.pop(term)
            for docnum, freq in zip(docnums, freqs, strict=True):
                yield CONTENT, term, docnum, float(freq), packed_freq(freq)

    def iter_postings(self) -> _Postings:
        return _Postings(self)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pool, name)


class _Postings:
    """The sorted stream of every posting, as Whoosh's pool would give it; the field
    writer below takes a shortcut when it recognises one."""

    def __init__(self, pool: GroupedPool):
        self.pool = pool

    def split(self) -> tuple[Iterator[Posting], Any]:
        """(postings of fields before content, a function giving those after it)."""
        it = self.pool.other_postings()
        later: list[Posting] = []

        def before() -> Iterator[Posting]:
            for item in it:
                if item[0] >= CONTENT:
                    if item[0] == CONTENT:
                        raise ValueError("content postings in both pools")
                    later.append(item)
                    return
                yield item

        return before(), lambda: chain(later, it)

    def __iter__(self) -> Iterator[Posting]:
        before, after = self.split()
        yield from before
        yield from self.pool.content_postings()
        yield from after()


class _GroupedFieldWriter:
    """Wraps the SegmentWriter's field writer (`writer.fieldwriter`, a W3FieldWriter):
    the content field's posting lists are written a block at a time.

    Relies on whoosh 2.7.5's codec.whoosh3: W3FieldWriter.start_term makes
    `_postwriter` (a W3PostingsWriter) start a term with empty block lists `_ids`
    (array "I"), `_weights` (array "f"), `_values` (list of bytes) and `_maxweight`;
    add_posting appends to them and calls `_write_block()` (which starts the next
    block) when a block is full; finish_term writes the rest. Filling the lists
    directly writes the same bytes (test_search_build.py compares the files)."""

    def __init__(self, fieldwriter: Any, pool: GroupedPool):
        self._fw = fieldwriter
        self._pool = pool

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        fw = self._fw
        # Per-block length statistics need each posting's length: Whoosh's own loop.
        if not isinstance(items, _Postings) or lengths is not None:
            fw.add_postings(schema, lengths, items)
            return
        before, after = items.split()
        fw.add_postings(schema, None, before)
        self._write_content(schema[CONTENT])
        fw.add_postings(schema, None, after())

    def _write_content(self, fieldobj: Any) -> None:
        terms = self._pool.terms
        if not terms:
            return
        fw = self._fw
        fw.start_field(CONTENT, fieldobj)
        for term in sorted(terms):
            docnums, freqs = terms.pop(term)
            fw.start_term(term)
            pw = fw._postwriter
            size = pw._blocklimit
            for i in range(0, len(docnums), size):
                if i:
                    pw._write_block()
                part = freqs[i : i + size]
                pw._ids = docnums[i : i + size]
                pw._weights = array("f", part)
                pw._values = [packed_freq(f) for f in part]
                pw._maxweight = float(max(part))
            fw.finish_term()
        fw.finish_field()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fw, name)

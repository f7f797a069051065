"""Writing the index fast (SearchIndex.rebuild and update): analysing documents in
worker processes (rebuild), and handing Whoosh the word postings grouped by term (both).

Measured on this corpus (2 cores), Whoosh 2.7.5 spent ~3 µs in Python per posting
between add_document and commit (pool.add with its size estimate, sorting, merging
spilled runs, then one add_posting call each) — ~15 M word postings for 63,000
articles. Here the analysis workers group each chunk's word postings by term, the
writer keeps them as arrays per term, and at commit fills Whoosh's posting blocks a
block at a time. Every other field goes through Whoosh's own path. The index written is
the same, byte for byte, as Whoosh writes one document at a time
(tests/core/test_search_build.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from array import array
from collections import deque
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice

from reader.core.model import IndexDoc
from reader.core.search import analyzer as ana
from reader.core.search.schema import LENGTH_ONLY, doc_fields, packed_freq

log = logging.getLogger(__name__)

CHUNK = 256  # documents per unit of work; grams.BLOCK is a multiple of it
CONTENT = "content"


# Analysis (worker processes) --------------------------------------------------


def analyse(base: int, docs: list[IndexDoc]):
    """Documents numbered from `base` as the writer takes them: rows of (field values,
    updated_at), the content field's value being only its length (see
    schema.WordField); the content postings grouped by term (bytes -> ([document
    numbers], [frequencies])); ids, dates and distinct gram codes per document."""
    rows, ids, dates, codes = [], [], [], []
    post: dict[str, tuple[list[int], list[int]]] = {}
    get = post.get
    for i, doc in enumerate(docs):
        values, (aid, date, text) = doc_fields(doc)
        docnum = base + i
        for term, freq in values[CONTENT].items():
            entry = get(term)
            if entry is None:
                post[term] = ([docnum], [freq])
            else:
                entry[0].append(docnum)
                entry[1].append(freq)
        values[CONTENT] = values["words"]  # = the sum of the frequencies
        rows.append((values, doc.updated_at or ""))
        ids.append(aid)
        dates.append(date)
        codes.append(ana.gram_codes(text))
    grouped = {term.encode("utf-8"): entry for term, entry in post.items()}
    return rows, grouped, ids, dates, codes


def analyse_chunk(base: int, docs: list[IndexDoc]):
    """analyse(), with the n-gram codes of the chunk grouped (chunk_masks) for the
    rebuild's writer. Picklable both ways: runs in a worker process when parallel."""
    rows, grouped, ids, dates, codes = analyse(base, docs)
    return rows, grouped, ids, dates, *chunk_masks(codes)


def chunk_masks(codes: list):
    """(distinct gram codes of the chunk, sorted; a row of bytes per code with bit i,
    little-endian, set when document i holds it) from the documents' distinct gram
    codes; numpy groups them with one sort over the chunk (at most 256 documents)."""
    import numpy as np

    width = (len(codes) + 7) // 8
    if not codes:
        return np.zeros(0, dtype=np.uint32), np.zeros((0, width), dtype=np.uint8)
    sizes = [len(c) for c in codes]
    doc = np.repeat(np.arange(len(codes), dtype=np.int64), sizes)
    keys = np.concatenate(codes).astype(np.int64) << 8 | doc
    keys.sort()
    gram = keys >> 8
    doc = keys & 0xFF
    new = np.empty(len(keys), dtype=bool)
    new[:1] = True
    np.not_equal(gram[1:], gram[:-1], out=new[1:])
    group = np.cumsum(new) - 1
    firsts = gram[new].astype(np.uint32)
    # each (gram, document) once, so a sum of its bits is an OR
    bits = np.bincount(group * width + (doc >> 3), weights=np.left_shift(1, doc & 7).astype(np.float64),
                       minlength=len(firsts) * width).astype(np.uint8)
    return firsts, bits.reshape(len(firsts), width)


def _workers() -> int:
    """Analysis processes beside the writing one: one per core, up to 3. On 2 cores
    the writer needs about a third of the CPU time, so two analysers and the writer
    keep both cores busy."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(3, cores))


def analysed(docs: Iterable[IndexDoc], parallel: bool):
    """analyse_chunk results for consecutive chunks, in order; computed in spawned
    worker processes when parallel (while this one writes), else here."""
    it = iter(docs)
    chunks = iter(lambda: list(islice(it, CHUNK)), [])
    pool = None
    # A frozen app re-runs itself for a spawned child unless its entry point calls
    # multiprocessing.freeze_support(): analyse in-process there.
    if parallel and not getattr(sys, "frozen", False):
        try:
            workers = _workers()
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        except Exception as exc:  # no /dev/shm, no semaphores...
            log.info("parallel analysis unavailable (%s): one process", exc)
    base = 0
    if pool is None:
        for chunk in chunks:
            yield analyse_chunk(base, chunk)
            base += len(chunk)
        return
    # Documents are read here, in this thread (the catalog's SQLite connection belongs
    # to it). Each worker has a chunk and one more waits. A worker that dies raises
    # BrokenProcessPool here instead of hanging the rebuild.
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(analyse_chunk, base, chunk))
            base += len(chunk)
            if len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Writing (the rebuilding process) ----------------------------------------------


def grouped_writer(writer) -> GroupedPool:
    """Set up a fresh Whoosh SegmentWriter to take the content field's postings grouped
    (GroupedPool.add_grouped) beside documents added as usual with add_document."""
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

    def __init__(self, pool):
        self._pool = pool
        self.terms: dict[bytes, tuple[array, array]] = {}

    def add(self, item) -> None:
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

    def add_grouped(self, grouped: dict[bytes, tuple[list[int], list[int]]]) -> None:
        terms = self.terms
        for term, (docnums, freqs) in grouped.items():
            entry = terms.get(term)
            if entry is None:
                terms[term] = (array("I", docnums), array("I", freqs))
            else:
                entry[0].extend(docnums)
                entry[1].extend(freqs)

    def other_postings(self):
        """Whoosh's pool, sorted: every field but content."""
        return iter(self._pool.iter_postings())  # a list when nothing was spilled

    def content_postings(self):
        terms = self.terms
        for term in sorted(terms):
            docnums, freqs = terms.pop(term)
            for docnum, freq in zip(docnums, freqs, strict=True):
                yield CONTENT, term, docnum, float(freq), packed_freq(freq)

    def iter_postings(self):
        return _Postings(self)

    def __getattr__(self, name):
        return getattr(self._pool, name)


class _Postings:
    """The sorted stream of every posting, as Whoosh's pool would give it; the field
    writer below takes a shortcut when it recognises one."""

    def __init__(self, pool: GroupedPool):
        self.pool = pool

    def split(self):
        """(postings of fields before content, postings of fields after it)."""
        it = self.pool.other_postings()
        later: list = []

        def before():
            for item in it:
                if item[0] >= CONTENT:
                    if item[0] == CONTENT:
                        raise ValueError("content postings in both pools")
                    later.append(item)
                    return
                yield item

        return before(), lambda: chain(later, it)

    def __iter__(self):
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

    def __init__(self, fieldwriter, pool: GroupedPool):
        self._fw = fieldwriter
        self._pool = pool

    def add_postings(self, schema, lengths, items) -> None:
        fw = self._fw
        # Per-block length statistics need each posting's length: Whoosh's own loop.
        if not isinstance(items, _Postings) or lengths is not None:
            fw.add_postings(schema, lengths, items)
            return
        before, after = items.split()
        fw.add_postings(schema, None, before)
        self._write_content(schema[CONTENT])
        fw.add_postings(schema, None, after())

    def _write_content(self, fieldobj) -> None:
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

    def __getattr__(self, name):
        return getattr(self._fw, name)

"""Writing the index fast (SearchIndex.rebuild and update): analysing documents in
worker processes (rebuild), and handing Whoosh the word postings grouped by term (both).

Measured on this corpus (2 cores), Whoosh 2.7.5 spent ~3 µs in Python per posting
between add_document and commit (pool.add with its size estimate, sorting, merging
spilled runs, then one add_posting call each) — ~15 M word postings for 63,000
articles. Here the analysis workers group each chunk's word postings by term, the
writer keeps them as arrays per term, and at commit fills Whoosh's posting blocks a
block at a time (whoosh_internals.py: that part fills Whoosh's private block buffers).
Every other field goes through Whoosh's own path. The index written is the same, byte
for byte, as Whoosh writes one document at a time (tests/core/test_search_build.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

from reader.core.model import IndexDoc
from reader.core.search import analyzer as ana
from reader.core.search.schema import doc_fields
from reader.core.search.whoosh_internals import CONTENT, Grouped, GroupedPool

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

CHUNK = 256  # documents per unit of work; grams.BLOCK is a multiple of it

# (field values, updated_at) per document
Rows = list[tuple[dict[str, Any], str]]
# rows, content postings by term, article ids, dates (yyyymmdd), gram codes per document
Analysed = tuple[Rows, Grouped, list[int], list[int], list[Any]]
# the same with the chunk's gram codes and their per-document bit rows (chunk_masks)
AnalysedChunk = tuple[Rows, Grouped, list[int], list[int], "np.ndarray", "np.ndarray"]


# Analysis (worker processes) --------------------------------------------------


def analyse(base: int, docs: list[IndexDoc], grouped: bool = True) -> Analysed:
    """Documents numbered from `base` as the writer takes them: rows of (field values,
    updated_at); ids, dates and distinct gram codes per document. grouped (the writer
    takes them: whoosh_internals.grouped_writer): the content postings grouped by term
    (bytes -> ([document numbers], [frequencies])), the content field's value in the
    rows being only its length (see schema.WordField); else the rows keep their terms."""
    rows, ids, dates, codes = [], [], [], []
    post: dict[str, tuple[list[int], list[int]]] = {}
    get = post.get
    for i, doc in enumerate(docs):
        values, (aid, date, text) = doc_fields(doc)
        docnum = base + i
        for term, freq in (values[CONTENT].items() if grouped else ()):
            entry = get(term)
            if entry is None:
                post[term] = ([docnum], [freq])
            else:
                entry[0].append(docnum)
                entry[1].append(freq)
        if grouped:
            values[CONTENT] = values["words"]  # = the sum of the frequencies
        rows.append((values, doc.updated_at or ""))
        ids.append(aid)
        dates.append(date)
        codes.append(ana.gram_codes(text))
    by_term = {term.encode("utf-8"): entry for term, entry in post.items()}
    return rows, by_term, ids, dates, codes


def analyse_chunk(base: int, docs: list[IndexDoc], grouped: bool = True) -> AnalysedChunk:
    """analyse(), with the n-gram codes of the chunk grouped (chunk_masks) for the
    rebuild's writer. Picklable both ways: runs in a worker process when parallel."""
    rows, by_term, ids, dates, codes = analyse(base, docs, grouped)
    return (rows, by_term, ids, dates, *chunk_masks(codes))


def chunk_masks(codes: list[Any]) -> tuple[np.ndarray, np.ndarray]:
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


def analysed(docs: Iterable[IndexDoc], parallel: bool, grouped: bool = True) -> Iterator[AnalysedChunk]:
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
            yield analyse_chunk(base, chunk, grouped)
            base += len(chunk)
        return
    # Documents are read here, in this thread (the catalog's SQLite connection belongs
    # to it). Each worker has a chunk and one more waits. A worker that dies raises
    # BrokenProcessPool here instead of hanging the rebuild.
    try:
        pending: deque[Future[AnalysedChunk]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(analyse_chunk, base, chunk, grouped))
            base += len(chunk)
            if len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def write_rows(writer: Any, pool: GroupedPool | None, chunk: AnalysedChunk | Analysed, replace: bool) -> str:
    """Hand one analysed chunk to a Whoosh writer (set up by grouped_writer, or pool None:
    Whoosh's own path); the latest updated_at among its documents."""
    rows, grouped = chunk[0], chunk[1]
    add = writer.update_document if replace else writer.add_document
    latest = ""
    for values, updated in rows:
        add(**values)
        latest = max(latest, updated)
    if pool is not None:
        pool.add_grouped(grouped)
    return latest

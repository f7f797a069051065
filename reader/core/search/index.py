"""The search index: a Whoosh index in the archive's index/ folder, derived from the
catalog. Missing, corrupt or built by another analyzer version: it is recreated (empty,
`was_rebuilt` set) and sync_index refills it; never fatal."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import sys
import threading
from array import array
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from whoosh import index as windex
from whoosh.codec.whoosh3 import W3Codec

from reader.core.archive.types import ArchiveError
from reader.core.model import IndexDoc
from reader.core.search import analyzer as ana
from reader.core.search.grams import FILE_NAME as GRAMS_FILE
from reader.core.search.grams import GramStore
from reader.core.search.schema import LENGTH_ONLY, doc_fields, make_schema, packed_freq

log = logging.getLogger(__name__)

INDEX_NAME = "opdc"
META_FILE = "reader-search.json"
# Whoosh's writer buffers postings in memory up to this before spilling runs to disk.
WRITER_MB = 256
REBUILD_MB = 512


LENGTH_STATS = False  # measured: same query times with them, 13% slower builds


def _codec() -> W3Codec:
    """Whoosh's codec, with or without per-block length statistics (collecting them
    reads the length column once per posting: ~13% of the build time here; without
    them BM25's block bounds are loose and top-k pruning weaker)."""
    codec = W3Codec()
    codec.length_stats = LENGTH_STATS
    return codec


# Segments as separate files, not one compound file: Whoosh reads a column out of a
# compound file by copying it whole into memory (138 MB for the stored text at 60,000
# articles), while a separate file is read where needed.
COMPOUND = False


class IndexUnavailable(ArchiveError):
    """A read-only archive whose index cannot be opened (it cannot be rebuilt there)."""


class SearchIndex:
    def __init__(self, index_dir: Path, ix, grams: GramStore, reason: str | None, meta: dict):
        self.index_dir = index_dir
        self.ix = ix
        self.grams = grams
        # created: there was no index; was_rebuilt: one was there but unusable (damaged,
        # or built by another analyzer) and was recreated empty. Either way sync_index
        # (or rebuild) fills it from the catalog.
        self.created = reason == "missing"
        self.was_rebuilt = reason is not None and reason != "missing"
        self.rebuild_reason = reason
        self._meta = meta
        self._lock = threading.RLock()
        self._searcher = None

    # Opening -------------------------------------------------------------

    @classmethod
    def open(cls, index_dir: Path, readonly: bool = False) -> SearchIndex:
        """Open the index in index_dir; create it when missing, recreate it empty when it
        cannot be read or was built by another analyzer (flag `was_rebuilt`).

        readonly (an archive on a read-only medium): open what is there without writing
        anything; an index that is missing or unusable raises IndexUnavailable."""
        index_dir = Path(index_dir)
        if readonly:
            return cls._open_readonly(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        meta = _read_meta(index_dir)
        expected = _analyzer_id()
        reason = None
        try:
            exists = windex.exists_in(str(index_dir), indexname=INDEX_NAME)
        except Exception as exc:  # a damaged TOC raises here already
            exists, reason = True, f"unreadable: {exc.__class__.__name__}: {exc}"
        if reason is None and not exists:
            reason = "missing"
        elif reason is None and meta is None:
            reason = "no version file"
        elif reason is None and meta.get("analyzer") != expected:
            reason = "built by another analyzer version"
        elif reason is None:
            ix = grams = None
            try:
                ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
                if set(ix.schema.names()) != set(make_schema().names()):
                    raise ValueError("schema changed")
                with ix.searcher() as s:  # reads the segment and TOC files
                    n = s.doc_count()
                    s.reader().doc_frequency("content", "การ")
                    if n:
                        s.stored_fields(0)
                if not (index_dir / GRAMS_FILE).exists():
                    raise FileNotFoundError(GRAMS_FILE)
                grams = GramStore(index_dir / GRAMS_FILE)
                grams.check()
                if grams.count() != n:
                    # Not damage: another process may be between its Whoosh commit and
                    # its n-gram commit, or one was killed there. The version file's
                    # `latest` only moves after both, so sync_index re-indexes those
                    # articles. Recreating here would wipe another writer's work.
                    log.info("search index at %s: n-gram store holds %d articles, index %d;"
                             " sync repairs it", index_dir, grams.count(), n)
                return cls(index_dir, ix, grams, None, meta)
            except Exception as exc:  # any damage: rebuild, never fatal
                log.warning("search index at %s unreadable (%s): recreating", index_dir, exc)
                reason = f"unreadable: {exc.__class__.__name__}: {exc}"
                for thing in (ix, grams):
                    try:
                        if thing is not None:
                            thing.close()
                    except Exception:
                        pass
        ix, grams, meta = _create(index_dir)
        return cls(index_dir, ix, grams, reason, meta)

    @classmethod
    def _open_readonly(cls, index_dir: Path) -> SearchIndex:
        meta = _read_meta(index_dir)
        try:
            if meta is None or meta.get("analyzer") != _analyzer_id():
                raise ValueError("missing or built by another version")
            ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME, readonly=True)
            grams = GramStore(index_dir / GRAMS_FILE, readonly=True)
            grams.check()
        except Exception as exc:
            raise IndexUnavailable(
                f"the search index of this read-only archive cannot be used ({exc}); "
                "copy the archive somewhere writable to rebuild it") from exc
        return cls(index_dir, ix, grams, None, meta)

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self.ix.close()
            self.grams.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # Writing -------------------------------------------------------------

    def update(self, docs: Iterable[IndexDoc]) -> int:
        """Add or replace these articles (by id). Returns how many."""
        n = 0
        latest = self._meta.get("latest", "")
        with self._lock:
            items = []
            writer = self.ix.writer(timeout=30.0, limitmb=WRITER_MB, codec=_codec(), compound=COMPOUND)
            try:
                for doc in docs:
                    values, (aid, date, text) = doc_fields(doc)
                    writer.update_document(**values)
                    items.append((aid, date, ana.grams(text)))
                    latest = max(latest, doc.updated_at or "")
                    n += 1
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            # After Whoosh: if this fails the stamp is not advanced and sync repairs it.
            self.grams.add(items)
            self._set_meta(latest=latest)
        return n

    def delete(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        with self._lock:
            writer = self.ix.writer(timeout=30.0, codec=_codec(), compound=COMPOUND)
            for article_id in ids:
                writer.delete_by_term("id", str(article_id))
            writer.commit()
            self.grams.delete(ids)

    def rebuild(
        self,
        docs: Iterable[IndexDoc],
        total: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        parallel: bool = True,
    ) -> int:
        """Drop everything and index these documents in one writer. Returns how many.
        parallel: analyse in a second process (spawned, so safe beside Qt threads)
        while this one writes; falls back to one process if that cannot start."""
        with self._lock:
            self._close_searcher()
            self.ix.close()
            self.grams.close()
            self.ix, self.grams, self._meta = _create(self.index_dir)
            writer = self.ix.writer(limitmb=REBUILD_MB, codec=_codec(), compound=COMPOUND)
            pool = writer.pool = _GroupedPool(writer.pool)
            n = 0
            latest = ""
            try:
                for rows, grouped, ids, dates, masks in analysed(docs, parallel):
                    for values, updated in rows:
                        writer.add_document(**values)
                        latest = max(latest, updated)
                    pool.add_grouped(grouped)
                    self.grams.add_chunk(ids, dates, masks)
                    before, n = n, n + len(rows)
                    if progress and n // 100 != before // 100:
                        progress(n, total or 0)
                self.grams.finish_chunks()
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            self.grams.checkpoint()
            self._set_meta(latest=latest)
            if progress:
                progress(n, total or n)
        return n

    def mark_synced(self, latest: str) -> None:
        """Record that the index now matches the catalog up to `latest`."""
        with self._lock:
            self._set_meta(latest=latest)

    # Reading -------------------------------------------------------------

    def stamp(self) -> tuple[int, str]:
        """(number of articles, latest catalog change indexed): compare with
        archive.index_stamp()."""
        with self._lock:
            return self.searcher().doc_count(), self._meta.get("latest", "")

    def indexed_ids(self) -> set[int]:
        """Ids of the articles in the index (reads every stored document: used only
        when the stamps disagree)."""
        with self._lock:
            return {int(f["doc"]["id"]) for f in self.searcher().reader().all_stored_fields()}

    def searcher(self):
        """A searcher on the latest committed state (reused while nothing changed)."""
        with self._lock:
            # Not Searcher.refresh(): with an empty index it fails inside Whoosh
            # (EmptyReader.segments() is None).
            if self._searcher is not None and not self._searcher.up_to_date():
                self._searcher.close()
                self._searcher = None
            if self._searcher is None:
                self._searcher = self.ix.searcher()
            return self._searcher

    def search(self, query: str, filters=None, sort: str = "relevance", limit: int = 20, offset: int = 0,
               snippets: bool = True):
        """Results for a query string (see query.py for the language); never raises."""
        from reader.core.search.query import run_search

        with self._lock:
            return run_search(self.searcher(), self.grams, query, filters, sort, limit, offset, snippets)

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.index_dir.iterdir() if p.is_file())

    # Internals -----------------------------------------------------------

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def _set_meta(self, **values) -> None:
        self._meta.update(values)
        _write_meta(self.index_dir, self._meta)


def _analyzer_id() -> str:
    return f"{ana.TOKENIZER_VERSION}:{ana.dictionary_digest()}"


def _read_meta(index_dir: Path) -> dict | None:
    try:
        return json.loads((index_dir / META_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _write_meta(index_dir: Path, meta: dict) -> None:
    tmp = index_dir / (META_FILE + ".tmp")
    tmp.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    os.replace(tmp, index_dir / META_FILE)


def _create(index_dir: Path):
    """An empty index and trigram store in index_dir, after removing whatever was
    there (it is derived from the catalog)."""
    for path in index_dir.iterdir():
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    ix = windex.create_in(str(index_dir), make_schema(), indexname=INDEX_NAME)
    grams = GramStore(index_dir / GRAMS_FILE)
    meta = {"analyzer": _analyzer_id(), "latest": ""}
    _write_meta(index_dir, meta)
    return ix, grams, meta


CHUNK = 256  # documents per unit of work; grams.BLOCK is a multiple of it
CONTENT = "content"


def _analyse_chunk(base: int, docs: list[IndexDoc]):
    """What the writer needs of a chunk of documents numbered from `base`:
    - rows of (field values, updated_at), the content field's value being only its
      length: its postings come grouped by term (bytes -> document numbers,
      frequencies), so the writer handles a term per chunk instead of a posting;
    - ids and dates, and the n-gram bitmaps over the chunk (gram code -> bits, bit i
      for ids[i]: one OR per gram and chunk in the writer).
    Picklable both ways: runs in a worker process when the rebuild is parallel."""
    rows, ids, dates, codes = [], [], [], []
    post: dict[bytes, tuple[list[int], list[int]]] = {}
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
        values[CONTENT] = values["words"]  # the field length (see schema.WordField)
        rows.append((values, doc.updated_at or ""))
        ids.append(aid)
        dates.append(date)
        codes.append(ana.gram_codes(text))
    grouped = {term.encode("utf-8"): entry for term, entry in post.items()}
    return rows, grouped, ids, dates, _chunk_masks(codes)


def _chunk_masks(codes: list) -> dict[int, int]:
    """gram code -> bitmask of the documents (list positions) whose distinct codes
    hold it; numpy does the grouping (one sort over the chunk)."""
    import numpy as np

    if not codes:
        return {}
    sizes = [len(c) for c in codes]
    doc = np.repeat(np.arange(len(codes), dtype=np.int64), sizes)
    keys = np.concatenate(codes).astype(np.int64) << 8 | doc  # CHUNK <= 256
    keys.sort()
    gram = keys >> 8
    doc = keys & 0xFF
    new = np.empty(len(keys), dtype=bool)
    new[:1] = True
    np.not_equal(gram[1:], gram[:-1], out=new[1:])
    group = np.cumsum(new) - 1
    firsts = gram[new].tolist()
    # 32 bytes (256 bits) per gram: OR the documents' bits in with a sum (each bit once)
    flat = group * 32 + (doc >> 3)
    bits = np.bincount(flat, weights=np.left_shift(1, doc & 7).astype(np.float64),
                       minlength=len(firsts) * 32).astype(np.uint8).tobytes()
    frombytes = int.from_bytes
    return {g: frombytes(bits[j * 32 : j * 32 + 32], "little") for j, g in enumerate(firsts)}


class _GroupedPool:
    """Stands in for a Whoosh SegmentWriter's posting pool (`writer.pool`) during a
    rebuild. Whoosh 2.7.5 sends every posting through pool.add (a Python call with a
    size estimate, ~3 µs), spills sorted runs to disk past `limitmb` and merges them at
    commit: for ~15 M word postings that was the largest part of the writing process.
    Here the content field's postings arrive grouped by term from the analysis
    (add_grouped) and are kept as arrays; its length-only marker postings
    (schema.LENGTH_ONLY) are dropped; every other field's postings go to Whoosh's pool
    as usual. At commit iter_postings hands Whoosh's field writer the same sorted
    stream of (field, term, docnum, weight, value) the pool would have given.

    Relies on (whoosh 2.7.5, writing.SegmentWriter): `self.pool` is read by
    add_document (pool.add), _flush_segment (pool.iter_postings) and _close_segment
    (pool.cleanup). test_search_build.py checks that an index written this way equals
    one written through Whoosh's own path, posting for posting."""

    def __init__(self, pool):
        self._pool = pool
        self._terms: dict[bytes, tuple[array, array]] = {}

    def add(self, item) -> None:
        if item[1] is not LENGTH_ONLY:
            self._pool.add(item)

    def add_grouped(self, grouped: dict[bytes, tuple[list[int], list[int]]]) -> None:
        terms = self._terms
        for term, (docnums, freqs) in grouped.items():
            entry = terms.get(term)
            if entry is None:
                terms[term] = (array("I", docnums), array("I", freqs))
            else:
                entry[0].extend(docnums)
                entry[1].extend(freqs)

    def _content(self):
        terms = self._terms
        for term in sorted(terms):
            docnums, freqs = terms.pop(term)
            for docnum, freq in zip(docnums, freqs, strict=True):
                yield CONTENT, term, docnum, float(freq), packed_freq(freq)

    def iter_postings(self):
        it = iter(self._pool.iter_postings())  # a list when nothing was spilled
        for item in it:
            if item[0] > CONTENT:
                yield from self._content()
                yield item
                yield from it
                return
            if item[0] == CONTENT:
                raise ValueError("content postings in both pools")
            yield item
        yield from self._content()

    def __getattr__(self, name):
        return getattr(self._pool, name)


def _workers() -> int:
    """Analysis processes beside the writing one: as many as there are cores (up to
    3): on 2 cores the writer takes about a third of the CPU time, so two analysers
    and the writer keep both cores busy."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(3, cores))


def analysed(docs: Iterable[IndexDoc], parallel: bool):
    """_analyse_chunk results for consecutive chunks, in order; analysed in spawned
    worker processes when parallel (while this one writes), else here."""
    it = iter(docs)
    chunks = iter(lambda: list(islice(it, CHUNK)), [])
    pool = None
    # A frozen app re-runs itself for a spawned child unless its entry point calls
    # multiprocessing.freeze_support(): analyse in-process there.
    if parallel and not getattr(sys, "frozen", False):
        try:
            pool = ProcessPoolExecutor(_workers(), mp_context=multiprocessing.get_context("spawn"))
        except Exception as exc:  # no /dev/shm, no semaphores...
            log.info("parallel analysis unavailable (%s): one process", exc)
    base = 0
    if pool is None:
        for chunk in chunks:
            yield _analyse_chunk(base, chunk)
            base += len(chunk)
        return
    # Documents are read here, in this thread (the catalog's SQLite connection belongs
    # to it). A few chunks are in flight: each worker busy, one more queued. A worker
    # that dies raises BrokenProcessPool here instead of hanging the rebuild.
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(_analyse_chunk, base, chunk))
            base += len(chunk)
            if len(pending) > pool._max_workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

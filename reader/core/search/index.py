"""The search index: a Whoosh index in the archive's index/ folder, derived from the
catalog. Missing, corrupt or built by another analyzer version: it is recreated (empty,
`was_rebuilt` set) and sync_index refills it; never fatal."""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index as windex
from whoosh.codec.whoosh3 import W3Codec

from reader.core.archive.types import ArchiveError
from reader.core.model import IndexDoc
from reader.core.search import analyzer as ana
from reader.core.search import whoosh_internals
from reader.core.search.build import CHUNK, analyse, analysed, write_rows
from reader.core.search.grams import FILE_NAME as GRAMS_FILE
from reader.core.search.grams import GramStore
from reader.core.search.schema import make_schema

if TYPE_CHECKING:
    from reader.core.search import rank
    from reader.core.search.query import Filters, Results

log = logging.getLogger(__name__)

INDEX_NAME = "opdc"
META_FILE = "reader-search.json"
# Whoosh's writer buffers postings in memory up to this before spilling runs to disk.
WRITER_MB = 256
REBUILD_MB = 512
UPDATE_BATCH = 4096  # articles per commit in update(): bounds memory on a large sync


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


class _OldLayout(Exception):
    """An index that works but is rebuilt once: searching a compound segment copies its
    stored column into memory (~450 MB at 60,000 articles; see COMPOUND)."""


class IndexUnavailable(ArchiveError):
    """A read-only archive whose index cannot be opened (it cannot be rebuilt there)."""


class SearchIndex:
    def __init__(self, index_dir: Path, ix: Any, grams: GramStore, reason: str | None, meta: dict[str, Any]):
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
        self._searcher: Any = None
        # what ranking reads once per searcher (rank.Tables): replaced with the searcher
        self._tables: rank.Tables | None = None

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
        reason = _unusable(index_dir, meta)
        if reason is None and meta is not None:
            ix = grams = None
            try:
                ix = windex.open_dir(str(index_dir), indexname=INDEX_NAME)
                grams = _check(index_dir, ix)
                return cls(index_dir, ix, grams, None, meta)
            except Exception as exc:  # any damage: rebuild, never fatal
                if isinstance(exc, _OldLayout):
                    log.info("search index at %s %s: rebuilding it once", index_dir, exc)
                    reason = f"old layout: {exc}"
                else:
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
            self._close_searcher()
            self.ix.close()
            self.grams.close()

    def reload(self) -> None:
        """Read the index afresh after another process wrote to it (the window's sync runs
        in a child, which may even have recreated it): the same object, so whoever holds
        it keeps it; raises like `open` would when it cannot be read."""
        with self._lock:
            self.close()
            self.ix = windex.open_dir(str(self.index_dir), indexname=INDEX_NAME)
            self.grams = _check(self.index_dir, self.ix)
            self._meta = _read_meta(self.index_dir) or {"analyzer": _analyzer_id(), "latest": ""}
            self.created = self.was_rebuilt = False
            self.rebuild_reason = None

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Writing -------------------------------------------------------------

    def update(self, docs: Iterable[IndexDoc]) -> int:
        """Add or replace these articles (by id). Returns how many. A Whoosh commit,
        then an n-gram store commit, per UPDATE_BATCH articles; the version stamp moves
        only at the end (an update that fails half-way is redone by sync_index)."""
        n = 0
        latest = self._meta.get("latest", "")
        it = iter(docs)
        with self._lock:
            while batch := list(islice(it, UPDATE_BATCH)):
                latest = max(latest, self._update(batch))
                n += len(batch)
            if n:
                self._set_meta(latest=latest)
        return n

    def _update(self, docs: list[IndexDoc]) -> str:
        items: list[tuple[int, int, Any]] = []
        latest = ""
        writer = self.ix.writer(timeout=30.0, limitmb=WRITER_MB, codec=_codec(), compound=COMPOUND)
        try:
            pool = whoosh_internals.grouped_writer(writer)
            for i in range(0, len(docs), CHUNK):
                chunk = analyse(writer.docnum, docs[i : i + CHUNK], grouped=pool is not None)
                latest = max(latest, write_rows(writer, pool, chunk, replace=True))
                _rows, _grouped, ids, dates, codes = chunk
                items.extend(zip(ids, dates, codes, strict=True))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        # After Whoosh: if this fails the stamp is not advanced and sync repairs it.
        self.grams.add(items)
        return latest

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
            pool = whoosh_internals.grouped_writer(writer)
            n = 0
            latest = ""
            try:
                for chunk in analysed(docs, parallel, grouped=pool is not None):
                    latest = max(latest, write_rows(writer, pool, chunk, replace=False))
                    rows, _grouped, ids, dates, codes, masks = chunk
                    self.grams.add_chunk(ids, dates, codes, masks)
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
            return int(self.searcher().doc_count()), str(self._meta.get("latest", ""))

    def indexed_ids(self) -> set[int]:
        """Ids of the articles in the index (reads every stored document: used only
        when the stamps disagree)."""
        with self._lock:
            return {int(f["doc"]["id"]) for f in self.searcher().reader().all_stored_fields()}

    def searcher(self) -> Any:
        """A searcher on the latest committed state (reused while nothing changed)."""
        with self._lock:
            # Not Searcher.refresh(): with an empty index it fails inside Whoosh
            # (EmptyReader.segments() is None).
            if self._searcher is not None and not self._searcher.up_to_date():
                self._close_searcher()
            if self._searcher is None:
                self._searcher = self.ix.searcher()
            return self._searcher

    def tables(self) -> rank.Tables:
        """What ranking reads once per searcher (postings of common words, lengths,
        article ids, dates), for the current searcher: a new searcher starts afresh.
        Imports numpy (rank.py) on first use."""
        from reader.core.search import rank

        with self._lock:
            searcher = self.searcher()
            if self._tables is None or self._tables.searcher is not searcher:
                self._tables = rank.Tables(searcher)
            return self._tables

    def warm(self) -> None:
        """Load what the first search needs (numpy, the length, article and date tables),
        under the index lock: the searcher's files must not be read by two threads at once
        (the window warms in the background while its GUI thread may search)."""
        with self._lock:
            self.tables().warm()

    def search(self, query: str, filters: Filters | None = None, sort: str = "relevance", limit: int = 20,
               offset: int = 0, snippets: bool = True) -> Results:
        """Results for a query string (see query.py for the language); never raises."""
        from reader.core.search.query import run_search

        with self._lock:
            return run_search(self.tables(), self.grams, query, filters, sort, limit, offset, snippets)

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.index_dir.iterdir() if p.is_file())

    # Internals -----------------------------------------------------------

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._tables = None

    def _set_meta(self, **values: str) -> None:
        self._meta.update(values)
        _write_meta(self.index_dir, self._meta)


def _unusable(index_dir: Path, meta: dict[str, Any] | None) -> str | None:
    """Why the index in index_dir cannot be opened as it is, before reading it (None:
    try it)."""
    try:
        exists = windex.exists_in(str(index_dir), indexname=INDEX_NAME)
    except Exception as exc:  # a damaged TOC raises here already
        return f"unreadable: {exc.__class__.__name__}: {exc}"
    if not exists:
        return "missing"
    if meta is None:
        return "no version file"
    if meta.get("analyzer") != _analyzer_id():
        return "built by another analyzer version"
    return None


def _check(index_dir: Path, ix: Any) -> GramStore:
    """Read enough of an opened index to know it is whole (raises when not: damage, or
    _OldLayout); its n-gram store, checked too."""
    if set(ix.schema.names()) != set(make_schema().names()):
        raise ValueError("schema changed")
    if any(seg.is_compound() for seg in whoosh_internals.segments(ix)):
        raise _OldLayout("written as compound segment files by an earlier version")
    with ix.searcher() as s:  # reads the segment and TOC files
        n = s.doc_count()
        s.reader().doc_frequency("content", "การ")
        if n:
            s.stored_fields(0)
    if not (index_dir / GRAMS_FILE).exists():
        raise FileNotFoundError(GRAMS_FILE)
    grams = GramStore(index_dir / GRAMS_FILE)
    try:
        grams.check()
    except BaseException:
        grams.close()
        raise
    if grams.count() != n:
        # Not damage: another process may be between its Whoosh commit and its n-gram
        # commit, or one was killed there. The version file's `latest` only moves after
        # both, so sync_index re-indexes those articles. Recreating here would wipe
        # another writer's work.
        log.info("search index at %s: n-gram store holds %d articles, index %d; sync repairs it",
                 index_dir, grams.count(), n)
    return grams


def _analyzer_id() -> str:
    return f"{ana.TOKENIZER_VERSION}:{ana.dictionary_digest()}"


def _read_meta(index_dir: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads((index_dir / META_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _write_meta(index_dir: Path, meta: dict[str, Any]) -> None:
    tmp = index_dir / (META_FILE + ".tmp")
    tmp.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    os.replace(tmp, index_dir / META_FILE)


def _create(index_dir: Path) -> tuple[Any, GramStore, dict[str, Any]]:
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

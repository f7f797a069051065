"""Import: sources -> articles -> archive -> search index, one operation.

Each article is committed on its own, so a batch killed half-way keeps what it had
stored; the index is updated in chunks right after, and whatever a kill leaves out of
it is repaired at the next start (search.sync_index compares it with the catalog).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.archive import (
    DUPLICATE,
    NEW,
    UNCHANGED,
    VERSION,
    Archive,
    ArchiveError,
    backups,
    now_iso,
)
from reader.core.archive.originals import sha256_of
from reader.core.ingest import (
    ChromeLearner,
    Failure,
    IngestError,
    Limits,
    Skipped,
    Source,
    extract,
    is_bundle,
    iter_sources,
)
from reader.core.ingest.chrome import LEARN_BYTES, MIN_PAGES, site_of
from reader.core.ingest.sources import provenance
from reader.core.model import Article

if TYPE_CHECKING:
    from reader.core.search import SearchIndex

# The index is brought up to date every INDEX_CHUNK new articles or INDEX_SECONDS,
# whichever comes first: each update is a Whoosh commit, so fewer, larger ones import
# faster (1,000 corpus articles: 27.6 s in chunks of 200, 22.7 s in one), while the time
# limit lets a window searching the same archive see a long import arrive.
INDEX_CHUNK = 1000
INDEX_SECONDS = 30.0
_CONTAINERS = (".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz", ".txz", ".warc", ".warc.gz")


@dataclass
class ImportEvent:
    done: int  # sources handled so far
    total: int | None  # sources expected, when it can be known up front
    name: str
    status: str  # NEW, VERSION, UNCHANGED, DUPLICATE, "failed", "bundle", "skipped"
    message: str = ""


@dataclass
class ImportSummary:
    counts: dict[str, int] = field(default_factory=lambda: {NEW: 0, VERSION: 0, UNCHANGED: 0, DUPLICATE: 0})
    failed: list[Failure] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # what was left out on purpose, by kind
    cancelled: bool = False
    batch_id: int | None = None
    article_ids: list[int] = field(default_factory=list)
    index_message: str | None = None
    backup_message: str | None = None  # set when the catalog backup after the batch failed

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": self.counts[NEW], "new_version": self.counts[VERSION],
            "unchanged": self.counts[UNCHANGED], "duplicate": self.counts[DUPLICATE],
            "failed": [{"name": f.name, "reason": f.reason} for f in self.failed],
            "skipped": dict(sorted(self.skipped.items())),
            "cancelled": self.cancelled, "batch": self.batch_id, "index": self.index_message,
            "backup": self.backup_message,
        }


def count_files(targets: Iterable[str | Path]) -> int | None:
    """How many files the targets hold, for a progress bar; None when unknowable (URLs)."""
    total = 0
    for target in targets:
        text = str(target)
        if text.startswith(("http://", "https://")):
            return None
        path = Path(text)
        if path.is_dir():
            total += sum(len(files) for _, _, files in os.walk(path))
        elif path.suffix.lower() in _CONTAINERS or path.name.lower().endswith(_CONTAINERS):
            return None  # a zip or tar holds an unknown number of articles
        else:
            total += 1
    return total


def import_targets(
    archive: Archive,
    targets: list[str | Path],
    progress: Callable[[ImportEvent], None] | None = None,
    cancel: threading.Event | None = None,
    index: SearchIndex | None = None,
    limits: Limits | None = None,
) -> ImportSummary:
    """Import files, folders, zips, bundles and feed URLs into `archive`.

    `index` is an open search.SearchIndex to keep current (None: no index update)."""
    run = _Run(archive, targets, progress, index)
    summary = run.summary
    with archive.batch(wait=2.0):
        summary.batch_id = archive.imports.begin([str(t) for t in targets])
        chrome = ChromeLearner(archive.site_chrome.known())
        finished = False
        try:
            for target in targets:
                for item in learned_first(iter_sources(target, limits), chrome):
                    if cancel is not None and cancel.is_set():
                        summary.cancelled = True
                        break
                    run.take(item, chrome)
                if summary.cancelled:
                    break
            finished = True
        finally:
            run.finish(chrome, finished)
    if summary.counts[NEW] or summary.counts[VERSION]:
        summary.backup_message = backups.after_import(archive)
    return summary


class _Run:
    """One import job under way: its summary, its progress, and the stored articles still
    waiting for the search index."""

    def __init__(self, archive: Archive, targets: list[str | Path],
                 progress: Callable[[ImportEvent], None] | None, index: SearchIndex | None):
        self.archive, self.progress, self.index = archive, progress, index
        self.summary = ImportSummary()
        self.total = count_files(targets)
        self.done = 0
        self.pending: list[int] = []
        self.last_flush = time.monotonic()

    def take(self, item: Source | Failure | Skipped, chrome: ChromeLearner) -> None:
        """Import one source (or count one failure or skip) and say so."""
        self.done += 1
        summary = self.summary
        if isinstance(item, Failure):
            summary.failed.append(item)
            self.report(item.name, "failed", item.reason)
            return
        if isinstance(item, Skipped):
            _count_skipped(summary, item)
            self.report(item.name, UNCHANGED if item.unchanged else "skipped", item.reason)
            return
        status = _import_source(self.archive, item, summary, self.pending, chrome)
        self.report(item.name, status, summary.failed[-1].reason if status == "failed" else "")
        if len(self.pending) >= INDEX_CHUNK or (
                self.pending and time.monotonic() - self.last_flush > INDEX_SECONDS):
            self.flush_index()

    def report(self, name: str, status: str, message: str = "") -> None:
        if self.progress:
            self.progress(ImportEvent(self.done, self.total, name, status, message))

    def flush_index(self) -> None:
        self.last_flush = time.monotonic()
        if self.index is not None and self.pending:
            try:
                self.index.update(self.archive.iter_index_docs(sorted(set(self.pending))))
            except Exception as exc:  # the catalog is the truth; the index is repaired later
                self.summary.index_message = (f"search index not updated ({exc}); "
                                              "it will be repaired at next start")
            self.pending.clear()

    def finish(self, chrome: ChromeLearner, finished: bool) -> None:
        """The last index update and the batch's record, however the job ended."""
        self.flush_index()
        summary = self.summary
        try:
            self.archive.imports.finish(
                summary.batch_id or 0, summary.counts, [(f.name, f.reason) for f in summary.failed],
                "cancelled" if summary.cancelled else "done" if finished else "failed",
            )
            self.archive.site_chrome.remember(chrome.learned())
        except ArchiveError:
            pass  # e.g. the disk filled up: the articles themselves are committed


def learned_first(items: Iterable[Source | Failure | Skipped], chrome: ChromeLearner,
                  hold: int = 2 * MIN_PAGES) -> Iterator[Source | Failure | Skipped]:
    """The sources, each site's first `hold` pages held back until the learner has seen
    them all, so the chrome a batch shows is known from its first page on. Sources come
    folder by folder, so only one site's pages are ever held (at most `hold` x LEARN_BYTES)."""
    held: list[Source] = []
    current = None
    for item in items:
        if isinstance(item, Failure | Skipped):
            yield item
            continue
        site = site_of(item.name, item.url)
        if site != current:
            yield from held
            held, current = [], site
        chrome.observe_source(item.name, item.url, item.data)
        small = len(item.data) <= LEARN_BYTES  # a page; a big file (a zip, a bundle) is not held
        if small and len(held) < hold and chrome.pages[site] <= hold:
            held.append(item)
            continue
        yield from held
        held = []
        yield item
    yield from held


def _import_source(archive: Archive, source: Source, summary: ImportSummary,
                   pending: list[int], chrome: ChromeLearner | None = None) -> str:
    if is_bundle(source.data):
        from reader.core.archive.bundle import merge_bundle

        try:
            merged = merge_bundle(archive, source.data, source.name, summary.batch_id)
        except (IngestError, ArchiveError) as exc:
            summary.failed.append(Failure(source.name, str(exc)))
            return "failed"
        for status, article_id in merged:
            summary.counts[status] += 1
            summary.article_ids.append(article_id)
            pending.append(article_id)
        return "bundle"
    described = _described(source)
    try:
        if described:
            articles = [Article.from_dict(d["article"]) for d in described]
        else:
            articles = extract(source, chrome=chrome)
    except (IngestError, TypeError, ValueError) as exc:
        summary.failed.append(Failure(source.name, str(exc)))
        return "failed"
    status = UNCHANGED
    for n, article in enumerate(articles):
        result = archive.add(article, source.data, provenance(source), summary.batch_id,
                             name=source.name, fetched_url=source.url, capture=source.capture)
        if described:
            _restore_own_words(archive, result.article_id, described[n])
        summary.counts[result.status] += 1
        if result.status in (NEW, VERSION):
            status = result.status if status != NEW else status
            summary.article_ids.append(result.article_id)
            pending.append(result.article_id)
        elif status == UNCHANGED:
            status = result.status
    return status


def _count_skipped(summary: ImportSummary, item: Skipped) -> None:
    if item.unchanged:  # a WARC revisit: captured again, nothing changed
        summary.counts[UNCHANGED] += 1
    else:
        summary.skipped[item.reason] = summary.skipped.get(item.reason, 0) + 1


def _described(source: Source) -> list[dict[str, Any]]:
    """Our own WARC export's descriptions of these bytes, when they really are of these
    bytes (same SHA-256) and carry an article; otherwise the bytes are read afresh."""
    if not source.described:
        return []
    sha = sha256_of(source.data)
    found = [d for d in source.described if isinstance(d.get("article"), dict) and d.get("sha256") == sha]
    return found if len(found) == len(source.described) else []


def _restore_highlights(archive: Archive, article_id: int, data: dict[str, Any]) -> None:
    """The passages marked in this version, where they still quote the same text."""
    version = archive.get(article_id).version
    have = {(h.start, h.end) for h in archive.highlights.for_article(article_id, version)}
    for mark in data.get("highlights") or []:
        try:
            start, end = int(mark["start"]), int(mark["end"])
            if (start, end) in have or archive.get(article_id).body[start:end] != mark.get("quote"):
                continue
            archive.highlights.add(article_id, version or 1, start, end, str(mark.get("note") or ""))
        except (KeyError, TypeError, ValueError):
            continue  # a passage this text does not hold: left out, the article is kept


def _restore_own_words(archive: Archive, article_id: int, data: dict[str, Any]) -> None:
    """Tags, note, bookmark, collections and earlier captures from an OPDC Reader WARC."""
    from reader.core.archive.captures import insert_capture

    _restore_highlights(archive, article_id, data)
    if data.get("version") != data.get("current_version"):
        return  # said once, with the article's latest version
    for tag in data.get("tags") or []:
        archive.tags.add(article_id, str(tag))
    if data.get("note") and not archive.notes.of(article_id):
        archive.notes.set(article_id, str(data["note"]))
    if data.get("bookmarked"):
        archive.bookmarks.set(article_id, True)
    for name in data.get("collections") or []:
        archive.collections.add(article_id, str(name))
    for capture in data.get("captures") or []:
        sha = capture.get("sha256")
        if sha and archive.originals.has(sha):
            def store(conn: sqlite3.Connection, c: dict[str, Any] = capture, s: str = sha) -> None:
                insert_capture(conn, article_id, s, c, now_iso())
            archive.db.write(store)

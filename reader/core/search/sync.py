"""Opening the archive's search index and keeping it in step with the catalog (the
catalog is the truth): the one way the CLI, export, --self-test and the window do it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from reader.core.model import IndexDoc
from reader.core.search.index import SearchIndex

if TYPE_CHECKING:
    from reader.core.archive import Archive

Progress = Callable[[int, int], None]


def open_index(archive: Archive, progress: Progress | None = None, sync: bool = True) -> SearchIndex:
    """The archive's search index: opened (recreated empty when damaged or built by
    another analyzer version) and, unless sync is False or the archive is read-only,
    brought up to date with the catalog (sync_index, with its progress). The window
    opens it with sync=False and syncs in the background (ui/indexing.py).

    A read-only archive whose index is missing or unusable raises IndexUnavailable."""
    index = SearchIndex.open(archive.index_dir, readonly=archive.readonly)
    if sync and not archive.readonly:
        try:
            sync_index(archive, index, progress)
        except BaseException:
            index.close()
            raise
    return index


def _counted(docs: Iterable[IndexDoc], total: int, progress: Progress | None) -> Iterator[IndexDoc]:
    for n, doc in enumerate(docs, 1):
        yield doc
        if progress and (n % 100 == 0 or n == total):
            progress(n, total)


def _all_ids(archive: Archive) -> list[int]:
    all_ids = getattr(archive, "all_ids", None)
    return list(all_ids()) if all_ids else list(archive.changed_since(""))


def sync_index(archive: Archive, index: SearchIndex, progress: Progress | None = None) -> int:
    """Compare the index with the catalog (count and latest change) and repair it:
    an empty index is rebuilt, changed articles are re-indexed, missing ones added and
    deleted ones dropped. Returns how many articles were (re)indexed."""
    cat_count, cat_latest = archive.index_stamp()
    idx_count, idx_latest = index.stamp()
    if (cat_count, cat_latest) == (idx_count, idx_latest):
        return 0
    if idx_count == 0:
        if cat_count == 0:
            index.mark_synced(cat_latest)
            return 0
        return index.rebuild(archive.iter_index_docs(), total=cat_count, progress=progress)
    done = 0
    changed = list(archive.changed_since(idx_latest)) if idx_latest else _all_ids(archive)
    if changed:
        done += index.update(_counted(archive.iter_index_docs(changed), len(changed), progress))
    if index.stamp()[0] != cat_count:
        catalog = set(_all_ids(archive))
        indexed = index.indexed_ids()
        missing = sorted(catalog - indexed)
        gone = sorted(indexed - catalog)
        if gone:
            index.delete(gone)
        if missing:
            done += index.update(_counted(archive.iter_index_docs(missing), len(missing), progress))
    index.mark_synced(cat_latest)
    return done

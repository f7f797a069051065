"""Keep the search index in step with the catalog (the catalog is the truth)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from reader.core.model import IndexDoc


def _counted(docs: Iterable[IndexDoc], total: int, progress) -> Iterator[IndexDoc]:
    for n, doc in enumerate(docs, 1):
        yield doc
        if progress and (n % 100 == 0 or n == total):
            progress(n, total)


def _all_ids(archive) -> list[int]:
    all_ids = getattr(archive, "all_ids", None)
    return list(all_ids()) if all_ids else list(archive.changed_since(""))


def sync_index(archive, index, progress: Callable[[int, int], None] | None = None) -> int:
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

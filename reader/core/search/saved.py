"""Saved searches run against the index: how many articles match and how many are new.

"New" means the article's current version was archived after the user last opened the
saved search, so an import or an update marks exactly what it brought ("3 new").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.search.parse import Filters

if TYPE_CHECKING:
    from reader.core.archive import Archive
    from reader.core.archive.saved import SavedSearch
    from reader.core.search.index import SearchIndex

MAX_MATCHES = 100_000  # more than any archive here holds; counts are exact below it


@dataclass(frozen=True)
class Count:
    total: int
    new: int
    message: str | None = None  # the search could not run (say why instead of a count)


def filters_of(saved: SavedSearch) -> Filters:
    f = saved.filters
    return Filters(
        date_from=_day(f.get("date_from")), date_to=_day(f.get("date_to")),
        category=f.get("category") or None, language=f.get("language") or None,
        tag=f.get("tag") or None, bookmarked=True if f.get("bookmarked") else None)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def matching_ids(index: SearchIndex, saved: SavedSearch) -> tuple[list[int], str | None]:
    results = index.search(saved.query, filters_of(saved), limit=MAX_MATCHES, snippets=False)
    return [h.article_id for h in results.hits], results.message if not results.hits else None


def count(archive: Archive, index: SearchIndex, saved: SavedSearch) -> Count:
    ids, message = matching_ids(index, saved)
    new = archive.saved.changed_after(ids, saved.seen_at) if ids else set()
    return Count(len(ids), len(new), message)


def new_ids(archive: Archive, index: SearchIndex, saved: SavedSearch) -> set[int]:
    """The matches the user has not seen yet (marked in the list)."""
    ids, _ = matching_ids(index, saved)
    return archive.saved.changed_after(ids, saved.seen_at) if ids else set()

"""Saved searches: a query with its filters kept under a name.

Only what the user chose is stored here (name, query text, filters) and when they last
opened it (`seen_at`): matches that arrived or changed after that are "new". Counting
needs the search index, so it is reader.core.search.saved's business, not the catalog's.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .catalog import now_iso
from .types import ArchiveError

if TYPE_CHECKING:
    from .store import Archive

FILTER_KEYS = ("date_from", "date_to", "category", "language", "tag", "bookmarked")


@dataclass
class SavedSearch:
    id: int
    name: str
    query: str
    filters: dict[str, Any] = field(default_factory=dict)  # FILTER_KEYS; dates as ISO text
    created_at: str = ""
    seen_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "query": self.query,
                "filters": dict(self.filters), "created_at": self.created_at,
                "seen_at": self.seen_at}


class SavedSearches:
    """The `saved_searches` table of one open archive (archive.saved)."""

    def __init__(self, archive: Archive):
        self.archive = archive

    def save(self, name: str, query: str, filters: dict[str, Any] | None = None) -> SavedSearch:
        """Keep a search under a name; the same name again replaces its query and filters."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("a saved search needs a name")
        if not query.strip():
            raise ValueError("nothing to save: the search is empty")
        data = json.dumps(_clean_filters(filters or {}), ensure_ascii=False, sort_keys=True)
        now = now_iso()

        def fn(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO saved_searches(name, query, filters, created_at, seen_at)"
                " VALUES (?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET query=excluded.query,"
                " filters=excluded.filters, seen_at=excluded.seen_at", (name, query, data, now, now))
            saved_id = conn.execute("SELECT id FROM saved_searches WHERE name=?", (name,)).fetchone()[0]
            self.archive.journal.record_row(conn, "saved_searches", {"id": saved_id})
        self.archive.db.write(fn)
        return self.by_name(name)

    def by_name(self, name: str) -> SavedSearch:
        rows = self.archive.db.query("SELECT * FROM saved_searches WHERE name=?", (" ".join(name.split()),))
        if not rows:
            raise KeyError(f"no saved search named {name!r}")
        return _row(rows[0])

    def get(self, saved_id: int) -> SavedSearch:
        rows = self.archive.db.query("SELECT * FROM saved_searches WHERE id=?", (saved_id,))
        if not rows:
            raise KeyError(f"no saved search {saved_id}")
        return _row(rows[0])

    def all(self) -> list[SavedSearch]:
        return [_row(r) for r in self.archive.db.query("SELECT * FROM saved_searches ORDER BY name")]

    def rename(self, saved_id: int, name: str) -> SavedSearch:
        name = " ".join(name.split())
        if not name:
            raise ValueError("a saved search needs a name")
        try:
            self._change(saved_id, "UPDATE saved_searches SET name=? WHERE id=?", (name, saved_id))
        except sqlite3.IntegrityError:
            raise ArchiveError(f"there is already a saved search named {name!r}") from None
        return self.get(saved_id)

    def mark_seen(self, saved_id: int, when: str | None = None) -> None:
        """The user opened it: what matches now is no longer new."""
        self._change(saved_id, "UPDATE saved_searches SET seen_at=? WHERE id=?",
                     (when or now_iso(), saved_id))

    def remove(self, saved_id: int) -> None:
        self._change(saved_id, "DELETE FROM saved_searches WHERE id=?", (saved_id,))

    def _change(self, saved_id: int, sql: str, params: tuple[Any, ...]) -> None:
        self.archive.db.change_row("saved_searches", saved_id, sql, params, f"no saved search {saved_id}")

    def changed_after(self, ids: list[int], when: str) -> set[int]:
        """Of these articles, those whose current version was archived after `when`."""
        out: set[int] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.archive.db.query(
                "SELECT a.id FROM articles a JOIN versions v ON v.article_id=a.id"
                f" AND v.version=a.current_version WHERE a.id IN ({marks}) AND v.archived_at > ?",
                (*chunk, when))
            out.update(int(r[0]) for r in rows)
        return out


def _clean_filters(filters: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in filters.items():
        if key not in FILTER_KEYS:
            raise ValueError(f"unknown filter {key!r}")
        if value in (None, "", False):
            continue
        out[key] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def _row(row: sqlite3.Row) -> SavedSearch:
    return SavedSearch(row["id"], row["name"], row["query"], json.loads(row["filters"] or "{}"),
                       row["created_at"], row["seen_at"])

"""Subscribed sources: what the user follows (a feed, a listing page, a single page) and
the fetcher's state for each; the provenance of every stored fetch; the robots.txt cache.

The tables are in the catalog (schema v3), so sources travel in backup bundles with
everything else. This manager only reads and writes rows: deciding what to fetch and
when is reader.core.fetch's business.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from .types import ArchiveError
from .urls import normalize_url

if TYPE_CHECKING:
    from .store import Archive

KINDS = ("feed", "listing", "page")
DEFAULT_EVERY = 6 * 3600  # seconds
MIN_EVERY = 15 * 60  # nobody needs a government news list more often than this
_STATE = ("etag", "last_modified", "last_fetch", "last_status", "last_message", "next_due",
          "failures", "backoff_until", "articles_added", "pages_done", "state")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Subscription:
    """One row of `sources`."""

    id: int
    kind: str
    url: str
    name: str
    every_seconds: int
    enabled: bool
    created_at: str
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    last_status: int | None = None
    last_message: str = ""
    next_due: str | None = None
    failures: int = 0
    backoff_until: str | None = None
    articles_added: int = 0
    pages_done: int = 0
    # last_message for a program (catalog v7): JSON {"code": ..., its parameters}; the
    # window words it in the reader's language, the command line prints last_message.
    state: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.url

    @property
    def state_info(self) -> dict[str, Any] | None:
        """The last state as {"code": ..., parameters} (None before the first fetch, or
        when written by a program older than catalog v7)."""
        if not self.state:
            return None
        try:
            info = json.loads(self.state)
        except ValueError:
            return None
        return info if isinstance(info, dict) and "code" in info else None

    def to_dict(self) -> dict[str, Any]:
        """The row for `sources list --json`: the state as an object, not its JSON text."""
        data = asdict(self)
        data["state"] = self.state_info
        return data


@dataclass
class FetchRecord:
    """Where a stored original came from over HTTP (kept beside its bytes)."""

    requested_url: str
    final_url: str
    status: int
    headers: list[tuple[str, str]]
    fetched_at: str

    def header(self, name: str) -> str | None:
        lower = name.lower()
        return next((v for k, v in self.headers if k.lower() == lower), None)


def parse_every(text: str) -> int:
    """'6h', '30m', '1d', '90' (minutes) -> seconds; ValueError with a clear reason."""
    raw = text.strip().lower()
    units = {"m": 60, "h": 3600, "d": 86400}
    try:
        if raw and raw[-1] in units:
            seconds = int(float(raw[:-1]) * units[raw[-1]])
        else:
            seconds = int(float(raw) * 60)
    except ValueError:
        raise ValueError(f"not an interval: {text!r} (try 30m, 6h or 1d)") from None
    if seconds < MIN_EVERY:
        raise ValueError(f"{text} is too often; a source is refreshed at most every 15 minutes")
    return seconds


def every_text(seconds: int) -> str:
    if seconds % 86400 == 0:
        return f"{seconds // 86400}d"
    if seconds % 3600 == 0:
        return f"{seconds // 3600}h"
    return f"{seconds // 60}m"


class Subscriptions:
    """The `sources`, `fetches` and `robots` tables of one open archive."""

    def __init__(self, archive: Archive):
        self.archive = archive

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        if not self._ready():
            return []  # a read-only catalog older than v3 follows nothing
        return self.archive.db.query(sql, params)

    def _ready(self) -> bool:
        return int(self.archive.db.value("PRAGMA user_version") or 0) >= 3

    # -- the sources themselves ---------------------------------------------------

    def add(self, url: str, kind: str, name: str = "", every_seconds: int = DEFAULT_EVERY) -> Subscription:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}: one of {', '.join(KINDS)}")
        if not url.lower().startswith(("http://", "https://")):
            raise ValueError(f"not a web address: {url!r} (it must start with http:// or https://)")
        every_seconds = max(MIN_EVERY, int(every_seconds))

        def fn(conn: sqlite3.Connection) -> int:
            found = conn.execute("SELECT id FROM sources WHERE url=?", (url,)).fetchone()
            if found:
                raise ArchiveError(f"already following {url} (source {found[0]})")
            new = int(conn.execute(
                "INSERT INTO sources(kind, url, name, every_seconds, created_at) VALUES (?,?,?,?,?)",
                (kind, url, " ".join(name.split()), every_seconds, _now())).lastrowid or 0)
            self.archive.journal.record_row(conn, "sources", {"id": new})  # for `recover`
            return new
        return self.get(self.archive.db.write(fn))

    def get(self, source_id: int) -> Subscription:
        rows = self._query("SELECT * FROM sources WHERE id=?", (source_id,))
        if not rows:
            raise KeyError(f"no source {source_id}")
        return _row(rows[0])

    def all(self) -> list[Subscription]:
        return [_row(r) for r in self._query("SELECT * FROM sources ORDER BY id")]

    def due(self, now: str | None = None) -> list[Subscription]:
        """Enabled sources whose time has come (never tried, or next_due passed)."""
        now = now or _now()
        rows = self._query(
            "SELECT * FROM sources WHERE enabled AND (next_due IS NULL OR next_due <= ?)"
            " AND (backoff_until IS NULL OR backoff_until <= ?) ORDER BY id", (now, now))
        return [_row(r) for r in rows]

    def edit(self, source_id: int, **fields: Any) -> Subscription:
        """Change name, url, kind, every_seconds or enabled."""
        allowed = {"name", "url", "kind", "every_seconds", "enabled"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        if "kind" in fields and fields["kind"] not in KINDS:
            raise ValueError(f"unknown kind {fields['kind']!r}")
        if "every_seconds" in fields:
            fields["every_seconds"] = max(MIN_EVERY, int(fields["every_seconds"]))
        if "enabled" in fields:
            fields["enabled"] = 1 if fields["enabled"] else 0
        if fields:
            sets = ", ".join(f"{k}=?" for k in fields)
            self._update(source_id, f"UPDATE sources SET {sets}, next_due=NULL WHERE id=?",
                         (*fields.values(), source_id))
        return self.get(source_id)

    def remove(self, source_id: int) -> None:
        """Stop following; the articles it brought stay in the archive."""
        self._update(source_id, "DELETE FROM sources WHERE id=?", (source_id,))

    def record(self, source_id: int, **state: Any) -> None:
        """Store the fetcher's state after a try (any of the state columns; `state` is
        a dict {"code": ..., parameters}, stored as JSON)."""
        unknown = set(state) - set(_STATE)
        if unknown:
            raise ValueError(f"not a state column: {', '.join(sorted(unknown))}")
        if isinstance(state.get("state"), dict):
            state["state"] = json.dumps(state["state"], ensure_ascii=False)
        if state:
            sets = ", ".join(f"{k}=?" for k in state)
            self._update(source_id, f"UPDATE sources SET {sets} WHERE id=?",
                         (*state.values(), source_id))

    def add_articles(self, source_id: int, n: int) -> None:
        if n:
            self._update(source_id, "UPDATE sources SET articles_added=articles_added+? WHERE id=?",
                         (n, source_id))

    def _update(self, source_id: int, sql: str, params: tuple[Any, ...]) -> None:
        def fn(conn: sqlite3.Connection) -> None:
            if conn.execute(sql, params).rowcount == 0:
                raise KeyError(f"no source {source_id}")
            self.archive.journal.record_row(conn, "sources", {"id": source_id})
        self.archive.db.write(fn)

    # -- what the archive already holds -----------------------------------------

    def known_url(self, url: str) -> bool:
        """An article from this address is archived in full: it was fetched from there
        before (whatever address the page gives itself), or an article names it as its
        address and is more than a feed item's summary."""
        if self._query("SELECT 1 FROM fetches WHERE requested_url=? OR final_url=? LIMIT 1",
                       (url, url)):
            return True
        key = normalize_url(url)
        return bool(key and self._query(
            "SELECT 1 FROM articles a JOIN versions v ON v.article_id=a.id AND"
            " v.version=a.current_version WHERE a.url_key=? AND v.kind != 'feed' LIMIT 1", (key,)))

    def new_since(self, when: str) -> list[int]:
        """Articles first archived after `when` (an ISO time), newest first."""
        return [r[0] for r in self._query(
            "SELECT id FROM articles WHERE created_at > ? ORDER BY id DESC", (when,))]

    # -- provenance of stored fetches ------------------------------------------------

    def record_fetch(self, sha256: str, source_id: int | None, rec: FetchRecord) -> None:
        """Keep where `sha256` came from. The first fetch of these bytes from this address
        is kept; a later identical download adds nothing."""
        self.archive.db.write(lambda conn: conn.execute(
            "INSERT OR IGNORE INTO fetches(sha256, source_id, requested_url, final_url, status,"
            " date, etag, last_modified, content_type, headers, fetched_at)"
            " SELECT ?,?,?,?,?,?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM originals WHERE sha256=?)",
            (sha256, source_id, rec.requested_url, rec.final_url, rec.status, rec.header("date"),
             rec.header("etag"), rec.header("last-modified"), rec.header("content-type"),
             json.dumps(rec.headers, ensure_ascii=False), rec.fetched_at, sha256)))

    def fetches_for(self, sha256: str) -> list[dict[str, Any]]:
        rows = self._query(
            "SELECT requested_url, final_url, status, date, etag, last_modified, content_type,"
            " headers, fetched_at, source_id FROM fetches WHERE sha256=? ORDER BY id", (sha256,))
        out = []
        for r in rows:
            item = dict(r)
            item["headers"] = json.loads(item["headers"])
            out.append(item)
        return out

    # -- robots.txt cache -------------------------------------------------------------

    def robots(self, origin: str) -> tuple[int, str, str] | None:
        rows = self._query("SELECT status, body, fetched_at FROM robots WHERE origin=?",
                                   (origin,))
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

    def store_robots(self, origin: str, status: int, body: str, fetched_at: str) -> None:
        self.archive.db.write(lambda conn: conn.execute(
            "INSERT OR REPLACE INTO robots(origin, status, body, fetched_at) VALUES (?,?,?,?)",
            (origin, status, body, fetched_at)))


def _row(r: sqlite3.Row) -> Subscription:
    data = dict(r)
    data["enabled"] = bool(data["enabled"])
    return Subscription(**data)

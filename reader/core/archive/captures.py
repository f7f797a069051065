"""Where an original was captured: the WARC record it was read from (record id, target
URI, date) and, for a web response, the HTTP status line and headers as received.

Written in the same transaction as the article version it belongs to (Archive.add), read
by `show --json` and by the WARC export, which gives the headers back as a response record
(for pages the fetcher downloaded, from its own `fetches` table).
"""

from __future__ import annotations

import json
import sqlite3
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .store import Archive

_COLUMNS = ("record_id", "target_uri", "captured_at", "record_type", "http_status", "http", "warc_file")


def insert_capture(conn: sqlite3.Connection, article_id: int, sha: str, capture: dict[str, Any],
                   now: str) -> None:
    """Remember one capture of `sha` for `article_id` (the same record twice is kept once)."""
    http = capture.get("http")
    status = None
    if http and str(http.get("status", "")).split(" ", 1)[0].isdigit():
        status = int(str(http["status"]).split(" ", 1)[0])
    conn.execute(
        "INSERT OR IGNORE INTO captures(article_id, sha256, record_id, target_uri, captured_at,"
        " record_type, http_status, http, warc_file, stored_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (article_id, sha, capture.get("record_id") or "", capture.get("target_uri") or "",
         capture.get("date") or capture.get("captured_at") or "", capture.get("record_type") or "",
         status, json.dumps(http, ensure_ascii=False) if http else None,
         capture.get("warc_file") or "", now),
    )


def _row(row: sqlite3.Row) -> dict[str, Any]:
    data = {key: row[key] for key in _COLUMNS}
    data["http"] = json.loads(data["http"]) if data["http"] else None
    data["sha256"] = row["sha256"]
    return data


class Captures:
    """Read the captures of an archive (`archive.captures`)."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive

    def for_article(self, article_id: int) -> list[dict[str, Any]]:
        rows = self._archive.db.query(
            "SELECT * FROM captures WHERE article_id=? ORDER BY captured_at, rowid", (article_id,))
        return [_row(r) for r in rows]

    def for_original(self, sha: str) -> list[dict[str, Any]]:
        """Every capture of these bytes, those with HTTP headers first: WARC records, then
        the fetcher's downloads (the `fetches` table, issue 11) in the same shape."""
        rows = self._archive.db.query(
            "SELECT * FROM captures WHERE sha256=? ORDER BY http IS NULL, captured_at, rowid", (sha,))
        found = [_row(r) for r in rows]
        fetched = [_fetch_row(r) for r in self._archive.db.query(
            "SELECT * FROM fetches WHERE sha256=? ORDER BY id", (sha,))]
        with_http = [c for c in found if c["http"]]
        return with_http + fetched + [c for c in found if not c["http"]]


def _fetch_row(row: sqlite3.Row) -> dict[str, Any]:
    """A stored fetch as a capture: the final address, when, and the response's headers."""
    try:
        reason = HTTPStatus(row["status"]).phrase
    except ValueError:
        reason = ""
    return {
        "sha256": row["sha256"], "record_id": "", "target_uri": row["final_url"],
        "captured_at": row["fetched_at"], "record_type": "response", "http_status": row["status"],
        "http": {"protocol": "HTTP/1.1", "status": f"{row['status']} {reason}".strip(),
                 "headers": json.loads(row["headers"])},
        "warc_file": "",
    }

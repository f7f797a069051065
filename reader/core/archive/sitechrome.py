"""The `site_chrome` table: lines a site prints on most of its pages, learned from
imported batches (reader/core/ingest/chrome.py) and kept for later imports."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import Archive


class SiteChrome:
    """The learned chrome of one open archive (archive.site_chrome)."""

    def __init__(self, archive: Archive):
        self.archive = archive

    def known(self) -> dict[str, dict[str, str]]:
        """Every site's learned lines: site -> {line key: line}."""
        rows: list[sqlite3.Row] = self.archive.db.query("SELECT site, line_key, line FROM site_chrome")
        out: dict[str, dict[str, str]] = {}
        for row in rows:
            out.setdefault(row[0], {})[row[1]] = row[2]
        return out

    def remember(self, learned: dict[str, dict[str, tuple[str, int]]]) -> int:
        """Keep what a batch learned (site -> {key: (line, pages)}); returns lines stored.
        A line learned again keeps the larger page count."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        rows = [(site, k, line, pages, now) for site, lines in learned.items()
                for k, (line, pages) in lines.items()]
        if not rows:
            return 0

        def fn(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT INTO site_chrome(site, line_key, line, pages, learned_at) VALUES (?,?,?,?,?)"
                " ON CONFLICT(site, line_key) DO UPDATE SET pages=max(pages, excluded.pages),"
                " learned_at=excluded.learned_at", rows)

        self.archive.db.write(fn)
        return len(rows)

    def forget(self, site: str | None = None) -> None:
        """Drop what was learned (for one site, or all)."""
        def fn(conn: sqlite3.Connection) -> None:
            if site is None:
                conn.execute("DELETE FROM site_chrome")
            else:
                conn.execute("DELETE FROM site_chrome WHERE site=?", (site,))

        self.archive.db.write(fn)

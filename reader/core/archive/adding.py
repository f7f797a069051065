"""Storing one article in the catalog: is it new, a new version of one the archive has,
the same text again, or the same text by another route? (`Archive.add` runs this inside
one transaction, after the original bytes are safely on disk.)"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3

from reader.core.model import Article

from .catalog import now_iso
from .types import AddResult, AddStatus
from .urls import normalize_url

_KEY_DROP = re.compile(r"[\s\W_]+", re.UNICODE)
# The article this one is another copy of, found by one of its keys (see find_existing).
_EXISTING = ("SELECT a.id, a.current_version, v.kind FROM articles a JOIN versions v"
             " ON v.article_id=a.id AND v.version=a.current_version WHERE ")


def title_key(article: Article) -> str:
    """Title without spaces and punctuation, with the date: how a feed item finds the page."""
    title = _KEY_DROP.sub("", article.title.casefold())
    return f"{title}|{article.date.isoformat() if article.date else ''}"


def _text_hash(article: Article) -> str:
    payload = json.dumps([article.title, article.paragraphs, article.credits], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _article_json(article: Article) -> str:
    data = article.to_dict()
    for key in ("id", "version", "sha256", "archived_at"):
        data.pop(key, None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _date(article: Article) -> str | None:
    return article.date.isoformat() if article.date else None


class Adding:
    """One article being stored: its keys, worked out once, and the rows it writes."""

    def __init__(self, conn: sqlite3.Connection, article: Article, sha: str, origin: str,
                 batch_id: int | None):
        self.conn, self.article, self.sha = conn, article, sha
        self.origin, self.batch_id = origin, batch_id
        self.now = now_iso()
        self.text_hash = _text_hash(article)
        self.url_key = normalize_url(article.source_url)
        self.title_key = title_key(article)

    def run(self, size: int) -> AddResult:
        conn, now = self.conn, self.now
        conn.execute("INSERT OR IGNORE INTO originals(sha256, size, stored_at) VALUES (?,?,?)",
                     (self.sha, size, now))
        existing = self.find_existing()
        if existing is None:
            return self._new()
        article_id, current, current_kind = existing
        same = conn.execute(
            "SELECT version FROM versions WHERE article_id=? AND text_hash=? ORDER BY version DESC",
            (article_id, self.text_hash),
        ).fetchone()
        if same is not None:
            seen_bytes = conn.execute("SELECT 1 FROM routes WHERE article_id=? AND sha256=? LIMIT 1",
                                      (article_id, self.sha)).fetchone()
            if seen_bytes:
                return AddResult(AddStatus.UNCHANGED, article_id, same[0])
            self._insert_source(article_id)
            return AddResult(AddStatus.DUPLICATE, article_id, same[0])
        if self.article.kind == "feed" and current_kind != "feed":
            # A feed item is a summary of a page already archived in full: remember the
            # route and its bytes, but do not let the summary replace the page.
            self._insert_source(article_id)
            return AddResult(AddStatus.DUPLICATE, article_id, current)
        return self._new_version(article_id, current + 1)

    def find_existing(self) -> tuple[int, int, str] | None:
        """The article this one is another copy of: same normalised URL, else the
        same title and date (a feed item and the saved page of the same news)."""
        url_key, tkey = self.url_key, self.title_key
        if url_key:
            row = self.conn.execute(_EXISTING + "a.url_key=? ORDER BY a.id LIMIT 1", (url_key,)).fetchone()
            if row:
                return row[0], row[1], row[2]
        title_part, date_part = tkey.split("|", 1)
        if len(title_part) < 8:
            return None  # too short a title to trust
        if date_part or not url_key:
            row = self.conn.execute(_EXISTING + "a.title_key=? ORDER BY a.id LIMIT 1", (tkey,)).fetchone()
            if row and (not url_key or date_part):
                return row[0], row[1], row[2]
        return None

    def _new(self) -> AddResult:
        a = self.article
        cur = self.conn.execute(
            "INSERT INTO articles(url_key, title_key, current_version, title, date, category,"
            " language, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (self.url_key, self.title_key, 1, a.title, _date(a), a.category, a.language,
             self.now, self.now),
        )
        article_id = int(cur.lastrowid or 0)
        self._insert_version(article_id, 1)
        self._insert_source(article_id)
        return AddResult(AddStatus.NEW, article_id, 1)

    def _new_version(self, article_id: int, version: int) -> AddResult:
        a = self.article
        self._insert_version(article_id, version)
        self._insert_source(article_id)
        self.conn.execute(
            "UPDATE articles SET current_version=?, title=?, date=?, category=?, language=?,"
            " url_key=COALESCE(url_key, ?), title_key=?, updated_at=? WHERE id=?",
            (version, a.title, _date(a), a.category, a.language, self.url_key, self.title_key,
             self.now, article_id),
        )
        return AddResult(AddStatus.VERSION, article_id, version)

    def _insert_version(self, article_id: int, version: int) -> None:
        self.conn.execute(
            "INSERT INTO versions(article_id, version, sha256, text_hash, kind, data, origin,"
            " archived_at, batch_id) VALUES (?,?,?,?,?,?,?,?,?)",
            (article_id, version, self.sha, self.text_hash, self.article.kind,
             _article_json(self.article), self.origin, self.now, self.batch_id),
        )

    def _insert_source(self, article_id: int) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO routes(article_id, sha256, origin, url, seen_at, batch_id)"
            " VALUES (?,?,?,?,?,?)",
            (article_id, self.sha, self.origin, self.article.source_url, self.now, self.batch_id),
        )

"""Highlights: passages a reader marked in an article, each with an optional note.

A highlight belongs to one version of an article and is stored as character offsets into
that version's body (`Article.body`: the paragraphs joined by a blank line), together with
the passage itself. Offsets survive restarts, reindexing and backup/restore because they
live in the catalog, not in the index; the passage is kept so an export, a journal or a
person can check and read it without the text at hand.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from .catalog import now_iso

if TYPE_CHECKING:
    from .store import Archive

MAX_NOTE = 20_000  # characters; a note is a comment on a passage, not a document


@dataclass
class Highlight:
    id: int
    article_id: int
    version: int
    start: int
    end: int
    quote: str
    note: str
    created_at: str
    title: str = ""  # the article's current title, for lists of highlights

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Highlights:
    """The `highlights` table of one open archive (archive.highlights)."""

    def __init__(self, archive: Archive):
        self.archive = archive

    def add(self, article_id: int, version: int, start: int, end: int, note: str = "") -> Highlight:
        """Mark body[start:end] of that version. ValueError for an empty or out-of-range
        passage; KeyError when the article or version does not exist."""
        body = self.archive.get(article_id, version).body
        if not 0 <= start < end <= len(body):
            raise ValueError(f"passage {start}..{end} is outside the text (0..{len(body)})")
        quote = body[start:end]
        if not quote.strip():
            raise ValueError("the passage is empty")
        note = _clean_note(note)

        def fn(conn: sqlite3.Connection) -> int:
            cur = conn.execute(
                "INSERT INTO highlights(article_id, version, start, end, quote, note, created_at)"
                " VALUES (?,?,?,?,?,?,?)", (article_id, version, start, end, quote, note, now_iso()))
            self.archive.journal.record_row(conn, "highlights", {"id": cur.lastrowid})
            return int(cur.lastrowid or 0)
        return self.get(self.archive.db.write(fn))

    def add_text(self, article_id: int, passage: str, note: str = "", version: int | None = None,
                 occurrence: int = 1) -> Highlight:
        """Mark the n-th occurrence of `passage` (as it reads in the body)."""
        article = self.archive.get(article_id, version)
        body, at = article.body, -1
        for _ in range(max(1, occurrence)):
            at = body.find(passage, at + 1)
            if at < 0:
                raise ValueError(f"the passage is not in article {article_id}: {passage[:40]!r}")
        return self.add(article_id, int(article.version or 1), at, at + len(passage), note)

    def get(self, highlight_id: int) -> Highlight:
        rows = self.archive.db.query(_SELECT + " WHERE h.id=?", (highlight_id,))
        if not rows:
            raise KeyError(f"no highlight {highlight_id}")
        return _row(rows[0])

    def for_article(self, article_id: int, version: int | None = None) -> list[Highlight]:
        """An article's highlights (of one version, or of all), in reading order."""
        if version is None:
            rows = self.archive.db.query(_SELECT + " WHERE h.article_id=? ORDER BY h.version, h.start",
                               (article_id,))
        else:
            rows = self.archive.db.query(_SELECT + " WHERE h.article_id=? AND h.version=? ORDER BY h.start",
                               (article_id, version))
        return [_row(r) for r in rows]

    def all(self) -> list[Highlight]:
        """Every highlight, newest first (the sidebar's Highlights section)."""
        return [_row(r) for r in self.archive.db.query(_SELECT + " ORDER BY h.created_at DESC, h.id DESC")]

    def count(self) -> int:
        return int(self.archive.db.query("SELECT count(*) FROM highlights")[0][0])

    def set_note(self, highlight_id: int, note: str) -> Highlight:
        note = _clean_note(note)
        self._change(highlight_id, "UPDATE highlights SET note=? WHERE id=?", (note, highlight_id))
        return self.get(highlight_id)

    def remove(self, highlight_id: int) -> None:
        self._change(highlight_id, "DELETE FROM highlights WHERE id=?", (highlight_id,))

    def _change(self, highlight_id: int, sql: str, params: tuple[Any, ...]) -> None:
        self.archive.db.change_row("highlights", highlight_id, sql, params, f"no highlight {highlight_id}")


_SELECT = ("SELECT h.*, a.title AS title FROM highlights h"
           " JOIN articles a ON a.id = h.article_id")


def _clean_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValueError(f"a note holds at most {MAX_NOTE:,} characters")
    return note


def _row(row: sqlite3.Row) -> Highlight:
    return Highlight(row["id"], row["article_id"], row["version"], row["start"], row["end"],
                     row["quote"], row["note"], row["created_at"], row["title"])

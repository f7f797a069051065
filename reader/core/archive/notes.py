"""The librarian's note on each article: `archive.notes`."""

from __future__ import annotations

from .catalog import Catalog


class Notes:
    """One free-text note per article ("" when there is none)."""

    def __init__(self, db: Catalog):
        self._db = db

    def set(self, article_id: int, text: str) -> None:
        self._db.change_article(article_id, "note", {"text": text}, (
            "UPDATE articles SET note=? WHERE id=?", (text, article_id)))

    def of(self, article_id: int) -> str:
        note = self._db.value("SELECT note FROM articles WHERE id=?", (article_id,))
        return str(note) if note else ""

"""The librarian's bookmarks: `archive.bookmarks`."""

from __future__ import annotations

from .catalog import Catalog


class Bookmarks:
    """An article is bookmarked or not (the article list filters on it)."""

    def __init__(self, db: Catalog):
        self._db = db

    def set(self, article_id: int, on: bool) -> None:
        self._db.change_article(article_id, "bookmark", {"on": bool(on)}, (
            "UPDATE articles SET bookmarked=? WHERE id=?", (1 if on else 0, article_id)))

    def has(self, article_id: int) -> bool:
        """Whether the article is bookmarked (False for an unknown article)."""
        return bool(self._db.value("SELECT bookmarked FROM articles WHERE id=?", (article_id,)))

    def count(self) -> int:
        return int(self._db.value("SELECT count(*) FROM articles WHERE bookmarked"))

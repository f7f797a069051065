"""The librarian's tags on articles: `archive.tags`."""

from __future__ import annotations

from .catalog import Catalog, one_line


class Tags:
    """Tags are free words; spaces inside one are squeezed to one, and one article has
    each tag once."""

    def __init__(self, db: Catalog):
        self._db = db

    def add(self, article_id: int, tag: str) -> None:
        tag = one_line(tag, "a tag cannot be empty")
        self._db.change_article(article_id, "tag", {"tag": tag, "on": True}, (
            "INSERT OR IGNORE INTO tags(article_id, tag) VALUES (?,?)", (article_id, tag)))

    def remove(self, article_id: int, tag: str) -> None:
        self._db.change_article(article_id, "tag", {"tag": tag, "on": False}, (
            "DELETE FROM tags WHERE article_id=? AND tag=?", (article_id, tag)))

    def of(self, article_id: int) -> list[str]:
        """One article's tags, sorted."""
        rows = self._db.query("SELECT tag FROM tags WHERE article_id=? ORDER BY tag", (article_id,))
        return [r[0] for r in rows]

    def counts(self) -> list[tuple[str, int]]:
        """Every tag in the archive with how many articles have it, by name."""
        rows = self._db.query("SELECT tag, count(*) FROM tags GROUP BY tag ORDER BY tag")
        return [(r[0], r[1]) for r in rows]

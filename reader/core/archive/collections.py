"""The librarian's named collections of articles: `archive.collections`."""

from __future__ import annotations

from .catalog import Catalog, now_iso, one_line


class Collections:
    """A collection is a name and the articles in it; it is made by adding its first
    article, and one article can be in many."""

    def __init__(self, db: Catalog):
        self._db = db

    def add(self, article_id: int, name: str) -> None:
        name = one_line(name, "a collection needs a name")
        self._db.change_article(
            article_id, "collection", {"name": name, "on": True},
            ("INSERT OR IGNORE INTO collections(name, created_at) VALUES (?,?)", (name, now_iso())),
            ("INSERT OR IGNORE INTO collection_items SELECT id, ? FROM collections WHERE name=?",
             (article_id, name)),
        )

    def remove(self, article_id: int, name: str) -> None:
        self._db.change_article(article_id, "collection", {"name": name, "on": False}, (
            "DELETE FROM collection_items WHERE article_id=? AND collection_id IN"
            " (SELECT id FROM collections WHERE name=?)", (article_id, name)))

    def of(self, article_id: int) -> list[str]:
        """The collections one article is in, by name."""
        rows = self._db.query("SELECT c.name FROM collections c JOIN collection_items ci ON"
                              " ci.collection_id=c.id WHERE ci.article_id=? ORDER BY c.name",
                              (article_id,))
        return [r[0] for r in rows]

    def counts(self) -> list[tuple[str, int]]:
        """Every collection with how many articles it holds, by name."""
        rows = self._db.query("SELECT c.name, count(ci.article_id) FROM collections c LEFT JOIN"
                              " collection_items ci ON ci.collection_id=c.id GROUP BY c.id"
                              " ORDER BY c.name")
        return [(r[0], r[1]) for r in rows]

"""Listing the catalog: the article list's pages, its filters and sort orders, and the
counts the sidebar shows (years, categories, languages). Read-only SQL over `Catalog`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .catalog import Catalog
from .types import ArticleRow, ListFilter

ORDERS = {
    # Plain orders so SQLite walks the (date, id) index instead of sorting 60,000 rows
    # for every page; undated articles sort as SQLite puts NULLs (last when newest first).
    "date_desc": "a.date DESC, a.id DESC",
    "date_asc": "a.date ASC, a.id ASC",
    "title_asc": "a.title ASC, a.id ASC",
    "title_desc": "a.title DESC, a.id DESC",
    "category_asc": "a.category ASC, a.date DESC, a.id DESC",
    "category_desc": "a.category DESC, a.date DESC, a.id DESC",
    "id_asc": "a.id ASC",
}
# Each of these filter fields, when set, adds its clause with the value as parameter.
_CLAUSES = {
    "category": "a.category = ?",
    "language": "a.language = ?",
    "tag": "a.id IN (SELECT article_id FROM tags WHERE tag = ?)",
    "collection": "a.id IN (SELECT ci.article_id FROM collection_items ci JOIN collections c"
                  " ON c.id=ci.collection_id WHERE c.name = ?)",
    "title_contains": "instr(lower(a.title), lower(?)) > 0",
    "batch_id": "a.id IN (SELECT article_id FROM routes WHERE batch_id = ?)",
    "created_after": "a.created_at > ?",  # "new since you last looked"
    "origin": "a.id IN (SELECT article_id FROM routes WHERE origin = ?)",  # a followed source's
}


def where(flt: ListFilter | None) -> tuple[str, list[Any]]:
    """The WHERE clause (with its leading space, or "") and parameters for a filter."""
    if flt is None:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    if flt.date_from:
        clauses.append("a.date >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to:
        clauses.append("a.date <= ?")
        params.append(flt.date_to.isoformat())
    if flt.year:
        clauses.append("a.date >= ? AND a.date < ?")
        params += [f"{flt.year:04d}-01-01", f"{flt.year + 1:04d}-01-01"]
    if flt.bookmarked is not None:
        clauses.append("a.bookmarked = ?")
        params.append(1 if flt.bookmarked else 0)
    for field, clause in _CLAUSES.items():
        value = getattr(flt, field)
        if value:
            clauses.append(clause)
            params.append(value)
    if flt.ids is not None:
        clauses.append(f"a.id IN ({','.join('?' * len(flt.ids)) or 'NULL'})")
        params += list(flt.ids)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_articles(db: Catalog, flt: ListFilter | None = None, order: str = "date_desc",
                  offset: int = 0, limit: int = 100) -> list[ArticleRow]:
    clause, params = where(flt)
    sql = (f"SELECT a.id, a.title, a.date, a.category, a.language, a.bookmarked FROM articles a"
           f"{clause} ORDER BY {ORDERS.get(order, ORDERS['date_desc'])} LIMIT ? OFFSET ?")
    rows = db.query(sql, params + [limit, offset])
    return [ArticleRow(r[0], r[1], dt.date.fromisoformat(r[2]) if r[2] else None, r[3], r[4],
                       bool(r[5])) for r in rows]


def count_articles(db: Catalog, flt: ListFilter | None = None) -> int:
    clause, params = where(flt)
    return int(db.value(f"SELECT count(*) FROM articles a{clause}", params))


def years(db: Catalog) -> list[tuple[int, int]]:
    """(year, articles) for every year with dated articles, newest first."""
    rows = db.query("SELECT substr(date,1,4) y, count(*) FROM articles WHERE date IS NOT NULL"
                    " GROUP BY y ORDER BY y DESC")
    return [(int(r[0]), r[1]) for r in rows]


def categories(db: Catalog) -> list[tuple[str, int]]:
    """(category, articles), the biggest first."""
    rows = db.query("SELECT category, count(*) FROM articles WHERE category != ''"
                    " GROUP BY category ORDER BY count(*) DESC, category")
    return [(r[0], r[1]) for r in rows]


def languages(db: Catalog) -> list[tuple[str, int]]:
    rows = db.query("SELECT language, count(*) FROM articles GROUP BY language ORDER BY 2 DESC")
    return [(r[0], r[1]) for r in rows]

"""The article list: a table model that loads rows a page at a time.

Qt asks `canFetchMore`/`fetchMore` as the view scrolls, so a 60,000-article archive
costs one count query and one page of rows at start, never the whole catalog.
Rows come from a *source*: the catalog with a filter, or search results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from reader.core.archive import Archive, ListFilter
    from reader.core.search import Filters, SearchIndex
    from reader.core.search.parse import Notice

PAGE = 200
TITLE, DATE, CATEGORY, SNIPPET = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEGMENTS_ROLE = Qt.ItemDataRole.UserRole + 2  # snippet as [(text, is_hit), ...]


@dataclass
class ListRow:
    id: int
    title: str
    date: dt.date | None
    category: str
    bookmarked: bool = False
    snippet: list[tuple[str, bool]] = field(default_factory=list)


class RowSource(Protocol):
    def count(self) -> int: ...
    def fetch(self, offset: int, limit: int, order: str) -> list[ListRow]: ...


class CatalogSource:
    """Articles of the archive matching a ListFilter.

    Reads ahead: sorting the catalog costs the same for 200 rows as for 1,000, so one
    query serves the first pages the view asks for while it settles and scrolls."""

    sortable = True
    READ_AHEAD = 1000

    def __init__(self, archive: Archive, flt: ListFilter | None = None) -> None:
        self.archive, self.flt = archive, flt
        self._buffer: list[ListRow] = []
        self._buffer_at = 0
        self._buffer_order = ""

    def count(self) -> int:
        return self.archive.count_articles(self.flt)

    def fetch(self, offset: int, limit: int, order: str) -> list[ListRow]:
        start = offset - self._buffer_at
        if order != self._buffer_order or start < 0 or start + limit > len(self._buffer):
            rows = self.archive.list_articles(self.flt, order=order, offset=offset,
                                              limit=max(limit, self.READ_AHEAD))
            self._buffer = [ListRow(r.id, r.title, r.date, r.category, r.bookmarked) for r in rows]
            self._buffer_at, self._buffer_order, start = offset, order, 0
        return self._buffer[start:start + limit]

    def forget(self) -> None:
        """Drop the read-ahead (after a change to the catalog)."""
        self._buffer, self._buffer_order = [], ""


class SearchSource:
    """Hits of one search; the index pages them (offset/limit)."""

    sortable = False  # ordered by relevance or date, chosen in the search panel

    def __init__(self, index: SearchIndex, query: str, filters: Filters | None = None,
                 sort: str = "relevance") -> None:
        self.index, self.query, self.filters, self.sort = index, query, filters, sort
        self.terms: list[str] = []
        self.message: str | None = None
        self.notices: list[Notice] = []
        self._total: int | None = None
        self._first: list[ListRow] | None = None

    def _search(self, offset: int, limit: int) -> list[ListRow]:
        results = self.index.search(self.query, self.filters, sort=self.sort, limit=limit,
                                    offset=offset)
        self._total = results.total
        self.terms = list(results.terms)
        self.message = results.message
        self.notices = list(results.notices)
        return [ListRow(h.article_id, h.title, h.date, h.category, False, list(h.snippet))
                for h in results.hits]

    def count(self) -> int:
        if self._total is None:
            self._first = self._search(0, PAGE)
        return self._total or 0

    def fetch(self, offset: int, limit: int, order: str) -> list[ListRow]:
        if offset == 0 and self._first is not None and limit <= len(self._first) + 1:
            rows, self._first = self._first, None
            return rows
        return self._search(offset, limit)


_ORDER_KEYS = {TITLE: "title", DATE: "date", CATEGORY: "category"}


class ArticleListModel(QAbstractTableModel):
    def __init__(self, format_date: Callable[[dt.date, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.format_date = format_date
        self.source: RowSource | None = None
        self.rows: list[ListRow] = []
        self.total = 0
        self.order = "date_desc"
        self.show_snippets = False
        self._headers = ["Title", "Date", "Category", "Found text"]

    def set_headers(self, headers: list[str]) -> None:
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_source(self, source: RowSource | None) -> None:
        self.beginResetModel()
        self.source = source
        self.rows = []
        self.total = source.count() if source is not None else 0
        self.show_snippets = isinstance(source, SearchSource)
        if source is not None and self.total:
            self.rows = source.fetch(0, min(PAGE, self.total), self.order)
        self.endResetModel()

    def reload(self) -> None:
        """Read the source again (after an import or a bookmark), keeping the rows loaded."""
        keep = max(len(self.rows), PAGE)
        source = self.source
        forget = getattr(source, "forget", None)  # the catalog's read-ahead
        if forget is not None:
            forget()
        self.beginResetModel()
        self.total = source.count() if source is not None else 0
        self.rows = source.fetch(0, min(keep, self.total), self.order) if source is not None and self.total else []
        self.endResetModel()

    def refresh_dates(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, DATE), self.index(len(self.rows) - 1, DATE))

    # -- lazy loading ----------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008,N802
        if parent.isValid() or self.source is None:
            return
        start = len(self.rows)
        more = self.source.fetch(start, min(PAGE, self.total - start), self.order)
        if not more:
            self.total = start  # the source shrank (estimated totals): stop asking
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    # -- table -----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TITLE:
                return ("★ " if row.bookmarked else "") + row.title
            if col == DATE:
                return self.format_date(row.date, "short") if row.date else ""
            if col == CATEGORY:
                return row.category
            return "".join(text for text, _ in row.snippet)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # What a screen reader speaks, cell by cell along the row: the title (and
            # "bookmarked" for the star it cannot see), the date once and in full, the
            # category or found text.
            if col == TITLE:
                return f"{row.title}, {self.tr('bookmarked')}" if row.bookmarked else row.title
            if col == DATE:
                return self.format_date(row.date, "long") if row.date else ""
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and col in (TITLE, SNIPPET):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == ID_ROLE:
            return row.id
        if role == SEGMENTS_ROLE and col == SNIPPET:
            return row.snippet
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _ORDER_KEYS or not getattr(self.source, "sortable", True):
            return
        suffix = "asc" if order == Qt.SortOrder.AscendingOrder else "desc"
        self.order = f"{_ORDER_KEYS[column]}_{suffix}"
        if self.source is not None:
            self.set_source(self.source)

    def row_of(self, article_id: int) -> int:
        for i, row in enumerate(self.rows):
            if row.id == article_id:
                return i
        return -1

    def article_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

"""The article list: what it shows (the chosen group, a search), its columns and count,
which row is chosen, and following what another process adds to the archive.

The window lays the list out (`article_list_view`); `Listing` fills it. Searching and
filtering are reader.core's: this module only chooses the source of the rows (the
search index when it can be used, else the catalog by title) and shows the result.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from .announce import say
from .i18n import fill
from .models import CATEGORY, DATE, SNIPPET, TITLE, ArticleListModel, CatalogSource, SearchSource
from .searchnotice import worded

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.core.archive import ListFilter
    from reader.core.search.parse import Notice

    from .mainwindow import MainWindow


def article_list_view(model: ArticleListModel) -> QTreeView:
    """The list's tree view: one row per article, sortable, fast on 60,000 rows."""
    view = QTreeView()
    view.setObjectName("articleList")
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)  # keeps scrolling fast on 60,000 rows
    view.setAllColumnsShowFocus(True)
    # Several rows can be chosen (Shift or Ctrl with the arrows, Ctrl+Space) for Copy
    # Citation and Export as WARC; the reading pane shows the row last moved to.
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setSortingEnabled(True)
    view.header().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    view.header().setStretchLastSection(False)
    view.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
    return view


class Listing(QObject):
    """Fills the window's list (window.list_model in window.list) and follows changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.base_filter: dict = {}  # the sidebar's choice: {"year": 2556}, {"tag": "..."}
        self.terms: list[str] = []  # the words to mark in the list and the article
        self.data_version: int | None = None  # the catalog's, when last looked at
        self.known_total: int | None = None  # articles in the archive when last looked at
        self.categories: list[str] = []  # the archive's, for the category column's width
        self.counted: tuple[str, str | None, Sequence[Notice]] | None = None  # the count's query, message

    def watch_width(self) -> None:
        """Fit the columns again whenever the list's width changes (a moved splitter, a
        scroll bar showing, the page layout)."""
        self.window.list.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and watched is self.window.list.viewport():
            self.fit_category()
        return False

    def set_categories(self) -> None:
        w = self.window
        self.categories = [c for c, _ in w.archive.categories()]
        w.search.set_categories(self.categories)
        self.fit_category()

    def filter_chosen(self, flt: dict) -> None:
        # A saved search or a highlight is a place to go, not a group of the catalog.
        if "saved" in flt:
            self.window.passages.open_saved(flt["saved"])
            return
        if "highlight" in flt:
            self.window.passages.open_highlight(flt["highlight"])
            return
        self.base_filter = dict(flt)
        self.refresh()

    def list_filter(self, **extra: object) -> ListFilter:
        from reader.core.archive import ListFilter

        fields: dict = {k: v for k, v in {**self.base_filter, **extra}.items() if v is not None}
        return ListFilter(**fields)

    def refresh_library(self, keep: bool = False) -> None:
        """Sidebar, categories and list read afresh (after an import; `keep`: see refresh)."""
        w = self.window
        w.sidebar.populate(w.archive, w.year_label)
        self.set_categories()
        self.known_total = w.archive.count_articles()
        self.refresh(keep=keep)

    def refresh(self, announce: bool = True, keep: bool = False) -> None:
        """The rows for the sidebar's group and the search box, the open article kept.
        `keep` (the archive changed behind the reader: an update, another process): the
        open article stays open even when its row is not among those loaded now."""
        w = self.window
        query = w.search.query()
        filters = w.search.filters()
        self.terms = []
        index = w.usable_index()
        source: SearchSource | CatalogSource
        if query and index is not None:
            from reader.core.search import Filters

            base = {k: v for k, v in self.base_filter.items() if k in ("tag", "bookmarked")}
            if self.base_filter.get("year"):
                y = self.base_filter["year"]
                filters["date_from"] = filters["date_from"] or dt.date(y, 1, 1)
                filters["date_to"] = filters["date_to"] or dt.date(y, 12, 31)
            source = SearchSource(index, query, Filters(**filters, **base), w.search.sort_order())
        else:
            source = CatalogSource(w.archive, self.list_filter(title_contains=query or None, **filters))
        w.list_model.set_source(source)
        if isinstance(source, SearchSource):
            self.terms = source.terms or query.split()
        elif query:
            self.terms = [query]
        self.layout_columns(w.list_model.show_snippets)
        # Results in relevance order show no date arrow (it claimed a date order).
        by_relevance = isinstance(source, SearchSource) and w.search.sort_order() == "relevance"
        w.list.header().setSortIndicatorShown(not by_relevance)
        self.announce_count(query, getattr(source, "message", None), getattr(source, "notices", []), announce)
        w.reader.set_terms(self.terms)
        self.select_article(w.article.article_id, keep)

    def layout_columns(self, snippets: bool) -> None:
        """Search results trade the category column for the found text, which stretches."""
        view = self.window.list
        header = view.header()
        view.setColumnHidden(SNIPPET, not snippets)
        view.setColumnHidden(CATEGORY, snippets)
        # A fixed width from the longest date (of the 12 months, one letter spare):
        # ResizeToContents would read every loaded row.
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Interactive)
        fm = view.fontMetrics()
        longest = max(fm.horizontalAdvance(self.window.format_date(dt.date(2000, month, 28), "short"))
                      for month in range(1, 13))
        header.resizeSection(DATE, longest + fm.horizontalAdvance("M"))
        # Never narrower than the date beside the least title and category (or found
        # text): a narrowed list elides, no column runs past its edge.
        view.setMinimumWidth(header.sectionSize(DATE) + 2 * header.minimumSectionSize()
                             + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth())
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.Interactive)
        # Title and found text share the width (two stretching sections split it evenly).
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SNIPPET, QHeaderView.ResizeMode.Stretch
                                    if snippets else QHeaderView.ResizeMode.Interactive)
        self.fit_category()

    def fit_category(self) -> None:
        """The category column as wide as the longest category while the title keeps two
        thirds of what the date leaves (else narrower, its names elided like the titles),
        and never so wide that a column runs past the list's right edge."""
        view = self.window.list
        if view.isColumnHidden(CATEGORY):
            return
        header = view.header()
        fm = view.fontMetrics()
        content = max([fm.horizontalAdvance(name) for name in self.categories]
                      + [header.sectionSizeHint(CATEGORY)]) + fm.horizontalAdvance("M")
        least = header.minimumSectionSize()
        left = view.viewport().width() - header.sectionSize(DATE)  # for title and category
        width = min(content, max(header.sectionSizeHint(CATEGORY), left // 3))
        width = max(least, min(width, left - least))  # the title keeps its least width
        if header.sectionSize(CATEGORY) != width:
            header.resizeSection(CATEGORY, width)

    def announce_count(self, query: str, message: str | None, notices: Sequence[Notice] = (),
                       announce: bool = True) -> None:
        """The count (and what the search said about the query) under the search box and
        in the status bar; worded afresh each time, so a language switch reaches it."""
        self.counted = (query, message, notices)
        message = worded(notices, message)
        n = self.window.list_model.total
        if query:
            text = self.tr("%n article(s) found", "", n)
        else:
            text = self.tr("%n article(s)", "", n)
        if message:
            text += " — " + message
        self.window.search.show_count(text, announce)
        self.window.count_status.setText(text)

    def retranslate(self) -> None:
        """The count in the new language, not said again (the list is as it was)."""
        if self.counted is not None:
            self.announce_count(*self.counted, announce=False)

    def select_article(self, article_id: int | None, keep: bool = False) -> None:
        """The row of `article_id` chosen, else the first row (with `keep`, else no row:
        new articles pushed the open one below the loaded rows, and what someone is
        reading is not swapped for the newest article)."""
        row = self.window.list_model.row_of(article_id) if article_id else -1
        if row < 0 and keep and article_id is not None:
            return
        self.select_row(row)

    def select_row(self, row: int) -> None:
        w = self.window
        if w.list_model.rowCount() == 0:
            w.article.close()  # nothing matches: no unrelated article stays on show
            return
        row = row if row >= 0 else 0
        index = w.list_model.index(row, TITLE)
        flags = QItemSelectionModel.SelectionFlag
        w.list.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)

    def row_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            article_id = self.window.list_model.article_id(rows[0].row())
            if article_id is not None and article_id != self.window.article.article_id:
                self.window.article.show(article_id)

    def follow_outside_changes(self) -> bool:
        """Show what another process committed since the last look; True when it did.
        Quietly: the list keeps its place and selection, the count is not announced
        again, and the library tree is left alone while someone is moving in it."""
        w = self.window
        if w.importer.busy or w.updater.busy:
            return False  # this window's own import or update refreshes when it finishes
        try:
            version = w.archive.data_version()
        except Exception as exc:  # e.g. the drive holding the archive went away
            w.outside.stop()  # say it once, not every 2 s
            w.statusBar().showMessage(fill(self.tr("The archive can no longer be read: %1"), exc))
            return False
        if version == self.data_version:
            return False
        self.data_version = version
        if not w.sidebar.hasFocus():
            w.sidebar.populate(w.archive, w.year_label)
            self.set_categories()
        scroll = w.list.verticalScrollBar().value()
        before = w.archive.count_articles() if self.known_total is None else self.known_total
        self.refresh(announce=False, keep=True)
        w.list.verticalScrollBar().setValue(scroll)
        self.known_total = w.archive.count_articles()
        if self.known_total > before:  # one short sentence, not the whole count again
            say(w, self.tr("%n new article(s) in the archive", "", self.known_total - before))
        return True

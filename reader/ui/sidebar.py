"""The library sidebar: all articles, new since you last looked, by year, by category,
bookmarks, tags, collections, followed sources, recent imports, saved searches and
highlights. Choosing a group emits the ListFilter fields for it; a saved search or a
highlight emits {"saved": id} or {"highlight": id}, places to go rather than groups."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from .i18n import fill

if TYPE_CHECKING:
    from reader.core.archive import Archive, ListFilter
    from reader.core.archive.highlights import Highlight
    from reader.core.archive.saved import SavedSearch

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1


class Sidebar(QTreeWidget):
    filterChosen = Signal(object)  # dict of ListFilter keyword arguments; {} = all articles
    sourcesChosen = Signal()  # the "Sources" heading was activated: manage them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setUniformRowHeights(True)
        self.currentItemChanged.connect(self._chosen)
        self.itemActivated.connect(self._activated)
        self.sources_heading: QTreeWidgetItem | None = None
        self.extras: Callable[[], tuple[tuple[str, dict] | None, Sequence[tuple[str, dict]]]] | None = None
        self._last: dict = {}  # "All articles", what the window shows first
        # Filters live here, items hold only their position: Python dicts stored in
        # item data go through QVariant conversions (and a PySide refcount bug with bools).
        self._filters: list[dict | None] = []
        # Counts of a saved search's matches (total, new) come from the search index, which
        # the window owns: it sets this when an index is usable (None: names only).
        self.saved_counter: Callable[[SavedSearch], tuple[int, int] | None] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Library"))
        self.setAccessibleDescription(self.tr(
            "Groups of articles: all, new since you last looked, by year, by category, bookmarks, "
            "tags, collections, followed sources, recent imports, saved searches and highlights"))

    def populate(self, archive: Archive, year_label: Callable[[int], str]) -> None:
        """Fill from the catalog (a few GROUP BY queries), keeping the current choice;
        filterChosen is emitted only when that choice no longer exists. `extras`, when
        set, gives the "New since you last looked" entry and one entry per source."""
        new, sources = self.extras() if self.extras is not None else (None, [])
        keep = self._last
        self.blockSignals(True)
        self.clear()
        self._filters = []
        total = archive.count_articles()
        self._add(None, fill(self.tr("All articles (%1)"), total), {})
        if new is not None:
            self._add(None, *new)
        bookmarks = archive.count_articles(_filter(bookmarked=True))
        self._add(None, fill(self.tr("Bookmarks (%1)"), bookmarks), {"bookmarked": True})
        groups: list[tuple[str, list[tuple[str, dict]]]] = [
            (self.tr("By year"), [(f"{year_label(y)} ({n})", {"year": y}) for y, n in archive.years()]),
            (self.tr("By category"), [(f"{c} ({n})", {"category": c}) for c, n in archive.categories()]),
            (self.tr("Tags"), [(f"{t} ({n})", {"tag": t}) for t, n in archive.tags.counts()]),
            (self.tr("Collections"), [(f"{c} ({n})", {"collection": c})
                                      for c, n in archive.collections.counts()]),
            (self.tr("Sources"), list(sources)),
            (self.tr("Recent imports"), [
                (f"{b.started_at[:16].replace('T', ' ')} (+{b.new})", {"batch_id": b.id})
                for b in archive.imports.recent(10)]),
            (self.tr("Saved searches"), self._saved_entries(archive)),
            (self.tr("Highlights"), [(self._highlight_label(h), {"highlight": h.id})
                                     for h in archive.highlights.all()[:200]]),
        ]
        for label, children in groups:
            parent = self._add(None, label, None)
            for text, flt in children:
                self._add(parent, text, flt)
            parent.setExpanded(label in (self.tr("By year"), self.tr("Tags"), self.tr("Sources")))
            if label == self.tr("Sources"):
                self.sources_heading = parent
                parent.setToolTip(0, self.tr("Followed feeds and pages; Enter manages them"))
        self.select(keep)
        self.blockSignals(False)
        current = self.currentItem()
        chosen = self.filter_of(current) if current is not None else {}
        if chosen != keep:  # the group is gone (e.g. its last tag removed): say so
            self._last = chosen or {}
            self.filterChosen.emit(self._last)

    def _saved_entries(self, archive: Archive) -> list[tuple[str, dict]]:
        entries = []
        for saved in archive.saved.all():
            counted = self.saved_counter(saved) if self.saved_counter else None
            if counted is None:
                entries.append((saved.name, {"saved": saved.id}))
                continue
            total, new = counted
            label = (fill(self.tr("%1 (%2, %3 new)"), saved.name, total, new) if new
                     else f"{saved.name} ({total})")
            entries.append((label, {"saved": saved.id}))
        return entries

    @staticmethod
    def _highlight_label(mark: Highlight) -> str:
        quote = " ".join(mark.quote.split())
        quote = quote if len(quote) <= 60 else quote[:59] + "…"
        return f"“{quote}” — {mark.title[:40]}"

    def _add(self, parent: QTreeWidgetItem | None, text: str, flt: dict | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, FILTER_ROLE, len(self._filters))
        self._filters.append(flt)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, text)
        item.setToolTip(0, text)  # the sidebar is narrow at large interface sizes
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def select(self, flt: dict) -> None:
        for item in self._items():
            if self.filter_of(item) == flt:
                self.setCurrentItem(item)
                return
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)

    def filter_of(self, item: QTreeWidgetItem) -> dict | None:
        return self._filters[int(item.data(0, FILTER_ROLE))]

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top is None:
                continue
            out.append(top)
            out.extend(child for j in range(top.childCount()) if (child := top.child(j)) is not None)
        return out

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if item is self.sources_heading:
            self.sourcesChosen.emit()

    def _chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        if item is None:
            return
        flt = self.filter_of(item)
        if flt is None:  # a group heading: nothing to filter by
            return
        self._last = flt
        self.filterChosen.emit(flt)


def _filter(**kwargs: Any) -> ListFilter:
    from reader.core.archive import ListFilter

    return ListFilter(**kwargs)

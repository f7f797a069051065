"""The main window: library sidebar, search and article list, reading pane.

It wires widgets to reader.core calls and holds no rules of its own: what an article
is, how it is stored, searched or dated all comes from reader.core.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.thaidate import format_date

from . import i18n, themes
from .actions import ActionRegistry
from .exporting import ExportController
from .forms import name_widget
from .importing import ImportController
from .indexing import IndexController
from .menus import THEME_ACTIONS, build_menus
from .models import CATEGORY, DATE, SNIPPET, TITLE, ArticleListModel, CatalogSource, SearchSource
from .preferences import PreferencesDialog
from .readerpane import ArticleView, ReaderPane
from .searchpanel import SearchPanel, SnippetDelegate
from .settings import ZOOM_MAX, ZOOM_MIN, ZOOM_STEP, Settings, save_settings
from .sidebar import Sidebar

OUTSIDE_POLL_MS = 2000  # how often the window looks for another process's commits


class MainWindow(QMainWindow):
    def __init__(self, archive: Any, settings: Settings, index: Any = None,
                 family: str = "", lang: str = "en", index_opener: Any = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.archive, self.settings, self.index = archive, settings, index
        self.lang = lang
        self.base_filter: dict = {}
        self.shown_era: str | None = None
        self.article_id: int | None = None
        self.version: int | None = None
        self.terms: list[str] = []
        self.base_font = QApplication.font()
        self.registry = ActionRegistry(self, settings.shortcuts)
        self.importer = ImportController(self, archive, index)
        self.importer.finished.connect(self._after_import)

        self.sidebar = Sidebar()
        self.search = SearchPanel()
        self.list_model = ArticleListModel(self.format_date, self)
        self.list = QTreeView(objectName="articleList")
        self.list.setModel(self.list_model)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)  # keeps scrolling fast on 60,000 rows
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSortingEnabled(True)
        self.list.header().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.list.header().setStretchLastSection(False)
        self.list.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.snippets = SnippetDelegate(self._hit_colors(), self.list)
        self.list.setItemDelegateForColumn(SNIPPET, self.snippets)
        self.list.selectionModel().selectionChanged.connect(self._row_chosen)
        # Enter (or double-click) on a row: read it, the focus moves to the article.
        self.list.activated.connect(lambda _index: self.reader.setFocus(Qt.FocusReason.OtherFocusReason))
        self.reader = ReaderPane()
        self.reader.family = family
        self.reader.linkRequested.connect(self.open_url)
        self.reader.versionRequested.connect(lambda v: self.show_article(self.article_id, v))

        middle = QWidget(objectName="listPanel")
        column = QVBoxLayout(middle)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.search)
        column.addWidget(self.list, 1)
        # Library | (list beside the article). When the window is narrow for its font (a
        # scaled interface) the article goes below the list instead, so nothing is crushed.
        self.content = QSplitter(Qt.Orientation.Horizontal, objectName="contentSplitter")
        self.content.addWidget(middle)
        self.content.addWidget(self.reader)
        self.content.setStretchFactor(0, 3)
        self.content.setStretchFactor(1, 4)
        self.content.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.content)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 7)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.setAcceptDrops(True)

        self.zoom_box = QSpinBox(objectName="zoomBox")
        self.zoom_box.setRange(ZOOM_MIN, ZOOM_MAX)
        self.zoom_box.setSingleStep(ZOOM_STEP)
        self.zoom_box.setSuffix("%")
        self.zoom_box.valueChanged.connect(self.set_zoom)
        self.count_status = QLabel(objectName="statusCount")
        self.statusBar().addPermanentWidget(self.count_status)
        built = build_menus(self, self.registry, self.zoom_box)
        self.menus, self.toolbar, self.zoom_level = built.menus, built.toolbar, built.zoom_level
        self.indexer = IndexController(self, archive, index, self.statusBar(), index_opener)
        self.indexer.finished.connect(self._index_ready)
        self.exporter = ExportController(self, archive)
        self._connect_actions()
        self.sidebar.filterChosen.connect(self._filter_chosen)
        self.search.changed.connect(self.refresh_list)
        self.setTabOrder(self.sidebar, self.search.box)
        self.setTabOrder(self.search.box, self.search.year_from)
        self.setTabOrder(self.search.sort, self.list)
        self.setTabOrder(self.list, self.reader)
        # Another process (a command-line import, a second window) may add articles: the
        # catalog is polled (one PRAGMA) and the window follows without being asked.
        self.outside = QTimer(self, objectName="outsideChanges", interval=OUTSIDE_POLL_MS)
        self.outside.timeout.connect(self.follow_outside_changes)
        self._data_version: int | None = None
        self.retranslate()
        self.apply_settings(settings, first=True)
        self._restore_layout()

    # -- building ------------------------------------------------------------------------------
    def _connect_actions(self) -> None:
        r = self.registry
        r.connect("import_files", self.import_files)
        r.connect("import_folder", self.import_folder)
        r.connect("print", lambda: self._print("print"))
        r.connect("print_preview", lambda: self._print("preview"))
        r.connect("save_pdf", lambda: self.save_article("pdf"))
        r.connect("export_docx", lambda: self.save_article("docx"))
        r.connect("export_report", self.export_list)
        r.connect("print_reading_size", self.set_print_reading_size)
        r.connect("quit", self.close)
        r.connect("find", self.search.focus_box)
        r.connect("preferences", self.edit_preferences)
        r.connect("zoom_in", lambda: self.set_zoom(self.settings.zoom_percent + ZOOM_STEP))
        r.connect("zoom_out", lambda: self.set_zoom(self.settings.zoom_percent - ZOOM_STEP))
        r.connect("zoom_reset", lambda: self.set_zoom(100))
        r.connect("scale_interface", self.set_scale_interface)
        for choice, name in THEME_ACTIONS.items():
            r[name].triggered.connect(lambda _=False, c=choice: self.set_theme(c))
        r.connect("common_era", lambda on: self.set_era("ce" if on else "be"))
        r.connect("next_pane", lambda: self.cycle_focus(1))
        r.connect("previous_pane", lambda: self.cycle_focus(-1))
        r["bookmark"].triggered.connect(self.set_bookmark)
        r.connect("edit_tags", self.edit_tags)
        r.connect("edit_note", self.edit_note)
        r.connect("open_link", self.open_source_link)
        r.connect("about", self.about)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("OPDC Reader"))
        titles = {"file": self.tr("&File"), "edit": self.tr("&Edit"), "view": self.tr("&View"),
                  "theme": self.tr("&Theme"), "article": self.tr("&Article"), "help": self.tr("&Help")}
        for key, title in titles.items():
            self.menus[key].setTitle(title)
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.toolbar.setAccessibleName(self.tr("Main toolbar"))
        name_widget(self.zoom_box, self.tr("Text size"),
                    self.tr("Size of the article text; Ctrl+= and Ctrl+- change it, Ctrl+0 resets"))
        name_widget(self.list, self.tr("Articles"),
                    self.tr("Articles in the chosen group or matching the search; Enter reads one"))
        self.list_model.set_headers([self.tr("Title"), self.tr("Date"), self.tr("Category"),
                                     self.tr("Found text")])
        self.zoom_level.setText(self.tr("Text size: %1%").replace("%1", str(self.settings.zoom_percent)))
        self.registry.translate_ui()
        self.sidebar.retranslate()
        self.search.retranslate()
        self.reader.retranslate()
        self.exporter.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- start ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Fill the window; on an empty, writable archive import the bundled sample."""
        self._data_version = self.archive.data_version()
        self.outside.start()
        self.refresh_library()
        if getattr(self.archive, "readonly", False):
            self.indexer.start(repair=False)  # search what is there; change nothing
        elif self.archive.count_articles() == 0:
            self.statusBar().showMessage(self.tr("Importing the sample articles…"))
            self.importer.start([], sample=True)
        else:
            self.indexer.start()

    def _index_ready(self, _updated: Any) -> None:
        self.index = self.importer.index = self.indexer.index
        if self.search.query():
            self.refresh_list()

    def usable_index(self) -> Any:
        """The index when nothing is writing to it; else None (search by title meanwhile)."""
        return self.indexer.usable(importing=self.importer.busy)

    def refresh_library(self) -> None:
        self.sidebar.populate(self.archive, self.year_label)
        self.search.set_categories([c for c, _ in self.archive.categories()])
        self.refresh_list()

    def follow_outside_changes(self) -> bool:
        """Show what another process committed since the last look; True when it did.
        Quietly: the list keeps its place and selection, the count is not announced
        again, and the library tree is left alone while someone is moving in it."""
        if self.importer.busy:
            return False  # this window's own import refreshes when it finishes
        try:
            version = self.archive.data_version()
        except Exception as exc:  # e.g. the drive holding the archive went away
            self.outside.stop()  # say it once, not every 2 s
            self.statusBar().showMessage(self.tr("The archive can no longer be read: %1").replace("%1", str(exc)))
            return False
        if version == self._data_version:
            return False
        self._data_version = version
        if not self.sidebar.hasFocus():
            self.sidebar.populate(self.archive, self.year_label)
            self.search.set_categories([c for c, _ in self.archive.categories()])
        scroll = self.list.verticalScrollBar().value()
        self.refresh_list(announce=False)
        self.list.verticalScrollBar().setValue(scroll)
        return True

    # -- formatting ----------------------------------------------------------------------------
    def format_date(self, d: dt.date, style: str = "long") -> str:
        return format_date(d, era=self.settings.era, style=style, lang=self.lang)

    def year_label(self, year: int) -> str:
        return str(year + 543 if self.settings.era == "be" else year)

    # -- list ----------------------------------------------------------------------------------
    def _filter_chosen(self, flt: dict) -> None:
        self.base_filter = dict(flt)
        self.refresh_list()

    def _list_filter(self, **extra: Any) -> Any:
        from reader.core.archive import ListFilter

        fields = {k: v for k, v in {**self.base_filter, **extra}.items() if v is not None}
        return ListFilter(**fields)

    def refresh_list(self, announce: bool = True) -> None:
        query = self.search.query()
        filters = self.search.filters()
        self.terms = []
        index = self.usable_index()
        if query and index is not None:
            from reader.core.search import Filters

            base = {k: v for k, v in self.base_filter.items() if k in ("tag", "bookmarked")}
            if self.base_filter.get("year"):
                y = self.base_filter["year"]
                filters["date_from"] = filters["date_from"] or dt.date(y, 1, 1)
                filters["date_to"] = filters["date_to"] or dt.date(y, 12, 31)
            source: Any = SearchSource(index, query, Filters(**filters, **base),
                                       self.search.sort_order())
        else:
            source = CatalogSource(self.archive, self._list_filter(
                title_contains=query or None, **filters))
        self.list_model.set_source(source)
        if isinstance(source, SearchSource):
            self.terms = source.terms or query.split()
        elif query:
            self.terms = [query]
        self._layout_columns(self.list_model.show_snippets)
        self._announce_count(query, getattr(source, "message", None), announce)
        self.reader.set_terms(self.terms)
        self._select_row(self.list_model.row_of(self.article_id) if self.article_id else -1)

    def _layout_columns(self, snippets: bool) -> None:
        """Search results trade the category column for the found text, which stretches."""
        header = self.list.header()
        self.list.setColumnHidden(SNIPPET, not snippets)
        self.list.setColumnHidden(CATEGORY, snippets)
        # A fixed width from a long date: ResizeToContents would read every loaded row.
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Interactive)
        sample = self.format_date(dt.date(2000, 12, 30), "short") + "MM"
        header.resizeSection(DATE, self.list.fontMetrics().horizontalAdvance(sample))
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.Interactive)
        # Title and found text share the width (two stretching sections split it evenly).
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SNIPPET, QHeaderView.ResizeMode.Stretch
                                    if snippets else QHeaderView.ResizeMode.Interactive)

    def _announce_count(self, query: str, message: str | None, announce: bool = True) -> None:
        n = self.list_model.total
        if query:
            text = self.tr("%n article(s) found", "", n)
        else:
            text = self.tr("%n article(s)", "", n)
        if message:
            text += " — " + message
        self.search.show_count(text, announce)
        self.count_status.setText(text)

    def _select_row(self, row: int) -> None:
        if self.list_model.rowCount() == 0:
            if self.article_id is None:
                self.reader.show_article(None)
            return
        row = row if row >= 0 else 0
        index = self.list_model.index(row, TITLE)
        self.list.selectionModel().setCurrentIndex(
            index, self.list.selectionModel().SelectionFlag.ClearAndSelect
            | self.list.selectionModel().SelectionFlag.Rows)

    def _row_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            article_id = self.list_model.article_id(rows[0].row())
            if article_id is not None and article_id != self.article_id:
                self.show_article(article_id)

    def current_index(self) -> QModelIndex:
        return self.list.currentIndex()

    # -- the open article ----------------------------------------------------------------------
    def show_article(self, article_id: int | None, version: int | None = None) -> None:
        if article_id is None:
            return
        try:
            article = self.archive.get(article_id, version)
        except KeyError:
            self.statusBar().showMessage(self.tr("That article is no longer in the archive."))
            return
        self.article_id, self.version = article_id, version
        versions = self.archive.versions(article_id)
        view = ArticleView(
            title=article.title,
            date_text=self.format_date(article.date) if article.date else "",
            category=article.category,
            paragraphs=list(article.paragraphs),
            credits=list(article.credits),
            source_url=article.source_url,
            tags=self.archive.tags_for(article_id),
            note=self.archive.note(article_id),
            versions=[(v.version, v.archived_at[:10]) for v in versions],
            current_version=article.version,
        )
        self.reader.show_article(view, self.terms)
        self.registry["bookmark"].setChecked(self.archive.is_bookmarked(article_id))
        self.registry["open_link"].setEnabled(bool(article.source_url))
        self.setWindowTitle(f"{article.title} — {self.tr('OPDC Reader')}")

    def set_bookmark(self, on: bool) -> None:
        if self.article_id is None:
            self.registry["bookmark"].setChecked(False)
            return
        if self._change(self.archive.set_bookmark, self.article_id, bool(on)):
            self.statusBar().showMessage(self.tr("Bookmarked") if on else self.tr("Bookmark removed"), 3000)
            self._after_change()

    def set_tags(self, tags: list[str]) -> None:
        if self.article_id is None:
            return
        old = set(self.archive.tags_for(self.article_id))
        new = {t.strip() for t in tags if t.strip()}
        for tag in sorted(old - new):
            self._change(self.archive.remove_tag, self.article_id, tag)
        for tag in sorted(new - old):
            self._change(self.archive.add_tag, self.article_id, tag)
        self._after_change()

    def set_note(self, text: str) -> None:
        if self.article_id is not None and self._change(self.archive.set_note, self.article_id, text):
            self._after_change()

    def _change(self, fn: Any, *args: Any) -> bool:
        try:
            fn(*args)
            return True
        except Exception as exc:  # ArchiveError (read-only, in use...) or a refused tag
            QMessageBox.warning(self, self.tr("OPDC Reader"), str(exc))
            return False

    def _after_change(self) -> None:
        self.sidebar.populate(self.archive, self.year_label)
        self.list_model.reload()
        self.show_article(self.article_id, self.version)
        self._select_row(self.list_model.row_of(self.article_id) if self.article_id else -1)

    def edit_tags(self) -> None:
        if self.article_id is None:
            return
        current = ", ".join(self.archive.tags_for(self.article_id))
        text, ok = QInputDialog.getText(self, self.tr("Tags"), self.tr(
            "Tags of this article, separated by commas:"), text=current)
        if ok:
            self.set_tags(text.split(","))

    def edit_note(self) -> None:
        if self.article_id is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Note"), self.tr(
            "Your note about this article:"), self.archive.note(self.article_id))
        if ok:
            self.set_note(text)

    def open_source_link(self) -> None:
        if self.article_id is None:
            return
        url = self.archive.get(self.article_id, self.version).source_url
        if url:
            self.open_url(QUrl(url))

    def open_url(self, url: QUrl) -> None:
        """Only on the reader's request, and only web or mail links."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    # -- reading comfort -----------------------------------------------------------------------
    def set_zoom(self, percent: int) -> None:
        percent = max(ZOOM_MIN, min(ZOOM_MAX, int(percent)))
        self.settings.zoom_percent = percent
        self.reader.set_zoom(percent)
        if self.zoom_box.value() != percent:
            self.zoom_box.blockSignals(True)
            self.zoom_box.setValue(percent)
            self.zoom_box.blockSignals(False)
        self.zoom_level.setText(self.tr("Text size: %1%").replace("%1", str(percent)))
        self.registry["zoom_in"].setEnabled(percent < ZOOM_MAX)
        self.registry["zoom_out"].setEnabled(percent > ZOOM_MIN)
        self._scale_interface()
        self.statusBar().showMessage(self.tr("Text size %1%").replace("%1", str(percent)), 2000)

    def set_scale_interface(self, on: bool) -> None:
        self.settings.scale_interface = bool(on)
        self.search.show_filters(not on)  # large controls: filters fold away, one click opens
        self._scale_interface()

    def _scale_interface(self) -> None:
        size = self.interface_point_size()
        if size != getattr(self, "_applied_size", None):
            self._applied_size = size
            self.set_theme(self.settings.theme)

    def arrange(self) -> None:
        """Article beside the list when the window is wide for its font, else below it."""
        char = self.fontMetrics().averageCharWidth() or 7
        wide = self.width() >= char * 160
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.content.orientation() != orientation:
            self.content.setOrientation(orientation)
            room = self.content.width() if wide else self.content.height()
            self.content.setSizes([room * 2 // 5, room * 3 // 5])
        self.sidebar.setMinimumWidth(char * 12)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.sizes_pending:
            self.sizes_pending = False
            width = self.splitter.width()
            self.splitter.setSizes([width * 17 // 100, width * 83 // 100])
            self.arrange()
            room = self.content.width() if self.content.orientation() == Qt.Orientation.Horizontal \
                else self.content.height()
            self.content.setSizes([room * 2 // 5, room * 3 // 5])  # the article gets the most

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.arrange()

    def interface_point_size(self) -> float | None:
        """Menus, lists and buttons follow the text size only when the user asks."""
        if not self.settings.scale_interface:
            return None
        return self.base_font.pointSizeF() * self.settings.zoom_percent / 100

    def set_theme(self, choice: str) -> None:
        self.settings.theme = choice
        app = QApplication.instance()
        theme = themes.apply_theme(app, choice, self.interface_point_size())
        self.registry[THEME_ACTIONS[choice]].setChecked(True)
        self.snippets.colors = self._hit_colors(theme)
        self.reader.hit_colors = self._hit_colors(theme)
        self.reader.set_family(self.reader.family)  # re-render links in the new colours
        self.list.viewport().update()
        self.arrange()

    def _hit_colors(self, theme: themes.Theme | None = None) -> tuple:
        theme = theme or themes.load_theme(themes.resolve(self.settings.theme))
        return theme.color("hit_background"), theme.color("hit_text")

    def _system_scheme_changed(self, *_: Any) -> None:
        if self.settings.theme == "system":
            self.set_theme("system")

    def set_era(self, era: str) -> None:
        changed = era != self.shown_era
        self.settings.era = self.shown_era = era
        action = self.registry["common_era"]
        action.blockSignals(True)  # the toggle would call back here
        action.setChecked(era == "ce")
        action.blockSignals(False)
        self.search.set_era(era)
        if not changed or self.sidebar.topLevelItemCount() == 0:
            return  # not filled yet: start() shows everything in the chosen era
        self.list_model.refresh_dates()
        self.sidebar.populate(self.archive, self.year_label)
        if self.article_id is not None:
            self.show_article(self.article_id, self.version)

    def set_language(self, choice: str) -> None:
        self.settings.language = choice
        self.lang = i18n.install(QApplication.instance(), choice)
        self.retranslate()
        self.list_model.refresh_dates()
        if self.article_id is not None:
            self.show_article(self.article_id, self.version)

    def apply_settings(self, s: Settings, first: bool = False) -> None:
        if first or s.language != self.settings.language:
            if not first:
                self.set_language(s.language)
        self.settings = s
        self.set_theme(s.theme)
        self.set_era(s.era)
        self.registry["scale_interface"].setChecked(s.scale_interface)
        self.registry["print_reading_size"].setChecked(s.print_at_reading_size)
        self.set_scale_interface(s.scale_interface)
        self.set_zoom(s.zoom_percent)
        hints = QApplication.styleHints()
        if first and hints is not None:
            hints.colorSchemeChanged.connect(self._system_scheme_changed)

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            chosen = dialog.chosen()
            if chosen.language != self.settings.language:
                self.set_language(chosen.language)
            self.apply_settings(chosen)
            self.save()

    def cycle_focus(self, step: int) -> None:
        panes = [self.sidebar, self.search.box, self.list, self.reader]
        current = next((i for i, w in enumerate(panes) if w.hasFocus()), -1)
        panes[(current + step) % len(panes)].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- import --------------------------------------------------------------------------------
    def import_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"), "", self.tr(
            "Pages, feeds and bundles (*.txt *.htm *.html *.xml *.rss *.atom *.zip);;All files (*)"))
        if files:
            self.start_import(files)

    def import_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.start_import([folder])

    def start_import(self, targets: list[str]) -> None:
        self.importer.start([str(t) for t in targets])

    def _after_import(self, summary: Any) -> None:
        self.statusBar().clearMessage()
        if not getattr(self.archive, "readonly", False):
            self.indexer.start()  # opens the index if needed; a no-op sync when current
        self.refresh_library()
        if self.article_id is None:
            self._select_row(0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # -- printing and export (printing.py lays out pages, exporting.py writes files) ---------
    def set_print_reading_size(self, on: bool) -> None:
        self.settings.print_at_reading_size = bool(on)

    def export_options(self, fmt: str) -> Any:
        """Print/PDF ("pdf") or Word ("docx") options: official 16 pt, or the reading size."""
        from .exporting import export_options

        zoom = self.settings.zoom_percent if self.settings.print_at_reading_size else None
        return export_options(fmt, self.lang, zoom)

    def _print(self, how: str) -> None:
        if self.article_id is None:
            return
        from . import printing

        article = self.archive.get(self.article_id, self.version)
        options = self.export_options("pdf")  # the same size on paper as in the PDF
        try:
            if how == "print":
                from PySide6.QtPrintSupport import QPrintDialog

                report = printing.report_for_print([article], options)
                printer = printing.make_printer(report.options)
                printer.setDocName(report.title)
                dialog = QPrintDialog(printer, self)
                dialog.report = report
                if dialog.exec():
                    printing.paint_report(report, printer)
            else:
                printing.preview_dialog(self, [article], options).exec()
        except Exception as exc:  # a printer problem: say it, keep the window
            QMessageBox.warning(self, self.tr("Printing"), str(exc))

    def save_article(self, fmt: str) -> None:
        """The open article (the version shown) to a Word or PDF file the user names."""
        if self.article_id is None:
            return
        from .exporting import ask_save_path, safe_file_name

        article = self.archive.get(self.article_id, self.version)
        caption = self.tr("Export to Word") if fmt == "docx" else self.tr("Save as PDF")
        name = safe_file_name(article.title, "." + fmt)
        chosen = ask_save_path(self, caption, name, (fmt,), self.exporter.filters(),
                               self.settings.export_folder)
        if chosen:
            self.settings.export_folder = str(chosen[0].parent)
            self.exporter.start(chosen[0], fmt, self.export_options(fmt), articles=[article])

    def export_list(self) -> None:
        """The list as shown (search results in their order, or the filtered catalog) as
        one report, up to reader.core.export.QUERY_LIMIT articles."""
        from reader.core import export

        from .exporting import ask_save_path, list_ids, safe_file_name

        ids, listed = list_ids(self.list_model, export.QUERY_LIMIT)
        if not ids:
            self.statusBar().showMessage(self.tr("The list is empty: there is nothing to export."), 5000)
            return
        name = safe_file_name(self.tr("News report") + " " + dt.date.today().isoformat(), "")
        chosen = ask_save_path(self, self.tr("Export the list as a report"), name + ".docx",
                               ("docx", "pdf"), self.exporter.filters(), self.settings.export_folder)
        if chosen:
            path, fmt = chosen
            self.settings.export_folder = str(path.parent)
            meta = export.ReportMeta(subject=self.search.query())
            self.exporter.start(path, fmt, self.export_options(fmt), ids=ids, listed=listed, meta=meta)

    def about(self) -> None:
        from reader import __version__

        QMessageBox.about(self, self.tr("About OPDC Reader"), self.tr(
            "OPDC Reader %1\nAn accessible reader and archive for Thai government news.")
            .replace("%1", str(__version__)))

    # -- closing -------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        s = self.settings
        if s.window_geometry:
            self.restoreGeometry(QByteArray.fromHex(s.window_geometry.encode()))
        else:
            self.resize(1280, 800)
        if s.window_state:
            self.restoreState(QByteArray.fromHex(s.window_state.encode()))
        # "outer,content" splitter states; without them, sizes are set on first show
        # (before that the splitters have no real width to share).
        states = [part for part in s.splitter_state.split(",") if part]
        for splitter, state in zip((self.splitter, self.content), states, strict=False):
            splitter.restoreState(QByteArray.fromHex(state.encode()))
        self.sizes_pending = len(states) < 2

    def save(self) -> Path:
        s = self.settings
        s.window_geometry = bytes(self.saveGeometry().toHex()).decode()
        s.window_state = bytes(self.saveState().toHex()).decode()
        s.splitter_state = ",".join(bytes(sp.saveState().toHex()).decode()
                                    for sp in (self.splitter, self.content))
        return save_settings(s)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.outside.stop()  # the archive is closed after the window
        if self.importer.busy:
            self.importer.cancel()
        from .worker import cancel_all

        cancel_all()
        try:
            self.save()
        except OSError:
            pass  # a read-only home: the settings are lost, the archive is not
        super().closeEvent(event)

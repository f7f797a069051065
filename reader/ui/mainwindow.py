"""The main window: library sidebar, search and article list, reading pane.

It lays the widgets out and wires them to the controllers that do the work: listing.py
(what the list shows), article.py (the open article and its edits, through
operations.py), appearance.py (text size, theme, interface scale), output.py (print,
PDF, Word), importing/indexing/exporting.py (background work), updating.py and
following.py (followed sources, refreshed in the background). It holds no rules of its
own: what an article is, how it is stored, searched or dated all comes from reader.core.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from reader.core.thaidate import format_date

from .actions import ActionRegistry
from .appearance import Appearance
from .article import OpenArticle
from .citing import Citing
from .exporting import ExportController
from .following import Following
from .forms import name_widget, named
from .helpmenu import HelpMenu
from .importing import ImportController
from .indexing import IndexController
from .listing import Listing, article_list_view
from .menus import THEME_ACTIONS, build_menus
from .models import SNIPPET, ArticleListModel
from .output import Output
from .panes import Panes
from .passages import Passages
from .readerpane import ReaderPane
from .searchpanel import SearchPanel, SnippetDelegate
from .settings import ZOOM_STEP, Settings, save_settings
from .sidebar import Sidebar
from .updating import UpdateController

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.core.archive import Archive
    from reader.core.importer import ImportSummary
    from reader.core.search import SearchIndex

OUTSIDE_POLL_MS = 2000  # how often the window looks for another process's commits


class MainWindow(QMainWindow):
    # Help > Recover Archive, confirmed: the application closes this window and the
    # archive, recovers it and opens a new window on it (app.Session.recover).
    recoverRequested = Signal()

    def __init__(self, archive: Archive, settings: Settings, index: SearchIndex | None = None,
                 family: str = "", lang: str = "en",
                 index_opener: Callable[[], SearchIndex | None] | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.archive, self.settings, self.index = archive, settings, index
        self.lang = lang
        self.sizes_pending = True  # splitter sizes wait for the first show (see _restore_layout)
        self.registry = ActionRegistry(self, settings.shortcuts)
        self.appearance = Appearance(self)
        self.listing = Listing(self)
        self.article = OpenArticle(self)
        self.output = Output(self)
        self.help = HelpMenu(self)
        self.passages = Passages(self)
        self.importer = ImportController(self, archive, index)
        self.sidebar = Sidebar()
        self.sidebar.saved_counter = self.passages.saved_count
        self.search = SearchPanel()
        self.list_model = ArticleListModel(self.format_date, self)
        self.list = article_list_view(self.list_model)
        self.snippets = SnippetDelegate(self.appearance.hit_colors(), self.list)
        self.list.setItemDelegateForColumn(SNIPPET, self.snippets)  # found text, hits marked
        self.reader = ReaderPane()
        self.reader.family = family
        self.content, self.splitter = self._lay_out()
        self.panes = Panes(self)
        self.count_status = named(QLabel(), "statusCount")
        self.statusBar().addPermanentWidget(self.count_status)
        built = build_menus(self, self.registry)
        self.menus, self.toolbar, self.zoom_level, self.zoom_box = (
            built.menus, built.toolbar, built.zoom_level, built.zoom_box)
        self.indexer = IndexController(self, archive, index, self.statusBar(), index_opener)
        self.exporter = ExportController(self, archive)
        self.citing = Citing(self, lambda: self.article.article_id)
        self.panes.build()
        self.updater = UpdateController(self, archive)
        self.following = Following(self)
        self.sidebar.extras = self.following.extras
        # Another process (a command-line import, a second window) may add articles: the
        # catalog is polled (one PRAGMA) and the window follows without being asked.
        self.outside = named(QTimer(self, interval=OUTSIDE_POLL_MS), "outsideChanges")
        self._connect_widgets()
        self._connect_actions()
        self.retranslate()
        self.appearance.apply(settings, first=True)
        self._restore_layout()

    # -- building ------------------------------------------------------------------------------
    def _lay_out(self) -> tuple[QSplitter, QSplitter]:
        """Library | (list beside the article); returns (content, outer) splitters."""
        middle = named(QWidget(), "listPanel")
        column = QVBoxLayout(middle)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.search)
        column.addWidget(self.list, 1)
        # When the window is narrow for its font (a scaled interface) the article goes
        # below the list instead (arrange()), so nothing is crushed.
        content = named(QSplitter(Qt.Orientation.Horizontal), "contentSplitter")
        content.addWidget(middle)
        content.addWidget(self.reader)
        content.setStretchFactor(0, 3)
        content.setStretchFactor(1, 4)
        content.setChildrenCollapsible(False)
        outer = named(QSplitter(Qt.Orientation.Horizontal), "mainSplitter")
        outer.addWidget(self.sidebar)
        outer.addWidget(content)
        outer.setStretchFactor(0, 1)
        outer.setStretchFactor(1, 7)
        outer.setChildrenCollapsible(False)
        self.setAcceptDrops(True)
        # The search panel orders its own fields (box, Filters, years...); around it:
        self.setTabOrder(self.sidebar, self.search.box)
        self.setTabOrder(self.search.sort, self.list)
        self.setTabOrder(self.list, self.reader)
        return content, outer

    def _connect_widgets(self) -> None:
        self.importer.finished.connect(self._after_import)
        self.listing.watch_width()
        self.list.selectionModel().selectionChanged.connect(self.listing.row_chosen)
        self.reader.linkRequested.connect(self.article.open_url)
        self.reader.versionRequested.connect(self.article.show_version)
        self.zoom_box.valueChanged.connect(self.appearance.set_zoom)
        self.indexer.finished.connect(self._index_ready)
        self.sidebar.filterChosen.connect(self.listing.filter_chosen)
        self.search.changed.connect(self.listing.refresh)
        self.outside.timeout.connect(self.listing.follow_outside_changes)
        self.updater.finished.connect(self.following.updated)
        self.sidebar.sourcesChosen.connect(self.following.open_sources)
        self.sidebar.filterChosen.connect(self.following.filter_chosen)

    def _connect_actions(self) -> None:
        r, look, out, art = self.registry, self.appearance, self.output, self.article
        r.bind("import_files", self.importer.ask_files)
        r.bind("import_folder", self.importer.ask_folder)
        r.bind("sources", self.following.open_sources)
        r.bind("refresh_sources", lambda: self.updater.refresh(force=True))
        r.bind("print", lambda: out.print_article("print"))
        r.bind("print_preview", lambda: out.print_article("preview"))
        r.bind("save_pdf", lambda: out.save_article("pdf"))
        r.bind("export_docx", lambda: out.save_article("docx"))
        r.bind("export_report", out.export_list)
        r.bind("export_warc", self.citing.export_warc)
        r.bind("copy_citation", lambda: self.citing.copy_citation())
        r.bind("copy_citation_as", self.citing.copy_citation_as)
        r.bind("print_reading_size", out.set_print_reading_size)
        r.bind("quit", self.close)
        r.bind("find", self.search.focus_box)
        r.bind("preferences", look.edit_preferences)
        r.bind("zoom_in", lambda: look.set_zoom(self.settings.zoom_percent + ZOOM_STEP))
        r.bind("zoom_out", lambda: look.set_zoom(self.settings.zoom_percent - ZOOM_STEP))
        r.bind("zoom_reset", lambda: look.set_zoom(100))
        r.bind("scale_interface", look.set_scale_interface)
        for choice, name in THEME_ACTIONS.items():
            r[name].triggered.connect(lambda _=False, c=choice: look.set_theme(c))
        r.bind("common_era", lambda on: look.set_era("ce" if on else "be"))
        r.bind("next_pane", lambda: self.cycle_focus(1))
        r.bind("previous_pane", lambda: self.cycle_focus(-1))
        r.bind("show_library", self.panes.set_library_shown)
        r.bind("show_list", self.panes.set_list_shown)
        r.bind("reading_mode", self.panes.set_reading)
        r.bind("go_back", self.panes.go_back)
        r.bind("full_screen", self.panes.set_full_screen)
        r.bind("pane_larger", lambda: self.panes.resize_focused(1))
        r.bind("pane_smaller", lambda: self.panes.resize_focused(-1))
        for name in ("show_library", "show_list"):
            r[name].setChecked(True)
        r["go_back"].setEnabled(False)  # only while the window shows pages
        r["bookmark"].triggered.connect(art.set_bookmark)
        r.bind("edit_tags", art.edit_tags)
        r.bind("edit_note", art.edit_note)
        r.bind("open_link", art.open_source_link)
        r.bind("help", self.help.show_help)
        r.bind("recover", self.help.ask_recover)
        r.bind("highlight", self.passages.highlight_selection)
        r.bind("remove_highlight", self.passages.remove_highlight)
        r.bind("compare_versions", self.passages.compare_versions)
        r.bind("save_search", self.passages.save_search)
        r.bind("about", self.help.about)

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
        self.appearance.show_zoom_level()
        self.registry.translate_ui()
        self.sidebar.retranslate()
        self.search.retranslate()
        self.reader.retranslate()
        self.exporter.retranslate()
        self.listing.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange and hasattr(self, "panes"):
            self.panes.full_screen_changed()  # also when the desktop ends it
        super().changeEvent(event)

    # -- start ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Fill the window; on an empty, writable archive import the bundled sample."""
        self.listing.data_version = self.archive.data_version()
        self.outside.start()
        self.updater.start()
        self.listing.refresh_library()
        # The window opens in the list (not in the toolbar's size box, the first control
        # in Qt's order): a screen reader starts on an article.
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        if getattr(self.archive, "readonly", False):
            self.indexer.start(repair=False)  # search what is there; change nothing
        elif self.archive.count_articles() == 0:
            self.statusBar().showMessage(self.tr("Importing the sample articles…"))
            self.importer.start([], sample=True)
        else:
            self.indexer.start()

    def _index_ready(self, _updated: object) -> None:
        self.index = self.importer.index = self.indexer.index
        if self.search.query():
            self.listing.refresh()

    def usable_index(self) -> SearchIndex | None:
        """The index when nothing is writing to it; else None (search by title meanwhile)."""
        return self.indexer.usable(importing=self.importer.busy)

    def sources_changed(self) -> None:
        self.following.changed()

    def _after_import(self, _summary: ImportSummary | None) -> None:
        self.statusBar().clearMessage()
        self.following.after_import(self.importer.sample)
        if not getattr(self.archive, "readonly", False):
            self.indexer.start()  # opens the index if needed; a no-op sync when current
        self.listing.refresh_library()
        if self.article.article_id is None:
            self.listing.select_row(0)

    # -- formatting ----------------------------------------------------------------------------
    def format_date(self, d: dt.date, style: str = "long") -> str:
        return format_date(d, era=self.settings.era, style=style, lang=self.lang)

    def year_label(self, year: int) -> str:
        return str(year + 543 if self.settings.era == "be" else year)

    # -- layout and keys -----------------------------------------------------------------------
    def cycle_focus(self, step: int) -> None:
        """F6 / Shift+F6 (panes.py: pages too)."""
        self.panes.cycle(step)

    def arrange(self) -> None:
        """Side by side, one above the other, or pages (panes.py)."""
        self.panes.arrange()

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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importer.start(paths)

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
        s.window_geometry = _hex(self.saveGeometry())
        if not self.panes.bars_folded():  # a toolbar the layout folded away stays the user's
            s.window_state = _hex(self.saveState())
        s.splitter_state = ",".join(_hex(sp.saveState())
                                    for sp in (self.splitter, self.content))
        return save_settings(s)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.outside.stop()  # the archive is closed after the window
        self.updater.stop()
        self.following.save()
        if self.importer.busy:
            self.importer.cancel()
        from .worker import cancel_all

        cancel_all()
        try:
            self.save()
        except OSError:
            pass  # a read-only home: the settings are lost, the archive is not
        super().closeEvent(event)


def _hex(state: QByteArray) -> str:
    """Qt's saved window and splitter state as text for the settings file."""
    return bytes(state.toHex().data()).decode("ascii")

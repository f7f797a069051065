"""How the window's panes are laid out, and moving between them (WCAG 1.4.10 reflow).

When the text is large (the interface scaled to 300% or 400%) the panes no longer fit
side by side or one above the other. The window then turns into *pages* shown one at a
time: the library, the search (box, filters and count), the article list and the
article. Enter on a row opens the article, Esc or Alt+Left goes back, F6 / Shift+F6 go
from page to page; the toolbar and status bar fold away (every command is in the menus).

The same widgets move between the two layouts (Qt reparents them), so nothing is rebuilt
and each keeps its state. The View menu shows or hides the library and the list, makes
the focused pane larger or smaller (the edge beside it moves a step; the new share is
announced), a reading mode shows the article alone, without toolbar and status bar, and
full screen gives the text the title bar's and the desktop panels' room too.
Panes are listed in one place (`panes()`), so a new sidebar section or pane is one more
entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from .announce import say
from .i18n import fill

if TYPE_CHECKING:
    from .mainwindow import MainWindow

LIST_ROWS, ARTICLE_LINES = 8, 12  # what each layout must show, or pages are used
RESIZE_STEPS = 20  # a key press moves a pane's edge by 1/20 of the window (5%)


class Panes(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.paged = False
        self.reading = False  # reading mode: the article alone
        self.stack = QStackedWidget()
        self.stack.setObjectName("layoutStack")
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.search_page = QWidget()
        self.search_page.setObjectName("searchPage")
        self.search_layout = QVBoxLayout(self.search_page)
        self.search_layout.setContentsMargins(4, 4, 4, 4)
        self.search_layout.addStretch(1)
        # The list's panel (search box above the list), laid out by the window already.
        middle = window.list.parentWidget()
        layout = middle.layout() if middle is not None else None
        if middle is None or not isinstance(layout, QVBoxLayout):
            raise RuntimeError("the article list must sit in its panel before Panes is made")
        self.middle, self.middle_layout = middle, layout

    def build(self) -> None:
        """Put the splitters in the window (called once the widgets exist)."""
        w = self.window
        self.stack.addWidget(w.splitter)
        self.stack.addWidget(self.pages)
        w.setCentralWidget(self.stack)
        w.list.activated.connect(lambda _index: self.open_article())
        w.search.box.returnPressed.connect(self.search_done)
        w.sidebar.itemActivated.connect(lambda *_: self.show_page(w.list) if self.paged else None)

    # -- which layout ---------------------------------------------------------------------------
    def panes(self) -> list[QWidget]:
        """The panes in F6 order (the widget that takes the focus in each)."""
        w = self.window
        return [w.sidebar, w.search.box, w.list, w.reader]

    def wide(self) -> bool:
        """Room for library, list and article side by side (in average characters)."""
        char = self.window.fontMetrics().averageCharWidth() or 7
        return self.window.width() >= char * 110

    def needs_pages(self) -> bool:
        """True when one above the other the list could not show LIST_ROWS rows and the
        article ARTICLE_LINES lines (sizes from the fonts in use, not from the screen)."""
        w = self.window
        if not w.settings.scale_interface:
            return False  # only the article is large: the other panes still fit beside it
        row = max(w.list.sizeHintForRow(0), w.list.fontMetrics().height() + 4)
        header = w.list.header().sizeHint().height()
        line = QFontMetricsF(w.reader.document().defaultFont()).lineSpacing()
        bars = w.menuBar().sizeHint().height() + w.toolbar.sizeHint().height() \
            + w.statusBar().sizeHint().height()
        listing = w.search.sizeHint().height() + header + LIST_ROWS * row + 16
        article = ARTICLE_LINES * line + 2 * w.reader.document().documentMargin() + 8
        room = w.height() - bars
        if self.wide():
            return max(listing, article) > room
        return listing + article > room

    def arrange(self) -> None:
        """Side by side when wide, one above the other when not, pages when neither fits."""
        w = self.window
        paged = self.needs_pages()
        if paged != self.paged:
            self.set_paged(paged)
        if paged:
            return
        wide = self.wide()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if w.content.orientation() != orientation:
            w.content.setOrientation(orientation)
            room = w.content.width() if wide else w.content.height()
            w.content.setSizes([room * 2 // 5, room * 3 // 5])
        w.sidebar.setMinimumWidth((w.fontMetrics().averageCharWidth() or 7) * 12)

    def set_paged(self, on: bool) -> None:
        w = self.window
        focus = w.focusWidget()
        self.paged = on
        middle = self.middle
        if on:
            self.search_layout.insertWidget(0, w.search)  # at the top, above a stretch
            for page in (w.sidebar, self.search_page, middle, w.reader):
                self.pages.addWidget(page)
            self.stack.setCurrentWidget(self.pages)
            self.show_page(focus if focus is not None and self._page_of(focus) else w.reader)
        else:
            self.middle_layout.insertWidget(0, w.search)
            w.splitter.insertWidget(0, w.sidebar)
            w.content.insertWidget(0, middle)
            w.content.insertWidget(1, w.reader)
            self.stack.setCurrentWidget(w.splitter)
            self.apply_visibility()
        self._fold_bars()
        w.search.count_label.setVisible(True)
        w.registry["go_back"].setEnabled(on)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _page_of(self, widget: QWidget) -> QWidget | None:
        for page in (self.window.sidebar, self.search_page, self.middle, self.window.reader):
            if page is widget or page.isAncestorOf(widget):
                return page
        return None

    # -- moving --------------------------------------------------------------------------------
    def show_page(self, widget: QWidget) -> None:
        """In the page layout: the page holding `widget`, with the focus in it."""
        page = self._page_of(widget)
        if self.paged and page is not None:
            self.pages.setCurrentWidget(page)
        target = widget if widget in self.panes() else {
            self.window.sidebar: self.window.sidebar, self.search_page: self.window.search.box,
        }.get(page, widget) if page is not None else widget
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_article(self) -> None:
        """Enter on a row: read it (its page, in the page layout)."""
        self.show_page(self.window.reader)

    def search_done(self) -> None:
        """Enter in the search box: in the page layout, on to the results."""
        if self.paged:
            self.show_page(self.window.list)

    def go_back(self) -> None:
        """Esc / Alt+Left in the page layout: article -> list -> search."""
        if not self.paged:
            return
        current = self.pages.currentWidget()
        w = self.window
        if current is w.reader:
            self.show_page(w.list)
        elif current is self.middle:
            self.show_page(w.search.box)
        else:
            self.show_page(w.list)

    def cycle(self, step: int) -> None:
        """F6 / Shift+F6: the next or previous pane that is shown (or page)."""
        panes = [p for p in self.panes() if self.paged or p.isVisibleTo(self.window)]
        if not panes:
            return
        current = next((i for i, p in enumerate(panes)
                        if p.hasFocus() or p.isAncestorOf(self.window.focusWidget() or p)), -1)
        self.show_page(panes[(current + step) % len(panes)])

    # -- View menu -----------------------------------------------------------------------------
    def set_library_shown(self, on: bool) -> None:
        if self.paged:
            if on:
                self.show_page(self.window.sidebar)
            return
        self.window.sidebar.setVisible(on)
        if on:
            self.set_reading(False)

    def set_list_shown(self, on: bool) -> None:
        if self.paged:
            if on:
                self.show_page(self.window.list)
            return
        self.middle.setVisible(on)
        if on:
            self.set_reading(False)

    def set_reading(self, on: bool) -> None:
        """Reading mode: the article alone (the library and the list hidden)."""
        w = self.window
        if self.reading == on and not on:
            return
        self.reading = on
        action = w.registry["reading_mode"]
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)
        self._fold_bars()
        if self.paged:
            if on:
                self.show_page(w.reader)
            return
        self.apply_visibility()
        if on:
            w.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fold_bars(self) -> None:
        """Toolbar and status bar only beside several panes: with one page or the article
        alone their room goes to the text (every command is in the menus, the count shows
        on the search page, announcements are spoken from the menu bar)."""
        w = self.window
        several = not self.paged and not self.reading
        w.toolbar.setVisible(several)
        w.statusBar().setVisible(several)
        for name in ("pane_larger", "pane_smaller"):
            w.registry[name].setEnabled(several)

    def set_full_screen(self, on: bool) -> None:
        """F11: the window over the whole screen (maximized again after, if it was)."""
        w = self.window
        state = w.windowState()
        full = Qt.WindowState.WindowFullScreen
        w.setWindowState(state | full if on else state & ~full)

    def full_screen_changed(self) -> None:
        """The View menu's tick follows the window, whoever changed it."""
        action = self.window.registry["full_screen"]
        action.blockSignals(True)
        action.setChecked(self.window.isFullScreen())
        action.blockSignals(False)

    def bars_folded(self) -> bool:
        """True while the layout hides the toolbar (the window's saved state must not
        keep that: it is the layout's choice, not the user's)."""
        return self.paged or self.reading

    def apply_visibility(self) -> None:
        w = self.window
        library = w.registry["show_library"].isChecked() and not self.reading
        listing = w.registry["show_list"].isChecked() and not self.reading
        w.sidebar.setVisible(library)
        self.middle.setVisible(listing)
        w.reader.setVisible(True)

    # -- sizes from the keyboard ---------------------------------------------------------------
    def resize_focused(self, direction: int) -> None:
        """Make the pane with the focus larger (+1) or smaller (-1) by one step: the edge
        between it and the pane beside it moves, the neighbour gives or takes the room.
        The new share of the window is announced (splitter sizes are saved on close)."""
        w = self.window
        found = self._edge_of(w.focusWidget())
        if found is None:
            say(w, self.tr("Move to a pane that has another beside it (F6), then resize it"))
            return
        splitter, pane, neighbour = found
        index, other = splitter.indexOf(pane), splitter.indexOf(neighbour)
        horizontal = splitter.orientation() == Qt.Orientation.Horizontal
        extent = self.stack.width() if horizontal else self.stack.height()
        step = max(1, extent // RESIZE_STEPS) * direction
        sizes = splitter.sizes()
        before = sizes[index]
        # Neither pane below its least size (Qt would take the room from elsewhere).
        step = max(step, _least(pane, horizontal) - sizes[index])
        step = min(step, sizes[other] - _least(neighbour, horizontal))
        sizes[index] += step
        sizes[other] -= step
        splitter.setSizes(sizes)
        name = self._pane_name(pane)
        if (splitter.sizes()[index] - before) * direction <= 0:
            text = (self.tr("%1 is as large as it can be") if direction > 0
                    else self.tr("%1 is as small as it can be"))
            say(w, fill(text, name))
            return
        share = round(100 * splitter.sizes()[index] / max(1, extent))
        text = (self.tr("%1: %2% of the window width") if horizontal
                else self.tr("%1: %2% of the window height"))
        say(w, fill(text, name, share))

    def _edge_of(self, widget: QWidget | None) -> tuple[QSplitter, QWidget, QWidget] | None:
        """The splitter whose edge sizes the pane holding `widget`, the innermost one where
        another pane shows: (splitter, pane, the nearest shown neighbour, the next first)."""
        w = self.window
        child = widget
        while child is not None and child is not w:
            parent = child.parentWidget()
            if isinstance(parent, QSplitter) and parent in (w.splitter, w.content):
                index = parent.indexOf(child)
                shown = [(abs(i - index), i < index, other) for i in range(parent.count())
                         if i != index and (other := parent.widget(i)) is not None
                         and not other.isHidden()]
                if shown:
                    return parent, child, min(shown, key=lambda entry: entry[:2])[2]
            child = parent
        return None

    def _pane_name(self, pane: QWidget) -> str:
        w = self.window
        if pane is w.sidebar:
            return self.tr("Library")
        if pane is self.middle:
            return self.tr("Article list")
        if pane is w.reader:
            return self.tr("Article")
        if self.middle.isHidden():  # the splitter holding the article alone
            return self.tr("Article")
        return self.tr("Article list and article")


def _least(widget: QWidget, horizontal: bool) -> int:
    """The smallest size a pane may get along the splitter (its minimum, else its hint)."""
    hint = widget.minimumSizeHint()
    least = widget.minimumWidth() if horizontal else widget.minimumHeight()
    return max(least, hint.width() if horizontal else hint.height(), 0)

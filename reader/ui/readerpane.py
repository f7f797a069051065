"""The reading pane: one article as a read-only QTextEdit.

QTextEdit, not QTextBrowser: AT-SPI exposes QTextBrowser as a label, so a screen
reader never reads the article; a read-only QTextEdit is a text node read line by line.
The document is built with QTextCursor (no HTML parsing of archived content) and never
loads a resource: nothing shown here reaches the network. Links open only when the
reader clicks one (or uses Article > Open Source Link).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QPoint,
    QRectF,
    Qt,
    QTextBoundaryFinder,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from .i18n import fill
from .marks import apply_marks

BASE_POINT_SIZE = 13.0


@dataclass
class ArticleView:
    """What the pane shows, already formatted by the window (dates in the chosen era)."""

    title: str
    date_text: str = ""
    category: str = ""
    paragraphs: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    source_url: str | None = None
    tags: list[str] = field(default_factory=list)
    note: str = ""
    versions: list[tuple[int, str]] = field(default_factory=list)  # (number, label)
    current_version: int | None = None
    notices: list[str] = field(default_factory=list)  # what the import noticed (marks), in words
    marks: list[tuple[int, int, int]] = field(default_factory=list)  # highlights: body start, end, id


def word_starts(text: str) -> list[int]:
    """Positions where a word starts, Thai included (Qt's own word moves treat a run of
    Thai letters as one word; QTextBoundaryFinder uses ICU's dictionary for Thai)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, text)
    starts, pos = [], 0
    while pos != -1 and pos < len(text):
        if not text[pos].isspace():
            starts.append(pos)
        pos = finder.toNextBoundary()
    return starts


class ReaderPane(QTextEdit):
    linkRequested = Signal(QUrl)
    versionRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPane")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setTabChangesFocus(True)  # Tab leaves the pane: keyboard users are not trapped
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUndoRedoEnabled(False)
        self.family = ""
        self.zoom_percent = 100
        self.hit_colors = (QColor("#ffe066"), QColor("#1a1a1a"))
        self.view: ArticleView | None = None
        self.terms: list[str] = []
        self.paragraph_starts: list[int] = []  # where each paragraph begins in the document
        self._labels: dict[str, str] = {}  # the pane's own words, filled by retranslate()
        self._pending_top: int | None = None  # where to scroll once the layout gets there
        self.document().documentLayout().documentSizeChanged.connect(self._scroll_pending)
        self.retranslate()

    # -- language ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Article text"))
        self.setAccessibleDescription(self.tr(
            "The open article. Ctrl+Left and Ctrl+Right move by word, Thai words included."))
        self._labels = {
            "category": self.tr("Category"),
            "tags": self.tr("Tags"),
            "note": self.tr("Note"),
            "credits": self.tr("Credits"),
            "source": self.tr("Source"),
            "versions": self.tr("Versions"),
            "version": self.tr("Version %1"),
            "version_of": self.tr("version %1 of %2"),
            "empty": self.tr("Choose an article from the list to read it here."),
        }
        self._render_in_place()

    # -- content -----------------------------------------------------------------------
    def show_article(self, view: ArticleView | None, terms: list[str] | None = None) -> None:
        """Show an article from its start; the same article shown again (a new era, tags,
        language) keeps the reader's place instead."""
        same = (view is not None and self.view is not None
                and (view.title, view.paragraphs) == (self.view.title, self.view.paragraphs))
        self.view = view
        self.terms = list(terms or [])
        self._pending_top = None
        if same:
            self._render_in_place()
            return
        self._render()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_terms(self, terms: list[str]) -> None:
        self.terms = list(terms)
        self._apply_highlights()

    def set_zoom(self, percent: int) -> None:
        """A new text size as a change of the document's default font: the text is not
        re-inserted, so the caret stays, screen readers get no flood of text events, and
        the line that was at the top stays at the top."""
        if percent == self.zoom_percent:
            return
        with self.place_kept():
            self.zoom_percent = percent
            self._apply_font()
            self._size_title()

    def set_family(self, family: str) -> None:
        self.family = family
        with self.place_kept():
            self._apply_font()

    def refresh_colors(self) -> None:
        """Theme change: links and hits are drawn as extra selections, so new colours need
        no change to the document either. Highlighted passages are in the text's formats (so
        screen readers read them as attributes): only their ranges are re-coloured."""
        apply_marks(self)
        self._apply_highlights()

    def point_size(self, factor: float = 1.0) -> float:
        return BASE_POINT_SIZE * self.zoom_percent / 100 * factor

    def _base_font(self) -> QFont:
        base = QFont(self.family) if self.family else QFont(self.font())
        base.setPointSizeF(self.point_size())
        return base

    def _apply_font(self) -> None:
        doc = self.document()
        doc.setDefaultFont(self._base_font())
        # Qt lays a long text out in steps after a font change and tells the scroll bar
        # its size step by step (sometimes never the last step): lay it all out now
        # (50 ms for 57,000 characters) and have the view take the full size, so the
        # reading place can be scrolled to at once.
        layout = doc.documentLayout()
        layout.blockBoundingRect(doc.lastBlock())
        layout.documentSizeChanged.emit(layout.documentSize())

    def _title_adjustment(self) -> int:
        # A large title at large sizes would fill the pane: it grows less than the body
        # (Qt's size steps: 2 is 1.5 times the text, 1 is 1.2 times).
        return 2 if self.zoom_percent <= 150 else 1

    def _size_title(self) -> None:
        """The one format change a zoom may need, when the title's step changes (at 150%)."""
        block = self.document().firstBlock()
        if self.view is None or not block.isValid():
            return
        want = self._title_adjustment()
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        if cursor.charFormat().intProperty(QTextFormat.Property.FontSizeAdjustment) == want:
            return  # (a selection's charFormat is that of its last character)
        fmt = QTextCharFormat()
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, want)
        cursor.mergeCharFormat(fmt)

    # -- keeping the reading place ------------------------------------------------------
    def first_visible_position(self) -> int:
        """The document position of the first character at the top of the view."""
        return self.cursorForPosition(QPoint(1, 1)).position()

    def scroll_to_position(self, pos: int) -> None:
        """Scroll so the line holding `pos` is the top line. A long text is laid out in
        steps after a font change and the scroll bar grows with it: when the line is not
        in reach yet, scroll when the layout has come that far (documentSizeChanged)."""
        self._pending_top = pos
        self._scroll_pending()

    def _scroll_pending(self, *_args: object) -> None:
        pos = self._pending_top
        if pos is None:
            return
        doc = self.document()
        block = doc.findBlock(pos)
        if not block.isValid():
            self._pending_top = None
            return
        top = doc.documentLayout().blockBoundingRect(block).top()  # lays out up to there
        layout = block.layout()
        line = layout.lineForTextPosition(pos - block.position()) if layout else None
        if line is not None and line.isValid():
            top += line.y()
        bar = self.verticalScrollBar()
        if round(top) <= bar.maximum():
            bar.setValue(round(top))
            self._pending_top = None

    @contextmanager
    def place_kept(self) -> Iterator[None]:
        """Keep the caret and the first visible character through a layout change."""
        first = self.first_visible_position()
        at_start = self.verticalScrollBar().value() == 0
        cursor = self.textCursor()
        anchor, pos = cursor.anchor(), cursor.position()
        yield
        cursor = self.textCursor()
        if (cursor.anchor(), cursor.position()) != (anchor, pos):
            end = max(0, self.document().characterCount() - 1)
            cursor.setPosition(min(anchor, end))
            cursor.setPosition(min(pos, end), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
        if at_start:
            self.verticalScrollBar().setValue(0)
        else:
            self.scroll_to_position(first)

    def _spot(self, pos: int) -> tuple[int, int, str]:
        block = self.document().findBlock(pos)
        return block.blockNumber(), pos - block.position(), block.text()

    def _find_spot(self, spot: tuple[int, int, str]) -> int:
        """A spot in the re-rendered text: the same offset in an unchanged block, else the
        same distance from the block's end (labels come first: "Tags: ...")."""
        number, offset, old_text = spot
        block = self.document().findBlockByNumber(number)
        if not block.isValid():
            return max(0, self.document().characterCount() - 1)
        text = block.text()
        if text != old_text:
            offset = max(0, len(text) - (len(old_text) - offset))
        return block.position() + min(offset, len(text))

    def _render_in_place(self) -> None:
        """Render again (labels or dates changed), keeping the caret and the top line."""
        if self.view is None or self.document().isEmpty():
            self._render()
            return
        at_start = self.verticalScrollBar().value() == 0
        cursor = self.textCursor()
        spots = [self._spot(p) for p in (cursor.anchor(), cursor.position(), self.first_visible_position())]
        self._render()
        anchor, pos, first = (self._find_spot(spot) for spot in spots)
        cursor = self.textCursor()
        cursor.setPosition(anchor)
        cursor.setPosition(pos, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if at_start:
            self.verticalScrollBar().setValue(0)
        else:
            self.scroll_to_position(first)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            # QTextEdit makes the widget's font (the interface size, with scaling on) the
            # document's: the reading size is ours, so set it back, keeping the place.
            with self.place_kept():
                super().changeEvent(event)
                self._apply_font()
            return
        super().changeEvent(event)
        if kind == QEvent.Type.PaletteChange:
            self._apply_highlights()  # link colours follow the theme

    def _char(self, adjust: int = 0, bold: bool = False, link: str | None = None,
              italic: bool = False) -> QTextCharFormat:
        """A format that names no size or family: those come from the document's default
        font, so zoom and font changes never touch the text (adjust is a relative step)."""
        fmt = QTextCharFormat()
        if adjust:
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, adjust)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontItalic(italic)
        if link:
            fmt.setAnchor(True)
            fmt.setAnchorHref(link)
            fmt.setFontUnderline(True)
        return fmt

    def _render(self) -> None:
        doc = self.document()
        doc.clear()
        doc.setDefaultFont(self._base_font())
        doc.setDocumentMargin(12)
        cursor = QTextCursor(doc)
        view = self.view
        if view is None:
            cursor.insertText(self._labels["empty"], self._char())
            return
        spacing = self.point_size(0.6)
        title = QTextBlockFormat()
        title.setHeadingLevel(1)
        title.setBottomMargin(spacing)
        cursor.setBlockFormat(title)
        cursor.insertText(view.title, self._char(self._title_adjustment(), bold=True))
        meta = [part for part in (view.date_text, view.category) if part]
        if len(view.versions) > 1 and view.current_version:
            meta.append(fill(self._labels["version_of"], view.current_version, len(view.versions)))
        self._block(cursor, "  ·  ".join(meta), self._char(italic=True), spacing)
        for notice in view.notices:  # a headline-only posting, a cut-off page...
            self._block(cursor, notice, self._char(italic=True), 0)
        if view.tags:
            self._block(cursor, f"{self._labels['tags']}: " + ", ".join(view.tags), self._char(), 0)
        if view.note:
            self._block(cursor, f"{self._labels['note']}: {view.note}", self._char(), 0)
        self.paragraph_starts = []
        for text in view.paragraphs:
            self._block(cursor, text, self._char(), spacing)
            self.paragraph_starts.append(cursor.position() - len(text))
        if view.credits:
            self._block(cursor, self._labels["credits"], self._char(bold=True), spacing)
            for text in view.credits:
                self._block(cursor, text, self._char(), 0)
        if view.source_url:
            self._block(cursor, f"{self._labels['source']}: ", self._char(bold=True), spacing)
            cursor.insertText(view.source_url, self._char(link=view.source_url))
        if len(view.versions) > 1:
            self._block(cursor, self._labels["versions"], self._char(bold=True), spacing)
            for number, label in view.versions:
                text = fill(self._labels["version"], number)
                if label:
                    text += f" ({label})"
                if number == view.current_version:
                    self._block(cursor, "• " + text, self._char(bold=True), 0)
                else:
                    self._block(cursor, "• ", self._char(), 0)
                    cursor.insertText(text, self._char(link=f"version:{number}"))
        apply_marks(self)
        self._apply_highlights()

    def _block(self, cursor: QTextCursor, text: str, fmt: QTextCharFormat, top: float) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(top)
        cursor.insertBlock(block, fmt)
        cursor.insertText(text, fmt)

    def _link_spans(self) -> list[tuple[int, int]]:
        spans = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().isAnchor():
                    spans.append((fragment.position(), fragment.position() + fragment.length()))
                it += 1
            block = block.next()
        return spans

    def _apply_highlights(self) -> None:
        """Links in the theme's link colour and search terms marked, both as extra
        selections: the document itself is untouched (no events for screen readers)."""
        selections = []
        link = self.palette().link().color()
        for start, end in self._link_spans():
            selections.append(self._selection(start, end, None, link))
        text = self.toPlainText()
        background, foreground = self.hit_colors
        for start, end in highlight_spans(text, self.terms):
            selections.append(self._selection(start, end, background, foreground))
        self.setExtraSelections(selections)

    def _selection(self, start: int, end: int, background: QColor | None,
                   foreground: QColor) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(self.document())
        sel.cursor.setPosition(start)
        sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if background is not None:
            sel.format.setBackground(background)
        sel.format.setForeground(foreground)
        return sel

    def hit_count(self) -> int:
        return len(self.extraSelections()) - len(self._link_spans())

    # -- screen readers asking to see a passage --------------------------------------------
    @Slot(QRectF)
    def _q_ensureVisible(self, rect: QRectF) -> None:  # noqa: N802 (the name Qt looks up)
        """Qt's accessible text edit scrolls to text a screen reader asks for by calling a
        private slot of this name, which Qt 6's QTextEdit no longer has (the log said
        "AccessibleTextEdit::scrollToSubstring failed"). `rect` is in document pixels."""
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        if rect.top() < bar.value():
            bar.setValue(int(rect.top()))
        elif rect.bottom() > bar.value() + height:
            bar.setValue(int(min(rect.top(), rect.bottom() - height)))

    # -- no network, links only on request ------------------------------------------------
    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt override)
        # Archived pages may name remote images or local files: never load anything. An
        # empty resource, not None: on None QTextDocument reads file: URLs itself.
        return QByteArray()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        href = self.anchorAt(event.position().toPoint())
        if href and event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self._follow(href)
        super().mouseReleaseEvent(event)

    def _follow(self, href: str) -> None:
        if href.startswith("version:"):
            self.versionRequested.emit(int(href.split(":", 1)[1]))
        else:
            self.linkRequested.emit(QUrl(href))

    # -- Thai word navigation -------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods in (ctrl, ctrl | shift):
            self.move_word(forward=event.key() == Qt.Key.Key_Right, select=bool(mods & shift))
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            href = self.textCursor().charFormat().anchorHref()
            if href:
                self._follow(href)
                return
        super().keyPressEvent(event)

    def move_word(self, forward: bool, select: bool = False) -> None:
        cursor = self.textCursor()
        block = cursor.block()
        text = block.text()
        pos = cursor.position() - block.position()
        starts = word_starts(text)
        if forward:
            later = [s for s in starts if s > pos]
            target = block.position() + later[0] if later else None
            if target is None:  # past the last word: end of block, then next block's first word
                if pos < len(text):
                    target = block.position() + len(text)
                elif block.next().isValid():
                    nxt = block.next()
                    first = word_starts(nxt.text())
                    target = nxt.position() + (first[0] if first else 0)
        else:
            earlier = [s for s in starts if s < pos]
            target = block.position() + earlier[-1] if earlier else None
            if target is None and block.previous().isValid():
                prev = block.previous()
                last = word_starts(prev.text())
                target = prev.position() + (last[-1] if last else 0)
        if target is None:
            return
        mode = QTextCursor.MoveMode.KeepAnchor if select else QTextCursor.MoveMode.MoveAnchor
        cursor.setPosition(target, mode)
        self.setTextCursor(cursor)


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the search terms occur; the search package's version when it is there."""
    if not terms:
        # Nothing searched (the window at start-up): no need to load the search package,
        # which would delay the first window by a third of a second.
        return []
    try:
        from reader.core.search import highlight_spans as core_spans
    except ImportError:
        pass  # a build without search: the plain fold below
    else:
        return core_spans(text, terms)
    spans, folded = [], text.casefold()
    for term in terms:
        term = term.casefold()
        start = folded.find(term) if term else -1
        while start != -1:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    return sorted(spans)


__all__ = ["ArticleView", "ReaderPane", "QTextFormat", "highlight_spans", "word_starts"]

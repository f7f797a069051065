"""The reading pane: one article as a read-only QTextEdit.

QTextEdit, not QTextBrowser: AT-SPI exposes QTextBrowser as a label, so a screen
reader never reads the article; a read-only QTextEdit is a text node read line by line.
The document is built with QTextCursor (no HTML parsing of archived content) and never
loads a resource: nothing shown here reaches the network. Links open only when the
reader clicks one (or uses Article > Open Source Link).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, Qt, QTextBoundaryFinder, QUrl, Signal
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
        self._labels: dict[str, str] = {}  # the pane's own words, filled by retranslate()
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
            "empty": self.tr("Choose an article from the list to read it here."),
        }
        self._render()

    # -- content -----------------------------------------------------------------------
    def show_article(self, view: ArticleView | None, terms: list[str] | None = None) -> None:
        self.view = view
        self.terms = list(terms or [])
        self._render()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_terms(self, terms: list[str]) -> None:
        self.terms = list(terms)
        self._apply_highlights()

    def set_zoom(self, percent: int) -> None:
        if percent == self.zoom_percent:
            return
        pos = self.textCursor().position()
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.zoom_percent = percent
        self._render()
        cursor = self.textCursor()
        cursor.setPosition(min(pos, len(self.toPlainText())))
        self.setTextCursor(cursor)
        bar.setValue(round(fraction * bar.maximum()))

    def set_family(self, family: str) -> None:
        self.family = family
        self._render()

    def point_size(self, factor: float = 1.0) -> float:
        return BASE_POINT_SIZE * self.zoom_percent / 100 * factor

    def _char(self, factor: float = 1.0, bold: bool = False, link: str | None = None,
              italic: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        font = QFont(self.family) if self.family else QFont(self.font())
        font.setPointSizeF(self.point_size(factor))
        font.setBold(bold)
        font.setItalic(italic)
        fmt.setFont(font)
        if link:
            fmt.setAnchor(True)
            fmt.setAnchorHref(link)
            fmt.setForeground(self.palette().link())
            fmt.setFontUnderline(True)
        return fmt

    def _render(self) -> None:
        doc = self.document()
        doc.clear()
        base = QFont(self.family) if self.family else QFont(self.font())
        base.setPointSizeF(self.point_size())
        doc.setDefaultFont(base)
        doc.setDocumentMargin(12 * max(1.0, self.zoom_percent / 100) ** 0.5)
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
        # A large title at large sizes would fill the pane: it grows less than the body.
        title_factor = 1.5 if self.zoom_percent <= 150 else 1.25
        cursor.insertText(view.title, self._char(title_factor, bold=True))
        meta = [part for part in (view.date_text, view.category) if part]
        self._block(cursor, "  ·  ".join(meta), self._char(0.95, italic=True), spacing)
        if view.tags:
            self._block(cursor, f"{self._labels['tags']}: " + ", ".join(view.tags),
                        self._char(0.95), 0)
        if view.note:
            self._block(cursor, f"{self._labels['note']}: {view.note}", self._char(0.95), 0)
        for text in view.paragraphs:
            self._block(cursor, text, self._char(), spacing)
        if view.credits:
            self._block(cursor, self._labels["credits"], self._char(bold=True), spacing)
            for text in view.credits:
                self._block(cursor, text, self._char(0.95), 0)
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
        self._apply_highlights()

    def _block(self, cursor: QTextCursor, text: str, fmt: QTextCharFormat, top: float) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(top)
        cursor.insertBlock(block, fmt)
        cursor.insertText(text, fmt)

    def _apply_highlights(self) -> None:
        """Search terms marked with extra selections, so the document itself is untouched."""
        selections = []
        text = self.toPlainText()
        background, foreground = self.hit_colors
        for start, end in highlight_spans(text, self.terms):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.document())
            sel.cursor.setPosition(start)
            sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.format.setBackground(background)
            sel.format.setForeground(foreground)
            selections.append(sel)
        self.setExtraSelections(selections)

    def hit_count(self) -> int:
        return len(self.extraSelections())

    # -- no network, links only on request ------------------------------------------------
    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
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
    try:
        from reader.core.search import highlight_spans as core_spans
    except ImportError:
        core_spans = None
    if core_spans is not None:
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

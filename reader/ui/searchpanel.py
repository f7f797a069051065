"""Search box with filters, and the delegate that shows hit terms in list snippets.

Typing searches as you go, after a short pause (debounced), so each key press does not
start a search. The result count is shown and announced to screen readers.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from . import themes
from .announce import say
from .combo import ComboBox
from .forms import name_widget, named, plain
from .models import SEGMENTS_ROLE
from .readerpane import word_starts

DEBOUNCE_MS = 250
FIRST_YEAR, LAST_YEAR = 1990, 2100  # Common Era; shown in the chosen era
BE_OFFSET = 543


class SearchPanel(QWidget):
    changed = Signal()  # query or filters changed (after the pause)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.era = "be"
        self.box = named(QLineEdit(), "searchBox")
        self.box.setClearButtonEnabled(True)
        self.year_from = self._year_spin("yearFrom")
        self.year_to = self._year_spin("yearTo")
        self.category = named(ComboBox(), "categoryFilter")
        self.language = named(ComboBox(), "languageFilter")
        self.sort = named(ComboBox(), "sortOrder")
        self.count_label = named(QLabel(), "resultCount")
        self.count_label.setWordWrap(True)
        self.count_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.categories: list[str] = []  # the archive's, after "All categories"

        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.changed)
        self.box.textChanged.connect(self.timer.start)
        self.box.returnPressed.connect(self.fire_now)
        for combo in (self.category, self.language, self.sort):
            combo.currentIndexChanged.connect(self.timer.start)
        for spin in (self.year_from, self.year_to):
            spin.valueChanged.connect(self.timer.start)

        self.labels = [QLabel() for _ in range(5)]
        self.fields = [self.year_from, self.year_to, self.category, self.language, self.sort]
        for label, field in zip(self.labels, self.fields, strict=True):
            label.setBuddy(field)
        for combo in (self.category, self.language, self.sort):
            # Long category names must not make the panel wider than the window.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.grid = QGridLayout()
        self.columns = 0
        self._place(2)
        # The filters fold away (the window folds them at large interface sizes).
        self.filters_button = named(QPushButton(), "filtersButton")
        self.filters_button.setCheckable(True)
        self.filters_button.setChecked(True)
        self.filters_button.toggled.connect(self.show_filters)
        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        top.addWidget(self.filters_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.grid)
        layout.addWidget(self.count_label)
        # Tab goes as the eye reads: search box, Filters, then the filters in order.
        chain = [self.box, self.filters_button, *self.fields]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.retranslate()

    def _place(self, columns: int) -> None:
        """Filters in two columns of label + field, or one when the panel is narrow."""
        if columns == self.columns:
            return
        self.columns = columns
        for widget in self.labels + self.fields:
            self.grid.removeWidget(widget)
        for i, (label, field) in enumerate(zip(self.labels, self.fields, strict=True)):
            row, col = divmod(i, columns)
            self.grid.addWidget(label, row, col * 2)
            self.grid.addWidget(field, row, col * 2 + 1)
        for col in range(4):
            self.grid.setColumnStretch(col, 1 if col % 2 and col // 2 < columns else 0)

    def show_filters(self, on: bool) -> None:
        self.filters_button.setChecked(on)
        for widget in self.labels + self.fields:
            widget.setVisible(on)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        char = self.fontMetrics().averageCharWidth() or 7
        self._place(2 if self.width() >= char * 55 else 1)

    def _year_spin(self, name: str) -> QSpinBox:
        spin = named(QSpinBox(), name)
        spin.setRange(FIRST_YEAR - 1, LAST_YEAR)  # the minimum means "any year"
        spin.setValue(FIRST_YEAR - 1)
        return spin

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Search titles and text (Ctrl+F)"))
        self.filters_button.setText(self.tr("F&ilters"))
        name_widget(self.filters_button, self.tr("Filters"),
                    self.tr("Show or hide the year, category, language and order filters"))
        name_widget(self.box, self.tr("Search"), self.tr(
            "Type words to search the archive; results appear as you type"))
        # Access keys unique in the window: Alt+F is the File menu, Alt+T the category.
        captions = [self.tr("From &year"), self.tr("To yea&r"), self.tr("Ca&tegory"),
                    self.tr("&Language"), self.tr("S&ort by")]
        tips = [self.tr("Only articles from this year on"), self.tr("Only articles up to this year"),
                self.tr("Only articles of this category"), self.tr("Only articles in this language"),
                self.tr("Order of the results")]
        fields = [self.year_from, self.year_to, self.category, self.language, self.sort]
        for label, caption, field, tip in zip(self.labels, captions, fields, tips, strict=True):
            label.setText(caption)
            name_widget(field, plain(caption), tip)
        for spin in (self.year_from, self.year_to):
            spin.setSpecialValueText(self.tr("Any"))
        self._fill(self.language, [(self.tr("All languages"), None), (self.tr("Thai"), "th"),
                                   (self.tr("English"), "en")])
        self._fill(self.sort, [(self.tr("Best match"), "relevance"), (self.tr("Newest first"), "date")])
        self.set_categories(self.categories)  # "All categories" in the new language
        name_widget(self.count_label, self.tr("Result count"))

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def set_categories(self, categories: list[str]) -> None:
        self.categories = list(categories)
        self._fill(self.category, [(self.tr("All categories"), None)] + [(c, c) for c in categories])

    def set_era(self, era: str) -> None:
        """Show the year boxes in Buddhist or Common Era; the filter itself is unchanged."""
        self.era = era
        offset = BE_OFFSET if era == "be" else 0
        for spin in (self.year_from, self.year_to):
            spin.blockSignals(True)
            value = self._year(spin)
            spin.setRange(FIRST_YEAR - 1 + offset, LAST_YEAR + offset)
            spin.setValue(value + offset if value else spin.minimum())
            spin.blockSignals(False)

    def _year(self, spin: QSpinBox) -> int | None:
        """The chosen year in Common Era, or None for "any"."""
        if spin.value() == spin.minimum():
            return None
        return spin.value() - (BE_OFFSET if spin.minimum() > LAST_YEAR else 0)

    # -- what the window reads ----------------------------------------------------------------
    def query(self) -> str:
        return self.box.text().strip()

    def filters(self) -> dict:
        first, last = self._year(self.year_from), self._year(self.year_to)
        if first and last and first > last:  # From 2560 To 2550: the years between them
            first, last = last, first
        return {
            "date_from": dt.date(first, 1, 1) if first else None,
            "date_to": dt.date(last, 12, 31) if last else None,
            "category": self.category.currentData(),
            "language": self.language.currentData(),
        }

    def set_search(self, query: str, filters: dict) -> None:
        """Put a saved search back: its words and filters (dates as ISO text or dates),
        without a search per change; the caller refreshes the list once."""
        offset = BE_OFFSET if self.era == "be" else 0
        widgets = [self.box, self.year_from, self.year_to, self.category, self.language]
        for widget in widgets:
            widget.blockSignals(True)
        self.box.setText(query)
        for spin, key in ((self.year_from, "date_from"), (self.year_to, "date_to")):
            value = filters.get(key)
            year = int(str(value)[:4]) if value else None
            spin.setValue(year + offset if year else spin.minimum())
        for combo, key in ((self.category, "category"), (self.language, "language")):
            combo.setCurrentIndex(max(combo.findData(filters.get(key)), 0))
        for widget in widgets:
            widget.blockSignals(False)
        self.timer.stop()

    def sort_order(self) -> str:
        return self.sort.currentData() or "relevance"

    def fire_now(self) -> None:
        self.timer.stop()
        self.changed.emit()

    def focus_box(self) -> None:
        """Ctrl+F: into the search box, its text selected. The selection comes after the
        focus: a line edit focused "by shortcut" selects first, and Orca 43, seeing the
        caret move before the focus, moved silently ("Search" went unsaid)."""
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self.box.selectAll)

    def show_count(self, text: str, announce: bool = True) -> None:
        """Show the result count and have screen readers say it (not when the list only
        followed another program's import: that would talk over the reader)."""
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)
        if announce:
            say(self, text)


def lead_to_first_hit(segments: list[tuple[str, bool]], room: float | None = None,
                      width: Callable[[str], float] = len) -> list[tuple[str, bool]]:
    """Shorten the text before the first hit so the column still shows the hit: the lead
    keeps what fits in `room` beside the hit and a little after it (measured with `width`;
    without `room`, 14 characters), and starts at a word."""
    for i, (_, is_hit) in enumerate(segments):
        if is_hit:
            before = "".join(text for text, _ in segments[:i])
            hit = segments[i][0]
            if room is None:
                budget = 14.0
            else:  # the hit whole, then up to a third of what is left for the lead
                budget = max(0.0, (room - width("…" + hit)) / 3)
            if width(before) <= budget:
                return segments
            # Cut at a word start: cutting inside a Thai syllable would leave a lone vowel.
            starts = [p for p in word_starts(before) if width(before[p:]) <= budget] or [len(before)]
            return [("…" + before[starts[0]:], False)] + segments[i:]
    return segments


class SnippetDelegate(QStyledItemDelegate):
    """Paints a snippet's (text, is_hit) segments with the hits marked; the model's
    display text stays plain so screen readers and copy get clean text."""

    def __init__(self, colors: tuple[QColor, QColor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colors = colors

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        """The snippet as rich text. On a selected row the text takes the selection's text
        colour and the hits the theme's on-selection mark (the normal yellow mark vanished
        on High Contrast's yellow selection: 1.07:1)."""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        theme = themes.current_theme()
        if selected:
            background, foreground = (theme.colors["selected_hit_background"],
                                      theme.colors["selected_hit_text"])
            plain_color = theme.colors["highlighted_text"]
        else:
            background, foreground = (c.name() for c in self.colors)
            plain_color = theme.colors["text"]
        parts = []
        room = option.rect.width() - 8  # the document's margins and a little air
        width = QFontMetricsF(option.font).horizontalAdvance
        for text, is_hit in lead_to_first_hit(index.data(SEGMENTS_ROLE) or [], room, width):
            text = html.escape(text)
            parts.append(f'<span style="background:{background}; color:{foreground}">'
                         f"<b>{text}</b></span>" if is_hit else text)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(f'<span style="color:{plain_color}">' + "".join(parts) + "</span>")
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.data(SEGMENTS_ROLE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        # Centred in the row like the title and date beside it (drawn from the top, the
        # found text sat lower than they, and at large sizes lost the tails of ฎ ฏ ฐ).
        rise = (option.rect.height() - doc.size().height()) / 2
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.translate(0, rise)
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return super().sizeHint(option, index)

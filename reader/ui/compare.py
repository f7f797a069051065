"""Two versions of an article side by side in one text: what was deleted and inserted.

Not colour alone: a deletion is struck through and an insertion underlined, and each is
wrapped in words ("[deleted: …]", "[inserted: …]") so a screen reader says what it is.
Next/Previous Change move the caret from one to the next. The comparison itself is
reader.core.diff's (Thai segmented into words).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.diff import Op, diff_articles, summarize

from .combo import ComboBox
from .forms import name_widget, named
from .i18n import fill

if TYPE_CHECKING:
    from reader.core.archive import Archive

_DELETED = QColor("#b00020")
_INSERTED = QColor("#1b5e20")


class CompareDialog(QDialog):
    def __init__(self, archive: Archive, article_id: int, versions: list[int], shown: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.archive, self.article_id = archive, article_id
        self.changes_at: list[int] = []  # document positions where a change starts
        self.older = named(ComboBox(), "compareFrom")
        self.newer = named(ComboBox(), "compareTo")
        for combo in (self.older, self.newer):
            for number in versions:
                combo.addItem(fill(self.tr("Version %1"), number), number)
        older = shown - 1 if shown - 1 in versions else versions[0]
        newer = shown if shown != older else versions[-1]
        self.older.setCurrentIndex(versions.index(older))
        self.newer.setCurrentIndex(versions.index(newer))
        self.summary = named(QLabel(), "compareSummary")
        self.summary.setWordWrap(True)
        self.text = named(QTextEdit(), "compareText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setTabChangesFocus(True)
        self.next_button = named(QPushButton(self.tr("&Next Change")), "nextChange")
        self.previous_button = named(QPushButton(self.tr("&Previous Change")), "previousChange")
        self._lay_out()
        self.older.currentIndexChanged.connect(self.compare)
        self.newer.currentIndexChanged.connect(self.compare)
        self.next_button.clicked.connect(lambda: self.move_to_change(1))
        self.previous_button.clicked.connect(lambda: self.move_to_change(-1))
        # F3 / Shift+F3 as in "find next": also where mnemonics are not shown.
        QShortcut(QKeySequence("F3"), self, lambda: self.move_to_change(1))
        QShortcut(QKeySequence("Shift+F3"), self, lambda: self.move_to_change(-1))
        self.next_button.setToolTip(self.tr("Next change (F3)"))
        self.previous_button.setToolTip(self.tr("Previous change (Shift+F3)"))
        self.setWindowTitle(self.tr("Compare Versions"))
        self.resize(900, 640)
        self.compare()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Older version:"), self.older)
        form.addRow(self.tr("N&ewer version:"), self.newer)
        name_widget(self.older, self.tr("Older version"), "")
        name_widget(self.newer, self.tr("Newer version"), "")
        name_widget(self.text, self.tr("Differences"), self.tr(
            "The newer text, with deleted words struck through and inserted words underlined"))
        moves = QHBoxLayout()
        moves.addWidget(self.previous_button)
        moves.addWidget(self.next_button)
        moves.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addLayout(moves)
        layout.addWidget(buttons)

    def compare(self) -> None:
        old_v, new_v = self.older.currentData(), self.newer.currentData()
        old = self.archive.get(self.article_id, old_v)
        new = self.archive.get(self.article_id, new_v)
        changes = diff_articles(old, new)
        counts = summarize(changes)
        self.summary.setText(fill(self.tr(
            "Version %1 to version %2: %3 words deleted, %4 words inserted."),
            old_v, new_v, counts.deleted_words, counts.inserted_words))
        self.summary.setAccessibleName(self.summary.text())
        self._show(changes)

    def _show(self, changes: list) -> None:
        doc = self.text.document()
        doc.clear()
        cursor = QTextCursor(doc)
        plain = QTextCharFormat()
        plain.setFont(self.text.font())
        deleted, inserted = QTextCharFormat(plain), QTextCharFormat(plain)
        deleted.setFontStrikeOut(True)
        deleted.setForeground(_DELETED)
        inserted.setFontUnderline(True)
        inserted.setForeground(_INSERTED)
        words = {Op.DELETE: (self.tr("[deleted: "), deleted),
                 Op.INSERT: (self.tr("[inserted: "), inserted)}
        self.changes_at = []
        for change in changes:
            if change.op is Op.EQUAL:
                cursor.insertText(change.text, plain)
                continue
            opening, fmt = words[change.op]
            self.changes_at.append(cursor.position())
            cursor.insertText(opening, plain)
            cursor.insertText(change.text, fmt)
            cursor.insertText("]", plain)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def move_to_change(self, step: int) -> None:
        """The caret to the next (step 1) or previous (-1) change, for the keyboard."""
        if not self.changes_at:
            return
        here = self.text.textCursor().position()
        later = [p for p in self.changes_at if p > here] if step > 0 else \
            [p for p in self.changes_at if p < here]
        target = (later[0] if step > 0 else later[-1]) if later else \
            (self.changes_at[0] if step > 0 else self.changes_at[-1])
        cursor = self.text.textCursor()
        cursor.setPosition(target)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

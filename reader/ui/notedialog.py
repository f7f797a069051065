"""The Note dialog: a personal note about the open article.

Unlike QInputDialog's multi-line box, the text area has a label and an accessible name,
Tab moves on to the buttons (a note has no use for tab characters), and Thai wraps at
word boundaries instead of running off the right edge.
"""

from __future__ import annotations

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .forms import name_widget


class NoteDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Note"))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteText")
        self.editor.setPlainText(text)
        self.editor.setTabChangesFocus(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        label = QLabel(self.tr("&Your note about this article:"))
        label.setBuddy(self.editor)
        name_widget(self.editor, self.tr("Note text"),
                    self.tr("Your own words about the article; Tab moves to the buttons"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        chars = self.fontMetrics().averageCharWidth() or 7
        self.resize(chars * 60, self.fontMetrics().height() * 14)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()


def ask_note(parent: QWidget, text: str) -> str | None:
    """The edited note, or None when cancelled."""
    dialog = NoteDialog(text, parent)
    try:
        return dialog.text() if dialog.exec() else None
    finally:
        dialog.deleteLater()

"""The help page (F1): how to move around, and every command with its keys, generated from
the action registry and the menus each time it opens, so it never goes stale and follows
the user's own shortcuts and the interface language.

Shown in a read-only QTextEdit, which screen readers read line by line (a QTextBrowser
would be a mere label to them).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextEdit, QVBoxLayout, QWidget

from .actions import ActionRegistry, toolbar_text
from .i18n import fill
from .menus import MENUS

CONTEXT = "Help"
# Keys that are no menu command: where focus goes, and how to move in the list and text.
MOVING = (
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("Help", "Move to the next or previous control")),
    ("F6 / Shift+F6", QT_TRANSLATE_NOOP("Help", "Move between the library, the search box, the list and the article")),
    ("Enter", QT_TRANSLATE_NOOP("Help", "In the list: open the article and move to its text")),
    ("Esc / Alt+Left", QT_TRANSLATE_NOOP("Help", "When the article fills the window: back to the list")),
    ("Up / Down", QT_TRANSLATE_NOOP("Help", "Move by row in the list, by line in the article")),
    ("Ctrl+Left / Ctrl+Right", QT_TRANSLATE_NOOP("Help", "Move by word in the article, Thai words included")),
    ("Ctrl+Home / Ctrl+End", QT_TRANSLATE_NOOP("Help", "Go to the start or end of the article")),
)
MENU_TITLES = {
    "file": QT_TRANSLATE_NOOP("Help", "File"), "edit": QT_TRANSLATE_NOOP("Help", "Edit"),
    "view": QT_TRANSLATE_NOOP("Help", "View"), "article": QT_TRANSLATE_NOOP("Help", "Article"),
    "help": QT_TRANSLATE_NOOP("Help", "Help"),
}


def _t(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP("Help", ...) above, in the current language."""
    return QCoreApplication.translate(CONTEXT, str(text))


def _rows(pairs: list[tuple[str, str, str]]) -> str:
    cells = "".join(f"<tr><td><b>{html.escape(name)}</b></td><td>{html.escape(keys)}</td>"
                    f"<td>{html.escape(tip)}</td></tr>" for name, keys, tip in pairs)
    return f'<table cellpadding="4" border="1" cellspacing="0">{cells}</table>'


def command_rows(registry: ActionRegistry, menu: str) -> list[tuple[str, str, str]]:
    """(command, keys, what it does) for one menu, as the window has them now."""
    names = [n for n in MENUS.get(menu, []) if n in registry.actions]
    if menu == "view":  # the theme submenu's commands
        names += [n for n in registry.actions if n.startswith("theme_")]
    rows = []
    for name in names:
        action = registry[name]
        keys = ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText)
                         for seq in action.shortcuts())
        rows.append((toolbar_text(action.text()), keys or "—", action.statusTip()))
    return rows


def help_html(registry: ActionRegistry) -> str:
    translate = QCoreApplication.translate
    intro = translate("Help", "Every command is in the menus (F10 or Alt opens them) and has a key. "
                      "Text size: Ctrl++ and Ctrl+-. With the whole interface scaled, the window "
                      "turns into pages when the panes no longer fit side by side.")
    parts = [f"<h1>{html.escape(translate('Help', 'OPDC Reader help'))}</h1>",
             f"<p>{html.escape(intro)}</p>",
             f"<h2>{html.escape(translate('Help', 'Moving around'))}</h2>",
             _rows([("", keys, _t(text)) for keys, text in MOVING])]
    for menu, title in MENU_TITLES.items():
        rows = command_rows(registry, menu)
        if rows:
            heading = fill(translate("Help", "Menu %1"), _t(title))
            parts.append(f"<h2>{html.escape(heading)}</h2>")
            parts.append(_rows(rows))
    return "\n".join(parts)


class HelpDialog(QDialog):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(QCoreApplication.translate("Help", "OPDC Reader help"))
        self.text = QTextEdit()
        self.text.setObjectName("helpText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(QCoreApplication.translate("Help", "Help text"))
        self.text.setHtml(help_html(registry))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        if parent is not None:
            self.resize(parent.width() * 3 // 4, parent.height() * 3 // 4)
        self.text.setFocus()

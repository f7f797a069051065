"""One registry of the window's actions.

Each action is defined once here: its name, menu text (with mnemonic), description,
default shortcuts (Qt's standard keys where one exists) and whether it is a toggle.
Menus and toolbars only place actions; the window connects them by name. The user's
own shortcuts (settings.shortcuts) override the defaults.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

SK = QKeySequence.StandardKey
CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str  # source text; translated in translate_ui()
    tip: str
    keys: tuple[SK | str, ...] = ()
    checkable: bool = False
    group: str = ""  # actions sharing a group are mutually exclusive


T = QT_TRANSLATE_NOOP
SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("import_files", T(CONTEXT, "&Import Files…"),
               T(CONTEXT, "Import pages, feeds or zip bundles into the archive"), (SK.Open,)),
    ActionSpec("import_folder", T(CONTEXT, "Import &Folder…"),
               T(CONTEXT, "Import every page in a folder and its subfolders"), ("Ctrl+Shift+O",)),
    ActionSpec("print", T(CONTEXT, "&Print…"), T(CONTEXT, "Print the open article"), (SK.Print,)),
    ActionSpec("print_preview", T(CONTEXT, "Print Pre&view…"),
               T(CONTEXT, "Show how the open article will look on paper"), ("Ctrl+Shift+P",)),
    ActionSpec("save_pdf", T(CONTEXT, "Save as P&DF…"),
               T(CONTEXT, "Save the open article as a PDF file"), ("Ctrl+Shift+S",)),
    ActionSpec("quit", T(CONTEXT, "&Quit"), T(CONTEXT, "Close OPDC Reader"), (SK.Quit, "Ctrl+Q")),
    # Edit
    ActionSpec("find", T(CONTEXT, "&Search…"),
               T(CONTEXT, "Move to the search box and search the archive"), (SK.Find, "Ctrl+K")),
    ActionSpec("preferences", T(CONTEXT, "Pr&eferences…"),
               T(CONTEXT, "Language, theme, dates and text size"), (SK.Preferences, "Ctrl+,")),
    # View
    ActionSpec("zoom_in", T(CONTEXT, "Zoom &In"), T(CONTEXT, "Make the text larger"),
               (SK.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", T(CONTEXT, "Zoom &Out"), T(CONTEXT, "Make the text smaller"),
               (SK.ZoomOut,)),
    ActionSpec("zoom_reset", T(CONTEXT, "&Normal Size"), T(CONTEXT, "Show the text at 100%"),
               ("Ctrl+0",)),
    ActionSpec("scale_interface", T(CONTEXT, "Scale the Whole &Interface"),
               T(CONTEXT, "Apply the text size to menus, lists and buttons too"),
               ("Ctrl+Shift+0",), checkable=True),
    ActionSpec("theme_system", T(CONTEXT, "Follow the &System"),
               T(CONTEXT, "Use light or dark colours as the desktop does"), ("Ctrl+Alt+0",),
               checkable=True, group="theme"),
    ActionSpec("theme_light", T(CONTEXT, "&Light"), T(CONTEXT, "Dark text on a light background"),
               ("Ctrl+Alt+1",), checkable=True, group="theme"),
    ActionSpec("theme_dark", T(CONTEXT, "&Dark"), T(CONTEXT, "Light text on a dark background"),
               ("Ctrl+Alt+2",), checkable=True, group="theme"),
    ActionSpec("theme_high_contrast", T(CONTEXT, "&High Contrast"),
               T(CONTEXT, "White and yellow text on black"), ("Ctrl+Alt+3",),
               checkable=True, group="theme"),
    ActionSpec("common_era", T(CONTEXT, "Show Dates in &Common Era"),
               T(CONTEXT, "Show years as 2013 instead of 2556"), ("Ctrl+Shift+Y",),
               checkable=True),
    ActionSpec("next_pane", T(CONTEXT, "Next &Pane"),
               T(CONTEXT, "Move the focus to the next part of the window"), (SK.NextChild, "F6")),
    ActionSpec("previous_pane", T(CONTEXT, "Pre&vious Pane"),
               T(CONTEXT, "Move the focus to the previous part of the window"),
               (SK.PreviousChild, "Shift+F6")),
    # Article
    ActionSpec("bookmark", T(CONTEXT, "&Bookmark"), T(CONTEXT, "Bookmark the open article"),
               ("Ctrl+D",), checkable=True),
    ActionSpec("edit_tags", T(CONTEXT, "&Tags…"), T(CONTEXT, "Add or remove tags of the open article"),
               ("Ctrl+T",)),
    ActionSpec("edit_note", T(CONTEXT, "&Note…"), T(CONTEXT, "Write a personal note about the open article"),
               ("Ctrl+Shift+N",)),
    ActionSpec("open_link", T(CONTEXT, "Open &Source Link"),
               T(CONTEXT, "Open the article's web page in the browser"), ("Ctrl+Shift+L",)),
    # Help
    ActionSpec("about", T(CONTEXT, "&About OPDC Reader"),
               T(CONTEXT, "Version and licence of OPDC Reader"), (SK.HelpContents, "F1")),
)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ActionRegistry(QObject):
    """The QActions of one window, built from SPECS."""

    def __init__(self, window: QWidget, overrides: dict[str, str] | None = None) -> None:
        super().__init__(window)
        self.specs = {spec.name: spec for spec in SPECS}
        self.actions: dict[str, QAction] = {}
        self.groups: dict[str, QActionGroup] = {}
        for spec in SPECS:
            action = QAction(window)
            action.setObjectName(f"action_{spec.name}")
            action.setCheckable(spec.checkable)
            if spec.group:
                group = self.groups.get(spec.group)
                if group is None:
                    group = self.groups[spec.group] = QActionGroup(window)
                    group.setExclusive(True)
                group.addAction(action)
            window.addAction(action)  # shortcuts work even when no menu shows the action
            self.actions[spec.name] = action
        self.apply_shortcuts(overrides or {})
        self.translate_ui()

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def connect(self, name: str, slot: Callable) -> None:
        action = self.actions[name]
        (action.toggled if action.isCheckable() else action.triggered).connect(slot)

    def default_shortcuts(self, name: str) -> list[QKeySequence]:
        seqs: list[QKeySequence] = []
        for key in self.specs[name].keys:
            found = QKeySequence.keyBindings(key) if isinstance(key, SK) else [QKeySequence(key)]
            for seq in found:
                if not seq.isEmpty() and seq not in seqs:
                    seqs.append(seq)
        return seqs

    def apply_shortcuts(self, overrides: dict[str, str]) -> None:
        for name, action in self.actions.items():
            if name in overrides:
                action.setShortcuts([QKeySequence(overrides[name])])
            else:
                action.setShortcuts(self.default_shortcuts(name))

    def translate_ui(self) -> None:
        """Set every text in the current language (called again on a language change)."""
        for name, action in self.actions.items():
            spec = self.specs[name]
            action.setText(translate(spec.text))
            tip = translate(spec.tip)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
            action.setWhatsThis(tip)

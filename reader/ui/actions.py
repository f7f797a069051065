"""One registry of the window's actions.

Each action is defined once here: its name, menu text (with mnemonic), description,
default shortcuts (Qt's standard keys where one exists) and whether it is a toggle.
Menus and toolbars only place actions; the window connects them by name. The user's
own shortcuts (settings.shortcuts) override the defaults.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QWidget

SK = QKeySequence.StandardKey
CONTEXT = "Actions"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks `text` for translation under `context` and returns it as it is, like Qt's own
    (which PySide6's stubs type as returning object); translate_ui() translates it."""
    return text


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str  # source text; translated in translate_ui()
    tip: str
    keys: tuple[SK | str, ...] = ()
    checkable: bool = False
    group: str = ""  # actions sharing a group are mutually exclusive


SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("import_files", QT_TRANSLATE_NOOP("Actions", "&Import Files…"),
               QT_TRANSLATE_NOOP("Actions", "Import pages, feeds or zip bundles into the archive"), (SK.Open,)),
    ActionSpec("import_folder", QT_TRANSLATE_NOOP("Actions", "Import &Folder…"),
               QT_TRANSLATE_NOOP("Actions", "Import every page in a folder and its subfolders"), ("Ctrl+Shift+O",)),
    ActionSpec("sources", QT_TRANSLATE_NOOP("Actions", "&Sources…"),
               QT_TRANSLATE_NOOP("Actions", "The feeds and pages the archive follows: add, edit, remove, see each one's state"),
               ("Ctrl+Shift+U",)),
    ActionSpec("refresh_sources", QT_TRANSLATE_NOOP("Actions", "&Refresh Sources Now"),
               QT_TRANSLATE_NOOP("Actions", "Fetch the followed sources now, politely, in the background"),
               (SK.Refresh, "F5")),
    ActionSpec("print", QT_TRANSLATE_NOOP("Actions", "&Print…"), QT_TRANSLATE_NOOP("Actions", "Print the open article"), (SK.Print,)),
    ActionSpec("print_preview", QT_TRANSLATE_NOOP("Actions", "Print Pre&view…"),
               QT_TRANSLATE_NOOP("Actions", "Show how the open article will look on paper"), ("Ctrl+Shift+P",)),
    ActionSpec("save_pdf", QT_TRANSLATE_NOOP("Actions", "Save as P&DF…"),
               QT_TRANSLATE_NOOP("Actions", "Save the open article as a PDF file"), ("Ctrl+Shift+S",)),
    ActionSpec("export_docx", QT_TRANSLATE_NOOP("Actions", "Export to &Word…"),
               QT_TRANSLATE_NOOP("Actions", "Save the open article as a Word document with its citation"),
               ("Ctrl+E",)),
    ActionSpec("export_report", QT_TRANSLATE_NOOP("Actions", "Export the &List as a Report…"),
               QT_TRANSLATE_NOOP("Actions", "Save the articles in the list as one Word or PDF report with a cover, contents and citations"), ("Ctrl+Shift+E",)),
    ActionSpec("export_warc", QT_TRANSLATE_NOOP("Actions", "Export as WAR&C…"),
               QT_TRANSLATE_NOOP("Actions", "Save the selected articles, or the whole list, with their originals as a web archive (WARC) file"),
               ("Ctrl+Alt+W",)),
    ActionSpec("print_reading_size", QT_TRANSLATE_NOOP("Actions", "Print at &Reading Size"),
               QT_TRANSLATE_NOOP("Actions", "Print and export at the text size you read with, not the official 16 pt"), ("Ctrl+Alt+P",),
               checkable=True),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), QT_TRANSLATE_NOOP("Actions", "Close OPDC Reader"), (SK.Quit, "Ctrl+Q")),
    # Edit
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "&Search…"),
               QT_TRANSLATE_NOOP("Actions", "Move to the search box and search the archive"), (SK.Find, "Ctrl+K")),
    ActionSpec("copy_citation", QT_TRANSLATE_NOOP("Actions", "Copy &Citation"),
               QT_TRANSLATE_NOOP("Actions", "Copy the APA citation of the selected articles, or of the open article"),
               ("Ctrl+Shift+C",)),
    ActionSpec("copy_citation_as", QT_TRANSLATE_NOOP("Actions", "Copy Citation &As…"),
               QT_TRANSLATE_NOOP("Actions", "Copy the citations as APA, CSL-JSON, BibTeX or RIS"),
               ("Ctrl+Alt+C",)),
    ActionSpec("save_search", QT_TRANSLATE_NOOP("Actions", "Sa&ve Search…"),
               QT_TRANSLATE_NOOP("Actions", "Keep the current search and its filters under a name in the sidebar"),
               ("Ctrl+Alt+S",)),
    ActionSpec("preferences", QT_TRANSLATE_NOOP("Actions", "Pr&eferences…"),
               QT_TRANSLATE_NOOP("Actions", "Language, theme, dates and text size"), (SK.Preferences, "Ctrl+,")),
    # View
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &In"), QT_TRANSLATE_NOOP("Actions", "Make the text larger"),
               (SK.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), QT_TRANSLATE_NOOP("Actions", "Make the text smaller"),
               (SK.ZoomOut,)),
    ActionSpec("zoom_reset", QT_TRANSLATE_NOOP("Actions", "&Normal Size"), QT_TRANSLATE_NOOP("Actions", "Show the text at 100%"),
               ("Ctrl+0",)),
    ActionSpec("scale_interface", QT_TRANSLATE_NOOP("Actions", "Scale the Whole &Interface"),
               QT_TRANSLATE_NOOP("Actions", "Apply the text size to menus, lists and buttons too"),
               ("Ctrl+Shift+0",), checkable=True),
    ActionSpec("theme_system", QT_TRANSLATE_NOOP("Actions", "Follow the &System"),
               QT_TRANSLATE_NOOP("Actions", "Use light or dark colours as the desktop does"), ("Ctrl+Alt+0",),
               checkable=True, group="theme"),
    ActionSpec("theme_light", QT_TRANSLATE_NOOP("Actions", "&Light"), QT_TRANSLATE_NOOP("Actions", "Dark text on a light background"),
               ("Ctrl+Alt+1",), checkable=True, group="theme"),
    ActionSpec("theme_dark", QT_TRANSLATE_NOOP("Actions", "&Dark"), QT_TRANSLATE_NOOP("Actions", "Light text on a dark background"),
               ("Ctrl+Alt+2",), checkable=True, group="theme"),
    ActionSpec("theme_high_contrast", QT_TRANSLATE_NOOP("Actions", "&High Contrast"),
               QT_TRANSLATE_NOOP("Actions", "White and yellow text on black"), ("Ctrl+Alt+3",),
               checkable=True, group="theme"),
    ActionSpec("common_era", QT_TRANSLATE_NOOP("Actions", "Show Dates in &Common Era"),
               QT_TRANSLATE_NOOP("Actions", "Show years as 2013 instead of 2556"), ("Ctrl+Shift+Y",),
               checkable=True),
    ActionSpec("next_pane", QT_TRANSLATE_NOOP("Actions", "Next &Pane"),
               QT_TRANSLATE_NOOP("Actions", "Move the focus to the next part of the window"), (SK.NextChild, "F6")),
    ActionSpec("previous_pane", QT_TRANSLATE_NOOP("Actions", "Pre&vious Pane"),
               QT_TRANSLATE_NOOP("Actions", "Move the focus to the previous part of the window"),
               (SK.PreviousChild, "Shift+F6")),
    ActionSpec("show_library", QT_TRANSLATE_NOOP("Actions", "Show the &Library"),
               QT_TRANSLATE_NOOP("Actions", "Show or hide the library of groups, years, categories and tags"),
               ("F9",), checkable=True),
    ActionSpec("show_list", QT_TRANSLATE_NOOP("Actions", "Show the Article Li&st"),
               QT_TRANSLATE_NOOP("Actions", "Show or hide the search and the list of articles"),
               ("Shift+F9",), checkable=True),
    ActionSpec("reading_mode", QT_TRANSLATE_NOOP("Actions", "&Reading Mode"),
               QT_TRANSLATE_NOOP("Actions", "The article alone, filling the window"), ("Ctrl+Shift+R",),
               checkable=True),
    ActionSpec("full_screen", QT_TRANSLATE_NOOP("Actions", "&Full Screen"),
               QT_TRANSLATE_NOOP("Actions", "The window fills the screen, without its title bar and the desktop's panels"),
               ("F11",), checkable=True),
    # Ctrl+Alt+Left/Right are GNOME's, Xfce's and Cinnamon's workspace keys (the desktop
    # takes them before the app sees them): the brackets come first and show in the menu.
    ActionSpec("pane_larger", QT_TRANSLATE_NOOP("Actions", "Make the Pane Lar&ger"),
               QT_TRANSLATE_NOOP("Actions", "Give the part of the window with the focus more room (the part beside it gets less)"),
               ("Ctrl+Alt+]", "Ctrl+Alt+Right")),
    ActionSpec("pane_smaller", QT_TRANSLATE_NOOP("Actions", "Make the Pane S&maller"),
               QT_TRANSLATE_NOOP("Actions", "Give the part of the window with the focus less room (the part beside it gets more)"),
               ("Ctrl+Alt+[", "Ctrl+Alt+Left")),
    ActionSpec("go_back", QT_TRANSLATE_NOOP("Actions", "&Back"),
               QT_TRANSLATE_NOOP("Actions", "When the window shows one page at a time: back from the article to the list"),
               ("Alt+Left", "Esc")),
    # Article
    ActionSpec("bookmark", QT_TRANSLATE_NOOP("Actions", "&Bookmark"), QT_TRANSLATE_NOOP("Actions", "Bookmark the open article"),
               ("Ctrl+D",), checkable=True),
    ActionSpec("edit_tags", QT_TRANSLATE_NOOP("Actions", "&Tags…"), QT_TRANSLATE_NOOP("Actions", "Add or remove tags of the open article"),
               ("Ctrl+T",)),
    ActionSpec("edit_note", QT_TRANSLATE_NOOP("Actions", "&Note…"), QT_TRANSLATE_NOOP("Actions", "Write a personal note about the open article"),
               ("Ctrl+Shift+N",)),
    ActionSpec("highlight", QT_TRANSLATE_NOOP("Actions", "&Highlight Selection…"),
               QT_TRANSLATE_NOOP("Actions", "Highlight the selected passage of the article, with an optional note"),
               ("Ctrl+H",)),
    ActionSpec("remove_highlight", QT_TRANSLATE_NOOP("Actions", "Re&move Highlight"),
               QT_TRANSLATE_NOOP("Actions", "Remove the highlight at the cursor"), ("Ctrl+Shift+H",)),
    ActionSpec("compare_versions", QT_TRANSLATE_NOOP("Actions", "Compare &Versions…"),
               QT_TRANSLATE_NOOP("Actions", "Show what changed between two versions of the open article"),
               ("Ctrl+Alt+V",)),
    ActionSpec("open_link", QT_TRANSLATE_NOOP("Actions", "Open &Source Link"),
               QT_TRANSLATE_NOOP("Actions", "Open the article's web page in the browser"), ("Ctrl+Shift+L",)),
    # Help
    ActionSpec("help", QT_TRANSLATE_NOOP("Actions", "&Keys and Help"),
               QT_TRANSLATE_NOOP("Actions", "How to use OPDC Reader, with every key"), (SK.HelpContents, "F1")),
    ActionSpec("recover", QT_TRANSLATE_NOOP("Actions", "&Recover Archive…"),
               QT_TRANSLATE_NOOP("Actions", "Rebuild a damaged catalog from its backups, journal and original files"),
               ("Ctrl+Shift+F1",)),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About OPDC Reader"),
               QT_TRANSLATE_NOOP("Actions", "Version and licence of OPDC Reader"), ("Shift+F1",)),
)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def toolbar_text(text: str) -> str:
    """Menu text without mnemonic or ellipsis, for toolbar buttons ("นำเข้าไฟล์… (&I)" ->
    "นำเข้าไฟล์")."""
    text = re.sub(r"\s*\(&.\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.replace("…", "").strip()


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
        self.window = window
        self.apply_shortcuts(overrides or {})
        self.translate_ui()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """The window's shortcuts win over a text field's own Emacs-style keys (on Linux a
        line edit takes Ctrl+E, Ctrl+K, Ctrl+D... for itself, so Ctrl+E did nothing in the
        search box or the size box). Declining the override lets the shortcut fire."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(
                watched, (QLineEdit, QAbstractSpinBox)) and isinstance(event, QKeyEvent):
            if watched.window() is self.window and self.owns(event):
                event.ignore()
                return True
        return False

    def owns(self, event: QKeyEvent) -> bool:
        """True when the key is one of this window's action shortcuts."""
        pressed = QKeySequence(event.keyCombination())
        return any(seq.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                   for action in self.actions.values() if action.isEnabled()
                   for seq in action.shortcuts())

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def bind(self, name: str, slot: Callable) -> None:
        """Run `slot` when the action fires (toggled(bool) for a toggle, else triggered)."""
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
            text = translate(spec.text)
            action.setText(text)
            action.setIconText(toolbar_text(text))
            tip = translate(spec.tip)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
            action.setWhatsThis(tip)

"""Where the registry's actions appear: the menu bar (with mnemonics) and the toolbar.
Texts come from the registry and MainWindow.retranslate; this only places things."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QSpinBox, QToolBar

from .actions import ActionRegistry
from .forms import named
from .settings import ZOOM_MAX, ZOOM_MIN, ZOOM_STEP

THEME_ACTIONS = {"system": "theme_system", "light": "theme_light", "dark": "theme_dark",
                 "high-contrast": "theme_high_contrast"}
MENUS: dict[str, list[str | None]] = {
    "file": ["import_files", "import_folder", None, "sources", "refresh_sources", None, "print",
             "print_preview", "save_pdf",
             "export_docx", "export_report", "export_warc", "print_reading_size", None, "quit"],
    "edit": ["copy_citation", "copy_citation_as", None, "find", "save_search", None, "preferences"],
    "view": ["zoom_level", "zoom_in", "zoom_out", "zoom_reset", "scale_interface", None, "show_library",
             "show_list", "reading_mode", "full_screen", "go_back", "pane_larger", "pane_smaller", None, "theme",
             "common_era", None, "next_pane", "previous_pane"],
    "article": ["bookmark", "edit_tags", "edit_note", None, "highlight", "remove_highlight",
                "compare_versions", None, "open_link"],
    "help": ["help", None, "recover", None, "about"],
}
TOOLBAR: list[str | None] = ["import_files", "print", None, "zoom_out", "zoom_box", "zoom_in", "zoom_reset", None,
           "bookmark"]


@dataclass
class Menus:
    menus: dict[str, QMenu]
    toolbar: QToolBar
    zoom_level: QAction  # "Text size: 150%" in the View menu (information, not a command)
    zoom_box: QSpinBox  # the text size on the toolbar, in percent


def build_menus(window: QMainWindow, registry: ActionRegistry) -> Menus:
    menus: dict[str, QMenu] = {}
    zoom_box = named(QSpinBox(), "zoomBox")
    zoom_box.setRange(ZOOM_MIN, ZOOM_MAX)
    zoom_box.setSingleStep(ZOOM_STEP)
    zoom_box.setSuffix("%")
    zoom_level = QAction(window)
    zoom_level.setObjectName("zoomLevel")
    zoom_level.setEnabled(False)
    for key, names in MENUS.items():
        menu = window.menuBar().addMenu("")
        menu.setObjectName(f"menu_{key}")
        menus[key] = menu
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name == "zoom_level":
                menu.addAction(zoom_level)
            elif name == "theme":
                sub = menu.addMenu("")
                sub.setObjectName("menu_theme")
                menus["theme"] = sub
                for action in THEME_ACTIONS.values():
                    sub.addAction(registry[action])
            else:
                menu.addAction(registry[name])
    toolbar = named(QToolBar(), "mainToolbar")
    toolbar.setMovable(False)
    for name in TOOLBAR:
        if name is None:
            toolbar.addSeparator()
        elif name == "zoom_box":
            toolbar.addWidget(zoom_box)
        else:
            toolbar.addAction(registry[name])
    window.addToolBar(toolbar)
    return Menus(menus, toolbar, zoom_level, zoom_box)

"""Themes as data: resources/themes/*.toml name colours by meaning; this module turns
them into a QPalette plus a small style sheet (focus ring, search-hit colours).

"system" follows the desktop's light/dark preference and keeps following it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from reader.core.paths import resource

THEMES = ("light", "dark", "high-contrast")
SYSTEM = "system"

# palette role <- semantic colour name
_ROLES = {
    QPalette.ColorRole.Window: "window",
    QPalette.ColorRole.WindowText: "window_text",
    QPalette.ColorRole.Base: "base",
    QPalette.ColorRole.AlternateBase: "alternate_base",
    QPalette.ColorRole.Text: "text",
    QPalette.ColorRole.Button: "button",
    QPalette.ColorRole.ButtonText: "button_text",
    QPalette.ColorRole.BrightText: "text",
    QPalette.ColorRole.Highlight: "highlight",
    QPalette.ColorRole.HighlightedText: "highlighted_text",
    QPalette.ColorRole.Link: "link",
    QPalette.ColorRole.LinkVisited: "link_visited",
    QPalette.ColorRole.PlaceholderText: "placeholder_text",
    QPalette.ColorRole.ToolTipBase: "tooltip_base",
    QPalette.ColorRole.ToolTipText: "tooltip_text",
    QPalette.ColorRole.Mid: "mid",
}


@dataclass(frozen=True)
class Theme:
    name: str
    colors: dict[str, str]

    def color(self, key: str) -> QColor:
        return QColor(self.colors[key])

    def palette(self) -> QPalette:
        pal = QPalette()
        for role, key in _ROLES.items():
            pal.setColor(role, self.color(key))
        # Shades Fusion derives bevels from; kept near the button colour.
        pal.setColor(QPalette.ColorRole.Light, self.color("button").lighter(130))
        pal.setColor(QPalette.ColorRole.Dark, self.color("mid").darker(130))
        pal.setColor(QPalette.ColorRole.Shadow, self.color("mid").darker(200))
        disabled = QPalette.ColorGroup.Disabled
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                     QPalette.ColorRole.ButtonText):
            pal.setColor(disabled, role, self.color("disabled_text"))
        return pal

    def style_sheet(self, font_pt: float | None = None) -> str:
        """A visible focus ring on every input and view (Fusion's own is too faint), and
        the interface text size when it is scaled: with a style sheet in place, widgets
        no longer follow QApplication.setFont, so the size has to be a rule too."""
        focus = self.colors["focus"]
        size = f"* {{ font-size: {font_pt:.1f}pt; }}\n" if font_pt else ""
        return size + (
            "QAbstractItemView:focus, QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus,"
            " QComboBox:focus, QSpinBox:focus, QDateEdit:focus"
            f" {{ border: 2px solid {focus}; }}\n"
            "QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus"
            f" {{ outline: 2px solid {focus}; border: 2px solid {focus}; }}\n"
        )


def load_theme(name: str) -> Theme:
    if name not in THEMES:
        raise ValueError(f"unknown theme: {name}")
    with open(resource("resources", "themes", f"{name}.toml"), "rb") as fh:
        data = tomllib.load(fh)
    return Theme(name=name, colors=dict(data["colors"]))


def resolve(choice: str) -> str:
    """The theme to show for a setting: "system" becomes light or dark."""
    if choice in THEMES:
        return choice
    hints = QGuiApplication.styleHints()
    if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def apply_theme(app: QGuiApplication, choice: str, font_pt: float | None = None) -> Theme:
    theme = load_theme(resolve(choice))
    app.setPalette(theme.palette())
    if hasattr(app, "setStyleSheet"):
        app.setStyleSheet(theme.style_sheet(font_pt))
    return theme


# WCAG 2.x contrast, so tests and the preferences dialog can check a palette.
def relative_luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)

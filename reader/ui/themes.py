"""Themes as data: resources/themes/*.toml name colours by meaning; this module turns
them into a QPalette, a small style sheet (control borders, 2 px focus frames) and the
colours the focus frame of a list's current row is drawn in (FocusFrameStyle, which also
keeps the tails of Thai letters inside a list's rows).

"system" follows the desktop's light/dark preference and keeps following it.
"""

from __future__ import annotations

import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionViewItem,
    QWidget,
)

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
        """Borders every theme can see (Fusion derives them from the window colour, so in
        High Contrast they vanished), a 2 px focus frame in the theme's focus colour, and
        the interface text size when it is scaled: with a style sheet in place, widgets no
        longer follow QApplication.setFont, so the size has to be a rule too. Normal and
        focused fields take the same room (1 px border + 1 px padding, or 2 px border)."""
        c = self.colors
        size = f"* {{ font-size: {font_pt:.1f}pt; }}\n" if font_pt else ""
        fields = "QLineEdit, QSpinBox, QComboBox, QTextEdit, QPlainTextEdit, QAbstractItemView"
        focused = ", ".join(f"{name.strip()}:focus" for name in fields.split(","))
        up, down = (arrow_image(direction, c["button_text"]) for direction in ("up", "down"))
        return size + (
            f"{fields} {{ border: 1px solid {c['border']}; padding: 1px; }}\n"
            f"{focused} {{ border: 2px solid {c['focus']}; padding: 0px; }}\n"
            # A bordered spin box loses Fusion's arrows: draw them in the theme's text colour.
            f"QSpinBox::up-arrow {{ image: url({up}); width: 0.55em; height: 0.55em; }}\n"
            f"QSpinBox::down-arrow {{ image: url({down}); width: 0.55em; height: 0.55em; }}\n"
            "QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus"
            f" {{ border: 2px solid {c['focus']}; }}\n"
        )


def arrow_image(direction: str, color: str) -> str:
    """A small triangle PNG in the given colour (made once, in the temporary folder)."""
    folder = Path(tempfile.gettempdir()) / "opdc-reader-arrows"
    path = folder / f"{direction}-{color.lstrip('#')}.png"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        image = QImage(48, 48, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        top, bottom = (8.0, 40.0) if direction == "up" else (40.0, 8.0)
        painter.drawPolygon(QPolygonF([QPointF(4, bottom), QPointF(44, bottom), QPointF(24, top)]))
        painter.end()
        image.save(str(path) + ".tmp.png")
        Path(str(path) + ".tmp.png").replace(path)  # two windows may make it at once
    return path.as_posix()


class FocusFrameStyle(QProxyStyle):
    """Fusion, with the current row of a list framed 2 px in the theme's focus colours
    (Fusion draws 1 px in the selection's own colour: invisible on a selected row)."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.frame = QColor("#9c3d00")
        self.on_selection = QColor("#ffffff")

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect and isinstance(widget, QAbstractItemView):
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            pen = QPen(self.on_selection if selected else self.frame, 2)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.save()
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1))
            painter.restore()
            return
        super().drawPrimitive(element, option, painter, widget)

    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption,  # noqa: N802
                       widget: QWidget | None = None) -> QRect:
        """A row's text a little higher when the tails of ฎ ฏ ฐ would reach below the row:
        they go deeper than the font's descent (at 400% Sarabun's ฏ ends 20 px below the
        baseline, its descent is 14), and a row centred on the font's height cut 6 px off
        them, while the tallest letters (ใ ไ โ, 59 px) leave 4 px of the ascent unused."""
        # (Qt passes no widget at times; PySide6's stubs do not say so.)
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]
        if element == QStyle.SubElement.SE_ItemViewItemText and isinstance(option, QStyleOptionViewItem):
            lift = _tail_lift(QFont(option.font), rect.height())
            if lift:
                rect.translate(0, -lift)
        return rect


_lifts: dict[tuple[str, int], int] = {}  # (QFont.key(), row height) -> lift


def _tail_lift(font: QFont, height: int) -> int:
    """How far to raise text centred in `height` px when the lowest Thai tails would reach
    the row's edge: the ink from the tallest letters to the lowest tail is then centred in
    the row instead of the font's height (0 when the tails are clear). At 400% that ink is
    79 px in a 77 px row: a pixel at each end is still lost, not 6 at the bottom."""
    key = (font.key(), height)
    if key not in _lifts:
        fm = QFontMetricsF(font)
        baseline = (height - fm.height()) / 2 + fm.ascent()  # where centring puts it
        tail = fm.tightBoundingRect("ฎฏฐ").bottom()
        top = -fm.tightBoundingRect("ใไโปั้").top()
        lift = 0 if baseline + tail < height - 1 else round(baseline + (tail - top - height) / 2)
        _lifts[key] = max(0, lift)
    return _lifts[key]


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


_focus_style: FocusFrameStyle | None = None
_current: Theme | None = None


def current_theme() -> Theme:
    """The theme applied last (light before any)."""
    return _current or load_theme("light")


def apply_theme(app: QGuiApplication, choice: str, font_pt: float | None = None) -> Theme:
    theme = load_theme(resolve(choice))
    global _focus_style, _current
    _current = theme
    if hasattr(app, "setStyle"):
        if _focus_style is None:  # app.style() is the style sheet's wrapper: keep our own
            _focus_style = FocusFrameStyle()
            app.setStyle(_focus_style)
        _focus_style.frame = theme.color("focus")
        _focus_style.on_selection = theme.color("focus_on_selection")
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

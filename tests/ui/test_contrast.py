"""Contrast of every drawn state, computed from each theme (issue 15): the selected row's
snippet text and hit mark, focus frames against their neighbours, control borders; and
the pixels actually painted by the snippet delegate and the focus frame style."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect, QStyleOptionViewItem, QTreeView

from reader.ui import themes
from reader.ui.models import SEGMENTS_ROLE
from reader.ui.searchpanel import SnippetDelegate


def ratio(theme: themes.Theme, a: str, b: str) -> float:
    return themes.contrast_ratio(theme.color(a), theme.color(b))


def text_need(name: str) -> float:
    return 7.0 if name == "high-contrast" else 4.5


@pytest.mark.parametrize("name", themes.THEMES)
def test_text_on_every_drawn_state(name):
    theme, need = themes.load_theme(name), text_need(name)
    pairs = [
        ("text", "base"), ("highlighted_text", "highlight"),  # a selected row's snippet
        ("hit_text", "hit_background"),  # a hit in the article and in unselected snippets
        ("selected_hit_text", "selected_hit_background"),  # a hit on the selected row
    ]
    for fg, bg in pairs:
        assert ratio(theme, fg, bg) >= need, f"{name}: {fg} on {bg} = {ratio(theme, fg, bg):.2f}"


@pytest.mark.parametrize("name", themes.THEMES)
def test_marks_and_frames_against_their_neighbours(name):
    theme = themes.load_theme(name)
    # The hit mark on a selected row must stand out from the selection itself.
    assert ratio(theme, "selected_hit_background", "highlight") >= 3.0
    # Focus frames: around a field (window outside, field inside), around a list's
    # current row (the row's background inside, the list's base outside).
    for neighbour in ("window", "base", "alternate_base", "button"):
        assert ratio(theme, "focus", neighbour) >= 3.0, f"{name}: focus on {neighbour}"
        assert ratio(theme, "border", neighbour) >= 3.0, f"{name}: border on {neighbour}"
    assert ratio(theme, "focus_on_selection", "highlight") >= 3.0
    # The focus frame differs from the unfocused border enough to be told apart.
    assert theme.colors["focus"] != theme.colors["border"]


@pytest.mark.parametrize("name", themes.THEMES)
def test_style_sheet_draws_borders_and_two_pixel_focus(qapp, name):
    theme = themes.load_theme(name)
    sheet = theme.style_sheet()
    assert f"border: 1px solid {theme.colors['border']}" in sheet
    assert "QLineEdit:focus" in sheet and f"border: 2px solid {theme.colors['focus']}" in sheet
    assert "QSpinBox::up-arrow" in sheet  # the arrows stay visible with a border set


def _render_focus_frame(qapp, name: str, selected: bool) -> QImage:
    theme = themes.apply_theme(qapp, name)
    view = QTreeView()
    option = QStyleOptionFocusRect()
    option.rect = QRect(0, 0, 40, 20)
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(theme.color("highlight" if selected else "base"))
    painter = QPainter(image)
    themes._focus_style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, view)
    painter.end()
    return image


@pytest.mark.parametrize("name", themes.THEMES)
def test_current_row_frame_is_two_pixels_in_the_focus_colour(qapp, name):
    try:
        theme = themes.load_theme(name)
        for selected, key in ((False, "focus"), (True, "focus_on_selection")):
            image = _render_focus_frame(qapp, name, selected)
            want = theme.color(key).rgb()
            # two pixel rows at the top and two columns at the left, inside unchanged
            assert image.pixel(20, 0) == want and image.pixel(20, 1) == want, (name, selected)
            assert image.pixel(0, 10) == want and image.pixel(1, 10) == want
            assert image.pixel(20, 10) != want
    finally:
        themes.apply_theme(qapp, "light")


@pytest.mark.parametrize("name", themes.THEMES)
def test_selected_snippet_paints_selection_colours(qapp, name):
    try:
        theme = themes.apply_theme(qapp, name)
        model = QStandardItemModel()
        item = QStandardItem("before hit after")
        item.setData([("before ", False), ("HIT", True), (" after", False)], SEGMENTS_ROLE)
        model.appendRow(item)
        delegate = SnippetDelegate((theme.color("hit_background"), theme.color("hit_text")))
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 300, 30)
        option.state |= QStyle.StateFlag.State_Selected
        doc = delegate._document(option, model.index(0, 0))
        html = doc.toHtml().lower()
        assert theme.colors["highlighted_text"].lower() in html
        assert theme.colors["selected_hit_background"].lower() in html
        assert theme.colors["selected_hit_text"].lower() in html
        option.state = QStyle.StateFlag.State_None
        plain = delegate._document(option, model.index(0, 0)).toHtml().lower()
        assert theme.colors["hit_background"].lower() in plain
        assert theme.colors["text"].lower() in plain
    finally:
        themes.apply_theme(qapp, "light")


def test_focus_style_is_installed_once(qapp):
    themes.apply_theme(qapp, "dark")
    first = themes._focus_style
    themes.apply_theme(qapp, "light")
    assert themes._focus_style is first
    assert first.frame == QColor(themes.load_theme("light").colors["focus"])

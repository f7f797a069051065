"""Contrast of every theme, computed from the QPalette the window actually uses."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from reader.ui import themes

R = QPalette.ColorRole
PAIRS = [
    (R.Text, R.Base),
    (R.WindowText, R.Window),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.Link, R.Base),
    (R.LinkVisited, R.Base),
    (R.ToolTipText, R.ToolTipBase),
    (R.PlaceholderText, R.Base),
    (R.Text, R.AlternateBase),
]


@pytest.mark.parametrize("name", themes.THEMES)
def test_contrast_of_every_pair(qapp, name):
    theme = themes.load_theme(name)
    palette = theme.palette()
    need = 7.0 if name == "high-contrast" else 4.5
    for fg, bg in PAIRS:
        ratio = themes.contrast_ratio(palette.color(fg), palette.color(bg))
        assert ratio >= need, f"{name}: {fg.name}/{bg.name} = {ratio:.2f} < {need}"
    hit = themes.contrast_ratio(theme.color("hit_text"), theme.color("hit_background"))
    assert hit >= need, f"{name}: search hits {hit:.2f}"
    disabled = palette.color(QPalette.ColorGroup.Disabled, R.Text)
    assert themes.contrast_ratio(disabled, palette.color(R.Base)) >= 3.0


def test_contrast_formula_matches_wcag():
    assert themes.contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert themes.contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_system_follows_colour_scheme(qapp):
    assert themes.resolve("system") in ("light", "dark")
    assert themes.resolve("high-contrast") == "high-contrast"
    with pytest.raises(ValueError):
        themes.load_theme("neon")


def test_apply_sets_palette_and_focus_ring(qapp):
    theme = themes.apply_theme(qapp, "high-contrast")
    try:
        assert qapp.palette().color(R.Window) == QColor("#000000")
        assert theme.colors["focus"] in qapp.styleSheet()
    finally:
        themes.apply_theme(qapp, "light")

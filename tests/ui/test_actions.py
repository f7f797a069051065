"""One action registry: every action has a shortcut, a mnemonic and a translation."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from reader.ui import i18n
from reader.ui.actions import SPECS, ActionRegistry


def test_every_action_has_shortcut_mnemonic_and_tip(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window)
    seen = {}
    for spec in SPECS:
        action = registry[spec.name]
        assert action.shortcuts(), spec.name
        assert "&" in action.text(), spec.name
        assert action.toolTip() and action.statusTip()
        for seq in action.shortcuts():
            key = seq.toString()
            assert key not in seen, f"{key} used by {seen.get(key)} and {spec.name}"
            seen[key] = spec.name


def test_standard_zoom_keys(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window)
    keys = lambda name: [s.toString() for s in registry[name].shortcuts()]  # noqa: E731
    assert "Ctrl++" in keys("zoom_in") and "Ctrl+=" in keys("zoom_in")
    assert "Ctrl+-" in keys("zoom_out")
    assert keys("zoom_reset") == ["Ctrl+0"]
    assert {"Ctrl+F", "Ctrl+K"} <= set(keys("find"))


def test_user_override(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window, {"find": "Ctrl+J"})
    assert [s.toString() for s in registry["find"].shortcuts()] == ["Ctrl+J"]


def test_thai_texts(qtbot, qapp):
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window)
    try:
        assert i18n.install(qapp, "th") == "th"
        registry.translate_ui()
        assert registry["import_files"].text() == "นำเข้าไฟล์… (&I)"
        assert registry["import_files"].iconText() == "นำเข้าไฟล์"
        assert registry["print"].text().startswith("พิมพ์")
    finally:
        i18n.install(qapp, "en")
    registry.translate_ui()
    assert registry["print"].text() == "&Print…"

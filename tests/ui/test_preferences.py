"""Preferences: form rows are labelled for screen readers; choices apply and persist."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from reader.ui.preferences import PreferencesDialog
from reader.ui.settings import Settings, load_settings


def test_rows_have_names_descriptions_and_buddies(qtbot):
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    for widget in dialog.findChildren(QComboBox) + dialog.findChildren(QSpinBox):
        assert widget.accessibleName(), widget.objectName()
        assert widget.accessibleDescription(), widget.objectName()
    assert dialog.zoom.accessibleName() == "Text size"


def test_chosen_settings(qtbot):
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("high-contrast"))
    dialog.era.setCurrentIndex(dialog.era.findData("ce"))
    dialog.zoom.setValue(170)
    dialog.scale.setChecked(True)
    chosen = dialog.chosen()
    assert (chosen.theme, chosen.era, chosen.zoom_percent, chosen.scale_interface) == (
        "high-contrast", "ce", 170, True)


def test_preferences_apply_and_persist(open_window, archive_path):
    window = open_window(archive_path)

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.language.setCurrentIndex(dialog.language.findData("th"))
        dialog.zoom.setValue(200)
        dialog.accept()

    QTimer.singleShot(100, answer)
    window.registry["preferences"].trigger()
    assert window.settings.theme == "dark" and window.settings.zoom_percent == 200
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#1e1f22"
    assert window.menus["view"].title() == "มุมมอง (&V)"
    saved = load_settings()
    assert (saved.theme, saved.language, saved.zoom_percent) == ("dark", "th", 200)

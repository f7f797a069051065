"""Preferences: interface language, theme, era of dates, text size, interface scaling."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .combo import ComboBox
from .forms import add_row, name_widget, named
from .settings import ZOOM_MAX, ZOOM_MIN, ZOOM_STEP, Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        self.settings = settings
        self.language = named(ComboBox(), "prefLanguage")
        for text, value in ((self.tr("As the system (Thai on a Thai system)"), "system"),
                            ("ไทย (Thai)", "th"), ("English", "en")):
            self.language.addItem(text, value)
        self.theme = named(ComboBox(), "prefTheme")
        for text, value in ((self.tr("Follow the system"), "system"), (self.tr("Light"), "light"),
                            (self.tr("Dark"), "dark"), (self.tr("High contrast"), "high-contrast")):
            self.theme.addItem(text, value)
        self.era = named(ComboBox(), "prefEra")
        self.era.addItem(self.tr("Buddhist Era (26 สิงหาคม 2556)"), "be")
        self.era.addItem(self.tr("Common Era (26 สิงหาคม 2013)"), "ce")
        self.zoom = named(QSpinBox(), "prefZoom")
        self.zoom.setRange(ZOOM_MIN, ZOOM_MAX)
        self.zoom.setSingleStep(ZOOM_STEP)
        self.zoom.setSuffix("%")
        self.scale = named(QCheckBox(self.tr("Scale the whole &interface with the text size")),
                           "prefScale")
        name_widget(self.scale, self.scale.text(), self.tr(
            "Menus, lists and buttons grow with the text, not only the article"))
        self.print_size = named(QCheckBox(self.tr("&Print and export at this text size")),
                                "prefPrintSize")
        name_widget(self.print_size, self.print_size.text(), self.tr(
            "Paper, PDF and Word use this size instead of the official 16 pt"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        add_row(form, self.tr("&Language"), self.language,
                self.tr("Language of menus and messages; applies at once"))
        add_row(form, self.tr("&Theme"), self.theme, self.tr("Colours of the window"))
        add_row(form, self.tr("&Dates"), self.era, self.tr("Era used to show years"))
        add_row(form, self.tr("Text &size"), self.zoom,
                self.tr("Size of the article text, 50% to 400%"))
        form.addRow(self.scale)
        form.addRow(self.print_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._load(settings)

    def _load(self, s: Settings) -> None:
        for combo, value in ((self.language, s.language), (self.theme, s.theme), (self.era, s.era)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.zoom.setValue(s.zoom_percent)
        self.scale.setChecked(s.scale_interface)
        self.print_size.setChecked(s.print_at_reading_size)

    def chosen(self) -> Settings:
        """The settings as the dialog shows them (the caller applies and saves them)."""
        return replace(self.settings, language=self.language.currentData(),
                       theme=self.theme.currentData(), era=self.era.currentData(),
                       zoom_percent=self.zoom.value(), scale_interface=self.scale.isChecked(),
                       print_at_reading_size=self.print_size.isChecked())

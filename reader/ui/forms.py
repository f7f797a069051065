"""Form rows built one way: a label with a mnemonic and buddy, and the field's
accessible name and description set, so every input has words a screen reader speaks."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def plain(text: str) -> str:
    """Label text without its mnemonic marker ("&Theme" -> "Theme")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def name_widget(widget: QWidget, name: str, description: str = "") -> QWidget:
    widget.setAccessibleName(plain(name))
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def add_row(layout: QFormLayout, label: str, widget: QWidget, description: str = "") -> QLabel:
    caption = QLabel(label)
    caption.setBuddy(widget)  # Alt+mnemonic focuses the field; Orca reads the label
    name_widget(widget, label, description)
    layout.addRow(caption, widget)
    return caption

"""Form rows built one way: a label with a mnemonic and buddy, and the field's
accessible name and description set, so every input has words a screen reader speaks;
and the one way the background controllers (import, export) show a message."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QWidget

Named = TypeVar("Named", bound=QObject)


def named(obj: Named, name: str) -> Named:
    """`obj` with its object name (what tests and stylesheets find it by); Qt's
    objectName= keyword works too, but PySide6's type stubs do not declare it."""
    obj.setObjectName(name)
    return obj


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


def open_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, object_name: str,
                 accessible_name: str) -> QMessageBox:
    """A message box shown without blocking (the window keeps working and tests can read
    it), deleted when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(object_name)
    box.setAccessibleName(accessible_name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box

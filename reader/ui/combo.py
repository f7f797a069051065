"""The window's combo box: a QComboBox whose closed pop-up list claims no focus.

Qt keeps the pop-up list's current item in step with the box's choice, and over AT-SPI
an item view's current item has the FOCUSED state even while the list is hidden. A screen
reader that looks for the focus by walking a window (Orca 43 does at its start, and on a
key press while it knows only the window) stops at the first FOCUSED object it meets:
the search panel's closed Category list came before the article list, so Orca said
"Category combo box, All categories" while the keyboard was in the list. Here the hidden
list has no current item; it gets the choice back when the list opens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QComboBox, QWidget


class ComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open = False
        view = self.view()  # makes the pop-up container, the view's parent
        view.selectionModel().currentChanged.connect(self._current_changed)
        container = view.parentWidget()
        if container is not None:
            container.installEventFilter(self)  # closed by a click outside, not hidePopup()

    def showPopup(self) -> None:  # noqa: N802 (Qt override)
        self._open = True
        if self.currentIndex() >= 0:  # the list opens on the choice (Qt 6 sets it no more)
            self.view().setCurrentIndex(
                self.model().index(self.currentIndex(), self.modelColumn(), self.rootModelIndex()))
        super().showPopup()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Hide and watched is self.view().parentWidget():
            # Later, not now: Qt hides the list first and then reads its current item
            # as the reader's choice (Enter, a click).
            self._open = False
            QTimer.singleShot(0, self._let_go)
        return super().eventFilter(watched, event)

    def _current_changed(self, current: QModelIndex | QPersistentModelIndex,
                         _previous: QModelIndex | QPersistentModelIndex) -> None:
        if current.isValid() and not self._open:
            self._let_go()

    def _let_go(self) -> None:
        if not self._open:
            self.view().selectionModel().clearCurrentIndex()

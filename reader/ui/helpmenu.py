"""The Help menu's commands: the keys page (F1), recovering the archive, About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from .i18n import fill

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class HelpMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def show_help(self) -> None:
        """F1: the keys and how to move around, made from the actions as they are now."""
        from .helppage import HelpDialog

        dialog = HelpDialog(self.window.registry, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def ask_recover(self) -> None:
        from .recovering import Recovery

        if Recovery(self.window).confirm():
            self.window.recoverRequested.emit()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from reader import __version__

        QMessageBox.about(self.window, self.tr("About OPDC Reader"), fill(self.tr(
            "OPDC Reader %1\nAn accessible reader and archive for Thai government news."), __version__))

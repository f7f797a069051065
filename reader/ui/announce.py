"""Spoken announcements (result counts, saved files, zoom level, bookmark on/off...) that
screen readers old and new actually speak.

Qt's QAccessibleAnnouncementEvent becomes AT-SPI `object:announcement`, which newer Orca,
NVDA and Narrator speak but Orca 43 (Debian 12) ignores. What Orca 43 does speak, whatever
has the focus, is a *notification* that becomes visible (its onShowingChanged reads the
object's role and name). So each window has one menu-bar label exposed with the
Notification role: an announcement hides it, sets the text as its name and shows it again,
and also sends the announcement event for the newer readers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QMainWindow, QWidget

OBJECT_NAME = "announcer"
_interfaces: dict[int, QAccessibleInterface] = {}  # kept alive while their label lives


class Announcer(QLabel):
    """An empty menu-bar label that screen readers hear as a notification each time it
    speaks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.said: list[str] = []  # what it announced, oldest first (tests read it)

    def say(self, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.said.append(text)
        del self.said[:-50]
        # Hidden, renamed, shown: Orca 43 speaks "notification <name>" on showing. The
        # label draws nothing: the status bar or the count label shows the words already.
        self.hide()
        self.setAccessibleName(text)
        self.show()
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        # The last announcement is past news in the language just left: a reader who
        # comes across the label later hears nothing rather than that (nothing is said).
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName("")
        super().changeEvent(event)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, Announcer):
        iface = QAccessibleWidget(obj, QAccessible.Role.Notification)
        number = id(obj)
        _interfaces[number] = iface
        obj.destroyed.connect(lambda *_args: _interfaces.pop(number, None))
        return iface
    return None


_installed = False


def install() -> None:
    """Register the Notification role for announcers (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announcer_for(widget: QWidget) -> Announcer | None:
    """The announcer of the widget's window; made in the corner of its menu bar on first
    use (the menu bar always shows; the status bar folds away in the page layout)."""
    window = widget.window()
    found = window.findChild(Announcer, OBJECT_NAME)
    if found is None and isinstance(window, QMainWindow):
        install()
        found = Announcer(window.menuBar())  # a parent: Qt, not Python, owns it
        window.menuBar().setCornerWidget(found, Qt.Corner.TopRightCorner)
        found.show()
    return found


def say(widget: QWidget, text: str) -> None:
    """Announce text from anywhere in a window; without a main window, the event alone."""
    found = announcer_for(widget)
    if found is not None:
        found.say(text)
    elif text.strip():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))

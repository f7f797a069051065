"""Announcements reach screen readers two ways: a Notification that shows (what Orca 43
speaks) and the object:announcement event (newer readers). Orca itself hears them in
tests/a11y/test_orca.py."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMainWindow

from reader.ui import announce


def test_announcer_is_a_notification_that_shows_again(qtbot):
    window = QMainWindow()
    window.menuBar().addMenu("File")  # the announcer sits in the menu bar's corner
    qtbot.addWidget(window)
    window.show()
    announce.say(window.centralWidget() or window, "3 articles found")
    found = window.findChild(announce.Announcer, announce.OBJECT_NAME)
    assert found is not None and found.isVisible()
    iface = QAccessible.queryAccessibleInterface(found)
    assert iface.role() == QAccessible.Role.Notification
    assert iface.text(QAccessible.Text.Name) == "3 articles found"
    seen = []  # a hide and a show each time, for Orca's showing event
    orig_hide, orig_show = found.hideEvent, found.showEvent
    found.hideEvent = lambda e: (seen.append("hide"), orig_hide(e))
    found.showEvent = lambda e: (seen.append("show"), orig_show(e))
    found.say("Text size 120%")
    assert seen == ["hide", "show"]
    assert found.said == ["3 articles found", "Text size 120%"]
    assert iface.text(QAccessible.Text.Name) == "Text size 120%"
    assert found.text() == ""  # the status bar shows the words; the label draws nothing


def test_one_announcer_per_window_and_blank_is_silent(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    announce.say(window, "a")
    announce.say(window, "   ")
    announce.say(window, "b")
    found = window.findChildren(announce.Announcer)
    assert len(found) == 1 and found[0].said == ["a", "b"]


def test_search_count_is_announced(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    window.search.box.setText("ธนาคารโลก")
    window.search.fire_now()
    said = window.findChild(announce.Announcer).said
    assert said and said[-1] == window.search.count_label.text()

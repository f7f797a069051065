"""Reflow at large sizes (issue 15, WCAG 1.4.10): with the interface scaled to 200, 300 and
400% on 1280x800 and 1920x1080 the list shows at least 8 rows and no date is cut; the
article gets 12 lines or the whole window; pages are moved between by keys; the reading
place survives zoom, theme and language; a zoom step is a few accessibility events."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QTextCursor

from reader.ui.models import DATE

SIZES = [(1280, 800), (1920, 1080)]
ZOOMS = [200, 300, 400]


def settle(qtbot):
    qtbot.wait(30)


def scaled(open_window, archive_path, qtbot, size, zoom):
    window = open_window(archive_path)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.resize(*size)
    window.registry["scale_interface"].setChecked(True)
    window.appearance.set_zoom(zoom)
    settle(qtbot)
    return window


def visible_rows(window) -> float:
    row = window.list.sizeHintForRow(0)
    return window.list.viewport().height() / row


def article_lines(window) -> float:
    line = QFontMetricsF(window.reader.document().defaultFont()).lineSpacing()
    return (window.reader.viewport().height() - 2 * window.reader.document().documentMargin()) / line


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("zoom", ZOOMS)
def test_rows_lines_and_dates_at_large_sizes(open_window, archive_path, qtbot, size, zoom):
    window = scaled(open_window, archive_path, qtbot, size, zoom)
    assert window.height() == size[1] and window.width() == size[0]
    if window.panes.paged:
        window.panes.show_page(window.list)
        settle(qtbot)
    assert window.list.isVisible()
    assert visible_rows(window) >= 8, (zoom, size, visible_rows(window))
    # No date cut: the column holds the longest short date and lies inside the view.
    header = window.list.header()
    longest = max(window.format_date(dt.date(2000, m, 28), "short") for m in range(1, 13))
    assert header.sectionSize(DATE) >= window.list.fontMetrics().horizontalAdvance(longest)
    assert header.sectionViewportPosition(DATE) + header.sectionSize(DATE) <= window.list.viewport().width()
    if window.panes.paged:
        window.panes.show_page(window.reader)
        settle(qtbot)
    assert window.reader.isVisible()
    lines = article_lines(window)
    # 12 lines where the screen has room for them; else the article has the whole window
    # below the menu bar (at 400% one line of Thai is ~89 px: 12 need more than 800 px).
    room = window.height() - window.menuBar().height()
    line = QFontMetricsF(window.reader.document().defaultFont()).lineSpacing()
    if room >= 12 * line + 40:
        assert lines >= 12, (zoom, size, lines)
    else:
        assert window.panes.paged and window.reader.height() >= room - 8, (zoom, size)
    assert window.minimumSizeHint().width() <= size[0]


def test_pages_are_moved_between_with_enter_esc_alt_left_and_f6(open_window, archive_path, qtbot):
    window = scaled(open_window, archive_path, qtbot, (1280, 800), 400)
    assert window.panes.paged
    assert not window.toolbar.isVisible() and not window.statusBar().isVisible()
    pages = window.panes.pages
    window.panes.show_page(window.list)
    qtbot.waitUntil(window.list.hasFocus)
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    qtbot.keyClick(window.list, Qt.Key.Key_Return)
    assert pages.currentWidget() is window.reader and window.reader.hasFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert pages.currentWidget() is window.list.parentWidget() and window.list.hasFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Return)
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.list.hasFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F6)
        seen.append(pages.currentWidget().objectName())
    assert len(set(seen)) == 4, seen
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert pages.currentWidget().objectName() == seen[-2]
    # Enter in the search box goes on to the results.
    window.panes.show_page(window.search.box)
    window.search.box.setText("ก.พ.ร.")  # (QTest cannot type Thai)
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert pages.currentWidget() is window.list.parentWidget()
    # Back to normal size: panes side by side again, toolbar and status bar back.
    window.registry["scale_interface"].setChecked(False)
    window.appearance.set_zoom(100)
    settle(qtbot)
    assert not window.panes.paged and window.toolbar.isVisible() and window.statusBar().isVisible()
    assert window.sidebar.isVisible() and window.list.isVisible() and window.reader.isVisible()
    assert not window.registry["go_back"].isEnabled()  # Esc is not taken from the list


def test_view_menu_hides_panes_and_reading_mode(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    window.resize(1280, 800)
    settle(qtbot)
    assert not window.panes.paged
    window.registry["show_library"].trigger()
    assert not window.sidebar.isVisible()
    window.registry["show_library"].trigger()
    assert window.sidebar.isVisible()
    window.registry["reading_mode"].trigger()
    assert not window.sidebar.isVisible() and not window.list.isVisible() and window.reader.isVisible()
    window.registry["reading_mode"].trigger()
    assert window.sidebar.isVisible() and window.list.isVisible()
    window.registry["show_list"].trigger()
    assert not window.list.isVisible()
    # F6 skips what is hidden
    window.reader.setFocus()
    for _ in range(3):
        window.cycle_focus(1)
        assert window.focusWidget() is not window.list


def put_caret(window) -> int:
    doc = window.reader.document()
    block = doc.findBlockByNumber(3)
    cursor = window.reader.textCursor()
    cursor.setPosition(block.position() + 5)
    window.reader.setTextCursor(cursor)
    return cursor.position()


def test_caret_kept_through_zoom_theme_and_language_with_the_interface_scaled(open_window, archive_path, qtbot):
    window = scaled(open_window, archive_path, qtbot, (1280, 800), 200)
    caret = put_caret(window)
    text = window.reader.toPlainText()
    changes = []
    window.reader.document().contentsChange.connect(lambda *args: changes.append(args))
    for zoom in (210, 220, 300, 400, 250):
        before = len(changes)
        window.appearance.set_zoom(zoom)
        assert window.reader.textCursor().position() == caret, zoom
        assert (len(changes) - before) * 2 < 20  # AT-SPI: a delete and an insert per change
    for theme in ("dark", "high-contrast", "light"):
        window.appearance.set_theme(theme)
        assert window.reader.textCursor().position() == caret, theme
    assert window.reader.toPlainText() == text
    window.appearance.set_language("th")
    try:
        block = window.reader.document().findBlock(window.reader.textCursor().position())
        assert block.blockNumber() == 3
        assert window.reader.textCursor().position() - block.position() == 5
    finally:
        window.appearance.set_language("en")
    cursor = window.reader.textCursor()
    assert cursor.position() == caret
    cursor.movePosition(QTextCursor.MoveOperation.End)

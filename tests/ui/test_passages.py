"""Highlights, versions compared and saved searches in the window, by keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog

from reader.core.model import Article
from reader.core.search import sync_index
from tests.ui.conftest import THAI_BODY, make_article
from tests.ui.test_mainwindow import activate


def answer_dialog(qtbot, text: str) -> None:
    """Type into the next input dialog and press Enter (as a person at the keyboard)."""
    def type_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(50, type_it)
            return
        if text:
            qtbot.keyClicks(dialog.focusWidget(), text)  # QTest types ASCII only
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    QTimer.singleShot(50, type_it)


def test_highlight_a_passage_with_a_note_by_keyboard(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    activate(qtbot, window)
    reader = window.reader
    reader.setFocus()
    cursor = reader.textCursor()
    cursor.setPosition(reader.paragraph_starts[0])  # where Down arrows would bring the caret
    reader.setTextCursor(cursor)
    for _ in range(3):
        qtbot.keyClick(reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    chosen = reader.textCursor().selectedText()
    assert chosen and THAI_BODY[0].startswith(chosen)
    answer_dialog(qtbot, "read again")
    qtbot.keyClick(reader, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    marks = window.archive.highlights.for_article(window.article.article_id)
    assert [(m.quote, m.note) for m in marks] == [(chosen, "read again")]
    # Drawn in the text's own format (what AT-SPI reads as attributes): underlined.
    probe = reader.textCursor()
    probe.setPosition(reader.paragraph_starts[0] + 1)
    assert probe.charFormat().fontUnderline()
    # The sidebar lists it; choosing it opens the article with the passage selected.
    window.sidebar.select({"highlight": marks[0].id})
    assert reader.textCursor().selectedText() == chosen
    # Ctrl+Shift+H at the passage removes it.
    activate(qtbot, window)  # the note dialog took the window's activation with it
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.archive.highlights.for_article(marks[0].article_id) == []


def test_compare_two_versions_by_keyboard(open_window, archive_path, qtbot):
    changed = make_article(1)
    changed.paragraphs = [changed.paragraphs[0].replace("ธนาคารโลก", "สหประชาชาติ"),
                          *changed.paragraphs[1:]]
    window = open_window(archive_path)
    result = window.archive.add(changed, b"original 1, corrected", "test/1b.txt")
    window.article.show(result.article_id)
    assert "ฉบับที่ 2 จาก 2" in window.reader.toPlainText() or \
        "version 2 of 2" in window.reader.toPlainText()
    activate(qtbot, window)
    seen = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog.objectName() != "compareDialog":
            QTimer.singleShot(50, inspect)
            return
        seen["summary"] = dialog.summary.text()
        seen["text"] = dialog.text.toPlainText()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F3)  # Next Change
        seen["caret"] = dialog.text.textCursor().position()
        seen["first_change"] = dialog.changes_at[0]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(50, inspect)
    qtbot.keyClick(window.reader, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier)
    assert "1" in seen["summary"] and "2" in seen["summary"]
    assert "ธนาคารโลก" in seen["text"] and "สหประชาชาติ" in seen["text"]
    assert ("[deleted: ธนาคารโลก]" in seen["text"]) or ("[ลบ: ธนาคารโลก]" in seen["text"])
    assert seen["caret"] == seen["first_change"]


def test_save_a_search_and_see_its_new_matches(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    qtbot.waitUntil(lambda: window.usable_index() is not None, timeout=20000)
    activate(qtbot, window)
    window.registry["find"].trigger()
    qtbot.keyClicks(window.search.box, "Public")
    qtbot.waitUntil(lambda: window.list_model.total == 4, timeout=3000)
    answer_dialog(qtbot, "")  # keep the suggested name (the query itself)
    qtbot.keyClick(window.search.box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier)
    saved = window.archive.saved.by_name("Public")
    labels = [window.sidebar.topLevelItem(i) for i in range(window.sidebar.topLevelItemCount())]
    heading = next(item.text(0) for item in labels
                   if item.text(0) in ("Saved searches", "การค้นหาที่บันทึกไว้"))
    group = next(item for item in labels if item.text(0) == heading)
    assert group.child(0).text(0) == "Public (4)"

    article = Article(title="Public sector news 99", paragraphs=["New text."], language="en")
    window.archive.add(article, b"new one", "test/99.txt")
    sync_index(window.archive, window.index)
    window.search.box.clear()
    window.listing.refresh_library()
    group = next(window.sidebar.topLevelItem(i) for i in range(window.sidebar.topLevelItemCount())
                 if window.sidebar.topLevelItem(i).text(0) == heading)
    assert group.child(0).text(0) in ("Public (5, 1 new)", "Public (5, ใหม่ 1)")
    # Open it from the sidebar with the keyboard: the list shows its matches, none new after.
    window.sidebar.setFocus()
    window.sidebar.setCurrentItem(group)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Right)  # expand
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)  # the saved search
    qtbot.waitUntil(lambda: window.list_model.total == 5, timeout=3000)
    assert window.search.query() == "Public"
    assert "1" in window.statusBar().currentMessage()  # "Public: 1 new since you last opened it"
    assert window.archive.saved.get(saved.id).seen_at > saved.seen_at

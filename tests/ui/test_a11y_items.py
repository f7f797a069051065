"""Issue 15's smaller items, one test each: keys that collide or do nothing, dialogs a
keyboard or screen-reader user could not use, dates and folders that ignored the choice."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QLabel,
    QToolButton,
)

from reader.core.model import Article
from reader.ui import i18n
from reader.ui.exporting import export_options, start_folder
from reader.ui.helppage import HelpDialog, help_html
from reader.ui.notedialog import NoteDialog
from reader.ui.searchpanel import SearchPanel

MNEMONIC = re.compile(r"&([^&\s])")


def activate(qtbot, window):
    with qtbot.waitActive(window):
        window.activateWindow()


def window_access_keys(window) -> dict[str, list[str]]:
    """Alt+letter -> the things it reaches at window level (menu titles, labels with a
    buddy, buttons), as Qt matches them (case-insensitive)."""
    found: dict[str, list[str]] = {}
    texts = [menu.title() for menu in window.menuBar().findChildren(type(window.menus["file"]))
             if menu.menuAction() in window.menuBar().actions()]
    texts += [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in window.findChildren(QAbstractButton)
              if not isinstance(w, QToolButton)]
    for text in texts:
        for key in MNEMONIC.findall(text):
            found.setdefault(key.lower(), []).append(text)
    return found


@pytest.mark.parametrize("lang", ["en", "th"])
def test_access_keys_are_unique_in_the_window(open_window, archive_path, lang):
    window = open_window(archive_path)
    try:
        window.appearance.set_language(lang)
        keys = window_access_keys(window)
        assert "f" in keys and "y" in keys  # File menu and From year
        clashes = {k: v for k, v in keys.items() if len(v) > 1}
        assert not clashes, clashes
    finally:
        window.appearance.set_language("en")


def test_ctrl_e_works_in_the_search_box_and_the_size_box(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    activate(qtbot, window)
    fired = []
    window.registry["export_docx"].triggered.disconnect()
    window.registry["export_docx"].triggered.connect(lambda *_: fired.append(True))
    for field in (window.search.box, window.zoom_box):
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        target = field.lineEdit() if hasattr(field, "lineEdit") else field
        qtbot.keyClick(target, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(fired) == 2
    # plain editing keys still edit
    window.search.box.setFocus()
    qtbot.keyClicks(window.search.box, "abc")
    qtbot.keyClick(window.search.box, Qt.Key.Key_Backspace)
    assert window.search.box.text() == "ab"


def test_search_panel_tab_order_follows_the_eye(qtbot):
    panel = SearchPanel()
    qtbot.addWidget(panel)
    order, widget = [], panel.box
    for _ in range(7):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.focusProxy() is not None \
                or widget.objectName() in ("qt_spinbox_lineedit", ""):
            widget = widget.nextInFocusChain()
    assert order == ["searchBox", "filtersButton", "yearFrom", "yearTo", "categoryFilter",
                     "languageFilter", "sortOrder"]


def test_reversed_year_filters_mean_the_years_between(qtbot):
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.set_era("ce")
    panel.year_from.setValue(2020)
    panel.year_to.setValue(2015)
    f = panel.filters()
    assert f["date_from"] == dt.date(2015, 1, 1) and f["date_to"] == dt.date(2020, 12, 31)


def test_help_page_lists_every_key_from_the_registry(open_window, archive_path):
    window = open_window(archive_path)
    page = help_html(window.registry)
    for name, action in window.registry.actions.items():
        for seq in action.shortcuts():
            assert seq.toString(seq.SequenceFormat.NativeText) in page, name
    assert "F6" in page and "Esc" in page
    # a user's own shortcut shows up, the default it replaced does not
    window.registry.apply_shortcuts({"bookmark": "Ctrl+Alt+B"})
    try:
        page = help_html(window.registry)
        assert "Ctrl+Alt+B" in page and "Ctrl+D" not in page
    finally:
        window.registry.apply_shortcuts({})


def test_help_page_in_thai(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    try:
        window.appearance.set_language("th")
        dialog = HelpDialog(window.registry, window)
        qtbot.addWidget(dialog)
        text = dialog.text.toPlainText()
        assert "วิธีใช้ OPDC Reader" in text and "เมนูแฟ้ม" in text
        assert "ค้นหา" in text and "Ctrl+F" in text
        assert dialog.text.isReadOnly() and dialog.text.accessibleName() == "ข้อความวิธีใช้"
    finally:
        window.appearance.set_language("en")


def test_f1_is_help_not_about(open_window, archive_path):
    window = open_window(archive_path)
    keys = [s.toString() for s in window.registry["help"].shortcuts()]
    assert "F1" in keys
    assert [s.toString() for s in window.registry["about"].shortcuts()] == ["Shift+F1"]


def test_note_dialog_is_named_wraps_thai_and_tab_leaves(qtbot):
    dialog = NoteDialog("บันทึก " * 80)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editor
    assert editor.accessibleName() == "Note text"
    assert editor.tabChangesFocus()
    assert editor.lineWrapMode() == editor.LineWrapMode.WidgetWidth
    qtbot.waitUntil(lambda: editor.document().blockCount() == 1 and editor.document().lineCount() > 1
                    or editor.blockCount() == 1)
    layout = editor.document().firstBlock().layout()
    assert layout.lineCount() > 2  # Thai wrapped at word boundaries, no endless line
    assert editor.horizontalScrollBar().maximum() == 0
    label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is editor)
    assert "&" in label.text()


def test_print_preview_buttons_are_reached_by_tab(open_window, archive_path, qtbot):
    from reader.ui import printing

    window = open_window(archive_path)
    article = window.article.current()
    dialog = printing.preview_dialog(window, [article])
    qtbot.addWidget(dialog)
    chain = printing.reachable_by_tab(dialog)
    buttons = [w for w in chain if isinstance(w, QToolButton)]
    assert len(buttons) >= 10
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)
    assert all(b.accessibleName() for b in buttons)
    names = [b.accessibleName() for b in buttons]
    assert "Print" in names and "Zoom in" in names
    for first, second in zip(chain, chain[1:], strict=False):
        nxt = first.nextInFocusChain()
        while nxt is not second and (nxt.focusPolicy() == Qt.FocusPolicy.NoFocus
                                     or first.isAncestorOf(nxt)):  # an editable box's field
            nxt = nxt.nextInFocusChain()
        assert nxt is second, (first, second)


def test_exports_follow_the_chosen_era_in_the_english_interface():
    from reader.core.export.document import build_section

    article = Article(title="t", paragraphs=["p"], date=dt.date(2013, 8, 26))
    for fmt in ("docx", "pdf"):
        be = export_options(fmt, "en", era="be")
        assert be.date_era() == "be"
        section = build_section(article, be, 1)
        assert any("2556" in value for _, value in section.meta), section.meta
        ce = export_options(fmt, "en")
        assert ce.date_era() == "ce"
        assert any("2013" in value for _, value in build_section(article, ce, 1).meta)
    assert export_options("docx", "th").date_era() == "be"


def test_save_dialogs_never_start_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = start_folder("")
    assert folder != Path.cwd() and folder.is_dir()
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert folder in (Path(docs), Path.home())
    assert start_folder(str(tmp_path / "gone")) == folder
    assert start_folder(str(tmp_path)) == tmp_path


def test_qt_own_dialogs_speak_thai(qapp, qtbot):
    try:
        i18n.install(qapp, "th")
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = " ".join(w.text() for w in dialog.findChildren(QLabel))
        assert "ดูใน" in labels and "ชื่อไฟล์" in labels
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "ยกเลิก"
        assert QCoreApplication.translate("QPrintPreviewDialog", "Print") == "พิมพ์"
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def said(window) -> list[str]:
    from reader.ui.announce import Announcer

    found = window.findChild(Announcer)
    return found.said if found else []


def test_zoom_bookmark_and_search_are_announced(open_window, archive_path):
    window = open_window(archive_path)
    assert not any("Text size" in s for s in said(window))  # nothing said at start-up
    window.appearance.set_zoom(120)
    assert said(window)[-1] == "Text size 120%"
    window.registry["bookmark"].trigger()
    assert said(window)[-1] == "Bookmarked"
    window.registry["bookmark"].trigger()
    assert said(window)[-1] == "Bookmark removed"
    window.search.box.setText("ธนาคารโลก")
    window.search.fire_now()
    assert "found" in said(window)[-1]


def test_a_search_with_no_results_shows_no_unrelated_article(open_window, archive_path):
    window = open_window(archive_path)
    assert window.article.article_id is not None
    window.search.box.setText("zzzqqq-nothing-like-this")
    window.search.fire_now()
    assert window.list_model.rowCount() == 0
    assert window.article.article_id is None
    assert "Choose an article" in window.reader.toPlainText()
    assert not window.registry["open_link"].isEnabled()


def test_relevance_order_shows_no_date_arrow(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    assert window.list.header().isSortIndicatorShown()  # the catalog, newest first
    qtbot.waitUntil(lambda: window.usable_index() is not None, timeout=10000)
    window.search.box.setText("ธนาคารโลก")
    window.search.fire_now()
    assert window.list_model.show_snippets
    assert not window.list.header().isSortIndicatorShown()


def test_sidebar_follows_a_language_switch(open_window, archive_path):
    window = open_window(archive_path)
    try:
        window.appearance.set_language("th")
        top = [window.sidebar.topLevelItem(i).text(0) for i in range(window.sidebar.topLevelItemCount())]
        assert any("บทความทั้งหมด" in t or "ทั้งหมด" in t for t in top), top
    finally:
        window.appearance.set_language("en")


def test_note_dialog_is_used_by_the_window(open_window, archive_path, qtbot):
    from PySide6.QtCore import QTimer

    from reader.ui.notedialog import NoteDialog

    window = open_window(archive_path)
    seen = []

    def answer():
        dialog = window.findChild(NoteDialog)
        seen.append(dialog)
        dialog.editor.setPlainText("บันทึกใหม่")
        dialog.accept()

    QTimer.singleShot(200, answer)
    window.article.edit_note()
    assert seen and seen[0] is not None
    assert window.archive.notes.of(window.article.article_id) == "บันทึกใหม่"


def test_f1_opens_the_help_page(open_window, archive_path, qtbot):
    from reader.ui.helppage import HelpDialog

    window = open_window(archive_path)
    window.registry["help"].trigger()
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Ctrl+F" in dialog.text.toPlainText()
    dialog.close()

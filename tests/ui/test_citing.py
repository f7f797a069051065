"""Copy Citation, Copy Citation As and Export as WARC in the window, with the keyboard
only: the clipboard holds the same APA text the core formats; the WARC file is real."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog

from reader.core.export.citation import apa_reference
from tests.core.test_warc import warcio_check

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


def focus_list(window, qtbot):
    window.list.setFocus()
    qtbot.waitUntil(lambda: window.list.hasFocus(), timeout=3000)
    qtbot.keyClick(window.list, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: window.article.article_id == window.list_model.rows[0].id, timeout=3000)


def test_copy_citation_of_one_and_of_several_articles_with_the_keyboard(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    QApplication.clipboard().clear()
    focus_list(window, qtbot)
    first = window.archive.get(window.list_model.rows[0].id)
    qtbot.keyClick(window.list, Qt.Key.Key_C, CTRL | SHIFT)
    assert QApplication.clipboard().text() == apa_reference(first)
    assert window.statusBar().currentMessage().startswith("Citation copied")
    # Thai items as Thai libraries cite them: the agency, then the Buddhist-era year.
    if first.language == "th":
        assert QApplication.clipboard().text().startswith("สำนักงาน ก.พ.ร. (25")

    qtbot.keyClick(window.list, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(window.list, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(window.list, Qt.Key.Key_C, CTRL | SHIFT)
    rows = [window.archive.get(window.list_model.rows[i].id) for i in range(3)]
    assert QApplication.clipboard().text() == "\n\n".join(apa_reference(a) for a in rows)
    assert window.statusBar().currentMessage() == "Citations of 3 articles copied"


def test_copy_citation_is_in_the_edit_menu(open_window, archive_path):
    window = open_window(archive_path)
    edit = window.findChild(type(window.menuBar().actions()[0].menu()), "menu_edit")
    names = [a.objectName() for a in edit.actions()]
    assert names[:2] == ["action_copy_citation", "action_copy_citation_as"]
    assert window.registry["copy_citation"].shortcut().toString() == "Ctrl+Shift+C"


def test_copy_citation_as_csl_json_with_the_keyboard(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    focus_list(window, qtbot)
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        combo = dialog.findChild(QComboBox)
        seen.append(combo.currentText())
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # APA -> CSL-JSON
        qtbot.keyClick(combo, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    qtbot.keyClick(window.list, Qt.Key.Key_C, CTRL | ALT)
    qtbot.waitUntil(lambda: QApplication.clipboard().text().startswith("["), timeout=5000)
    items = json.loads(QApplication.clipboard().text())
    assert seen and seen[0].startswith("APA 7")
    assert items[0]["id"] == f"opdc{window.list_model.rows[0].id}" and items[0]["type"] == "webpage"
    assert window.citing.last_format == "csl-json"


def test_export_the_list_as_warc_with_the_keyboard(open_window, archive_path, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "ข่าว.warc.gz"
    offered = []

    def fake(parent, caption, start, filters, *args, **kwargs):
        offered.append((caption, start, filters))
        return str(out), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    window = open_window(archive_path)
    focus_list(window, qtbot)
    with qtbot.waitSignal(window.exporter.finished, timeout=60000) as blocker:
        qtbot.keyClick(window.list, Qt.Key.Key_W, CTRL | ALT)
    done = blocker.args[0]
    assert done is not None and done.fmt == "warc" and done.count == 12
    assert offered[0][1].endswith(".warc.gz") and "*.warc.gz" in offered[0][2]
    assert warcio_check(out) == 0
    assert window.statusBar().currentMessage() == f"Saved {out}"

    # Two rows selected: only those two.
    qtbot.keyClick(window.list, Qt.Key.Key_Down, SHIFT)
    with qtbot.waitSignal(window.exporter.finished, timeout=60000) as blocker:
        qtbot.keyClick(window.list, Qt.Key.Key_W, CTRL | ALT)
    assert blocker.args[0].count == 2


def test_import_summary_counts_what_a_web_archive_left_out(open_window, archive_path, qtbot, tmp_path):
    from tests.core.test_warc import corpus_warc

    crawl = tmp_path / "crawl.warc.gz"
    corpus_warc(crawl)
    window = open_window(archive_path)
    with qtbot.waitSignal(window.importer.finished, timeout=60000) as blocker:
        window.importer.start([str(crawl)])
    summary = blocker.args[0]
    assert summary.counts["new"] == 3 and summary.counts["unchanged"] == 1
    text = window.importer.summary_text(summary)
    assert "New articles: 3" in text
    assert "Left out (web archive records that are not pages): 5" in text

"""The main flows on the real window, offscreen, over a real archive in a temp folder."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QPushButton,
    QWidget,
)

from reader.core.archive import Archive
from reader.ui import themes
from reader.ui.models import SNIPPET, TITLE
from reader.ui.settings import load_settings

from .conftest import SEED_DIR


def activate(qtbot, window):
    with qtbot.waitActive(window):
        window.activateWindow()


def test_opens_on_the_archive_with_an_article(open_window, archive_path):
    window = open_window(archive_path)
    assert window.list_model.total == 12
    assert window.article.article_id is not None
    article = window.archive.get(window.article.article_id)
    assert window.reader.toPlainText().startswith(article.title)
    assert "ข่าวเด่น" in window.reader.toPlainText() or "ข่าวประชาสัมพันธ์" in window.reader.toPlainText()


def test_select_an_article(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    index = window.list_model.index(3, TITLE)
    rect = window.list.visualRect(index)
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = window.list_model.rows[3]
    assert window.article.article_id == chosen.id
    assert window.reader.toPlainText().startswith(chosen.title)
    # the date in Buddhist Era by default, e.g. "26 สิงหาคม 2556"
    be_year = str(chosen.date.year + 543)
    assert be_year in window.reader.toPlainText()


def test_zoom_keys_and_percentage(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    activate(qtbot, window)
    window.reader.setFocus()
    size = window.reader.document().defaultFont().pointSizeF()
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom_percent == 110
    assert window.zoom_box.text() == "110%"
    assert window.reader.document().defaultFont().pointSizeF() > size
    qtbot.keyClick(window.reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom_percent == 90
    qtbot.keyClick(window.reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom_percent == 100
    assert window.reader.document().defaultFont().pointSizeF() == size
    window.appearance.set_zoom(1000)
    assert window.settings.zoom_percent == 400 and not window.registry["zoom_in"].isEnabled()
    window.appearance.set_zoom(10)
    assert window.settings.zoom_percent == 50


def test_switch_theme(open_window, archive_path):
    window = open_window(archive_path)
    window.registry["theme_high_contrast"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == "#000000"
    assert window.settings.theme == "high-contrast"
    window.registry["theme_dark"].trigger()
    dark = themes.load_theme("dark")
    assert QApplication.palette().color(QPalette.ColorRole.Window) == dark.color("window")
    assert window.registry["theme_dark"].isChecked() and not window.registry["theme_light"].isChecked()


def test_search_as_you_type(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    window.registry["find"].trigger()
    qtbot.keyClicks(window.search.box, "Public")
    qtbot.waitUntil(lambda: window.list_model.total == 4, timeout=3000)
    assert all("Public" in row.title for row in window.list_model.rows)
    label = window.search.count_label.text()
    assert "4" in label and window.search.count_label.accessibleName() == label
    assert window.reader.hit_count() >= 1  # the open article shows the term marked
    window.search.box.clear()
    qtbot.waitUntil(lambda: window.list_model.total == 12, timeout=3000)


def test_filter_by_sidebar_and_year(open_window, archive_path):
    window = open_window(archive_path)
    with Archive.open(archive_path, readonly=True) as archive:
        year, count = archive.years()[0]
    window.sidebar.select({"year": year})
    assert window.list_model.total == count
    window.sidebar.select({})
    assert window.list_model.total == 12


def test_import_folder_with_one_bad_file(open_window, archive_path, qtbot, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(SEED_DIR / "000_bee3d3c5144e9daa.txt", folder / "good.txt")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary")
    window = open_window(archive_path)
    with qtbot.waitSignal(window.importer.finished, timeout=20000) as blocker:
        window.importer.start([str(folder)])
        assert window.importer.busy
    summary = blocker.args[0]
    assert summary.counts["new"] == 1
    assert [f.name.endswith("bad.txt") for f in summary.failed] == [True]
    box = window.importer.summary_box
    assert box is not None and box.isVisible()
    assert "bad.txt" in box.informativeText()
    assert window.list_model.total == 13
    box.close()


def test_drop_a_file_imports_it(open_window, archive_path, qtbot, tmp_path):
    page = tmp_path / "page.txt"
    shutil.copy(SEED_DIR / "000_bee3d3c5144e9daa.txt", page)
    window = open_window(archive_path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(page))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importer.finished, timeout=20000):
        window.dropEvent(event)
    assert window.list_model.total == 13


def test_first_run_imports_the_sample(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "new-archive")
    qtbot.waitUntil(lambda: window.list_model.total >= 1, timeout=20000)
    qtbot.waitUntil(lambda: window.article.article_id is not None, timeout=5000)
    assert "ก.พ.ร." in window.reader.toPlainText()
    assert window.importer.summary_box is None  # the sample imports quietly


def test_bookmark_tag_note_survive_restart(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    article_id = window.article.article_id
    window.registry["bookmark"].trigger()
    window.article.set_tags(["ธรรมาภิบาล", "ASEAN"])
    window.article.set_note("อ่านอีกครั้งก่อนประชุม")
    window.appearance.set_zoom(150)
    assert window.registry["bookmark"].isChecked()
    window.close()  # saves the settings
    window.archive.close()

    again = open_window(archive_path)
    assert again.settings.zoom_percent == 150 and again.zoom_box.value() == 150
    again.sidebar.select({"bookmarked": True})
    assert [r.id for r in again.list_model.rows] == [article_id]
    assert again.article.article_id == article_id and again.registry["bookmark"].isChecked()
    text = again.reader.toPlainText()
    assert "ธรรมาภิบาล" in text and "อ่านอีกครั้งก่อนประชุม" in text
    again.sidebar.select({"tag": "ASEAN"})
    assert again.list_model.total == 1
    assert load_settings().zoom_percent == 150


def test_switch_language_to_thai(open_window, archive_path):
    window = open_window(archive_path)
    window.appearance.set_language("th")
    assert window.menus["file"].title() == "แฟ้ม (&F)"
    assert window.list.accessibleName() == "รายการบทความ"
    window.appearance.set_era("ce")
    assert window.registry["common_era"].isChecked()
    article = window.archive.get(window.article.article_id)
    assert str(article.date.year) in window.reader.toPlainText()


def test_every_focusable_widget_has_an_accessible_name(open_window, archive_path):
    window = open_window(archive_path)
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            continue  # a button's name is its text
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the editor inside a spin box speaks as part of it
        name = widget.accessibleName()
        if not name and widget.metaObject().className() not in ("QWidget", "QScrollBar"):
            unnamed.append(f"{widget.metaObject().className()} {widget.objectName()}")
    assert not unnamed, unnamed


def test_f6_cycles_panes_and_tab_leaves_the_reader(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    activate(qtbot, window)
    window.sidebar.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        seen.append(QApplication.focusWidget())
    assert seen == [window.search.box, window.list, window.reader, window.sidebar]
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.reader


def test_menu_shows_the_text_size(open_window, archive_path):
    window = open_window(archive_path)
    window.appearance.set_zoom(250)
    assert window.zoom_level.text() == "Text size: 250%"
    assert window.zoom_level in window.menus["view"].actions()


def test_versions_are_listed_and_can_be_opened(open_window, tmp_path):
    from .conftest import make_article

    path = tmp_path / "versions"
    with Archive.open(path) as archive:
        first = make_article(1)
        result = archive.add(first, b"v1", "test/1.txt")
        second = make_article(1)
        second.paragraphs = second.paragraphs + ["ย่อหน้าที่แก้ไขใหม่"]
        assert archive.add(second, b"v2", "test/1b.txt").version == 2
    window = open_window(path)
    assert window.article.article_id == result.article_id
    text = window.reader.toPlainText()
    assert "ย่อหน้าที่แก้ไขใหม่" in text and "Version 1" in text and "Version 2" in text
    window.reader.versionRequested.emit(1)
    assert window.article.version == 1
    assert "ย่อหน้าที่แก้ไขใหม่" not in window.reader.toPlainText()


def test_enter_on_a_row_moves_to_the_article(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    activate(qtbot, window)
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    chosen = window.list_model.rows[1]
    assert window.article.article_id == chosen.id
    qtbot.keyClick(window.list, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.reader


def test_search_filters_category_language_and_years(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    panel = window.search
    panel.category.setCurrentIndex(panel.category.findData("ข่าวเด่น"))
    qtbot.waitUntil(lambda: window.list_model.total == 6, timeout=3000)
    panel.category.setCurrentIndex(0)
    panel.language.setCurrentIndex(panel.language.findData("en"))
    qtbot.waitUntil(lambda: window.list_model.total == 4, timeout=3000)
    panel.language.setCurrentIndex(0)
    # Years are shown in Buddhist Era: 2557 is 2014, which holds 12 of the test articles' months.
    panel.year_from.setValue(2557)
    panel.year_to.setValue(2557)
    panel.fire_now()  # as Enter does, without waiting for the pause
    assert 0 < window.list_model.total < 12
    assert all(r.date.year == 2014 for r in window.list_model.rows), ([r.date for r in window.list_model.rows], panel.filters())
    assert panel.filters()["date_from"].isoformat() == "2014-01-01"


def test_search_results_show_the_found_text_with_the_words_marked(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.usable_index() is not None, timeout=20000)
    window.search.box.setText("ธรรมาภิบาล")
    window.search.fire_now()
    assert window.list_model.show_snippets and window.list_model.total == 12
    assert not window.list.isColumnHidden(SNIPPET)
    qtbot.wait(50)
    # The found-text column paints the hits in the theme's mark colour (the delegate), not
    # as plain text: look for that colour in the column on an unselected row.
    rect = window.list.visualRect(window.list_model.index(2, SNIPPET))
    image = window.list.viewport().grab(rect).toImage()
    mark = window.snippets.colors[0].rgb()
    assert any(image.pixel(x, y) == mark for x in range(image.width()) for y in range(image.height()))


def test_scaled_interface_fits_the_window(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    window.resize(1280, 800)
    window.registry["scale_interface"].setChecked(True)
    window.appearance.set_zoom(300)
    qtbot.wait(50)
    # The panes no longer fit: pages one at a time (panes.py), the filters fold away,
    # nothing grows past the window. tests/ui/test_reflow.py checks the rows and lines.
    assert window.panes.paged
    assert not window.search.year_from.isVisible()
    assert window.minimumSizeHint().width() <= 1280
    assert window.reader.width() > 600 and window.reader.horizontalScrollBar().maximum() == 0
    window.registry["scale_interface"].setChecked(False)
    window.appearance.set_zoom(100)
    qtbot.wait(50)
    assert not window.panes.paged
    assert window.content.orientation() == Qt.Orientation.Horizontal
    assert window.search.year_from.isVisible()


def test_import_can_be_cancelled(open_window, archive_path, qtbot, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    seed = (SEED_DIR / "000_bee3d3c5144e9daa.txt").read_text(encoding="utf-8")
    for i in range(40):  # distinct pages: each one a new article
        (folder / f"page{i:02d}.txt").write_text(seed.replace("ASEAN", f"ASEAN {i}"), encoding="utf-8")
    window = open_window(archive_path)
    with qtbot.waitSignal(window.importer.finished, timeout=30000) as blocker:
        window.importer.start([str(folder)])
        window.importer.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    summary = blocker.args[0]
    assert summary.cancelled
    assert summary.counts["new"] < 40
    assert window.list_model.total == 12 + summary.counts["new"]  # what was imported is kept
    assert "cancelled" in window.importer.summary_box.text()
    window.importer.summary_box.close()


def test_window_follows_another_programs_import_by_itself(open_window, archive_path, qtbot, tmp_path):
    """A command-line import in another process: the window shows the new articles
    without being refreshed, keeps the article being read, and leaves the library tree
    alone while the keyboard is in it."""
    from tests.reliability.helpers import cli, write_pages

    window = open_window(archive_path)
    window.outside.setInterval(200)
    qtbot.waitUntil(lambda: not window.importer.busy and window.indexer.job is None, timeout=20000)
    reading = window.article.article_id
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus, timeout=2000)
    before = window.sidebar.topLevelItem(0).text(0)
    write_pages(tmp_path / "more", 0, 3)
    done = cli("import", str(tmp_path / "more"), archive=archive_path)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: window.list_model.total == 15, timeout=10000)
    assert window.article.article_id == reading
    assert window.count_status.text().startswith("15")
    assert window.sidebar.topLevelItem(0).text(0) == before  # untouched while focused
    # and nothing changes when nothing happened
    assert not window.listing.follow_outside_changes()


def test_an_archive_that_can_no_longer_be_read_is_said_once(open_window, archive_path, qtbot):
    """The drive holding the archive went away: the watcher says so in the status bar and
    stops looking, instead of failing every 2 s."""
    window = open_window(archive_path)
    assert window.outside.isActive()
    # The index repair started by start() reads the same connection from its thread:
    # closing it under that read crashed the process (SIGSEGV in sqlite3). Let it finish,
    # and close under the catalog's mutex as every other user of the connection does.
    qtbot.waitUntil(lambda: window.indexer.job is None, timeout=20000)
    with window.archive.db.mutex:
        window.archive.db.conn.close()
    assert not window.listing.follow_outside_changes()
    assert not window.outside.isActive()
    assert "can no longer be read" in window.statusBar().currentMessage()

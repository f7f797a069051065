"""Export from the window: the open article to Word, the list as a report (Word and PDF),
the cap on long lists, write errors, cancelling, and printing at the reading size.

Only the save dialog's answer is patched; the files are real (python-docx reads them
back, poppler reads the PDFs)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core import export
from reader.core.paths import config_dir
from reader.ui.exporting import reading_size_pt, safe_file_name
from reader.ui.settings import load_settings

from .conftest import THAI_TITLE

POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext"))
need_poppler = pytest.mark.skipif(not POPPLER, reason="needs poppler-utils (pdfinfo, pdftotext)")


@pytest.fixture
def save_as(monkeypatch):
    """Answer the save dialog with a path; records what the dialog was offered."""
    asked: list[tuple] = []

    def answer(path: Path, chosen_filter: str = ""):
        def fake(parent, caption, start, filters, *args, **kwargs):
            asked.append((caption, start, filters))
            return str(path), chosen_filter or filters.split(";;")[0]

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
        return asked

    return answer


def run_export(qtbot, window, action: str):
    with qtbot.waitSignal(window.exporter.finished, timeout=60000) as blocker:
        window.registry[action].trigger()
    return blocker.args[0]


def open_thai_article(window, qtbot):
    row = next(i for i, r in enumerate(window.list_model.rows) if r.title.startswith(THAI_TITLE))
    window.listing.select_row(row)
    qtbot.waitUntil(lambda: window.article.article_id == window.list_model.rows[row].id, timeout=3000)
    return window.archive.get(window.article.article_id)


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def headings(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name == "Heading 1"]


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(path: Path, first: int, last: int, layout: bool = False) -> str:
    cmd = ["pdftotext", "-f", str(first), "-l", str(last), *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def search(window, qtbot, text: str, expect: int, newest_first: bool = True):
    qtbot.waitUntil(lambda: window.usable_index() is not None, timeout=20000)
    if newest_first:  # an order unlike the ids', so a report in id order would be caught
        window.search.sort.setCurrentIndex(window.search.sort.findData("date"))
    window.search.box.setText(text)
    qtbot.waitUntil(lambda: window.list_model.total == expect and window.list_model.show_snippets,
                    timeout=5000)


def test_open_article_to_word_with_title_and_citation(open_window, archive_path, qtbot, tmp_path, save_as):
    window = open_window(archive_path)
    article = open_thai_article(window, qtbot)
    out = tmp_path / "บทความ.docx"
    asked = save_as(out)
    done = run_export(qtbot, window, "export_docx")
    assert done.path == out and done.count == 1
    # The dialog offered a Word file named after the article.
    caption, start, filters = asked[0]
    assert Path(start).name == safe_file_name(article.title, ".docx") and "*.docx" in filters
    text = docx_text(out)
    assert article.title in text
    assert article.source_url in text  # the citation: where it came from
    assert article.sha256 in text  # ... and which capture
    assert not headings(out)[1:]  # one article: no cover, no contents
    assert str(out) in window.statusBar().currentMessage()


def test_search_results_to_a_word_report_in_list_order(open_window, archive_path, qtbot, tmp_path, save_as):
    window = open_window(archive_path)
    search(window, qtbot, "ธนาคารโลก", 12)
    listed = [row.title for row in window.list_model.rows]
    assert listed != sorted(listed)
    save_as(tmp_path / "report.docx")
    done = run_export(qtbot, window, "export_report")
    assert done.count == done.listed == 12
    assert headings(tmp_path / "report.docx") == listed
    text = docx_text(tmp_path / "report.docx")
    assert text.count("content_id=") >= 12  # a citation per article
    assert "Contents" in text or "สารบัญ" in text


@need_poppler
def test_search_results_to_a_pdf_report_with_cover_and_contents(open_window, archive_path, qtbot, tmp_path,
                                                                save_as):
    window = open_window(archive_path)
    search(window, qtbot, "Public", 4)
    listed = [row.title for row in window.list_model.rows]
    out = tmp_path / "report"  # no suffix typed: the PDF filter chosen decides
    save_as(out, window.exporter.filters()["pdf"])
    done = run_export(qtbot, window, "export_report")
    assert done.path == tmp_path / "report.pdf" and done.fmt == "pdf"
    assert pdf_pages(done.path) == done.pages >= 2 + 4  # cover, contents, one page each at least
    cover = pdf_text(done.path, 1, 1)
    assert "News report" in cover and "Articles 4" in cover
    contents = pdf_text(done.path, 2, 2, layout=True)
    assert "Contents" in contents
    rows = re.findall(r"(Public sector news \d+)\s+(\d+)", contents)
    assert [title for title, _ in rows] == listed  # in the list's order
    assert int(rows[0][1]) == 3
    for title, start in rows:  # each article starts on the page the contents gives
        assert pdf_text(done.path, int(start), int(start)).lstrip().startswith(title)


def test_long_list_is_capped_and_says_so(open_window, archive_path, qtbot, tmp_path, save_as, monkeypatch):
    monkeypatch.setattr(export, "QUERY_LIMIT", 5)
    window = open_window(archive_path)
    assert window.list_model.total == 12
    listed = [row.title for row in window.list_model.rows[:5]]
    save_as(tmp_path / "capped.docx")
    done = run_export(qtbot, window, "export_report")
    assert (done.count, done.listed) == (5, 12)
    assert headings(tmp_path / "capped.docx") == listed
    box = window.exporter.message_box
    assert box is not None and "first 5 of 12" in box.text()
    assert "first 5 of 12" in window.statusBar().currentMessage()
    box.close()


def test_a_list_within_the_cap_says_nothing_more(open_window, archive_path, qtbot, tmp_path, save_as):
    window = open_window(archive_path)
    save_as(tmp_path / "all.docx")
    done = run_export(qtbot, window, "export_report")
    assert (done.count, done.listed) == (12, 12)
    assert window.exporter.message_box is None
    assert len(headings(tmp_path / "all.docx")) == 12


def test_write_error_is_a_message_and_the_window_goes_on(open_window, archive_path, qtbot, tmp_path, save_as):
    window = open_window(archive_path)
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "article.docx"
    if os.geteuid() == 0:  # root writes anywhere: take the temporary file's name instead
        (folder / "article.docx.part").mkdir()
    folder.chmod(0o555)
    try:
        save_as(target)
        assert run_export(qtbot, window, "export_docx") is None
    finally:
        folder.chmod(0o755)
    box = window.exporter.message_box
    assert box is not None and box.icon() == QMessageBox.Icon.Warning
    assert "could not be saved" in box.text() and str(target) in box.text()
    assert "Traceback" not in box.text()
    assert not target.exists()
    box.close()
    # Still usable: the next export works and the progress is gone.
    assert not window.exporter.busy and not window.exporter.bar.isVisible()
    save_as(tmp_path / "ok.docx")
    assert run_export(qtbot, window, "export_docx").path == tmp_path / "ok.docx"


def test_cancel_leaves_no_file(open_window, archive_path, qtbot, tmp_path, save_as):
    window = open_window(archive_path)
    save_as(tmp_path / "cancelled.pdf", window.exporter.filters()["pdf"])
    with qtbot.waitSignal(window.exporter.finished, timeout=60000) as blocker:
        window.registry["export_report"].trigger()
        assert window.exporter.cancel_button.isVisible()
        assert window.exporter.cancel_button.accessibleName()
        window.exporter.cancel_button.click()
    assert blocker.args[0] is None
    assert "cancelled" in window.statusBar().currentMessage()
    assert list(tmp_path.glob("cancelled*")) == []


def export_at_both_sizes(window, qtbot, tmp_path, save_as, action: str, suffix: str) -> None:
    """The open Thai article exported at the official size (official.SUFFIX), then at a
    200% reading size with "Print at Reading Size" switched on from its menu action
    (large.SUFFIX)."""
    open_thai_article(window, qtbot)
    save_as(tmp_path / f"official{suffix}")
    run_export(qtbot, window, action)
    window.appearance.set_zoom(200)
    window.registry["print_reading_size"].trigger()
    assert window.settings.print_at_reading_size
    save_as(tmp_path / f"large{suffix}")
    run_export(qtbot, window, action)


def test_reading_size_makes_word_text_larger(open_window, archive_path, qtbot, tmp_path, save_as):
    window = open_window(archive_path)
    export_at_both_sizes(window, qtbot, tmp_path, save_as, "export_docx", ".docx")
    official = Document(str(tmp_path / "official.docx")).styles["Normal"].font.size.pt
    large = Document(str(tmp_path / "large.docx")).styles["Normal"].font.size.pt
    assert official == 16 and large == 32
    # remembered
    window.save()
    assert load_settings().print_at_reading_size


@need_poppler
def test_reading_size_makes_the_pdf_longer(open_window, archive_path, qtbot, tmp_path, save_as):
    window = open_window(archive_path)
    export_at_both_sizes(window, qtbot, tmp_path, save_as, "save_pdf", ".pdf")
    assert pdf_pages(tmp_path / "large.pdf") > pdf_pages(tmp_path / "official.pdf")
    assert window.output.export_options("pdf").size_pt == 32


def test_reading_size_is_clamped_to_what_export_accepts():
    assert reading_size_pt(100) == 16 and reading_size_pt(200) == 32
    assert reading_size_pt(1000) == 72 and reading_size_pt(10) == 6
    for zoom in (10, 50, 400, 1000):
        export.ExportOptions(size_pt=reading_size_pt(zoom)).check()


def test_settings_from_version_2_print_at_the_official_size():
    config_dir().mkdir(parents=True)
    (config_dir() / "settings.json").write_text(json.dumps({"version": 2, "zoom_percent": 200}))
    settings = load_settings()
    assert settings.zoom_percent == 200 and settings.print_at_reading_size is False


@pytest.mark.parametrize(("title", "name"), [
    ("สำนักงาน ก.พ.ร. จับมือ/ธนาคารโลก", "สำนักงาน ก.พ.ร. จับมือ ธนาคารโลก.docx"),
    ('a:b*c?"d"<e>|f\\g', "a b c d e f g.docx"),
    ("  ...  ", "article.docx"),
    ("CON", "article.docx"),
    ("line\nbreak\ttab", "line break tab.docx"),
])
def test_safe_file_name(title, name):
    assert safe_file_name(title, ".docx") == name


def test_safe_file_name_is_short_enough_in_bytes():
    name = safe_file_name("ก" * 300, ".docx")
    assert len(name.encode("utf-8")) <= 160 and name.endswith("ก.docx")


def test_file_menu_has_the_exports(open_window, archive_path):
    window = open_window(archive_path)
    names = [a.objectName() for a in window.menus["file"].actions()]
    for name in ("action_export_docx", "action_export_report", "action_print_reading_size"):
        assert name in names
    assert window.registry["print_reading_size"].isCheckable()


@pytest.mark.parametrize("how", ["preview", "print"])
def test_reading_size_applies_to_print_and_preview(open_window, archive_path, qtbot, how):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = open_window(archive_path)
    open_thai_article(window, qtbot)
    window.appearance.set_zoom(150)
    window.registry["print_reading_size"].setChecked(True)
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.report.options.size_pt)
        dialog.reject()

    QTimer.singleShot(300, look)
    window.output.print_article(how)
    assert seen == [24]


def test_preferences_carry_print_at_reading_size(open_window, archive_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = open_window(archive_path)
    assert not window.registry["print_reading_size"].isChecked()

    def answer():
        dialog = QApplication.activeModalWidget()
        assert dialog.print_size.accessibleName()
        dialog.print_size.setChecked(True)
        dialog.accept()

    QTimer.singleShot(100, answer)
    window.registry["preferences"].trigger()
    assert window.registry["print_reading_size"].isChecked()
    assert load_settings().print_at_reading_size


def test_empty_list_asks_nothing(open_window, archive_path, qtbot, save_as):
    window = open_window(archive_path)
    asked = save_as(Path("/nonexistent/never.docx"))
    window.search.box.setText("zzzzqqqq")
    qtbot.waitUntil(lambda: window.list_model.total == 0, timeout=5000)
    window.registry["export_report"].trigger()
    assert asked == [] and not window.exporter.busy
    assert "nothing to export" in window.statusBar().currentMessage()


def test_one_export_at_a_time(open_window, archive_path, qtbot, tmp_path, save_as):
    window = open_window(archive_path)
    save_as(tmp_path / "first.pdf", window.exporter.filters()["pdf"])
    with qtbot.waitSignal(window.exporter.finished, timeout=60000) as blocker:
        window.registry["export_report"].trigger()
        save_as(tmp_path / "second.docx")
        window.registry["export_docx"].trigger()
        assert "already running" in window.exporter.message_box.text()
        window.exporter.message_box.close()
    assert blocker.args[0].path == tmp_path / "first.pdf"
    assert not (tmp_path / "second.docx").exists()


def test_save_dialog_opens_where_the_last_export_went(open_window, archive_path, qtbot, tmp_path, save_as):
    window = open_window(archive_path)
    (tmp_path / "reports").mkdir()
    asked = save_as(tmp_path / "reports" / "first.docx")
    run_export(qtbot, window, "export_docx")
    run_export(qtbot, window, "export_report")
    assert Path(asked[0][1]).parent != tmp_path / "reports"
    assert Path(asked[1][1]).parent == tmp_path / "reports"
    window.save()
    assert load_settings().export_folder == str(tmp_path / "reports")

"""Printing and PDF through Qt, offscreen: page count, running header, citation block,
margins, preview dialog, and the headless path the CLI takes.

Qt's PDF text layer drops some Thai marks (research: desktop-checks.md), so Thai text is
checked exactly on the QTextDocument and only by its "skeleton" (marks removed) in the PDF;
ASCII (URL, hash, English titles) is checked exactly in the PDF.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontMetrics, QImage

from reader.core.export import ExportError, ReportMeta, print_options
from reader.ui.fonts import load_app_fonts
from reader.ui.printing import (
    article_document,
    export_pdf,
    make_printer,
    preview_dialog,
    report_for_print,
)
from tests.core.test_export_seed import SEED_TITLE, SEED_URL, seed_article

ROOT = Path(__file__).resolve().parents[2]
POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdftoppm"))
need_poppler = pytest.mark.skipif(not POPPLER, reason="needs poppler-utils (pdfinfo, pdftotext, pdftoppm)")
CREATED = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
SEED_PAGES = 5  # the seed article, Sarabun 16 pt, A4, official margins
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\\s\u2026]")


def skeleton(text: str) -> str:
    """Thai without above/below marks and spaces (sara am split first): what survives Qt's PDF text layer."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


@pytest.fixture
def options(qapp):
    load_app_fonts()
    return print_options("Sarabun")  # pinned, so page counts do not depend on installed fonts


def english_article():
    return seed_article(id=2, title="Public sector report", paragraphs=["Short English text."], credits=[],
                        source_url="https://www.opdc.go.th/en/2")


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(pdf: Path, page: int, box: tuple[int, int, int, int] | None = None) -> str:
    cmd = ["pdftotext", "-f", str(page), "-l", str(page)]
    if box:
        x, y, w, h = box
        cmd += ["-r", "72", "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h)]
    return subprocess.run([*cmd, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@need_poppler
def test_seed_prints_to_the_expected_pages(tmp_path, options):
    pdf = tmp_path / "seed.pdf"
    pages = export_pdf([seed_article()], pdf, options, ReportMeta(created=CREATED))
    assert pages == pdf_pages(pdf) == SEED_PAGES
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "595 x 842 pts (A4)" in info
    assert not list(tmp_path.glob("*.part"))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Sarabun-Regular" in fonts and "Sarabun-Bold" in fonts


@need_poppler
def test_header_has_title_and_print_date_footer_has_page_numbers(tmp_path, options):
    pdf = tmp_path / "seed.pdf"
    export_pdf([seed_article()], pdf, options, ReportMeta(created=CREATED))
    header = skeleton(pdf_text(pdf, 1, (0, 0, 595, 70)))
    assert header.startswith(skeleton("สำนักงาน ก.พ.ร. จับมือธนาคารโลก"))
    assert skeleton("25 พฤศจิกายน 2569") in header
    for page in (1, SEED_PAGES):
        footer = pdf_text(pdf, page, (0, 790, 595, 52))
        assert f"{page} / {SEED_PAGES}" in footer


@need_poppler
def test_citation_block_ends_the_article(tmp_path, options):
    article = seed_article()
    pdf = tmp_path / "seed.pdf"
    export_pdf([article], pdf, options, ReportMeta(created=CREATED))
    last = pdf_text(pdf, SEED_PAGES)
    flat = re.sub(r"\s+", "", last)
    assert article.sha256 in flat
    assert SEED_URL in last
    assert f"/URI ({SEED_URL})".encode() in pdf.read_bytes()  # the source is a clickable link
    assert skeleton("ที่มาและการอ้างอิง") in skeleton(last)
    assert article.sha256 not in re.sub(r"\s+", "", pdf_text(pdf, SEED_PAGES - 1))
    # The Thai itself, exactly, on the document Qt paints from.
    report = report_for_print([article], options)
    text = article_document(report.sections[0], report, make_printer(options)).toPlainText()
    for line in report.sections[0].citation.plain_text().splitlines():
        assert line in text


@need_poppler
def test_each_article_starts_on_a_new_page(tmp_path, options):
    pdf = tmp_path / "two.pdf"
    pages = export_pdf([seed_article(), english_article()], pdf, options, ReportMeta(created=CREATED))
    assert pages == pdf_pages(pdf) == SEED_PAGES + 1
    second = pdf_text(pdf, SEED_PAGES + 1)
    assert second.lstrip().startswith("Public sector report")  # running header: its own title
    assert f"{SEED_PAGES + 1} / {SEED_PAGES + 1}" in second
    assert "Public sector report" not in pdf_text(pdf, SEED_PAGES)


def test_no_line_is_split_across_pages(options):
    report = report_for_print([seed_article()], options)
    doc = article_document(report.sections[0], report, make_printer(options))
    height = doc.pageSize().height()
    lines = 0
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            top = layout.position().y() + line.y()
            assert math.floor(top / height) == math.floor((top + line.height() - 1) / height), block.text()[:40]
            lines += 1
        block = block.next()
    assert lines > 100 and doc.pageCount() == SEED_PAGES


def test_the_print_font_has_every_character(options):
    """No boxes: every character of the article is in the font the page is printed in."""
    metrics = QFontMetrics(QFont(options.font))
    article = seed_article()
    text = "".join([article.title, *article.paragraphs, *article.credits, "ที่มาและการอ้างอิง"])
    missing = sorted({c for c in text if not c.isspace() and not metrics.inFontUcs4(ord(c))})
    assert missing == []


@need_poppler
def test_nothing_is_painted_in_the_margins(tmp_path, options):
    pdf = tmp_path / "seed.pdf"
    export_pdf([seed_article()], pdf, options, ReportMeta(created=CREATED))
    dpi = 40
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == SEED_PAGES
    px = dpi / 25.4  # pixels per millimetre
    for path in images:
        image = QImage(str(path))
        left, right = int(27 * px), int((210 - 17) * px)  # 3 mm inside the 30/20 mm margins
        top, bottom = int(8 * px), int((297 - 8) * px)
        ink = [(x, y) for y in range(image.height()) for x in range(image.width())
               if (x < left or x > right or y < top or y > bottom) and image.pixelColor(x, y).lightness() < 200]
        assert not ink, f"{path.name}: ink in the margin at {ink[:5]}"
        # ... and the text area is really printed on.
        dark = sum(1 for y in range(top, bottom, 3) for x in range(left, right, 3)
                   if image.pixelColor(x, y).lightness() < 128)
        assert dark > 100, path.name


@need_poppler
def test_letter_paper_and_reader_size(tmp_path, options):
    letter = tmp_path / "letter.pdf"
    export_pdf([seed_article()], letter, print_options(options.font, paper="Letter"))
    info = subprocess.run(["pdfinfo", str(letter)], capture_output=True, text=True).stdout
    assert "612 x 792 pts (letter)" in info
    large = tmp_path / "large.pdf"
    pages = export_pdf([seed_article()], large, print_options(options.font, reader_size_pt=24))
    assert pages > SEED_PAGES


def test_preview_dialog_paints_the_articles(qtbot, options):
    painted = []
    dialog = preview_dialog(None, [seed_article(), english_article()], options)
    dialog.paintRequested.connect(lambda printer: painted.append(printer))
    QTimer.singleShot(500, dialog.reject)
    dialog.exec()
    assert painted
    assert dialog.windowTitle() == "Print preview"


def test_unwritable_pdf_is_a_clear_error(tmp_path, options):
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf([seed_article()], tmp_path / "no-such-dir" / "x.pdf", options)
    # The temporary file's name taken by a folder: Qt cannot open it (works even as root).
    (tmp_path / "x.pdf.part").mkdir()
    with pytest.raises(ExportError, match="cannot write"):
        export_pdf([seed_article()], tmp_path / "x.pdf", options)
    assert not (tmp_path / "x.pdf").exists()


@need_poppler
def test_export_pdf_headless_without_a_display(tmp_path):
    """The CLI's path: no QApplication, no DISPLAY, no QT_QPA_PLATFORM set."""
    pdf = tmp_path / "cli.pdf"
    code = (
        "from tests.core.test_export_seed import seed_article\n"
        "from reader.ui.printing import export_pdf\n"
        f"print(export_pdf([seed_article()], {str(pdf)!r}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) == pdf_pages(pdf) >= 1
    assert skeleton(SEED_TITLE[:20]) in skeleton(pdf_text(pdf, 1))


def test_progress_and_cancel(tmp_path, options):
    import threading

    from reader.ui.printing import Cancelled

    seen = []
    pdf = tmp_path / "two.pdf"
    pages = export_pdf([seed_article(), english_article()], pdf, options, progress=seen.append)
    assert [s for s in seen if s[0] == "layout"] == [("layout", 1, 2), ("layout", 2, 2)]
    assert [s for s in seen if s[0] == "page"][-1] == ("page", pages, pages)
    stop = threading.Event()

    def cancel_at_page_two(event):
        if event == ("page", 2, pages):
            stop.set()

    with pytest.raises(Cancelled):
        export_pdf([seed_article(), english_article()], tmp_path / "stopped.pdf", options,
                   progress=cancel_at_page_two, cancel=stop)
    assert list(tmp_path.glob("stopped*")) == []  # neither the file nor its .part


@need_poppler
def test_report_with_cover_and_contents(tmp_path, options):
    from dataclasses import replace

    pdf = tmp_path / "report.pdf"
    report_options = replace(options, cover=True, toc=True)
    pages = export_pdf([seed_article(), english_article()], pdf, report_options,
                       ReportMeta(created=CREATED, author="กลุ่มงาน"))
    assert pages == pdf_pages(pdf) == 2 + SEED_PAGES + 1
    cover = pdf_text(pdf, 1)
    assert skeleton("รายงานข่าว") in skeleton(cover) and skeleton("จำนวนข่าว 2") in skeleton(cover)
    assert "/ " not in pdf_text(pdf, 1, (0, 790, 595, 52))  # no page number on the cover
    contents = pdf_text(pdf, 2)
    assert skeleton("สารบัญ") in skeleton(contents)
    assert re.search(r"Public sector report\s+" + str(3 + SEED_PAGES), contents)
    assert f"2 / {pages}" in pdf_text(pdf, 2, (0, 790, 595, 52))

"""Highlighted passages on printed pages and in PDF: shaded, underlined and numbered in the
text, listed with their notes under the article (Qt's document checked exactly; the PDF
by its English text, as tests/ui/test_printing.py explains)."""

from __future__ import annotations

import subprocess

from PySide6.QtGui import QTextCharFormat

from reader.core.export import ReportMeta, print_options
from reader.core.export.document import Passage
from reader.ui.fonts import load_app_fonts
from reader.ui.printing import article_document, export_pdf, make_printer, report_for_print
from tests.core.test_export_seed import seed_article
from tests.ui.test_printing import need_poppler

PASSAGE = "ASEAN Executive Governance Program"


def _meta(article):
    start = article.body.index(PASSAGE)
    return ReportMeta(highlights={article.id: [Passage(start, start + len(PASSAGE), "a note")]})


def test_printed_article_marks_the_passage(qapp):
    load_app_fonts()
    article = seed_article(id=1)
    report = report_for_print([article], print_options("Sarabun"), _meta(article))
    doc = article_document(report.sections[0], report, make_printer(report.options))
    marked, block = "", doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt: QTextCharFormat = frag.charFormat()
            if fmt.fontUnderline() and fmt.background().style().value:
                marked += frag.text()
            it += 1
        block = block.next()
    assert marked == PASSAGE
    text = doc.toPlainText()
    assert PASSAGE + "[1]" in text
    assert f"[1] \u201c{PASSAGE}\u201d \u2014 a note" in text
    assert "ข้อความที่เน้นและบันทึก" in text


@need_poppler
def test_pdf_lists_the_highlight(qapp, tmp_path):
    load_app_fonts()
    article = seed_article(id=1)
    out = tmp_path / "marked.pdf"
    export_pdf([article], out, print_options("Sarabun"), _meta(article))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"[1] \u201c{PASSAGE}\u201d \u2014 a note" in " ".join(text.split())

"""Print, preview and save as PDF: the Qt back end over reader.core.export.

What goes on the page comes from `build_report`; this module only lays it out. Each
article is its own QTextDocument paginated to the text area, and pages are painted by
hand (QTextDocument.print_ has no running header and adds its own margins): header with
the article title and print date, body clipped to the page, footer "page n / N".
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from reader.core.export import (
    ExportError,
    ExportOptions,
    Report,
    ReportMeta,
    build_report,
    print_options,
)
from reader.core.export.document import Section
from reader.core.model import Article
from reader.core.thaitext import to_thai_digits
from reader.ui.fonts import load_app_fonts

_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
_LINK_COLOR = QColor("#0b57a4")
_RULE_COLOR = QColor("#808080")
_SLACK_FMT = 8.0  # document margin in 96-dpi units (about 2 mm), see article_document
_own_app: QGuiApplication | None = None  # kept alive when export_pdf had to start Qt itself


def tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def ensure_app() -> None:
    """Start Qt for headless export (the CLI); PDF output never needs a display."""
    global _own_app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _own_app = QGuiApplication(["opdc-reader"])


def resolve_family(options: ExportOptions) -> ExportOptions:
    """Keep the chosen font when Qt has it, else the app's Thai font (bundled Sarabun)."""
    bundled = load_app_fonts()
    if options.font in QFontDatabase.families():
        return options
    return replace(options, font=bundled)


def make_printer(options: ExportOptions, pdf_path: str | os.PathLike | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = QPageSize(_PAGE_SIZES.get(options.paper, QPageSize.PageSizeId.A4))
    # Margins are painted by paint_report, so the printer gets the whole sheet.
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    printer.setCreator("OPDC Reader")
    if pdf_path is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_path))
    return printer


class _Page:
    """Geometry of one sheet in printer pixels."""

    def __init__(self, printer: QPrinter, options: ExportOptions) -> None:
        self.dpi = printer.resolution()
        mm = self.dpi / 25.4
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        m = options.margins
        self.paper = paper
        self.body = QRectF(m.left_mm * mm, m.top_mm * mm,
                           paper.width() - (m.left_mm + m.right_mm) * mm,
                           paper.height() - (m.top_mm + m.bottom_mm) * mm)
        self.mm = mm

    def pt(self, points: float) -> float:
        """Points in printer pixels (for QPainter)."""
        return points * self.dpi / 72.0

    @staticmethod
    def fmt_pt(points: float) -> float:
        """Points in text-format units: QTextDocumentLayout takes margins, indents and
        borders in 96-dpi pixels and scales them to the paint device itself."""
        return points * 96.0 / 72.0

    def slack(self) -> float:
        """The document margin (_SLACK_FMT) in printer pixels."""
        return _SLACK_FMT * self.dpi / 96.0


def _char(family: str, size_pt: float, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies([family])
    fmt.setFontPointSize(size_pt)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return fmt


def _block(page: _Page, after_pt: float = 0, indent_mm: float = 0,
           align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(page.fmt_pt(after_pt))
    fmt.setTextIndent(indent_mm * page.mm)  # not scaled by the layout, unlike margins
    fmt.setAlignment(align)
    return fmt


def article_document(section: Section, report: Report, printer: QPrinter) -> QTextDocument:
    """One article laid out for the printer's text area (public for tests: the text is here)."""
    opt = report.options
    page = _Page(printer, opt)
    family, size = opt.font, opt.size_pt
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.printer_ref = printer  # the layout keeps a raw pointer to it
    # The layout keeps this margin empty on every page; Thai marks above a page's first
    # line reach into it instead of being painted at the foot of the previous page.
    doc.setDocumentMargin(_SLACK_FMT)
    base = QFont(family)
    base.setPointSizeF(size)
    doc.setDefaultFont(base)
    slack = page.slack()
    doc.setPageSize(QSizeF(page.body.width() + 2 * slack, page.body.height() + 2 * slack))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, section.title)

    cur = QTextCursor(doc)
    cur.setBlockFormat(_block(page, after_pt=size * 0.4))
    cur.insertText(section.title, _char(family, size * 1.25, bold=True))
    if section.meta:
        meta = "   ".join(f"{label} {value}" for label, value in section.meta)
        cur.insertBlock(_block(page, after_pt=size * 0.6), _char(family, size))
        cur.insertText(meta, _char(family, size))
    body = _char(family, size)
    for text in section.paragraphs:
        cur.insertBlock(_block(page, after_pt=size * 0.375, indent_mm=opt.first_line_indent_mm), body)
        cur.insertText(text, body)
    for text in section.credits:
        cur.insertBlock(_block(page, align=Qt.AlignmentFlag.AlignRight), body)
        cur.insertText(text, body)
    if section.citation is not None:
        _citation(cur, section, page, family, size)
    return doc


def _citation(cur: QTextCursor, section: Section, page: _Page, family: str, size: float) -> None:
    cit = section.citation
    small = size - 2
    frame = QTextFrameFormat()
    frame.setTopMargin(page.fmt_pt(size))
    frame.setBorder(page.fmt_pt(0.5))
    frame.setBorderBrush(_RULE_COLOR)
    frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    frame.setPadding(page.fmt_pt(6))
    cur.insertFrame(frame)
    label_fmt = _char(family, small, bold=True)
    value_fmt = _char(family, small)
    cur.setBlockFormat(_block(page, after_pt=2))
    cur.insertText(cit.heading, label_fmt)
    rows = [(line.label, line.value, line.url) for line in cit.lines]
    if cit.reference:
        rows.append((cit.reference_label, cit.reference, None))
    for label, value, url in rows:
        cur.insertBlock(_block(page), value_fmt)
        cur.insertText(f"{label}: ", label_fmt)
        if url:
            link = _char(family, small)
            link.setAnchor(True)
            link.setAnchorHref(url)  # Qt's PDF writer turns anchors into clickable links
            link.setForeground(_LINK_COLOR)
            link.setFontUnderline(True)
            cur.insertText(value, link)
        else:
            cur.insertText(value, value_fmt)


def _draw_margins(painter: QPainter, page: _Page, report: Report, section: Section,
                  number: int, total: int) -> None:
    """Running header (title, print date) and footer (page n / N) outside the text area."""
    opt = report.options
    font = QFont(opt.font)
    font.setPointSizeF(max(opt.size_pt * 0.7, 8))
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    body = page.body
    gap = 4 * page.mm
    date = f"{report.labels['printed']} {report.date_text}"
    date_width = metrics.horizontalAdvance(date)
    title_width = max(body.width() - date_width - gap, 0)
    title = metrics.elidedText(section.title, Qt.TextElideMode.ElideRight, title_width)
    header = QRectF(body.left(), body.top() - gap - metrics.height(), body.width(), metrics.height())
    painter.setPen(QPen(QColor("black")))
    painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
    painter.drawText(header, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), date)
    painter.setPen(QPen(_RULE_COLOR, page.pt(0.5)))
    rule_y = header.bottom() + gap / 4
    painter.drawLine(int(body.left()), int(rule_y), int(body.right()), int(rule_y))
    numbers = f"{number} / {total}"
    if opt.thai_digits:
        numbers = to_thai_digits(numbers)
    footer = QRectF(body.left(), body.bottom() + gap, body.width(), metrics.height())
    painter.setPen(QPen(QColor("black")))
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                     f"{report.labels['page']} {numbers}")


def paint_report(report: Report, printer: QPrinter) -> int:
    """Paint every article, each from a new page; returns the number of pages."""
    page = _Page(printer, report.options)
    docs = [(section, article_document(section, report, printer)) for section in report.sections]
    total = sum(doc.pageCount() for _, doc in docs)
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError(f"cannot print to {printer.outputFileName() or printer.printerName()}")
    number = 0
    try:
        slack = page.slack()
        for section, doc in docs:
            size = doc.pageSize()
            for index in range(doc.pageCount()):
                if number:
                    printer.newPage()
                number += 1
                painter.save()
                top = index * size.height()
                painter.translate(page.body.left() - slack, page.body.top() - slack - top)
                doc.drawContents(painter, QRectF(0, top, size.width(), size.height()))
                painter.restore()
                if report.options.header:
                    _draw_margins(painter, page, report, section, number, total)
    finally:
        painter.end()
    return number


def report_for_print(articles: list[Article], options: ExportOptions | None = None,
                     meta: ReportMeta | None = None) -> Report:
    """The report with a font Qt can use; options default to the fixed print size."""
    options = options or print_options(load_app_fonts())
    # Printed pages have no cover or contents unless asked: they are for reading.
    options = replace(resolve_family(options), cover=options.cover or False, toc=options.toc or False)
    return build_report(articles, meta, options)


def export_pdf(articles: list[Article], path: str | os.PathLike, options: ExportOptions | None = None,
               meta: ReportMeta | None = None) -> int:
    """Write articles to a PDF (works offscreen, no display); returns the page count."""
    ensure_app()
    report = report_for_print(articles, options, meta)
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    tmp = path.with_name(path.name + ".part")
    printer = make_printer(report.options, tmp)
    printer.setDocName(report.title)
    try:
        pages = paint_report(report, printer)
        os.replace(tmp, path)
    except ExportError as exc:
        raise ExportError(f"cannot write {path}") from exc
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        if tmp.is_file():
            tmp.unlink()
    return pages


def preview_dialog(parent, articles: list[Article], options: ExportOptions | None = None,
                   meta: ReportMeta | None = None) -> QPrintPreviewDialog:
    """The print preview for the menu's Print action (Ctrl+P); call .exec() on it."""
    report = report_for_print(articles, options, meta)
    printer = make_printer(report.options)
    printer.setDocName(report.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ref = printer  # the dialog does not own the printer; keep it alive with it
    dialog.setWindowTitle(tr("Print preview"))
    dialog.paintRequested.connect(lambda target: paint_report(report, target))
    return dialog


def save_pdf_dialog(parent, articles: list[Article], options: ExportOptions | None = None,
                    meta: ReportMeta | None = None) -> Path | None:
    """Ask where to save, then write the PDF; None when the user cancels."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    name, _ = QFileDialog.getSaveFileName(parent, tr("Save as PDF"), "", tr("PDF files (*.pdf)"))
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    try:
        export_pdf(articles, path, options, meta)
    except ExportError as exc:
        QMessageBox.warning(parent, tr("Save as PDF"), str(exc))
        return None
    return path

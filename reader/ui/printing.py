"""Print, preview and save as PDF: the Qt back end over reader.core.export.

What goes on the page comes from `build_report`; this module only lays it out. Each
article is its own QTextDocument paginated to the text area, and pages are painted by
hand (QTextDocument.print_ has no running header and adds its own margins): header with
the article title and print date, body clipped to the page, footer "page n / N". A report
(options.cover / options.toc) starts with a cover and a contents page whose page numbers
are the printed ones. Painting reports progress and stops when cancelled, so the window
can run it in the background (reader/ui/exporting.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
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
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QGraphicsView, QToolBar, QToolButton, QWidget

from reader.core.export import (
    ExportError,
    ExportOptions,
    Report,
    ReportMeta,
    build_report,
    print_options,
)
from reader.core.export.document import Mark, Section, split_marked
from reader.core.model import Article
from reader.core.thaitext import to_thai_digits
from reader.ui.fonts import load_app_fonts

_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
_LINK_COLOR = QColor("#0b57a4")
_RULE_COLOR = QColor("#808080")
_MARK_COLOR = QColor("#fff176")  # light enough for black text; underlined as well
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


class _PrinterDocument(QTextDocument):
    def __init__(self, printer: QPrinter) -> None:
        super().__init__()
        self.printer_ref = printer  # the layout keeps a raw pointer to it: keep it alive


def _new_document(report: Report, printer: QPrinter, title: str) -> QTextDocument:
    """An empty document paginated to the printer's text area, in the report's font."""
    opt = report.options
    page = _Page(printer, opt)
    doc = _PrinterDocument(printer)
    doc.documentLayout().setPaintDevice(printer)
    # The layout keeps this margin empty on every page; Thai marks above a page's first
    # line reach into it instead of being painted at the foot of the previous page.
    doc.setDocumentMargin(_SLACK_FMT)
    base = QFont(opt.font)
    base.setPointSizeF(opt.size_pt)
    doc.setDefaultFont(base)
    slack = page.slack()
    doc.setPageSize(QSizeF(page.body.width() + 2 * slack, page.body.height() + 2 * slack))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return doc


def article_document(section: Section, report: Report, printer: QPrinter) -> QTextDocument:
    """One article laid out for the printer's text area (public for tests: the text is here)."""
    opt = report.options
    page = _Page(printer, opt)
    family, size = opt.font, opt.size_pt
    doc = _new_document(report, printer, section.title)
    cur = QTextCursor(doc)
    cur.setBlockFormat(_block(page, after_pt=size * 0.4))
    cur.insertText(section.title, _char(family, size * 1.25, bold=True))
    if section.meta:
        meta = "   ".join(f"{label} {value}" for label, value in section.meta)
        cur.insertBlock(_block(page, after_pt=size * 0.6), _char(family, size))
        cur.insertText(meta, _char(family, size))
    body = _char(family, size)
    for number, text in enumerate(section.paragraphs):
        cur.insertBlock(_block(page, after_pt=size * 0.375, indent_mm=opt.first_line_indent_mm), body)
        _marked_text(cur, text, section.marks[number] if number < len(section.marks) else [], body)
    for text in section.credits:
        cur.insertBlock(_block(page, align=Qt.AlignmentFlag.AlignRight), body)
        cur.insertText(text, body)
    if section.notes:
        _highlight_notes(cur, section, report, page)
    if section.citation is not None:
        _citation(cur, section, page, family, size)
    return doc


def _marked_text(cur: QTextCursor, text: str, marks: list[Mark], body: QTextCharFormat) -> None:
    """A paragraph with its highlighted passages shaded, underlined and numbered."""
    if not marks:
        cur.insertText(text, body)
        return
    ends = {(m.number, m.end) for m in marks}
    marked = QTextCharFormat(body)
    marked.setBackground(_MARK_COLOR)
    marked.setFontUnderline(True)
    label = QTextCharFormat(body)
    label.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    at = 0
    for piece, number in split_marked(text, marks):
        cur.insertText(piece, body if number is None else marked)
        at += len(piece)
        if number is not None and (number, at) in ends:
            cur.insertText(f"[{number}]", label)


def _highlight_notes(cur: QTextCursor, section: Section, report: Report, page: _Page) -> None:
    """The numbered passages and their notes, under the article."""
    family, size = report.options.font, report.options.size_pt
    cur.insertBlock(_block(page, after_pt=size * 0.3), _char(family, size, bold=True))
    cur.insertText(report.labels["highlights"], _char(family, size, bold=True))
    for number, passage, note in section.notes:
        cur.insertBlock(_block(page, after_pt=size * 0.2), _char(family, size - 2))
        cur.insertText(f"[{number}] ", _char(family, size - 2, bold=True))
        cur.insertText(f"\u201c{passage}\u201d" + (f" \u2014 {note}" if note else ""),
                       _char(family, size - 2))


def _citation(cur: QTextCursor, section: Section, page: _Page, family: str, size: float) -> None:
    cit = section.citation
    if cit is None:
        return  # the report asked for no citation
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


def cover_document(report: Report, printer: QPrinter) -> QTextDocument:
    """The cover of a report: its title, who made it, when, and how many articles."""
    opt = report.options
    page = _Page(printer, opt)
    family, size = opt.font, opt.size_pt
    doc = _new_document(report, printer, report.title)
    cur = QTextCursor(doc)
    center = Qt.AlignmentFlag.AlignHCenter
    title = _block(page, after_pt=size * 1.5, align=center)
    title.setTopMargin(60 * page.mm * 96.0 / page.dpi)  # 6 cm down, as the Word cover
    cur.setBlockFormat(title)
    cur.insertText(report.title, _char(family, size * 1.5, bold=True))
    lab = report.labels
    lines = [f"{lab['made_by']} {report.author}"] if report.author else []
    count = str(len(report.sections))
    lines += [f"{lab['date']} {report.date_text}",
              f"{lab['articles']} {to_thai_digits(count) if opt.thai_digits else count}"]
    for text in lines:
        cur.insertBlock(_block(page, after_pt=size * 0.4, align=center), _char(family, size))
        cur.insertText(text, _char(family, size))
    return doc


def contents_document(report: Report, printer: QPrinter, starts: list[int]) -> QTextDocument:
    """The contents: each article's title and the page it starts on."""
    opt = report.options
    page = _Page(printer, opt)
    family, size = opt.font, opt.size_pt
    doc = _new_document(report, printer, report.labels["contents"])
    cur = QTextCursor(doc)
    cur.beginEditBlock()  # one layout at the end: row by row the table is laid out again each time
    cur.setBlockFormat(_block(page, after_pt=size * 0.6, align=Qt.AlignmentFlag.AlignHCenter))
    cur.insertText(report.labels["contents"], _char(family, size * 1.25, bold=True))
    table_fmt = QTextTableFormat()
    table_fmt.setBorder(0)
    table_fmt.setCellPadding(page.fmt_pt(2))
    table_fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 88),
                                         QTextLength(QTextLength.Type.PercentageLength, 12)])
    table = cur.insertTable(len(report.sections), 2, table_fmt)
    body = _char(family, size)
    for row, (section, start) in enumerate(zip(report.sections, starts, strict=True)):
        cell = table.cellAt(row, 0).firstCursorPosition()
        cell.insertText(section.title, body)
        number = table.cellAt(row, 1).firstCursorPosition()
        number.setBlockFormat(_block(page, align=Qt.AlignmentFlag.AlignRight))
        number.insertText(to_thai_digits(str(start)) if opt.thai_digits else str(start), body)
    cur.endEditBlock()
    return doc


def _draw_margins(painter: QPainter, page: _Page, report: Report, title_text: str,
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
    title = metrics.elidedText(title_text, Qt.TextElideMode.ElideRight, title_width)
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


class Cancelled(Exception):
    """The user stopped the export; nothing was written."""


Progress = Callable[[tuple[str, int, int]], None]


def _layout(report: Report, printer: QPrinter, progress: Progress | None,
            cancel: threading.Event | None) -> list[tuple[str, QTextDocument, bool]]:
    """Every document of the report in page order: (running title, document, header?)."""
    articles = []
    for number, section in enumerate(report.sections, 1):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        articles.append((section.title, article_document(section, report, printer), True))
        if progress:
            progress(("layout", number, len(report.sections)))
    front: list[tuple[str, QTextDocument, bool]] = []
    if report.cover:
        front.append((report.title, cover_document(report, printer), False))
    if report.toc:
        # Page numbers depend on the contents' own length: lay it out until that settles.
        contents_pages, contents = 1, None
        for _ in range(3):
            first = 1 + sum(doc.pageCount() for _, doc, _ in front) + contents_pages
            starts = []
            for _, doc, _ in articles:
                starts.append(first)
                first += doc.pageCount()
            contents = contents_document(report, printer, starts)
            if contents.pageCount() == contents_pages:
                break
            contents_pages = contents.pageCount()
        assert contents is not None  # the loop ran at least once
        front.append((report.labels["contents"], contents, report.options.header))
    return front + articles


def paint_report(report: Report, printer: QPrinter, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> int:
    """Paint the cover and contents (when the report has them) and every article, each
    from a new page; returns the number of pages. `progress` gets ("layout", n, of) then
    ("page", n, of); `cancel` stops it between pages (raises Cancelled)."""
    page = _Page(printer, report.options)
    docs = _layout(report, printer, progress, cancel)
    total = sum(doc.pageCount() for _, doc, _ in docs)
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError(f"cannot print to {printer.outputFileName() or printer.printerName()}")
    number = 0
    try:
        slack = page.slack()
        for title, doc, header in docs:
            size = doc.pageSize()
            for index in range(doc.pageCount()):
                if cancel is not None and cancel.is_set():
                    raise Cancelled
                if number:
                    printer.newPage()
                number += 1
                painter.save()
                top = index * size.height()
                painter.translate(page.body.left() - slack, page.body.top() - slack - top)
                doc.drawContents(painter, QRectF(0, top, size.width(), size.height()))
                painter.restore()
                if header and report.options.header:
                    _draw_margins(painter, page, report, title, number, total)
                if progress:
                    progress(("page", number, total))
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
               meta: ReportMeta | None = None, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> int:
    """Write articles to a PDF (works offscreen, no display); returns the page count.
    The file appears whole or not at all (also when cancelled: Cancelled is raised)."""
    ensure_app()
    report = report_for_print(articles, options, meta)
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    tmp = path.with_name(path.name + ".part")
    printer = make_printer(report.options, tmp)
    printer.setDocName(report.title)
    try:
        pages = paint_report(report, printer, progress, cancel)
        os.replace(tmp, path)
    except ExportError as exc:
        raise ExportError(f"cannot write {path}") from exc
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        if tmp.is_file():
            tmp.unlink()
    return pages


class PreviewDialog(QPrintPreviewDialog):
    def __init__(self, printer: QPrinter, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.printer_ref = printer  # the dialog does not own the printer; keep it alive with it
        self.report = report  # what it shows (tests read the options back)


def preview_dialog(parent: QWidget | None, articles: list[Article], options: ExportOptions | None = None,
                   meta: ReportMeta | None = None) -> PreviewDialog:
    """The print preview for the menu's Print action (Ctrl+P); call .exec() on it."""
    report = report_for_print(articles, options, meta)
    printer = make_printer(report.options)
    printer.setDocName(report.title)
    dialog = PreviewDialog(printer, report, parent)
    dialog.setWindowTitle(tr("Print preview"))
    dialog.paintRequested.connect(lambda target: paint_report(report, target))
    reachable_by_tab(dialog)
    return dialog


def reachable_by_tab(dialog: QWidget) -> list[QWidget]:
    """Qt's preview toolbar buttons take no focus: keyboard users could not reach Print,
    Zoom or the page buttons. Give each focus and its action's name, and chain them in
    the order shown, then the page itself. Returns the chain (tests walk it)."""
    chain: list[QWidget] = []
    for toolbar in dialog.findChildren(QToolBar):
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if widget is None or action.isSeparator() or not action.isVisible():
                continue
            if isinstance(widget, QToolButton):
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                widget.setAccessibleName(action.text().replace("&", ""))
            for part in [widget, *widget.findChildren(QWidget)]:  # the page box, the zoom box
                if part.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    chain.append(part)
                    break
    chain += [w for w in dialog.findChildren(QGraphicsView)]
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)
    return chain

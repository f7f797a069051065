"""Print, PDF and Word from the window's menus: the open article, or the list as a report.

This module asks what to write and where; printing.py lays out pages, exporting.py
runs the writing in the background, reader.core.export builds Word documents.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from reader.core.export import ReportMeta, passages_of

from .exporting import ask_save_path, export_options, list_ids, safe_file_name

if TYPE_CHECKING:
    from reader.core.export import ExportOptions
    from reader.core.model import Article

    from .mainwindow import MainWindow


class Output(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def set_print_reading_size(self, on: bool) -> None:
        self.window.settings.print_at_reading_size = bool(on)

    def export_options(self, fmt: str) -> ExportOptions:
        """Print/PDF ("pdf") or Word ("docx") options: official 16 pt, or the reading size."""
        settings = self.window.settings
        zoom = settings.zoom_percent if settings.print_at_reading_size else None
        return export_options(fmt, self.window.lang, zoom, era=settings.era)

    def _meta(self, article: Article) -> ReportMeta:
        """The article's highlights go on paper too (marked, and listed with their notes)."""
        passages = passages_of(self.window.archive, article)
        return ReportMeta(highlights={article.id: passages} if passages and article.id else {})

    def print_article(self, how: str) -> None:
        """The open article to a printer ("print") or in the print preview ("preview")."""
        article = self.window.article.current()
        if article is None:
            return
        from . import printing

        options = self.export_options("pdf")  # the same size on paper as in the PDF
        try:
            if how == "print":
                from PySide6.QtPrintSupport import QPrintDialog

                report = printing.report_for_print([article], options, self._meta(article))
                printer = printing.make_printer(report.options)
                printer.setDocName(report.title)
                dialog = QPrintDialog(printer, self.window)
                dialog.report = report  # type: ignore[attr-defined]  # read by the print tests
                if dialog.exec():
                    printing.paint_report(report, printer)
            else:
                printing.preview_dialog(self.window, [article], options, self._meta(article)).exec()
        except Exception as exc:  # a printer problem: say it, keep the window
            QMessageBox.warning(self.window, self.tr("Printing"), str(exc))

    def save_article(self, fmt: str) -> None:
        """The open article (the version shown) to a Word or PDF file the user names."""
        article = self.window.article.current()
        if article is None:
            return
        w = self.window
        caption = self.tr("Export to Word") if fmt == "docx" else self.tr("Save as PDF")
        name = safe_file_name(article.title, "." + fmt)
        chosen = ask_save_path(w, caption, name, (fmt,), w.exporter.filters(), w.settings.export_folder)
        if chosen:
            w.settings.export_folder = str(chosen[0].parent)
            w.exporter.start(chosen[0], fmt, self.export_options(fmt), articles=[article])

    def export_list(self) -> None:
        """The list as shown (search results in their order, or the filtered catalog) as
        one report, up to reader.core.export.QUERY_LIMIT articles."""
        from reader.core import export

        w = self.window
        ids, listed = list_ids(w.list_model, export.QUERY_LIMIT)
        if not ids:
            w.statusBar().showMessage(self.tr("The list is empty: there is nothing to export."), 5000)
            return
        name = safe_file_name(self.tr("News report") + " " + dt.date.today().isoformat(), "")
        chosen = ask_save_path(w, self.tr("Export the list as a report"), name + ".docx",
                               ("docx", "pdf"), w.exporter.filters(), w.settings.export_folder)
        if chosen:
            path, fmt = chosen
            w.settings.export_folder = str(path.parent)
            meta = export.ReportMeta(subject=w.search.query())
            w.exporter.start(path, fmt, self.export_options(fmt), ids=ids, listed=listed, meta=meta)

"""Export from the window: the open article to Word or PDF, the list as a report.

The files are made by reader.core.export (Word) and reader/ui/printing.py (PDF); this
module asks where to save, reads the list's article ids, and runs the writing through
the one background helper, so the window stays usable: progress and a Cancel button sit
in the status bar, a failure is a message box, the saved path a status message.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from reader.core import export
from reader.core.export import ExportError, ExportOptions, ReportMeta, print_options
from reader.core.export.document import PRINT_SIZE_PT

from .announce import say as announce_text
from .forms import named, open_message
from .i18n import fill
from .worker import Job, Report, Task, show_progress

if TYPE_CHECKING:
    from reader.core.archive import Archive

    from .models import ArticleListModel

# What ExportOptions.check accepts: the reading size is clamped to it.
SIZE_MIN_PT, SIZE_MAX_PT = 6.0, 72.0
FORMATS = {"docx": ".docx", "pdf": ".pdf", "warc": ".warc.gz"}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
_NAME_BYTES = 150  # file systems allow 255 bytes; Thai takes 3 a character


def reading_size_pt(zoom_percent: int) -> float:
    """The official 16 pt scaled by the reader's zoom (200% -> 32 pt), within 6-72 pt."""
    return min(SIZE_MAX_PT, max(SIZE_MIN_PT, PRINT_SIZE_PT * zoom_percent / 100))


def export_options(fmt: str, lang: str, zoom_percent: int | None = None, era: str = "") -> ExportOptions:
    """Options for print/PDF ("pdf") or Word ("docx"): the official size, or the
    reading size when a zoom is given; dates in the era the reader chose (an English
    interface with Buddhist-era dates prints BE too). Word keeps the official font
    (TH Sarabun New); print uses the font Qt has (reader/ui/fonts.py)."""
    size = reading_size_pt(zoom_percent) if zoom_percent else PRINT_SIZE_PT
    lang = "en" if lang == "en" else "th"
    if fmt == "docx":
        return ExportOptions(size_pt=size, lang=lang, era=era)
    from .fonts import load_app_fonts

    return print_options(load_app_fonts(), size, lang=lang, era=era)


def safe_file_name(title: str, suffix: str, fallback: str = "article") -> str:
    """A file name from a title that every file system takes: no separators or
    reserved characters, no trailing dots, not too long, never a device name."""
    name = _UNSAFE.sub(" ", unicodedata.normalize("NFC", title or ""))
    name = " ".join(name.split()).strip(" .")
    name = name.encode("utf-8")[:_NAME_BYTES].decode("utf-8", errors="ignore").strip(" .")
    if not name or name.split(".")[0].upper() in _RESERVED:
        name = fallback
    return name + suffix


def list_ids(model: ArticleListModel, limit: int) -> tuple[list[int], int]:
    """The first `limit` article ids of the window's list in its order, and how many
    the list holds. Loaded rows are reused; the rest comes from the list's source."""
    total = model.total
    want = min(limit, total)
    ids = [row.id for row in model.rows[:want]]
    if len(ids) < want and model.source is not None:
        more = model.source.fetch(len(ids), want - len(ids), model.order)
        ids += [row.id for row in more]
    if len(ids) < want:  # a search's total can be an estimate: the list held only these
        total = len(ids)
    return ids, total


def start_folder(folder: str = "") -> Path:
    """Where a file dialog opens: the folder used last, else Documents, else home; never
    the working directory (from a menu entry that is / or the install folder)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (folder, documents, str(Path.home())):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path.home()


def ask_save_path(parent: QWidget | None, caption: str, name: str, formats: tuple[str, ...],
                  filters: dict[str, str], folder: str = "") -> tuple[Path, str] | None:
    """The save dialog, opened in `folder` (else Documents, else home); returns (path
    with the format's suffix, format) or None."""
    start = str(start_folder(folder) / name)
    wanted = ";;".join(filters[f] for f in formats)
    chosen, chosen_filter = QFileDialog.getSaveFileName(parent, caption, start, wanted)
    if not chosen:
        return None
    path = Path(chosen)
    fmt = next((f for f in formats if path.name.lower().endswith(FORMATS[f])), None)
    if fmt is None:  # no or another suffix: the filter chosen in the dialog decides
        fmt = next((f for f in formats if filters[f] == chosen_filter), formats[0])
        path = path.with_name(path.name + FORMATS[fmt])
    return path, fmt


@dataclass
class ExportDone:
    path: Path
    fmt: str
    count: int  # articles written
    listed: int  # articles the list held (more than count when capped)
    missing: list[str]
    pages: int = 0  # PDF only


class ExportController(Task):
    """Runs one export at a time in the background; the window owns one."""

    finished = Signal(object)  # ExportDone, or None after a failure or cancel

    def __init__(self, window: QMainWindow, archive: Archive) -> None:
        super().__init__(window)
        self.window, self.archive = window, archive
        self.message_box: QMessageBox | None = None
        self.last: ExportDone | None = None
        self.bar = named(QProgressBar(), "exportProgress")
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = named(QPushButton(), "exportCancel")
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.bar, self.cancel_button):
            widget.hide()
            window.statusBar().addPermanentWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.bar.setAccessibleName(self.tr("Export progress"))
        self.cancel_button.setText(self.tr("Cancel export"))
        self.cancel_button.setAccessibleName(self.tr("Cancel export"))
        self.cancel_button.setAccessibleDescription(self.tr("Stop writing the file; nothing is saved"))

    def filters(self) -> dict[str, str]:
        return {"docx": self.tr("Word documents (*.docx)"), "pdf": self.tr("PDF files (*.pdf)"),
                "warc": self.tr("Web archives (*.warc.gz)")}

    def start(self, path: Path, fmt: str, options: ExportOptions, *, articles: list | None = None,
              ids: list[int] | None = None, listed: int = 0,
              meta: ReportMeta | None = None) -> Job | None:
        """Write `articles` (already read) or the articles `ids` (read in the
        background) to `path` as "docx" or "pdf"; several make a report."""
        if self.busy:
            self._message(QMessageBox.Icon.Information, self.tr("An export is already running."))
            return None
        archive, meta = self.archive, meta or ReportMeta()

        def work(report, cancel: threading.Event) -> ExportDone:
            if fmt == "warc":  # streamed from the catalog, never all in memory
                return _write_warc(archive, path, ids or [], listed, report, cancel)
            missing: list[str] = []
            chosen = articles
            if chosen is None:
                report(("read", 0, 0))
                selection = export.collect_articles(archive, ids or [], limit=len(ids or []))
                chosen, missing = selection.articles, selection.missing
                if not meta.keywords:
                    meta.keywords = selection.tags
            if not meta.highlights:
                meta.highlights = {a.id: marks for a in chosen if a.id is not None
                                   and (marks := export.passages_of(archive, a))}
            if cancel.is_set():
                raise Cancelled
            opts = options
            if len(chosen) > 1:  # a report: cover and contents, as the core builds them
                opts = replace(options, cover=True, toc=True)
            pages = 0
            if fmt == "docx":
                report(("write", 0, 0))
                export.write_docx(export.build_report(chosen, meta, opts), path)
            else:
                from .printing import Cancelled as PrintCancelled
                from .printing import export_pdf

                try:
                    pages = export_pdf(chosen, path, opts, meta, report, cancel)
                except PrintCancelled:
                    raise Cancelled from None
            return ExportDone(path, fmt, len(chosen), max(listed, len(chosen)), missing, pages)

        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.window.statusBar().showMessage(fill(self.tr("Exporting to %1…"), path.name))
        return self._launch(work)

    def cancel(self) -> None:
        if self.job is not None:
            super().cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, event: tuple[str, int, int]) -> None:
        step, done, total = event
        texts = {
            "read": self.tr("Reading the articles…"),
            "write": self.tr("Writing the Word document…"),
            "layout": self.tr("Laying out article %1 of %2"),
            "page": self.tr("Writing page %1 of %2"),
            "warc": self.tr("Writing article %1 of %2 to the web archive"),
        }
        if step == "write":
            self.cancel_button.setEnabled(False)  # python-docx writes in one go
        show_progress(self.bar, done, total)
        text = fill(texts.get(step, ""), done, total)
        self.window.statusBar().showMessage(text)

    def _end(self) -> None:
        self._release()
        self.bar.hide()
        self.cancel_button.hide()

    def _done(self, done: ExportDone) -> None:
        self._end()
        self.last = done
        saved = fill(self.tr("Saved %1"), done.path)
        notes = []
        if done.listed > done.count:
            notes.append(fill(self.tr("Only the first %1 of %2 articles in the list were exported."),
                              f"{done.count:,}", f"{done.listed:,}"))
        if done.missing:
            notes.append(fill(self.tr("%1 articles are no longer in the archive and were left out."),
                              len(done.missing)))
        if notes:  # a status message goes by; a shortened report must be noticed
            self._message(QMessageBox.Icon.Information, "\n".join([saved, *notes]))
        self._say(" ".join([saved, *notes]), announce=not notes)
        self.finished.emit(done)

    def _failed(self, error: BaseException) -> None:
        self._end()
        self.last = None
        if isinstance(error, Cancelled):
            self._say(self.tr("Export cancelled; nothing was saved."))
        else:
            self.window.statusBar().clearMessage()
            self._message(QMessageBox.Icon.Warning, fill(self.tr("The file could not be saved: %1"),
                                                         _reason(error)))
        self.finished.emit(None)

    def _say(self, text: str, announce: bool = True) -> None:
        """In the status bar, and spoken by screen readers (the work ran in the background)."""
        bar = self.window.statusBar()
        bar.showMessage(text)
        if announce:
            announce_text(self.window, text)

    def _message(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = open_message(self.window, icon, self.tr("Export"), text, "exportMessage", self.tr("Export"))
        self.message_box = box
        return box


class Cancelled(Exception):
    """The user cancelled the export."""


def _write_warc(archive: Archive, path: Path, ids: list[int], listed: int, report: Report,
                cancel: threading.Event) -> ExportDone:
    from reader.core.export.warc import export_warc

    try:
        result = export_warc(archive, path, ids, lambda done, total, _name: report(("warc", done, total)),
                             cancel)
    except ExportError:
        if cancel.is_set():
            raise Cancelled from None
        raise
    return ExportDone(path, "warc", result.articles, max(listed, result.articles), result.missing)


def _reason(error: BaseException) -> str:
    """An export error's own message; any other failure, its kind and message."""
    if isinstance(error, ExportError | OSError):
        cause = error.__cause__
        text = str(error)
        if isinstance(cause, OSError) and cause.strerror and cause.strerror not in text:
            text += f" ({cause.strerror})"
        return text
    return f"{type(error).__name__}: {error}"

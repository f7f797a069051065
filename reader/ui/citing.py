"""Copy Citation and Export as WARC in the window.

The citations are reader.core.export.cite's (APA 7 as Thai libraries write it for Thai
items, English APA for English ones, or CSL-JSON, BibTeX, RIS); the WARC file is
reader.core.export.warc's, written in the background by the window's ExportController.
This module only decides which articles are meant: the rows selected in the list (Shift
or Ctrl with the arrow keys, and Ctrl+Space, select several), else the open article; for a WARC,
several selected rows, else the whole list as shown (a search, a collection, a filter).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QInputDialog

from reader.core.export import ExportOptions

from .announce import say
from .exporting import ask_save_path, list_ids, safe_file_name
from .i18n import fill

if TYPE_CHECKING:
    from .mainwindow import MainWindow

# The order in which "Copy Citation As" offers the formats; APA is what Copy Citation copies.
CITATION_FORMATS = ("apa", "csl-json", "bibtex", "ris")


class Citing(QObject):
    """The window's Copy Citation, Copy Citation As and Export as WARC commands."""

    def __init__(self, window: MainWindow, open_article: Callable[[], int | None]) -> None:
        super().__init__(window)
        self.window = window
        self.open_article = open_article
        self.last_format = "apa"

    def format_names(self) -> dict[str, str]:
        return {
            "apa": self.tr("APA 7 (Thai items as Thai libraries write them)"),
            "csl-json": self.tr("CSL-JSON (Zotero, Pandoc)"),
            "bibtex": self.tr("BibTeX (biblatex)"),
            "ris": self.tr("RIS (EndNote, Mendeley)"),
        }

    def chosen_ids(self) -> list[int]:
        """The articles selected in the list, in list order; else the open article."""
        model = self.window.list_model
        rows = sorted(index.row() for index in self.window.list.selectionModel().selectedRows())
        ids = [i for i in (model.article_id(row) for row in rows) if i is not None]
        if not ids:
            current = self.open_article()
            ids = [current] if current is not None else []
        return ids

    def copy_citation(self, fmt: str = "apa") -> str | None:
        """Put the citations of the chosen articles on the clipboard; returns the text."""
        ids = self.chosen_ids()
        bar = self.window.statusBar()
        if not ids:
            bar.showMessage(self.tr("Choose an article to cite first."), 5000)
            return None
        articles = []
        for article_id in ids:
            try:
                articles.append(self.window.archive.get(article_id))
            except KeyError:
                continue  # removed by another program since the list was read
        if not articles:
            bar.showMessage(self.tr("Choose an article to cite first."), 5000)
            return None
        from reader.core.export.cite import cite  # on use: not needed to open the window

        text = cite(articles, fmt).strip() + ("\n" if fmt != "apa" else "")
        QApplication.clipboard().setText(text)
        if len(articles) == 1:
            message = fill(self.tr("Citation copied: %1"), _short(articles[0].title))
        else:
            message = fill(self.tr("Citations of %1 articles copied"), len(articles))
        bar.showMessage(message, 8000)
        say(self.window, message)
        return text

    def copy_citation_as(self) -> str | None:
        """Ask for a format (keyboard: arrows and Enter), then copy as Copy Citation does."""
        names = self.format_names()
        labels = [names[f] for f in CITATION_FORMATS]
        current = CITATION_FORMATS.index(self.last_format)
        label, ok = QInputDialog.getItem(self.window, self.tr("Copy Citation As"),
                                         self.tr("Citation format:"), labels, current, False)
        if not ok:
            return None
        self.last_format = CITATION_FORMATS[labels.index(label)]
        return self.copy_citation(self.last_format)

    def export_warc(self) -> None:
        """Several selected rows, else the whole list, to a .warc.gz file the user names."""
        w = self.window
        selected = [i for i in self.chosen_ids() if i is not None]
        if len(w.list.selectionModel().selectedRows()) > 1:
            ids, listed = selected, len(selected)
        else:
            ids, listed = list_ids(w.list_model, w.list_model.total)
        if not ids:
            w.statusBar().showMessage(self.tr("The list is empty: there is nothing to export."), 5000)
            return
        import datetime as dt

        name = safe_file_name(self.tr("News archive") + " " + dt.date.today().isoformat(), "")
        chosen = ask_save_path(w, self.tr("Export as WARC"), name + ".warc.gz", ("warc",),
                               w.exporter.filters(), w.settings.export_folder)
        if chosen:
            w.settings.export_folder = str(chosen[0].parent)
            w.exporter.start(chosen[0], "warc", ExportOptions(), ids=ids, listed=listed)


def _short(title: str, limit: int = 60) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1] + "…"

"""The librarian's tools in the window: highlight a passage (with a note), remove it, open
a highlight from the sidebar; keep the current search under a name and open it again;
compare two versions of the open article.

Only wiring and dialogs: the archive stores highlights and saved searches
(reader.core.archive.highlights / saved), reader.core.search.saved counts matches,
reader.core.diff compares versions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from . import marks
from .announce import say
from .i18n import fill
from .operations import ArticleOp, Changed

if TYPE_CHECKING:
    from reader.core.archive import Archive
    from reader.core.archive.saved import SavedSearch

    from .mainwindow import MainWindow


class Passages(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window


    def saved_count(self, saved: SavedSearch) -> tuple[int, int] | None:
        """A saved search's matches and new matches, when the index can answer."""
        w = self.window
        index = w.usable_index()
        if index is None:
            return None
        from reader.core.search.saved import count

        found = count(w.archive, index, saved)
        return found.total, found.new
    def _tell(self, text: str) -> None:
        """In the status bar, and spoken by screen readers."""
        self.window.statusBar().showMessage(text, 5000)
        say(self.window, text)

    def _shown_version(self) -> int | None:
        article = self.window.article.current()
        return article.version if article is not None else None

    # -- highlights ---------------------------------------------------------------------------
    def highlight_selection(self) -> None:
        """Highlight the selected text of the article; the note is optional (Enter skips)."""
        w = self.window
        chosen = marks.selected_body_range(w.reader)
        article_id, version = w.article.article_id, self._shown_version()
        if chosen is None or article_id is None or version is None:
            self._tell(self.tr("Select some of the article's text first, then highlight it."))
            return
        note, ok = QInputDialog.getText(w, self.tr("Highlight"), self.tr(
            "Note for this passage (optional):"), QLineEdit.EchoMode.Normal, "")
        if not ok:
            return
        start, end = chosen

        def add(archive: Archive, _article_id: int) -> None:
            archive.highlights.add(article_id, version, start, end, note)

        if ArticleOp(w, Changed.ARTICLE | Changed.LIBRARY, add).run():
            self._tell(self.tr("Passage highlighted"))

    def remove_highlight(self) -> None:
        w = self.window
        mark_id = marks.mark_at_cursor(w.reader)
        if mark_id is None:
            self._tell(self.tr("There is no highlight at the cursor."))
            return

        def remove(archive: Archive, _article_id: int) -> None:
            archive.highlights.remove(mark_id)

        if ArticleOp(w, Changed.ARTICLE | Changed.LIBRARY, remove).run():
            self._tell(self.tr("Highlight removed"))

    def open_highlight(self, highlight_id: int) -> None:
        """Show the article at the highlighted version and select the passage."""
        w = self.window
        try:
            mark = w.archive.highlights.get(highlight_id)
        except KeyError:
            return
        w.article.show(mark.article_id, mark.version)
        marks.select_document_range(w.reader, mark.start, mark.end)
        text = fill(self.tr("Highlight: %1"), mark.quote[:120])
        if mark.note:
            text += " — " + fill(self.tr("note: %1"), mark.note)
        self._tell(text)

    # -- saved searches -------------------------------------------------------------------------
    def save_search(self) -> None:
        w = self.window
        query = w.search.query()
        if not query:
            self._tell(self.tr("Type a search first, then save it."))
            return
        name, ok = QInputDialog.getText(w, self.tr("Save Search"), self.tr(
            "Name for this search:"), QLineEdit.EchoMode.Normal, query)
        if not ok or not name.strip():
            return
        try:
            w.archive.saved.save(name, query, w.search.filters())
        except Exception as exc:  # a read-only or busy archive: say it, keep the window
            QMessageBox.warning(w, self.tr("Save Search"), str(exc))
            return
        w.listing.refresh_library()
        self._tell(fill(self.tr("Search saved as %1"), name.strip()))

    def open_saved(self, saved_id: int) -> None:
        """Run a saved search in the search box; its new matches stop being new."""
        w = self.window
        try:
            saved = w.archive.saved.get(saved_id)
        except KeyError:
            return
        counted = self.saved_count(saved)
        w.search.set_search(saved.query, saved.filters)
        w.listing.refresh()
        if counted is not None and counted[1]:
            self._tell(fill(self.tr("%1: %2 new since you last opened it"), saved.name, counted[1]))
        try:
            w.archive.saved.mark_seen(saved_id)
        except Exception:  # a read-only archive keeps its "new" marks; nothing is lost
            return

    # -- versions -------------------------------------------------------------------------------
    def compare_versions(self) -> None:
        w = self.window
        article_id = w.article.article_id
        if article_id is None:
            return
        versions = w.archive.versions(article_id)
        if len(versions) < 2:
            self._tell(self.tr("This article has only one version."))
            return
        shown = self._shown_version() or versions[-1].version
        # Here, not at the top: the diff loads the Thai analyser, which must not delay the
        # first window (bench/startup).
        from .compare import CompareDialog

        dialog = CompareDialog(w.archive, article_id, [v.version for v in versions], shown, w)
        dialog.exec()

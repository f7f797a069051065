"""The open article: showing it (in the chosen version) and the librarian's edits of it.

Tags, note and bookmark change through operations.ArticleOp, which reports failures and
refreshes what the change touched. Links open only on the reader's request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog

from reader.core.model import MARK_HEADLINE_ONLY, MARK_TRUNCATED, MARK_UNTITLED

from .announce import say
from .operations import ArticleOp, Changed, Step
from .readerpane import ArticleView

if TYPE_CHECKING:
    from reader.core.archive import Archive
    from reader.core.model import Article

    from .mainwindow import MainWindow


class OpenArticle(QObject):
    """Which article (and version) the reading pane shows, and the edits of it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.article_id: int | None = None
        self.version: int | None = None  # None: the current version

    def current(self) -> Article | None:
        """The article as shown (its version), or None when none is open."""
        if self.article_id is None:
            return None
        return self.window.archive.get(self.article_id, self.version)

    def show(self, article_id: int | None, version: int | None = None) -> None:
        if article_id is None:
            return
        w, archive = self.window, self.window.archive
        try:
            article = archive.get(article_id, version)
        except KeyError:
            w.statusBar().showMessage(self.tr("That article is no longer in the archive."))
            return
        self.article_id, self.version = article_id, version
        view = ArticleView(
            title=article.title,
            date_text=w.format_date(article.date) if article.date else "",
            category=article.category,
            paragraphs=list(article.paragraphs),
            credits=list(article.credits),
            source_url=article.source_url,
            tags=archive.tags.of(article_id),
            note=archive.notes.of(article_id),
            versions=[(v.version, v.archived_at[:10]) for v in archive.versions(article_id)],
            current_version=article.version,
            notices=[self.mark_text(mark) for mark in article.marks],
            marks=[(h.start, h.end, h.id)
                   for h in archive.highlights.for_article(article_id, article.version)],
        )
        w.reader.show_article(view, w.listing.terms)
        w.registry["bookmark"].setChecked(archive.bookmarks.has(article_id))
        w.registry["open_link"].setEnabled(bool(article.source_url))
        w.setWindowTitle(f"{article.title} — {w.tr('OPDC Reader')}")

    def mark_text(self, mark: str) -> str:
        """What a mark on an article (model.MARK_*) tells the reader."""
        texts = {
            MARK_HEADLINE_ONLY: self.tr("This posting holds only its headline (and its pictures)."),
            MARK_TRUNCATED: self.tr("The page stops mid-text: the copy that was imported is cut off."),
            MARK_UNTITLED: self.tr("The page has no headline; its first words stand in for one."),
        }
        return texts.get(mark, mark)

    def close(self) -> None:
        """No article open (the list is empty): the pane says how to choose one."""
        w = self.window
        self.article_id = self.version = None
        w.reader.show_article(None)
        w.registry["bookmark"].setChecked(False)
        w.registry["open_link"].setEnabled(False)
        w.setWindowTitle(w.tr("OPDC Reader"))

    def reshow(self) -> None:
        """The open article drawn again (dates in another era, after an edit)."""
        if self.article_id is not None:
            self.show(self.article_id, self.version)

    def show_version(self, version: int) -> None:
        self.show(self.article_id, version)

    # -- edits ---------------------------------------------------------------------------------
    def set_bookmark(self, on: bool) -> None:
        if self.article_id is None:
            self.window.registry["bookmark"].setChecked(False)
            return

        def mark(archive: Archive, article_id: int) -> None:
            archive.bookmarks.set(article_id, bool(on))

        if ArticleOp(self.window, Changed.ARTICLE | Changed.LIST | Changed.LIBRARY, mark).run():
            said = self.tr("Bookmarked") if on else self.tr("Bookmark removed")
            self.window.statusBar().showMessage(said, 3000)
            say(self.window, said)

    def set_tags(self, tags: list[str]) -> None:
        """The article's tags become `tags` (blank ones dropped); each refused tag is said."""
        if self.article_id is None:
            return
        old = set(self.window.archive.tags.of(self.article_id))
        new = {t.strip() for t in tags if t.strip()}
        steps = [_tag_step(tag, add=False) for tag in sorted(old - new)]
        steps += [_tag_step(tag, add=True) for tag in sorted(new - old)]
        ArticleOp(self.window, Changed.ARTICLE | Changed.LIST | Changed.LIBRARY, *steps,
                  refresh_always=True).run()

    def set_note(self, text: str) -> None:
        def write(archive: Archive, article_id: int) -> None:
            archive.notes.set(article_id, text)

        # Notes are searched (the list may change) but counted nowhere in the sidebar.
        ArticleOp(self.window, Changed.ARTICLE | Changed.LIST, write).run()

    def edit_tags(self) -> None:
        if self.article_id is None:
            return
        current = ", ".join(self.window.archive.tags.of(self.article_id))
        text, ok = QInputDialog.getText(self.window, self.tr("Tags"), self.tr(
            "Tags of this article, separated by commas:"), text=current)
        if ok:
            self.set_tags(text.split(","))

    def edit_note(self) -> None:
        if self.article_id is None:
            return
        from .notedialog import ask_note

        text = ask_note(self.window, self.window.archive.notes.of(self.article_id))
        if text is not None:
            self.set_note(text)

    # -- links ---------------------------------------------------------------------------------
    def open_source_link(self) -> None:
        article = self.current()
        if article is not None and article.source_url:
            self.open_url(QUrl(article.source_url))

    def open_url(self, url: QUrl) -> None:
        """Only on the reader's request, and only web or mail links."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


def _tag_step(tag: str, add: bool) -> Step:
    def step(archive: Archive, article_id: int) -> None:
        if add:
            archive.tags.add(article_id, tag)
        else:
            archive.tags.remove(article_id, tag)
    return step

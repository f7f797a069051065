"""The one way the window changes the open article (tags, note, bookmark).

An `ArticleOp` runs one change against the archive, reports a failure in a message box
(a read-only archive, a catalog in use, a refused tag) and then refreshes only the
parts of the window the change touched, as its `Changed` flags say. This is the shape
of Anki's CollectionOp: the change says what it changed, the window decides what to
redraw. The edits are single quick SQLite writes, so they run on the GUI thread and are
done when `run()` returns (tests and the keyboard see the result at once).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from reader.core.archive import Archive

    from .mainwindow import MainWindow


class Changed(enum.Flag):
    """What an edit can change in the window."""

    NOTHING = 0
    ARTICLE = enum.auto()  # the reading pane (tags and note shown under the text)
    LIST = enum.auto()  # the rows (a tag or bookmark filter, search matches on notes)
    LIBRARY = enum.auto()  # the sidebar's counts (tags, bookmarks)


# One step of an edit: it writes to the archive for the article and raises on failure.
Step = Callable[["Archive", int], None]


class ArticleOp:
    """One edit of the open article: `ArticleOp(window, changed, step, ...).run()`.

    Every step runs even when one before it failed (a tag that is refused does not stop
    the others), each failure is shown, and the window is refreshed once at the end when
    any step went through, or always with `refresh_always` (the list of tags is
    redrawn after an edit even when all of it was refused)."""

    def __init__(self, window: MainWindow, changed: Changed, *steps: Step,
                 refresh_always: bool = False) -> None:
        self.window = window
        self.changed = changed
        self.steps = steps
        self.refresh_always = refresh_always
        self.errors: list[Exception] = []

    def run(self) -> bool:
        """True when every step went through."""
        article_id = self.window.article.article_id
        if article_id is None:
            return False
        done = 0
        for step in self.steps:
            try:
                step(self.window.archive, article_id)
                done += 1
            except Exception as exc:  # ArchiveError (read-only, in use...) or a refused tag
                self.errors.append(exc)
                QMessageBox.warning(self.window, QCoreApplication.translate("MainWindow", "OPDC Reader"),
                                    str(exc))
        if done or self.refresh_always:
            refresh(self.window, self.changed)
        return not self.errors


def refresh(window: MainWindow, changed: Changed) -> None:
    """Redraw what `changed` names, keeping the open article open and selected."""
    if Changed.LIBRARY in changed:
        window.sidebar.populate(window.archive, window.year_label)
    if Changed.LIST in changed:
        window.list_model.reload()
    if Changed.ARTICLE in changed:
        window.article.reshow()
    if Changed.LIST in changed:
        window.listing.select_article(window.article.article_id)

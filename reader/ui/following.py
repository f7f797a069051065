"""Followed sources in the window: the sidebar's "New since you last looked" entry and its
Sources group, the Sources dialog, what happens when an update ends, and the first-run
offer to follow OPDC's news (an archive holding nothing but the sample is one step from
a real one)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from .i18n import fill


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class Following(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        # Articles archived after this time are "new since you last looked"; a first run
        # starts now, so the bundled sample is not news.
        self.looked_since = window.settings.last_looked or _now()
        self.viewed_new = False
        self.offer: QMessageBox | None = None
        self.dialog: Any = None

    def _subs(self) -> Any:
        from reader.core.archive.subscriptions import Subscriptions

        return Subscriptions(self.window.archive)

    def extras(self) -> tuple[tuple[str, dict] | None, list[tuple[str, dict]]]:
        """The sidebar's "New since you last looked (N)" entry (None when nothing is new)
        and one entry per followed source, showing its articles."""
        from reader.core.archive import ListFilter

        flt = {"created_after": self.looked_since}
        count = self.window.archive.count_articles(ListFilter(created_after=self.looked_since))
        new = (fill(self.tr("New since you last looked (%1)"), count), flt) if count else None
        entries = []
        for s in self._subs().all():
            label = f"{s.label} ({s.articles_added})"
            if s.failures:
                label = fill(self.tr("%1 – not fetched"), label)
            entries.append((label, {"origin": s.url}))
        return new, entries

    def filter_chosen(self, flt: dict) -> None:
        if "created_after" in flt:
            self.viewed_new = True

    def save(self) -> None:
        """Called on close: what was new has been looked at once the entry was opened."""
        if self.viewed_new:
            self.window.settings.last_looked = _now()

    def changed(self) -> None:
        self.window.listing.refresh_library()

    def updated(self, summary: Any) -> None:
        if summary is None:
            return
        # The list first: refreshed while the index sync below runs, it would compete
        # with it for the interpreter (measured: 590 ms instead of 40 ms).
        self.window.listing.refresh_library(keep=True)  # the article being read stays open
        # The update committed from its own process: this is the look at its changes the
        # outside-changes poll would take again (and announce) otherwise.
        self.window.listing.data_version = self.window.archive.data_version()
        if summary.new or any(o.versions for o in summary.outcomes):
            self.window.indexer.start()  # bring search up to date in the background

    def open_sources(self) -> None:
        from .sourcesdialog import SourcesDialog

        if self.dialog is None:
            self.dialog = SourcesDialog(self.window)
        self.dialog.fill()
        self.dialog.open()

    # -- first run ------------------------------------------------------------------------

    def after_import(self, sample: bool) -> None:
        """After the first-run sample import: offer to follow OPDC's news, once."""
        s = self.window.settings
        if not sample or s.sources_offered or self._subs().all():
            return
        s.sources_offered = True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Welcome"), self.tr(
            "The archive holds the sample articles. Follow the news of the OPDC "
            "(สำนักงาน ก.พ.ร.) so new articles arrive by themselves, or import files you have?"),
            QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("firstRunOffer")
        box.setAccessibleName(self.tr("Start filling the archive"))
        follow = box.addButton(self.tr("&Follow OPDC's News"), QMessageBox.ButtonRole.AcceptRole)
        files = box.addButton(self.tr("&Import Files…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("&Not Now"), QMessageBox.ButtonRole.RejectRole)
        follow.setObjectName("followOpdc")
        files.setObjectName("offerImport")
        follow.clicked.connect(self.follow_opdc)
        files.clicked.connect(self.window.importer.ask_files)
        box.setDefaultButton(follow)
        box.open()
        self.offer = box

    def follow_opdc(self) -> None:
        from reader.core.fetch.follow import follow_presets

        added = follow_presets(self.window.archive)
        self.changed()
        self.window.statusBar().showMessage(fill(self.tr(
            "Following %1 OPDC sources; their news is fetched in the background"), len(added)), 15000)
        self.window.updater.refresh(force=True)

"""The Sources dialog: every followed feed and page with its state in words, and Add,
Edit, Remove and Refresh now. Rows and rules come from reader.core (Subscriptions,
add_source); adding a source of unknown kind fetches it once in the background."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .combo import ComboBox
from .forms import add_row, name_widget, named, open_message
from .i18n import fill
from .sourcestate import error_text, source_state
from .worker import run_in_background

KINDS: list[tuple[str, object]] = [("", QT_TRANSLATE_NOOP("SourceForm", "Find out (fetch it once)")),
         ("feed", QT_TRANSLATE_NOOP("SourceForm", "Feed (RSS or Atom)")),
         ("listing", QT_TRANSLATE_NOOP("SourceForm", "Listing page (a list of news links)")),
         ("page", QT_TRANSLATE_NOOP("SourceForm", "Single page"))]
EVERY: list[tuple[int, object]] = [(3600, QT_TRANSLATE_NOOP("SourceForm", "Every hour")),
         (3 * 3600, QT_TRANSLATE_NOOP("SourceForm", "Every 3 hours")),
         (6 * 3600, QT_TRANSLATE_NOOP("SourceForm", "Every 6 hours")),
         (12 * 3600, QT_TRANSLATE_NOOP("SourceForm", "Every 12 hours")),
         (86400, QT_TRANSLATE_NOOP("SourceForm", "Once a day"))]


def _tr(text: object) -> str:
    return QCoreApplication.translate("SourceForm", str(text))


class SourceForm(QDialog):
    """Address, name, kind and how often, for a new or an existing source."""

    def __init__(self, parent: QWidget, source: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceForm")
        self.setWindowTitle(self.tr("Edit Source") if source else self.tr("Add Source"))
        form = QFormLayout(self)
        self.url = named(QLineEdit(source.url if source else ""), "sourceUrl")
        self.url.setPlaceholderText("https://www.opdc.go.th/")
        self.name = named(QLineEdit(source.name if source else ""), "sourceName")
        self.kind = named(ComboBox(), "sourceKind")
        for value, text in KINDS[1 if source else 0:]:
            self.kind.addItem(_tr(text), value)
        self.every = named(ComboBox(), "sourceEvery")
        for seconds, text in EVERY:
            self.every.addItem(_tr(text), seconds)
        if source:
            self.kind.setCurrentIndex(max(0, self.kind.findData(source.kind)))
            self.every.setCurrentIndex(max(0, self.every.findData(source.every_seconds)))
        else:
            self.every.setCurrentIndex(2)
        add_row(form, self.tr("&Address:"), self.url, self.tr("The web address of the feed or page"))
        add_row(form, self.tr("&Name:"), self.name, self.tr("What the sidebar calls it (optional)"))
        add_row(form, self.tr("&Kind:"), self.kind, self.tr("What the address is"))
        add_row(form, self.tr("&Look for news:"), self.every, self.tr("How often to fetch it"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {"url": self.url.text().strip(), "name": self.name.text().strip(),
                "kind": self.kind.currentData() or None, "every_seconds": int(self.every.currentData())}


class SourcesDialog(QDialog):
    COLUMNS = 4

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("sourcesDialog")
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        self.table = named(QTableWidget(0, self.COLUMNS), "sourcesTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, slot in (("add", self.add), ("edit", self.edit), ("remove", self.remove),
                          ("refresh", self.refresh_now)):
            button = named(QPushButton(), f"sources_{key}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.window_.updater.finished.connect(lambda _s: self.fill())
        self.retranslate()

    def retranslate(self) -> None:
        """Its words, and every source's state, in the interface language (again after a
        switch: Qt sends the dialog a LanguageChange)."""
        self.setWindowTitle(self.tr("Sources"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Articles"),
                                              self.tr("State")])
        name_widget(self.table, self.tr("Followed sources"),
                    self.tr("Each feed or page the archive follows, with its state"))
        for key, text in (("add", self.tr("&Add…")), ("edit", self.tr("&Edit…")),
                          ("remove", self.tr("&Remove")), ("refresh", self.tr("Refresh &Now"))):
            self.buttons[key].setText(text)
        self.fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _subs(self) -> Any:
        from reader.core.archive.subscriptions import Subscriptions

        return Subscriptions(self.window_.archive)

    def fill(self) -> None:
        sources = self._subs().all()
        self.table.setRowCount(len(sources))
        kinds = {"feed": self.tr("Feed"), "listing": self.tr("Listing page"), "page": self.tr("Page")}
        for r, s in enumerate(sources):
            state = source_state(s, self._when)  # in the reader's language (sourcestate.py)
            cells = [s.label, kinds.get(s.kind, s.kind), str(s.articles_added), state]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                item.setToolTip(f"{s.url}\n{state}")
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        has = bool(sources)
        for key in ("edit", "remove"):
            self.buttons[key].setEnabled(has)

    def _when(self, moment: dt.datetime) -> str:
        """A local time: the hour today, else the date and the hour."""
        hour = moment.strftime("%H:%M")
        if moment.date() == dt.date.today():
            return hour
        return f"{self.window_.format_date(moment.date(), 'short')} {hour}"

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def add(self) -> None:
        form = SourceForm(self)
        if not form.exec():
            return
        values, archive = form.values(), self.window_.archive

        def work(_report: Any, _cancel: Any) -> Any:
            from reader.core.fetch.follow import add_source

            return add_source(archive, values["url"], values["kind"], values["name"], values["every_seconds"])

        self.buttons["add"].setEnabled(False)
        run_in_background(work, on_done=self._added, on_error=self._not_added)

    def _added(self, source: Any) -> None:
        self.buttons["add"].setEnabled(True)
        self.fill()
        self.window_.sources_changed()
        self.window_.updater.refresh(source_id=source.id)

    def _not_added(self, error: BaseException) -> None:
        self.buttons["add"].setEnabled(True)
        open_message(self, QMessageBox.Icon.Warning, self.tr("Add Source"), error_text(error),
                     "sourceError", self.tr("The source was not added"))

    def edit(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        form = SourceForm(self, self._subs().get(sid))
        if form.exec():
            values = form.values()
            try:
                self._subs().edit(sid, url=values["url"], name=values["name"], kind=values["kind"],
                                  every_seconds=values["every_seconds"])
            except Exception as exc:  # noqa: BLE001 - shown to the user as it is
                self._not_added(exc)
            self.fill()
            self.window_.sources_changed()

    def remove(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        source = self._subs().get(sid)
        answer = QMessageBox.question(self, self.tr("Remove Source"), fill(self.tr(
            "Stop following %1? Its %2 articles stay in the archive."), source.label, source.articles_added))
        if answer == QMessageBox.StandardButton.Yes:
            self._subs().remove(sid)
            self.fill()
            self.window_.sources_changed()

    def refresh_now(self) -> None:
        self.window_.updater.refresh(force=True, source_id=self.selected_id())

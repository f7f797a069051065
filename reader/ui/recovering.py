"""Recovering a damaged catalog from the window: the question asked when the archive
cannot be opened, Help > Recover Archive, and the recovery itself (reader.core.archive.
recover) run off the GUI thread behind a progress dialog, then what it did, in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from . import i18n
from .worker import run_in_background


class Recovery(QObject):
    """The dialogs of recovery; `parent` is the window, or None before there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = parent

    def ask_at_open(self, what: str, running: bool = False) -> bool:
        """The catalog failed the open check (or, `running`, a check or a read in the open
        window): say so and offer recovery. True to recover."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The archive is damaged"), i18n.fill(self.tr(
            "The archive's catalog is damaged (%1).\n\nNothing has been changed. OPDC Reader can "
            "rebuild the catalog from its automatic backups, its journal of changes and the "
            "original files; the damaged file is kept aside, not deleted.\n\n"
            "Recover the archive now?"), what), parent=self.window)
        box.setObjectName("damagedArchiveBox")
        recover = box.addButton(self.tr("&Recover Now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later") if running else self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(recover)
        box.exec()
        return box.clickedButton() is recover

    def confirm(self) -> bool:
        """Help > Recover Archive: what it does, before doing it."""
        answer = QMessageBox.question(self.window, self.tr("Recover Archive"), self.tr(
            "Rebuild the archive's catalog from its newest sound backup, its journal of changes "
            "and the original files?\n\nUse this when the archive reports damage. The present "
            "catalog is kept aside, not deleted. The window reopens the archive afterwards."))
        return answer == QMessageBox.StandardButton.Yes

    def run(self, root: Path) -> Any:
        """Recover the archive at `root` behind a modal progress dialog; the report, or
        None when recovery failed (the reason is shown)."""
        from reader.core.archive.recover import recover

        dialog = QProgressDialog(self.tr("Recovering the archive…"), "", 0, 0, self.window)
        dialog.setObjectName("recoverProgress")
        dialog.setWindowTitle(self.tr("Recover Archive"))
        dialog.setCancelButton(None)  # half a recovery helps nobody
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        outcome: dict[str, Any] = {}
        loop = QEventLoop()
        job = run_in_background(lambda report, _cancel: recover(root, progress=report),
                                on_done=lambda r: outcome.update(report=r),
                                on_error=lambda e: outcome.update(error=e))
        job.finished.connect(loop.quit)
        dialog.show()
        loop.exec()
        dialog.close()
        if "error" in outcome:
            QMessageBox.critical(self.window, self.tr("Recover Archive"), i18n.fill(
                self.tr("The archive could not be recovered: %1"), str(outcome["error"])))
            return None
        report = outcome["report"]
        icon = QMessageBox.Icon.Warning if report.problems else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Recover Archive"), self.summary(report), parent=self.window)
        box.setObjectName("recoverSummary")
        box.exec()
        return report

    def summary(self, report: Any) -> str:
        """What recovery did, in the reader's language."""
        lines = [i18n.fill(self.tr("The archive now holds %1 articles."), report.articles)]
        if report.backup_used:
            lines.append(i18n.fill(self.tr("Started from the backup %1."), report.backup_used))
        else:
            lines.append(self.tr("No sound backup was found: started from an empty catalog."))
        lines.append(i18n.fill(self.tr("Changes replayed from the journal: %1."), report.journal_entries))
        lines.append(i18n.fill(self.tr("Articles extracted again from their original files: %1."),
                               report.articles_from_journal + report.articles_from_originals))
        if report.damaged_kept:
            lines.append(i18n.fill(self.tr("The damaged catalog is kept in %1."), report.damaged_kept))
        if report.problems:
            lines.append(i18n.fill(self.tr("Not everything could be rebuilt (%1 problems), for example: %2"),
                                   len(report.problems), report.problems[0]))
        return "\n".join(lines)


def check_in_background(archive: Any, on_damage: Callable[[str], None]) -> None:
    """After start-up, off the GUI thread: the whole-catalog check the open check leaves
    out (1-11 s at 60,000 articles), then, when it is sound and none was taken today, the
    day's catalog backup. `on_damage(what)` runs on the GUI thread when the check fails."""
    from reader.core.archive import backups
    from reader.core.archive.health import describe

    root = archive.root

    def work(_report: Any, _cancel: Any) -> list[str]:
        problems = backups.good(root / "catalog.sqlite")
        if not problems and not archive.readonly:
            backups.after_import(archive)  # the same rule: at most once a day
        return problems

    run_in_background(work, on_done=lambda problems: on_damage(describe(problems)) if problems else None)

"""Import from the window: files, folders, drag and drop, and the first-run sample.

The importer runs through the one background helper; progress shows in a dialog with a
Cancel button, and the importer's summary (including every file it could not read) is
shown at the end. The window stays usable throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from .forms import open_message
from .i18n import fill
from .worker import Job, Task, show_progress

if TYPE_CHECKING:
    from reader.core.archive import Archive
    from reader.core.importer import ImportEvent, ImportSummary
    from reader.core.search import SearchIndex


class ImportController(Task):
    finished = Signal(object)  # the ImportSummary (or None after an error)

    def __init__(self, window: QWidget, archive: Archive, index: SearchIndex | None = None) -> None:
        super().__init__(window)
        self.window, self.archive, self.index = window, archive, index
        self.dialog: QProgressDialog | None = None
        self.summary_box: QMessageBox | None = None
        self.last_summary: ImportSummary | None = None
        self.sample = False  # the running import is the first-run sample (no summary unless it fails)
        self._on_done: Callable[[ImportSummary], None] | None = None

    def start(self, targets: list[str], sample: bool = False,
              on_done: Callable[[ImportSummary], None] | None = None) -> Job | None:
        if self.busy:
            self._message(QMessageBox.Icon.Information, self.tr("An import is already running."))
            return None
        archive, index = self.archive, self.index

        def work(report, cancel):
            from reader.core import importer
            from reader.core import sample as sample_mod

            if sample:
                targets[:] = [str(p) for p in sample_mod.sample_files()]
            return importer.import_targets(archive, list(targets), progress=report,
                                           cancel=cancel, index=index)

        self.dialog = QProgressDialog(self.window)
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle(self.tr("Importing"))
        self.dialog.setLabelText(self.tr("Preparing the import…"))
        self.dialog.setCancelButtonText(self.tr("&Cancel"))
        self.dialog.setAccessibleName(self.tr("Import progress"))
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setRange(0, 0)
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self._on_done = on_done
        self.sample = sample
        job = self._launch(work)
        self.dialog.canceled.connect(job.cancel)
        return job

    def ask_files(self) -> None:
        """Files chosen in a dialog, imported."""
        from .exporting import start_folder

        files, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import files"), str(start_folder()), self.tr(
            "Pages, feeds, bundles and web archives (*.txt *.htm *.html *.xml *.rss *.atom *.zip *.warc"
            " *.warc.gz);;All files (*)"))
        if files:
            self.start(files)

    def ask_folder(self) -> None:
        """A folder chosen in a dialog, imported with everything in it."""
        from .exporting import start_folder

        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder"), str(start_folder()))
        if folder:
            self.start([folder])

    def _progress(self, event: ImportEvent) -> None:
        if self.dialog is None:
            return
        if event.total:  # the count of files is known once the folders are walked
            show_progress(self.dialog, event.done, event.total)
        name = Path(event.name).name or event.name
        self.dialog.setLabelText(fill(self.tr("Importing %1 (%2)"), name, event.done))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self._release()

    def _done(self, summary: ImportSummary) -> None:
        self._close_dialog()
        self.last_summary = summary
        if not self.sample or summary.failed:
            self._show_summary(summary)
        if self._on_done:
            self._on_done(summary)
        self.finished.emit(summary)

    def _failed(self, error: BaseException) -> None:
        self._close_dialog()
        self.last_summary = None
        self._message(QMessageBox.Icon.Warning, fill(self.tr("The import stopped: %1"), error))
        self.finished.emit(None)

    def summary_text(self, summary: ImportSummary) -> str:
        counts = summary.counts
        lines = [
            fill(self.tr("New articles: %1"), counts.get("new", 0)),
            fill(self.tr("New versions: %1"), counts.get("version", 0)),
            fill(self.tr("Already in the archive: %1"),
                 counts.get("unchanged", 0) + counts.get("duplicate", 0)),
            fill(self.tr("Could not be read: %1"), len(summary.failed)),
        ]
        if summary.skipped:  # a web archive's requests, pictures, error pages...
            lines.append(fill(self.tr("Left out (web archive records that are not pages): %1"),
                              sum(summary.skipped.values())))
        if summary.cancelled:
            lines.insert(0, self.tr("The import was cancelled; what was imported is kept."))
        lines += [m for m in (summary.index_message, summary.backup_message) if m]
        return "\n".join(lines)

    def _show_summary(self, summary: ImportSummary) -> None:
        box = self._message(
            QMessageBox.Icon.Warning if summary.failed else QMessageBox.Icon.Information,
            self.summary_text(summary))
        if summary.failed:
            box.setInformativeText(self.tr("Files that could not be read:") + "\n" + "\n".join(
                f"{Path(f.name).name}: {f.reason}" for f in summary.failed[:10]))
            box.setDetailedText("\n".join(f"{f.name}: {f.reason}" for f in summary.failed))

    def _message(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = open_message(self.window, icon, self.tr("Import"), text, "importSummary", self.tr("Import summary"))
        self.summary_box = box
        return box

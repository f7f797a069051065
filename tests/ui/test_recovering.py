"""Recovery in the window: a damaged catalog at start-up is named and recovery offered;
Help > Recover Archive rebuilds the catalog and reopens the window on it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.archive import Archive
from reader.core.importer import import_targets
from tests.reliability.helpers import write_pages


class AutoAnswer:
    """Answers every message box that opens (Yes, else its default button), keeping its
    name and text, and a picture of it when `shots` is a folder."""

    def __init__(self, shots: Path | None = None):
        self.seen: list[tuple[str, str]] = []
        self.shots = shots
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.answer)
        self.timer.start()

    def answer(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if not (isinstance(widget, QMessageBox) and widget.isVisible()):
                continue
            self.seen.append((widget.objectName(), widget.text()))
            if self.shots is not None:
                widget.grab().save(str(self.shots / f"box{len(self.seen)}.png"))
            button = widget.button(QMessageBox.StandardButton.Yes) or widget.defaultButton() \
                or widget.buttons()[0]
            button.click()


def filled_archive(tmp_path: Path) -> Path:
    write_pages(tmp_path / "pages", 0, 5)
    root = tmp_path / "archive"
    with Archive.open(root) as archive:
        import_targets(archive, [str(tmp_path / "pages")])
        archive.tags.add(1, "ข่าวเด่น")
        archive.notes.set(2, "ตรวจแล้ว")
    return root


def test_damaged_catalog_at_start_is_named_and_recovered(qtbot, tmp_path):
    from reader.ui.app import create_app, open_or_recover
    from reader.ui.settings import load_settings

    settings = load_settings()
    settings.language = "th"
    create_app(["test"], settings)
    root = filled_archive(tmp_path)
    (root / "catalog.sqlite").unlink()
    shots = Path(os.environ["OPDC_SHOTS"]) if os.environ.get("OPDC_SHOTS") else None
    answers = AutoAnswer(shots)
    archive, warning = open_or_recover(root)
    answers.timer.stop()
    try:
        assert warning is None
        assert archive.count_articles() == 5
        assert archive.tags.of(1) == ["ข่าวเด่น"] and archive.notes.of(2) == "ตรวจแล้ว"
    finally:
        archive.close()
    names = [name for name, _ in answers.seen]
    assert names == ["damagedArchiveBox", "recoverSummary"]
    assert "catalog.sqlite is missing" in answers.seen[0][1]
    assert "5" in answers.seen[1][1]


def test_help_recover_archive_rebuilds_and_reopens_the_window(qtbot, tmp_path):
    from reader.ui.app import Session, create_app, open_archive
    from reader.ui.settings import load_settings

    settings = load_settings()
    app = create_app(["test"], settings)
    root = filled_archive(tmp_path)
    session = Session(app, settings)
    session.show(*open_archive(root))
    first = session.window
    answers = AutoAnswer()
    try:
        first.registry["recover"].trigger()
        answers.timer.stop()
        assert [name for name, _ in answers.seen][-1] == "recoverSummary"
        assert session.window is not first and session.window.isVisible()
        assert session.archive.count_articles() == 5
        assert session.archive.tags.of(1) == ["ข่าวเด่น"]
        assert len(list((root / "damaged").iterdir())) == 1  # the old catalog kept aside
    finally:
        answers.timer.stop()
        session.window.close()
        session.close()


def test_damage_found_while_the_window_is_open_is_offered_for_recovery(qtbot, tmp_path):
    """The open check reads only the catalog's edges; the window then checks every page in
    the background, names the damage and offers recovery, which reopens the window."""
    from reader.ui.app import Session, create_app, open_archive
    from reader.ui.settings import load_settings

    settings = load_settings()
    app = create_app(["test"], settings)
    write_pages(tmp_path / "pages", 0, 400)
    root = tmp_path / "archive"
    with Archive.open(root) as archive:
        import_targets(archive, [str(tmp_path / "pages")])
        archive.tags.add(7, "ข่าวเด่น")
    catalog = root / "catalog.sqlite"
    with open(catalog, "r+b") as fh:  # the middle of the file: articles' text, not the edges
        fh.seek(catalog.stat().st_size // 2 // 4096 * 4096)
        fh.write(b"\xa5" * 4096 * 8)
    session = Session(app, settings)
    session.show(*open_archive(root))  # the open check passes: the damage is not at an edge
    first = session.window
    answers = AutoAnswer()
    try:
        qtbot.waitUntil(lambda: session.window is not first, timeout=60_000)
        answers.timer.stop()
        names = [name for name, _ in answers.seen]
        assert names[0] == "damagedArchiveBox" and names[-1] == "recoverSummary"
        assert session.archive is not None and session.archive.count_articles() == 400
        assert session.archive.tags.of(7) == ["ข่าวเด่น"]
    finally:
        answers.timer.stop()
        if session.window is not None:
            session.window.close()
        session.close()

"""Fixtures for window tests: a real archive in a temporary folder, filled through
Archive.add, and the real main window on it (offscreen)."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from reader.core.archive import Archive
from reader.core.model import Article

THAI_TITLE = "สำนักงาน ก.พ.ร. จับมือธนาคารโลก เปิดมิติใหม่ของความร่วมมือ"
THAI_BODY = [
    "เมื่อวันที่ 26 สิงหาคม 2556 สำนักงาน ก.พ.ร. ร่วมกับธนาคารโลก จัดอบรมหลักสูตรธรรมาภิบาล",
    "ผู้บริหารระดับสูงของหน่วยงานภาครัฐจากประเทศสมาชิกอาเซียนเข้าร่วมการประชุม",
]


def make_article(i: int) -> Article:
    return Article(
        title=f"{THAI_TITLE} {i}" if i % 3 else f"Public sector news {i}",
        paragraphs=THAI_BODY + [f"ย่อหน้าที่ {i}"],
        credits=["ข่าว: กลุ่มเผยแพร่และประชาสัมพันธ์"],
        category="ข่าวเด่น" if i % 2 else "ข่าวประชาสัมพันธ์",
        language="th" if i % 3 else "en",
        date=dt.date(2013, 8, 26) + dt.timedelta(days=30 * i),
        source_url=f"http://www.opdc.go.th/content.php?menu_id=5&content_id={i}",
    )


def fill(archive: Archive, n: int) -> None:
    for i in range(n):
        archive.add(make_article(i), f"original {i}".encode(), f"test/{i}.txt")


@pytest.fixture
def archive_path(tmp_path):
    path = tmp_path / "archive"
    with Archive.open(path) as archive:
        fill(archive, 12)
    return path


@pytest.fixture
def open_window(qtbot):
    """Open the app's window on an archive path, as run() does (factory pieces)."""
    opened = []

    def opener(path, settings=None):
        from reader.ui.app import create_app, open_archive, open_index
        from reader.ui.app import open_window as build
        from reader.ui.settings import load_settings

        settings = settings or load_settings()
        app = create_app(["test"], settings)
        archive, _ = open_archive(path)
        index = open_index(archive)
        window = build(app, archive, settings, index)
        qtbot.addWidget(window)
        window.show()
        window.start()
        opened.append((window, archive, index))
        return window

    yield opener
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from reader.ui import i18n, themes

    for window, archive, index in opened:
        window.close()
        if index is not None:
            index.close()
        archive.close()
        window.deleteLater()
    # Delete the windows now, not at interpreter exit: PySide tearing down leftover
    # windows during finalization has crashed the process (bool_dealloc).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    opened.clear()
    gc.collect()
    app = QApplication.instance()
    i18n.install(app, "en")  # later tests start from English and the light palette
    themes.apply_theme(app, "light")


SEED_DIR = __import__("tests.conftest", fromlist=["ROOT"]).ROOT / "archive"

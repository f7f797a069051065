"""Application factory. The CLI imports this module only to open the window
(`opdc-reader` with no command, or `opdc-reader gui`), so headless commands never load Qt.

`create_app` sets up Qt (style, fonts, language, theme); `open_window` opens the archive
and builds the window; `run(argv)` does both and runs the event loop. Tests build the
same pieces with a temporary archive.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.core import paths

from . import i18n, themes
from .fonts import load_app_fonts
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from reader.core.archive import Archive
    from reader.core.search import SearchIndex

    from .mainwindow import MainWindow


def create_app(argv: list[str] | None = None, settings: Settings | None = None) -> QApplication:
    existing = QApplication.instance()
    # The window needs a widgets application; tests may have made one already.
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName("OPDC Reader")
    app.setOrganizationName("OPDC Reader")
    # Must match resources/desktop/th.go.opdc.Reader.desktop, so the desktop ties the
    # running window to its menu entry and icon.
    app.setDesktopFileName("th.go.opdc.Reader")
    try:
        icon = paths.resource("resources", "desktop", "icons", "hicolor", "256x256", "apps",
                              "th.go.opdc.Reader.png")
        app.setWindowIcon(QIcon(str(icon)))
    except FileNotFoundError:
        pass  # a stripped-down install: Qt's default icon is fine
    # Fusion (the palette decides every colour, on every platform) comes with the theme,
    # wrapped in themes.FocusFrameStyle; setting plain "Fusion" here again replaced that
    # wrapper for good when the app was made a second time in one process (tests do).
    settings = settings or load_settings()
    family = load_app_fonts()
    font = app.font()
    font.setFamilies([family, "Sarabun", "Noto Sans Thai", font.family()])
    if font.pointSizeF() < 11:
        font.setPointSizeF(11)  # Thai needs a little more size than Latin to stay legible
    app.setFont(font)
    app.setProperty("opdc_family", family)
    app.setProperty("opdc_lang", i18n.install(app, settings.language))
    themes.apply_theme(app, settings.theme)
    return app


def open_archive(path: str | os.PathLike | None = None) -> tuple[Archive, str | None]:
    """The archive to show, and a message when it had to be opened read-only."""
    from reader.core.archive import Archive, ArchiveInUse

    root = paths.archive_dir(path)
    try:
        archive = Archive.open(root)
        return archive, archive.readonly_reason  # e.g. on a network share: read-only, and why
    except ArchiveInUse as exc:
        return Archive.open(root, readonly=True), str(exc)


def open_or_recover(path: str | os.PathLike | None = None) -> tuple[Archive | None, str | None]:
    """open_archive, and when the catalog is damaged the offer to recover it first;
    (None, None) when the reader would rather quit (or recovery failed)."""
    from reader.core.archive.health import CatalogDamaged

    from .recovering import Recovery

    try:
        return open_archive(path)
    except CatalogDamaged as damage:
        recovery = Recovery()
        if not recovery.ask_at_open(damage.what) or recovery.run(damage.root) is None:
            return None, None
    return open_archive(path)


def open_index(archive: Archive) -> SearchIndex | None:
    """The search index, or None when search is not available. Bringing it up to date
    with the catalog is the window's job, in the background (MainWindow.start)."""
    try:
        from reader.core.search import open_index as open_search_index
    except ImportError:
        return None
    try:
        return open_search_index(archive, sync=False)
    except Exception:  # derived data (or a read-only archive without one): the list filters by title
        return None


def open_window(app: QApplication, archive: Archive, settings: Settings, index: SearchIndex | None = None,
                index_opener: Callable[[], SearchIndex | None] | None = None) -> MainWindow:
    from .mainwindow import MainWindow

    return MainWindow(archive, settings, index=index,
                      family=str(app.property("opdc_family") or ""),
                      lang=str(app.property("opdc_lang") or "en"), index_opener=index_opener)


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="opdc-reader gui", add_help=False)
    parser.add_argument("--archive")
    parser.add_argument("--quit-when-ready", action="store_true",
                        help="print the start-up time and quit (bench, smoke tests)")
    return parser.parse_known_args(argv[1:])


def resident_mb() -> float:
    """Resident memory now, in MB (Linux; 0 elsewhere), for --quit-when-ready."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Session:
    """The open archive and its window; Help > Recover Archive swaps both for new ones."""

    def __init__(self, app: QApplication, settings: Settings):
        self.app, self.settings = app, settings
        self.archive: Archive | None = None
        self.window: MainWindow | None = None
        self.offering = False
        self.previous_hook = sys.excepthook

    def show(self, archive: Archive, warning: str | None) -> None:
        if sys.excepthook != self.excepthook:
            self.previous_hook, sys.excepthook = sys.excepthook, self.excepthook
        self.archive = archive
        # The index opens in the background once the window is up (see indexing.py).
        window = self.window = open_window(self.app, archive, self.settings,
                                           index_opener=lambda: open_index(archive))
        window.recoverRequested.connect(self.recover)
        window.show()
        from reader.core.archive.health import CatalogDamaged

        try:
            window.start()
        except CatalogDamaged as damage:  # the first page of the list met a damaged page
            QTimer.singleShot(0, lambda what=damage.what: self.offer(what))
        if warning:
            window.statusBar().showMessage(warning)
        from .recovering import check_in_background

        check_in_background(archive, self.offer)

    def offer(self, what: str) -> None:
        """Damage found while the window is open (the background check, or a read that
        met a damaged page): say so once and offer recovery."""
        from .recovering import Recovery

        if self.offering or self.window is None:
            return
        self.offering = True
        try:
            if Recovery(self.window).ask_at_open(what, running=True):
                self.recover()
        finally:
            self.offering = False

    def excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """A damaged page met by any read in the window: the offer, not a traceback."""
        from reader.core.archive.health import CatalogDamaged

        if isinstance(value, CatalogDamaged):
            QTimer.singleShot(0, lambda: self.offer(value.what))
            return
        self.previous_hook(kind, value, tb)

    def close(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self.previous_hook
        if self.window is not None and self.window.indexer.index is not None:
            self.window.indexer.index.close()
        if self.archive is not None:
            self.archive.close()

    def recover(self) -> None:
        """Close the window and the archive, recover it, open both again."""
        from .recovering import Recovery

        if self.archive is None or self.window is None:
            return
        root = self.archive.root
        self.app.setQuitOnLastWindowClosed(False)  # between the old window and the new one
        self.window.close()
        self.close()
        Recovery().run(root)
        archive, warning = open_or_recover(root)
        self.app.setQuitOnLastWindowClosed(True)
        if archive is None:
            self.app.quit()
            return
        self.show(archive, warning)


def run(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    argv = list(argv or sys.argv)
    args, rest = parse_args(argv)
    settings = load_settings()
    app = create_app([argv[0], *rest], settings)
    archive, warning = open_or_recover(args.archive)
    if archive is None:
        return 2
    session = Session(app, settings)
    session.show(archive, warning)
    if args.quit_when_ready:
        def ready() -> None:
            print(f"ready {time.perf_counter() - started:.3f} {resident_mb():.0f}", flush=True)
            if session.window is not None:
                session.window.close()
            app.quit()
        QTimer.singleShot(0, ready)
    code = app.exec()
    session.close()
    return code


if __name__ == "__main__":
    sys.exit(run(sys.argv))

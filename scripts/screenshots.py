#!/usr/bin/env python3
"""Screenshots of the main window for checking by eye (not committed).

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--lang th|en]

Builds a temporary archive from the bundled sample (plus ../shared/corpus/thaigov-samples
when present), opens the real window offscreen at 1280x800 and saves: text size 100%,
200% and 300%; reading mode; each theme; the interface scaled with the text to 200, 300 and 400% (each
page of the page layout when the panes no longer fit); a search with hits marked.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_archive(folder: Path) -> Path:
    from reader.core.archive import Archive
    from reader.core.importer import import_targets
    from reader.core.sample import sample_files

    targets = [str(p) for p in sample_files()]
    extra = Path(os.environ.get("OPDC_SHARED", ROOT.parent / "shared")) / "corpus" / "thaigov-samples"
    if extra.exists():
        targets.append(str(extra))
    path = folder / "archive"
    with Archive.open(path) as archive:
        index = None
        try:
            from reader.ui.app import open_index

            index = open_index(archive)
        except Exception:
            index = None
        summary = import_targets(archive, targets, index=index)
        if index is not None:
            index.close()
        print(f"archive: {summary.counts}, {len(summary.failed)} not read")
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--lang", default="th", choices=("th", "en"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="opdc-shots-"))
    os.environ["OPDC_READER_HOME"] = str(work / "home")
    archive_path = build_archive(work)

    from PySide6.QtWidgets import QApplication

    from reader.ui.app import create_app, open_archive, open_index, open_window
    from reader.ui.settings import Settings

    settings = Settings(language=args.lang, theme="light")
    app = create_app(["screenshots"], settings)
    archive, _ = open_archive(archive_path)
    index = open_index(archive)
    window = open_window(app, archive, settings, index)
    window.resize(1280, 800)
    window.show()
    window.start()
    args.out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        for _ in range(3):
            QApplication.processEvents()
        path = args.out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    for zoom in (100, 200, 300):
        window.appearance.set_zoom(zoom)
        shot(f"zoom-{zoom}")
    window.appearance.set_zoom(100)
    window.registry["reading_mode"].trigger()  # the article alone, toolbar and status bar folded
    shot("reading-mode")
    window.registry["reading_mode"].trigger()
    for theme in ("light", "dark", "high-contrast"):
        window.appearance.set_theme(theme)
        shot(f"theme-{theme}")
    window.appearance.set_theme("light")
    window.appearance.set_scale_interface(True)
    for zoom in (200, 300, 400):
        window.appearance.set_zoom(zoom)
        shot(f"interface-{zoom}")
        if window.panes.paged:  # the page layout: each page in turn
            for name, widget in (("list", window.list), ("search", window.search.box),
                                 ("library", window.sidebar), ("article", window.reader)):
                window.panes.show_page(widget)
                shot(f"interface-{zoom}-{name}")
    window.appearance.set_theme("high-contrast")
    shot("interface-400-high-contrast")
    window.appearance.set_theme("light")
    window.appearance.set_scale_interface(False)
    window.appearance.set_zoom(100)
    window.search.box.setText("ก.พ.ร.")
    window.search.fire_now()
    shot("search")
    window.appearance.set_scale_interface(True)  # the found text, with its marks, at large sizes
    for zoom in (300, 400):
        window.appearance.set_zoom(zoom)
        if window.panes.paged:
            window.panes.show_page(window.list)
        shot(f"interface-{zoom}-results")
    window.close()
    if index is not None:
        index.close()
    archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

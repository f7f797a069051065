"""The real main window in its own process, for the two-process tests.

    python -m tests.reliability.window_driver ARCHIVE SECONDS [--tag NAME | --watch]

Builds the window exactly as `opdc-reader gui` does (reader.ui.app: create_app,
open_archive, open_index, open_window, start), offscreen, then every 50 ms refreshes the
library and prints one JSON line: what the window's list shows. With --tag it also tags
articles through the window's own archive while the other process works, and prints
each outcome (ok, or the message the librarian would see). With --watch it never
refreshes: the list must follow the other process on its own (MainWindow polls the
catalog).
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer

    from reader.ui import app as appmod
    from reader.ui.settings import load_settings

    root, seconds = argv[0], float(argv[1])
    tag = argv[3] if len(argv) > 3 and argv[2] == "--tag" else None
    watch = "--watch" in argv[2:]
    settings = load_settings()
    app = appmod.create_app(["window_driver"], settings)
    archive, warning = appmod.open_archive(root)
    index = appmod.open_index(archive)
    window = appmod.open_window(app, archive, settings, index)
    window.show()
    window.start()
    started = time.monotonic()
    state = {"n": 0}

    def say(**data) -> None:
        print(json.dumps(data, ensure_ascii=False), flush=True)

    say(event="ready", warning=warning, readonly=bool(archive.readonly))

    def tick() -> None:
        if not watch:
            window.listing.refresh_library()
        shown = window.list_model.total
        say(event="list", shown=shown, t=round(time.monotonic() - started, 3))
        rows = window.list_model.rowCount()
        if tag and rows:
            state["n"] += 1
            article_id = window.list_model.article_id(state["n"] % rows)
            try:
                archive.tags.add(article_id, tag)
                say(event="tag", ok=True, id=article_id)
            except Exception as exc:  # what the window would show in its message box
                say(event="tag", ok=False, id=article_id, kind=type(exc).__name__, message=str(exc))
        if time.monotonic() - started > seconds:
            timer.stop()
            window.close()
            app.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    code = app.exec()
    if index is not None:
        index.close()
    archive.close()
    say(event="done")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""A highlighted passage as a screen reader meets it: the real app under Xvfb, the reading
pane's text attributes read over AT-SPI (what Orca's "read formatting" asks for). The
passage must be told apart by more than colour: it carries an underline attribute."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

from .session import SYSTEM_PYTHON, desktop_session, missing_tools

pytestmark = pytest.mark.a11y
WALKER = Path(__file__).with_name("atspi_walk.py")
READER_NAME = "Article text"
PASSAGE = "ASEAN Executive Governance Program"


def test_highlight_is_an_underlined_text_attribute(tmp_path):
    missing = missing_tools()
    if missing:
        pytest.skip("screen-reader test needs: " + ", ".join(missing))
    from reader.core.archive import Archive
    from reader.core.importer import import_targets

    with Archive.open(tmp_path / "archive") as archive:
        import_targets(archive, [str(SEED)])
        archive.highlights.add_text(1, PASSAGE, note="หลักสูตร")
    with desktop_session(tmp_path / "session") as env:
        app_env = dict(env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                       OPDC_READER_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
        # Output to a file, not a pipe: the AT-SPI bus launcher the app starts inherits
        # its stdout and outlives it, and reading a pipe to its end would wait for it.
        log = (tmp_path / "app.log").open("w")
        app = subprocess.Popen([sys.executable, "-m", "reader.ui.app", "--archive",
                                str(tmp_path / "archive")], env=app_env, cwd=ROOT,
                               stdout=log, stderr=subprocess.STDOUT)
        try:
            walker_env = {k: v for k, v in env.items()
                          if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
            walker_env["PATH"] = "/usr/bin:/bin"
            done = subprocess.run([SYSTEM_PYTHON, str(WALKER), str(app.pid), "--wait-text",
                                   READER_NAME, "--timeout", "40", "--runs", READER_NAME],
                                  env=walker_env, capture_output=True, text=True, timeout=90)
        finally:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait(timeout=10)
            log.close()
    out = (tmp_path / "app.log").read_text(errors="replace")
    assert done.returncode == 0, f"walker failed: {done.stdout}{done.stderr}\napp said:\n{out}"
    runs = json.loads(done.stdout)["runs"]
    underlined = [r for r in runs if r["attrs"].get("underline", "none") != "none"]
    marked = "".join(r["text"] for r in underlined)
    assert PASSAGE in marked, runs[:12]
    # ...and it has a background of its own (the hit colour), as sighted readers see it.
    passage = [r for r in underlined if PASSAGE in r["text"]]
    assert any("bg-color" in r["attrs"] or "background-color" in r["attrs"] for r in passage), passage

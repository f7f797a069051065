"""A zoom step sends a screen reader a few events, not the article again (issue 15 counted
612 on a 56,705-character article): the real app under Xvfb, its AT-SPI events counted by
Debian's python3-pyatspi while Ctrl++ and Ctrl+- are pressed in the article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

from .session import SYSTEM_PYTHON, desktop_session, missing_tools

pytestmark = pytest.mark.a11y
WALKER = Path(__file__).with_name("atspi_walk.py")
PARAGRAPH = ("สำนักงาน ก.พ.ร. ร่วมกับธนาคารโลก จัดอบรมหลักสูตรธรรมาภิบาลสำหรับผู้บริหารระดับสูง "
             "ของหน่วยงานภาครัฐจากประเทศสมาชิกอาเซียน เพื่อแลกเปลี่ยนประสบการณ์การบริหารราชการ ")


def long_archive(path: Path) -> int:
    import datetime as dt

    from reader.core.archive import Archive
    from reader.core.model import Article

    paragraphs, total = [], 0
    while total < 56_705:
        text = f"{len(paragraphs) + 1}. " + PARAGRAPH * 3
        paragraphs.append(text)
        total += len(text) + 1
    article = Article(title="ข่าวยาว", paragraphs=paragraphs, category="ข่าวเด่น", language="th",
                      date=dt.date(2013, 8, 26))
    with Archive.open(path) as archive:
        archive.add(article, b"long", "long.txt")
    return total


def test_a_zoom_step_is_a_few_events(tmp_path):
    missing = missing_tools()
    if missing:
        pytest.skip("needs: " + ", ".join(missing) + " (scripts/test installs them)")
    chars = long_archive(tmp_path / "archive")
    assert chars >= 56_705
    with desktop_session(tmp_path / "session") as env:
        app_env = dict(env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                       OPDC_READER_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
        app = subprocess.Popen([sys.executable, "-m", "reader.ui.app", "--archive",
                                str(tmp_path / "archive")], env=app_env, cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            walker_env = {k: v for k, v in env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
            walker_env["PATH"] = "/usr/bin:/bin"
            done = subprocess.run([SYSTEM_PYTHON, str(WALKER), str(app.pid), "--wait-text", "Article text",
                                   "--timeout", "40", "--keys", "Return",
                                   "--count", "ctrl+plus ctrl+plus ctrl+minus ctrl+plus"],
                                  env=walker_env, capture_output=True, text=True, timeout=120)
        finally:
            app.terminate()
            try:
                out, _ = app.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                out, _ = app.communicate()
    assert done.returncode == 0, f"walker failed: {done.stdout}{done.stderr}\napp said:\n{out}"
    counts = json.loads(done.stdout)["counts"]
    print("events per key:", counts)
    assert len(counts) == 4, counts
    for key, kinds in counts.items():
        total = sum(kinds.values())
        assert total < 20, (key, kinds)
        assert kinds.get("object:text-changed", 0) <= 4, (key, kinds)  # never the text again

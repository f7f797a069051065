"""A zoom step sends a screen reader a few events, not the article again (issue 15 counted
612 on a 56,705-character article): the real app under Xvfb, its AT-SPI events counted by
Debian's python3-pyatspi while Ctrl++ and Ctrl+- are pressed in the article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .session import missing_tools, run_walker

pytestmark = pytest.mark.a11y
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
    done, out, _ = run_walker(tmp_path, tmp_path / "archive", "--wait-text", "Article text",
                              "--timeout", "40", "--keys", "Return",
                              "--count", "ctrl+plus ctrl+plus ctrl+minus ctrl+plus")
    assert done.returncode == 0, f"walker failed: {done.stdout}{done.stderr}\napp said:\n{out}"
    counts = json.loads(done.stdout)["counts"]
    print("events per key:", counts)
    assert len(counts) == 4, counts
    for key, kinds in counts.items():
        total = sum(kinds.values())
        assert total < 20, (key, kinds)
        assert kinds.get("object:text-changed", 0) <= 4, (key, kinds)  # never the text again

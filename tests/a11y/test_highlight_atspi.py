"""A highlighted passage as a screen reader meets it: the real app under Xvfb, the reading
pane's text attributes read over AT-SPI (what Orca's "read formatting" asks for). The
passage must be told apart by more than colour: it carries an underline attribute."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEED

from .session import missing_tools, run_walker

pytestmark = pytest.mark.a11y
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
    done, out, _ = run_walker(tmp_path, tmp_path / "archive", "--wait-text", READER_NAME,
                              "--timeout", "40", "--runs", READER_NAME, timeout=90)
    assert done.returncode == 0, f"walker failed: {done.stdout}{done.stderr}\napp said:\n{out}"
    runs = json.loads(done.stdout)["runs"]
    underlined = [r for r in runs if r["attrs"].get("underline", "none") != "none"]
    marked = "".join(r["text"] for r in underlined)
    assert PASSAGE in marked, runs[:12]
    # ...and it has a background of its own (the hit colour), as sighted readers see it.
    passage = [r for r in underlined if PASSAGE in r["text"]]
    assert any("bg-color" in r["attrs"] or "background-color" in r["attrs"] for r in passage), passage

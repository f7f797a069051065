"""Out-of-process screen-reader test: the real app under Xvfb, its accessibility tree read
over AT-SPI by Debian's python3-pyatspi stack (what Orca uses)."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import SEED

from .session import missing_tools, run_walker

pytestmark = pytest.mark.a11y
READER_NAME = "Article text"
# Roles a screen reader can name; "unknown"/"invalid" mean the widget told AT-SPI nothing.
BAD_ROLES = {"unknown", "invalid", ""}
# Walk the window with the keyboard: Tab through every stop, then F6 between panes.
KEYS = ["Tab"] * 14 + ["F6"] * 4


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    missing = missing_tools()
    if missing:
        pytest.skip("screen-reader test needs: " + ", ".join(missing)
                    + " (scripts/test installs them)")
    root = tmp_path_factory.mktemp("a11y")
    from reader.core.archive import Archive
    from reader.core.importer import import_targets

    with Archive.open(root / "archive") as archive:
        summary = import_targets(archive, [str(SEED)])
        assert summary.counts["new"] == 1
    done, out, elapsed = run_walker(root, root / "archive", "--wait-text", READER_NAME,
                                    "--timeout", "40", "--keys", " ".join(KEYS), timeout=90)
    assert done.returncode == 0, f"walker failed: {done.stdout}{done.stderr}\napp said:\n{out}"
    data = json.loads(done.stdout)
    data["elapsed"] = elapsed
    return data


def test_app_is_on_the_accessibility_bus(tree):
    assert tree["nodes"], tree
    assert len(tree["nodes"]) > 20


def test_every_focusable_node_has_role_and_name(tree):
    bad = []
    for node in tree["nodes"]:
        if "error" in node or not (node["focusable"] and node["showing"]):
            continue
        if node["role"] in BAD_ROLES or not node["name"].strip():
            bad.append((node["role"], node["name"], node["description"]))
    assert not bad, f"focusable nodes without a role or name: {bad}"


def test_reading_pane_exposes_thai_text(tree):
    panes = [n for n in tree["nodes"] if n.get("name") == READER_NAME]
    assert panes, "no node named 'Article text'"
    pane = panes[0]
    assert pane["role"] == "text", pane["role"]  # QTextBrowser would be a "label"
    assert "Text" in pane["interfaces"]
    assert "สำนักงาน ก.พ.ร." in pane["text"]
    assert "ธนาคารโลก" in pane["text"]
    assert pane["description"]


def test_article_rows_speak_title_and_date(tree):
    # The seed article's row: a title cell, then the date in full once (Buddhist Era).
    cells = [n for n in tree["nodes"] if n.get("role") in ("table cell", "tree item")]
    titles = [i for i, n in enumerate(cells) if "ธนาคารโลก" in n["name"]]
    assert titles, [n["name"] for n in cells][:20]
    row = [n["name"] for n in cells[titles[0]:titles[0] + 3]]
    assert sum("2556" in name for name in row) == 1, row
    assert "2556" not in row[0], row


def test_main_controls_are_named(tree):
    names = {n["name"] for n in tree["nodes"]}
    for expected in ("Search", "Articles", "Library", "Text size"):
        assert expected in names, f"{expected!r} not found among {sorted(names)[:40]}"
    menus = [n for n in tree["nodes"] if n["role"] == "menu item" and n["name"]]
    assert len(menus) >= 5


def test_no_private_dirs_leaked():
    assert not os.environ.get("DBUS_SESSION_BUS_ADDRESS", "").startswith("unix:path=/tmp/pytest")


def test_keyboard_focus_lands_on_named_controls(tree):
    trail = tree["keys"]
    assert len(trail) == len(KEYS)
    stops = [step["focus"] for step in trail if step["key"] == "Tab"]
    assert all(stop is not None for stop in stops), trail
    unnamed = [stop for stop in stops if stop["role"] in BAD_ROLES or not stop["name"].strip()]
    assert not unnamed, unnamed
    names = {stop["name"] for stop in stops}
    # The Tab order passes the library, the search box, the list and the article.
    for expected in ("Search", READER_NAME):
        assert expected in names, [s["name"] for s in stops]
    assert any(s["role"] in ("tree", "table cell", "tree item") for s in stops)


def test_f6_moves_between_panes(tree):
    panes = [step["focus"]["name"] for step in tree["keys"] if step["key"] == "F6" and step["focus"]]
    assert len(set(panes)) >= 3, panes


def test_the_first_focused_node_is_in_the_article_list(tree):
    """Orca 43 looks for the focus by walking the window depth-first for the first FOCUSED
    node, shown or not (at its start, and on a key while it knows only the window). Qt
    marks an item view's current item FOCUSED even in a closed combo box's list: Orca then
    said "Category combo box" while the keyboard was in the article list."""
    path: list[dict] = []
    focused = []
    for node in tree["nodes"]:
        if "error" in node:
            continue
        path[node["depth"]:] = [node]
        if node["focused"]:
            focused.append([(n["role"], n["name"]) for n in path])
    assert focused, "no node is focused"
    in_combo = [trail for trail in focused if any(role == "combo box" for role, _ in trail)]
    assert not in_combo, in_combo
    assert ("tree", "Articles") in focused[0], focused

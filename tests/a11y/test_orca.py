"""What the real Orca screen reader (Debian 12's Orca 43) says while the app is used with
the keyboard, read from Orca's debug log under Xvfb (speech server off; see orca_run.py).

One session, steps in order: a search (Orca speaks the count), Ctrl++ (it speaks the new
size), moving in the list (title, the date once, category, "bookmarked" on a starred
row), and Down in the article after a zoom (the line after the one it was on).
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ROOT

from .orca_run import orca_missing, orca_session

# Bounded without a timeout plugin: every wait in orca_run.py has its own limit.
pytestmark = pytest.mark.a11y


def make_archive(path):
    from reader.core.archive import Archive
    from tests.ui.conftest import make_article

    with Archive.open(path) as archive:
        for i in range(1, 6):
            article = make_article(i)
            # every line different, so a spoken line is found once in the text
            article.paragraphs = [" ".join(f"ข่าว{i} ย่อหน้า{n} ส่วน{k} การบริหารราชการ" for k in range(12))
                                  for n in range(1, 9)]
            archive.add(article, f"original {i}".encode(), f"test/{i}.txt")
        rows = archive.list_articles(None, order="date_desc", offset=0, limit=10)
        starred = rows[1]
        archive.bookmarks.set(starred.id, True)
        texts = {row.id: archive.get(row.id) for row in rows}
    return rows, starred, texts


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    missing = orca_missing()
    if missing:
        pytest.skip("the Orca test needs: " + ", ".join(missing) + " (scripts/test installs them)")
    root = tmp_path_factory.mktemp("orca")
    rows, starred, texts = make_archive(root / "archive")
    steps = {}
    with orca_session(root, root / "archive") as run:
        try:
            speak(run, steps)
        finally:
            (root / "steps.json").write_text(json.dumps(run.steps, ensure_ascii=False, indent=1),
                                             encoding="utf-8")
            print("Orca's steps:", root / "steps.json")
    log = {"steps": run.steps, "app": getattr(run, "app_output", "")[-3000:]}
    return steps, rows, starred, texts, log


def speak(run, steps: dict) -> None:
    """The session's keys in order; what Orca said after each goes into `steps`."""
    assert run.wait_for_speech(r"OPDC Reader", 90), "Orca said nothing about the window"
    # Turned on over the window, Orca names what has the focus: the article list.
    steps["opened"] = run.keys("opened", expect=r"^Articles", timeout=20)
    tries = 0  # if not (test_orca_starts_in_the_list fails), reach the list for the rest
    while not any(line.startswith("Articles") for line in run.steps[-1][1]) and tries < 6:
        run.keys("to-list-first", "F6", expect=r"^Articles", timeout=6)
        tries += 1
    run.keys("settle", settle=1.0)
    steps["box"] = run.keys("find", "ctrl+f", expect=r"^Search", settle=0.5)
    run.keys("type", typed="governance", settle=0.3)
    steps["search"] = run.keys("search", "Return", expect=r"found", timeout=15)
    steps["zoom"] = run.keys("zoom", "ctrl+plus", expect=r"Text size 110%")
    run.keys("clear", "ctrl+a", "BackSpace", expect=r"\d+ article", timeout=15)
    steps["to-list"] = run.keys("to-list", "F6", expect=r"^Articles")
    steps["rows"] = run.keys("row-2", "Down", expect=r"B\.E\.", settle=0.5) + \
        run.keys("row-3", "Down", expect=r"B\.E\.", settle=0.5)
    steps["open"] = run.keys("open", "Return", expect=r"^Article text")
    run.keys("line-down", "Down", expect=r"\S{3}")
    steps["line2"] = run.keys("line-down-2", "Down", expect=r"ส่วน")
    steps["zoom2"] = run.keys("zoom-in-article", "ctrl+plus", expect=r"Text size 120%")
    steps["line3"] = run.keys("line-after-zoom", "Down", expect=r"ส่วน")


def said(lines: list[str]) -> str:
    return " | ".join(lines)


def test_orca_starts_in_the_list(spoken):
    """Orca, turned on over the open window, names the article list: not the closed
    Category box, whose hidden list Qt marked FOCUSED (reader/ui/combo.py)."""
    steps, *_rest, log = spoken
    assert not any("Category" in line for line in steps["opened"]), log["steps"]
    assert any(line.startswith("Articles") for line in steps["opened"]), log["steps"]


def test_orca_speaks_the_result_count_after_a_search(spoken):
    steps, *_rest, log = spoken
    assert any(line.startswith("Search") for line in steps["box"]), log["steps"]
    text = said(steps["search"])
    assert re.search(r"\d+ articles? found", text), log["steps"]
    assert "(s)" not in text  # English plurals, not "article(s)"


def test_orca_speaks_the_new_size_after_ctrl_plus(spoken):
    steps, *_rest, log = spoken
    assert "Text size 110%" in said(steps["zoom"]), log["steps"]


def test_orca_speaks_title_date_once_category_and_bookmarked(spoken):
    steps, rows, starred, texts, log = spoken
    lines = [line.strip() for line in steps["rows"] if line.strip()]
    titles = {row.title: row for row in rows}
    groups: list[list[str]] = []  # one row's utterances: its title, then date, category...
    for line in lines:
        title = next((t for t in titles if line.startswith(t)), None)
        if title is not None:
            groups.append([line])
        elif groups:
            groups[-1].append(line)
    assert groups, log["steps"]
    for group in groups:
        row = titles[next(t for t in titles if group[0].startswith(t))]
        year = str(texts[row.id].date.year + 543)
        assert sum(line.count(year) for line in group) == 1, group  # the date once (BE)
        assert any(texts[row.id].category in line for line in group), group
    starred_groups = [g for g in groups if g[0].startswith(starred.title)]
    assert starred_groups and "bookmarked" in starred_groups[0][0], groups


def test_orca_reads_the_next_line_after_a_zoom(spoken):
    steps, rows, starred, texts, log = spoken
    assert any("Text size 120%" in line for line in steps["zoom2"]), log["steps"]
    before = [line for line in steps["line2"] if "ส่วน" in line][-1].strip()
    after = [line for line in steps["line3"] if "ส่วน" in line][-1].strip()
    body = next(" ".join(t.paragraphs) for t in texts.values() if before in " ".join(t.paragraphs))
    # The line after the zoom starts where the line before it ended: the caret stayed put.
    assert body.index(after) > body.index(before), (before, after)
    assert body.index(after) <= body.index(before) + len(before) + 1, (before, after)


def test_orca_log_stays_in_the_temporary_folder(spoken):
    assert not (ROOT / "orca-debug.log").exists()

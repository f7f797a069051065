"""Two processes on one archive: the window beside a command-line import, two imports,
two windows. No corruption, clear messages, and readers see articles once committed.

"The window" is the real main window (reader.ui.app, offscreen) in its own process:
tests/reliability/window_driver.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from reader.core.archive import Archive
from reader.core.archive.verify import verify
from tests.conftest import ROOT
from tests.reliability.helpers import cli, cli_env, committed, start_cli, write_pages

pytest.importorskip("PySide6")


def start_window(root, seconds: float, tag: str | None = None, watch: bool = False) -> subprocess.Popen:
    args = [sys.executable, "-m", "tests.reliability.window_driver", str(root), str(seconds)]
    if tag:
        args += ["--tag", tag]
    if watch:
        args += ["--watch"]
    env = cli_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def window_lines(proc: subprocess.Popen, timeout: float = 120) -> list[dict]:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    assert "Traceback" not in err, err
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def wait_ready(proc: subprocess.Popen) -> dict:
    line = proc.stdout.readline()
    assert line, proc.stderr.read()
    return json.loads(line)


def seeded(tmp_path, n: int = 5):
    root = tmp_path / "arch"
    write_pages(tmp_path / "first", 0, n)
    assert cli("import", str(tmp_path / "first"), archive=root).returncode == 0
    return root


@pytest.mark.slow
def test_window_sees_cli_import_as_it_commits(tmp_path):
    """The window is never told to refresh: it follows the import by itself."""
    root = seeded(tmp_path)
    write_pages(tmp_path / "more", 1000, 2500)
    window = start_window(root, seconds=60, watch=True)
    first = wait_ready(window)
    assert first == {"event": "ready", "warning": None, "readonly": False}
    importer = start_cli("import", str(tmp_path / "more"), archive=root,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = importer.communicate(timeout=300)
    assert importer.returncode == 0, err
    time.sleep(3)  # one more look at the catalog (every 2 s)
    window.terminate()  # it has seen enough; the lines it printed so far are what counts
    out_w, err_w = window.communicate(timeout=30)
    assert "Traceback" not in err_w, err_w
    shown = [json.loads(x)["shown"] for x in out_w.splitlines() if '"list"' in x]
    assert shown, err_w
    assert shown == sorted(shown), "the window's list went backwards"
    assert shown[-1] == 1505
    assert any(5 < n < 1505 for n in shown), f"the window never saw the import in progress: {shown}"
    with Archive.open(root) as arch:
        assert verify(arch).ok
        assert arch.count_articles() == 1505


@pytest.mark.slow
def test_window_writes_during_import_wait_or_get_a_clear_message(tmp_path):
    root = seeded(tmp_path, 20)
    write_pages(tmp_path / "more", 1000, 3000)
    importer = start_cli("import", str(tmp_path / "more"), archive=root,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    window = start_window(root, seconds=8, tag="ระหว่างนำเข้า")
    lines = window_lines(window)
    out, err = importer.communicate(timeout=300)
    assert importer.returncode == 0, err
    tags = [x for x in lines if x["event"] == "tag"]
    assert tags
    refused = [x for x in tags if not x["ok"]]
    for x in refused:  # a refusal must be the archive's own, readable "in use" message
        assert x["kind"] == "ArchiveInUse" and "in use" in x["message"], x
    # The import holds the writer lock one article at a time, not for its whole batch:
    # the librarian's tags go in between (before, every tag waited 5 s and was refused).
    assert not refused, refused[:3]
    with Archive.open(root) as arch:
        assert verify(arch).ok
        assert arch.count_articles() == 2020
        tagged = {x["id"] for x in tags if x["ok"]}
        for article_id in tagged:
            assert "ระหว่างนำเข้า" in arch.tags.of(article_id)


def test_second_cli_import_is_refused_with_exit_3(tmp_path):
    root = seeded(tmp_path)
    write_pages(tmp_path / "more", 1000, 2500)
    first = start_cli("import", str(tmp_path / "more"), archive=root,
                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while committed(root) <= 5:
        assert first.poll() is None and time.monotonic() < deadline, "first import never started"
        time.sleep(0.01)
    write_pages(tmp_path / "other", 9000, 9010)
    second = cli("import", str(tmp_path / "other"), archive=root)
    busy = first.poll() is None
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert busy, "the first import finished before the second could collide with it"
    assert second.returncode == 3, (second.returncode, second.stdout, second.stderr)
    assert "in use" in second.stderr and "Traceback" not in second.stderr
    with Archive.open(root) as arch:
        assert verify(arch).ok
        assert arch.count_articles() == 1505
    again = cli("import", str(tmp_path / "other"), archive=root)
    assert again.returncode == 0, again.stderr
    assert committed(root) == 1515


@pytest.mark.slow
def test_two_windows_tag_the_same_archive(tmp_path):
    root = seeded(tmp_path, 30)
    a = start_window(root, seconds=4, tag="หน้าต่างหนึ่ง")
    b = start_window(root, seconds=4, tag="หน้าต่างสอง")
    lines_a, lines_b = window_lines(a), window_lines(b)
    with Archive.open(root) as arch:
        assert verify(arch).ok
        assert arch.count_articles() == 30
        for lines, tag in ((lines_a, "หน้าต่างหนึ่ง"), (lines_b, "หน้าต่างสอง")):
            ok = {x["id"] for x in lines if x["event"] == "tag" and x["ok"]}
            assert ok, lines[-3:]
            for x in lines:
                if x["event"] == "tag" and not x["ok"]:
                    assert x["kind"] == "ArchiveInUse", x
            tagged = {r.id for r in arch.list_articles(flt=None, limit=100) if tag in arch.tags.of(r.id)}
            assert tagged == ok

"""Files that are not files: `import /dev/zero`, a named pipe, a symlink loop, a link to
/dev/zero, a link out of the folder, a name that is not UTF-8. Each is refused with its
reason, quickly and in little memory, and the rest of the folder is imported."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.ingest import Failure, Source, iter_sources
from tests.conftest import ROOT
from tests.reliability.helpers import cli_env, page_text, write_pages

SECONDS = 1.0  # each hostile file is refused within this (issue 16; a stat, microseconds in practice)
PEAK_MB = 200  # peak resident memory of the whole CLI import


def hostile_folder(root: Path) -> tuple[Path, dict[str, str]]:
    """A folder of 3 good pages and every hostile kind; name -> expected reason words."""
    folder = root / "incoming"
    write_pages(folder, 0, 3)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "back_up").symlink_to(folder)  # a folder loop
    outside = root / "outside.txt"
    outside.write_text(page_text(99), encoding="utf-8")
    (folder / "escape.txt").symlink_to(outside)
    (folder / "dangling.txt").symlink_to(folder / "nothing-here.txt")
    bad_name = os.fsdecode(bytes(folder) + b"/\xff\xfe-latin1-\xe9.txt")
    Path(bad_name).write_text(page_text(50), encoding="utf-8")
    expected = {
        "pipe.txt": "named pipe", "zero.txt": "a device", "loop_a.txt": "loops back",
        "loop_b.txt": "loops back", "back_up": "loop", "escape.txt": "outside the folder",
        "dangling.txt": "does not exist", "-latin1-": "not valid UTF-8",
    }
    return folder, expected


def reasons(items: list[Source | Failure]) -> dict[str, str]:
    return {f.name: f.reason for f in items if isinstance(f, Failure)}


@pytest.mark.parametrize("make", ["dev_zero", "pipe", "loop", "link_to_dev_zero"])
def test_each_hostile_file_alone_is_refused_within_a_second(tmp_path, make):
    target = {"dev_zero": Path("/dev/zero"), "pipe": tmp_path / "pipe",
              "loop": tmp_path / "loop", "link_to_dev_zero": tmp_path / "zero"}[make]
    if make == "pipe":
        os.mkfifo(target)
    elif make == "loop":
        target.symlink_to(target)
    elif make == "link_to_dev_zero":
        target.symlink_to("/dev/zero")
    started = time.perf_counter()
    items = list(iter_sources(target))
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS
    (failure,) = items
    assert isinstance(failure, Failure)
    words = {"dev_zero": "a device, not a file", "pipe": "a named pipe, not a file",
             "loop": "loops back on itself", "link_to_dev_zero": "a device, not a file"}[make]
    assert words in failure.reason


def test_hostile_folder_refuses_each_with_its_reason_and_reads_the_rest(tmp_path):
    folder, expected = hostile_folder(tmp_path)
    started = time.perf_counter()
    items = list(iter_sources(folder))
    assert time.perf_counter() - started < SECONDS * len(expected)
    found = reasons(items)
    for part, words in expected.items():
        matches = [reason for name, reason in found.items() if part in name]
        assert matches and all(words in r for r in matches), (part, found)
    good = sorted(Path(s.name).name for s in items if isinstance(s, Source))
    assert good == ["page_00000.txt", "page_00001.txt", "page_00002.txt"]
    for name in found:
        name.encode("utf-8")  # every name shown (and logged in the catalog) is valid text


@pytest.mark.skipif(os.geteuid() == 0, reason="as root every file is readable")
def test_unreadable_file_is_reported_and_the_rest_goes_on(tmp_path):
    write_pages(tmp_path, 0, 2)
    locked = tmp_path / "locked.txt"
    locked.write_text(page_text(7), encoding="utf-8")
    locked.chmod(0)
    items = list(iter_sources(tmp_path))
    assert reasons(items)[str(locked)] == "cannot read the file (permission denied)"
    assert len([s for s in items if isinstance(s, Source)]) == 2


# Runs the CLI and writes its peak RSS (KB). Through this small launcher, because on Linux a
# child's ru_maxrss also counts the memory of the process it was forked from before exec:
# forked from a pytest that holds a big archive, the import would be charged for pytest.
LAUNCHER = ("import resource, subprocess, sys\n"
            "code = subprocess.call(sys.argv[2:])\n"
            "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
            "sys.exit(code)\n")


def run_import(archive: Path, *targets: str) -> tuple[subprocess.CompletedProcess, float, float]:
    """The real CLI import in a child; (result, seconds, its peak RSS in MB)."""
    peak = archive.parent / "import.peak"
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", LAUNCHER, str(peak), sys.executable, "-m", "reader.cli",
                           "--archive", str(archive), "import", "--json", *targets],
                          capture_output=True, text=True, cwd=ROOT, env=cli_env(), timeout=120)
    elapsed = time.perf_counter() - started
    return proc, elapsed, int(peak.read_text()) / 1024


def test_cli_import_of_dev_zero_and_a_hostile_folder_stays_small(tmp_path):
    folder, expected = hostile_folder(tmp_path)
    proc, elapsed, peak_mb = run_import(tmp_path / "archive", "/dev/zero", str(folder))
    said = f"exit {proc.returncode}, {elapsed:.1f} s, {peak_mb:.0f} MB\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr, said
    assert proc.returncode == 1, said  # partial: some files failed, the rest imported
    assert peak_mb < PEAK_MB, said  # before, reading /dev/zero alone grew to 20.9 GB in 60 s
    assert elapsed < 60, said  # Python's and the app's start-up are most of it
    import json

    summary = json.loads(proc.stdout)
    assert summary["new"] == 3
    failed = {f["name"]: f["reason"] for f in summary["failed"]}
    assert failed["/dev/zero"] == "a device, not a file; not read"
    for part in expected:
        assert any(part in name for name in failed), part

"""Portable mode: a file `opdc-reader.portable` next to the program keeps settings and the
archive in `opdc-reader-data/` beside it (USB stick, shared folder) and nothing is written
into the user's profile. From source the "program" is the script that was run; the
bundle's own run is in test_bundle.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import paths
from tests.conftest import ROOT


@pytest.fixture
def stick(tmp_path) -> Path:
    """A folder holding the program, as a USB stick would."""
    folder = tmp_path / "stick"
    folder.mkdir()
    shutil.copy(ROOT / "packaging" / "launcher.py", folder / "opdc-reader.py")
    return folder


def run_app(stick: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPDC_READER_HOME", "OPDC_READER_ARCHIVE")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(stick / "opdc-reader.py"), *args], env=env,
                          cwd=home, capture_output=True, text=True, timeout=120)


def app_files(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if "opdc" in p.name.lower()]


def test_marker_moves_every_user_folder_beside_the_program(stick, monkeypatch):
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setattr(sys, "argv", [str(stick / "opdc-reader.py")])
    assert paths.portable_home() is None
    (stick / paths.PORTABLE_MARKER).write_text("")
    data = stick / "opdc-reader-data"
    assert paths.portable_home() == data
    assert paths.data_dir() == data / "data"
    assert paths.config_dir() == data / "config"
    assert paths.archive_dir() == data / "data" / "archive"
    assert paths.archive_dir("elsewhere") == Path("elsewhere")  # --archive still wins


def test_portable_archive_and_settings_stay_on_the_stick(stick, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (stick / paths.PORTABLE_MARKER).write_text("")
    done = run_app(stick, home, "sample")
    assert done.returncode == 0, done.stdout + done.stderr
    catalog = stick / "opdc-reader-data" / "data" / "archive" / "catalog.sqlite"
    assert catalog.exists()
    listed = run_app(stick, home, "list", "--json")
    assert json.loads(listed.stdout)["total"] >= 1
    window = run_app(stick, home, "--quit-when-ready")
    assert window.returncode == 0, window.stderr
    assert (stick / "opdc-reader-data" / "config" / "settings.json").exists()
    assert app_files(home) == [], "portable mode wrote into the user's profile"


def test_portable_flag_without_marker(stick, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    done = run_app(stick, home, "--portable", "sample")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (stick / "opdc-reader-data" / "data" / "archive" / "catalog.sqlite").exists()
    assert app_files(home) == []


def test_without_marker_data_goes_to_the_profile(stick, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    done = run_app(stick, home, "sample")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (stick / "opdc-reader-data").exists()
    assert app_files(home), "the per-user data folder was not used"

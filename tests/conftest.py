"""Shared fixtures. Every test runs with its own per-user home in a temporary folder,
so nothing touches the real home directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Qt must be told before it starts: offscreen unless a test starts its own Xvfb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def shared_dir() -> Path:
    """../shared beside the checkout (CI clones main with shared/ next to it)."""
    return Path(os.environ.get("OPDC_SHARED", ROOT.parent / "shared")).resolve()


def corpus_dir() -> Path:
    return shared_dir() / "corpus"


SEED = ROOT / "archive" / "000_bee3d3c5144e9daa.txt"


def need_corpus(*parts: str) -> Path:
    """The corpus path, or skip the test saying why."""
    path = corpus_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus not found at {path} (../shared/corpus is not part of the repo)")
    return path


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("OPDC_READER_HOME", str(home))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("OPDC_READER_ARCHIVE", raising=False)
    return home


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()

"""Linux desktop integration files: the .desktop entry, AppStream metainfo and icons.

The validators come from Debian's desktop-file-utils and appstream packages
(scripts/apt-packages.txt); a test skips with a message where they are not installed.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT

APP_ID = "th.go.opdc.Reader"
DESKTOP = ROOT / "resources" / "desktop"
ICONS = DESKTOP / "icons"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: see scripts/apt-packages.txt)")
    return path


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_desktop_entry_is_valid():
    done = subprocess.run([tool("desktop-file-validate"), str(DESKTOP / f"{APP_ID}.desktop")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower(), done.stdout


def test_metainfo_is_valid():
    done = subprocess.run([tool("appstreamcli"), "validate", "--no-net",
                           str(DESKTOP / f"{APP_ID}.metainfo.xml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_runs_the_command_and_names_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP / f"{APP_ID}.desktop", encoding="utf-8")
    group = entry["Desktop Entry"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert group["Exec"].split()[0] in project["scripts"]
    assert group["Icon"] == APP_ID
    assert group["Name[th]"]  # Thai first: the menu shows a Thai name on a Thai desktop


def test_metainfo_matches_the_project():
    root = ET.parse(DESKTOP / f"{APP_ID}.metainfo.xml").getroot()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("provides/binary").text == project["name"]
    versions = [r.get("version") for r in root.iter("release")]
    assert versions and versions[0] == project["version"], "newest <release> must be pyproject's version"


def test_icons_in_every_size():
    svg = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    ET.parse(svg)  # well-formed
    for size in HICOLOR_SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.exists(), f"missing {png.relative_to(ROOT)} (run packaging/make_icons.py)"
        assert png_size(png) == (size, size)


def test_windows_and_macos_icons():
    ico = (ICONS / "opdc-reader.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides
    icns = (ICONS / "opdc-reader.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns  # the 512 px image macOS uses for Retina docks


def test_icon_renders_non_blank():
    """The SVG draws something (not a transparent square) at the smallest menu size."""
    from PySide6.QtGui import QImage

    image = QImage(str(ICONS / "hicolor" / "16x16" / "apps" / f"{APP_ID}.png"))
    assert not image.isNull()
    opaque = sum(1 for y in range(16) for x in range(16) if image.pixelColor(x, y).alpha() > 200)
    assert opaque > 100

"""Build the PyInstaller one-folder bundle and run it the way a user's machine would.

This is CI's proof that a missing hidden import or data file never reaches a user: the
bundle is built from the checkout (packaging/build, ~15-30 s) into a temporary folder and
its `--self-test` must print OK (packaging/smoke). Skips with a message when PyInstaller
cannot be installed into this Python environment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core import paths
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

MAX_BUNDLE_MB = 250  # 220 MB measured (numpy 42 of it); a jump means an unwanted Qt module or library came in
UNWANTED = re.compile(r"Qt6?(Network|Qml|Quick|WebEngine|3D|Multimedia|Sql|Test|Pdf|Designer|Charts)"
                      r"|tkinter|_tkinter|libtk|libtcl", re.IGNORECASE)


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", paths.HOME_ENV, "OPDC_READER_ARCHIVE")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               QT_QPA_PLATFORM="offscreen")
    return env


def have_pyinstaller() -> bool:
    probe = [sys.executable, "-c", "import PyInstaller"]
    if subprocess.run(probe, capture_output=True).returncode == 0:
        return True
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "pyinstaller>=6.10"], capture_output=True, timeout=300)
    return subprocess.run(probe, capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if not have_pyinstaller():
        pytest.skip("PyInstaller is not installed and could not be installed (pip install pyinstaller)")
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build"), "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        # PyInstaller's cache goes into the temporary folder too, never the real home.
        env={**os.environ, "PYTHON": sys.executable, "PYINSTALLER_CONFIG_DIR": str(out / "cache")},
        capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    print(done.stdout)
    shutil.rmtree(out / "work", ignore_errors=True)
    shutil.rmtree(out / "cache", ignore_errors=True)
    return out / "dist" / "opdc-reader"


def exe(folder: Path) -> Path:
    name = "opdc-reader.exe" if sys.platform == "win32" else "opdc-reader"
    return folder / name


def test_bundle_passes_its_self_test(bundle):
    done = subprocess.run(["bash", str(ROOT / "packaging" / "smoke"), str(bundle)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("OK") for line in lines), done.stdout
    assert "FAILED" not in done.stdout
    assert lines[-1] == "smoke OK"
    print(done.stdout)


def test_bundle_holds_the_data_and_no_unused_qt(bundle):
    inside = bundle / "_internal"
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")
             if p.is_file() and not p.is_symlink()]  # links to libraries would count twice
    assert (inside / "archive" / "MANIFEST.toml").exists()
    assert list((inside / "resources" / "i18n").glob("*.qm")), "compiled translations missing"
    assert not list((inside / "resources").rglob("*.ts")), "translation sources shipped"
    assert list((inside / "resources" / "themes").glob("*.toml"))
    assert (inside / "resources" / "dict" / "words_th.txt").exists()
    assert (inside / "fontpkg_sarabun" / "files" / "Sarabun-Regular.ttf").exists()
    assert (inside / "docx" / "templates" / "default.docx").exists()
    unwanted = [f for f in files if UNWANTED.search(f)]
    assert unwanted == [], unwanted
    qt_catalogues = [f for f in files if "/Qt/translations/" in f]
    assert all(Path(f).name.startswith("qtbase_") for f in qt_catalogues), qt_catalogues
    size_mb = sum((bundle / f).stat().st_size for f in files) / 2**20
    print(f"bundle: {size_mb:.0f} MB in {len(files)} files")
    assert size_mb < MAX_BUNDLE_MB


def test_bundled_app_is_portable(bundle, tmp_path):
    """The bundle on a "USB stick" with the marker: archive and settings stay beside it."""
    stick = tmp_path / "stick"
    try:  # hard links: a copy of ~170 MB in no time, and the build itself is left untouched
        shutil.copytree(bundle, stick, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.copytree(bundle, stick, symlinks=True)
    (stick / paths.PORTABLE_MARKER).write_text("")
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home)
    for args in (["sample"], ["--quit-when-ready"]):
        done = subprocess.run([str(exe(stick)), *args], env=env, cwd=home, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
    data = stick / "opdc-reader-data"
    assert (data / "data" / "archive" / "catalog.sqlite").exists()
    assert (data / "config" / "settings.json").exists()
    assert [p for p in home.rglob("*") if "opdc" in p.name.lower()] == []


def test_spec_names_no_path_of_the_build_machine():
    spec = (ROOT / "packaging" / "opdc-reader.spec").read_text(encoding="utf-8")
    assert not re.search(r"['\"](/home|/work|/usr|/opt|[A-Z]:\\\\)", spec)
    assert "pyproject.toml" in spec


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop menus only")
def test_menu_entry_installs_for_the_user_without_admin(bundle, tmp_path):
    data = tmp_path / "share"
    env = {**clean_env(tmp_path), "XDG_DATA_HOME": str(data)}
    script = bundle / "install-desktop-entry"
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    entry = data / "applications" / "th.go.opdc.Reader.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{bundle / "opdc-reader"}"' in text
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "th.go.opdc.Reader.png").exists()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout
    subprocess.run([str(script), "--remove"], env=env, check=True, capture_output=True)
    assert not entry.exists()
    assert not list((data / "icons").rglob("th.go.opdc.Reader.*"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")
def test_window_opens_on_a_real_x_display(bundle, tmp_path):
    """offscreen proves the app; xcb proves the platform plugin users' desktops load."""
    if not shutil.which("xvfb-run"):
        pytest.skip("xvfb-run is not installed (Debian package xvfb)")
    env = {**clean_env(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(exe(bundle)),
                           "--archive", str(tmp_path / "archive"), "--quit-when-ready"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ready"), done.stdout + done.stderr

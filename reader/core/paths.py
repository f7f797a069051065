"""Where things live: resources shipped with the app, and the user's archive.

One function (`resource`) finds bundled files the same way from a source checkout,
an installed wheel and a PyInstaller bundle. User locations come from platformdirs;
`--archive PATH`, the OPDC_READER_HOME variable or a portable marker file next to the
executable override them, so tests and USB-stick installs never touch the home folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "opdc-reader"
APP_AUTHOR = "OPDC Reader"
PORTABLE_MARKER = "opdc-reader.portable"
HOME_ENV = "OPDC_READER_HOME"


def _roots() -> list[Path]:
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller one-folder bundle: data added next to the modules
        roots.append(Path(bundle))
    package = Path(__file__).resolve().parent.parent  # .../reader
    roots.append(package / "_data")  # wheel: resources copied into the package
    roots.append(package.parent)  # source checkout / editable install
    return roots


def resource(*parts: str) -> Path:
    """Path of a bundled file or folder, e.g. resource("resources", "i18n")."""
    for root in _roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError("resource not found: " + "/".join(parts))


def sample_archive_dir() -> Path:
    return resource("archive")


def executable_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def portable_home() -> Path | None:
    """The folder beside the executable when a portable marker file is there."""
    exe_dir = executable_dir()
    if (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / "opdc-reader-data"
    return None


def user_home() -> Path | None:
    """An explicit home for all per-user data (tests, portable mode), else None."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env)
    return portable_home()


def data_dir() -> Path:
    home = user_home()
    if home:
        return home / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    home = user_home()
    if home:
        return home / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def default_archive_dir() -> Path:
    return data_dir() / "archive"


def archive_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The archive to use: --archive wins, then OPDC_READER_ARCHIVE, then the default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("OPDC_READER_ARCHIVE")
    if env:
        return Path(env).expanduser()
    return default_archive_dir()

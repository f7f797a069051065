"""The window's preferences: a small JSON file in the user's config folder.

Versioned and migrated step by step (never pickled): a file written by an older
version is upgraded on load; a damaged file is set aside as settings.json.bad and the
defaults are used, so a bad file never stops the app from starting.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from reader.core.paths import config_dir

SETTINGS_VERSION = 3
FILE_NAME = "settings.json"
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 400, 10

LANGUAGES = ("system", "th", "en")
THEME_CHOICES = ("system", "light", "dark", "high-contrast")
ERAS = ("be", "ce")


@dataclass
class Settings:
    language: str = "system"
    theme: str = "system"
    era: str = "be"
    zoom_percent: int = 100
    scale_interface: bool = False  # apply the text size to menus and lists too
    print_at_reading_size: bool = False  # print and export at the zoom, not the official 16 pt
    export_folder: str = ""  # where the last export was saved; the save dialog opens there
    shortcuts: dict[str, str] = field(default_factory=dict)  # action name -> key sequence
    window_geometry: str = ""  # hex of QMainWindow.saveGeometry()
    window_state: str = ""
    splitter_state: str = ""
    last_looked: str = ""  # ISO time the reader last looked at "New since you last looked"
    sources_offered: bool = False  # the first-run offer to follow OPDC's news was shown

    def clean(self) -> Settings:
        """Replace out-of-range values by defaults, so any file loads."""
        default = Settings()
        if self.language not in LANGUAGES:
            self.language = default.language
        if self.theme not in THEME_CHOICES:
            self.theme = default.theme
        if self.era not in ERAS:
            self.era = default.era
        try:
            self.zoom_percent = min(ZOOM_MAX, max(ZOOM_MIN, int(self.zoom_percent)))
        except (TypeError, ValueError):
            self.zoom_percent = default.zoom_percent
        self.scale_interface = bool(self.scale_interface)
        self.print_at_reading_size = self.print_at_reading_size is True
        if not isinstance(self.shortcuts, dict):
            self.shortcuts = {}
        self.shortcuts = {str(k): str(v) for k, v in self.shortcuts.items()}
        self.sources_offered = self.sources_offered is True
        for name in ("window_geometry", "window_state", "splitter_state", "export_folder", "last_looked"):
            if not isinstance(getattr(self, name), str):
                setattr(self, name, "")
        return self


def _v1_to_v2(data: dict) -> dict:
    # Version 1 (preview builds) kept the text size as a factor ("text_scale": 1.5)
    # and the theme as a flag ("dark": true).
    data = dict(data)
    if "text_scale" in data:
        try:
            data["zoom_percent"] = round(float(data.pop("text_scale")) * 100)
        except (TypeError, ValueError):
            data.pop("text_scale", None)
    if "dark" in data:
        data["theme"] = "dark" if data.pop("dark") else "light"
    data["version"] = 2
    return data


def _v2_to_v3(data: dict) -> dict:
    # Version 3 added printing at the reading size; files before it printed at 16 pt.
    data = dict(data)
    data.setdefault("print_at_reading_size", False)
    data["version"] = 3
    return data


MIGRATIONS = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(data: dict) -> dict:
    version = int(data.get("version", 1))
    while version < SETTINGS_VERSION:
        data = MIGRATIONS[version](data)
        version = int(data["version"])
    return data


def settings_path(folder: Path | None = None) -> Path:
    return (folder or config_dir()) / FILE_NAME


def load_settings(folder: Path | None = None) -> Settings:
    path = settings_path(folder)
    if not path.exists():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("settings file is not an object")
        data = migrate(data)
    except (OSError, ValueError, KeyError, TypeError):
        # Keep the damaged file for a look later; start from the defaults.
        try:
            os.replace(path, path.with_suffix(".json.bad"))
        except OSError:
            pass
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in data.items() if k in known}).clean()


def save_settings(settings: Settings, folder: Path | None = None) -> Path:
    path = settings_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": SETTINGS_VERSION, **asdict(settings)}
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)  # atomic: a crash never leaves half a file
    return path

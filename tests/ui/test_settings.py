from __future__ import annotations

import json

from reader.core.paths import config_dir
from reader.ui.settings import SETTINGS_VERSION, Settings, load_settings, save_settings


def test_defaults_when_no_file():
    s = load_settings()
    assert (s.language, s.theme, s.era, s.zoom_percent) == ("system", "system", "be", 100)


def test_round_trip_is_json_with_version():
    s = Settings(theme="dark", zoom_percent=250, era="ce", shortcuts={"find": "Ctrl+J"})
    path = save_settings(s)
    assert path.parent == config_dir()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == SETTINGS_VERSION
    back = load_settings()
    assert (back.theme, back.zoom_percent, back.era, back.shortcuts) == ("dark", 250, "ce", {"find": "Ctrl+J"})


def test_version_1_is_migrated():
    config_dir().mkdir(parents=True)
    (config_dir() / "settings.json").write_text(
        json.dumps({"version": 1, "text_scale": 1.5, "dark": True, "era": "ce"}), encoding="utf-8")
    s = load_settings()
    assert (s.zoom_percent, s.theme, s.era) == (150, "dark", "ce")


def test_damaged_file_is_set_aside():
    config_dir().mkdir(parents=True)
    bad = config_dir() / "settings.json"
    bad.write_bytes(b"\x80not json{")
    assert load_settings() == Settings()
    assert (config_dir() / "settings.json.bad").exists()
    assert not bad.exists()


def test_out_of_range_values_are_cleaned():
    config_dir().mkdir(parents=True)
    (config_dir() / "settings.json").write_text(json.dumps(
        {"version": 2, "zoom_percent": 9000, "theme": "neon", "language": "xx", "unknown": 1}))
    s = load_settings()
    assert (s.zoom_percent, s.theme, s.language) == (400, "system", "system")

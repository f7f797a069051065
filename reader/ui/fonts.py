"""Thai fonts for the window and for printing.

Sarabun (OFL, the open redesign of TH Sarabun New) ships in the `fontpkg-sarabun` wheel and
is registered with Qt at start, so Thai renders and prints the same on every machine, even
one with no Thai font installed. An installed "TH Sarabun New" wins: it is what Thai
offices expect to see.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

PREFERRED_FAMILY = "TH Sarabun New"
BUNDLED_FAMILY = "Sarabun"
# The four faces text needs; the wheel's other weights would only slow start-up.
_FACES = ("Regular", "Bold", "Italic", "BoldItalic")

_loaded: str | None = None


def sarabun_dir() -> Path:
    """Folder holding the wheel's Sarabun TTFs."""
    import fontpkg_sarabun  # type: ignore[import-untyped]  # a font wheel: no types to give

    return Path(fontpkg_sarabun.ROOT) / "files"


def load_app_fonts() -> str:
    """Register the bundled Sarabun faces (once) and return the Thai family to use.

    Needs a QGuiApplication. Returns "TH Sarabun New" when it is installed, else
    "Sarabun"; if even the bundled files cannot be read, the family is still
    "Sarabun" and Qt falls back to any Thai font it finds.
    """
    global _loaded
    if _loaded is not None:
        return _loaded
    # Registered even when TH Sarabun New is installed: a user (or a test) may pick
    # Sarabun explicitly, and it should look the same everywhere.
    try:
        folder = sarabun_dir()
    except ImportError:
        folder = None
    if folder is not None:
        for face in _FACES:
            path = folder / f"Sarabun-{face}.ttf"
            if path.exists():
                QFontDatabase.addApplicationFont(str(path))
    _loaded = PREFERRED_FAMILY if PREFERRED_FAMILY in QFontDatabase.families() else BUNDLED_FAMILY
    return _loaded

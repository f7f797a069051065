"""Interface language: Qt translation files from resources/i18n.

Source strings are English. `scripts/build-translations` compiles the .ts files to .qm
beside them; running from a source checkout without that step, the .ts is compiled
into a temporary folder on first use when pyside6-lrelease is available.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core.paths import resource

LANGUAGES = ("th", "en")
_installed: list[QTranslator] = []
_PLACE = re.compile(r"%([1-9])")


def fill(text: str, *values: object) -> str:
    """A translated message with its numbered places filled: fill("Saved %1", path).

    Qt's QString.arg in Python terms: %1 takes the first value, %2 the second, in one
    pass, so a value that itself holds "%2" (a file name) is left as it is. A place
    with no value stays as written."""
    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if n <= len(values) else match.group(0)

    return _PLACE.sub(value, text)


def system_language() -> str:
    """Thai on a Thai system, English elsewhere."""
    return "th" if QLocale.system().language() == QLocale.Language.Thai else "en"


def resolve(choice: str) -> str:
    return choice if choice in LANGUAGES else system_language()


def lrelease() -> str | None:
    local = Path(sys.executable).with_name("pyside6-lrelease")
    return str(local) if local.exists() else shutil.which("pyside6-lrelease")


def qm_path(lang: str) -> Path | None:
    """The compiled translation for `lang`, compiling the .ts if needed."""
    folder = resource("resources", "i18n")
    qm = folder / f"opdc_{lang}.qm"
    ts = folder / f"opdc_{lang}.ts"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    tool = lrelease()
    if not ts.exists() or tool is None:
        return qm if qm.exists() else None
    out = Path(tempfile.gettempdir()) / "opdc-reader-i18n" / f"opdc_{lang}.qm"
    if out.exists() and out.stat().st_mtime >= ts.stat().st_mtime:
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(out)], capture_output=True)
    return out if done.returncode == 0 and out.exists() else None


def install(app: QCoreApplication, choice: str) -> str:
    """Load the interface language (replacing any before it); returns "th" or "en".

    Installing a translator sends LanguageChange to every widget; windows retranslate
    in changeEvent."""
    lang = resolve(choice)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = QTranslator(app)
    path = qm_path(lang)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(app)  # Qt's own dialogs (file chooser, print dialog)
    # Qt has no Thai: resources/i18n/qtbase_th.ts covers the dialogs this app opens.
    if qt_own.load(QLocale(lang), "qtbase", "_", qt_dir) or qt_own.load(
            QLocale(lang), "qtbase", "_", str(resource("resources", "i18n"))):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(QLocale.Language.Thai if lang == "th" else QLocale.Language.English))
    return lang

"""Every interface message has a Thai translation with the same placeholders, and the
.ts files are current with the sources (pyside6-lupdate extracts them afresh)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT

I18N = ROOT / "resources" / "i18n"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def texts(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    forms = [f.text or "" for f in tr.findall("numerusform")]
    return forms or [tr.text or ""]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    if not tool.exists():
        pytest.skip("pyside6-lupdate not found next to the Python interpreter")
    out = tmp_path_factory.mktemp("ts") / "current.ts"
    sources = [str(p) for p in sorted((ROOT / "reader" / "ui").glob("*.py")) if p.name != "printing.py"]
    subprocess.run([str(tool), "-silent", *sources, "-ts", str(out)], check=True)
    return messages(out)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_source_message_is_translated(extracted, lang):
    have = messages(I18N / f"opdc_{lang}.ts")
    missing = [key for key in extracted if key not in have]
    assert not missing, f"not in opdc_{lang}.ts (run scripts/build-translations --update): {missing}"
    assert len(extracted) > 100


@pytest.mark.parametrize("lang", ["th", "en"])
def test_translations_are_finished_with_same_placeholders(lang):
    for (context, source), message in messages(I18N / f"opdc_{lang}.ts").items():
        tr = message.find("translation")
        assert tr.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        for text in texts(message):
            assert text.strip(), (context, source)
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source)
            if lang == "th":
                assert re.search("[\u0e00-\u0e7f]", text) or not re.search("[a-z]{3}", source), (
                    f"not Thai: {source!r} -> {text!r}")


def test_mnemonics_survive_translation():
    for (context, source), message in messages(I18N / "opdc_th.ts").items():
        if re.search(r"&[^&\s]", source):
            assert re.search(r"&[^&\s]", texts(message)[0]), (context, source)


def test_build_script_compiles_qm(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build-translations")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for lang in ("th", "en"):
        assert (I18N / f"opdc_{lang}.qm").stat().st_size > 1000


def test_thai_interface_loads(qapp):
    from PySide6.QtCore import QCoreApplication

    from reader.ui import i18n

    try:
        assert i18n.install(qapp, "th") == "th"
        assert QCoreApplication.translate("MainWindow", "&File") == "แฟ้ม (&F)"
        assert QCoreApplication.translate("Listing", "%n article(s)", "", 5) == "5 บทความ"
        assert i18n.fill(QCoreApplication.translate("Appearance", "Text size: %1%"), 150) == "ขนาดตัวอักษร: 150%"
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_fill_puts_each_value_in_its_place_once():
    from reader.ui.i18n import fill

    assert fill("Importing %1 (%2)", "ข่าว.html", 3) == "Importing ข่าว.html (3)"
    assert fill("%2 before %1", "a", "b") == "b before a"  # translations may reorder
    # A value holding a placeholder is not filled again (replace() in turn would).
    assert fill("Saved %1 (%2)", "/tmp/%2.docx", 7) == "Saved /tmp/%2.docx (7)"
    assert fill("Text size: %1%", 150) == "Text size: 150%"
    assert fill("No value for %1") == "No value for %1"


def test_thai_by_default_on_a_thai_system(tmp_path):
    """Qt reads the system locale at start, so each locale gets its own process."""
    code = ("from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from reader.ui import i18n; print(i18n.resolve('system'))")
    seen = {}
    for locale in ("th_TH.UTF-8", "en_US.UTF-8"):
        env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
        env.update(LANG=locale, LC_ALL=locale, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        seen[locale] = done.stdout.strip()
    assert seen == {"th_TH.UTF-8": "th", "en_US.UTF-8": "en"}

"""An exported DOCX opened by a real word processor: LibreOffice converts it to PDF and
pdffonts tells which fonts the Thai text actually used.

The test exports with font "Sarabun" (TH Sarabun New is not packaged for Debian) and
points fontconfig at the wheel's Sarabun TTFs through a test-local fonts.conf.
A control document styled the naive way (python-docx `font.name` only) must come out
in a fallback font, which shows the check can tell the difference.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from reader.core.export import ExportOptions, build_report
from reader.core.export.docx import write_docx
from reader.core.thaitext import normalize
from tests.core.test_export_seed import SEED_TITLE, seed_article

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFFONTS = shutil.which("pdffonts")
pytestmark = pytest.mark.skipif(
    not (SOFFICE and PDFFONTS),
    reason="needs soffice (libreoffice-writer-nogui) and pdffonts (poppler-utils); scripts/test installs them",
)


def sarabun_dir() -> Path:
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT) / "files"


def convert(tmp_path: Path, *documents: Path) -> list[Path]:
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{sarabun_dir()}</dir>\n  <cachedir>{tmp_path / 'fc-cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    out = tmp_path / "pdf"
    cmd = [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
           "--convert-to", "pdf", "--outdir", str(out), *map(str, documents)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
    pdfs = [out / (d.stem + ".pdf") for d in documents]
    missing = [p for p in pdfs if not p.exists()]
    assert not missing, f"LibreOffice made no PDF for {missing}: {done.stdout} {done.stderr}"
    return pdfs


def fonts_used(pdf: Path) -> set[str]:
    listing = subprocess.run([PDFFONTS, str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    return {name.split("+", 1)[-1] for name in names}  # drop the subset prefix ABCDEF+


def naive_docx(path: Path) -> Path:
    """What python-docx gives with font.name/font.size alone."""
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Sarabun"
    doc.styles["Normal"].font.size = Pt(16)
    for text in seed_article().paragraphs[:2]:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def test_libreoffice_renders_thai_in_the_chosen_font(tmp_path):
    report = build_report([seed_article()], options=ExportOptions(font="Sarabun"))
    ours = write_docx(report, tmp_path / "seed.docx")
    control = naive_docx(tmp_path / "naive.docx")
    official = write_docx(build_report([seed_article()]), tmp_path / "official.docx")
    ours_pdf, control_pdf, official_pdf = convert(tmp_path, ours, control, official)

    used = fonts_used(ours_pdf)
    assert {"Sarabun-Regular", "Sarabun-Bold"} <= used
    assert all(name.startswith("Sarabun") for name in used), f"fallback fonts in the export: {used}"

    fallback = fonts_used(control_pdf)
    assert any(not name.startswith("Sarabun") for name in fallback), (
        f"the naive control used only {fallback}: the check cannot tell a fallback apart"
    )

    # The default (TH Sarabun New) on Debian: fontconfig maps it to Laksaman, its renamed
    # twin from fonts-tlwg-laksaman; the whole document must use it, not a mix.
    match = subprocess.run(["fc-match", "-f", "%{family}", "TH Sarabun New"], capture_output=True, text=True)
    if match.returncode == 0 and match.stdout.startswith("Laksaman"):
        used = fonts_used(official_pdf)
        assert used and all(name.startswith("Laksaman") for name in used), used

    # LibreOffice keeps a usable text layer: the title is there, Thai intact.
    text = subprocess.run(["pdftotext", str(ours_pdf), "-"], capture_output=True, text=True).stdout
    assert normalize(SEED_TITLE.replace(" ", "")) in normalize(text.replace("\n", "").replace(" ", ""))


def test_libreoffice_shows_page_numbers_in_the_contents(tmp_path):
    # issue 15: the report's contents had no page numbers when opened in LibreOffice
    import dataclasses

    articles = [dataclasses.replace(seed_article(), title=f"{SEED_TITLE} {part}", id=i)
                for i, part in enumerate(("ตอนแรก", "ตอนกลาง", "ตอนท้าย"), 1)]
    report = build_report(articles, options=ExportOptions(font="Sarabun"))
    path = tmp_path / "report.docx"
    write_docx(report, path)
    pdf = convert(tmp_path, path)[0]
    text = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    # the number ending each entry (after a space or the dot leader); not the footer "n / N"
    pages = [int(m.group(1)) for line in text.splitlines() if "/" not in line
             for m in [re.search(r"[\s.](\d+)\s*$", line)] if m]
    assert len(pages) == 3 and pages == sorted(set(pages)) and pages[0] >= 3, (pages, text)
    assert "#" not in text

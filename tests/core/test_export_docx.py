"""DOCX export: golden XML, Thai font fields, properties, links, read back with python-docx.

Golden files live in tests/golden/docx/. After an intended change to the output,
regenerate them with:  UPDATE_GOLDEN=1 pytest tests/core/test_export_docx.py
and review the diff before committing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from reader.core.archive import Archive
from reader.core.export import ExportError, ExportOptions, ReportMeta, build_report, export_command
from reader.core.export.docx import write_docx
from tests.core.test_export_seed import SEED, SEED_TITLE, SEED_URL, seed_article

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "docx"
CREATED = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def second_article():
    return seed_article(id=2, version=3, title="ข่าวสั้น\x07 ทดสอบ", paragraphs=["ย่อหน้าเดียว\x00 จบ"],
                        credits=[], category="", source_url=None, date=dt.date(2024, 1, 5))


def report_meta() -> ReportMeta:
    return ReportMeta(title="รายงานข่าว ก.พ.ร.", author="ห้องสมุด", subject="ความร่วมมืออาเซียน",
                      keywords=["อาเซียน", "ธรรมาภิบาล"], created=CREATED)


def write(tmp_path, articles, options=None, name="out.docx") -> Path:
    return write_docx(build_report(articles, report_meta(), options), tmp_path / name)


def pretty(xml: bytes) -> str:
    """Stable text for comparison: indented, with revision ids and timestamps removed."""
    root = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True))
    text = etree.tostring(root, pretty_print=True, encoding="unicode")
    text = re.sub(r' w:rsid\w*="[^"]*"', "", text)
    return re.sub(r' w:date="[^"]*"', "", text)


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_report_matches_golden_xml(tmp_path, part):
    path = write(tmp_path, [seed_article(), second_article()])
    with zipfile.ZipFile(path) as zf:
        actual = pretty(zf.read(part))
    golden = GOLDEN / ("report." + part.split("/")[-1])
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), f"{part} differs from {golden} (UPDATE_GOLDEN=1 to accept)"


def test_same_input_gives_the_same_bytes_of_xml(tmp_path):
    a = write(tmp_path, [seed_article()], name="a.docx")
    b = write(tmp_path, [seed_article()], name="b.docx")
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        for part in ("word/document.xml", "word/styles.xml", "docProps/core.xml", "word/_rels/document.xml.rels"):
            assert za.read(part) == zb.read(part), part


def test_thai_text_reads_back_with_python_docx(tmp_path):
    path = write(tmp_path, [seed_article()])
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == SEED_TITLE
    assert doc.paragraphs[0].style.name == "Heading 1"
    assert texts[1] == "วันที่ 26 สิงหาคม 2556   หมวด ข่าวเด่น"
    for paragraph in seed_article().paragraphs:
        assert paragraph in texts
    assert "วสุนธรา (สลธ.) / รายงาน" in texts
    assert "ที่มาและการอ้างอิง" in texts
    assert "วันที่เผยแพร่: 26 สิงหาคม พ.ศ. 2556 (ค.ศ. 2013)" in texts
    assert any(t.startswith("SHA-256 ของต้นฉบับ: e531fe18") for t in texts)
    assert any(t.startswith("การอ้างอิง: สำนักงาน ก.พ.ร. (2556, 26 สิงหาคม).") for t in texts)


def _all_rpr(root):
    return list(root.iter(W + "rPr"))


@pytest.mark.parametrize("font", ["TH Sarabun New", "Sarabun"])
def test_every_font_slot_names_the_chosen_font(tmp_path, font):
    path = write(tmp_path, [seed_article(), second_article()], ExportOptions(font=font))
    with zipfile.ZipFile(path) as zf:
        for part in ("word/document.xml", "word/styles.xml"):
            root = etree.fromstring(zf.read(part))
            fonts = list(root.iter(W + "rFonts"))
            assert fonts, part
            for el in fonts:
                assert {el.get(W + s) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {font}, part
                assert not [k for k in el.attrib if k.endswith("Theme") or k.endswith("theme")], part


def test_styles_set_complex_script_size_bold_and_language(tmp_path):
    path = write(tmp_path, [seed_article()])
    doc = docx.Document(str(path))
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "32"
    assert defaults.find(qn("w:szCs")).get(qn("w:val")) == "32"
    assert defaults.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    normal = doc.styles["Normal"].element.rPr
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "32"
    heading = doc.styles["Heading 1"].element.rPr
    assert heading.find(qn("w:b")) is not None and heading.find(qn("w:bCs")) is not None
    assert heading.find(qn("w:szCs")).get(qn("w:val")) == "32"
    # Bold labels in the citation block are bold for Thai too.
    label_runs = [r for r in doc.paragraphs if r.text.startswith("ชื่อเรื่อง:")][0].runs
    assert label_runs[0]._r.rPr.find(qn("w:bCs")) is not None


def test_size_option_reaches_complex_script_size(tmp_path):
    doc = docx.Document(str(write(tmp_path, [seed_article()], ExportOptions(size_pt=14))))
    assert doc.styles["Normal"].element.rPr.find(qn("w:szCs")).get(qn("w:val")) == "28"


def test_page_is_a4_with_official_margins(tmp_path):
    section = docx.Document(str(write(tmp_path, [seed_article()]))).sections[0]
    # Stored in twentieths of a point, so compare to a tenth of a millimetre.
    mm = [round(v.mm, 1) for v in (section.page_width, section.page_height, section.left_margin,
                                   section.right_margin, section.top_margin, section.bottom_margin)]
    assert mm == [210.0, 297.0, 30.0, 20.0, 25.0, 20.0]


def test_letter_paper(tmp_path):
    section = docx.Document(str(write(tmp_path, [seed_article()], ExportOptions(paper="Letter")))).sections[0]
    assert round(section.page_width.mm, 1) == 215.9 and round(section.page_height.mm, 1) == 279.4


def test_document_properties(tmp_path):
    props = docx.Document(str(write(tmp_path, [seed_article()]))).core_properties
    assert props.title == "รายงานข่าว ก.พ.ร."
    assert props.subject == "ความร่วมมืออาเซียน"
    assert props.keywords == "อาเซียน, ธรรมาภิบาล"
    assert props.author == "ห้องสมุด"
    assert props.created == CREATED
    assert props.language == "th-TH"


def test_source_url_is_a_hyperlink(tmp_path):
    doc = docx.Document(str(write(tmp_path, [seed_article()])))
    links = [r for r in doc.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert [r.target_ref for r in links] == [SEED_URL]
    assert all(r.is_external for r in links)
    hyperlinks = [h for p in doc.paragraphs for h in p.hyperlinks]
    assert [(h.url, h.text) for h in hyperlinks] == [(SEED_URL, SEED_URL)]


def test_report_has_cover_and_contents_with_page_references(tmp_path):
    path = write(tmp_path, [seed_article(), second_article()])
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:4] == ["รายงานข่าว ก.พ.ร.", "จัดทำโดย ห้องสมุด", "วันที่ 25 พฤศจิกายน 2569", "จำนวนข่าว 2"]
    assert texts[4] == "สารบัญ"
    # each entry: the title (cleaned), a tab, its page ("#" until laid out)
    assert texts[5:7] == [SEED_TITLE + "\t#", "ข่าวสั้น ทดสอบ\t#"]
    body = doc.element.body
    instr = [el.text for el in body.iter(qn("w:instrText"))]
    assert instr == [" PAGEREF _article_1 \\h ", " PAGEREF _article_2 \\h "]
    kinds = [el.get(qn("w:fldCharType")) for el in body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert all(el.get(qn("w:dirty")) == "true" for el in body.iter(qn("w:fldChar"))
               if el.get(qn("w:fldCharType")) == "begin")  # Word updates them on opening
    assert doc.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    # Each TOC entry links to a bookmark on its article's heading.
    anchors = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink")) if h.get(qn("w:anchor"))]
    marks = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    assert anchors == marks == ["_article_1", "_article_2"]
    headings = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert [h.paragraph_format.page_break_before for h in headings] == [True, True]


def test_page_numbers_in_the_footer(tmp_path):
    section = docx.Document(str(write(tmp_path, [seed_article()]))).sections[0]
    instr = [el.text.strip() for el in section.footer._element.iter(qn("w:instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]
    thai = docx.Document(str(write(tmp_path, [seed_article()], ExportOptions(thai_digits=True), "t.docx")))
    instr = [el.text.strip() for el in thai.sections[0].footer._element.iter(qn("w:instrText"))]
    assert instr == ["PAGE \\* ThaiArabic", "NUMPAGES \\* ThaiArabic"]


def test_control_characters_never_crash(tmp_path):
    nasty = seed_article(title="\x00\x01หัว\x1fข้อ\ufffe", paragraphs=["a\x0bb\ud83d", "\x0c", "บรรทัด\nสอง\tสาม"],
                         credits=["\x7f ok"], source_url="https://x.go.th/\x02p")
    doc = docx.Document(str(write(tmp_path, [nasty])))
    assert doc.paragraphs[0].text == "หัวข้อ"
    texts = [p.text for p in doc.paragraphs]
    assert "ab" in texts
    assert "บรรทัด\nสอง สาม" in texts  # a line break stays a break; tabs are spaces after normalize


def test_unwritable_target_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="cannot write"):
        write(tmp_path, [seed_article()], name="missing-dir/out.docx")
    assert list(tmp_path.iterdir()) == []


def test_export_command_by_id_reports_missing_ids(tmp_path):
    with Archive.open(tmp_path / "arc") as archive:
        stored = archive.add(seed_article(id=None, version=None, sha256=None, archived_at=None),
                             SEED.read_bytes(), str(SEED))
        archive.tags.add(stored.article_id, "อาเซียน")
        out = tmp_path / "one.docx"
        result = export_command(archive, out, ids=[stored.article_id, 999, "x"])
        assert result.count == 1
        assert result.missing == ["'x' is not an article id", "no article 999 in the archive"]
        doc = docx.Document(str(out))
        assert doc.paragraphs[0].text == SEED_TITLE
        assert doc.core_properties.keywords == "อาเซียน"
        sha = archive.get(stored.article_id).sha256
        assert f"SHA-256 ของต้นฉบับ: {sha}" in [p.text for p in doc.paragraphs]
        with pytest.raises(ExportError, match="no article 42"):
            export_command(archive, tmp_path / "none.docx", ids=[42])
        assert not (tmp_path / "none.docx").exists()
        with pytest.raises(ExportError, match="PDF"):
            export_command(archive, tmp_path / "x.pdf", ids=[stored.article_id], fmt="pdf")


def test_export_command_by_query(tmp_path):
    search = pytest.importorskip("reader.core.search", reason="reader.core.search not available")
    if not hasattr(search, "SearchIndex"):
        pytest.skip("reader.core.search has no SearchIndex yet")
    with Archive.open(tmp_path / "arc") as archive:
        seed = archive.add(seed_article(id=None, version=None, sha256=None, archived_at=None),
                           SEED.read_bytes(), str(SEED))
        other = seed_article(id=None, version=None, sha256=None, archived_at=None, source_url="https://x.go.th/2",
                             title="ประกาศรับสมัครงาน", paragraphs=["รับสมัครเจ้าหน้าที่วิเคราะห์นโยบาย"])
        archive.add(other, b"other page", "other.txt")
        out = tmp_path / "q.docx"
        result = export_command(archive, out, query="ธนาคารโลก")
        assert result.count == 1
        assert docx.Document(str(out)).paragraphs[0].text == SEED_TITLE
        both = export_command(archive, tmp_path / "both.docx", ids=[seed.article_id], query="รับสมัคร")
        assert both.count == 2
        with pytest.raises(ExportError, match="no article matches"):
            export_command(archive, tmp_path / "none.docx", query="คำที่ไม่มีในคลังแน่นอน")

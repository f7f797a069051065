"""Highlighted passages in Word exports: shaded and underlined in the text, numbered, and
listed with their notes under the article (python-docx output read back)."""

from __future__ import annotations

import docx

from reader.core.archive import Archive
from reader.core.export import ExportOptions, ReportMeta, build_report, export_command
from reader.core.export.document import Mark, Passage, split_marked
from reader.core.importer import import_targets
from tests.conftest import SEED

PASSAGE = "ASEAN Executive Governance Program"


def test_split_marked_cuts_runs_at_passages_and_overlaps():
    text = "abcdefghij"
    runs = split_marked(text, [Mark(2, 5, 1), Mark(4, 8, 2)])
    assert runs == [("ab", None), ("cde", 1), ("fgh", 2), ("ij", None)]
    assert "".join(t for t, _ in runs) == text


def test_passages_map_to_paragraphs_and_notes():
    from reader.core.model import Article

    art = Article(title="t", paragraphs=["  หนึ่ง สอง", "สาม สี่ ห้า"], id=7)
    body = art.body
    start = body.index("สอง")
    end = body.index("สี่") + len("สี่")  # across the paragraph break
    report = build_report([art], ReportMeta(highlights={7: [Passage(start, end, "บันทึก")]}),
                          ExportOptions(citation=False))
    section = report.sections[0]
    assert section.paragraphs == ["หนึ่ง สอง", "สาม สี่ ห้า"]
    assert section.marks == [[Mark(6, 9, 1)], [Mark(0, 7, 1)]]
    assert section.notes == [(1, "สอง สาม สี่", "บันทึก")]


def test_docx_marks_the_passage_and_lists_the_note(tmp_path):
    with Archive.open(tmp_path / "arch") as arch:
        import_targets(arch, [SEED])
        arch.highlights.add_text(1, PASSAGE, note="หลักสูตรสำหรับผู้บริหารอาเซียน")
        out = export_command(arch, tmp_path / "one.docx", ids=[1]).path
    document = docx.Document(str(out))
    marked = [r for p in document.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert "".join(r.text for r in marked) == PASSAGE
    assert all(r.font.underline for r in marked)  # not colour alone
    texts = [p.text for p in document.paragraphs]
    assert any(PASSAGE + "[1]" in t for t in texts)
    heading = texts.index("ข้อความที่เน้นและบันทึก")
    assert texts[heading + 1] == f"[1] \u201c{PASSAGE}\u201d \u2014 หลักสูตรสำหรับผู้บริหารอาเซียน"

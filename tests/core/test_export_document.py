"""What goes on the page: report order, citation block, options, bad text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest

from reader.core.export import (
    ExportError,
    ExportOptions,
    Margins,
    ReportMeta,
    build_report,
    print_options,
)
from reader.core.export.citation import build_citation, memo_reference, publication_date, publisher
from tests.core.test_export_seed import SEED, SEED_TITLE, SEED_URL, seed_article

CREATED = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def test_one_article_has_no_cover_or_contents():
    report = build_report([seed_article()], ReportMeta(created=CREATED))
    assert not report.cover and not report.toc
    assert report.title == SEED_TITLE
    section = report.sections[0]
    assert section.title == SEED_TITLE
    assert section.meta == [("วันที่", "26 สิงหาคม 2556"), ("หมวด", "ข่าวเด่น")]
    assert section.paragraphs == seed_article().paragraphs
    assert section.credits[-1] == "กลุ่มสื่อสารฯ / จัดทำ"
    assert report.date_text == "25 พฤศจิกายน 2569"


def test_many_articles_make_a_report_in_the_given_order():
    second = seed_article(id=2, title="ข่าวที่สอง")
    report = build_report([seed_article(), second], ReportMeta(author="ห้องสมุด ก.พ.ร.", created=CREATED))
    assert report.cover and report.toc
    assert report.title == "รายงานข่าว"
    assert [s.title for s in report.sections] == [SEED_TITLE, "ข่าวที่สอง"]
    assert [s.bookmark for s in report.sections] == ["article_1", "article_2"]
    assert report.author == "ห้องสมุด ก.พ.ร."


def test_citation_block_carries_source_dates_and_hash():
    cit = build_citation(seed_article())
    values = {line.label: line.value for line in cit.lines}
    assert values["ที่มา"] == SEED_URL
    assert [line.url for line in cit.lines if line.url] == [SEED_URL]
    assert values["ชื่อเรื่อง"] == SEED_TITLE
    assert values["วันที่เผยแพร่"] == "26 สิงหาคม พ.ศ. 2556 (ค.ศ. 2013)"
    assert values["วันที่จัดเก็บ"] == "20 พฤศจิกายน 2569 08:30 UTC"
    assert values["SHA-256 ของต้นฉบับ"] == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert values["รหัสในคลัง"] == "1 (ฉบับที่ 1)"
    assert cit.reference == (
        "สำนักงาน ก.พ.ร. (2556, 26 สิงหาคม). " + SEED_TITLE + ". "
        "สืบค้นเมื่อ 20 พฤศจิกายน 2569 จาก " + SEED_URL
    )


def test_citation_in_english():
    cit = build_citation(seed_article(), lang="en")
    values = {line.label: line.value for line in cit.lines}
    assert values["Published"] == "26 August 2013 (B.E. 2556)"
    assert values["Archived"] == "20 November 2026 08:30 UTC"
    # The labels follow the reader's language; the reference follows the item's (a Thai
    # item is cited as Thai libraries do, whatever the interface language).
    assert cit.reference.startswith("สำนักงาน ก.พ.ร. (2556, 26 สิงหาคม). ")
    cit = build_citation(seed_article(language="en"), lang="en")
    assert cit.reference.startswith("Office of the Public Sector Development Commission. (2013, August 26). ")
    assert cit.reference.endswith("Retrieved November 20, 2026, from " + SEED_URL)


def test_citation_with_thai_digits():
    assert publication_date(dt.date(2013, 8, 26), thai_digits=True) == "๒๖ สิงหาคม พ.ศ. ๒๕๕๖ (ค.ศ. ๒๐๑๓)"


def test_citation_without_url_or_dates_says_so():
    article = seed_article(source_url=None, date=None, archived_at=None, sha256=None, id=None)
    cit = build_citation(article)
    values = {line.label: line.value for line in cit.lines}
    assert values["ที่มา"] == "ไม่ระบุ"
    assert values["วันที่เผยแพร่"] == "ไม่ระบุ"
    assert values["SHA-256 ของต้นฉบับ"] == "ไม่ระบุ"
    assert "รหัสในคลัง" not in values
    # No address, so no agency: APA puts the title first.
    assert memo_reference(article) == SEED_TITLE + ". (ม.ป.ป.). สืบค้นจาก คลังข่าว OPDC Reader"


def test_publisher_from_host():
    assert publisher("https://www.opdc.go.th/content/x") == "สำนักงาน ก.พ.ร."
    assert publisher("http://opdc.go.th/") == "สำนักงาน ก.พ.ร."
    assert publisher("https://www.thaigov.go.th/news/1") == "สำนักเลขาธิการนายกรัฐมนตรี"
    assert publisher("https://www.example.go.th/news/1") == "example.go.th"
    assert publisher("https://notopdc.go.th.example.com/") == "notopdc.go.th.example.com"
    assert publisher(None) is None


def test_citation_can_be_switched_off():
    report = build_report([seed_article()], options=ExportOptions(citation=False))
    assert report.sections[0].citation is None
    report = build_report([seed_article()], options=ExportOptions(memo_reference=False))
    assert report.sections[0].citation.reference is None
    assert report.sections[0].citation.lines


def test_text_xml_cannot_hold_is_cleaned():
    dirty = seed_article(title="หัว\x00ข้อ\x07 ข่าว\ud800", paragraphs=["ย่อ\x1bหน้า\x0c", "\x01\x02", ""],
                         credits=["ภาพ\x08"], category="ข่าว\x0b", source_url="https://x.go.th/\x00a")
    section = build_report([dirty]).sections[0]
    assert section.title == "หัวข้อ ข่าว"
    assert section.paragraphs == ["ย่อหน้า"]  # empty after cleaning: dropped
    assert section.credits == ["ภาพ"]
    assert ("หมวด", "ข่าว") in section.meta
    assert section.source_url == "https://x.go.th/a"
    assert all("\x00" not in line.value for line in section.citation.lines)


def test_untitled_article_gets_a_placeholder_title():
    assert build_report([seed_article(title="  \x07 ")]).sections[0].title == "ไม่ระบุ"


def test_defaults_follow_thai_official_documents():
    opt = ExportOptions()
    assert (opt.font, opt.size_pt, opt.paper) == ("TH Sarabun New", 16.0, "A4")
    assert opt.margins == Margins(top_mm=25, bottom_mm=20, left_mm=30, right_mm=20)


def test_print_size_is_fixed_unless_the_reader_asks():
    assert print_options("Sarabun").size_pt == 16.0
    assert print_options("Sarabun", reader_size_pt=22).size_pt == 22
    assert print_options("Sarabun", paper="Letter").paper == "Letter"


@pytest.mark.parametrize("change, message", [
    ({"paper": "A5"}, "unknown paper size"),
    ({"font": " "}, "font name is empty"),
    ({"size_pt": 2}, "outside"),
    ({"margins": Margins(left_mm=120, right_mm=100)}, "no room"),
])
def test_bad_options_are_refused_clearly(change, message):
    with pytest.raises(ExportError, match=message):
        build_report([seed_article()], options=dataclasses.replace(ExportOptions(), **change))


def test_nothing_to_export_is_an_error():
    with pytest.raises(ExportError, match="no articles"):
        build_report([])


def test_thai_digits_only_in_thai_documents():
    thai = build_report([seed_article()], ReportMeta(created=CREATED), ExportOptions(thai_digits=True))
    assert thai.date_text == "๒๕ พฤศจิกายน ๒๕๖๙"
    assert thai.sections[0].meta[0] == ("วันที่", "๒๖ สิงหาคม ๒๕๕๖")
    english = build_report([seed_article()], ReportMeta(created=CREATED), ExportOptions(thai_digits=True, lang="en"))
    assert english.date_text == "25 November 2026"
    assert english.sections[0].meta[0] == ("Date", "26 August 2013")


def test_keywords_are_tags_else_categories():
    tagged = build_report([seed_article()], ReportMeta(keywords=["อาเซียน", " ", "อาเซียน\x00"]))
    assert tagged.keywords == ["อาเซียน"]
    untagged = build_report([seed_article(), seed_article(category="ข่าวประชาสัมพันธ์"), seed_article()])
    assert untagged.keywords == ["ข่าวเด่น", "ข่าวประชาสัมพันธ์"]

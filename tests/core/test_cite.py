"""Citations of the seed in every format, compared with strings written by hand, and read
back by the tools people use: jsonschema (CSL-JSON), bibtexparser, rispy; Dublin Core's
oai_dc shape checked with lxml."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from lxml import etree

from reader.core.export import ExportError
from reader.core.export.citation import apa_reference, authors
from reader.core.export.cite import FORMATS, cite, csl_item, dublin_core, oai_dc_xml
from tests.core.test_export_seed import SEED, SEED_TITLE, SEED_URL, seed_article

SHA = hashlib.sha256(SEED.read_bytes()).hexdigest()
SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.schema.json").read_text(encoding="utf-8"))


def english_article():
    return seed_article(
        title="OPDC and the World Bank open an ASEAN Executive Governance Program", language="en",
        credits=["By Mary Anne Jones"], id=7, sha256="ab" * 32)


def test_apa_thai_item_as_thai_libraries_write_it():
    assert apa_reference(seed_article()) == (
        "สำนักงาน ก.พ.ร. (2556, 26 สิงหาคม). " + SEED_TITLE + ". สืบค้นเมื่อ 20 พฤศจิกายน 2569 จาก " + SEED_URL)


def test_apa_english_item_inverts_a_person():
    assert apa_reference(english_article()) == (
        "Jones, M. A. (2013, August 26). OPDC and the World Bank open an ASEAN Executive Governance "
        "Program. Retrieved November 20, 2026, from " + SEED_URL)


def test_apa_thai_person_is_not_inverted():
    article = seed_article(credits=["เรื่อง: สมชาย ใจดี", "ภาพ: กลุ่มสื่อสารฯ"])
    assert [a.name for a in authors(article)] == ["สมชาย ใจดี"]
    assert apa_reference(article).startswith("สมชาย ใจดี. (2556, 26 สิงหาคม). ")


def test_apa_agency_is_author_when_no_person_is_named():
    article = seed_article(source_url="https://www.thaigov.go.th/news/contents/details/1")
    assert [(a.name, a.agency) for a in authors(article)] == [("สำนักเลขาธิการนายกรัฐมนตรี", True)]
    assert apa_reference(seed_article(language="en")).startswith(
        "Office of the Public Sector Development Commission. (2013, August 26). ")


def test_apa_with_thai_digits_and_without_a_date():
    assert apa_reference(seed_article(), thai_digits=True).startswith("สำนักงาน ก.พ.ร. (๒๕๕๖, ๒๖ สิงหาคม). ")
    assert "(ม.ป.ป.)" in apa_reference(seed_article(date=None))
    assert "(n.d.)" in apa_reference(seed_article(date=None, language="en"))


def test_csl_json_of_the_seed_is_exactly_this_and_valid():
    items = json.loads(cite([seed_article()], "csl-json"))
    jsonschema.validate(items, SCHEMA)
    assert items == [{
        "id": "opdc1", "type": "webpage", "title": SEED_TITLE,
        "author": [{"literal": "สำนักงาน ก.พ.ร."}],
        "issued": {"date-parts": [[2013, 8, 26]]}, "accessed": {"date-parts": [[2026, 11, 20]]},
        "URL": SEED_URL, "publisher": "สำนักงาน ก.พ.ร.", "genre": "ข่าวเด่น", "language": "th-TH",
        "archive": "OPDC Reader", "archive_location": "1", "note": f"SHA-256 {SHA}; OPDC Reader 1 v1",
    }]


def test_csl_schema_rejects_what_csl_does_not_allow():
    bad = [dict(csl_item(seed_article()), type="news-item")]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([dict(csl_item(seed_article()), Title="x")], SCHEMA)
    jsonschema.validate(json.loads(cite([english_article(), seed_article(date=None, archived_at=None)],
                                        "csl-json")), SCHEMA)


def test_bibtex_of_the_seed_is_exactly_this_and_reads_back():
    text = cite([seed_article()], "bibtex")
    assert text == (
        "@online{opdc1,\n"
        "  author = {{สำนักงาน ก.พ.ร.}},\n"
        f"  title = {{{SEED_TITLE}}},\n"
        "  date = {2013-08-26},\n"
        "  year = {2013},\n"
        f"  url = {{{SEED_URL}}},\n"
        "  urldate = {2026-11-20},\n"
        "  organization = {สำนักงาน ก.พ.ร.},\n"
        "  langid = {thai},\n"
        f"  note = {{SHA-256 {SHA}; OPDC Reader 1 v1}}\n"
        "}\n")
    library = bibtexparser.parse_string(text + "\n" + cite([english_article()], "bibtex"))
    assert not library.failed_blocks
    first, second = library.entries
    assert first.key == "opdc1" and first.entry_type == "online"
    assert first["title"] == SEED_TITLE and first["url"] == SEED_URL and first["year"] == "2013"
    assert first["author"] == "{สำนักงาน ก.พ.ร.}"
    assert second["author"] == "Mary Anne Jones"


def test_bibtex_escapes_latex_characters():
    text = cite([seed_article(title="50% & more {braces} #1 $x_y \\ ~")], "bibtex")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert library.entries[0]["title"] == (
        r"50\% \& more \{braces\} \#1 \$x\_y \textbackslash{} \textasciitilde{}")


def test_ris_of_the_seed_is_exactly_this_and_reads_back():
    text = cite([seed_article()], "ris")
    assert text == (
        "TY  - ELEC\nID  - opdc1\nAU  - สำนักงาน ก.พ.ร.\n"
        f"TI  - {SEED_TITLE}\nPY  - 2013\nDA  - 2013/08/26\nUR  - {SEED_URL}\n"
        "Y2  - 2026/11/20\nPB  - สำนักงาน ก.พ.ร.\nLA  - th\n"
        f"N1  - SHA-256 {SHA}; OPDC Reader 1 v1\nER  - \n")
    records = rispy.loads(text + cite([english_article()], "ris"))
    assert len(records) == 2
    assert records[0]["type_of_reference"] == "ELEC"
    assert records[0]["authors"] == ["สำนักงาน ก.พ.ร."]
    assert records[0]["title"] == SEED_TITLE
    assert records[0]["urls"] == [SEED_URL]
    assert records[0]["year"] == "2013"
    assert records[1]["authors"] == ["Mary Anne Jones"]


def test_every_format_cites_many_articles():
    many = [seed_article(), english_article()]
    for fmt in FORMATS:
        text = cite(many, fmt)
        assert SEED_TITLE in text and "OPDC and the World Bank" in text
    with pytest.raises(ExportError):
        cite(many, "mla")


def test_dublin_core_pairs_of_the_seed():
    pairs = dublin_core(seed_article(), ["อาเซียน"])
    assert ("title", SEED_TITLE) in pairs
    assert ("creator", "สำนักงาน ก.พ.ร.") in pairs
    assert ("date", "2013-08-26") in pairs
    assert ("identifier", SEED_URL) in pairs
    assert ("identifier", f"urn:sha256:{SHA}") in pairs
    assert ("language", "th") in pairs
    assert ("subject", "อาเซียน") in pairs
    assert any(name == "description" and SHA in value for name, value in pairs)


DC_ELEMENTS = {"title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
               "format", "identifier", "source", "language", "relation", "coverage", "rights"}
OAI_DC = "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"
DC = "{http://purl.org/dc/elements/1.1/}"


def _check_oai_dc(record) -> None:
    assert record.tag == OAI_DC
    assert record.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split() == [
        "http://www.openarchives.org/OAI/2.0/oai_dc/", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"]
    for child in record:
        assert child.tag.startswith(DC) and child.tag[len(DC):] in DC_ELEMENTS, child.tag
        assert child.text and child.text.strip() and len(child) == 0


def test_oai_dc_xml_has_the_oai_dc_shape():
    one = etree.fromstring(oai_dc_xml([(seed_article(), ["อาเซียน"])]).encode("utf-8"))
    _check_oai_dc(one)
    assert one.findtext(DC + "title") == SEED_TITLE
    many = etree.fromstring(oai_dc_xml([(seed_article(), []), (english_article(), [])]).encode("utf-8"))
    assert many.tag == "records" and len(many) == 2
    for record in many:
        _check_oai_dc(record)


def test_oai_dc_leaves_out_characters_xml_cannot_carry():
    text = oai_dc_xml([(seed_article(title="ข่าว\x01<ด่วน> & \ud800ใหม่"), [])])
    root = etree.fromstring(text.encode("utf-8"))
    assert root.findtext(DC + "title") == "ข่าว<ด่วน> & ใหม่"


def test_citations_do_not_depend_on_the_date_of_today():
    article = seed_article(archived_at="2024-01-31T23:59:00+00:00", date=dt.date(2024, 2, 1))
    assert apa_reference(article).endswith("สืบค้นเมื่อ 31 มกราคม 2567 จาก " + SEED_URL)


def test_docx_core_properties_carry_dublin_core(tmp_path):
    import docx

    from reader.core.export import ReportMeta, build_report, write_docx

    path = write_docx(build_report([seed_article()]), tmp_path / "one.docx")
    props = docx.Document(str(path)).core_properties
    assert props.title == SEED_TITLE
    assert props.author == "สำนักงาน ก.พ.ร."  # dc:creator: the agency, no person is named
    assert props.identifier == SEED_URL
    assert props.language == "th-TH"
    assert props.comments == f"SHA-256 {SHA}"  # dc:description
    english = seed_article(language="en", id=2, sha256="cd" * 32)
    many = [seed_article(id=n, sha256=f"{n:02d}" * 32) for n in range(20)] + [english]
    path = write_docx(build_report(many, ReportMeta(author="ห้องสมุด ก.พ.ร.")), tmp_path / "many.docx")
    props = docx.Document(str(path)).core_properties
    assert props.author == "ห้องสมุด ก.พ.ร."  # the report's maker, when named
    assert props.identifier == "" and props.language == "th-TH"  # the interface language: mixed items
    assert props.comments.startswith("21 articles; SHA-256 of each original: 0000") and len(props.comments) == 255

"""Bad input: one clear IngestError per file, never a traceback."""

from __future__ import annotations

import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.ingest import IngestError, Source, extract
from reader.core.ingest.detect import decode
from reader.core.model import MARK_HEADLINE_ONLY
from tests.conftest import SEED


def fail(data: bytes, name: str = "bad.txt") -> str:
    with pytest.raises(IngestError) as info:
        extract(Source(name, data, name))
    return str(info.value)


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"])
def test_empty(data):
    assert fail(data) == "empty file"


@pytest.mark.parametrize(
    "data, what",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "a JPEG image"),
        (b"\x1f\x8b\x08\0\0\0\0\0", "a gzip archive"),
        (b"SQLite format 3\0", "an SQLite database"),
        (bytes(range(256)) * 8, "binary data"),
    ],
)
def test_binary(data, what):
    assert fail(data) == f"not a text, HTML or feed file (looks like {what})"


def test_random_binary_file():
    data = os.urandom(4096)
    assert "not a text, HTML or feed file" in fail(data)


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_truncated_utf8(seed_bytes, bom):
    cut = seed_bytes[:1001]
    assert cut[-1] >= 0x80  # cut inside a Thai character
    with pytest.raises(UnicodeDecodeError):
        cut.decode("utf-8")
    assert fail(bom + cut) == "the file is cut off in the middle of a character (truncated UTF-8)"


def test_truncated_at_a_character_boundary_is_read(seed_bytes):
    text = seed_bytes.decode("utf-8")
    cut = text[: text.index("ในส่วนของประเทศไทย")].encode("utf-8")
    article = extract(Source("cut.txt", cut, "cut.txt"))[0]
    assert article.category == "ข่าวเด่น" and len(article.paragraphs) == 2


def test_zip_given_to_extract(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a.txt", "x")
    assert "zip file" in fail(path.read_bytes())


def test_xml_that_is_not_a_feed():
    assert "not an RSS or Atom feed" in fail(b'<?xml version="1.0"?><catalog><book/></catalog>')


def test_html_with_no_article():
    assert "no article" in fail(b"<html><body><nav><a href='/'>home</a></nav></body></html>", "x.html")


def test_wrong_declared_encoding_is_overridden():
    # declared utf-8, really windows-874: the bytes do not decode, so the label is ignored
    page = '<html><head><meta charset="utf-8"><title>ข่าว</title></head><body><p>' + "สำนักงานคณะกรรมการพัฒนาระบบราชการ " * 5 + "</p></body></html>"
    text, codec = decode(page.encode("cp874"))
    assert codec == "cp874" and "สำนักงาน" in text


def test_utf16_with_bom(seed_bytes):
    data = b"\xff\xfe" + seed_bytes.decode("utf-8").encode("utf-16-le")
    assert extract(Source("u16.txt", data, "x"))[0].category == "ข่าวเด่น"


# ---------------------------------------------------------------- property tests

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only_ingest_errors(data: bytes, name: str) -> None:
    try:
        articles = extract(Source(name, data, name))
    except IngestError as exc:
        # a message of our own, not the safety net that wraps an unexpected exception
        assert str(exc) and not str(exc).startswith("could not read this file"), str(exc)
        return
    for article in articles:
        # a page with only its headline is kept, marked as such (issue 12)
        assert article.title and (article.paragraphs or MARK_HEADLINE_ONLY in article.marks)


@SETTINGS
@given(st.binary(max_size=4096), st.sampled_from(["x.txt", "x.html", "x.xml", "x"]))
def test_random_bytes_give_only_ingest_errors(data, name):
    only_ingest_errors(data, name)


@SETTINGS
@given(st.text(max_size=2000), st.sampled_from(["x.txt", "x.html"]))
def test_random_text_gives_only_ingest_errors(text, name):
    only_ingest_errors(text.encode("utf-8", "surrogatepass"), name)


MARKUP = st.sampled_from(
    ["<html>", "<body>", "<p>", "</p>", "<div class='share'>", "</div>", "<a href='x'>", "</a>",
     "<rss><channel><item><title>", "</title>", "<?xml version='1.0' encoding='tis-620'?>",
     "<script>", "<h1>", "ข่าว", "วันที่ 5 ม.ค. 64", "ที่มา : http://x", "\n\n", "|", "&nbsp;",
     "<meta charset='bogus'>", "<br>", "-----", "สำนักงาน ก.พ.ร.", "<![CDATA[", "]]>"]
)


@SETTINGS
@given(st.lists(MARKUP, max_size=60), st.sampled_from(["x.txt", "x.html", "x.xml"]))
def test_random_markup_gives_only_ingest_errors(parts, name):
    only_ingest_errors("".join(parts).encode("utf-8"), name)


@SETTINGS
@given(st.integers(min_value=0, max_value=12000), st.binary(max_size=64))
def test_damaged_seed_gives_only_ingest_errors(cut, junk):
    seed = SEED.read_bytes()
    only_ingest_errors(seed[:cut] + junk + seed[cut + len(junk) :], "seed.txt")


def test_text_starting_with_a_bracket_is_text():
    data = "<ข่าวด่วน> ก.พ.ร. แจ้งเปลี่ยนวันประชุม\n\nการประชุมเครือข่ายเลื่อนเป็นวันที่ 5 มีนาคม 2567 ณ ห้องประชุมชั้น 5\n".encode()
    article = extract(Source("x.txt", data, "x"))[0]
    assert article.kind == "text" and article.title == "<ข่าวด่วน> ก.พ.ร. แจ้งเปลี่ยนวันประชุม"

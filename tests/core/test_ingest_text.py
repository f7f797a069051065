"""Text copies of pages: the seed page exactly, its variants, the thaigov corpus."""

from __future__ import annotations

import datetime as dt
import re
import tarfile
import time

import pytest

from reader.core.ingest import IngestError, Source, extract
from reader.core.ingest.cleanup import is_chrome, squash
from reader.core.ingest.textpage import wrap_width
from reader.core.model import DATE_FROM_BODY, DATE_FROM_PAGE, DATE_FROM_PATH, MARK_HEADLINE_ONLY
from reader.core.thaitext import is_thai_char, to_thai_digits
from tests.conftest import need_corpus

SEED_TITLE = (
    "สำนักงาน ก.พ.ร. จับมือธนาคารโลก เปิดมิติใหม่ของความร่วมมือระหว่างอาเซียนจัดอบรม "
    "ASEAN Executive Governance Program"
)
SEED_CREDITS = ["กลุ่มสื่อสารฯ สลธ. / ข่าว & ภาพ", "วสุนธรา (สลธ.) / รายงาน", "กลุ่มสื่อสารฯ / จัดทำ"]
# Site chrome and footer of the seed page that must never reach the body.
SEED_CHROME = [
    "Logo of OPDC", "ภาษาไทย", "Share", "พิมพ์หน้านี้", "ผังเว็บไซต์", "RSS feed",
    "สงวนลิขสิทธิ์", "ถนนพิษณุโลก", "administrator@opdc.go.th", "Slocan", "ข้อมูลหน่วยงานภาครัฐ",
]


def one(data: bytes, name: str = "page.txt"):
    articles = extract(Source(name, data, name))
    assert len(articles) == 1
    return articles[0]


def check_seed(article) -> None:
    assert article.title == SEED_TITLE
    assert article.category == "ข่าวเด่น"
    assert article.language == "th"
    assert article.kind == "text"
    # Eight paragraphs, not the nine the issue text says: by its blank-line structure the
    # page has eight (lines 12, 14, 18, 20, 22, 25, 27 and 29-30 of the file). Line 29 holds
    # only the indentation (NBSPs) of the last paragraph, whose text follows on line 30;
    # counting that whitespace-only line as a paragraph is the only way to reach nine.
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("เมื่อวันที่ 26 – 31 สิงหาคม 2556 ที่ผ่านมา")
    assert article.paragraphs[-1].endswith("ภายในปี 2015")
    assert article.paragraphs[-1].startswith("กล่าวได้ว่าในปีนี้")
    for para in article.paragraphs:
        assert para == para.strip() and "  " not in para and "\u00a0" not in para
        assert not any(bit in para for bit in SEED_CHROME), para[:60]
        assert squash(para) != squash(SEED_TITLE)
    assert article.credits == SEED_CREDITS
    assert article.date == dt.date(2013, 8, 26)
    assert article.date_source == DATE_FROM_BODY
    assert article.source_url is None


def test_seed_page_exactly(seed_bytes):
    check_seed(one(seed_bytes, "archive/000_bee3d3c5144e9daa.txt"))


@pytest.mark.parametrize(
    "variant",
    ["bom", "crlf", "cr", "bom+crlf", "nbsp", "zero-width"],
)
def test_seed_variants_give_the_same_article(seed_bytes, variant):
    text = seed_bytes.decode("utf-8")
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    if variant == "cr":
        text = text.replace("\n", "\r")
    if variant == "nbsp":
        text = text.replace(" ", "\u00a0")
    if variant == "zero-width":
        text = text.replace("ก.พ.ร.", "ก.พ.ร.\u200b")
    data = text.encode("utf-8")
    if "bom" in variant:
        data = b"\xef\xbb\xbf" + data
    check_seed(one(data))


def test_seed_in_windows_874(seed_bytes):
    text = seed_bytes.decode("utf-8").replace("–", "-").replace("’", "'")
    article = one(text.encode("cp874"))
    assert article.title == SEED_TITLE
    assert len(article.paragraphs) == 8
    assert article.date == dt.date(2013, 8, 26)


def test_thai_digits_are_kept_and_dated(seed_bytes):
    text = seed_bytes.decode("utf-8")
    at = text.index("เมื่อวันที่")
    text = text[:at] + to_thai_digits(text[at : at + 45]) + text[at + 45 :]
    article = one(text.encode("utf-8"))
    assert article.paragraphs[0].startswith("เมื่อวันที่ ๒๖ – ๓๑ สิงหาคม ๒๕๕๖")
    assert article.date == dt.date(2013, 8, 26)


def hard_wrap(paragraph: str, width: int) -> list[str]:
    """Wrap like a mail program would, at breaks that a reader can undo exactly: at a
    space next to a non-Thai character (the space is dropped), or between two Thai
    characters where the second is not a combining mark."""
    lines: list[str] = []
    rest = paragraph
    while len(rest) > width:
        cut = None
        for i in range(width, width // 2, -1):
            a, b = rest[i - 1], rest[i]
            if b == " " and i + 1 < len(rest) and not (is_thai_char(a) and is_thai_char(rest[i + 1])):
                cut, skip = i, 1
                break
            if is_thai_char(a) and is_thai_char(b) and not _combining(b) and a != " ":
                cut, skip = i, 0
                break
        if cut is None:
            break
        lines.append(rest[:cut])
        rest = rest[cut + skip :]
    lines.append(rest)
    return lines


def _combining(ch: str) -> bool:
    return ch in "\u0e31\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"


def test_hard_wrapped_seed_is_rejoined(seed_bytes):
    reference = one(seed_bytes)
    out: list[str] = []
    for line in seed_bytes.decode("utf-8").split("\n"):
        clean = " ".join(line.replace("\u00a0", " ").split())
        out.extend(hard_wrap(clean, 72) if clean else [""])
    wrapped = "\n".join(out)
    assert max(len(line) for line in out) <= 72
    assert wrap_width(out) is not None
    article = one(wrapped.encode("utf-8"))
    assert article.title == reference.title
    assert article.category == "ข่าวเด่น"
    assert article.paragraphs == reference.paragraphs
    assert article.credits == SEED_CREDITS


def test_one_line_paragraphs_are_not_joined():
    lines = [f"บรรทัดที่ {i} ของข่าว ซึ่งเป็นย่อหน้าของตัวเอง ไม่ได้ตัดบรรทัดตามความกว้าง" for i in range(10)]
    text = "หัวข้อข่าวทดสอบการอ่านข้อความ\n\nวันพุธที่ 27 กันยายน 2566\n" + "\n".join(lines)
    article = one(text.encode("utf-8"))
    assert article.paragraphs == lines
    assert article.date == dt.date(2023, 9, 27)
    assert article.date_source == DATE_FROM_PAGE


def test_corpus_format_synthetic():
    text = (
        "\ufeffรัฐบาลไทย-ข่าวทำเนียบรัฐบาล-หัวข้อข่าวทดสอบ\r\n\r\n\r\n"
        "วันพุธที่ 27 กันยายน 2566\r\n27/09/2566\r\nพิมพ์\r\n"
        "หัวข้อข่าวทดสอบ\r\nหัวข้อข่าวทดสอบ\r\n"
        "เมื่อวันที่ 26 ก.ย. 66 เวลา 09.00 น. มีการประชุม\u00a0ที่ทำเนียบรัฐบาล\r\n"
        "ที่มา : สำนักงานทดสอบ\r\n"
        "-------------------\r\nกลุ่มประชาสัมพันธ์และเผยแพร่ สำนักโฆษก\r\n\r\n"
        "ที่มา : https://www.thaigov.go.th/news/contents/details/72657\r\n"
    )
    article = one(text.encode("utf-8"), "thaigov/data/2023/09/28/ด้านสังคม_12.txt")
    assert article.title == "หัวข้อข่าวทดสอบ"
    assert article.paragraphs == ["เมื่อวันที่ 26 ก.ย. 66 เวลา 09.00 น. มีการประชุม ที่ทำเนียบรัฐบาล"]
    assert article.credits == ["ที่มา : สำนักงานทดสอบ", "กลุ่มประชาสัมพันธ์และเผยแพร่ สำนักโฆษก"]
    assert article.date == dt.date(2023, 9, 27) and article.date_source == DATE_FROM_PAGE
    assert article.source_url == "https://www.thaigov.go.th/news/contents/details/72657"
    assert article.category == "ด้านสังคม"  # from the corpus file name; the page names none


def test_path_date_is_the_last_resort():
    text = "หัวข้อข่าวไม่มีวันที่\n\nเนื้อหาข่าวที่ไม่มีการระบุวันใดเลย มีแต่ข้อความทั่วไปเกี่ยวกับงานราชการ\n"
    article = one(text.encode("utf-8"), "thaigov/data/2021/03/05/ข่าวคณะโฆษก_3.txt")
    assert article.date == dt.date(2021, 3, 5)
    assert article.date_source == DATE_FROM_PATH
    undated = one(text.encode("utf-8"), "notes/page.txt")
    assert undated.date is None and undated.date_source is None


def test_english_text_page():
    text = "Prime Minister meets ASEAN leaders\n\nMonday 8 September 2025\n\nThe Prime Minister met the leaders of ASEAN today to discuss trade.\n"
    article = one(text.encode("utf-8"))
    assert article.language == "en"
    assert article.title == "Prime Minister meets ASEAN leaders"


def test_page_with_only_a_headline_is_kept_and_marked():
    text = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-ภาพข่าวเท่านั้น\n\n\nวันพุธที่ 27 กันยายน 2566\nภาพข่าวเท่านั้น\n\nที่มา : https://www.thaigov.go.th/news/contents/details/1\n"
    article = one(text.encode("utf-8"))
    assert article.title == "ภาพข่าวเท่านั้น" and article.paragraphs == []
    assert article.marks == [MARK_HEADLINE_ONLY]
    assert article.date == dt.date(2023, 9, 27)


SAMPLES = {
    "thaigov_v1_20170721_govlab_radio.txt": ("Government Lab...พัฒนางานบริการภาครัฐ", dt.date(2017, 7, 21), "th"),
    "thaigov_v1_20200326_ocsc_opdc_wfh.txt": (
        "ก.พ.-ก.พ.ร. แจงแนวทางการให้ข้าราชการ และเจ้าหน้าที่ปฏิบัติงานนอกสถานที่ตั้ง ในสถานการณ์ COVID-19",
        dt.date(2020, 3, 26), "th",
    ),
    "thaigov_v1raw_20170223_pm_sisaket.txt": (
        "นายกรัฐมนตรีติดตามการขับเคลื่อนนโยบายเกษตรแปลงใหญ่ ณ จังหวัดศรีสะเกษ", dt.date(2017, 2, 23), "th",
    ),
    "thaigov_v2_20210105_moj_opdc_citizen_portal.txt": (None, dt.date(2021, 1, 5), "th"),
    "thaigov_v2_20211226_opdc_eservice.txt": (None, dt.date(2021, 12, 26), "th"),
    "thaigov_v2_20230927_ceo_governor_opdc.txt": (None, dt.date(2023, 9, 27), "th"),
    "thaigov_v2_20250908_en_anutin_pm.txt": (
        "Anutin Charnvirakul appointed as 32nd Prime Minister", dt.date(2025, 9, 8), "en",
    ),
}


def check_corpus_article(article, raw: bytes) -> None:
    text = raw.decode("utf-8-sig")
    urls = re.findall(r"ที่มา\s*:\s*(https?://\S+)", text)
    assert article.title and not article.title.startswith("รัฐบาลไทย-")
    # a photo post holds only its headline: kept, marked (issue 12)
    assert article.paragraphs or article.marks == [MARK_HEADLINE_ONLY]
    assert all(p.strip() for p in article.paragraphs)
    assert article.date is not None
    assert urls and article.source_url == urls[-1]
    title_key = squash(article.title)
    for para in article.paragraphs:
        assert not re.match(r"ที่มา\s*[:：]|ที่มา\s.{1,80}$", para), para[:80]
        assert not is_chrome(para), para[:80]
        assert squash(para) != title_key, para[:80]
        assert para not in ("พิมพ์", "Your browser does not support the audio element.")


@pytest.mark.parametrize("filename", sorted(SAMPLES))
def test_thaigov_samples(filename):
    path = need_corpus("thaigov-samples", filename)
    raw = path.read_bytes()
    article = one(raw, str(path))
    title, date, language = SAMPLES[filename]
    check_corpus_article(article, raw)
    if title:
        assert article.title == title
    assert article.date == date and article.date_source == DATE_FROM_PAGE
    assert article.language == language
    assert article.category == "ข่าวทำเนียบรัฐบาล"  # the section in the v1 <title>


def test_thaigov_sample_details():
    path = need_corpus("thaigov-samples", "thaigov_v1raw_20170223_pm_sisaket.txt")
    article = one(path.read_bytes(), str(path))
    # the view counter (1,075) and the teaser repeated by the first paragraph are gone
    assert not any(p.strip() == "1,075" for p in article.paragraphs)
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี มีกำหนดการ")
    wfh = need_corpus("thaigov-samples", "thaigov_v1_20200326_ocsc_opdc_wfh.txt")
    article = one(wfh.read_bytes(), str(wfh))
    assert article.credits == ["กลุ่มประชาสัมพันธ์และเผยแพร่ สำนักโฆษก"]
    assert article.paragraphs[0].startswith("วันนี้ (26 มี.ค. 63) เวลา 15.00 น.")


SAMPLE_SIZE = 2000


@pytest.mark.slow
def test_thaigov_v2_sample_of_2000():
    """Every 31st file of the 63,242 in the corpus archive (2,000 in all)."""
    tar = need_corpus("thaigov-v2-all.tar.xz")
    sources = []
    seen = 0
    with tarfile.open(tar, "r|xz") as tf:
        for member in tf:
            if not (member.isfile() and member.name.endswith(".txt")):
                continue
            seen += 1
            if seen % 31:
                continue
            sources.append(Source(member.name, tf.extractfile(member).read(), str(tar)))
            if len(sources) == SAMPLE_SIZE:
                break
    assert len(sources) == SAMPLE_SIZE
    refused = []
    start = time.perf_counter()
    results = []
    for source in sources:
        try:
            results.append((source, extract(source)))
        except IngestError as exc:
            refused.append((source.name, str(exc)))
    elapsed = time.perf_counter() - start
    for source, articles in results:
        assert len(articles) == 1
        check_corpus_article(articles[0], source.data)
    # Pages with nothing at all (empty captures) are refused with that reason; photo
    # posts with only their headline are kept, marked. Both are rare.
    assert all(reason.startswith("no article text found") for _, reason in refused), refused
    assert len(refused) <= SAMPLE_SIZE // 100
    print(f"\n{SAMPLE_SIZE} corpus files in {elapsed:.2f} s ({SAMPLE_SIZE / elapsed:.0f}/s), {len(refused)} refused")


def test_photo_album_and_related_news_are_dropped():
    text = (
        "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-รมว.กห. ร่วมประชุมรัฐมนตรีกลาโหมอาเซียน\n\n\n"
        "วันพุธที่ 15 พฤศจิกายน 2566\n"
        "รมว.กห. ร่วมประชุมรัฐมนตรีกลาโหมอาเซียน\n"
        "รัฐมนตรีว่าการกระทรวงกลาโหมเข้าร่วมการประชุมรัฐมนตรีกลาโหมอาเซียน ณ กรุงจาการ์ตา\n"
        "ติดตามข่าวสารอย่างใกล้ชิดได้ที่นี่\n"
        "อัลบั้มภาพ\nprev\nnext\nข่าวที่เกี่ยวข้อง\n"
        "ชาดา นำประชุมอนุขับเคลื่อนปราบผู้มีอิทธิพล\n"
        "พ่อเมืองขอนแก่น ขานรับนโยบาย มท.1\n\n"
        "ที่มา : https://www.thaigov.go.th/news/contents/details/74765\n"
    )
    article = one(text.encode("utf-8"))
    assert article.paragraphs == [
        "รัฐมนตรีว่าการกระทรวงกลาโหมเข้าร่วมการประชุมรัฐมนตรีกลาโหมอาเซียน ณ กรุงจาการ์ตา",
        "ติดตามข่าวสารอย่างใกล้ชิดได้ที่นี่",
    ]


def test_table_rows_with_bars_and_copyright_news_are_kept():
    row = "สินเชื่อบ้านสำหรับข้าราชการ อัตราดอกเบี้ยคงที่ปีแรก ร้อยละ 2.5 ต่อปี | สินเชื่ออเนกประสงค์ อัตราดอกเบี้ยร้อยละ 6 | ผ่อนได้นานสูงสุด 30 ปี"
    news = "กรมทรัพย์สินทางปัญญาเตือนเรื่อง copyright ของงานดนตรี"
    text = f"หัวข้อข่าวทดสอบตาราง\n\nวันพุธที่ 27 กันยายน 2566\n{row}\n{news}\nหน้าหลัก | ติดต่อ | ผังเว็บไซต์\n"
    article = one(text.encode("utf-8"))
    assert article.paragraphs == [row, news]


def test_chrome_lines_of_a_copied_page():
    text = (
        "ข้ามไปยังเนื้อหาหลัก\nA A A\nหน้าแรก > ข่าวประชาสัมพันธ์\n"
        "ข่าวประชาสัมพันธ์\n\nก.พ.ร. จัดประชุมเครือข่าย\n\n"
        "เข้าชม 1,234 ครั้ง\nShare แชร์ พิมพ์หน้านี้\n"
        "เมื่อวันที่ 4 มีนาคม 2567 สำนักงาน ก.พ.ร. จัดการประชุมเครือข่ายพัฒนาระบบราชการ เพื่อแลกเปลี่ยนความรู้ด้านการพัฒนาองค์การ\n"
        "Tweet Facebook Line\n"
        "Copyright © 2024 สำนักงาน ก.พ.ร. All rights reserved.\n"
    )
    article = one(text.encode("utf-8"))
    assert article.title == "ก.พ.ร. จัดประชุมเครือข่าย"
    assert article.category == "ข่าวประชาสัมพันธ์"
    assert article.paragraphs == [
        "เมื่อวันที่ 4 มีนาคม 2567 สำนักงาน ก.พ.ร. จัดการประชุมเครือข่ายพัฒนาระบบราชการ เพื่อแลกเปลี่ยนความรู้ด้านการพัฒนาองค์การ"
    ]

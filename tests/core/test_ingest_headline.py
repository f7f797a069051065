"""Headline, date and body found by weighing evidence (issue 12): one test per failure
pattern the issue names, and the real pages of corpus/pages against their truth.json."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from reader.core.ingest import IngestError, Source, extract
from reader.core.ingest.textpage import slug_title
from reader.core.model import DATE_FROM_PAGE, MARK_HEADLINE_ONLY, MARK_TRUNCATED, MARK_UNTITLED
from tests.conftest import need_corpus

BODY = (
    "เมื่อวันที่ 20 กรกฎาคม 2565 สำนักงาน ก.พ.ร. จัดการประชุมคณะอนุกรรมการพัฒนาระบบราชการ "
    "เพื่อพิจารณาแนวทางการยกระดับการให้บริการประชาชนผ่านระบบดิจิทัล ณ ห้องประชุม ก.พ.ร. ชั้น 5"
)
SECOND = "ที่ประชุมได้พิจารณาเรื่องสำคัญหลายเรื่อง และมอบหมายให้หน่วยงานที่เกี่ยวข้องดำเนินการต่อไป"


def one(text: str, name: str = "page.txt"):
    [article] = extract(Source(name, text.encode("utf-8"), name))
    return article


def test_wordpress_section_name_above_the_headline():
    """opdc.go.th (WordPress): section name, headline, short date, view counter."""
    headline = "การประชุมคณะอนุกรรมการพัฒนาระบบราชการ ครั้งที่ 3/2565"
    text = f"ข่าวสาร ก.พ.ร.\n\n{headline}\n\n22 ก.ค. 2565\n0\n{headline}\n\n{BODY}\n\n{SECOND}"
    article = one(text)
    assert article.title == headline
    assert article.category == "ข่าวสาร ก.พ.ร."
    assert article.date == dt.date(2022, 7, 22) and article.date_source == DATE_FROM_PAGE
    assert article.paragraphs == [BODY, SECOND]


def test_regional_office_name_then_date_then_headline_three_times():
    headline = "สปข.3 จัดประชุมเครือข่ายสื่อมวลชนภาคเหนือ ร่วมขับเคลื่อนการพัฒนาระบบราชการ"
    body = ("สำนักประชาสัมพันธ์เขต 3 จัดประชุมเครือข่ายสื่อมวลชนภาคเหนือ เพื่อร่วมขับเคลื่อนการพัฒนา"
            "ระบบราชการและการสื่อสารข้อมูลข่าวสารของภาครัฐสู่ประชาชนในพื้นที่อย่างทั่วถึง")
    text = (f"สำนักประชาสัมพันธ์เขต 3 เชียงใหม่\n\nวันที่ 15 มีนาคม 2567\n\n"
            f"{headline}\n{headline}\n\n{headline}\n\n{body}\n")
    article = one(text)
    assert article.title == headline
    assert article.date == dt.date(2024, 3, 15)
    assert article.paragraphs == [body]


def test_english_agency_accessibility_widget_and_agency_name():
    headline = "OPDC Hosts Workshop on Open Government Data for Provincial Offices"
    body = ("On 5 June 2024, the Office of the Public Sector Development Commission held a workshop "
            "on open government data for provincial offices in Bangkok.")
    text = (f"Accessibility Tools\n\nOffice of the Public Sector Development Commission\n\n"
            f"Search\nClose this search box.\n\n{headline}\n\nPublished\n\n5 June 2024\n\n{body}\n")
    article = one(text)
    assert article.title == headline
    assert article.date == dt.date(2024, 6, 5)
    assert article.paragraphs == [body]
    assert article.language == "en"


def test_first_line_in_slug_form_names_the_headline():
    headline = "ผู้ว่าฯ หนองบัวลำภู ประชาสัมพันธ์ผ่านรายการ ผู้ว่าพบประชาชน ครั้งที่ ๓"
    slug = headline.replace(" ", "-")
    # the body's first line is shorter and stands alone: without the slug it would win
    text = f"{slug}\n\nภาพข่าว\n\n{headline}\n\nวันที่ ๑๒ กุมภาพันธ์ ๒๕๖๔\n\n{BODY}"
    article = one(text)
    assert article.title == headline
    assert article.paragraphs == [BODY]
    # only the slug names the headline: the slug is the title, the text is the body
    lead = "ผู้ว่าราชการจังหวัดร่วมรายการวิทยุ"
    article = one(f"{slug}\n\n{lead}\n\n{BODY}")
    assert article.title == headline
    assert article.paragraphs == [lead, BODY]


def test_slug_forms():
    assert slug_title("ประชุม-ครั้งที่-๑-๒๕๖๒") == "ประชุม ครั้งที่ ๑ ๒๕๖๒"
    assert slug_title("https://example.go.th/news/%E0%B8%81%E0%B8%82-abc-def.html") == "กข abc def"
    assert slug_title("สำนักงาน ก.พ.ร. - ข่าว - วันนี้") == ""  # spaces: a headline, not a slug
    assert slug_title("2551-2555-2560") == ""  # no letters


def test_wrapped_headline_is_joined():
    body = ("เมื่อวันที่ 7 กรกฎาคม 2549 ผู้สื่อข่าวได้เข้าพบเลขาธิการ ก.พ.ร. เพื่อสัมภาษณ์เรื่องการพัฒนา"
            "ระบบราชการ ซึ่งเลขาธิการ ก.พ.ร. ย้ำว่างานต้องเดินหน้าต่อไปไม่ว่าสถานการณ์จะเป็นอย่างไร")
    text = f"เลขาธิการ ก.พ.ร. ย้ำ\n\nการพัฒนาระบบราชการต้องเดินหน้าต่อ\n\n\n{body}\n\n{SECOND}"
    article = one(text)
    assert article.title == "เลขาธิการ ก.พ.ร. ย้ำ การพัฒนาระบบราชการต้องเดินหน้าต่อ"
    assert article.paragraphs == [body, SECOND]


def test_section_label_above_headline_is_not_joined():
    text = f"ข่าวเด่น\n\n\nสำนักงาน ก.พ.ร. จัดประชุมเครือข่าย\n\n{BODY}"
    article = one(text)
    assert article.title == "สำนักงาน ก.พ.ร. จัดประชุมเครือข่าย"
    assert article.category == "ข่าวเด่น"


def test_repeated_headline_is_removed_once():
    headline = "รัฐมนตรีว่าการกระทรวงการต่างประเทศ ต้อนรับคณะกรรมาธิการการต่างประเทศ"
    text = f"{headline}\n\n{headline}\n\nวันที่นำเข้าข้อมูล 22 ต.ค. 2567\n\n| 3,372 view\n{BODY}\n\n{SECOND}"
    article = one(text)
    assert article.title == headline
    assert article.date == dt.date(2024, 10, 22)
    assert article.paragraphs == [BODY, SECOND]  # the copy goes, once, with the counter


def test_copy_with_the_section_name_after_it():
    headline = "รัฐมนตรีว่าการกระทรวงการต่างประเทศหารือกับเอกอัครราชทูตไทยในกลุ่มประเทศเพื่อนบ้าน"
    text = f"ข่าวเด่น : {headline} ศูนย์ข่าว กต.\n\nข่าวเด่น : {headline}\n\n{BODY}"
    article = one(text)
    assert article.title == headline and article.category == "ข่าวเด่น"
    assert article.paragraphs == [BODY]


def test_headline_only_posting_is_kept_with_its_pictures():
    html = (
        "<html><head><title>ภาพกิจกรรมวันข้าราชการพลเรือน</title></head><body>"
        "<article><h1>ภาพกิจกรรมวันข้าราชการพลเรือน ประจำปี 2566</h1>"
        "<p>1 เมษายน 2566</p>"
        '<img src="/img/a.jpg"><img src="/img/b.jpg"></article></body></html>'
    )
    [article] = extract(Source("p.html", html.encode(), "p.html", url="https://www.opdc.go.th/p/1"))
    assert article.title == "ภาพกิจกรรมวันข้าราชการพลเรือน ประจำปี 2566"
    assert article.paragraphs == [] and article.marks == [MARK_HEADLINE_ONLY]
    assert article.images == ["https://www.opdc.go.th/img/a.jpg", "https://www.opdc.go.th/img/b.jpg"]
    text_page = one("ภาพข่าว ก.พ.ร. ร่วมงานวันข้าราชการพลเรือน\n\n1 เมษายน 2566\n")
    assert text_page.marks == [MARK_HEADLINE_ONLY] and text_page.date == dt.date(2023, 4, 1)


def test_debris_is_still_refused():
    with pytest.raises(IngestError, match="no article text"):
        one("! A\n")


def test_text_starting_mid_story_is_untitled():
    para = ("โดยรองนายกรัฐมนตรีเน้นย้ำให้ทุกคณะมุ่งเน้นการคิดสิ่งใหม่ให้กับระบบราชการ นำระบบดิจิทัลหรือ"
            "นวัตกรรมใหม่ ๆ เข้ามาใช้ในการปรับปรุงพัฒนาประสิทธิภาพการให้บริการประชาชน ให้ง่ายขึ้น "
            "รวดเร็วขึ้น และมีค่าใช้จ่ายถูกลง เพื่อให้ประชาชนมีชีวิตที่ดีขึ้นและได้รับบริการที่ทั่วถึงมากยิ่งขึ้น")
    article = one(f"{para}\n{SECOND}\n")
    assert MARK_UNTITLED in article.marks
    assert article.paragraphs == [para, SECOND]  # nothing of the text is lost to the title
    assert article.title.endswith("…")


def test_split_date_and_counter_lines():
    headline = "การประชุมเจ้าหน้าที่อาวุโสว่าด้วยความร่วมมืออาเซียน ด้านกิจการราชการพลเรือน ครั้งที่ 20"
    text = f"01\nพฤษภาคม\n2562\n\n{headline}\n\n01\nพฤษภาคม\n2562\n\n{headline}\n\n1,265\n\n{BODY}"
    article = one(text)
    assert article.title == headline
    assert article.date == dt.date(2019, 5, 1)
    assert article.paragraphs == [BODY]


def test_text_news_lists_are_refused():
    items = "\n".join(
        f"The Prime Minister has ordered every governor to act on item {i} of the plan, "
        f"after officials reported progress in the provinces. ({i:02d}/11/2020)" for i in range(1, 6)
    )
    with pytest.raises(IngestError, match="list of 5 dated news items"):
        one(f"Print this page | Send this page\n\n{items}")
    pager = f"ข่าวประชาสัมพันธ์\n\nข่าวประชาสัมพันธ์ (385)\n\n1\n\n2\n\n3\n\n4\n\n{BODY}\n\n{SECOND}"
    with pytest.raises(IngestError, match="list of news items"):
        one(pager)


@pytest.mark.corpus
def test_corpus_pages_against_their_truth():
    folder = need_corpus("pages")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench" / "extract"))
    from pagescore import score_folder

    rows = score_folder(folder)
    n = len(rows)
    wrong = [(r.name, r.got_title, r.got_date, r.got_body, r.error) for r in rows
             if not (r.title_ok and r.date_ok and r.body_ok)]
    assert sum(r.title_ok for r in rows) >= 0.97 * n, wrong
    assert sum(r.date_ok for r in rows) == n, wrong
    assert sum(r.body_ok for r in rows) >= 0.95 * n, wrong
    assert all(r.title_ok for r in rows if r.kind == "list"), wrong


@pytest.mark.parametrize(("ending", "cut"), [
    ("ส่งเสริมการบริหารราชการแบบมีส่วนร่วมและแ", True),  # a leading vowel with nothing after
    ("ได้รับรางวัลเลิศรัฐ จำนวน 5 ผลงาน ได้แก่", True),  # announces a list that is missing
    ("โดยนายสุวิทย์ได้กล่าวไว้ว่า “เมื่อโลกเปลี่ยน", True),  # a quotation never closed
    ("ผู้แทนกระทรวงและหน่วยงานที่เกี่ยวข้องเข้าร่วมการประชุมดังกล่าว", False),
    ("The committee will meet again next month to review the plan.", False),
    ("The Thai government is deeply concerned about the safety of Thai nationals in the", True),
    ("กลุ่มสื่อสารฯ / จัดทำ", False),  # a short credit line says nothing
])
def test_pages_cut_off_mid_text_are_marked(ending, cut):
    body = "เมื่อวันที่ 1 มีนาคม 2567 สำนักงาน ก.พ.ร. จัดการประชุมคณะอนุกรรมการพัฒนาระบบราชการ ณ ห้องประชุม ก.พ.ร."
    article = one(f"หัวข้อข่าวทดสอบการตัดข้อความ\n\n{body}\n\n{ending}")
    assert (MARK_TRUNCATED in article.marks) is cut
    assert ending in article.paragraphs + article.credits  # kept, whatever its end

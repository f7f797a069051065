"""Saved HTML pages: real pages from ../shared/corpus/html and small synthetic ones."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.core.ingest import IngestError, Source, extract
from reader.core.model import DATE_FROM_BODY, DATE_FROM_PAGE
from tests.conftest import need_corpus


def one(data: bytes, name: str = "page.html", url: str | None = None):
    articles = extract(Source(name, data, name, url=url))
    assert len(articles) == 1
    return articles[0]


def corpus_page(name: str) -> bytes:
    return need_corpus("html", name).read_bytes()


def no_mojibake(text: str) -> None:
    assert "\ufffd" not in text
    assert not any("\u00c0" <= ch <= "\u00ff" for ch in text), "Latin-1 letters: mojibake"


# ---------------------------------------------------------------- real pages


def test_prachatai_article():
    article = one(corpus_page("prachatai_2019-01_80642_article.html"))
    assert article.kind == "html"
    assert article.title == "ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย"
    assert article.source_url == "https://prachatai.com/journal/2019/01/80642"
    assert article.date == dt.date(2019, 1, 21) and article.time == "13:49"
    assert article.date_source == DATE_FROM_PAGE
    assert article.category == "ข่าว"
    assert article.language == "th"
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("21 ม.ค.2561 เวลาประมาณ 12.00 น.")
    assert article.paragraphs[-1].startswith("สุรชัย (78 ปี) ภูชนะ (54 ปี) กาสะลอง (47 ปี)")
    body = article.body
    for chrome in ("ลงโฆษณากับประชาไท", "เรื่องที่เกี่ยวข้อง", "Printer-friendly", "ThisAble", "PromptPay"):
        assert chrome not in body
    assert article.images == ["https://farm8.staticflickr.com/7890/46097871864_6f2f471e68_k_d.jpg"]


def test_gasthai_tis620_article():
    article = one(corpus_page("gasthai.com_2006-12-21_ngv-article_tis620.html"))
    no_mojibake(article.title + article.body)
    assert article.title == "ตัวอย่างรถติดตั้ง NGV ระบบดูด (Fix Mixer)"
    assert article.date == dt.date(2006, 12, 21) and article.date_source == DATE_FROM_PAGE
    # the story is a picture and a "click here" link: the link's target is kept
    assert article.paragraphs == ["คลิ๊กที่นี่ครับ (http://www.gasthai.com/article/viewdata.asp?id=166)"]
    assert article.images == ["picture/2112254912225.jpg"]  # the banner ad is not a story image
    assert "LOGIN" not in article.body and "Copy Right" not in article.body


def test_ttblogs_post_is_thai_despite_lang_en():
    article = one(corpus_page("ttblogs.com_thai-blog-article_2020.html"))
    assert article.language == "th"
    assert article.title == "ผู้ผลิต และจำหน่ายโซ่อุตสาหกรรมทุกประเภท ทุกชนิด"
    assert article.source_url.startswith("http://auto-door16814.ttblogs.com/2028064/")
    assert article.paragraphs[0].startswith("โซ่พลาสติก นิยมใช้ในการกั้นเขต")
    body = article.body
    for chrome in ("Report this page", "Sign In", "Your Name", "Unique visitors", "Powered by"):
        assert chrome not in body
    assert article.title not in article.paragraphs


def test_opdc_home_page_is_a_list():
    with pytest.raises(IngestError, match=r"list of 15 headlines"):
        extract(Source("opdc.html", corpus_page("opdc.go.th_homepage_2018-03.html"), "x"))


@pytest.mark.parametrize(
    "name",
    [
        "smoi.moi.go.th_2019-08_procurement-news-list_cp874.html",
        "smoi.moi.go.th_2019-08_procurement-news-list-v2_cp874.html",
    ],
)
def test_smoi_lists_are_not_articles(name):
    with pytest.raises(IngestError, match=r"list of \d+ headlines, not an article"):
        extract(Source(name, corpus_page(name), "x"))


def test_prd_redirect_stub():
    with pytest.raises(IngestError, match=r"only redirects to main\.php\?filename=index_2015"):
        extract(Source("prd.html", corpus_page("prd.go.th_homepage-redirect_2018.html"), "x"))


def test_redirect_target_is_resolved_against_the_page_url():
    page = b'<html><head><meta http-equiv="refresh" content="0; url=/th/news/1"></head><body></body></html>'
    with pytest.raises(IngestError, match=r"redirects to https://www\.prd\.go\.th/th/news/1"):
        extract(Source("u", page, "u", url="https://www.prd.go.th/index.php"))


# ---------------------------------------------------------------- synthetic pages

GENERIC = """<!DOCTYPE html>
<html lang="th"><head>
<meta charset="utf-8">
<title>ก.พ.ร. จัดประชุมเครือข่ายพัฒนาระบบราชการ | สำนักงาน ก.พ.ร.</title>
<meta property="article:published_time" content="2024-03-05T10:30:00+07:00">
<link rel="canonical" href="https://www.opdc.go.th/content/news/1234">
</head><body>
<a class="skip-link" href="#main">ข้ามไปยังเนื้อหา</a>
<header><div class="logo">สำนักงาน ก.พ.ร.</div>
<nav><ul><li><a href="/">หน้าหลัก</a></li><li><a href="/about">เกี่ยวกับเรา</a></li></ul></nav></header>
<div class="fontsize-tools">A A A</div>
<main id="main">
<div class="breadcrumb"><a href="/">หน้าแรก</a> &gt; ข่าวประชาสัมพันธ์</div>
<h1>ก.พ.ร. จัดประชุมเครือข่ายพัฒนาระบบราชการ</h1>
<div class="meta">เข้าชม 1,234 ครั้ง</div>
<div class="share"><a href="#">แชร์</a> <a href="#">พิมพ์</a></div>
<div class="news-body">
<p>เมื่อวันที่ 4 มีนาคม 2567 สำนักงาน ก.พ.ร. จัดการประชุมเครือข่ายพัฒนาระบบราชการ ณ ห้องประชุม
ชั้น 5 เพื่อแลกเปลี่ยนความรู้ด้านการพัฒนาองค์การ และการให้บริการประชาชนผ่านระบบดิจิทัล</p>
<p>ที่ประชุมได้หารือแนวทางการยกระดับการบริการภาครัฐ&nbsp;&nbsp;ให้สะดวก รวดเร็ว และโปร่งใส
โดยมีผู้แทนจากส่วนราชการกว่า 100 หน่วยงานเข้าร่วม</p>
<p><img src="../images/meeting.jpg" alt=""><img src="/img/icons/pdf.png" width="16"></p>
<p>ทั้งนี้ สำนักงาน ก.พ.ร. จะสรุปผลการประชุมเพื่อเสนอคณะกรรมการต่อไป</p>
<p>กลุ่มสื่อสารองค์การ / ข่าว</p>
</div>
<div class="tags">แท็ก: ประชุม, เครือข่าย</div>
</main>
<aside><h3>ข่าวล่าสุด</h3><ul><li><a href="/n/1">ข่าวอื่นที่ไม่เกี่ยวข้องกับบทความนี้เลยแม้แต่น้อย</a></li></ul></aside>
<footer>สงวนลิขสิทธิ์ © 2567 สำนักงาน ก.พ.ร. 59/1 ถนนพิษณุโลก โทร. 02 356 9999</footer>
<script>var x = "ข้อความในสคริปต์";</script>
</body></html>
"""


def test_generic_article_without_chrome():
    article = one(GENERIC.encode("utf-8"))
    assert article.title == "ก.พ.ร. จัดประชุมเครือข่ายพัฒนาระบบราชการ"
    assert article.source_url == "https://www.opdc.go.th/content/news/1234"
    assert article.date == dt.date(2024, 3, 5) and article.time == "10:30"
    assert article.date_source == DATE_FROM_PAGE
    assert article.paragraphs == [
        "เมื่อวันที่ 4 มีนาคม 2567 สำนักงาน ก.พ.ร. จัดการประชุมเครือข่ายพัฒนาระบบราชการ ณ ห้องประชุม "
        "ชั้น 5 เพื่อแลกเปลี่ยนความรู้ด้านการพัฒนาองค์การ และการให้บริการประชาชนผ่านระบบดิจิทัล",
        "ที่ประชุมได้หารือแนวทางการยกระดับการบริการภาครัฐ ให้สะดวก รวดเร็ว และโปร่งใส "
        "โดยมีผู้แทนจากส่วนราชการกว่า 100 หน่วยงานเข้าร่วม",
        "ทั้งนี้ สำนักงาน ก.พ.ร. จะสรุปผลการประชุมเพื่อเสนอคณะกรรมการต่อไป",
    ]
    assert article.credits == ["กลุ่มสื่อสารองค์การ / ข่าว"]
    assert article.images == ["https://www.opdc.go.th/content/images/meeting.jpg"]
    assert article.language == "th"


def test_generic_page_without_meta_date_uses_the_text():
    page = GENERIC.replace('<meta property="article:published_time" content="2024-03-05T10:30:00+07:00">', "")
    article = one(page.encode("utf-8"))
    assert article.date == dt.date(2024, 3, 4) and article.date_source == DATE_FROM_BODY
    dated = page.replace('<div class="meta">', '<div class="meta">วันพุธที่ 6 มีนาคม 2567</div><div>')
    article = one(dated.encode("utf-8"))
    assert article.date == dt.date(2024, 3, 6) and article.date_source == DATE_FROM_PAGE


def test_saved_from_comment_gives_the_url_and_base():
    page = "<!-- saved from url=(0040)https://www.thaigov.go.th/news/detail/9 -->\n" + GENERIC.replace(
        '<link rel="canonical" href="https://www.opdc.go.th/content/news/1234">', ""
    )
    article = one(page.encode("utf-8"))
    assert article.source_url == "https://www.thaigov.go.th/news/detail/9"
    assert article.images == ["https://www.thaigov.go.th/news/images/meeting.jpg"]


def test_title_without_site_suffix():
    page = GENERIC.replace("<h1>ก.พ.ร. จัดประชุมเครือข่ายพัฒนาระบบราชการ</h1>", "")
    article = one(page.encode("utf-8"))
    assert article.title == "ก.พ.ร. จัดประชุมเครือข่ายพัฒนาระบบราชการ"


def test_windows_874_page_declared_tis620():
    page = GENERIC.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=tis-620">')
    page = page.replace("©", "(c)").replace("ทั้งนี้", "ทั้งนี้ “สรุป” –")  # 0x93 0x94 0x96: windows-874 only
    data = page.encode("cp874")
    assert b"\x93" in data
    article = one(data)
    no_mojibake(article.title + article.body)
    assert article.paragraphs[2].startswith("ทั้งนี้ “สรุป” – สำนักงาน")


def test_undeclared_windows_874_page_is_detected():
    page = GENERIC.replace('<meta charset="utf-8">', "").replace("©", "(c)")
    article = one(page.encode("cp874"))
    no_mojibake(article.title + article.body)
    assert article.title == "ก.พ.ร. จัดประชุมเครือข่ายพัฒนาระบบราชการ"


def test_english_page():
    page = """<html><head><title>OPDC signs agreement with the World Bank - OPDC</title></head><body>
    <nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact</a></nav>
    <article><h1>OPDC signs agreement with the World Bank</h1>
    <p>Posted on 12 June 2024</p>
    <p>The Office of the Public Sector Development Commission signed an agreement with the World Bank
    on public service delivery, covering training and the exchange of good practice in the region.</p>
    <p>Share this</p></article></body></html>"""
    article = one(page.encode("utf-8"))
    assert article.language == "en"
    assert article.title == "OPDC signs agreement with the World Bank"
    assert article.date == dt.date(2024, 6, 12) and article.date_source == DATE_FROM_PAGE
    assert len(article.paragraphs) == 1


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>ว่าง</title></head><body></body></html>",
        "<html><body><nav><a href='/'>หน้าหลัก</a></nav><footer>สงวนลิขสิทธิ์</footer></body></html>",
        "<html><body><script>document.write('x')</script></body></html>",
    ],
)
def test_html_without_an_article(page):
    with pytest.raises(IngestError, match="no article"):
        extract(Source("p.html", page.encode("utf-8"), "x"))


def test_generic_list_page():
    items = "".join(
        f'<li><a href="/news/{i}">ข่าวประชาสัมพันธ์ลำดับที่ {i} ของสำนักงาน เรื่องการพัฒนาระบบราชการ</a> 1 ม.ค. 67</li>'
        for i in range(12)
    )
    page = f"<html><head><title>ข่าวทั้งหมด</title></head><body><ul>{items}</ul></body></html>"
    with pytest.raises(IngestError, match="list of 12 headlines"):
        extract(Source("list.html", page.encode("utf-8"), "x"))


def seed_as_opdc_html(seed_bytes: bytes) -> str:
    """The seed page as the old opdc.go.th table layout would serve it: the <title> is
    only the site's name, the section is an <h1>, the headline a styled <span>."""
    lines = seed_bytes.decode("utf-8").split("\n")
    paragraphs = [lines[i - 1] for i in (12, 14, 18, 20, 22, 25, 27)] + [lines[28] + "<br>" + lines[29]]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>สำนักงานคณะกรรมการพัฒนาระบบราชการ</title></head><body>
<table width="100%"><tr><td><img src="images/logo.gif" alt="Logo of OPDC"> ก.พ.ร.</td>
<td><a href="faq.php">FAQ</a> | <a href="#">ภาษาไทย</a> | <a href="en/">English</a> | <a href="m/">Mobile</a> | <a href="help.php">Help</a></td></tr>
<tr><td colspan="2"><a href="index.php">หน้าหลัก</a> | <a href="contact.php">ติดต่อ</a> | <a href="sitemap.php">ผังเว็บไซต์</a></td></tr></table>
<table width="100%"><tr><td width="200" valign="top"><ul>
<li><a href="about.php">เกี่ยวกับ</a></li><li><a href="law.php">กฏหมายและระเบียบ</a></li><li><a href="kc.php">ศูนย์ความรู้</a></li></ul></td>
<td valign="top"><div class="share"><a href="#">Share</a> <a href="#">แชร์</a> <a href="javascript:print()">พิมพ์หน้านี้</a></div>
<h1 style="font-size:25px">ข่าวเด่น</h1>
<span style="font-size:18px; font-weight:bold">{lines[8]}</span>
<div class="detail">{body}</div>
<p>กลุ่มสื่อสารฯ สลธ. / ข่าว &amp; ภาพ<br>วสุนธรา (สลธ.) / รายงาน<br>กลุ่มสื่อสารฯ / จัดทำ</p>
<p><img src="pictures/tab/file_1377.jpg"></p>
</td></tr></table>
<table width="100%"><tr><td><a href="link.php">ลิงค์</a> | <a href="net.php">สมาชิกเครือข่าย</a> | <a href="_rss.php">RSS feed</a></td></tr>
<tr><td>สงวนลิขสิทธิ์โดยสำนักงานคณะกรรมการพัฒนาระบบราชการ<br>59/1 ถนนพิษณุโลก แขวงดุสิต เขตดุสิต กรุงเทพฯ 10300 โทร. 02 356 9999 e-mail: administrator@opdc.go.th</td></tr></table>
</body></html>"""


def test_opdc_article_page_as_html_matches_the_text_copy(seed_bytes):
    from tests.core.test_ingest_text import SEED_CREDITS, SEED_TITLE, check_seed

    page = seed_as_opdc_html(seed_bytes)
    article = one(page.encode("utf-8"), url="http://www4.opdc.go.th/index.php?tab_view&id=1")
    assert article.title == SEED_TITLE
    assert article.category == "ข่าวเด่น"
    assert article.credits == SEED_CREDITS
    assert article.images == ["http://www4.opdc.go.th/pictures/tab/file_1377.jpg"]
    assert article.source_url == "http://www4.opdc.go.th/index.php?tab_view&id=1"
    article.kind, article.source_url = "text", None  # the rest is exactly the text copy's
    check_seed(article)


@pytest.mark.parametrize(
    "markup, date, time",
    [
        ('<meta name="dc.date" content="2022-11-05">', dt.date(2022, 11, 5), None),
        ('<meta itemprop="datePublished" content="2021-01-05T09:15:00Z">', dt.date(2021, 1, 5), "09:15"),
        ('<time datetime="2020-03-26T15:00:00+07:00">26 มี.ค. 63</time>', dt.date(2020, 3, 26), "15:00"),
        ('<span class="news-date">วันที่ 27 กันยายน 2566</span>', dt.date(2023, 9, 27), None),
    ],
)
def test_dates_from_page_markup(markup, date, time):
    page = GENERIC.replace('<meta property="article:published_time" content="2024-03-05T10:30:00+07:00">', "")
    page = page.replace("<h1>", markup + "<h1>") if "<meta" not in markup else page.replace("</head>", markup + "</head>")
    article = one(page.encode("utf-8"))
    assert (article.date, article.time, article.date_source) == (date, time, DATE_FROM_PAGE)


def test_truncated_html_gives_what_was_saved():
    data = corpus_page("prachatai_2019-01_80642_article.html")
    cut = data[: data.index("ขณะที่ นาย ว.".encode())]
    article = one(cut)
    assert article.title == "ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย"
    assert len(article.paragraphs) == 3


def test_site_name_is_taken_off_og_title():
    page = GENERIC.replace(
        "</head>",
        '<meta property="og:title" content="ก.พ.ร. จัดประชุมเครือข่ายพัฒนาระบบราชการ | สำนักงาน ก.พ.ร.">'
        '<meta property="og:site_name" content="สำนักงาน ก.พ.ร."></head>',
    )
    assert one(page.encode("utf-8")).title == "ก.พ.ร. จัดประชุมเครือข่ายพัฒนาระบบราชการ"


def mhtml_of(page: str, charset: str, url: str) -> bytes:
    import quopri

    body = quopri.encodestring(page.encode("cp874" if charset == "windows-874" else charset)).decode("ascii")
    return (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {url}\r\n"
        "Subject: =?utf-8?Q?x?=\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc----"\r\n\r\n\r\n'
        "------MultipartBoundary--abc----\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        f"Content-Location: {url}\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{body}\r\n"
        "------MultipartBoundary--abc----\r\n"
        "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-Location: https://www.opdc.go.th/images/meeting.jpg\r\n\r\niVBORw0KGgo=\r\n"
        "------MultipartBoundary--abc------\r\n"
    ).encode("ascii")


@pytest.mark.parametrize("charset", ["utf-8", "windows-874"])
def test_single_file_page_mhtml(charset):
    page = GENERIC.replace('<link rel="canonical" href="https://www.opdc.go.th/content/news/1234">', "")
    page = page.replace('<meta charset="utf-8">', "").replace("©", "(c)")
    data = mhtml_of(page, charset, "https://www.opdc.go.th/content/news/77")
    article = one(data, "page.mhtml")
    assert article.title == "ก.พ.ร. จัดประชุมเครือข่ายพัฒนาระบบราชการ"
    assert article.source_url == "https://www.opdc.go.th/content/news/77"
    assert len(article.paragraphs) == 3
    no_mojibake(article.body)


def test_mhtml_without_a_page():
    data = (
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
        "Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n"
    ).encode("ascii")
    with pytest.raises(IngestError, match="no HTML page inside"):
        extract(Source("x.mhtml", data, "x"))


def test_one_walk_selectors_find_what_soupsieve_finds():
    """htmlselect.first_matches (one walk, for speed) against soupsieve's select_one, on
    the real pages and generated ones: the same element for every selector the reader uses."""
    import random

    from reader.core.ingest.detect import decode
    from reader.core.ingest.htmldom import parse
    from reader.core.ingest.htmlmeta import _DATE_ELEMENTS, _DATE_SELECTORS
    from reader.core.ingest.htmlpage import _CONTENT, CONTENT_SELECTORS
    from reader.core.ingest.htmlselect import first_matches
    from tests.reliability import fuzzgen

    pages = [decode(d)[0] for n, d in fuzzgen.seed_files() if n.endswith(".html")]
    pages += [
        '<p class="field-item">no</p><div class="field-name-body"><div><p class="x field-item">yes</p></div></div>',
        '<template><div itemprop="articleBody">hidden</div></template><time datetime="2020-01-02">t</time>',
        '<div class="Entry-content">case</div><span class=" news-date  post-date ">d</span><i property="content:encoded">',
    ]
    chooser = fuzzgen.Chooser(random.Random(3))
    pages += [fuzzgen.html_page(chooser) for _ in range(300)]
    for page in pages:
        soup = parse(page)
        for root in (soup, soup.body or soup):
            for selectors, compiled in ((CONTENT_SELECTORS, _CONTENT), (_DATE_SELECTORS, _DATE_ELEMENTS)):
                for selector, found in zip(selectors, first_matches(root, compiled), strict=True):
                    assert found is root.select_one(selector), (selector, page[:200])

"""RSS/Atom feeds: real TIS-620 / windows-874 feeds and small synthetic ones."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.core.ingest import IngestError, Source, extract
from reader.core.model import DATE_FROM_FEED
from tests.conftest import need_corpus

FEEDS = {
    "tis620_opentle.org.xml": 25,
    "tis620_pharmacy.kku.ac.th.analyse1.xml": 9,
    "tis620_pharmacy.kku.ac.th.centerlab.xml": 10,
    "tis620_pharmacy.kku.ac.th.healthinfo-ne.xml": 20,
    "tis620_trickspot.boxchart.com.xml": 10,
}


def feed(data: bytes, name: str = "feed.xml"):
    return extract(Source(name, data, name))


def assert_clean_thai(text: str) -> None:
    assert "\ufffd" not in text
    assert not any("\u00c0" <= ch <= "\u00ff" for ch in text), "Latin-1 letters: mojibake"
    assert not any("\u0080" <= ch <= "\u009f" for ch in text), "C1 controls: wrong code page"


@pytest.mark.parametrize("name", sorted(FEEDS))
def test_real_feeds(name):
    articles = feed(need_corpus("feeds", name).read_bytes(), name)
    assert len(articles) == FEEDS[name]
    for article in articles:
        assert article.kind == "feed"
        assert article.title and article.paragraphs
        assert article.source_url and article.source_url.startswith("http://")
        assert_clean_thai(article.title + article.body + article.category)
    assert any(a.language == "th" for a in articles)


@pytest.mark.parametrize(
    "name, byte",
    [("tis620_pharmacy.kku.ac.th.centerlab.xml", b"\x95"), ("tis620_pharmacy.kku.ac.th.healthinfo-ne.xml", b"\x93")],
)
def test_feeds_labelled_tis620_but_really_windows_874(name, byte):
    data = need_corpus("feeds", name).read_bytes()
    assert byte in data and b'encoding="tis-620"' in data
    articles = feed(data, name)
    text = "".join(a.title + a.body for a in articles)
    assert_clean_thai(text)
    # windows-874 punctuation read as what it is
    assert any(ch in text for ch in "•“”–")


def test_healthinfo_item_details():
    articles = feed(need_corpus("feeds", "tis620_pharmacy.kku.ac.th.healthinfo-ne.xml").read_bytes())
    first = articles[0]
    assert first.title == "ผลศึกษาแหล่งแพร่ “แคดเมียม” 2 เหมืองสังกะสีผู้ต้องสงสัย"
    assert first.source_url == "http://pharmacy.kku.ac.th/healthinfo-ne/index.php?p=405"
    assert first.date == dt.date(2004, 11, 7) and first.date_source == DATE_FROM_FEED
    assert first.category == "ข่าวสุขภาพ ชุดที่ 5"
    assert len(articles[1].paragraphs) >= 2  # plain-text descriptions keep their lines


def test_thai_pub_date_is_read():
    articles = feed(need_corpus("feeds", "tis620_trickspot.boxchart.com.xml").read_bytes())
    # <pubDate>พฤ., 03 พ.ย. 2005 21:24:18 +0000</pubDate>: beyond feedparser, read by thaidate
    assert articles[0].date == dt.date(2005, 11, 3)
    assert articles[0].date_source == DATE_FROM_FEED


RSS = """<?xml version="1.0" encoding="{enc}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>ข่าว ก.พ.ร.</title><link>https://www.opdc.go.th/</link>
<item><title>ก.พ.ร. เปิดระบบบริการใหม่</title>
<link>https://www.opdc.go.th/content/news/1</link>
<pubDate>Tue, 05 Mar 2024 10:30:00 +0700</pubDate>
<category>ข่าวเด่น</category>
<description>สรุปสั้น</description>
<content:encoded><![CDATA[<p>สำนักงาน ก.พ.ร. เปิดระบบบริการประชาชนแบบใหม่ผ่านระบบออนไลน์</p>
<p><img src="/images/1.jpg">ประชาชนใช้งานได้ตั้งแต่วันนี้เป็นต้นไป</p>]]></content:encoded>
</item>
<item><title>OPDC news in English</title>
<link>https://www.opdc.go.th/content/news/2</link>
<description>&lt;p&gt;The office opened a new online service for citizens today.&lt;/p&gt;</description>
</item>
</channel></rss>
"""


def test_synthetic_rss_utf8_and_windows_874():
    for enc, codec in (("utf-8", "utf-8"), ("TIS-620", "cp874"), ("windows-874", "cp874")):
        articles = feed(RSS.format(enc=enc).encode(codec))
        assert [a.title for a in articles] == ["ก.พ.ร. เปิดระบบบริการใหม่", "OPDC news in English"]
        first, second = articles
        assert first.paragraphs == [
            "สำนักงาน ก.พ.ร. เปิดระบบบริการประชาชนแบบใหม่ผ่านระบบออนไลน์",
            "ประชาชนใช้งานได้ตั้งแต่วันนี้เป็นต้นไป",
        ]
        assert first.images == ["https://www.opdc.go.th/images/1.jpg"]
        assert first.date == dt.date(2024, 3, 5) and first.category == "ข่าวเด่น"
        assert first.source_url == "https://www.opdc.go.th/content/news/1"
        assert second.language == "en" and second.paragraphs == [
            "The office opened a new online service for citizens today."
        ]
        assert second.date is None


def test_atom_feed():
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>ข่าว</title>
<entry><title>ข่าวทดสอบ Atom</title><link href="https://example.go.th/a/1"/>
<updated>2023-09-27T08:00:00Z</updated>
<content type="html">&lt;p&gt;เนื้อหาข่าวทดสอบของฟีดแบบ Atom ที่มีย่อหน้าเดียว&lt;/p&gt;</content></entry>
</feed>"""
    (article,) = feed(atom.encode("utf-8"))
    assert article.title == "ข่าวทดสอบ Atom"
    assert article.source_url == "https://example.go.th/a/1"
    assert article.date == dt.date(2023, 9, 27)
    assert article.paragraphs == ["เนื้อหาข่าวทดสอบของฟีดแบบ Atom ที่มีย่อหน้าเดียว"]


def test_truncated_feed_keeps_the_items_read():
    data = RSS.format(enc="utf-8").encode("utf-8")
    cut = data[: data.index(b"<item><title>OPDC news")] + b"<item><title>OPDC ne"
    articles = feed(cut)
    assert articles and articles[0].title == "ก.พ.ร. เปิดระบบบริการใหม่"


def test_real_feed_truncated_in_half():
    data = need_corpus("feeds", "tis620_pharmacy.kku.ac.th.healthinfo-ne.xml").read_bytes()
    articles = feed(data[: len(data) // 2])
    assert 1 <= len(articles) < 20
    assert_clean_thai("".join(a.title + a.body for a in articles))


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
        b'<?xml version="1.0"?><rss version="2.0"><chan',
        b"<rss><channel><item></item></channel></rss>",
    ],
)
def test_broken_or_empty_feeds(data):
    with pytest.raises(IngestError, match="feed"):
        feed(data)


def test_control_characters_in_a_feed():
    data = RSS.format(enc="utf-8").replace("สรุปสั้น", "สรุป\x01\x02สั้น").replace(
        "ประชาชนใช้งาน", "ประชาชน\x0bใช้งาน"
    ).encode("utf-8")
    articles = feed(data)
    assert len(articles) == 2
    assert "\x0b" not in articles[0].body


def test_relative_links_and_guid_links():
    rss = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>ข่าวลิงก์สัมพัทธ์</title><link>/news/7</link><description>เนื้อหาข่าวลิงก์สัมพัทธ์</description></item>
<item><title>ข่าวที่มีแต่ guid</title><guid>https://www.opdc.go.th/news/8</guid><description>เนื้อหาข่าวที่มีแต่ guid</description></item>
</channel></rss>"""
    articles = extract(Source("u", rss.encode("utf-8"), "u", url="https://www.opdc.go.th/rss.php"))
    assert [a.source_url for a in articles] == ["https://www.opdc.go.th/news/7", "https://www.opdc.go.th/news/8"]


def test_wordpress_feed_footers_are_dropped():
    rss = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>ข่าวจากเวิร์ดเพรส</title><link>https://example.go.th/p/1</link>
<description><![CDATA[<p>เนื้อหาข่าวจากเวิร์ดเพรสย่อหน้าแรก</p><p><a href="https://example.go.th/p/1">อ่านต่อ »</a></p>
<p>The post ข่าวจากเวิร์ดเพรส appeared first on ตัวอย่าง.</p>]]></description></item>
</channel></rss>"""
    (article,) = extract(Source("f.xml", rss.encode("utf-8"), "f"))
    assert article.paragraphs == ["เนื้อหาข่าวจากเวิร์ดเพรสย่อหน้าแรก"]


def test_items_html_read_from_lxml_as_from_beautifulsoup():
    """htmlfrag.fragment (lxml, for speed) against htmldom.fragment (BeautifulSoup over the
    same parser): the same paragraphs and pictures for real items and generated HTML."""
    import random

    import feedparser

    from reader.core.ingest import htmldom, htmlfrag
    from reader.core.ingest.detect import decode
    from reader.core.ingest.feed import _item_html, _utf8_bytes
    from reader.core.thaitext import strip_xml_invalid
    from tests.reliability import fuzzgen

    fragments = [
        "<p>a<br>b</p><pre>x\n<!-- c -->y<b>z</b>\n w</pre><img src='/i.png'>",
        "<?php echo 1 ?>text<p>p</p>", "<pre><script>s</script>t<img src=a.jpg></pre>",
        "a<embed src=x>after<p>p</p>", "<object>o<p>in</p></object>tail", "<template><pre>t</pre></template>",
        "<ul><li>one<li>two</ul><h2>h</h2>text", "<meta charset='tis-620'><p>x</p>", "<div>" * 400 + "deep",
    ]
    for name, data in fuzzgen.seed_files():
        if name.endswith(".xml"):
            parsed = feedparser.parse(_utf8_bytes(decode(data)[0]))
            fragments += [_item_html(entry) for entry in parsed.entries]
    chooser = fuzzgen.Chooser(random.Random(5))
    # feed text never holds control characters or lone surrogates (taken out before feedparser)
    fragments += [strip_xml_invalid(fuzzgen.element(chooser, chooser.integer(0, 4))) for _ in range(300)]
    for html in fragments:
        assert htmlfrag.fragment(html, "https://x.go.th/a/") == htmldom.fragment(html, "https://x.go.th/a/"), html[:200]


def test_item_pictures_resolved_as_feedparser_did_and_never_scripts():
    rss = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>ข่าวภาพสัมพัทธ์</title><link>https://www.opdc.go.th/news/1</link>
<description>&lt;p&gt;เนื้อหาข่าวที่มีภาพแบบที่อยู่สัมพัทธ์&lt;/p&gt;&lt;img src="photos/a.jpg"&gt;&lt;img src=" /b.png "&gt;
&lt;img src="javascript:x()"&gt;&lt;img src="file:///etc/passwd"&gt;</description></item>
<item xml:base="https://cdn.example.go.th/base/"><title>ข่าว xml base</title><link>https://www.opdc.go.th/news/2</link>
<description>&lt;p&gt;เนื้อหาข่าวที่มี xml:base กำหนดไว้&lt;/p&gt;&lt;img src="d.jpg"&gt;</description></item>
</channel></rss>""".encode()
    first, second = extract(Source("f.xml", rss, "f"))
    assert first.images == ["https://www.opdc.go.th/news/photos/a.jpg", "https://www.opdc.go.th/b.png"]
    assert second.images == ["https://cdn.example.go.th/base/d.jpg"]
    first, _ = extract(Source("f.xml", rss, "f", url="https://www.opdc.go.th/feeds/all.xml"))
    assert first.images == ["https://www.opdc.go.th/feeds/photos/a.jpg", "https://www.opdc.go.th/b.png"]

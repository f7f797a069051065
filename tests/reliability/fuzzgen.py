"""Hostile inputs built from the grammar of real ones: corpus-format text pages, HTML
pages, RSS/Atom feeds, Thai date phrases and search queries, then mutated, truncated and
re-encoded. Shared by tests/reliability/test_fuzz.py (hypothesis draws every choice, so
failures shrink) and bench/fuzz/run.py (a seeded random.Random, for speed).

Every generator takes a `Chooser`: the one place where a choice is made.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.conftest import SEED, corpus_dir

THAI_WORDS = [
    "สำนักงาน", "ก.พ.ร.", "รัฐบาล", "นายกรัฐมนตรี", "ประชุม", "คณะรัฐมนตรี", "การพัฒนา", "ระบบราชการ",
    "ประชาชน", "บริการ", "ดิจิทัล", "ข่าว", "ทำเนียบรัฐบาล", "จังหวัด", "โครงการ", "เปิดเผย", "ว่า",
    "ที่", "และ", "ของ", "ให้", "ได้", "ใน", "การ", "ผู้ว่าราชการ", "ภาครัฐ", "๒๕๖๖", "ๆ", "ฯ",
    "น้ำ", "กำ", "\u0e4d\u0e32", "\u200b", "\u00a0", "\ufeff", "เ", "\u0e31\u0e34", "\u0e48\u0e48\u0e48",
]
LATIN_WORDS = ["OPDC", "news", "Government", "PM", "the", "of", "e-Service", "B.E.", "2013", "ASEAN"]
MONTHS = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
    "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
    "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.", "January", "Sept", "Aug.", "ธันวา", "กุมภา",
]
ERAS = ["", "พ.ศ. ", "พ.ศ.", "ค.ศ. ", "B.E. ", "AD ", "พศ "]
TAGS = [
    "p", "div", "span", "a", "b", "i", "em", "strong", "table", "tr", "td", "ul", "li", "h1", "h2",
    "script", "style", "iframe", "img", "br", "hr", "article", "section", "nav", "footer", "header",
    "form", "input", "svg", "math", "object", "embed", "noscript", "template", "font", "center", "pre",
    "blockquote", "time", "meta", "link", "title", "base", "frameset", "marquee",
]
ATTRS = [
    ('class', ["content", "news-detail", "nav", "share", "entry-content", "", "x" * 300]),
    ('id', ["main", "content", "\"><script>", ""]),
    ('href', ["javascript:alert(1)", "file:///etc/passwd", "http://127.0.0.1:1/x", "#", "//evil",
              "data:text/html,<script>alert(1)</script>", "https://www.opdc.go.th/content/x", "../..//"]),
    ('src', ["http://127.0.0.1:1/i.png", "data:image/png;base64," + "A" * 200, "file:///dev/zero",
             "javascript:alert(1)", ""]),
    ('style', ["display:none", "background:url(http://127.0.0.1:1/bg.png)", "visibility:hidden", "x:"]),
    ('onload', ["alert(1)", "fetch('http://127.0.0.1:1/')"]),
    ('onerror', ["alert(1)"]),
    ('itemprop', ["articleBody", "datePublished"]),
    ('datetime', ["2021-01-05T10:00", "0000-00-00", "9999-99-99T99:99", "2564-13-45"]),
    ('content', ["2021-01-05", "text/html; charset=tis-620", "0;url=http://x/", "ข่าว"]),
    ('http-equiv', ["refresh", "Content-Type"]),
    ('charset', ["utf-8", "tis-620", "windows-874", "x-bogus", "utf-16"]),
    ('role', ["navigation", "main", "article"]),
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp874", "tis-620", "latin-1", "utf-32"]


class Chooser:
    """Choices from a seeded random.Random (the bench). Subclassed for hypothesis."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def choice(self, seq):
        return seq[self.integer(0, len(seq) - 1)]

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def chance(self, percent: int) -> bool:
        return self.integer(0, 99) < percent

    def raw(self, n: int) -> bytes:
        return self.rng.randbytes(n)

    def unicode(self, n: int) -> str:
        out = []
        for _ in range(n):
            band = self.integer(0, 5)
            if band == 0:
                out.append(chr(self.integer(0x0E00, 0x0E7F)))
            elif band == 1:
                out.append(chr(self.integer(0x20, 0x7E)))
            elif band == 2:
                out.append(chr(self.integer(0, 0x1F)))
            elif band == 3:
                out.append(chr(self.integer(0xA0, 0x2FFF)))
            elif band == 4:
                out.append(self.choice(["\ufeff", "\u200b", "\u202e", "\ud800", "\U0001f600", "\x00"]))
            else:
                out.append(chr(self.integer(0x10000, 0x10FFFF)))
        return "".join(out)


class DrawChooser(Chooser):
    """The same choices drawn through hypothesis, so a failing input shrinks."""

    def __init__(self, draw):
        import hypothesis.strategies as st

        self.draw, self.st = draw, st

    def integer(self, lo: int, hi: int) -> int:
        return self.draw(self.st.integers(lo, hi))

    def raw(self, n: int) -> bytes:
        return self.draw(self.st.binary(min_size=0, max_size=n))

    def unicode(self, n: int) -> str:
        return self.draw(self.st.text(max_size=n))


# -- pieces --------------------------------------------------------------------------------

def words(c: Chooser, n: int) -> str:
    parts = []
    for _ in range(n):
        parts.append(c.choice(THAI_WORDS) if c.chance(80) else c.choice(LATIN_WORDS))
        if c.chance(5):
            parts.append(c.unicode(c.integer(1, 6)))
    return (" " if c.chance(50) else "").join(parts)


def date_phrase(c: Chooser) -> str:
    """A Thai or English date the way pages write them, often slightly wrong."""
    day = str(c.integer(0, 40))
    year = str(c.choice([c.integer(2400, 2700), c.integer(1890, 2210), c.integer(0, 99),
                         c.integer(0, 99999)]))
    if c.chance(30):
        day = day.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        year = year.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    form = c.integer(0, 7)
    month = c.choice(MONTHS)
    if form == 0:
        text = f"{day} {month} {c.choice(ERAS)}{year}"
    elif form == 1:
        text = f"วัน{c.choice(['จันทร์', 'อังคาร', 'พุธ', ''])}ที่ {day} {month} {year}"
    elif form == 2:
        text = f"{day}/{c.integer(0, 13)}/{year}"
    elif form == 3:
        text = f"{day} – {c.integer(0, 40)} {month} {year}"
    elif form == 4:
        text = f"{month} {day}, {year}"
    elif form == 5:
        text = f"{year}-{c.integer(0, 13):02d}-{day}T{c.integer(0, 30)}:{c.integer(0, 70)}"
    elif form == 6:
        text = f"{day} {month} - {c.integer(0, 40)} {c.choice(MONTHS)} {year} เวลา {c.integer(0, 30)}.{c.integer(0, 70)} น."
    else:
        text = f"{day}{month}{year}"  # no spaces at all
    if c.chance(10):
        text = text * c.integer(2, 50)
    return text


def date_text(c: Chooser) -> str:
    parts = []
    for _ in range(c.integer(0, 6)):
        parts.append(date_phrase(c) if c.chance(60) else words(c, c.integer(0, 8)))
    if c.chance(10):
        parts.append(c.unicode(c.integer(0, 40)))
    return c.choice([" ", "\n", "", " (", ") "]).join(parts)


def text_page(c: Chooser) -> str:
    """A corpus-format page: headline, blank line, date line, body, credits, `ที่มา : url`."""
    title = words(c, c.integer(0, 12))
    lines = [title, ""]
    if c.chance(80):
        lines.append(date_phrase(c))
    if c.chance(60):
        lines.append(title)
    for _ in range(c.integer(0, 8)):
        lines.append(words(c, c.integer(0, 60)))
        if c.chance(50):
            lines.append("")
    if c.chance(40):
        lines.append(c.choice(["ข่าว: กลุ่มเผยแพร่", "-----", "ภาพ/ข่าว", "****"]))
    if c.chance(70):
        lines.append(f"ที่มา : {c.choice(['https://www.thaigov.go.th/news/contents/details/1', '', 'x', 'javascript:alert(1)', 'http://' + 'a' * 3000])}")
    return c.choice(["\n", "\r\n", "\r"]).join(lines)


def element(c: Chooser, depth: int) -> str:
    tag = c.choice(TAGS)
    attrs = "".join(
        f' {name}="{c.choice(values)}"' for name, values in
        (c.choice(ATTRS) for _ in range(c.integer(0, 3))))
    if depth <= 0 or c.chance(30):
        inner = words(c, c.integer(0, 15))
    else:
        inner = "".join(element(c, depth - 1) if c.chance(70) else words(c, c.integer(0, 10))
                        for _ in range(c.integer(0, 4)))
    if tag == "script":
        inner = "document.write('<p>injected</p>'); fetch('http://127.0.0.1:1/');" + inner
    close = "" if c.chance(10) else f"</{tag}>"
    return f"<{tag}{attrs}>{inner}{close}"


def html_page(c: Chooser) -> str:
    head = "".join([
        "<!DOCTYPE html>" if c.chance(70) else "",
        f'<meta charset="{c.choice(["utf-8", "tis-620", "windows-874", "x-unknown"])}">' if c.chance(40) else "",
        f"<title>{words(c, c.integer(0, 8))}</title>" if c.chance(80) else "",
        f'<meta property="article:published_time" content="{date_phrase(c)}">' if c.chance(30) else "",
    ])
    body = "".join(element(c, c.integer(0, 6)) for _ in range(c.integer(0, 6)))
    if c.chance(5):
        n = c.integer(100, 3000)
        body = "<div>" * n + words(c, 5) + "</div>" * (n if c.chance(50) else 0)
    return f"<html><head>{head}</head><body>{body}</body></html>" if c.chance(90) else body


def feed(c: Chooser) -> str:
    items = []
    rss = c.chance(60)
    for _ in range(c.integer(0, 6)):
        title = words(c, c.integer(0, 8))
        link = c.choice(["https://www.opdc.go.th/content/1", "javascript:alert(1)", "", "file:///etc/passwd"])
        desc = element(c, 2) if c.chance(50) else words(c, c.integer(0, 30))
        if c.chance(70):
            desc = desc.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        else:
            desc = f"<![CDATA[{desc}]]>"
        date = c.choice(["Tue, 05 Jan 2021 10:00:00 +0700", date_phrase(c), "", "2021-01-05T10:00:00Z"])
        if rss:
            items.append(f"<item><title>{title}</title><link>{link}</link><description>{desc}</description>"
                         f"<pubDate>{date}</pubDate></item>")
        else:
            items.append(f'<entry><title>{title}</title><link href="{link}"/><content type="html">{desc}</content>'
                         f"<updated>{date}</updated></entry>")
    enc = c.choice(["UTF-8", "TIS-620", "windows-874", "bogus"])
    decl = f'<?xml version="1.0" encoding="{enc}"?>' if c.chance(80) else ""
    if rss:
        return f'{decl}<rss version="2.0"><channel><title>{words(c, 3)}</title>{"".join(items)}</channel></rss>'
    return f'{decl}<feed xmlns="http://www.w3.org/2005/Atom"><title>{words(c, 3)}</title>{"".join(items)}</feed>'


def utf8(text: str) -> bytes:
    """UTF-8, lone surrogates included (as broken files carry them)."""
    return text.encode("utf-8", "surrogatepass")


def encode(c: Chooser, text: str) -> bytes:
    enc = c.choice(ENCODINGS)
    if enc.startswith("utf-8"):
        return (b"\xef\xbb\xbf" if enc == "utf-8-sig" else b"") + utf8(text)
    return text.encode(enc, errors="surrogatepass" if enc.startswith("utf-") else "ignore")


def mutate(c: Chooser, data: bytes, rounds: int | None = None) -> bytes:
    """Byte-level damage: flips, cuts, inserts, repeats, truncation."""
    buf = bytearray(data)
    for _ in range(rounds if rounds is not None else c.integer(1, 8)):
        if not buf:
            buf.extend(c.raw(16))
            continue
        op = c.integer(0, 6)
        pos = c.integer(0, len(buf) - 1)
        if op == 0:
            buf[pos] = c.integer(0, 255)
        elif op == 1:
            del buf[pos:pos + c.integer(1, 64)]
        elif op == 2:
            buf[pos:pos] = c.raw(c.integer(1, 32))
        elif op == 3:
            chunk = bytes(buf[pos:pos + c.integer(1, 200)])
            buf[pos:pos] = chunk * c.integer(1, 20)
        elif op == 4:
            del buf[pos:]
        elif op == 5:
            buf[pos:pos] = c.choice([b"<", b"</", b"&#", b"<![CDATA[", b"\xef\xbb\xbf", b"\xff\xfe",
                                     b"\xe0\xb8", b"\r\n\r\n", b"<script>", b"]]>", b"\x00"])
        else:
            buf[pos:pos] = utf8(c.choice(["ที่มา : ", "วันที่ ", "<p>", "</div>"]))
    return bytes(buf)


def seed_files() -> list[tuple[str, bytes]]:
    """The real pages these grammars imitate: the seed page, and the shared corpus
    html/feeds/samples when present."""
    files = [(SEED.name, SEED.read_bytes())]
    for sub in ("html", "feeds", "thaigov-samples"):
        folder = corpus_dir() / sub
        if folder.is_dir():
            files += [(p.name, p.read_bytes()) for p in sorted(folder.iterdir())
                      if p.is_file() and p.name != "README.md"]
    return files


NAMES = ["page.txt", "page.html", "feed.xml", "rss.rss", "x", "2021/01/05/ข่าวทำเนียบ_12.txt",
         "2564/13/45/_1.txt", "a.htm", "atom.atom", "../../etc/passwd"]


def source_input(c: Chooser, seeds: list[tuple[str, bytes]]) -> tuple[str, str, bytes]:
    """(family, name, bytes) for one extract() call."""
    family = c.choice(["text", "html", "feed", "seed", "random", "encoded"])
    if family == "text":
        data = utf8(text_page(c))
    elif family == "html":
        data = utf8(html_page(c))
    elif family == "feed":
        data = utf8(feed(c))
    elif family == "seed":
        name, data = c.choice(seeds)
        data = mutate(c, data)
        return family, name, data
    elif family == "random":
        data = c.raw(c.integer(0, 2000))
    else:
        data = encode(c, c.choice([text_page, html_page, feed])(c))
    if c.chance(40):
        data = mutate(c, data)
    return family, c.choice(NAMES), data


def query(c: Chooser) -> str:
    """Search box input: Whoosh syntax, unbalanced, huge, Thai, wildcards, control characters."""
    parts = []
    for _ in range(c.integer(0, 8)):
        parts.append(c.choice([
            words(c, c.integer(0, 3)), "AND", "OR", "NOT", "(", ")", '"', "*", "?", "~", "^2", ":",
            "title:", "date:[", "TO", "]", "{", "}", "\\", "/", "-", "+", "ก*", "*า", "**", "[a TO",
            "date:>2020", "tag:", "id:1", "<", ">", "ๆ", "\x00", "%", "'", c.unicode(c.integer(0, 8)),
            "a" * c.integer(0, 500),
        ]))
    return c.choice([" ", ""]).join(parts)


def load_seed_dir(path: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()]


def fill_archive(archive, files: list[tuple[str, bytes]]) -> None:
    """Import the files that are articles into `archive` (the search targets' corpus);
    files the importer refuses are simply left out."""
    from reader.core.ingest import IngestError, Source, extract

    for name, data in files:
        try:
            for article in extract(Source(name=name, data=data, origin=name)):
                archive.add(article, data, name)
        except IngestError:
            pass


# ---------------------------------------------------------------- big inputs (time per MB)


def big_feed(items: int) -> bytes:
    """A well-formed RSS feed shaped like a real one (title, link, date, category and an
    escaped HTML description of two paragraphs per item), ~1.5 KB per item."""
    parts = []
    for i in range(items):
        first = (f"รัฐบาลแถลงข่าวครั้งที่ {i} เรื่องการพัฒนาระบบราชการ &lt;b&gt;ก.พ.ร.&lt;/b&gt; "
                 f"ประชาชนได้รับประโยชน์ news item number {i} ") * 4
        desc = f"&lt;p&gt;{first}&lt;/p&gt;&lt;p&gt;ย่อหน้าที่สองของข่าว {i} " * 1 + "&lt;/p&gt;"
        parts.append(f"<item><title>ข่าวที่ {i} การประชุมคณะรัฐมนตรี</title>"
                     f"<link>https://www.opdc.go.th/content/{i}</link><description>{desc}</description>"
                     f"<pubDate>Tue, 05 Jan 2021 10:00:00 +0700</pubDate><category>ข่าว</category>"
                     f"<guid>https://www.opdc.go.th/content/{i}</guid></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>OPDC</title>'
            '<link>https://www.opdc.go.th/</link>' + "".join(parts) + "</channel></rss>").encode()


def html_rich_feed(items: int) -> bytes:
    """A WordPress-style feed: each item a long post as HTML in CDATA (content:encoded),
    60 paragraphs of a link and inline tags each (~6.5 KB, ~500 tags per item)."""
    post = "".join(f'<p>ย่อหน้า {k} ของโพสต์ <a href="/tag/{k}">ลิงก์</a> <b>ตัวหนา</b> <i>เอียง</i></p>'
                   for k in range(60))
    parts = "".join(
        f"<item><title>โพสต์ที่ {i}</title><link>https://example.go.th/p/{i}</link>"
        f'<content:encoded><![CDATA[<img src="/wp-content/uploads/{i}.jpg">{post}]]></content:encoded>'
        f"<pubDate>Tue, 05 Jan 2021 10:00:00 +0700</pubDate></item>" for i in range(items))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>'
            f"{parts}</channel></rss>").encode()


def tiny_item_feed(items: int) -> bytes:
    """A feed of thousands of items of a few words each (~150 bytes per item)."""
    parts = "".join(f"<item><title>ข่าว {i}</title><link>https://x.go.th/{i}</link>"
                    f"<description>&lt;p&gt;เนื้อหา {i}&lt;/p&gt;</description></item>" for i in range(items))
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{parts}</channel></rss>'.encode()


def tag_dense_page(rows: int) -> bytes:
    """An article page of `rows` short paragraphs of six elements each (~55 bytes per
    element): 3,300 rows make a 1 MB page just under the 20,000-element limit."""
    head = "<html><head><title>ข่าว ทดสอบ หน้าใหญ่</title></head><body><div class='content'>"
    body = "".join(
        f"<div class='row'><p>ย่อหน้า {i} ข้อความของบทความ การประชุม ก.พ.ร. <a href='/x/{i}'>ลิงก์</a> "
        f"<span>เพิ่มเติม {i}</span> <b>ตัวหนา</b> <i>เอียง</i> และข้อความยาวขึ้นอีก</p></div>"
        for i in range(rows))
    return (head + body + "</div></body></html>").encode()

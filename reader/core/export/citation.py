"""Where an article came from, in words a reader can check and paste into a memo.

The citation block ends every printed or exported article: source URL, title, the
publication date in both eras, when the archive stored it, and the SHA-256 of the stored
original (so anyone can prove the copy matches the archive). The optional reference is the
APA 7 reference as Thai libraries write it for Thai items (ผู้แต่ง. (ปี พ.ศ., วัน เดือน).
ชื่อเรื่อง. สืบค้นเมื่อ ... จาก URL; Thai names and agencies not inverted) and English APA for
English ones. `apa_reference` is the one formatter: the citation block of DOCX and PDF, the
window's Copy Citation and `export --cite apa` all use it; cite.py writes the same facts as
CSL-JSON, BibTeX and RIS.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from reader.core.model import Article
from reader.core.thaidate import ce_to_be, format_date
from reader.core.thaitext import to_thai_digits

# Publishers a URL's host stands for (the agency is the author when no person is named);
# anything else is cited by its host name.
PUBLISHERS = {
    "opdc.go.th": {"th": "สำนักงาน ก.พ.ร.", "en": "Office of the Public Sector Development Commission"},
    "thaigov.go.th": {"th": "สำนักเลขาธิการนายกรัฐมนตรี", "en": "Secretariat of the Prime Minister"},
    "prd.go.th": {"th": "กรมประชาสัมพันธ์", "en": "Government Public Relations Department"},
    "mfa.go.th": {"th": "กระทรวงการต่างประเทศ", "en": "Ministry of Foreign Affairs"},
    "ocsc.go.th": {"th": "สำนักงาน ก.พ.", "en": "Office of the Civil Service Commission"},
    "mol.go.th": {"th": "กระทรวงแรงงาน", "en": "Ministry of Labour"},
    "moi.go.th": {"th": "กระทรวงมหาดไทย", "en": "Ministry of Interior"},
}

LABELS = {
    "th": {
        "heading": "ที่มาและการอ้างอิง",
        "url": "ที่มา",
        "title": "ชื่อเรื่อง",
        "published": "วันที่เผยแพร่",
        "archived": "วันที่จัดเก็บ",
        "sha256": "SHA-256 ของต้นฉบับ",
        "archive_id": "รหัสในคลัง",
        "reference": "การอ้างอิง",
        "unknown": "ไม่ระบุ",
        "version": "ฉบับที่",
        "retrieved": "สืบค้นเมื่อ",
        "from": "จาก",
        "archive_name": "คลังข่าว OPDC Reader",
        "be": "พ.ศ.",
        "ce": "ค.ศ.",
        "no_date": "ม.ป.ป.",
    },
    "en": {
        "heading": "Source and citation",
        "url": "Source",
        "title": "Title",
        "published": "Published",
        "archived": "Archived",
        "sha256": "SHA-256 of the original",
        "archive_id": "Archive ID",
        "reference": "Reference",
        "unknown": "not given",
        "version": "version",
        "retrieved": "Retrieved",
        "from": "from",
        "archive_name": "the OPDC Reader archive",
        "be": "B.E.",
        "ce": "C.E.",
        "no_date": "n.d.",
    },
}


@dataclass(frozen=True)
class CitationLine:
    label: str
    value: str
    url: str | None = None  # the value is a link to this address


@dataclass(frozen=True)
class Citation:
    heading: str
    lines: list[CitationLine] = field(default_factory=list)
    reference: str | None = None  # the memo-style reference, when asked for
    reference_label: str = ""

    def plain_text(self) -> str:
        """The block as plain lines (tests, clipboard)."""
        out = [self.heading]
        out += [f"{line.label}: {line.value}" for line in self.lines]
        if self.reference:
            out.append(f"{self.reference_label}: {self.reference}")
        return "\n".join(out)


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["th"])


def publication_date(d: dt.date | None, lang: str = "th", thai_digits: bool = False) -> str:
    """The date in both eras, e.g. "26 สิงหาคม พ.ศ. 2556 (ค.ศ. 2013)"."""
    lab = labels(lang)
    if d is None:
        return lab["unknown"]
    if lang == "en":
        text = f"{format_date(d, 'ce', 'long', 'en')} ({lab['be']} {ce_to_be(d.year)})"
    else:
        # format_date's long form ends with the year; put the era name before it.
        day_month, year = format_date(d, "be", "long", "th", thai_digits).rsplit(" ", 1)
        ce_year = to_thai_digits(str(d.year)) if thai_digits else str(d.year)
        text = f"{day_month} {lab['be']} {year} ({lab['ce']} {ce_year})"
    return text


def parse_archived_at(value: str | None) -> dt.datetime | None:
    """The archive's ISO timestamp (UTC), or None when absent or unreadable."""
    if not value:
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC)


def archived_text(value: str | None, lang: str = "th", thai_digits: bool = False) -> str:
    stamp = parse_archived_at(value)
    if stamp is None:
        return value or labels(lang)["unknown"]
    era = "ce" if lang == "en" else "be"
    return f"{format_date(stamp.date(), era, 'long', lang, thai_digits)} {stamp:%H:%M} UTC"


def publisher(url: str | None, lang: str = "th") -> str | None:
    """Who published the page, from its host; None when there is no URL."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    for domain, names in PUBLISHERS.items():
        if host == domain or host.endswith("." + domain):
            return names.get(lang, names["th"])
    return host.removeprefix("www.") or None


def _end(text: str) -> str:
    """Close a reference element with one full stop (ก.พ.ร. already ends in one)."""
    return text if text.endswith((".", "?", "!")) else text + "."


# A credit line that names the writer ("เขียนโดย ...", "... / ผู้เขียน", "By ..."); the other
# credits of government news (news and photos by a PR unit) name no author.
_WRITER = (
    re.compile(r"^(?:เขียนโดย|ผู้เขียน|เรื่องโดย|เรื่อง|By|Written by)\s*[:：]?\s*(.+?)\s*$", re.IGNORECASE),
    re.compile(r"^(.+?)\s*/\s*(?:ผู้เขียน|เขียน|เรื่อง)\s*$"),
)


@dataclass(frozen=True)
class Author:
    name: str  # as written: Thai names and agencies are never inverted
    agency: bool = False

    def apa(self, lang: str) -> str:
        """APA form: an English personal name as "Family, G.", anything else as written."""
        if self.agency or lang != "en" or _has_thai(self.name) or " " not in self.name.strip():
            return self.name
        *given, family = self.name.split()
        return f"{family}, {' '.join(g[0] + '.' for g in given)}"


def _has_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def authors(article: Article, lang: str | None = None) -> list[Author]:
    """Who wrote the article: a person the credits name as its writer, else the agency
    that published it (APA: "group author"), else nobody."""
    found = []
    for credit in article.credits:
        for pattern in _WRITER:
            m = pattern.match(credit.strip())
            if m and m.group(1).strip():
                found.append(Author(m.group(1).strip()))
                break
    if found:
        return found
    agency = publisher(article.source_url, lang or reference_lang(article))
    return [Author(agency, agency=True)] if agency else []


def reference_lang(article: Article) -> str:
    """APA as Thai libraries write it for Thai items, English APA for English ones."""
    return "en" if article.language == "en" else "th"


def _apa_authors(names: list[Author], lang: str) -> str:
    written = [a.apa(lang) for a in names]
    if len(written) == 1:
        return _end(written[0])
    joiner = " และ " if lang == "th" else ", & "
    return _end(", ".join(written[:-1]) + joiner + written[-1])


def _apa_when(d: dt.date | None, lang: str, thai_digits: bool) -> str:
    if d is None:
        return labels(lang)["no_date"]
    if lang == "en":
        return f"{d.year}, {format_date(d, 'ce', 'long', 'en').split(' ')[1]} {d.day}"
    day_month, year = format_date(d, "be", "long", "th", thai_digits).rsplit(" ", 1)
    return f"{year}, {day_month}"


def _apa_retrieved(article: Article, lang: str, thai_digits: bool) -> str:
    lab = labels(lang)
    source = article.source_url or lab["archive_name"]
    stamp = parse_archived_at(article.archived_at)
    if lang == "en":
        when = f" {format_date(stamp.date(), 'ce', 'long', 'en').split(' ')[1]} {stamp.day}, {stamp.year}," if stamp else ""
        return f"Retrieved{when} from {source}"
    if stamp is None:
        return f"สืบค้นจาก {source}"
    return f"{lab['retrieved']} {format_date(stamp.date(), 'be', 'long', 'th', thai_digits)} {lab['from']} {source}"


def apa_reference(article: Article, lang: str | None = None, thai_digits: bool = False) -> str:
    """The APA 7 reference of a web news item, e.g.
    `สำนักงาน ก.พ.ร. (2556, 26 สิงหาคม). <title>. สืบค้นเมื่อ 20 พฤศจิกายน 2569 จาก <URL>`;
    `lang` defaults to the article's own language (Thai style for Thai items)."""
    lang = lang or reference_lang(article)
    names = authors(article, lang)
    when = f"({_apa_when(article.date, lang, thai_digits)})."
    title = _end(" ".join(article.title.split()) or labels(lang)["unknown"])
    head = f"{_apa_authors(names, lang)} {when}" if names else when
    if not names:  # APA: with no author the title moves to the front
        head = f"{title} {when}"
        title = ""
    return " ".join(part for part in (head, title, _apa_retrieved(article, lang, thai_digits)) if part)


def memo_reference(article: Article, lang: str = "th", thai_digits: bool = False) -> str:
    """The reference in the citation block of printed and exported articles: APA 7 in the
    article's own language (the block's labels follow the reader's language)."""
    return apa_reference(article, None, thai_digits)


def build_citation(article: Article, lang: str = "th", thai_digits: bool = False, reference: bool = True) -> Citation:
    lab = labels(lang)
    url = article.source_url
    lines = [
        CitationLine(lab["url"], url or lab["unknown"], url),
        CitationLine(lab["title"], article.title),
        CitationLine(lab["published"], publication_date(article.date, lang, thai_digits)),
        CitationLine(lab["archived"], archived_text(article.archived_at, lang, thai_digits)),
        CitationLine(lab["sha256"], article.sha256 or lab["unknown"]),
    ]
    if article.id is not None:
        ident = str(article.id)
        if article.version is not None:
            ident += f" ({lab['version']} {article.version})"
        lines.append(CitationLine(lab["archive_id"], ident))
    return Citation(
        heading=lab["heading"],
        lines=lines,
        reference=memo_reference(article, lang, thai_digits) if reference else None,
        reference_label=lab["reference"],
    )

"""Where an article came from, in words a reader can check and paste into a memo.

The citation block ends every printed or exported article: source URL, title, the
publication date in both eras, when the archive stored it, and the SHA-256 of the stored
original (so anyone can prove the copy matches the archive). The optional reference is a
one-paragraph citation in the style Thai offices and theses use
(ผู้แต่ง. (ปี, วัน เดือน). ชื่อเรื่อง. สืบค้นเมื่อ ..., จาก URL).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from reader.core.model import Article
from reader.core.thaidate import ce_to_be, format_date
from reader.core.thaitext import to_thai_digits

# Publishers a URL's host stands for; anything else is cited by its host name.
PUBLISHERS = {
    "opdc.go.th": {"th": "สำนักงาน ก.พ.ร.", "en": "Office of the Public Sector Development Commission"},
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
    return text if text.endswith(".") else text + "."


def memo_reference(article: Article, lang: str = "th", thai_digits: bool = False) -> str:
    """A reference a person can paste into a memo or a report's bibliography."""
    lab = labels(lang)
    author = publisher(article.source_url, lang)
    if article.date is None:
        when = lab["no_date"]
    elif lang == "en":
        when = f"{article.date.year}, {format_date(article.date, 'ce', 'long', 'en').split(' ')[1]} {article.date.day}"
    else:
        day_month, year = format_date(article.date, "be", "long", "th", thai_digits).rsplit(" ", 1)
        day, month = day_month.split(" ", 1)
        when = f"{year}, {day} {month}"
    title = article.title.strip()
    if article.category:
        title += f" [{article.category}]"
    parts = [f"{_end(author)} ({when})." if author else f"({when}).", _end(title)]
    stamp = parse_archived_at(article.archived_at)
    if stamp is not None:
        era = "ce" if lang == "en" else "be"
        retrieved = f"{lab['retrieved']} {format_date(stamp.date(), era, 'long', lang, thai_digits)}"
    else:
        retrieved = lab["retrieved"]
    source = article.source_url or lab["archive_name"]
    parts.append(f"{retrieved}, {lab['from']} {source}")
    return " ".join(parts)


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

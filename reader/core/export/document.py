"""What goes on the page, in what order: the one model both back ends render.

`build_report` turns articles into a `Report` (cover, contents, one `Section` per
article with its citation). The python-docx writer (docx.py) and the Qt printer
(reader/ui/printing.py) only lay that out; neither decides content. All text is
cleaned here once, so a control character from a bad page never reaches XML or Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from reader.core.export.citation import Citation, authors, build_citation, labels
from reader.core.model import Article
from reader.core.thaidate import format_date
from reader.core.thaitext import normalize, strip_xml_invalid

# Width x height in millimetres.
PAPER_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}

# Thai official documents (ระเบียบงานสารบรรณ): TH Sarabun New 16 pt. Sarabun is its open
# redesign with the same x-height at the same size, so 16 pt reads alike in both.
OFFICIAL_FONT = "TH Sarabun New"
OFFICIAL_SIZE_PT = 16.0
PRINT_SIZE_PT = 16.0  # fixed print size unless the reader asks for their screen size

REPORT_LABELS = {
    "th": {"report_title": "รายงานข่าว", "made_by": "จัดทำโดย", "date": "วันที่",
           "contents": "สารบัญ", "toc_hint": "คลิกขวาแล้วเลือก \u201cปรับปรุงเขตข้อมูล\u201d เพื่อแสดงเลขหน้า",
           "category": "หมวด", "published": "วันที่", "credits": "ผู้จัดทำข่าว",
           "articles": "จำนวนข่าว", "page": "หน้า", "printed": "พิมพ์เมื่อ",
           "highlights": "ข้อความที่เน้นและบันทึก"},
    "en": {"report_title": "News report", "made_by": "Prepared by", "date": "Date",
           "contents": "Contents", "toc_hint": "Right-click and choose \u201cUpdate Field\u201d to show page numbers",
           "category": "Category", "published": "Date", "credits": "Credits",
           "articles": "Articles", "page": "Page", "printed": "Printed",
           "highlights": "Highlights and notes"},
}


class ExportError(Exception):
    """A clear, human message about why an export could not be made."""


@dataclass(frozen=True)
class Margins:
    # Thai official documents: 3 cm left (binding), 2 cm right, 2.5 cm top, 2 cm bottom.
    top_mm: float = 25.0
    bottom_mm: float = 20.0
    left_mm: float = 30.0
    right_mm: float = 20.0


@dataclass
class ExportOptions:
    font: str = OFFICIAL_FONT
    size_pt: float = OFFICIAL_SIZE_PT
    paper: str = "A4"  # or "Letter"
    margins: Margins = field(default_factory=Margins)
    citation: bool = True  # the source/citation block after each article
    memo_reference: bool = True  # a pasteable reference inside that block
    lang: str = "th"  # language of labels and dates ("th" or "en")
    era: str = ""  # "be" or "ce" for the dates shown; "" = the language's usual (th: BE, en: CE)
    thai_digits: bool = False  # Thai digits in dates and page numbers
    cover: bool | None = None  # None: a cover page only for several articles
    toc: bool | None = None  # None: a table of contents only for several articles
    header: bool = True  # running title, page n / N and print date on every page
    first_line_indent_mm: float = 25.0  # Thai paragraphs start indented

    def date_era(self) -> str:
        """The era of the dates written: the one chosen, else Thai BE and English CE."""
        if self.era in ("be", "ce"):
            return self.era
        return "ce" if self.lang == "en" else "be"

    def paper_mm(self) -> tuple[float, float]:
        try:
            return PAPER_MM[self.paper]
        except KeyError:
            raise ExportError(f"unknown paper size {self.paper!r}; use one of {', '.join(PAPER_MM)}") from None

    def check(self) -> ExportOptions:
        """Raise ExportError on settings no document can be made with."""
        self.paper_mm()
        if not self.font.strip():
            raise ExportError("the font name is empty")
        if not 6 <= self.size_pt <= 72:
            raise ExportError(f"text size {self.size_pt} pt is outside 6-72 pt")
        width, height = self.paper_mm()
        m = self.margins
        if m.left_mm + m.right_mm >= width - 20 or m.top_mm + m.bottom_mm >= height - 20:
            raise ExportError("the margins leave no room for text")
        return self


def print_options(font: str, reader_size_pt: float | None = None, **changes: Any) -> ExportOptions:
    """Options for printing: a fixed readable size unless the reader's own size is asked for."""
    size = reader_size_pt if reader_size_pt else PRINT_SIZE_PT
    return replace(ExportOptions(font=font, size_pt=size), **changes)


@dataclass(frozen=True)
class Passage:
    """A passage the reader highlighted: offsets into the article's body (its paragraphs
    joined by a blank line, as the archive stores highlights) and their note."""

    start: int
    end: int
    note: str = ""


@dataclass(frozen=True)
class Mark:
    """The part of highlight `number` that falls in one paragraph (offsets in it)."""

    start: int
    end: int
    number: int


@dataclass
class ReportMeta:
    title: str = ""  # empty: "รายงานข่าว" / "News report", or the article's title alone
    author: str = ""  # who made the report
    subject: str = ""
    keywords: list[str] = field(default_factory=list)  # tags
    created: dt.datetime | None = None  # None: now (UTC); tests fix it for golden files
    # Highlighted passages by article id: marked in the text and listed with their notes.
    highlights: dict[int, list[Passage]] = field(default_factory=dict)


@dataclass
class Section:
    """One article as it goes on the page."""

    title: str
    meta: list[tuple[str, str]]  # (label, value): date, category
    paragraphs: list[str]
    credits: list[str]
    citation: Citation | None
    source_url: str | None
    bookmark: str  # a stable anchor name for the contents and links
    marks: list[list[Mark]] = field(default_factory=list)  # per paragraph, in order
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (number, passage, note)


@dataclass
class Report:
    title: str
    author: str
    subject: str
    keywords: list[str]
    created: dt.datetime
    date_text: str  # the creation date in the chosen era (BE by default), for the cover
    cover: bool
    toc: bool
    sections: list[Section]
    options: ExportOptions
    labels: dict[str, str]
    # Dublin Core in the document's properties: who wrote what is in it, its address,
    # its language and the SHA-256 of each original (so a copy can be checked).
    creator: str = ""
    identifier: str = ""
    description: str = ""
    content_language: str = ""

    @property
    def language_tag(self) -> str:
        return "en-US" if self.options.lang == "en" else "th-TH"


def clean(text: str | None) -> str:
    """Text safe for XML and Qt: normalised, no control characters, no lone surrogates."""
    if not text:
        return ""
    return strip_xml_invalid(normalize(text))


def _clean_lines(lines: list[str]) -> list[str]:
    return [c for c in (clean(line).strip() for line in lines) if c]


def _clean_citation(cit: Citation) -> Citation:
    lines = [replace(line, label=clean(line.label), value=clean(line.value), url=clean(line.url) or None)
             for line in cit.lines]
    ref = clean(cit.reference) if cit.reference else None
    return replace(cit, lines=lines, reference=ref)


def _marked_paragraphs(paragraphs: list[str], passages: list[Passage]
                       ) -> tuple[list[str], list[list[Mark]], list[tuple[int, str, str]]]:
    """Paragraphs cleaned for the page, each with the highlighted parts that fall in it,
    and the numbered list of passages with their notes. Offsets are into the body as
    stored; cleaning strips a paragraph's ends and drops empty ones, so they are moved
    with it, and a part that no longer matches its text is left unmarked."""
    kept: list[str] = []
    marks: list[list[Mark]] = []
    notes: list[tuple[int, str, str]] = []
    ordered = sorted(passages, key=lambda p: (p.start, p.end))
    body = "\n\n".join(paragraphs)
    for number, passage in enumerate(ordered, 1):
        quote = clean(body[passage.start:passage.end]).strip()
        if quote:
            notes.append((number, " ".join(quote.split()), clean(passage.note).strip()))
    pos = 0
    for raw in paragraphs:
        text = clean(raw)
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        here: list[Mark] = []
        for number, passage in enumerate(ordered, 1):
            start, end = max(passage.start, pos) - pos, min(passage.end, pos + len(raw)) - pos
            if start < end and text == raw:
                start, end = max(0, start - lead), min(len(stripped), end - lead)
                if start < end:
                    here.append(Mark(start, end, number))
        pos += len(raw) + 2
        if stripped:
            kept.append(stripped)
            marks.append(here)
    return kept, marks, notes


def split_marked(text: str, marks: list[Mark]) -> list[tuple[str, int | None]]:
    """A paragraph cut into runs: (text, number of the highlight it is in, or None).
    Overlapping highlights: the later one starts where the earlier one ends."""
    runs: list[tuple[str, int | None]] = []
    at = 0
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        start = max(mark.start, at)
        if start >= mark.end:
            continue
        if start > at:
            runs.append((text[at:start], None))
        runs.append((text[start:mark.end], mark.number))
        at = mark.end
    if at < len(text):
        runs.append((text[at:], None))
    return runs


def build_section(article: Article, options: ExportOptions, number: int,
                  passages: list[Passage] | None = None) -> Section:
    lab = REPORT_LABELS.get(options.lang, REPORT_LABELS["th"])
    meta = []
    if article.date:
        era = options.date_era()
        meta.append((lab["published"], format_date(article.date, era, "long", options.lang, options.thai_digits)))
    if article.category:
        meta.append((lab["category"], clean(article.category)))
    citation = None
    if options.citation:
        citation = _clean_citation(build_citation(article, options.lang, options.thai_digits, options.memo_reference))
    title = clean(article.title).strip() or labels(options.lang)["unknown"]
    paragraphs, marks, notes = _marked_paragraphs(list(article.paragraphs), passages or [])
    return Section(
        title=title,
        meta=meta,
        paragraphs=paragraphs,
        credits=_clean_lines(article.credits),
        citation=citation,
        source_url=clean(article.source_url) or None,
        bookmark=f"article_{number}",
        marks=marks,
        notes=notes,
    )


def _dublin_core(articles: list[Article]) -> dict[str, str]:
    """creator, identifier, description and language for the document's core properties
    (Word keeps each to 255 characters; a report's hashes are in its citation blocks)."""
    names: list[str] = []
    for article in articles:
        names += [a.name for a in authors(article) if a.name not in names]
    if len(articles) == 1:
        description = f"SHA-256 {articles[0].sha256}" if articles[0].sha256 else ""
    else:
        hashes = [a.sha256 for a in articles if a.sha256]
        description = f"{len(articles)} articles; SHA-256 of each original: " + ", ".join(hashes)
    languages = {a.language for a in articles}
    return {
        "creator": _fit(clean("; ".join(names))),
        "identifier": _fit(clean(articles[0].source_url)) if len(articles) == 1 and articles[0].source_url else "",
        "description": _fit(clean(description)),
        "content_language": (LANGUAGE_TAGS.get(languages.pop(), "") if len(languages) == 1 else ""),
    }


def _fit(text: str, limit: int = 255) -> str:
    """At most `limit` characters (a document property's limit), cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;") + "…"


LANGUAGE_TAGS = {"th": "th-TH", "en": "en-US"}


def build_report(articles: list[Article], meta: ReportMeta | None = None, options: ExportOptions | None = None) -> Report:
    """The document for one article or a report of many, in page order."""
    options = (options or ExportOptions()).check()
    if options.lang != "th" and options.thai_digits:
        options = replace(options, thai_digits=False)  # Thai digits belong to Thai text only
    meta = meta or ReportMeta()
    if not articles:
        raise ExportError("nothing to export: no articles were given")
    lab = REPORT_LABELS.get(options.lang, REPORT_LABELS["th"])
    many = len(articles) > 1
    created = meta.created or dt.datetime.now(dt.UTC).replace(microsecond=0)
    era = options.date_era()
    sections = [build_section(a, options, i, meta.highlights.get(a.id or 0))
                for i, a in enumerate(articles, 1)]
    title = clean(meta.title).strip() or (lab["report_title"] if many else sections[0].title)
    # Keywords are the tags given; without any, the articles' categories still help search.
    keywords = _clean_lines(meta.keywords) or _clean_lines([a.category for a in articles])
    keywords = list(dict.fromkeys(keywords))  # once each, first-seen order
    return Report(
        **_dublin_core(articles),
        title=title,
        author=clean(meta.author).strip(),
        subject=clean(meta.subject).strip() or (sections[0].title if not many else title),
        keywords=keywords,
        created=created,
        date_text=format_date(created.date(), era, "long", options.lang, options.thai_digits),
        cover=many if options.cover is None else options.cover,
        toc=many if options.toc is None else options.toc,
        sections=sections,
        options=options,
        labels=lab,
    )

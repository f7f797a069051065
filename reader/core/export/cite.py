"""Citations for reference managers and other archives: CSL-JSON (Zotero, Pandoc,
citeproc), BibTeX (biblatex `@online`), RIS (EndNote, Mendeley) and APA text, plus Dublin
Core (oai_dc XML, what OAI-PMH repositories exchange).

Every format is written from the same facts as the APA reference in citation.py: the same
authors (a named writer, else the publishing agency), dates and URL, so the citation a
reader copies from the window, the block printed under an article and a reference manager's
entry never disagree.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reader.core.export.citation import (
    _has_thai,
    apa_reference,
    authors,
    parse_archived_at,
    publisher,
    reference_lang,
)
from reader.core.export.document import ExportError
from reader.core.model import Article

FORMATS = ("apa", "csl-json", "bibtex", "ris")
ARCHIVE_NAME = "OPDC Reader"
_LANG_TAGS = {"th": "th-TH", "en": "en-US"}
_BIBLATEX_LANGS = {"th": "thai", "en": "english"}


def cite(articles: list[Article], fmt: str, thai_digits: bool = False) -> str:
    """The citations of `articles` in one of FORMATS, as the text of a file or the clipboard."""
    if fmt == "apa":
        return "\n\n".join(apa_reference(a, None, thai_digits) for a in articles) + "\n"
    if fmt == "csl-json":
        return json.dumps([csl_item(a) for a in articles], ensure_ascii=False, indent=2) + "\n"
    if fmt == "bibtex":
        return "\n".join(bibtex_entry(a) for a in articles)
    if fmt == "ris":
        return "".join(ris_record(a) for a in articles)
    raise ExportError(f"unknown citation format {fmt!r}; use one of {', '.join(FORMATS)}")


def cite_key(article: Article) -> str:
    return f"opdc{article.id}" if article.id is not None else "opdc"


def _note(article: Article) -> str:
    parts = []
    if article.sha256:
        parts.append(f"SHA-256 {article.sha256}")
    if article.id is not None:
        parts.append(f"{ARCHIVE_NAME} {article.id}" + (f" v{article.version}" if article.version else ""))
    return "; ".join(parts)


def csl_item(article: Article) -> dict[str, Any]:
    """One CSL-JSON item (CSL 1.0.2 input data; tests validate it against the schema)."""
    item: dict[str, Any] = {"id": cite_key(article), "type": "webpage", "title": " ".join(article.title.split())}
    names = authors(article)
    if names:
        item["author"] = [{"literal": a.name} for a in names]
    if article.date:
        item["issued"] = {"date-parts": [[article.date.year, article.date.month, article.date.day]]}
    stamp = parse_archived_at(article.archived_at)
    if stamp:
        item["accessed"] = {"date-parts": [[stamp.year, stamp.month, stamp.day]]}
    if article.source_url:
        item["URL"] = article.source_url
    agency = publisher(article.source_url, reference_lang(article))
    if agency:
        item["publisher"] = agency
    if article.category:
        item["genre"] = article.category
    item["language"] = _LANG_TAGS.get(article.language, article.language or "th")
    item["archive"] = ARCHIVE_NAME
    if article.id is not None:
        item["archive_location"] = str(article.id)
    note = _note(article)
    if note:
        item["note"] = note
    return item


def _bib(text: str) -> str:
    """A BibTeX field value: LaTeX's special characters escaped, braces balanced."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append(r"\textbackslash{}")
        elif ch in "{}&%$#_":
            out.append("\\" + ch)
        elif ch in "~^":
            out.append(rf"\text{'asciitilde' if ch == '~' else 'asciicircum'}{{}}")
        else:
            out.append(ch)
    return "".join(out)


def bibtex_entry(article: Article) -> str:
    """A biblatex @online entry; an agency or a Thai name is braced so no style splits
    or inverts it."""
    fields: list[tuple[str, str]] = []
    names = authors(article)
    if names:
        fields.append(("author", " and ".join(
            "{" + _bib(a.name) + "}" if a.agency or _has_thai(a.name) else _bib(a.name) for a in names)))
    fields.append(("title", _bib(" ".join(article.title.split()))))
    if article.date:
        fields += [("date", article.date.isoformat()), ("year", str(article.date.year))]
    if article.source_url:
        fields.append(("url", article.source_url.replace("{", "%7B").replace("}", "%7D")))
    stamp = parse_archived_at(article.archived_at)
    if stamp:
        fields.append(("urldate", stamp.date().isoformat()))
    agency = publisher(article.source_url, reference_lang(article))
    if agency:
        fields.append(("organization", _bib(agency)))
    fields.append(("langid", _BIBLATEX_LANGS.get(article.language, "thai")))
    note = _note(article)
    if note:
        fields.append(("note", _bib(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{cite_key(article)},\n{body}\n}}\n"


def ris_record(article: Article) -> str:
    """A RIS record (type ELEC, a web page); one tag per line, `ER` closes it."""
    lines = [("TY", "ELEC"), ("ID", cite_key(article))]
    lines += [("AU", a.name) for a in authors(article)]
    lines.append(("TI", " ".join(article.title.split())))
    if article.date:
        lines += [("PY", str(article.date.year)), ("DA", article.date.strftime("%Y/%m/%d"))]
    if article.source_url:
        lines.append(("UR", article.source_url))
    stamp = parse_archived_at(article.archived_at)
    if stamp:
        lines.append(("Y2", stamp.strftime("%Y/%m/%d")))
    agency = publisher(article.source_url, reference_lang(article))
    if agency:
        lines.append(("PB", agency))
    lines.append(("LA", article.language or "th"))
    note = _note(article)
    if note:
        lines.append(("N1", note))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines)


OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_KIND_FORMATS = {"html": "text/html", "feed": "application/rss+xml", "text": "text/plain"}


def dublin_core(article: Article, tags: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The article as (Dublin Core element, value) pairs, in oai_dc's element order."""
    pairs = [("title", " ".join(article.title.split()))]
    pairs += [("creator", a.name) for a in authors(article)]
    pairs += [("subject", t) for t in [article.category, *tags] if t]
    if article.paragraphs:
        pairs.append(("description", " ".join(article.paragraphs[0].split())[:500]))
    if article.sha256:
        pairs.append(("description", f"SHA-256 of the archived original: {article.sha256}"))
    agency = publisher(article.source_url, reference_lang(article))
    if agency:
        pairs.append(("publisher", agency))
    if article.date:
        pairs.append(("date", article.date.isoformat()))
    pairs += [("type", "Text"), ("format", _KIND_FORMATS.get(article.kind, "text/plain"))]
    if article.source_url:
        pairs.append(("identifier", article.source_url))
    if article.sha256:
        pairs.append(("identifier", f"urn:sha256:{article.sha256}"))
    pairs.append(("language", article.language or "th"))
    return pairs


def oai_dc_xml(items: list[tuple[Article, list[str]]]) -> str:
    """oai_dc XML: one <oai_dc:dc> record, or several inside a <records> element."""
    records = []
    for article, tags in items:
        body = "".join(f"  <dc:{name}>{escape(_xml_text(value))}</dc:{name}>\n"
                       for name, value in dublin_core(article, tags))
        records.append(
            f'<oai_dc:dc xmlns:oai_dc="{OAI_DC}" xmlns:dc="{DC}" xmlns:xsi="{XSI}"'
            f' xsi:schemaLocation="{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd">\n'
            f"{body}</oai_dc:dc>\n")
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if len(records) == 1:
        return head + records[0]
    return head + "<records>\n" + "".join(records) + "</records>\n"


def _xml_text(text: str) -> str:
    """Characters XML 1.0 cannot carry (control characters, lone surrogates) left out."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ("\x20" <= ch <= "\ud7ff") or ("\ue000" <= ch <= "\ufffd")
                   or ch > "\uffff")

"""Write a `Report` as a Word document with python-docx.

Thai needs more than `font.name`/`font.size`: Word and LibreOffice pick the font and size
of Thai (a complex script) from `w:rFonts/@w:cs` and `w:szCs`, and the template's theme
font attributes override explicit names. So every style and run gets all four font slots,
`w:szCs` beside `w:sz`, `w:bCs` beside `w:b`, and the document says its complex-script
language is Thai (`w:lang w:bidi="th-TH"`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reader.core.export.document import ExportError, Mark, Report, Section, clean, split_marked
from reader.core.export.ooxml import (
    FONT_SLOTS,
    THEME_SLOTS,
    Element,
    bookmark,
    field_run,
    hyperlink,
    new_element,
    rpr_child,
    set_thai_font,
    top_rule,
    update_fields_on_open,
)

# Our paragraph and character styles (name -> how they differ from Normal).
META_STYLE = "Article Meta"
CREDITS_STYLE = "Article Credits"
CITE_HEAD_STYLE = "Citation Heading"
CITE_STYLE = "Citation"
COVER_LINE_STYLE = "Cover Line"


def _style_rpr(style: BaseStyle) -> Element:
    return style.element.get_or_add_rPr()


def _pstyle(doc: DocxDocument, name: str) -> ParagraphStyle:
    return cast(ParagraphStyle, doc.styles[name])


def _paragraph_style(doc: DocxDocument, name: str, base: str = "Normal") -> ParagraphStyle:
    styles = doc.styles
    try:
        return cast(ParagraphStyle, styles[name])
    except KeyError:
        style = cast(ParagraphStyle, styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
        style.base_style = styles[base]
        style.quick_style = True
        return style


def _setup_styles(doc: DocxDocument, report: Report) -> None:
    opt = report.options
    font, size = opt.font, opt.size_pt
    styles_el = doc.styles.element
    # Every font reference in the template: explicit names, theme attributes gone.
    for fonts in styles_el.iter(qn("w:rFonts")):
        for attr in THEME_SLOTS:
            fonts.attrib.pop(qn("w:" + attr), None)
        for attr in FONT_SLOTS:
            fonts.set(qn("w:" + attr), font)
    defaults = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_thai_font(defaults, font, size, lang="th-TH")  # Thai is the complex script, whatever the labels
    set_thai_font(_style_rpr(doc.styles["Normal"]), font, size)
    normal = _pstyle(doc, "Normal").paragraph_format
    normal.space_after = Pt(0)
    normal.line_spacing = 1.0

    black = "000000"
    for name, style_size, bold in (("Heading 1", size, True), ("Title", size * 1.5, True)):
        style = doc.styles[name]
        set_thai_font(_style_rpr(style), font, style_size, bold)
        style.font.color.rgb = None
        rpr_child(_style_rpr(style), "color").set(qn("w:val"), black)
        style.paragraph_format.space_before = Pt(size * 0.75)
        style.paragraph_format.space_after = Pt(size * 0.5)
    title_ppr = doc.styles["Title"].element.pPr
    if title_ppr is not None and title_ppr.find(qn("w:pBdr")) is not None:
        title_ppr.remove(title_ppr.find(qn("w:pBdr")))  # the template's blue rule
    _pstyle(doc, "Title").paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    toc_head = doc.styles["TOC Heading"]
    set_thai_font(_style_rpr(toc_head), font, size, True)
    rpr_child(_style_rpr(toc_head), "color").set(qn("w:val"), black)
    toc_head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    toc1 = _paragraph_style(doc, "toc 1")
    toc1.style_id = "TOC1"  # Word's own id, so Word's TOC uses this style
    text_width = Mm(opt.paper_mm()[0] - opt.margins.left_mm - opt.margins.right_mm)
    toc1.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

    meta = _paragraph_style(doc, META_STYLE)
    meta.paragraph_format.space_after = Pt(size * 0.5)
    credits = _paragraph_style(doc, CREDITS_STYLE)
    credits.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cite_head = _paragraph_style(doc, CITE_HEAD_STYLE)
    set_thai_font(_style_rpr(cite_head), font, size - 2, True)
    cite_head.paragraph_format.space_before = Pt(size)
    cite_head.paragraph_format.keep_with_next = True
    top_rule(cite_head.element.get_or_add_pPr())
    cite = _paragraph_style(doc, CITE_STYLE)
    set_thai_font(_style_rpr(cite), font, size - 2)
    cover = _paragraph_style(doc, COVER_LINE_STYLE)
    cover.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.underline = True
    rpr_child(_style_rpr(link), "color").set(qn("w:val"), "0563C1")
    for name in ("Header", "Footer"):
        set_thai_font(_style_rpr(doc.styles[name]), font, size - 2)


def _para(doc: DocxDocument, style_name: str) -> Paragraph:
    """A new paragraph in a named style. python-docx's own lookup by name scans every
    style each time (most of the export's run time); ids are looked up once per document."""
    ids = doc.__dict__.setdefault("_style_ids", {})
    if style_name not in ids:
        ids[style_name] = doc.styles[style_name].style_id
    paragraph = doc.add_paragraph()
    paragraph._p.style = ids[style_name]
    return paragraph


def _run(paragraph: Paragraph, text: str, font: str, bold: bool = False) -> Run:
    text = clean(text)
    run = paragraph.add_run()
    if "\n" in text or "\t" in text:
        run.text = text  # python-docx turns these into w:br / w:tab, char by char
    elif text:
        run._r.add_t(text)  # one w:t at once: the char-by-char path is slow for long Thai paragraphs
    set_thai_font(run._r.get_or_add_rPr(), font, bold=True if bold else None)
    return run


def _setup_page(doc: DocxDocument, report: Report) -> None:
    opt = report.options
    width, height = opt.paper_mm()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    m = opt.margins
    section.top_margin, section.bottom_margin = Mm(m.top_mm), Mm(m.bottom_mm)
    section.left_margin, section.right_margin = Mm(m.left_mm), Mm(m.right_mm)
    section.header_distance = section.footer_distance = Mm(10)
    if not opt.header:
        return
    # Page numbers at the foot; the cover (first page) has none.
    section.different_first_page_header_footer = report.cover
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = r" \* ThaiArabic" if opt.thai_digits else ""
    _run(footer, f"{report.labels['page']} ", opt.font)
    for name in ("PAGE", "NUMPAGES"):
        field_run(footer, "begin")
        field_run(footer, "instr", instr=f" {name}{fmt} ")
        field_run(footer, "separate")
        _run(footer, "1", opt.font)
        field_run(footer, "end")
        if name == "PAGE":
            _run(footer, " / ", opt.font)


def _core_properties(doc: DocxDocument, report: Report) -> None:
    props = doc.core_properties
    props.title = report.title
    props.subject = report.subject
    props.keywords = ", ".join(report.keywords)
    # dc:creator: the report's maker when one is named, else who wrote the articles (a
    # named writer, or the agency that published them).
    props.author = report.author or report.creator
    props.last_modified_by = report.author
    props.identifier = report.identifier  # the source URL of a one-article document
    props.comments = report.description or "OPDC Reader"  # dc:description: SHA-256 of each original
    props.category = ""
    props.language = report.content_language or report.language_tag
    created = report.created.replace(tzinfo=None)
    props.created = created
    props.modified = created
    props.last_printed = created
    props.revision = 1


def _cover(doc: DocxDocument, report: Report) -> None:
    font = report.options.font
    lab = report.labels
    title = _para(doc, "Title")
    title.paragraph_format.space_before = Mm(60)
    _run(title, report.title, font)
    lines = []
    if report.author:
        lines.append(f"{lab['made_by']} {report.author}")
    lines.append(f"{lab['date']} {report.date_text}")
    lines.append(f"{lab['articles']} {len(report.sections)}")
    for text in lines:
        _run(_para(doc, COVER_LINE_STYLE), text, font)


def _contents(doc: DocxDocument, report: Report) -> None:
    font = report.options.font
    head = _para(doc, "TOC Heading")
    head.paragraph_format.page_break_before = report.cover
    _run(head, report.labels["contents"], font)
    # Each title a link to its article, and its page as a PAGEREF field. (A TOC field's
    # cached result is what LibreOffice shows: it had no page numbers there; page
    # references LibreOffice works out, and Word updates them on opening: dirty.)
    for section in report.sections:
        entry = _para(doc, "toc 1")
        hyperlink(entry, "_" + section.bookmark, section.title, font, anchor=True)
        _page_ref(entry, "_" + section.bookmark, font)


def _page_ref(entry: Paragraph, name: str, font: str) -> None:
    """A tab (dot leader) and the article's page as a PAGEREF field, worked out when the
    pages are laid out ("#" until then)."""
    _run(entry, "", font)._r.append(new_element("w:tab"))  # (clean() would make it a space)
    field_run(entry, "begin", dirty=True)
    field_run(entry, "instr", instr=f" PAGEREF {name} \\h ")
    field_run(entry, "separate")
    _run(entry, "#", font)  # the cached value until the page is worked out
    field_run(entry, "end")


def _article(doc: DocxDocument, section: Section, report: Report, index: int) -> None:
    opt = report.options
    font = opt.font
    head = _para(doc, "Heading 1")
    head.paragraph_format.page_break_before = index > 0 or report.cover or report.toc
    _run(head, section.title, font)
    bookmark(head, "_" + section.bookmark, index)
    if section.meta:
        meta = _para(doc, META_STYLE)
        _run(meta, "   ".join(f"{label} {value}" for label, value in section.meta), font)
    for number, text in enumerate(section.paragraphs):
        para = doc.add_paragraph()
        para.paragraph_format.first_line_indent = Mm(opt.first_line_indent_mm)
        para.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.THAI_JUSTIFY
        para.paragraph_format.space_after = Pt(opt.size_pt * 0.375)
        marks = section.marks[number] if number < len(section.marks) else []
        _marked_runs(para, text, marks, font)
    for text in section.credits:
        _run(_para(doc, CREDITS_STYLE), text, font)
    _highlight_notes(doc, section, report)
    if section.citation is None:
        return
    cit = section.citation
    _run(_para(doc, CITE_HEAD_STYLE), cit.heading, font)
    for line in cit.lines:
        para = _para(doc, CITE_STYLE)
        _run(para, f"{line.label}: ", font, bold=True)
        if line.url:
            hyperlink(para, line.url, line.value, font)
        else:
            _run(para, line.value, font)
    if cit.reference:
        para = _para(doc, CITE_STYLE)
        _run(para, f"{cit.reference_label}: ", font, bold=True)
        _run(para, cit.reference, font)


def _marked_runs(para: Paragraph, text: str, marks: list[Mark], font: str) -> None:
    """A paragraph's text; highlighted passages shaded and underlined (not colour alone:
    the underline survives black-and-white printing), each followed by its number."""
    if not marks:
        _run(para, text, font)
        return
    ends = {(m.number, m.end) for m in marks}
    at = 0
    for piece, number in split_marked(text, marks):
        run = _run(para, piece, font)
        at += len(piece)
        if number is None:
            continue
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.font.underline = True
        if (number, at) in ends:  # the passage ends here (not cut by an overlapping one)
            label = _run(para, f"[{number}]", font)
            label.font.superscript = True


def _highlight_notes(doc: DocxDocument, section: Section, report: Report) -> None:
    """The numbered list of the article's highlighted passages and their notes."""
    if not section.notes:
        return
    font = report.options.font
    _run(_para(doc, CITE_HEAD_STYLE), report.labels["highlights"], font)
    for number, passage, note in section.notes:
        para = _para(doc, CITE_STYLE)
        _run(para, f"[{number}] ", font, bold=True)
        _run(para, f"\u201c{passage}\u201d", font)
        if note:
            _run(para, f" \u2014 {note}", font)


def build_docx(report: Report) -> DocxDocument:
    """The python-docx Document for a report (not yet saved)."""
    doc = Document()
    _setup_styles(doc, report)
    _setup_page(doc, report)
    _core_properties(doc, report)
    if report.cover:
        _cover(doc, report)
    if report.toc:
        _contents(doc, report)
        update_fields_on_open(doc)
    for index, section in enumerate(report.sections):
        _article(doc, section, report, index)
    return doc


def write_docx(report: Report, path: str | os.PathLike[str]) -> Path:
    """Write the report; the file appears whole or not at all."""
    path = Path(path)
    doc = build_docx(report)
    tmp = path.with_name(path.name + ".part")
    try:
        doc.save(str(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path

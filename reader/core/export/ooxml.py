"""Small WordprocessingML pieces python-docx has no API for: complex-script font fields,
hyperlinks, bookmarks, fields (TOC, PAGE), paragraph borders. Element order follows
ECMA-376, which Word enforces."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from reader.core.export.document import clean

# Child order inside w:rPr (ECMA-376 CT_RPr); Word rejects files that break it.
RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
]
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
# An element of the document's XML. python-docx builds its element classes (CT_P, CT_RPr...)
# by metaclass, and the lxml stubs' _Element does not fit them: typed loosely here.
Element = Any


def new_element(tag: str) -> Element:
    """A new `w:` element, such as new_element("w:rPr")."""
    return OxmlElement(tag)


def rpr_child(rpr: Element, tag: str) -> Element:
    """The rPr child `w:tag`, created in schema order when missing."""
    found = rpr.find(qn("w:" + tag))
    if found is not None:
        return found
    child = new_element("w:" + tag)
    rank = RPR_ORDER.index(tag)
    for existing in rpr:
        name = existing.tag.rsplit("}", 1)[-1]
        if name in RPR_ORDER and RPR_ORDER.index(name) > rank:
            existing.addprevious(child)
            return child
    rpr.append(child)
    return child


def set_thai_font(rpr: Element, font: str, size_pt: float | None = None, bold: bool | None = None,
                  lang: str | None = None) -> None:
    """Put `font` in all four slots (theme fonts removed); size and bold for Thai too."""
    fonts = rpr_child(rpr, "rFonts")
    for attr in THEME_SLOTS:
        fonts.attrib.pop(qn("w:" + attr), None)
    for attr in FONT_SLOTS:
        fonts.set(qn("w:" + attr), font)
    if bold is not None:
        for tag in ("b", "bCs"):
            el = rpr_child(rpr, tag)
            if bold:
                el.attrib.pop(qn("w:val"), None)
            else:
                el.set(qn("w:val"), "0")
    if size_pt is not None:
        half_points = str(round(size_pt * 2))
        for tag in ("sz", "szCs"):
            rpr_child(rpr, tag).set(qn("w:val"), half_points)
    if lang is not None:
        el = rpr_child(rpr, "lang")
        el.set(qn("w:val"), "en-US")
        el.set(qn("w:eastAsia"), "en-US")
        el.set(qn("w:bidi"), lang)


def top_rule(ppr: Element) -> None:
    """A thin line above the citation block, so it reads as apart from the article."""
    border = new_element("w:pBdr")
    top = new_element("w:top")
    for key, value in (("val", "single"), ("sz", "4"), ("space", "4"), ("color", "auto")):
        top.set(qn("w:" + key), value)
    border.append(top)
    # pBdr comes after keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers.
    anchor = None
    for tag in ("shd", "tabs", "suppressAutoHyphens", "spacing", "ind", "jc", "outlineLvl", "rPr"):
        anchor = ppr.find(qn("w:" + tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(border)
    else:
        ppr.append(border)


def hyperlink(paragraph: Paragraph, url: str, text: str, font: str, anchor: bool = False) -> None:
    """A clickable link: external URL, or (anchor=True) a bookmark in this document."""
    link = new_element("w:hyperlink")
    if anchor:
        link.set(qn("w:anchor"), url)
    else:
        link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    link.set(qn("w:history"), "1")
    run = new_element("w:r")
    rpr = new_element("w:rPr")
    if not anchor:  # contents entries read as plain text, not blue links
        style = new_element("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        rpr.append(style)
    set_thai_font(rpr, font)
    run.append(rpr)
    t = new_element("w:t")
    t.text = clean(text)
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def field_run(paragraph: Paragraph, kind: str, instr: str | None = None, dirty: bool = False) -> None:
    run = new_element("w:r")
    if kind == "instr":
        el = new_element("w:instrText")
        el.set(qn("xml:space"), "preserve")
        el.text = instr
    else:
        el = new_element("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if dirty:
            el.set(qn("w:dirty"), "true")  # Word refreshes the field when the file opens
    run.append(el)
    paragraph._p.append(run)


def bookmark(paragraph: Paragraph, name: str, ident: int) -> None:
    start = new_element("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = new_element("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    ppr = paragraph._p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def update_fields_on_open(doc: DocxDocument) -> None:
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        flag = new_element("w:updateFields")
        flag.set(qn("w:val"), "true")
        settings.append(flag)

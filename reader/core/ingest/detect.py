"""What a file is (text page, HTML page, feed) and how its bytes are encoded.

Encoding order: a byte-order mark wins; then the charset the file declares (HTML meta,
XML declaration) if the bytes decode cleanly with it; then strict UTF-8; then
charset_normalizer. TIS-620 and ISO-8859-11 are read as windows-874, their superset:
real files labelled TIS-620 contain windows-874 punctuation (0x85, 0x91-0x96).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from reader.core.ingest.base import IngestError

TEXT, HTML, FEED = "text", "html", "feed"

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_ALIASES = {
    "tis-620": "cp874",
    "tis620": "cp874",
    "tis_620": "cp874",
    "iso-8859-11": "cp874",
    "iso8859-11": "cp874",
    "iso_8859-11": "cp874",
    "windows-874": "cp874",
    "x-windows-874": "cp874",
    "cp874": "cp874",
    "ms874": "cp874",
    "thai": "cp874",
    "dos-874": "cp874",
}
# charset=... in a meta tag, or encoding="..." in an XML declaration.
_DECLARED = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""",
    re.IGNORECASE,
)
# Signatures of common binary formats, for a message that names what the file is.
_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or a Word/Excel file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
]


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in _ALIASES:
        return _ALIASES[label]
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def declared_encoding(data: bytes) -> str | None:
    match = _DECLARED.search(data[:8192])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace")
    return _codec(label)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def binary_kind(data: bytes) -> str | None:
    """A description of the file when it is plainly not text, else None."""
    head = data[:8192]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if b"\x00" in head:
        return "binary data"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > 0.05:
        return "binary data"
    return None


_TRUNCATED = "the file is cut off in the middle of a character (truncated UTF-8)"


def _truncated_utf8(data: bytes) -> bool:
    """Valid UTF-8 except for a character cut off at the very end."""
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError as err:
        start, reason = err.start, err.reason
    if start < len(data) - 3 or reason != "unexpected end of data":
        return False
    try:
        data[:start].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """The text of `data` and the encoding used. Raises IngestError for binary data.
    `charset` is a label from outside the bytes (a MIME header), tried like a declared one."""
    if not data.strip():
        raise IngestError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as err:
                if codec == "utf-8" and _truncated_utf8(body):
                    raise IngestError(_TRUNCATED) from None
                raise IngestError(f"the file starts as {codec} but is not valid {codec}") from err
            if not text.strip():
                raise IngestError("empty file")
            return text, codec
    what = binary_kind(data)
    if what:
        raise IngestError(f"not a text, HTML or feed file (looks like {what})")
    declared = (_codec(charset) if charset else None) or declared_encoding(data)
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the label is wrong; guess below
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _truncated_utf8(data):
            raise IngestError(_TRUNCATED) from None
    best = charset_normalizer.from_bytes(data[: 512 * 1024]).best()
    if best is None:
        raise IngestError("not a text, HTML or feed file (no text encoding fits its bytes)")
    codec = _codec(best.encoding) or best.encoding
    try:
        return data.decode(codec), codec
    except (UnicodeDecodeError, LookupError):
        # The guess was made on the head of a large file; the tail disagrees.
        return data.decode(codec, errors="replace"), codec


_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_MARK = re.compile(
    r"<(!doctype\s+html|html|head|body|meta|title|table|div|p|br|h[1-6]|frameset)[\s>/]",
    re.IGNORECASE,
)


def sniff_kind(text: str, name: str = "") -> str:
    """TEXT, HTML or FEED, from the start of the decoded text (and the name as a hint)."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    lower_name = name.lower()
    if head.startswith("<"):
        feed = _FEED_ROOT.search(head)
        html = _HTML_MARK.search(head)
        if feed and (not html or feed.start() < html.start()):
            return FEED
        if html:
            return HTML
        if head.startswith("<?xml"):
            raise IngestError("an XML file that is not an RSS or Atom feed")
        return TEXT  # "<ข่าวด่วน> ..." is text that happens to start with a bracket
    if lower_name.endswith((".html", ".htm", ".xhtml", ".shtml", ".asp", ".php")) and _HTML_MARK.search(head):
        return HTML
    return TEXT

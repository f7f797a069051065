"""WARC files (ISO 28500: what Heritrix, wget --warc-file, Webrecorder and national
libraries' crawlers write), read as a stream of sources with warcio.

Response and resource records of HTML, text and feeds become sources for the usual
importers; revisit records are captures that changed nothing; every other record (request,
warcinfo, metadata, conversion, pictures, scripts, error pages) is skipped and counted.
Each source keeps its capture (WARC-Record-ID, -Target-URI, -Date, the HTTP status and
headers) so the archive can say where its bytes came from.

Records are read one at a time straight from the (gzipped) file: memory holds one record's
payload (at most Limits.max_file_bytes) whatever the size of the file.

OPDC Reader's own export (reader.core.export.warc) follows each original with metadata
records describing the articles made from it; those are attached to the source they refer
to, so an export imported again gives back the same articles, tags and notes.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from reader.core.ingest.base import Failure, Limits, Skipped, Source, size_text

WARC_MAGIC = b"WARC/"
# Our own metadata records: one JSON object describing an article made from an original.
ARTICLE_METADATA = "application/vnd.opdc-reader.article+json"
PAGE_TYPES = {
    "text/html", "application/xhtml+xml", "text/plain", "application/rss+xml",
    "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
}
_MAX_METADATA = 4 * 1024 * 1024  # one article's description; anything bigger is not ours


def is_warc(fh: BinaryIO) -> bool:
    """A WARC file, plain or gzipped (each record its own gzip member), by its first bytes;
    the file is left at its start."""
    try:
        head = fh.read(4096)
        fh.seek(0)
    except OSError:
        return False
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith(WARC_MAGIC)


class _Description:
    """One of our metadata records: what it describes (WARC-Refers-To) and the JSON."""

    def __init__(self, refers_to: str, data: dict[str, Any]):
        self.refers_to = refers_to
        self.data = data


def iter_warc(fh: BinaryIO, name: str, origin: str, limits: Limits) -> Iterator[Source | Failure | Skipped]:
    """Every record of a WARC file as a Source, Skipped or Failure, in file order.

    A source is held back until the next record is read, so the metadata records our own
    export writes after an original can be attached to it (one record of look-ahead)."""
    # warcio is imported here, not at the top: most imports hold no WARC, and it costs
    # tens of milliseconds of start-up for every `opdc-reader` command.
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pending: Source | None = None
    count = 0
    try:
        for record in ArchiveIterator(fh, check_digests=True):
            count += 1
            item = _read_record(record, name, limits)
            if isinstance(item, _Description):
                if pending is not None and pending.capture and item.refers_to == pending.capture["record_id"]:
                    pending.described = (pending.described or []) + [item.data]
                else:
                    yield Skipped(f"{name} [{item.refers_to}]", "metadata record")
                continue
            if pending is not None:
                yield pending
                pending = None
            if isinstance(item, Source):
                pending = item
            else:
                yield item
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError, AttributeError, TypeError,
            IndexError, KeyError) as exc:  # warcio on damaged bytes fails in many ways
        if pending is not None:
            yield pending
            pending = None
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield Failure(name, f"the WARC file is damaged or cut off after {count} records ({reason}); "
                            "the records before that point were read")
    if pending is not None:
        yield pending


def _read_record(record: Any, name: str, limits: Limits) -> Source | Failure | Skipped | _Description:
    kind = record.rec_type
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or ""
    label = f"{name} [{uri or headers.get_header('WARC-Record-ID') or kind}]"
    if kind == "revisit":
        return Skipped(label, "revisit record", unchanged=True)
    if kind == "metadata":
        return _metadata(record, label)
    if kind not in ("response", "resource"):
        return Skipped(label, f"{kind} record")
    status = None
    if kind == "response":
        http = record.http_headers
        if http is None or not http.protocol.upper().startswith("HTTP"):
            return Skipped(label, "response record that is not HTTP")
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return Skipped(label, f"response {status or 'without a status'}")
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime and mime not in PAGE_TYPES:
        return Skipped(label, f"{kind} {mime}")
    data = record.content_stream().read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        return Failure(label, f"record too large (more than {size_text(limits.max_file_bytes)} limit)")
    if _cut_short(record):
        return Failure(label, "the record is cut off (the file ends before its declared length)")
    if record.digest_checker.passed is False:
        return Failure(label, "the record's bytes do not match its WARC digest (damaged in the file)")
    capture = {
        "record_id": headers.get_header("WARC-Record-ID") or "",
        "target_uri": uri,
        "date": headers.get_header("WARC-Date") or "",
        "record_type": kind,
        "content_type": content_type,
        "charset": _charset(content_type),
        "warc_file": path_name(name),
        "http": _http(record.http_headers) if kind == "response" else None,
    }
    url = uri if uri.lower().startswith(("http://", "https://")) else None
    return Source(label, data, name, url=url, capture=capture, path_hints=False)


def _cut_short(record: Any) -> bool:
    """Whether the record's bytes ran out before its Content-Length (a cut-off download).
    warcio does not say so; the length reader under its streams still expects bytes."""
    from warcio.limitreader import LimitReader

    stream = record.raw_stream
    for _ in range(4):
        if isinstance(stream, LimitReader):
            return bool(stream.limit > 0)
        stream = getattr(stream, "stream", None)
    return False


def path_name(name: str) -> str:
    return Path(name).name


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _http(http: Any) -> dict[str, Any]:
    """The HTTP response line and headers as received (the stored bytes are the decoded body)."""
    return {"protocol": http.protocol, "status": http.statusline, "headers": [list(h) for h in http.headers]}


def _metadata(record: Any, label: str) -> Skipped | _Description:
    headers = record.rec_headers
    if (headers.get_header("Content-Type") or "").split(";")[0].strip() != ARTICLE_METADATA:
        return Skipped(label, "metadata record")
    raw = record.content_stream().read(_MAX_METADATA + 1)
    try:
        data = json.loads(raw.decode("utf-8")) if len(raw) <= _MAX_METADATA else None
    except (UnicodeDecodeError, ValueError):
        data = None
    refers_to = headers.get_header("WARC-Refers-To") or ""
    if not isinstance(data, dict) or not refers_to:
        return Skipped(label, "metadata record (unreadable)")
    return _Description(refers_to, data)

"""Export articles as a WARC file (ISO 28500, gzipped record by record), with warcio.

Each stored original goes out once, byte for byte: as a `response` record with the HTTP
status and headers it was captured with (a WARC import, or the fetcher, kept them), else as
a `resource` record with the content type its kind implies. After it come one `metadata`
record per article version made from it (application/vnd.opdc-reader.article+json): title,
date, tags, note, bookmark, collections, highlights, SHA-256, archive id and version, and the article as
the archive holds it, so that importing the file into another archive gives the same
articles back (reader.core.ingest.warc reads them). Other web-archive tools see ordinary
response/resource records and a metadata record that refers to each (WARC-Refers-To).

Memory stays flat: articles are read from the catalog in chunks and one original at a
time. The file is written beside its final name and renamed when complete, so a cancelled
or failed export never leaves a half-written file under the name asked for.
"""

from __future__ import annotations

import io
import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reader import __version__
from reader.core.export.citation import parse_archived_at
from reader.core.export.document import ExportError
from reader.core.ingest.warc import ARTICLE_METADATA

if TYPE_CHECKING:
    from reader.core.archive import Archive

CHUNK = 200  # articles read from the catalog at a time
_KIND_TYPES = {"html": "text/html", "feed": "application/xml", "text": "text/plain"}
# Headers that described the bytes on the wire, not the decoded body the archive keeps.
_WIRE_HEADERS = {"transfer-encoding", "content-encoding", "content-length"}


@dataclass
class WarcExportResult:
    path: Path
    articles: int
    records: int
    originals: int
    missing: list[str]


def export_warc(archive: Archive, out_path: str | os.PathLike[str], ids: Iterable[int],
                progress: Callable[[int, int, str], None] | None = None,
                cancel: threading.Event | None = None) -> WarcExportResult:
    """Write the articles `ids` (in that order) to a .warc.gz file (.warc: uncompressed)."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if not wanted:
        raise ExportError("nothing to export: no articles chosen")
    out = Path(out_path)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    gzip = not out.name.lower().endswith(".warc")
    counts = {"records": 0, "originals": 0, "articles": 0}
    missing: list[str] = []
    try:
        with open(tmp, "wb") as fh:
            writer = WARCWriter(fh, gzip=gzip)
            writer.write_record(_warcinfo(writer, out.name))
            counts["records"] += 1
            for start in range(0, len(wanted), CHUNK):
                if cancel is not None and cancel.is_set():
                    raise ExportError("the export was cancelled; no file was written")
                part = wanted[start:start + CHUNK]
                _write_chunk(archive, writer, part, counts, missing)
                if progress:
                    progress(min(start + CHUNK, len(wanted)), len(wanted), "")
            fh.flush()
            os.fsync(fh.fileno())
        if not counts["articles"]:
            raise ExportError("nothing to export: " + "; ".join(missing[:5]))
        os.replace(tmp, out)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return WarcExportResult(out, counts["articles"], counts["records"], counts["originals"], missing)


def _warcinfo(writer: WARCWriter, filename: str) -> Any:
    return writer.create_warcinfo_record(filename, {
        "software": f"OPDC Reader {__version__}",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
        "description": "Articles exported from an OPDC Reader archive: each original as captured, "
                       "then one metadata record per article made from it.",
    })


def _write_chunk(archive: Archive, writer: WARCWriter, part: list[int], counts: dict[str, int],
                 missing: list[str]) -> None:
    """The originals of these articles, each once, each followed by its descriptions."""
    marks = ",".join("?" * len(part))
    rows = archive.db.query(
        "SELECT v.article_id, v.version, v.sha256, a.current_version FROM versions v"
        f" JOIN articles a ON a.id=v.article_id WHERE v.article_id IN ({marks})", part)
    by_sha: dict[str, list[tuple[int, int]]] = {}
    present: set[int] = set()
    order = {article_id: n for n, article_id in enumerate(part)}
    for r in sorted(rows, key=lambda r: (order[r[0]], r[1])):
        by_sha.setdefault(r[2], []).append((r[0], r[1]))
        present.add(r[0])
    missing += [f"no article {i} in the archive" for i in part if i not in present]
    for sha, members in by_sha.items():
        record_id = _write_original(archive, writer, sha, members[0])
        counts["records"] += 1
        counts["originals"] += 1
        for article_id, version in members:
            writer.write_record(_description(archive, writer, record_id, sha, article_id, version))
            counts["records"] += 1
    counts["articles"] += len(present)  # articles, not versions: each counted once


def _write_original(archive: Archive, writer: WARCWriter, sha: str, first: tuple[int, int]) -> str:
    try:
        data = archive.original_bytes(sha)
    except OSError as exc:
        raise ExportError(f"the original {sha[:12]}… of article {first[0]} cannot be read ({exc}); "
                          "run `opdc-reader verify`") from exc
    article = archive.get(*first)
    captures = archive.captures.for_original(sha)
    capture = captures[0] if captures else None
    uri = (capture or {}).get("target_uri") or article.source_url or f"urn:sha256:{sha}"
    headers = {"WARC-Date": _warc_date(capture, article.archived_at)}
    http = (capture or {}).get("http")
    if http:
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(data), length=len(data),
            warc_headers_dict=headers, http_headers=_http_headers(http, len(data)))
    else:
        record = writer.create_warc_record(
            uri, "resource", payload=io.BytesIO(data), length=len(data),
            warc_content_type=_content_type(article.kind, data), warc_headers_dict=headers)
    writer.write_record(record)
    return str(record.rec_headers.get_header("WARC-Record-ID"))


def _http_headers(http: dict[str, Any], length: int) -> StatusAndHeaders:
    headers = [(k, v) for k, v in http.get("headers", []) if k.lower() not in _WIRE_HEADERS]
    headers.append(("Content-Length", str(length)))
    return StatusAndHeaders(http.get("status") or "200 OK", headers,
                            protocol=http.get("protocol") or "HTTP/1.1")


def _content_type(kind: str, data: bytes) -> str:
    mime = _KIND_TYPES.get(kind, "application/octet-stream")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return mime
    return f"{mime}; charset=utf-8"


def _warc_date(capture: dict[str, Any] | None, archived_at: str | None) -> str:
    """When the bytes were captured (the WARC date they came with, the fetch time), else
    when they were stored; in WARC's form, 2013-08-26T10:00:00Z."""
    when = (capture or {}).get("captured_at") or archived_at
    if capture and capture.get("record_id") and when:
        return str(when)  # a WARC record's own date, exactly as it was written
    stamp = parse_archived_at(when)
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if stamp else "1970-01-01T00:00:00Z"


def describe(archive: Archive, sha: str, article_id: int, version: int) -> dict[str, Any]:
    """What one metadata record says about one article version."""
    article = archive.get(article_id, version)
    current = archive.get(article_id).version
    data = article.to_dict()
    for key in ("id", "version", "sha256", "archived_at"):
        data.pop(key, None)
    return {
        "format": "opdc-reader-article/1",
        "archive_id": article_id,
        "version": version,
        "current_version": current,
        "sha256": sha,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source_url": article.source_url,
        "archived_at": article.archived_at,
        "tags": archive.tags.of(article_id),
        "note": archive.notes.of(article_id),
        "bookmarked": archive.bookmarks.has(article_id),
        "collections": archive.collections.of(article_id),
        "captures": [_plain_capture(c) for c in archive.captures.for_article(article_id)],
        # passages the reader marked in this version, by character offsets into its body
        "highlights": [{"start": h.start, "end": h.end, "quote": h.quote, "note": h.note}
                       for h in archive.highlights.for_article(article_id, version)],
        "article": data,
    }


def _plain_capture(capture: dict[str, Any]) -> dict[str, Any]:
    return {k: capture[k] for k in ("sha256", "record_id", "target_uri", "captured_at", "record_type",
                                    "http", "warc_file")}


def _description(archive: Archive, writer: WARCWriter, refers_to: str, sha: str, article_id: int,
                 version: int) -> Any:
    payload = json.dumps(describe(archive, sha, article_id, version), ensure_ascii=False,
                         indent=1).encode("utf-8")
    return writer.create_warc_record(
        f"urn:opdc-reader:article:{article_id}:{version}", "metadata", payload=io.BytesIO(payload),
        length=len(payload), warc_content_type=ARTICLE_METADATA,
        warc_headers_dict={"WARC-Refers-To": refers_to})

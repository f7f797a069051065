"""The small types every importer shares: the error, a source, a failure, the limits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MB = 1024 * 1024


class IngestError(Exception):
    """One clear, human message about one file (shown to the librarian as is)."""


@dataclass
class Source:
    """Bytes to import and where they came from.

    `name` is what the librarian sees (a path, a zip member, a URL); `origin` is the
    file, folder, zip or URL the import was started on; `url` is set when the bytes
    were fetched from the web (the page's own address, after redirects)."""

    name: str
    data: bytes
    origin: str
    url: str | None = None
    # Set for records read out of a WARC file (reader.core.ingest.warc):
    capture: dict[str, Any] | None = None  # WARC-Record-ID, -Target-URI, -Date, HTTP status and headers
    # What OPDC Reader's own WARC export said about these bytes: one dict per article
    # version made from them (title, date, tags, note...), so a round trip keeps them.
    described: list[dict[str, Any]] | None = None
    path_hints: bool = True  # read a date and category from a corpus-style file name


@dataclass
class Failure:
    """A source that could not be read, and why; the rest of the batch goes on."""

    name: str
    reason: str


@dataclass
class Skipped:
    """Something read and deliberately not imported (a WARC request record, a picture),
    or, with `unchanged`, a WARC revisit record: a capture that says nothing changed."""

    name: str
    reason: str  # what it was, e.g. "request record", "response image/png"
    unchanged: bool = False


@dataclass(frozen=True)
class Limits:
    """What an import refuses, so one bad file cannot exhaust memory or disk."""

    max_file_bytes: int = 50 * MB  # one page, feed or zip member
    max_zip_total: int = 1024 * MB  # all members of one zip, uncompressed
    max_zip_ratio: int = 100  # uncompressed / compressed, per member
    max_zip_members: int = 100_000
    max_depth: int = 3  # zips inside zips
    fetch_timeout: float = 30.0  # seconds, for http(s) sources


def size_text(n: int) -> str:
    """Sizes in messages: '200 MB', '512 KB', '17 bytes'."""
    if n >= MB:
        return f"{n / MB:.0f} MB" if n % MB == 0 or n >= 10 * MB else f"{n / MB:.1f} MB"
    if n >= 10 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"  # small sizes exactly, so "3000 bytes > 2000 bytes" never reads "2 KB > 1 KB"

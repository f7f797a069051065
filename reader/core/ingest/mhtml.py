"""Pages saved as a single file (.mhtml / .mht, "Webpage, Single File" in Chrome and
Edge): a MIME message whose first text/html part is the page."""

from __future__ import annotations

import email
import email.policy
import re

from reader.core.ingest.base import IngestError

_HEAD = re.compile(rb"^(?:From|MIME-Version|Snapshot-Content-Location|Subject|Date|Content-Type):", re.IGNORECASE)


def is_mhtml(data: bytes) -> bool:
    head = data[:4096]
    return bool(_HEAD.match(head.lstrip())) and b"multipart/related" in head.lower()


def unpack(data: bytes) -> tuple[bytes, str | None, str | None]:
    """(the page's bytes, its charset, its address) from an MHTML file."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception as exc:  # the email parser is lenient; this is a safety net
        raise IngestError(f"a damaged single-file web page (MHTML): {exc}") from None
    url = message.get("Snapshot-Content-Location") or message.get("Content-Location")
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not payload or not isinstance(payload, bytes):
            continue
        return payload, part.get_content_charset(), url or part.get("Content-Location")
    raise IngestError("a single-file web page (MHTML) with no HTML page inside")

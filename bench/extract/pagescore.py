"""Scoring extracted articles against corpus/pages/truth.json (shared by the bench and the test)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.ingest import IngestError, Source, extract
from reader.core.model import DATE_FROM_PAGE, MARK_UNTITLED

_SPACE = re.compile(r"\s+")


def loose(text: str | None) -> str:
    """Whitespace-insensitive form: the pages had their non-breaking spaces turned into
    spaces, and a headline over two lines is given joined with one space."""
    return _SPACE.sub("", text or "").replace("\u00a0", "")


@dataclass
class Score:
    name: str
    site: str
    kind: str
    title_ok: bool
    date_ok: bool
    body_ok: bool
    got_title: str
    got_date: str
    got_body: str
    error: str = ""


def score_page(path: Path, truth: dict) -> Score:
    try:
        [art] = extract(Source(path.name, path.read_bytes(), str(path)))
    except IngestError as exc:
        listed = truth["kind"] == "list" and "list" in str(exc)
        return Score(path.name, truth["site"], truth["kind"], listed, listed, listed, "", "", "", str(exc))
    if truth["kind"] == "list":
        return Score(path.name, truth["site"], "list", False, False, False, art.title, "", "", "not refused")
    want_titles = [t for t in (truth.get("title"), truth.get("title_alt")) if t]
    if want_titles:
        title_ok = loose(art.title) in {loose(t) for t in want_titles} and MARK_UNTITLED not in art.marks
    else:  # no headline in the page: right when the importer says so
        title_ok = not art.title or MARK_UNTITLED in art.marks
    page_date = art.date.isoformat() if art.date and art.date_source == DATE_FROM_PAGE else None
    date_ok = page_date == truth.get("date")
    first = art.paragraphs[0] if art.paragraphs else ""
    body_ok = loose(first).startswith(loose(truth["body_starts"]))
    return Score(path.name, truth["site"], "article", title_ok, date_ok, body_ok,
                 art.title, page_date or "", first[:60])


def score_folder(folder: Path) -> list[Score]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return [score_page(folder / name, t) for name, t in truth.items()]

"""Printing and Word export: what goes on the page (document.py, citation.py) and the
python-docx back end (docx.py). The Qt back end is reader/ui/printing.py.

`export_command` is what `opdc-reader export --docx` runs; `collect_articles` is shared
with the PDF path so both pick articles the same way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.export.citation import Citation, CitationLine, build_citation, memo_reference
from reader.core.export.document import (
    ExportError,
    ExportOptions,
    Margins,
    Passage,
    Report,
    ReportMeta,
    Section,
    build_report,
    print_options,
)
from reader.core.model import Article

if TYPE_CHECKING:
    from reader.core.archive import Archive

QUERY_LIMIT = 500  # a report of more articles than this is almost surely a mistaken query


@dataclass
class Selection:
    articles: list[Article]
    tags: list[str] = field(default_factory=list)  # the articles' tags, for document keywords
    missing: list[str] = field(default_factory=list)  # one message per id that was not found
    highlights: dict[int, list[Passage]] = field(default_factory=dict)  # by article id


def passages_of(archive: Archive, article: Article) -> list[Passage]:
    """The highlights of the version being exported, as the document model takes them."""
    if article.id is None:
        return []
    return [Passage(h.start, h.end, h.note)
            for h in archive.highlights.for_article(article.id, article.version)]


def collect_articles(archive: Archive, ids: Iterable[int | str] = (), query: str | None = None,
                     limit: int = QUERY_LIMIT) -> Selection:
    """The articles named by id (in the order given) and/or found by a search query.

    Unknown or malformed ids are reported in `missing`; the rest is exported. Raises
    ExportError when nothing at all is left.
    """
    wanted, missing = _named_ids(archive, ids, query, limit)
    articles: list[Article] = []
    tags: list[str] = []
    highlights: dict[int, list[Passage]] = {}
    seen: set[int] = set()
    for article_id in wanted:
        if article_id in seen:
            continue
        seen.add(article_id)
        try:
            articles.append(archive.get(article_id))
        except KeyError:
            missing.append(f"no article {article_id} in the archive")
            continue
        for tag in archive.tags.of(article_id):
            if tag not in tags:
                tags.append(tag)
        if marks := passages_of(archive, articles[-1]):
            highlights[article_id] = marks
    if not articles:
        why = "; ".join(missing) if missing else (f"no article matches {query!r}" if query else "no article ids given")
        raise ExportError(f"nothing to export: {why}")
    return Selection(articles, tags, missing, highlights)


def select_ids(archive: Archive, ids: Iterable[int | str] = (), query: str | None = None,
               collection: str | None = None, everything: bool = False,
               limit: int = 100_000) -> tuple[list[int], list[str]]:
    """Article ids for an export of many (WARC, citations): those named, a search's hits,
    a collection's members or the whole archive, in that order, each once; with one
    message per id that could not be taken. Raises ExportError when nothing is chosen."""
    from reader.core.archive import ListFilter

    wanted, missing = _named_ids(archive, ids, query, limit)
    if collection:
        if collection not in {name for name, _ in archive.collections.counts()}:
            raise ExportError(f"no collection named {collection!r}")
        count = archive.count_articles(ListFilter(collection=collection))
        wanted += [row.id for row in archive.list_articles(ListFilter(collection=collection), "id_asc",
                                                           limit=count)]
    if everything:
        wanted += archive.all_ids()
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        why = "; ".join(missing) if missing else (f"no article matches {query!r}" if query else "no articles chosen")
        raise ExportError(f"nothing to export: {why}")
    return wanted, missing


def _named_ids(archive: Archive, ids: Iterable[int | str], query: str | None,
               limit: int) -> tuple[list[int], list[str]]:
    """The ids named (each that is not a number said in the second list), then a search's hits."""
    wanted: list[int] = []
    missing: list[str] = []
    for raw in ids:
        try:
            wanted.append(int(raw))
        except (TypeError, ValueError):
            missing.append(f"{raw!r} is not an article id")
    if query:
        wanted += _search_ids(archive, query, limit)
    return wanted, missing


def _search_ids(archive: Archive, query: str, limit: int) -> list[int]:
    # Imported here: the search index is only needed for --query.
    try:
        from reader.core.search import open_index
    except ImportError as exc:
        raise ExportError(f"search is not available in this build: {exc}") from exc

    index = open_index(archive)
    try:
        results = index.search(query, limit=limit, snippets=False)
        if results.message and not results.hits:
            raise ExportError(f"search {query!r}: {results.message}")
        return [hit.article_id for hit in results.hits]
    finally:
        index.close()


@dataclass
class ExportResult:
    path: Path
    count: int
    missing: list[str]


def export_command(archive: Archive, out_path: str | os.PathLike[str], ids: Iterable[int | str] = (),
                   query: str | None = None, fmt: str = "docx", options: ExportOptions | None = None,
                   meta: ReportMeta | None = None) -> ExportResult:
    """Export articles (by id and/or query) to a DOCX file. fmt "pdf" is reader.ui.printing's."""
    if fmt != "docx":
        raise ExportError(f"format {fmt!r}: reader.core exports DOCX; PDF goes through reader.ui.printing.export_pdf")
    from reader.core.export.docx import write_docx

    selection = collect_articles(archive, ids, query)
    meta = meta or ReportMeta()
    if not meta.keywords:
        meta.keywords = selection.tags
    meta.highlights = meta.highlights or selection.highlights
    report = build_report(selection.articles, meta, options)
    path = write_docx(report, out_path)
    return ExportResult(path, len(selection.articles), selection.missing)


__all__ = [
    "Citation", "CitationLine", "ExportError", "ExportOptions", "ExportResult", "Margins", "Report",
    "Passage", "ReportMeta", "Section", "Selection", "build_citation", "build_report", "collect_articles",
    "export_command", "memo_reference", "passages_of", "print_options", "select_ids", "write_docx",
]


def write_docx(report: Report, path: str | os.PathLike[str]) -> Path:
    """reader.core.export.docx.write_docx, imported on first use (python-docx loads slowly)."""
    from reader.core.export.docx import write_docx as _write

    return _write(report, path)

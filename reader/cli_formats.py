"""`opdc-reader export` in the formats librarians exchange: WARC (`--warc OUT.warc.gz`),
citations (`--cite apa|csl-json|bibtex|ris`) and Dublin Core (`--dc`, oai_dc XML).
Citations and Dublin Core go to standard output, or to a file with `--out`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.archive import Archive

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2


def add_arguments(sp: argparse.ArgumentParser) -> None:
    from reader.core.export.cite import FORMATS

    sp.add_argument("--warc", metavar="OUT.warc.gz",
                    help="write the articles, their originals and metadata as a WARC file")
    sp.add_argument("--cite", choices=FORMATS, metavar="FORMAT",
                    help=f"print citations: {', '.join(FORMATS)}")
    sp.add_argument("--dc", action="store_true", help="print Dublin Core records (oai_dc XML)")
    sp.add_argument("--out", metavar="FILE", help="write --cite or --dc output to FILE")
    sp.add_argument("--collection", metavar="NAME", help="export the articles of a collection")
    sp.add_argument("--all", action="store_true", help="export every article in the archive")


def wanted(args: argparse.Namespace) -> bool:
    return bool(args.warc or args.cite or args.dc)


def cmd_export_formats(args: argparse.Namespace, open_archive: Callable[[argparse.Namespace], Archive],
                       progress_bar: Callable[[str], Any]) -> int:
    from reader.core import export

    with open_archive(args) as archive:
        try:
            ids, missing = export.select_ids(archive, args.ids, args.query, args.collection, args.all)
        except export.ExportError as exc:
            print(f"opdc-reader: {exc}", file=sys.stderr)
            return EXIT_ERROR
        for message in missing:
            print(f"opdc-reader: skipped: {message}", file=sys.stderr)
        try:
            if args.warc:
                code = _warc(archive, ids, args.warc, progress_bar)
            else:
                code = _text(archive, ids, args)
        except export.ExportError as exc:
            print(f"opdc-reader: {exc}", file=sys.stderr)
            return EXIT_ERROR
    return EXIT_PARTIAL if missing or code else EXIT_OK


def _warc(archive: Archive, ids: list[int], out: str, progress_bar: Callable[[str], Any]) -> int:
    from reader.core.export.warc import export_warc

    bar = progress_bar("export")
    try:
        result = export_warc(archive, out, ids, progress=bar)
    finally:
        bar.close()
    for message in result.missing:
        print(f"opdc-reader: skipped: {message}", file=sys.stderr)
    print(f"written: {result.path} ({result.articles} articles, {result.originals} originals, "
          f"{result.records} records)")
    return 1 if result.missing else 0


def _text(archive: Archive, ids: list[int], args: argparse.Namespace) -> int:
    from reader.core.export.cite import cite, oai_dc_xml

    articles, gone = [], 0
    for article_id in ids:
        try:
            articles.append(archive.get(article_id))
        except KeyError:
            print(f"opdc-reader: skipped: no article {article_id} in the archive", file=sys.stderr)
            gone += 1
    if not articles:
        from reader.core.export import ExportError

        raise ExportError("nothing to export: none of those articles is in the archive")
    if args.dc:
        text = oai_dc_xml([(a, archive.tags.of(a.id or 0)) for a in articles])
    else:
        text = cite(articles, args.cite)
    if args.out:
        path = Path(args.out)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
        try:
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            from reader.core.export import ExportError

            raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
        print(f"written: {path} ({len(articles)} articles)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 1 if gone else 0

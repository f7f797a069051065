"""`opdc-reader`: the command line. Headless: nothing here imports Qt, except the
`gui` command (the default) and `export --pdf`, which import it late."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import sys

from reader import __version__
from reader.core import paths
from reader.core.archive import Archive, ArchiveError, ArchiveInUse, ListFilter, health

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR, EXIT_IN_USE = 0, 1, 2, 3


# -- output helpers -------------------------------------------------------------------

def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


class Progress:
    """A one-line progress bar on a terminal; silent when stderr is not a terminal."""

    def __init__(self, label: str, stream=None):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._last = ""

    def __call__(self, done: int, total: int | None, name: str = "") -> None:
        if not self.enabled:
            return
        if total and done <= total:  # a folder's count also holds skipped page assets
            width = 30
            filled = int(width * min(done, total) / total)
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        else:
            bar = f"{done}"
        line = f"\r{self.label} {bar} {name[-40:]}"
        self.stream.write(line.ljust(len(self._last)))
        self.stream.flush()
        self._last = line

    def close(self) -> None:
        if self.enabled and self._last:
            self.stream.write("\n")
            self.stream.flush()


def _parse_day(text: str | None) -> dt.date | None:
    """A date given on the command line: ISO, or Thai/BE as the reader writes it."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    from reader.core.thaidate import parse_date

    found = parse_date(text)
    if found is None:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (try 2013-08-26 or 26/08/2556)")
    return found.date


def _open(args, create: bool = True, readonly: bool = False, check: bool = True) -> Archive:
    return Archive.open(paths.archive_dir(args.archive), create=create, readonly=readonly, check=check)


# -- commands ---------------------------------------------------------------------------

def cmd_import(args) -> int:
    from reader.core.importer import import_targets

    bar = Progress("import")
    with _open(args) as archive:
        try:
            from reader.core.search import open_index

            index = open_index(archive)
        except Exception as exc:  # derived data (e.g. a full disk): import, repair it later
            print(f"opdc-reader: search index not available ({exc}); it is rebuilt at the next start",
                  file=sys.stderr)
            index = None
        try:
            summary = import_targets(
                archive, args.targets, index=index,
                progress=lambda ev: bar(ev.done, ev.total, ev.name),
            )
        finally:
            bar.close()
            if index is not None:
                index.close()
    if args.json:
        _print_json(summary.to_dict())
    else:
        c = summary.to_dict()
        print(f"new: {c['new']}  new version: {c['new_version']}  unchanged: {c['unchanged']}"
              f"  duplicate: {c['duplicate']}  failed: {len(c['failed'])}")
        for failure in summary.failed:
            print(f"  failed: {failure.name}: {failure.reason}")
        for message in (summary.index_message, summary.backup_message):
            if message:
                print(message)
    return EXIT_OK if summary.ok else EXIT_PARTIAL


def _row_dict(row) -> dict:
    return {"id": row.id, "title": row.title, "date": row.date.isoformat() if row.date else None,
            "category": row.category, "language": row.language, "bookmarked": row.bookmarked}


def cmd_list(args) -> int:
    flt = ListFilter(date_from=args.date_from, date_to=args.date_to, category=args.category,
                     language=args.lang, tag=args.tag, bookmarked=True if args.bookmarked else None)
    with _open(args, create=False, readonly=True) as archive:
        rows = archive.list_articles(flt, order=args.sort, offset=args.offset, limit=args.limit)
        total = archive.count_articles(flt)
    if args.json:
        _print_json({"total": total, "articles": [_row_dict(r) for r in rows]})
    else:
        for r in rows:
            print(f"{r.id:>6}  {r.date.isoformat() if r.date else '----------'}  "
                  f"{(r.category or '-')[:16]:<16}  {r.title}")
        print(f"({len(rows)} of {total})")
    return EXIT_OK


def _article_dict(archive: Archive, article) -> dict:
    data = article.to_dict()
    data["tags"] = archive.tags.of(article.id)
    data["note"] = archive.notes.of(article.id)
    data["bookmarked"] = archive.bookmarks.has(article.id)
    data["versions"] = [v.__dict__ for v in archive.versions(article.id)]
    data["sources"] = archive.sources(article.id)
    data["highlights"] = [h.to_dict() for h in archive.highlights.for_article(article.id)]
    data["fetches"] = _fetches(archive, data)
    data["captures"] = archive.captures.for_article(article.id)  # WARC records it was read from
    return data


def _fetches(archive: Archive, data: dict) -> list[dict]:
    """Where the article's stored originals were fetched from over HTTP: requested and
    final URL, status, the response's headers (Date, ETag, Last-Modified, Content-Type
    and all the rest, in order) and the fetch time, for each original."""
    from reader.core.archive.subscriptions import Subscriptions

    subs = Subscriptions(archive)
    shas = dict.fromkeys([v["sha256"] for v in data["versions"]] + [s["sha256"] for s in data["sources"]])
    return [{"sha256": sha, **f} for sha in shas for f in subs.fetches_for(sha)]


def cmd_show(args) -> int:
    from reader.core.model import MARK_WORDS
    from reader.core.thaidate import format_date

    with _open(args, create=False, readonly=True) as archive:
        try:
            article = archive.get(args.id, args.version)
        except KeyError as exc:
            print(f"opdc-reader: {exc.args[0]}", file=sys.stderr)
            return EXIT_ERROR
        data = _article_dict(archive, article)
    if args.json:
        _print_json(data)
        return EXIT_OK
    print(article.title)
    meta = [format_date(article.date, era=args.era) if article.date else "", article.category]
    print(" · ".join(m for m in meta if m))
    for mark in article.marks:
        print(f"[{MARK_WORDS.get(mark, mark)}]")
    print()
    for paragraph in article.paragraphs:
        print(paragraph)
        print()
    for line in article.credits:
        print(line)
    print()
    if article.source_url:
        print(f"source: {article.source_url}")
    print(f"version {article.version} of {len(data['versions'])}, archived {article.archived_at}")
    print(f"sha256 {article.sha256}")
    if data["tags"]:
        print("tags: " + ", ".join(data["tags"]))
    if data["note"]:
        print("note: " + data["note"])
    return EXIT_OK


def cmd_stats(args) -> int:
    with _open(args, create=False, readonly=True) as archive:
        stats = archive.stats()
    if args.json:
        _print_json(stats)
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")
    return EXIT_OK


def cmd_verify(args) -> int:
    from reader.core.archive.verify import verify

    bar = Progress("verify")
    # No quick check at open: verify runs the full one and lists what it finds.
    with _open(args, create=False, readonly=True, check=False) as archive:
        report = verify(archive, progress=bar)
    bar.close()
    if args.json:
        _print_json(report.to_dict())
    else:
        print(f"checked {report.originals_checked} originals, {report.versions_checked} versions")
        for problem in report.problems:
            print(f"  PROBLEM: {problem}")
        for warning in report.warnings:
            print(f"  warning: {warning}")
        print("OK" if report.ok else "archive has problems")
    return EXIT_OK if report.ok else EXIT_PARTIAL


def cmd_recover(args) -> int:
    from reader.core.archive.recover import recover
    from reader.core.search import open_index

    bar = Progress("recover")
    report = recover(paths.archive_dir(args.archive), progress=lambda step: bar(0, None, step))
    bar.close()
    with _open(args, create=False) as archive:
        open_index(archive).close()  # the index follows the rebuilt catalog
    if args.json:
        _print_json(report.to_dict())
    else:
        _print_recover_report(report)
    return EXIT_OK if not report.problems else EXIT_PARTIAL


def _print_recover_report(report) -> None:
    print(f"archive: {report.archive}")
    if report.damaged_kept:
        print(f"the damaged catalog is kept in {report.damaged_kept}")
    print(f"started from backup {report.backup_used}" if report.backup_used
          else "no sound backup: started from an empty catalog")
    for refused in report.backups_refused:
        print(f"  backup not used: {refused}")
    print(f"journal: {report.journal_entries} changes replayed, {report.articles_from_journal} article "
          f"versions extracted again from their originals")
    if report.journal_damaged_lines:
        print(f"  journal lines that could not be read: {', '.join(report.journal_damaged_lines[:10])}")
    print(f"originals no article named, imported again: {report.articles_from_originals} articles")
    print(f"the archive now holds {report.articles} articles; the search index is up to date")
    for problem in report.problems:
        print(f"  problem: {problem}")
    print("run `opdc-reader verify` to check every original against the rebuilt catalog")


def cmd_backup(args) -> int:
    from reader.core.archive.bundle import backup

    bar = Progress("backup")
    with _open(args, create=False, readonly=True) as archive:
        result = backup(archive, args.file, progress=bar)
    bar.close()
    _print_json(result) if args.json else print(f"backup written: {result['file']} "
                                                 f"({result['articles']} articles, {result['bytes']} bytes)")
    return EXIT_OK


def cmd_restore(args) -> int:
    from reader.core.archive.bundle import restore

    target = paths.archive_dir(args.archive)
    result = restore(args.file, target)
    _print_json(result) if args.json else print(f"restored {result['articles']} articles into {result['archive']}")
    return EXIT_OK


def cmd_search(args) -> int:
    from reader.core.search import Filters, open_index

    with _open(args, create=False) as archive:
        index = open_index(archive)
        try:
            results = index.search(
                args.query,
                Filters(category=args.category, language=args.lang, date_from=args.date_from,
                        date_to=args.date_to),
                sort=args.sort, limit=args.limit)
        finally:
            index.close()
    if args.json:
        _print_json({
            "query": args.query, "total": results.total, "message": results.message,
            "notices": [{"code": n.code, "params": n.params} for n in results.notices],
            "suggestions": results.suggestions,
            "hits": [{"id": h.article_id, "title": h.title, "date": h.date.isoformat() if h.date else None,
                      "category": h.category, "language": h.language, "score": h.score,
                      "snippet": "".join(f"[{t}]" if hit else t for t, hit in h.snippet)}
                     for h in results.hits],
        })
        return EXIT_OK
    if results.message:
        print(results.message)
    for h in results.hits:
        snippet = "".join(f"[{t}]" if hit else t for t, hit in h.snippet)
        print(f"{h.article_id:>6}  {h.date.isoformat() if h.date else '----------'}  {h.title}")
        if snippet:
            print(f"        {snippet}")
    print(f"({len(results.hits)} shown of about {results.total})")
    if not results.hits and results.suggestions:
        print("did you mean: " + ", ".join(results.suggestions))
    return EXIT_OK


def cmd_reindex(args) -> int:
    from reader.core.search import open_index

    bar = Progress("reindex")
    with _open(args, create=False) as archive:
        with archive.batch(wait=2.0):
            index = open_index(archive, sync=False)
            total = archive.count_articles()
            try:
                index.rebuild(archive.iter_index_docs(), total=total, progress=bar)
            finally:
                index.close()
    bar.close()
    print(f"search index rebuilt: {total} articles")
    return EXIT_OK


def cmd_export(args) -> int:
    from reader import cli_formats
    from reader.core import export

    if cli_formats.wanted(args):  # WARC, citations, Dublin Core: reader/cli_formats.py
        return cli_formats.cmd_export_formats(args, lambda a: _open(a, create=False), Progress)

    options = export.ExportOptions(citation=not args.no_citation)
    if args.font:
        options.font = args.font
    with _open(args, create=False) as archive:
        try:
            selection = export.collect_articles(archive, args.ids, args.query, limit=args.limit)
        except export.ExportError as exc:
            print(f"opdc-reader: {exc}", file=sys.stderr)
            return EXIT_ERROR
    for message in selection.missing:
        print(f"opdc-reader: skipped: {message}", file=sys.stderr)
    meta = export.ReportMeta(title=args.title or "", author=args.author or "",
                             keywords=selection.tags, highlights=selection.highlights)
    try:
        if args.docx:
            export.write_docx(export.build_report(selection.articles, meta, options), args.docx)
            print(f"written: {args.docx} ({len(selection.articles)} articles)")
        if args.pdf:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from reader.ui.printing import export_pdf

            # The fixed, readable print size; a report of several articles opens with a
            # cover and contents, as the Word report does.
            many = len(selection.articles) > 1
            pdf_options = export.print_options(args.font or "Sarabun", citation=not args.no_citation,
                                               cover=many, toc=many)
            pages = export_pdf(selection.articles, args.pdf, pdf_options, meta)
            print(f"written: {args.pdf} ({len(selection.articles)} articles, {pages} pages)")
    except export.ExportError as exc:
        print(f"opdc-reader: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_PARTIAL if selection.missing else EXIT_OK


def cmd_sample(args) -> int:
    """Import the bundled sample archive (what a first run of the window does)."""
    from reader.core.sample import import_sample
    from reader.core.search import open_index

    with _open(args) as archive:
        index = open_index(archive)
        try:
            summary = import_sample(archive, index=index)
        finally:
            index.close()
    c = summary.to_dict()
    _print_json(c) if args.json else print(
        f"sample archive: new {c['new']}, unchanged {c['unchanged']}, failed {len(c['failed'])}")
    return EXIT_OK if summary.ok else EXIT_PARTIAL


def cmd_tag(args) -> int:
    with _open(args, create=False) as archive:
        for tag in args.tags:
            (archive.tags.remove if args.remove else archive.tags.add)(args.id, tag)
        print(", ".join(archive.tags.of(args.id)))
    return EXIT_OK


def cmd_gui(args, rest: list[str]) -> int:
    from reader.ui.app import run

    argv = [sys.argv[0]] + rest
    if args.archive:
        argv += ["--archive", str(args.archive)]
    return run(argv)


# -- parser ---------------------------------------------------------------------------

class _Commands:
    """Adds the subcommands to the parser: add(name, help, fn) gives each a --json flag
    unless json_flag=False; filters(sp) the date, category and language options."""

    def __init__(self, sub: argparse._SubParsersAction) -> None:
        self.sub = sub

    def add(self, name: str, help_text: str, fn, json_flag: bool = True) -> argparse.ArgumentParser:
        sp = self.sub.add_parser(name, help=help_text, description=help_text)
        sp.set_defaults(fn=fn)
        if json_flag:
            sp.add_argument("--json", action="store_true", help="machine-readable output")
        return sp

    @staticmethod
    def filters(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--from", dest="date_from", type=_parse_day, metavar="DATE")
        sp.add_argument("--to", dest="date_to", type=_parse_day, metavar="DATE")
        sp.add_argument("--category")
        sp.add_argument("--lang", choices=["th", "en"])


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="opdc-reader",
        description="OPDC Reader: read, search and archive Thai government news. "
                    "With no command, opens the window.")
    p.add_argument("--version", action="version", version=f"opdc-reader {__version__}")
    p.add_argument("--archive", metavar="PATH", help="archive folder (default: the per-user one)")
    p.add_argument("--portable", action="store_true",
                   help="keep settings and the archive next to the program (USB stick, share)")
    p.add_argument("--self-test", action="store_true",
                   help="check this copy of the app without a display (sample archive, Thai search, "
                        "window, DOCX and PDF export in a temporary folder); prints OK")
    commands = _Commands(p.add_subparsers(dest="command", metavar="COMMAND"))
    _reading_commands(commands)
    _archive_commands(commands)
    _search_and_export_commands(commands)
    from reader.cli_library import add_commands as library_commands
    from reader.cli_sources import add_commands as source_commands  # late: they use this module

    library_commands(commands.add, commands.filters)
    source_commands(commands)
    commands.sub.add_parser("gui", help="open the window (the default)")
    return p


def _reading_commands(c: _Commands) -> None:
    sp = c.add("list", "list articles", cmd_list)
    c.filters(sp)
    sp.add_argument("--tag")
    sp.add_argument("--bookmarked", action="store_true")
    sp.add_argument("--sort", default="date_desc",
                    choices=["date_desc", "date_asc", "title_asc", "title_desc", "category_asc"])
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--offset", type=int, default=0)

    sp = c.add("show", "show one article", cmd_show)
    sp.add_argument("id", type=int)
    sp.add_argument("--version", type=int, help="an earlier version (default: the latest)")
    sp.add_argument("--era", choices=["be", "ce"], default="be", help="Buddhist or Common Era dates")


def _archive_commands(c: _Commands) -> None:
    sp = c.add("import", "import files, folders, zips, backups or feed URLs", cmd_import)
    sp.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
    c.add("stats", "numbers about the archive", cmd_stats)
    c.add("verify", "re-hash every original and check the catalog", cmd_verify)
    c.add("recover", "rebuild a damaged or lost catalog from its backups, journal and originals "
                     "(the damaged one is kept aside; close windows on the archive first)", cmd_recover)
    sp = c.add("backup", "write the whole archive to one zip file", cmd_backup)
    sp.add_argument("file")
    sp = c.add("restore", "unpack a backup into a new, empty archive folder (--archive)", cmd_restore)
    sp.add_argument("file")
    c.add("sample", "import the bundled sample archive", cmd_sample)
    sp = c.add("tag", "add (or --remove) tags on an article", cmd_tag, json_flag=False)
    sp.add_argument("id", type=int)
    sp.add_argument("tags", nargs="+")
    sp.add_argument("--remove", action="store_true")


def _search_and_export_commands(c: _Commands) -> None:
    sp = c.add("search", "full-text search (Thai-aware)", cmd_search)
    sp.add_argument("query")
    sp.add_argument("--limit", type=int, default=20)
    sp.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    c.filters(sp)

    c.add("reindex", "rebuild the search index from the catalog", cmd_reindex, json_flag=False)

    sp = c.add("export", "export articles to DOCX, PDF, WARC, citations or Dublin Core", cmd_export,
               json_flag=False)
    sp.add_argument("ids", nargs="*", type=int, metavar="ID")
    sp.add_argument("--docx", metavar="OUT.docx")
    sp.add_argument("--pdf", metavar="OUT.pdf")
    sp.add_argument("--query", help="export the articles a search finds")
    sp.add_argument("--limit", type=int, default=100, help="most articles taken from --query")
    sp.add_argument("--title", help="report title (cover page)")
    sp.add_argument("--author", help="who made the report")
    sp.add_argument("--font", help="font for the document (default TH Sarabun New)")
    sp.add_argument("--no-citation", action="store_true", help="leave out the citation block")
    from reader.cli_formats import add_arguments as add_format_arguments

    add_format_arguments(sp)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--self-test" in argv:  # reader/selftest.py: never touches the user's archive
        from reader.selftest import main as self_test

        return self_test(argv)
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.portable:
        os.environ[paths.HOME_ENV] = str(paths.executable_dir() / "opdc-reader-data")
    if args.command in (None, "gui"):
        return cmd_gui(args, rest)
    if rest:
        parser.error("unrecognized arguments: " + " ".join(rest))
    if args.command == "export" and not (args.docx or args.pdf or args.warc or args.cite or args.dc):
        parser.error("export needs --docx OUT.docx, --pdf OUT.pdf, --warc OUT.warc.gz, --cite FORMAT or --dc")
    return run_command(args)


def run_command(args) -> int:
    """Run one command; every failure a person can meet ends in one line and an exit code."""
    try:
        code = args.fn(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except ArchiveInUse as exc:
        return _fail(str(exc), EXIT_IN_USE)
    except ArchiveError as exc:
        return _fail(str(exc), EXIT_ERROR)
    except sqlite3.DatabaseError as exc:  # met after the open check: a damaged page read later
        root = paths.archive_dir(args.archive)
        if health.is_damage(exc):
            return _fail(str(health.CatalogDamaged(root, str(exc))), EXIT_ERROR)
        return _fail(f"the catalog at {root} cannot be used: {exc}", EXIT_ERROR)
    except OSError as exc:
        name = f" {exc.filename}" if exc.filename else ""
        return _fail(f"cannot read or write{name}: {exc.strerror or exc}", EXIT_ERROR)
    except KeyboardInterrupt:
        return _fail("interrupted; everything committed so far is kept", 130)


def _fail(message: str, code: int) -> int:
    try:
        print(f"opdc-reader: {message}", file=sys.stderr)
    except OSError:
        pass
    return code


def _closed_pipe() -> int:
    """`list --json | head` closed our output: stop quietly, as other tools do. Python
    would report the error again while flushing stdout at exit; point it at devnull."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 141  # 128 + SIGPIPE, as a shell reports a command stopped by a closed pipe


if __name__ == "__main__":
    sys.exit(main())

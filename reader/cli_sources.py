"""`opdc-reader sources ...` and `opdc-reader update`: subscribed sources from the
command line. `update` is one pass over the due sources, made for cron or the Windows
Task Scheduler: a progress bar on a terminal, the usual exit codes (0 all well,
1 some source failed or no network, 2 error, 3 archive in use)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reader.cli import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL, Progress, _open, _print_json
from reader.core.archive.subscriptions import DEFAULT_EVERY, Subscription, Subscriptions, every_text

if TYPE_CHECKING:  # the fetcher (httpx) is imported only by the commands that fetch
    from reader.core.fetch.update import UpdateSummary


def _every(text: str) -> int:
    from reader.core.archive.subscriptions import parse_every

    try:
        return parse_every(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_commands(c: Any) -> None:
    """Add `sources` (with add, list, remove, import, export) and `update` to the parser."""
    sp = c.add("sources", "the sources the archive follows (feeds, listing pages, pages)",
               cmd_sources_list)
    sub = sp.add_subparsers(dest="sources_command", metavar="ACTION")
    add = sub.add_parser("add", help="follow a feed, a listing page or a page")
    add.add_argument("url")
    add.add_argument("--name", default="")
    add.add_argument("--every", type=_every, default=DEFAULT_EVERY, metavar="INTERVAL",
                     help="how often to look (30m, 6h, 1d; default 6h)")
    add.add_argument("--kind", choices=["feed", "listing", "page"],
                     help="what it is (default: found by fetching it once)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(fn=cmd_sources_add)
    lst = sub.add_parser("list", help="every source and its state")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(fn=cmd_sources_list)
    rm = sub.add_parser("remove", help="stop following (its articles stay)")
    rm.add_argument("id", type=int)
    rm.set_defaults(fn=cmd_sources_remove)
    imp = sub.add_parser("import", help="follow every feed in an OPML file")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(fn=cmd_sources_import)
    exp = sub.add_parser("export", help="write the sources to an OPML 2.0 file")
    exp.add_argument("file")
    exp.set_defaults(fn=cmd_sources_export)

    up = c.add("update", "fetch the sources that are due and store what is new", cmd_update)
    up.add_argument("--source", type=int, metavar="ID", help="only this source, due or not")
    up.add_argument("--interval", type=float, default=0.0, metavar="SECONDS",
                    help="wait longer between two requests to one site (never less than 1 s)")


def _line(s: Subscription) -> str:
    state = "off" if not s.enabled else (s.last_message or "not fetched yet")
    return (f"{s.id:>4}  {s.kind:<7}  every {every_text(s.every_seconds):<4}  "
            f"{s.articles_added:>5} articles  {s.label}\n      {s.url}\n      {state}")


def cmd_sources_list(args: argparse.Namespace) -> int:
    with _open(args, create=False, readonly=True) as archive:
        sources = Subscriptions(archive).all()
    if getattr(args, "json", False):
        _print_json([s.to_dict() for s in sources])
    elif not sources:
        print("no sources yet; add one with: opdc-reader sources add URL")
    else:
        print("\n".join(_line(s) for s in sources))
    return EXIT_OK


def cmd_sources_add(args: argparse.Namespace) -> int:
    from reader.core.fetch.errors import FetchError
    from reader.core.fetch.follow import add_source

    with _open(args) as archive:
        try:
            added = add_source(archive, args.url, args.kind, args.name, args.every)
        except (ValueError, FetchError) as exc:
            print(f"opdc-reader: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if args.json:
        _print_json(added.to_dict())
    else:
        print(f"following {added.url} as a {added.kind} (source {added.id}); "
              "run `opdc-reader update` to fetch it")
    return EXIT_OK


def cmd_sources_remove(args: argparse.Namespace) -> int:
    with _open(args) as archive:
        try:
            gone = Subscriptions(archive).get(args.id)
            Subscriptions(archive).remove(args.id)
        except KeyError as exc:
            print(f"opdc-reader: {exc.args[0]}", file=sys.stderr)
            return EXIT_ERROR
    print(f"no longer following {gone.url}; its {gone.articles_added} articles stay in the archive")
    return EXIT_OK


def cmd_sources_import(args: argparse.Namespace) -> int:
    from reader.core.fetch.opml import import_opml

    with _open(args) as archive:
        try:
            result = import_opml(archive, args.file)
        except ValueError as exc:
            print(f"opdc-reader: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if args.json:
        _print_json(result.__dict__)
    else:
        print(f"added: {len(result.added)}  already followed: {result.already}  "
              f"skipped: {len(result.skipped)}")
        for why in result.skipped:
            print(f"  skipped: {why}")
    return EXIT_PARTIAL if result.skipped else EXIT_OK


def cmd_sources_export(args: argparse.Namespace) -> int:
    from reader.core.fetch.opml import export_opml

    with _open(args, create=False, readonly=True) as archive:
        n = export_opml(archive, args.file)
    print(f"wrote {n} sources to {args.file}")
    return EXIT_OK


def cmd_update(args: argparse.Namespace) -> int:
    from reader.core.archive.subscriptions import Subscriptions
    from reader.core.fetch.client import Fetcher, FetchSettings
    from reader.core.fetch.update import run_update
    from reader.core.search import open_index

    bar = Progress("update")
    with _open(args) as archive:
        try:
            index = open_index(archive)
        except Exception as exc:  # derived data: update the catalog, repair the index later
            print(f"opdc-reader: search index not available ({exc}); it is rebuilt at the next start",
                  file=sys.stderr)
            index = None
        fetcher = Fetcher(FetchSettings(interval=args.interval), robots_store=Subscriptions(archive))
        try:
            summary = run_update(archive, args.source, index=index, fetcher=fetcher,
                                 progress=lambda ev: bar(ev.done, ev.total, ev.label))
        except KeyError as exc:
            print(f"opdc-reader: {exc.args[0]}", file=sys.stderr)
            return EXIT_ERROR
        finally:
            fetcher.close()
            bar.close()
            if index is not None:
                index.close()
    _report(summary, args.json)
    return EXIT_PARTIAL if summary.failed or summary.offline else EXIT_OK


def _report(summary: UpdateSummary, as_json: bool) -> None:
    if as_json:
        _print_json(summary.to_dict())
        return
    if summary.offline:
        print("offline: no network; nothing was fetched, the sources are tried again later")
    elif not summary.outcomes:
        print("no source is due")
    for o in summary.outcomes:
        print(f"{o.source_id:>4}  {o.status:<9}  {o.label}: {o.message}")
    print(f"new articles: {summary.new}  requests: {summary.requests}  downloaded: {summary.bytes} bytes")
    if summary.index_message:
        print(summary.index_message)

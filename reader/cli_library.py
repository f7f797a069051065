"""The librarian's commands: versions compared, highlights with notes, saved searches.

Kept apart from reader/cli.py so the command line stays one short module per job;
`reader.cli.build_parser` calls `add_commands`. Headless like the rest of the CLI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from reader.cli import EXIT_ERROR, EXIT_OK, _open, _print_json
from reader.core.search import open_index

Add = Callable[..., argparse.ArgumentParser]


def add_commands(add: Add, filters: Callable[[argparse.ArgumentParser], None]) -> None:
    sp = add("diff", "compare two versions of an article word by word", cmd_diff)
    sp.add_argument("id", type=int)
    sp.add_argument("versions", nargs="*", type=int, metavar="V",
                    help="two version numbers (default: the previous and the latest)")
    sp.add_argument("--full", action="store_true",
                    help="the whole text, not only the paragraphs that changed")

    sp = add("highlight", "highlight a passage of an article, with an optional note",
             cmd_highlight)
    sp.add_argument("id", type=int, help="the article")
    sp.add_argument("passage", help="the passage, as it reads in the article")
    sp.add_argument("--note", default="")
    sp.add_argument("--version", type=int, help="an earlier version (default: the latest)")
    sp.add_argument("--occurrence", type=int, default=1, help="which occurrence (default 1)")

    sp = add("highlights", "list highlights (of one article, or all); --remove H deletes one",
             cmd_highlights)
    sp.add_argument("id", type=int, nargs="?", help="only this article's")
    sp.add_argument("--remove", type=int, metavar="H", help="delete highlight H")

    sp = add("saved", "saved searches: list (with new matches), add, show, remove", cmd_saved)
    sp.add_argument("action", choices=["list", "add", "show", "remove"], nargs="?", default="list")
    sp.add_argument("name", nargs="?")
    sp.add_argument("query", nargs="?")
    filters(sp)
    sp.add_argument("--tag")
    sp.add_argument("--bookmarked", action="store_true")


def _fail(message: str) -> int:
    print(f"opdc-reader: {message}", file=sys.stderr)
    return EXIT_ERROR


# -- diff ----------------------------------------------------------------------------

def cmd_diff(args: Any) -> int:
    """Word diff of two versions (default: the one before the latest, and the latest)."""
    from reader.core.diff import diff_articles, render_terminal, summarize

    with _open(args, create=False, readonly=True) as archive:
        try:
            count = len(archive.versions(args.id))
            if count == 0:
                raise KeyError(f"no article {args.id}")
            new_v = args.versions[1] if len(args.versions) > 1 else count
            old_v = args.versions[0] if args.versions else max(1, new_v - 1)
            old, new = archive.get(args.id, old_v), archive.get(args.id, new_v)
        except KeyError as exc:
            return _fail(exc.args[0])
    changes = diff_articles(old, new)
    summary = summarize(changes)
    if args.json:
        _print_json({"id": args.id, "from": old_v, "to": new_v, "of": count,
                     "inserted_words": summary.inserted_words,
                     "deleted_words": summary.deleted_words,
                     "changes": [{"op": c.op.value, "text": c.text} for c in changes]})
        return EXIT_OK
    print(f"article {args.id}: version {old_v} -> {new_v} (of {count}); "
          f"words deleted [-...-]: {summary.deleted_words}, "
          f"inserted {{+...+}}: {summary.inserted_words}")
    if summary.unchanged:
        print("the two versions have the same text")
        return EXIT_OK
    print()
    print(render_terminal(changes, colour=sys.stdout.isatty(), full=args.full))
    return EXIT_OK


# -- highlights ------------------------------------------------------------------------

def cmd_highlight(args: Any) -> int:
    with _open(args, create=False) as archive:
        try:
            mark = archive.highlights.add_text(args.id, args.passage, args.note, args.version,
                                               args.occurrence)
        except (KeyError, ValueError) as exc:
            return _fail(str(exc.args[0]))
    if args.json:
        _print_json(mark.to_dict())
    else:
        print(f"highlight {mark.id}: article {mark.article_id} version {mark.version}, "
              f"characters {mark.start}-{mark.end}")
    return EXIT_OK


def cmd_highlights(args: Any) -> int:
    with _open(args, create=False, readonly=args.remove is None) as archive:
        try:
            if args.remove is not None:
                archive.highlights.remove(args.remove)
                print(f"highlight {args.remove} removed")
                return EXIT_OK
            marks = (archive.highlights.for_article(args.id) if args.id is not None
                     else archive.highlights.all())
        except KeyError as exc:
            return _fail(exc.args[0])
    if args.json:
        _print_json([m.to_dict() for m in marks])
        return EXIT_OK
    for m in marks:
        print(f"{m.id:>5}  article {m.article_id} v{m.version}  {m.title[:60]}")
        print(f"       “{m.quote}”")
        if m.note:
            print(f"       note: {m.note}")
    print(f"({len(marks)} highlights)")
    return EXIT_OK


# -- saved searches ----------------------------------------------------------------------

def cmd_saved(args: Any) -> int:
    try:
        if args.action == "add":
            return _saved_add(args)
        if args.action == "list":
            return _saved_list(args)
        if not args.name:
            return _fail(f"saved {args.action} needs the name of a saved search")
        if args.action == "remove":
            with _open(args, create=False) as archive:
                archive.saved.remove(archive.saved.by_name(args.name).id)
            print(f"saved search {args.name!r} removed")
            return EXIT_OK
        return _saved_show(args)
    except (KeyError, ValueError) as exc:
        return _fail(str(exc.args[0]))


def _saved_add(args: Any) -> int:
    if not (args.name and args.query):
        return _fail("saved add needs a name and a query: saved add NAME 'QUERY' [filters]")
    filters = {"date_from": args.date_from, "date_to": args.date_to, "category": args.category,
               "language": args.lang, "tag": args.tag, "bookmarked": args.bookmarked}
    with _open(args, create=False) as archive:
        saved = archive.saved.save(args.name, args.query, filters)
    if args.json:
        _print_json(saved.to_dict())
    else:
        print(f"saved search {saved.id}: {saved.name!r} = {saved.query!r}")
    return EXIT_OK


def _saved_list(args: Any) -> int:
    from reader.core.search.saved import count

    with _open(args, create=False) as archive:
        index = open_index(archive)
        try:
            rows = [(s, count(archive, index, s)) for s in archive.saved.all()]
        finally:
            index.close()
    if args.json:
        _print_json([dict(s.to_dict(), total=c.total, new=c.new, message=c.message)
                     for s, c in rows])
        return EXIT_OK
    for s, c in rows:
        new = f", {c.new} new" if c.new else ""
        print(f"{s.id:>4}  {s.name}  ({c.total}{new})  {s.query}")
    if not rows:
        print("no saved searches (saved add NAME 'QUERY' keeps one)")
    return EXIT_OK


def _saved_show(args: Any) -> int:
    from reader.core.search.saved import filters_of, new_ids

    with _open(args, create=False) as archive:
        saved = archive.saved.by_name(args.name)
        index = open_index(archive)
        try:
            fresh = new_ids(archive, index, saved)
            results = index.search(saved.query, filters_of(saved), limit=200)
        finally:
            index.close()
        archive.saved.mark_seen(saved.id)
    hits = [{"id": h.article_id, "title": h.title, "new": h.article_id in fresh,
             "date": h.date.isoformat() if h.date else None} for h in results.hits]
    if args.json:
        _print_json({"name": saved.name, "query": saved.query, "hits": hits})
        return EXIT_OK
    for h in hits:
        print(f"{'new ' if h['new'] else '    '}{h['id']:>6}  {h['date'] or '----------'}  {h['title']}")
    print(f"({len(hits)} shown, {len(fresh)} new since last time)")
    return EXIT_OK

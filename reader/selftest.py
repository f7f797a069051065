"""`opdc-reader --self-test`: prove that this copy of the app works, with no display.

Run from a source checkout or from the PyInstaller bundle, it goes through what a
reader does on a first day: Qt starts offscreen with the bundled fonts, translations
and theme; the bundled sample archive is imported into a temporary archive (never the
user's); a Thai search finds the seed article; the window shows it; it is exported to
DOCX and PDF; a background job runs in a child process. One line per step, then "OK"
(exit 0). A step that fails prints "FAILED: <step>: <reason>" and the run exits 1;
steps that needed it are skipped.

A missing hidden import or data file in a bundle shows up here as a failed step, which
is why CI runs this against the built bundle. Qt is imported inside the steps, so
`reader.selftest` itself loads without a display or PySide6.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUERY = "ธรรมาภิบาล"  # "good governance": in the seed article's title block and body
MIN_DOCX_BYTES = 5_000
MIN_PDF_BYTES = 10_000
MIN_INK = 0.005  # share of the pane's pixels that must differ from its background


class StepFailed(Exception):
    """A check inside a step did not hold; the message says what was seen."""


@dataclass
class Context:
    """What the steps hand each other."""

    work: Path
    out: Path
    state: dict[str, Any] = field(default_factory=dict)


@dataclass
class Step:
    name: str
    run: Callable[[Context], str]
    needs: tuple[str, ...] = ()


def check(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


# -- steps ------------------------------------------------------------------------------------

def step_resources(ctx: Context) -> str:
    from reader.core import paths

    found = []
    for parts in (("archive", "MANIFEST.toml"), ("resources", "themes"), ("resources", "dict")):
        found.append(paths.resource(*parts))  # raises FileNotFoundError with the name
    themes = sorted(p.stem for p in paths.resource("resources", "themes").glob("*.toml"))
    check(bool(themes), "no theme files in resources/themes")
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # a bundle must read its own copies, never the build machine's checkout
        outside = [str(p) for p in found if Path(bundle).resolve() not in p.resolve().parents]
        check(not outside, "bundle reads resources from outside itself: " + ", ".join(outside))
    qms = sorted(p.name for p in paths.resource("resources").glob("i18n/*.qm"))
    return f"{found[0].parent.parent}; themes {', '.join(themes)}; translations {len(qms)}"


def step_qt(ctx: Context) -> str:
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from reader.ui.app import create_app
    from reader.ui.settings import load_settings

    app = create_app([sys.argv[0] if sys.argv else "opdc-reader"], load_settings())
    ctx.state["app"] = app
    family = str(app.property("opdc_family") or "")
    check(family in QFontDatabase.families(), f"Thai font family {family!r} is not available")
    metrics = QFontMetrics(QFont(family))
    check(all(metrics.inFontUcs4(ord(ch)) for ch in QUERY),
          f"font {family!r} has no glyphs for Thai")
    from PySide6.QtCore import QTranslator

    from reader.ui.i18n import qm_path

    thai = qm_path("th")
    check(thai is not None and QTranslator().load(str(thai)),
          "the Thai interface translation (opdc_th.qm) is missing or unreadable")
    return (f"{app.platformName()}, font {family}, language {app.property('opdc_lang')}, "
            f"Thai translation {thai.name if thai else ''}")


def step_archive(ctx: Context) -> str:
    from reader.core.archive import Archive
    from reader.core.sample import import_sample

    archive = Archive.open(ctx.work / "archive", create=True)
    ctx.state["archive"] = archive
    summary = import_sample(archive)
    failed = "; ".join(f"{f.name}: {f.reason}" for f in summary.failed)
    check(not summary.failed, "sample import failed: " + failed)
    count = archive.count_articles()
    check(count >= 1, "the sample archive imported no article")
    ctx.state["article_id"] = archive.list_articles(limit=1)[0].id
    return f"{count} article(s) imported into a temporary archive"


def step_search(ctx: Context) -> str:
    from reader.core.search import open_index

    # Opening the index brings it up to date with the catalog, as at every start.
    index = open_index(ctx.state["archive"])
    ctx.state["index"] = index
    results = index.search(QUERY)
    check(bool(results.hits), f"no hit for {QUERY!r} ({results.message or 'no message'})")
    ctx.state["terms"] = list(results.terms)
    ids = [h.article_id for h in results.hits]
    check(ctx.state["article_id"] in ids, f"the seed article is not among the hits {ids}")
    marked = sum(1 for h in results.hits for _, is_hit in h.snippet if is_hit)
    return f"{QUERY!r}: {len(ids)} hit(s), {marked} highlighted snippet part(s)"


def step_window(ctx: Context) -> str:
    from reader.ui.app import open_window
    from reader.ui.settings import load_settings

    app = ctx.state["app"]
    window = open_window(app, ctx.state["archive"], load_settings(), ctx.state.get("index"))
    ctx.state["window"] = window
    window.resize(1100, 750)
    window.show()
    window.listing.refresh_library()
    app.processEvents()
    window.article.show(ctx.state["article_id"])
    app.processEvents()
    check(window.isVisible(), "the main window did not show")
    return f"main window {window.width()}x{window.height()}: {window.windowTitle()[:60]}"


def step_render(ctx: Context) -> str:
    pane = ctx.state["window"].reader
    ctx.state["app"].processEvents()
    text = pane.toPlainText()
    check(QUERY in text, "the reading pane does not hold the seed article's text")
    pane.set_terms(ctx.state.get("terms") or [QUERY])  # as after a search in the window
    ctx.state["app"].processEvents()
    hits = pane.hit_count()
    check(hits >= 1, f"{QUERY!r} is not highlighted in the reading pane")
    image = pane.viewport().grab().toImage()
    check(not image.isNull() and image.width() > 0, "the reading pane could not be drawn")
    ink = ink_share(image)
    check(ink >= MIN_INK, f"the reading pane looks blank ({ink:.2%} of pixels drawn)")
    image.save(str(ctx.out / "seed-article.png"))
    return (f"{len(text)} characters, {hits} highlighted, {ink:.1%} of pixels drawn "
            f"({image.width()}x{image.height()})")


def ink_share(image: Any) -> float:
    """Share of pixels (sampled on a grid) that differ from the most common colour."""
    step = 2
    counts: dict[int, int] = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    total = sum(counts.values())
    return 1 - max(counts.values()) / total if total else 0.0


def _seed_article(ctx: Context) -> Any:
    return ctx.state["archive"].get(ctx.state["article_id"])


def step_docx(ctx: Context) -> str:
    from reader.core.export import ExportOptions, ReportMeta, build_report, write_docx

    path = ctx.out / "seed-article.docx"
    report = build_report([_seed_article(ctx)], ReportMeta(title="OPDC Reader self-test"),
                          ExportOptions())
    write_docx(report, path)
    check(path.exists(), f"{path.name} was not written")
    size = path.stat().st_size
    check(size >= MIN_DOCX_BYTES, f"{path.name} is only {size} bytes")
    with zipfile.ZipFile(path) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    words = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    check(QUERY in words, f"{path.name} does not contain the article text")
    return f"{path.name}: {size:,} bytes"


def step_pdf(ctx: Context) -> str:
    from reader.ui.printing import export_pdf

    path = ctx.out / "seed-article.pdf"
    pages = export_pdf([_seed_article(ctx)], path)
    check(path.exists(), f"{path.name} was not written")
    data = path.read_bytes()
    check(data.startswith(b"%PDF"), f"{path.name} is not a PDF")
    check(len(data) >= MIN_PDF_BYTES, f"{path.name} is only {len(data)} bytes")
    check(b"/FontFile2" in data or b"/FontFile3" in data, f"{path.name} embeds no font")
    return f"{path.name}: {pages} page(s), {len(data):,} bytes"


def step_child(ctx: Context) -> str:
    """Updates and index syncs run in a child process (reader/core/offload.py) so the
    window never waits for them; in a bundle that needs its entry point's help."""
    from reader.core import offload

    said: list[Any] = []
    pid = offload.run_in_child(offload.probe, report=said.append)
    check(said == ["started"], f"the child's progress did not come back ({said})")
    check(pid != os.getpid(), "background jobs run on a thread of this process, not in a child")
    return f"background jobs run in their own process (pid {pid})"


STEPS = [
    Step("resources", step_resources),
    Step("qt", step_qt, ("resources",)),
    Step("archive", step_archive, ("resources",)),
    Step("search", step_search, ("archive",)),
    Step("window", step_window, ("qt", "archive")),
    Step("render", step_render, ("window",)),
    Step("docx", step_docx, ("archive",)),
    Step("pdf", step_pdf, ("qt", "archive")),
    Step("child", step_child),
]


# -- running ----------------------------------------------------------------------------------

def run_steps(ctx: Context, steps: list[Step], verbose: bool = False) -> list[str]:
    """Run the steps in order; returns the names of those that failed."""
    failed: list[str] = []
    for step in steps:
        blocked = [n for n in step.needs if n in failed]
        if blocked:
            print(f"FAILED: {step.name}: skipped, needs {', '.join(blocked)}", flush=True)
            failed.append(step.name)
            continue
        started = time.perf_counter()
        try:
            detail = step.run(ctx)
        except Exception as exc:  # any failure, reported per step: that is the point
            reason = str(exc) or type(exc).__name__
            print(f"FAILED: {step.name}: {type(exc).__name__}: {reason}", flush=True)
            if verbose or not isinstance(exc, StepFailed):
                traceback.print_exc(file=sys.stderr)
            failed.append(step.name)
            continue
        print(f"ok  {step.name:<9} {time.perf_counter() - started:6.2f}s  {detail}", flush=True)
    return failed


def _close(ctx: Context) -> None:
    window = ctx.state.get("window")
    if window is not None:
        window.close()
    for key in ("index", "archive"):
        thing = ctx.state.get(key)
        if thing is not None:
            try:
                thing.close()
            except Exception as exc:  # closing must not hide the verdict
                print(f"warning: closing the {key}: {exc}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="opdc-reader --self-test",
        description="Check this copy of OPDC Reader without a display: sample archive, "
                    "Thai search, window, DOCX and PDF export. Prints OK and exits 0.")
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keep", metavar="DIR",
                        help="write the PNG, DOCX and PDF into DIR (kept) instead of a temporary folder")
    parser.add_argument("--verbose", action="store_true", help="tracebacks for every failure")
    args, _unknown = parser.parse_known_args(sys.argv[1:] if argv is None else argv)

    # Headless by default; an explicit platform (xcb under Xvfb) is respected.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="opdc-selftest-"))
    # Settings, archive and caches all go into the temporary folder: the user's own
    # home, settings and archive are never read or written by a self-test.
    saved_env = {k: os.environ.get(k) for k in ("OPDC_READER_HOME", "OPDC_READER_ARCHIVE")}
    os.environ["OPDC_READER_HOME"] = str(work / "home")
    os.environ.pop("OPDC_READER_ARCHIVE", None)
    out = Path(args.keep).resolve() if args.keep else work / "out"
    out.mkdir(parents=True, exist_ok=True)
    ctx = Context(work=work, out=out)
    from reader import __version__

    print(f"OPDC Reader {__version__} self-test"
          f" ({'bundle' if getattr(sys, 'frozen', False) else 'source'}, Python {sys.version.split()[0]})",
          flush=True)
    try:
        failed = run_steps(ctx, STEPS, args.verbose)
    finally:
        _close(ctx)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started
    if failed:
        print(f"self-test FAILED ({', '.join(failed)}) in {elapsed:.1f}s", flush=True)
        return 1
    print(f"OK ({elapsed:.1f}s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

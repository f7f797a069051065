"""bench/extract: headlines, dates and body starts found right, by site.

    PYTHONPATH=. .venv/bin/python bench/extract/run.py [--corpus ../shared/corpus]

On ../shared/corpus/pages (text copies, truth.json) and ../shared/corpus/html (real saved
pages; our own reading of them is html_truth.json here), with trafilatura measured beside
the reader on the HTML pages as a baseline (it is installed for this bench only: the
`bench` extra). Writes RESULTS.md and results.json beside this file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pagescore import Score, loose, score_folder  # noqa: E402

from reader.core.ingest import IngestError, Source, extract  # noqa: E402
from reader.core.model import DATE_FROM_PAGE  # noqa: E402


def _html_ours(path: Path, truth: dict) -> Score:
    try:
        [art] = extract(Source(path.name, path.read_bytes(), str(path)))
    except IngestError as exc:
        refused = truth["kind"] != "article"
        return Score(path.name, truth["site"], truth["kind"], refused, refused, refused, "", "", "", str(exc))
    if truth["kind"] != "article":
        return Score(path.name, truth["site"], truth["kind"], False, False, False, art.title, "", "", "not refused")
    date = art.date.isoformat() if art.date and art.date_source == DATE_FROM_PAGE else None
    first = art.paragraphs[0] if art.paragraphs else ""
    return Score(path.name, truth["site"], "article", loose(art.title) == loose(truth["title"]),
                 date == truth["date"], loose(first).startswith(loose(truth["body_starts"])),
                 art.title, date or "", first[:60])


def _html_trafilatura(path: Path, truth: dict) -> Score:
    import trafilatura

    from reader.core.ingest.detect import decode

    text, _ = decode(path.read_bytes())
    doc = trafilatura.bare_extraction(text, with_metadata=True)
    title = (getattr(doc, "title", None) or "") if doc else ""
    body = (getattr(doc, "text", None) or "") if doc else ""
    date = (getattr(doc, "date", None) or None) if doc else None
    if truth["kind"] != "article":  # no article: right only when nothing is returned
        empty = not body.strip()
        return Score(path.name, truth["site"], truth["kind"], empty, empty, empty, title, date or "", body[:60])
    first = next((line for line in body.split("\n") if line.strip()), "")
    return Score(path.name, truth["site"], "article", loose(title) == loose(truth["title"]),
                 date == truth["date"], loose(first).startswith(loose(truth["body_starts"])),
                 title, date or "", first[:60])


def score_html(folder: Path, reader) -> list[Score]:
    truth = json.loads((HERE / "html_truth.json").read_text(encoding="utf-8"))
    return [reader(folder / name, t) for name, t in truth.items() if not name.startswith("_")]


def by_site(rows: list[Score]) -> dict[str, list[int]]:
    sites: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for r in rows:
        for key in (r.site, "all"):
            s = sites[key]
            s[0] += 1
            s[1] += r.title_ok
            s[2] += r.date_ok
            s[3] += r.body_ok
    return dict(sites)


def table(title: str, sites: dict[str, list[int]]) -> list[str]:
    lines = [f"### {title}", "", "| site | pages | titles right | dates right | body starts right |",
             "|---|---:|---:|---:|---:|"]
    for site in sorted(sites, key=lambda s: (s == "all", s)):
        n, t, d, b = sites[site]
        name = "**all**" if site == "all" else site
        lines.append(f"| {name} | {n} | {t} ({t / n:.0%}) | {d} ({d / n:.0%}) | {b} ({b / n:.0%}) |")
    return lines + [""]


def wrong(rows: list[Score]) -> list[str]:
    out = []
    for r in rows:
        if not (r.title_ok and r.date_ok and r.body_ok):
            what = ", ".join(k for k, ok in (("title", r.title_ok), ("date", r.date_ok),
                                                ("body", r.body_ok)) if not ok)
            out.append(f"- `{r.name}` ({what}): got “{r.got_title[:70]}” / {r.got_date or '-'} / "
                       f"“{r.got_body[:40]}” {r.error[:80]}")
    return out or ["- none"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(HERE.parents[1].parent / "shared" / "corpus"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    start = time.perf_counter()
    pages = score_folder(corpus / "pages")
    html = score_html(corpus / "html", _html_ours)
    ours_s = time.perf_counter() - start
    start = time.perf_counter()
    try:
        baseline = score_html(corpus / "html", _html_trafilatura)
    except ImportError:
        baseline = []
    traf_s = time.perf_counter() - start
    truncated = _truncation(corpus / "pages")
    results = {
        "pages": by_site(pages), "html_reader": by_site(html), "html_trafilatura": by_site(baseline),
        "truncated_marked": truncated, "seconds_reader": round(ours_s, 2), "seconds_trafilatura": round(traf_s, 2),
    }
    (HERE / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    md = ["# bench/extract results", "",
          "Headline, posting date and first body paragraph, compared loosely (whitespace ignored).",
          "A list or redirect page counts as right in every column when it is refused. A page",
          "with no headline (`title: null`) counts as right when the reader marks it untitled.", ""]
    md += table("corpus/pages (text copies): OPDC Reader", results["pages"])
    md += ["Wrong on corpus/pages:", *wrong(pages), ""]
    md += [f"Pages cut off (truth `truncated`) that the reader marks truncated: {truncated[0]} of {truncated[1]};"
           f" whole pages marked truncated: {truncated[2]} of {truncated[3]}.", ""]
    md += table("corpus/html: OPDC Reader", results["html_reader"])
    md += ["Wrong on corpus/html (reader):", *wrong(html), ""]
    if baseline:
        md += table("corpus/html: trafilatura (baseline)", results["html_trafilatura"])
        md += ["Wrong on corpus/html (trafilatura):", *wrong(baseline), ""]
    (HERE / "RESULTS.md").write_text("\n".join(md), encoding="utf-8")
    print("\n".join(md))


def _truncation(folder: Path) -> tuple[int, int, int, int]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    cut = [0, 0, 0, 0]
    for name, t in truth.items():
        if t["kind"] != "article":
            continue
        [art] = extract(Source(name, (folder / name).read_bytes(), name))
        marked = "truncated" in art.marks
        if t["truncated"]:
            cut[0] += marked
            cut[1] += 1
        else:
            cut[2] += marked
            cut[3] += 1
    return cut[0], cut[1], cut[2], cut[3]


if __name__ == "__main__":
    main()

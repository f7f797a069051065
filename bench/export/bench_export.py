"""Export a 100-article report to DOCX and to PDF: seconds and peak memory.

    cd /work/main && /work/venv/bin/python bench/export/bench_export.py [--articles 100] [--runs 5]

Each run is a fresh process (so peak RSS is that export's own), with QT_QPA_PLATFORM=offscreen.
Articles are the seed page (8 long Thai paragraphs, about 5 printed pages each) under
different titles and dates. Prints the median and range of the runs; "base" is the
process's RSS after imports and before the export, "peak" its maximum RSS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def articles(count: int):
    sys.path.insert(0, str(ROOT))
    from tests.core.test_export_seed import seed_article

    start = dt.date(2013, 8, 26)
    return [seed_article(id=i, title=f"{i:03d} {seed_article().title}", date=start + dt.timedelta(days=7 * i))
            for i in range(1, count + 1)]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def child(kind: str, count: int, out: Path) -> dict:
    from reader.core.export import ReportMeta, build_report

    items = articles(count)
    meta = ReportMeta(author="bench")
    if kind == "docx":
        from reader.core.export.docx import write_docx

        base = rss_mb()
        t0 = time.perf_counter()
        write_docx(build_report(items, meta), out)
        seconds = time.perf_counter() - t0
        pages = None
    else:
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication(["bench"])  # noqa: F841 - kept alive for the export
        from reader.ui.printing import export_pdf

        base = rss_mb()
        t0 = time.perf_counter()
        pages = export_pdf(items, out, meta=meta)
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "base_mb": base, "peak_mb": rss_mb(), "pages": pages,
            "size_kb": out.stat().st_size / 1024}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["docx", "pdf"])
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.articles, Path(args.out))))
        return
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("docx", "pdf"):
            runs = []
            for i in range(args.runs):
                out = Path(tmp) / f"report{i}.{kind}"
                done = subprocess.run([sys.executable, __file__, "--child", kind, "--articles", str(args.articles),
                                       "--out", str(out)], env=env, cwd=ROOT, capture_output=True, text=True,
                                      check=True)
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            secs = [r["seconds"] for r in runs]
            peak = [r["peak_mb"] for r in runs]
            base = [r["base_mb"] for r in runs]
            extra = f", {runs[0]['pages']} pages" if runs[0]["pages"] else ""
            print(f"{kind}: {args.articles} articles, median {statistics.median(secs):.2f} s "
                  f"(min {min(secs):.2f}, max {max(secs):.2f}); peak RSS median {statistics.median(peak):.0f} MB "
                  f"(base {statistics.median(base):.0f} MB); file {runs[0]['size_kb']:.0f} KB{extra}; {args.runs} runs")


if __name__ == "__main__":
    main()

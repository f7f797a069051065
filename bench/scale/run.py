"""The whole corpus: 63,242 articles imported, searched and browsed, memory watched.

    /work/venv/bin/python bench/scale/run.py [--tar PATH] [--keep DIR] [--repeat 5]

1. Import: `opdc-reader import thaigov-v2-all.tar.xz` in a child process, exactly as a
   librarian runs it (the importer streams the tar; nothing is unpacked first). The
   child's RSS is sampled every half second (psutil) with the number of articles
   committed so far (a read-only look at the catalog), so the table shows whether memory
   grows with the archive (it must not: sources are streamed, articles committed one by one).
2. `verify` over the whole archive (every original re-hashed).
3. Search: a fixed set of Thai and English queries, each run --repeat times; median ms.
4. Browse: list pages at several offsets and orders, counts with filters, the sidebar
   facets; median ms of --repeat runs.
Writes bench/scale/RESULTS.md and results.json. Run it alone: it takes minutes and both cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
TAR = Path(os.environ.get("OPDC_SHARED", ROOT.parent / "shared")) / "corpus" / "thaigov-v2-all.tar.xz"

QUERIES = ["นายกรัฐมนตรี", "ก.พ.ร.", "การพัฒนาระบบราชการ", "โควิด", "ประชุมคณะรัฐมนตรี", "เศรษฐกิจ",
           "\"รัฐบาลดิจิทัล\"", "ภาษี OR ศุลกากร", "Prime Minister", "ASEAN", "น้ำท่วม ภาคใต้", "ยาเสพติด"]


def committed(archive: Path) -> int:
    catalog = archive / "catalog.sqlite"
    if not catalog.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6 if path.exists() else 0.0


def run_import(archive: Path, tar: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("QT_QPA_PLATFORM", None)
    started = time.perf_counter()
    # Output to files, not pipes: the JSON summary (hundreds of failures) outgrows a pipe's
    # buffer, and a child blocked writing to it never exits.
    out_file = tempfile.TemporaryFile("w+", encoding="utf-8")
    err_file = tempfile.TemporaryFile("w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "reader.cli", "--archive", str(archive), "import",
                             str(tar), "--json"], cwd=ROOT, env=env, stdout=out_file, stderr=err_file)
    ps = psutil.Process(proc.pid)
    samples = []
    while proc.poll() is None:
        try:
            rss = ps.memory_info().rss / 1e6
        except psutil.Error:
            break
        samples.append((round(time.perf_counter() - started, 1), committed(archive), round(rss, 1)))
        time.sleep(0.5)
    proc.wait()
    seconds = time.perf_counter() - started
    out_file.seek(0)
    err_file.seek(0)
    out, err = out_file.read(), err_file.read()
    summary = json.loads(out) if out.strip().startswith("{") else {"raw": out[-2000:]}
    if "new" not in summary:  # stopped early (Ctrl+C / SIGINT): what the catalog holds
        summary["new"] = committed(archive)
        summary["stopped_early"] = True
    return {"seconds": round(seconds, 1), "returncode": proc.returncode, "summary": summary,
            "stderr": err[-2000:], "samples": samples,
            "peak_rss_mb": max((s[2] for s in samples), default=0.0)}


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1), result


def run_queries(archive: Path, repeat: int) -> list[dict]:
    from reader.core.archive import Archive
    from reader.core.search import SearchIndex, sync_index

    rows = []
    with Archive.open(archive) as arch:
        index = SearchIndex.open(arch.index_dir)
        t = time.perf_counter()
        synced = sync_index(arch, index)
        rows.append({"what": "sync_index at start (index checked against the catalog)",
                     "ms": round((time.perf_counter() - t) * 1000, 1), "result": f"{synced} docs repaired"})
        for q in QUERIES:
            first_t = time.perf_counter()
            index.search(q, limit=20)
            first = (time.perf_counter() - first_t) * 1000
            ms, res = timed(lambda q=q: index.search(q, limit=20), repeat)
            rows.append({"what": f"search {q}", "ms": ms, "first_ms": round(first, 1),
                         "result": f"about {res.total} hits"})
            ms, res = timed(lambda q=q: index.search(q, sort="date", limit=20, offset=100), repeat)
            rows.append({"what": f"search {q} (by date, page 6)", "ms": ms, "result": f"{len(res.hits)} shown"})
        index.close()
    return rows


def run_browse(archive: Path, repeat: int) -> list[dict]:
    from reader.core.archive import Archive, ListFilter

    rows = []
    with Archive.open(archive, readonly=True) as arch:
        total = arch.count_articles()
        for order in ("date_desc", "title_asc", "category_asc"):
            for offset in (0, total // 2, max(0, total - 100)):
                ms, res = timed(lambda o=order, off=offset: arch.list_articles(order=o, offset=off, limit=100), repeat)
                rows.append({"what": f"list 100, {order}, offset {offset}", "ms": ms, "result": f"{len(res)} rows"})
        cats = arch.categories()
        year = arch.years()[0][0] if arch.years() else 2021
        for label, flt in (("count, one year", ListFilter(year=year)),
                           ("count, one category", ListFilter(category=cats[0][0] if cats else "")),
                           ("count, title contains", ListFilter(title_contains="ประชุม"))):
            ms, res = timed(lambda f=flt: arch.count_articles(f), repeat)
            rows.append({"what": label, "ms": ms, "result": f"{res}"})
        ms, res = timed(lambda: arch.list_articles(ListFilter(title_contains="ประชุม"), offset=200, limit=100), repeat)
        rows.append({"what": "list 100, title contains, offset 200", "ms": ms, "result": f"{len(res)} rows"})
        for name in ("years", "categories", "all_tags"):
            ms, res = timed(getattr(arch, name), repeat)
            rows.append({"what": f"sidebar: {name}()", "ms": ms, "result": f"{len(res)} entries"})
        ms, res = timed(lambda: arch.get(total // 2), repeat)
        rows.append({"what": "open one article (get)", "ms": ms, "result": res.title[:40]})
    return rows


def run_verify(archive: Path) -> dict:
    from reader.core.archive import Archive
    from reader.core.archive.verify import verify

    with Archive.open(archive, readonly=True) as arch:
        t = time.perf_counter()
        report = verify(arch)
        return {"seconds": round(time.perf_counter() - t, 1), "ok": report.ok,
                "originals": report.originals_checked, "versions": report.versions_checked,
                "problems": report.problems[:10], "warnings": len(report.warnings)}


def write_results(res: dict) -> None:
    (HERE / "results.json").write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str))
    (HERE / "RESULTS.md").write_text(results_markdown(res))


def results_markdown(res: dict) -> str:
    imp = res["import"]
    s = imp["summary"]
    n = s.get("new", 0)
    lines = [
        "# Full-corpus scale run (bench/scale/run.py)", "",
        f"{res['when']}, Python {res['python']}, {res['machine']}, {res['ram_gb']} GB RAM; shared machine "
        "(other helpers' benchmarks may have been running). One run (the import takes minutes); "
        f"search and browse are medians of {res['repeat']} runs.", "",
        "## Import (`opdc-reader import thaigov-v2-all.tar.xz`, streamed from the tar)", "",
        "| measure | value |", "|---|---|",
        f"| articles new / unchanged / duplicate / failed | {n:,} / {s.get('unchanged', 0):,} / "
        f"{s.get('duplicate', 0):,} / {len(s.get('failed', []))} |",
        f"| wall time | {imp['seconds']:.0f} s ({n / max(imp['seconds'], 1e-9):.0f} articles/s) |",
        f"| exit code | {imp['returncode']}"
        f"{' (stopped early with Ctrl+C: the machine was shared; everything committed was kept)' if s.get('stopped_early') else ''} |",
        f"| peak RSS of the import process | {imp['peak_rss_mb']:.0f} MB |",
        f"| archive on disk | {res['sizes']['total_mb']:.0f} MB (catalog {res['sizes']['catalog_mb']:.0f}, "
        f"originals {res['sizes']['originals_mb']:.0f}, index {res['sizes']['index_mb']:.0f}) |",
        f"| verify (every original re-hashed) | ok={res['verify']['ok']}, {res['verify']['originals']:,} originals, "
        f"{res['verify']['seconds']} s |", "",
        "Memory while importing (RSS against articles committed; a flat line means streamed):", "",
        "| seconds | articles committed | RSS MB |", "|---:|---:|---:|",
    ]
    samples = imp["samples"]
    step = max(1, len(samples) // 15)
    for t, count, rss in samples[::step] + samples[-1:]:
        lines.append(f"| {t} | {count:,} | {rss} |")
    if s.get("failed"):
        lines += ["", "Files that failed (first 10):", ""]
        lines += [f"- {f['name']}: {f['reason']}" for f in s["failed"][:10]]
    lines += ["", "## Search (the archive's own index, after the import)", "",
              "| query | median ms | first run ms | result |", "|---|---:|---:|---|"]
    lines += [f"| {r['what']} | {r['ms']} | {r.get('first_ms', '')} | {r['result']} |" for r in res["search"]]
    lines += ["", "## Browse (catalog paging, counts, sidebar)", "",
              "| operation | median ms | result |", "|---|---:|---|"]
    lines += [f"| {r['what']} | {r['ms']} | {r['result']} |" for r in res["browse"]]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tar", type=Path, default=TAR)
    ap.add_argument("--keep", type=Path, help="archive folder to keep (default: a temporary one, removed)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if not args.tar.exists():
        print(f"corpus not found: {args.tar}", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    archive = work / "arch"
    res = {"when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "python": platform.python_version(),
           "machine": f"{platform.machine()} {os.cpu_count()} cpu",
           "ram_gb": round(psutil.virtual_memory().total / 2**30), "repeat": args.repeat}
    try:
        res["import"] = run_import(archive, args.tar)
        print(f"import: {res['import']['seconds']} s, rc {res['import']['returncode']}", flush=True)
        res["sizes"] = {"total_mb": dir_mb(archive), "catalog_mb": (archive / "catalog.sqlite").stat().st_size / 1e6,
                        "originals_mb": dir_mb(archive / "originals"), "index_mb": dir_mb(archive / "index")}
        res["verify"] = run_verify(archive)
        print(f"verify: {res['verify']}", flush=True)
        res["search"] = run_queries(archive, args.repeat)
        res["browse"] = run_browse(archive, args.repeat)
        write_results(res)
        print((HERE / "RESULTS.md").read_text())
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if res["import"]["returncode"] == 0 and res["verify"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

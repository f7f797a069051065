"""Import throughput and peak memory on the real corpus.

    .venv/bin/python bench/import/run.py [--sizes 1000 10000 63242] [--runs 3] [--no-index]

Articles are unpacked from ../shared/corpus/thaigov-v2-all.tar.xz into a scratch folder
first (not timed); each run imports that folder into a fresh archive in a child process
(`opdc-reader import`, the same code a librarian runs), so peak RSS is the child's alone.
Writes bench/import/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TAR = Path(os.environ.get("OPDC_SHARED", ROOT.parent / "shared")) / "corpus" / "thaigov-v2-all.tar.xz"


def unpack(n: int, dest: Path) -> int:
    """The first n article files of the tar (in archive order) into dest."""
    dest.mkdir(parents=True, exist_ok=True)
    count = 0
    with tarfile.open(TAR, "r:xz") as tar:
        for member in tar:
            if not (member.isfile() and member.name.endswith(".txt") and "/data/" in member.name):
                continue
            data = tar.extractfile(member).read()
            target = dest / member.name.split("/data/", 1)[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            count += 1
            if count >= n:
                break
    return count


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def one_run(folder: Path, with_index: bool) -> dict:
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    archive = work / "arch"
    code = (
        "import sys, time, resource\n"
        "from reader.core.archive import Archive\n"
        "from reader.core.importer import import_targets\n"
        f"arch = Archive.open({str(archive)!r})\n"
        "index = None\n"
        f"if {with_index}:\n"
        "    from reader.core.search import open_index\n"
        "    index = open_index(arch)\n"
        "t, c = time.perf_counter(), time.process_time()\n"
        f"s = import_targets(arch, [{str(folder)!r}], index=index)\n"
        "if index is not None: index.close()\n"
        "dt, dc = time.perf_counter() - t, time.process_time() - c\n"
        "print(dt, s.counts['new'], len(s.failed), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, dc)\n"
    )
    try:
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
        seconds, new, failed, rss_kb, cpu = float(out[0]), int(out[1]), int(out[2]), int(out[3]), float(out[4])
        print(f"  run: {seconds:.1f} s wall, {cpu:.1f} s CPU", flush=True)
        return {"seconds": seconds, "cpu": cpu, "new": new, "failed": failed, "rss_mb": rss_kb / 1024,
                "archive_mb": dir_size(archive) / 1e6,
                "index_mb": dir_size(archive / "index") / 1e6 if (archive / "index").exists() else 0.0}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 63242])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-index", action="store_true", help="catalog only, no search index")
    ap.add_argument("--out", default=str(ROOT / "bench" / "import" / "RESULTS.md"))
    args = ap.parse_args()
    if not TAR.exists():
        print(f"corpus not found at {TAR}; nothing to measure")
        return 0
    rows = []
    scratch = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        for n in args.sizes:
            folder = scratch / str(n)
            got = unpack(n, folder)
            runs = [one_run(folder, not args.no_index) for _ in range(args.runs if n < 60000 else 1)]
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            rows.append((got, len(runs), med, dir_size(folder) / 1e6))
            print(f"{got} articles: {got / med['seconds']:.0f} articles/s, peak RSS {med['rss_mb']:.0f} MB,"
                  f" archive {med['archive_mb']:.0f} MB", flush=True)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    mode = "catalog only" if args.no_index else "catalog + search index, as `opdc-reader import` does"
    lines = [
        "# Import benchmark", "",
        f"`bench/import/run.py` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python "
        f"{sys.version.split()[0]}; {mode}. Medians of the runs shown.", "",
        "| articles | runs | seconds | CPU seconds | articles/s | peak RSS MB | archive MB | of which index MB | source text MB | failed |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for got, nruns, med, src in rows:
        lines.append(f"| {got} | {nruns} | {med['seconds']:.1f} | {med['cpu']:.1f} | {got / med['seconds']:.0f} | "
                     f"{med['rss_mb']:.0f} | {med['archive_mb']:.0f} | {med['index_mb']:.0f} | {src:.0f} | "
                     f"{med['failed']:.0f} |")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Search index build times: the full rebuild, and incremental updates on a large index.

    python -m bench.search.build_time rebuild 10000 [--serial] [--runs 3]
    python -m bench.search.build_time update /path/to/archive/index [--batches 5] [--size 1000]

rebuild: SearchIndex.rebuild of the first N articles of the bench corpus cache (see
run.py; build it with `python -m bench.search.run` first), streamed as the catalog
would stream them. Prints wall seconds, CPU seconds of the writing process and of the
analysis workers (children, counted once they exit), peak RSS of each, and the load
average at start and end (the machine is shared: CPU times are the steadier figure).

update: copies the index folder to a scratch folder (the original is never written)
and adds batches of new articles (corpus articles under fresh ids) the way the
importer does: ms per article for each batch.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.search.run import CACHE, articles, docs
from reader.core.model import IndexDoc
from reader.core.search import SearchIndex

SCRATCH = Path(tempfile.gettempdir()) / "opdc-build-bench"


def _cpu() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def rebuild(n: int, parallel: bool) -> dict:
    path = SCRATCH / f"rebuild-{n}"
    shutil.rmtree(path, ignore_errors=True)
    index = SearchIndex.open(path)
    load0 = os.getloadavg()
    c0 = _cpu()
    t = time.perf_counter()
    done = index.rebuild(docs(n), total=n, parallel=parallel)
    wall = time.perf_counter() - t
    c1 = _cpu()
    size = sum(p.stat().st_size for p in path.iterdir() if p.is_file())
    index.close()
    return {
        "articles": done, "parallel": parallel, "wall_s": round(wall, 1),
        "cpu_writer_s": round(c1[0] - c0[0], 1), "cpu_workers_s": round(c1[1] - c0[1], 1),
        "peak_rss_writer_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "peak_rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
        "size_mb": round(size / 2**20, 1),
        "load_start": [round(x, 2) for x in load0], "load_end": [round(x, 2) for x in os.getloadavg()],
    }


def update(src: Path, batches: int, size: int) -> dict:
    dst = SCRATCH / "update" / "index"
    shutil.rmtree(dst.parent, ignore_errors=True)
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*WRITELOCK*"))
    index = SearchIndex.open(dst)
    start = index.stamp()[0]
    out = []
    arts = articles(batches * size)
    for _batch in range(batches):
        batch = []
        for _ in range(size):
            art = next(arts)
            art.id += 10_000_000  # new articles, as an import adds them
            batch.append(IndexDoc(art, updated_at="2030-01-01T00:00:00"))
        c = time.process_time()
        t = time.perf_counter()
        index.update(batch)
        out.append({"ms_per_article": round((time.perf_counter() - t) * 1000 / size, 2),
                    "cpu_ms_per_article": round((time.process_time() - c) * 1000 / size, 2),
                    "load": round(os.getloadavg()[0], 2)})
        print(json.dumps(out[-1]), flush=True)
    index.close()
    return {"index_articles_at_start": start, "batch": size, "batches": out,
            "median_ms_per_article": statistics.median(b["ms_per_article"] for b in out)}


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rebuild")
    r.add_argument("n", type=int)
    r.add_argument("--serial", action="store_true")
    r.add_argument("--runs", type=int, default=1)
    u = sub.add_parser("update")
    u.add_argument("index", type=Path)
    u.add_argument("--batches", type=int, default=5)
    u.add_argument("--size", type=int, default=1000)
    args = ap.parse_args()
    if not CACHE.exists():
        raise SystemExit(f"no corpus cache at {CACHE}: run python -m bench.search.run first")
    if args.cmd == "rebuild":
        for _ in range(args.runs):  # children's CPU is cumulative: one run per process is exact
            print(json.dumps(rebuild(args.n, not args.serial)), flush=True)
    else:
        print(json.dumps(update(args.index, args.batches, args.size)), flush=True)


if __name__ == "__main__":
    main()

"""The long fuzz run: at least 100,000 generated inputs against the importers, the Thai
date parser and the search query parser; coverage-guided (atheris) where it installs.

    /work/venv/bin/python bench/fuzz/run.py [--seed 1] [--extract 80000] [--dates 20000]
                                            [--queries 5000] [--atheris 20000] [--big 1]

Inputs come from tests/reliability/fuzzgen.py (grammars of real pages, feeds, dates and
queries; mutations of the seed page and the shared corpus files; random bytes; other
encodings), drawn from a seeded random.Random, so a run can be repeated exactly.
Promises checked on every input (as in tests/reliability/test_fuzz.py): only IngestError
escapes extract(), never through its catch-all; no input takes more than a second per
megabyte of CPU time (with a one-second floor; CPU, not wall, as in the tests: the
machine is shared). `--big` is the percentage of inputs grown to 0.5-4 MB. Writes
bench/fuzz/RESULTS.md and results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.core import thaidate  # noqa: E402
from reader.core.ingest import IngestError, Source, extract  # noqa: E402
from tests.reliability import fuzzgen  # noqa: E402

HERE = Path(__file__).resolve().parent
MB = 1024 * 1024
HANG = 60  # seconds: an input still running after this is recorded as a hang
CATCH_ALL = "could not read this file ("


class Hang(BaseException):  # not Exception: extract's catch-all must not swallow it
    pass


def _alarm(_signum, _frame):
    raise Hang()


def budget(size: int) -> float:
    return max(1.0, size / MB)


def blow_up(c: fuzzgen.Chooser, data: bytes) -> bytes:
    """Some inputs grown to 0.5-4 MB, to measure time per megabyte on big files."""
    target = c.integer(MB // 2, 4 * MB)
    return (data * (target // max(1, len(data)) + 1))[:target]


def run_extract(n: int, rng: random.Random, big: int = 1) -> dict:
    c = fuzzgen.Chooser(rng)
    seeds = fuzzgen.seed_files()
    stats = {"inputs": 0, "bytes": 0, "seconds": 0.0, "families": Counter(), "outcomes": Counter(),
             "problems": [], "slowest": None, "worst_per_mb": None, "big_inputs": 0, "big_bytes": 0,
             "big_seconds": 0.0, "wall_seconds": 0.0}
    for i in range(n):
        family, name, data = fuzzgen.source_input(c, seeds)
        if c.chance(big):
            data, family = blow_up(c, data), family + "+big"
        signal.alarm(HANG)
        started, wall = time.process_time(), time.perf_counter()
        outcome = "ok"
        try:
            extract(Source(name=name, data=data, origin=name))
        except IngestError as exc:
            outcome = "refused"
            if str(exc).startswith(CATCH_ALL):
                outcome = "catch-all"
                stats["problems"].append({"kind": "parser crash behind the catch-all", "family": family,
                                          "message": str(exc)[:300], "sha256": _keep(data)})
        except Hang:
            outcome = "hang"
            stats["problems"].append({"kind": f"no answer after {HANG}s", "family": family,
                                      "bytes": len(data), "sha256": _keep(data)})
        except Exception as exc:  # an escape: the one thing that must never happen
            outcome = "escaped"
            stats["problems"].append({"kind": f"{type(exc).__name__} escaped extract()", "family": family,
                                      "message": str(exc)[:300], "sha256": _keep(data)})
        finally:
            signal.alarm(0)
        took = time.process_time() - started
        stats["wall_seconds"] += time.perf_counter() - wall
        stats["inputs"] += 1
        stats["bytes"] += len(data)
        stats["seconds"] += took
        stats["families"][family] += 1
        stats["outcomes"][outcome] += 1
        if len(data) >= MB // 2:
            stats["big_inputs"] += 1
            stats["big_bytes"] += len(data)
            stats["big_seconds"] += took
        if took > budget(len(data)):
            stats["problems"].append({"kind": "over a second per MB", "family": family, "bytes": len(data),
                                      "seconds": round(took, 3), "sha256": _keep(data)})
        if stats["slowest"] is None or took > stats["slowest"]["seconds"]:
            stats["slowest"] = {"seconds": round(took, 4), "bytes": len(data), "family": family,
                                "name": name, "sha256": hashlib.sha256(data).hexdigest()[:16]}
        per_mb = took / max(len(data) / MB, 1e-9)
        if len(data) >= 64 * 1024 and (stats["worst_per_mb"] is None or per_mb > stats["worst_per_mb"]["s_per_mb"]):
            stats["worst_per_mb"] = {"s_per_mb": round(per_mb, 3), "bytes": len(data), "family": family,
                                     "seconds": round(took, 3)}
        if (i + 1) % 5000 == 0:
            print(f"extract {i + 1}/{n} {dict(stats['outcomes'])}", flush=True)
    return stats


FOUND = Path(tempfile.gettempdir()) / "opdc-fuzz-found"  # outside the repo: inputs reach 4 MB


def _keep(data: bytes) -> str:
    """Save a failing input under FOUND, named by its hash (as RESULTS.md names it)."""
    sha = hashlib.sha256(data).hexdigest()[:16]
    found = FOUND
    found.mkdir(exist_ok=True)
    (found / f"{sha}.bin").write_bytes(data[: 4 * MB])
    return sha


def run_dates(n: int, rng: random.Random) -> dict:
    c = fuzzgen.Chooser(rng)
    stats = {"inputs": 0, "dates_found": 0, "seconds": 0.0, "problems": [], "slowest": 0.0}
    for _ in range(n):
        text = fuzzgen.date_text(c) if c.chance(80) else c.unicode(c.integer(0, 400))
        started = time.perf_counter()
        try:
            found = thaidate.find_dates(text)
            first = thaidate.parse_date(text)
            assert first == (found[0] if found else None)
            end = 0
            for f in found:
                assert end <= f.start < f.end <= len(text)
                assert f.end_date is None or f.end_date >= f.date
                end = f.end
            thaidate.parse_year(text)
            stats["dates_found"] += len(found)
        except Exception as exc:
            stats["problems"].append({"kind": type(exc).__name__, "text": text[:200], "message": str(exc)[:200]})
        took = time.perf_counter() - started
        stats["inputs"] += 1
        stats["seconds"] += took
        stats["slowest"] = max(stats["slowest"], took)
    return stats


def run_queries(n: int, rng: random.Random) -> dict:
    from reader.core.archive import Archive
    from reader.core.search import Filters, SearchIndex, sync_index

    c = fuzzgen.Chooser(rng)
    stats = {"inputs": 0, "seconds": 0.0, "problems": [], "slowest": 0.0, "messages": 0}
    work = Path(tempfile.mkdtemp(prefix="fuzz-search-"))
    try:
        with Archive.open(work / "arch") as arch:
            fuzzgen.fill_archive(arch, fuzzgen.seed_files())
            index = SearchIndex.open(arch.index_dir)
            sync_index(arch, index)
            for _ in range(n):
                query = fuzzgen.query(c)
                started = time.perf_counter()
                try:
                    results = index.search(query, Filters(), sort=c.choice(["relevance", "date"]), limit=10)
                    stats["messages"] += bool(results.message)
                except Exception as exc:
                    stats["problems"].append({"kind": type(exc).__name__, "query": query[:200],
                                              "message": str(exc)[:200]})
                took = time.perf_counter() - started
                stats["inputs"] += 1
                stats["seconds"] += took
                stats["slowest"] = max(stats["slowest"], took)
            index.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return stats


ATHERIS_TARGET = r'''
import sys, atheris
with atheris.instrument_imports(include=["reader"]):
    from reader.core.ingest import IngestError, Source, extract
NAMES = ["page.txt", "page.html", "feed.xml"]

def one(data):
    fdp = atheris.FuzzedDataProvider(data)
    name = NAMES[fdp.ConsumeIntInRange(0, 2)]
    body = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        extract(Source(name=name, data=body, origin=name))
    except IngestError as exc:
        if str(exc).startswith("could not read this file ("):
            raise RuntimeError("parser crash behind the catch-all: " + str(exc)[:300])

atheris.Setup(sys.argv, one)
atheris.Fuzz()
'''


def run_atheris(n: int) -> dict:
    try:
        import atheris  # noqa: F401
    except ImportError as exc:
        return {"available": False, "why": f"atheris does not import here: {exc}"}
    work = Path(tempfile.mkdtemp(prefix="fuzz-atheris-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for i, (_name, data) in enumerate(fuzzgen.seed_files()):
        (corpus / f"seed{i}").write_bytes(bytes([i % 3]) + data[:60000])
    script = work / "target.py"
    script.write_text(ATHERIS_TARGET)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(script), f"-runs={n}", "-max_len=65536", "-timeout=20", "-rss_limit_mb=4096",
         f"-artifact_prefix={work}/", "-print_final_stats=1", str(corpus)],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    took = time.perf_counter() - started
    log = proc.stderr
    stats = {"available": True, "returncode": proc.returncode, "seconds": round(took, 1),
             "runs": None, "coverage": None, "crashes": []}
    for line in log.splitlines():
        if line.startswith("stat::number_of_executed_units:"):
            stats["runs"] = int(line.split(":")[-1])
        if " cov: " in line:
            stats["coverage"] = line.split(" cov: ")[1].split()[0]
    for art in work.glob("crash-*"):
        stats["crashes"].append(art.name)
        FOUND.mkdir(exist_ok=True)
        shutil.copy(art, FOUND / art.name)
    if proc.returncode != 0:
        stats["tail"] = log[-2000:]
    shutil.rmtree(work, ignore_errors=True)
    return stats


def write_results(res: dict) -> None:
    (HERE / "results.json").write_text(json.dumps(res, ensure_ascii=False, indent=2, default=str))
    ex, da, qu, at = res["extract"], res["dates"], res["queries"], res["atheris"]
    total = ex["inputs"] + da["inputs"] + qu["inputs"] + (at.get("runs") or 0)
    lines = [
        "# Fuzz run (bench/fuzz/run.py)", "",
        f"{res['when']}, seed {res['seed']}, Python {res['python']}, {res['machine']}. "
        f"Wall time {res['wall_seconds']:.0f} s on a shared 2-core machine (other benchmarks were running).", "",
        f"**{total:,} generated inputs**; problems found: "
        f"{len(ex['problems']) + len(da['problems']) + len(qu['problems']) + len(at.get('crashes', []))}.", "",
        "| target | inputs | outcome | time |",
        "|---|---:|---|---|",
        f"| `extract()` (text, HTML, feeds, seed/corpus mutations, random bytes, other encodings) | "
        f"{ex['inputs']:,} | {dict(ex['outcomes'])} | {ex['bytes'] / MB:.1f} MB in {ex['seconds']:.0f} s CPU "
        f"({ex['seconds'] / max(ex['bytes'] / MB, 1e-9):.2f} s/MB overall; {ex['wall_seconds']:.0f} s wall) |",
        f"| `extract()` big inputs (0.5-4 MB, {res['big_percent']}% of inputs) | {ex['big_inputs']:,} | (included above) | "
        f"{ex['big_bytes'] / MB:.1f} MB in {ex['big_seconds']:.1f} s CPU "
        f"({ex['big_seconds'] / max(ex['big_bytes'] / MB, 1e-9):.3f} s/MB) |",
        f"| `thaidate.find_dates/parse_date/parse_year` | {da['inputs']:,} | {da['dates_found']:,} dates found, "
        f"{len(da['problems'])} problems | {da['seconds']:.1f} s, slowest {da['slowest'] * 1000:.1f} ms |",
        f"| `SearchIndex.search` (hostile queries) | {qu['inputs']:,} | {qu['messages']:,} answered with a "
        f"message, {len(qu['problems'])} problems | {qu['seconds']:.1f} s, slowest {qu['slowest'] * 1000:.0f} ms |",
    ]
    if at.get("available"):
        lines.append(f"| atheris (coverage-guided, libFuzzer) over `extract()` | {at.get('runs') or 0:,} | "
                     f"exit {at['returncode']}, crashes {len(at['crashes'])}, coverage {at.get('coverage')} | "
                     f"{at['seconds']:.0f} s |")
    else:
        lines.append(f"| atheris | 0 | not run: {at.get('why')} | |")
    lines += ["", f"Slowest extract input (CPU): {ex['slowest']}", "",
              f"Worst CPU time per MB (inputs of 64 KB or more): {ex['worst_per_mb']}", "",
              f"Families: {dict(ex['families'])}", ""]
    problems = ex["problems"] + da["problems"] + qu["problems"]
    if problems:
        lines += ["## Problems", ""] + [f"- {json.dumps(p, ensure_ascii=False)}" for p in problems[:50]]
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--extract", type=int, default=80_000)
    ap.add_argument("--dates", type=int, default=20_000)
    ap.add_argument("--queries", type=int, default=5_000)
    ap.add_argument("--atheris", type=int, default=20_000)
    ap.add_argument("--big", type=int, default=1, help="percent of inputs grown to 0.5-4 MB")
    args = ap.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    started = time.perf_counter()
    res = {"seed": args.seed, "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
           "python": platform.python_version(), "machine": f"{platform.machine()} {os.cpu_count()} cpu"}
    res["big_percent"] = args.big
    res["extract"] = run_extract(args.extract, random.Random(args.seed), args.big)
    print("extract done", flush=True)
    res["dates"] = run_dates(args.dates, random.Random(args.seed + 1))
    print("dates done", flush=True)
    res["queries"] = run_queries(args.queries, random.Random(args.seed + 2))
    print("queries done", flush=True)
    res["atheris"] = run_atheris(args.atheris) if args.atheris else {"available": False, "why": "--atheris 0"}
    res["wall_seconds"] = time.perf_counter() - started
    write_results(res)
    print((HERE / "RESULTS.md").read_text())
    problems = len(res["extract"]["problems"]) + len(res["dates"]["problems"]) + len(res["queries"]["problems"])
    return 1 if problems or res["atheris"].get("crashes") else 0


if __name__ == "__main__":
    sys.exit(main())

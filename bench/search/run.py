"""Search benchmark: Whoosh (+ trigram store) against SQLite FTS5 on the same articles
and queries, in the same run.

    python -m bench.search.run --sizes 1000 10000 63242 [--queries 200] [--recall 200]

For each size: index build time (articles/s) and size on disk; 200 queries of 1-3 Thai
words, top 20 hits with highlighted snippets, median and p95 latency; recall of each
engine against a plain substring scan of the same normalised text (Whoosh is expected
to equal FTS5 trigram). Results go to bench/search/results/<size>.json and RESULTS.md.

Articles come from ../shared/corpus/thaigov-v2-all.tar.xz through reader.core.ingest
(parsed once, cached as JSON lines in the temp folder).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.search.corpus import parse_text
from reader.core.model import Article, IndexDoc
from reader.core.search import SearchIndex
from reader.core.search import analyzer as ana
from reader.core.search.schema import search_text

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TAR = Path(os.environ.get("OPDC_SHARED", ROOT.parent / "shared")) / "corpus" / "thaigov-v2-all.tar.xz"
WORK = Path(tempfile.gettempdir()) / "opdc-search-bench"
CACHE = WORK / "corpus.jsonl"
FTS_SEG_TOKENIZER = "unicode61 categories 'L* N* Co Mn Mc'"  # keeps Thai vowel/tone marks


# Corpus ----------------------------------------------------------------------


def build_cache() -> int:
    from reader.core.ingest import IngestError, extract
    from reader.core.ingest.base import Source

    WORK.mkdir(parents=True, exist_ok=True)
    n = fallback = 0
    tmp = CACHE.with_suffix(".tmp")
    with tarfile.open(TAR) as tar, tmp.open("w", encoding="utf-8") as out:
        for member in tar:
            if not member.isfile() or "/data/" not in member.name:
                continue
            data = tar.extractfile(member).read()
            try:
                arts = extract(Source(name=member.name, data=data, origin=member.name))[:1]
            except IngestError:
                arts = []
            if not arts:  # keep every file of the corpus: the local parser never refuses
                arts = [parse_text(data.decode("utf-8", "replace"), member.name)]
                fallback += 1
            art = arts[0]
            n += 1
            art.id = n
            out.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
    tmp.replace(CACHE)
    print(f"corpus cached: {n} articles ({fallback} through the fallback parser)", flush=True)
    return n


def articles(limit: int) -> Iterator[Article]:
    with CACHE.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                return
            yield Article.from_dict(json.loads(line))


def docs(limit: int) -> Iterator[IndexDoc]:
    for art in articles(limit):
        yield IndexDoc(art, updated_at="2026-01-01T00:00:00")


# Queries ---------------------------------------------------------------------


def make_queries(n: int, limit: int, seed: int = 7) -> list[str]:
    """1-3 dictionary words of 2+ letters taken from the same random article (so most
    AND queries have hits), words spread over common and rare ones."""
    rnd = random.Random(seed)
    words = set(ana.dictionary_path().read_text(encoding="utf-8").split())
    sample = list(articles(min(limit, 1000)))  # in every size of the run
    out: list[str] = []
    while len(out) < n:
        art = rnd.choice(sample)
        toks = [t for t in ana.segment(" ".join(ana.thai_runs(ana.prepare(art.body))))
                if t in words and len(t) >= 2]
        if len(toks) < 3:
            continue
        k = rnd.choice((1, 1, 2, 2, 3))
        q = " ".join(dict.fromkeys(rnd.sample(toks, k)))
        if q not in out:
            out.append(q)
    return out


# Engines ---------------------------------------------------------------------


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _cpu() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the analysis worker, once joined
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def build_whoosh(n: int, path: Path) -> tuple[float, SearchIndex, dict]:
    """Wall time, the index, and CPU seconds of the writing process and of the worker
    (on an otherwise idle 2-core machine the wall time is about the larger of the two)."""
    shutil.rmtree(path, ignore_errors=True)
    index = SearchIndex.open(path)
    c0 = _cpu()
    t = time.perf_counter()
    index.rebuild(docs(n), total=n)
    wall = time.perf_counter() - t
    c1 = _cpu()
    return wall, index, {"cpu_writer_s": round(c1[0] - c0[0], 1), "cpu_worker_s": round(c1[1] - c0[1], 1)}


def fts_text(art: Article) -> tuple[str, str]:
    return ana.norm(art.title), ana.norm(art.body + "\n" + "\n".join(art.credits))


def segmented(text: str) -> str:
    return " ".join(t.text for t in ana.analyze(ana.fold(text)))


def build_fts(n: int, path: Path, kind: str) -> tuple[float, sqlite3.Connection, float]:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(str(path))
    tok = "trigram" if kind == "trigram" else FTS_SEG_TOKENIZER
    db.execute(f'CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize="{tok}")')
    t = time.perf_counter()
    c0 = _cpu()[0]
    with db:
        for art in articles(n):
            title, body = fts_text(art)
            if kind != "trigram":
                title, body = segmented(title), segmented(body)
            db.execute("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)", (art.id, title, body))
    db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    db.commit()
    return time.perf_counter() - t, db, round(_cpu()[0] - c0, 1)


def fts_query(kind: str, query: str) -> tuple[str, list[str]]:
    """MATCH expression and the words FTS5 trigram cannot match (2 letters: instr())."""
    words = query.split()
    if kind == "trigram":
        long = [w for w in words if len(w) >= 3]
        short = [w for w in words if len(w) < 3]
        return " AND ".join(f'"{w}"' for w in long), short
    parts = []
    for w in words:
        seg = segmented(w)
        parts.append(f'"{seg}"')
    return " AND ".join(parts), []


def fts_search(db, kind: str, query: str, limit: int | None = 20, snippets: bool = True) -> list[int]:
    match, short = fts_query(kind, query)
    where, args = [], []
    if match:
        where.append("fts MATCH ?")
        args.append(match)
    for w in short:
        where.append("(instr(title, ?) > 0 OR instr(body, ?) > 0)")
        args += [w, w]
    cols = "rowid, snippet(fts, 1, '[', ']', '…', 24)" if snippets else "rowid"
    sql = (f"SELECT {cols} FROM fts WHERE "
           + " AND ".join(where) + (" ORDER BY rank" if match else ""))
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in db.execute(sql, args)]


# Measuring -------------------------------------------------------------------


def latencies(fn, queries: list[str], repeat: int = 2) -> dict:
    """Median and p95 over the queries; each query's time is the median of `repeat`
    runs (after one warm-up pass over all queries)."""
    for q in queries[:20]:
        fn(q)
    times = []
    for q in queries:
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn(q)
            runs.append((time.perf_counter() - t) * 1000)
        times.append(statistics.median(runs))
    times.sort()
    return {"median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
            "max_ms": round(times[-1], 1)}


def uncached(index: SearchIndex, queries: list[str]) -> dict:
    """The same queries with rank.py's posting cache off: every term decoded afresh, the
    cost of a query whose common words no earlier query used."""
    tables = index.tables()
    keep = tables.cache_min
    tables.cache_min = 1 << 62
    tables.clear()
    try:
        return latencies(lambda q: index.search(q, limit=20), queries)
    finally:
        tables.cache_min = keep


def truth_sets(n: int, queries: list[str]) -> dict[str, set[int]]:
    """Plain substring scan: articles holding every word of the query (normalised)."""
    needles = {q: [ana.prepare(w) for w in q.split()] for q in queries}
    out = {q: set() for q in queries}
    for art in articles(n):
        text = search_text([art.title, art.body, "\n".join(art.credits), "", ""])
        for q, ws in needles.items():
            if all(w in text for w in ws):
                out[q].add(art.id)
    return out


def recall(found: dict[str, set[int]], truth: dict[str, set[int]]) -> dict:
    tp = sum(len(found[q] & truth[q]) for q in truth)
    relevant = sum(len(truth[q]) for q in truth)
    returned = sum(len(found[q]) for q in truth)
    return {"recall": round(tp / relevant, 4) if relevant else 1.0,
            "precision": round(tp / returned, 4) if returned else 1.0,
            "relevant": relevant}


def run_size(n: int, queries: list[str], recall_queries: int) -> dict:
    out: dict = {"articles": n, "queries": len(queries), "python": sys.version.split()[0],
                 "load_avg_at_start": os.getloadavg()[0],
                 "sqlite": sqlite3.sqlite_version, "cpus": os.cpu_count()}
    base = WORK / f"n{n}"
    base.mkdir(parents=True, exist_ok=True)

    secs, index, cpu = build_whoosh(n, base / "whoosh")
    out["peak_rss_mb_after_whoosh_build"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    out["whoosh"] = {"build_s": round(secs, 1), "articles_per_s": round(n / secs),
                     "size_mb": round(dir_size(base / "whoosh") / 1e6, 1),
                     "grams_mb": round((base / "whoosh" / "grams.sqlite").stat().st_size / 1e6, 1), **cpu}
    print(f"[{n}] whoosh built {out['whoosh']}", flush=True)
    out["whoosh"].update(latencies(lambda q: index.search(q, limit=20), queries))
    out["whoosh"]["no_cache"] = uncached(index, queries)
    print(f"[{n}] whoosh queries {out['whoosh']}", flush=True)

    dbs = {}
    for kind in ("trigram", "segmented"):
        path = base / f"fts-{kind}.sqlite"
        secs, db, cpu_s = build_fts(n, path, kind)
        dbs[kind] = db
        out[f"fts5_{kind}"] = {"build_s": round(secs, 1), "articles_per_s": round(n / secs),
                               "size_mb": round(path.stat().st_size / 1e6, 1), "cpu_s": cpu_s}
        out[f"fts5_{kind}"].update(latencies(lambda q, db=db, k=kind: fts_search(db, k, q), queries))
        print(f"[{n}] fts5 {kind} {out[f'fts5_{kind}']}", flush=True)

    rq = queries[:recall_queries]
    truth = truth_sets(n, rq)
    found_w = {q: {h.article_id for h in index.search(q, limit=len(truth[q]) + 50, snippets=False).hits}
               for q in rq}
    out["recall"] = {"queries": len(rq), "whoosh": recall(found_w, truth)}
    for kind, db in dbs.items():
        found = {q: set(fts_search(db, kind, q, limit=None, snippets=False)) for q in rq}
        out["recall"][f"fts5_{kind}"] = recall(found, truth)
    print(f"[{n}] recall {out['recall']}", flush=True)
    w, t = out["whoosh"], out["fts5_trigram"]
    out["ratios_whoosh_over_fts5_trigram"] = {
        "build_time": round(w["build_s"] / t["build_s"], 2),
        "size": round(w["size_mb"] / t["size_mb"], 2),
        "median": round(w["median_ms"] / t["median_ms"], 2),
        "p95": round(w["p95_ms"] / t["p95_ms"], 2),
    }
    index.close()
    for db in dbs.values():
        db.close()
    shutil.rmtree(base, ignore_errors=True)
    return out


# Report ----------------------------------------------------------------------


def write_report() -> None:
    rows = []
    for path in sorted((HERE / "results").glob("[0-9]*.json"), key=lambda p: int(p.stem)):
        rows.append(json.loads(path.read_text("utf-8")))
    lines = ["| articles | engine | build s | articles/s | build CPU s | size MB | query median ms | p95 ms "
             "| p95 no cache | recall | precision | load avg |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        for key, name in (("whoosh", "Whoosh + n-gram store"), ("fts5_trigram", "FTS5 trigram"),
                          ("fts5_segmented", "FTS5 unicode61, nlpo3-segmented")):
            e = r[key]
            rc = r["recall"][key]
            size = f"{e['size_mb']}" + (f" (n-grams {e['grams_mb']})" if "grams_mb" in e else "")
            cpu = (f"{e['cpu_writer_s']} + {e['cpu_worker_s']}" if "cpu_writer_s" in e else str(e.get("cpu_s", "")))
            lines.append(f"| {r['articles']:,} | {name} | {e['build_s']} | {e['articles_per_s']} | {cpu} | {size} | "
                         f"{e['median_ms']} | {e['p95_ms']} | {e.get('no_cache', {}).get('p95_ms', '')} | "
                         f"{rc['recall']} | {rc['precision']} | "
                         f"{r.get('load_avg_at_start', 0):.1f} |")
    ratios = ["", "Whoosh / FTS5 trigram:", "",
              "| articles | build time | size | median | p95 | recall queries |", "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        x = r["ratios_whoosh_over_fts5_trigram"]
        ratios.append(f"| {r['articles']:,} | {x['build_time']} | {x['size']} | {x['median']} | {x['p95']} | "
                      f"{r['recall']['queries']} |")
    later = [json.loads(p.read_text("utf-8")) for p in sorted((HERE / "results").glob("latency-*.json"))]
    if later:
        ratios += ["", "Whoosh queries timed again on the same index after later query-side changes "
                   "(`--latency-only`); no cache: rank.py's posting cache off, every term decoded afresh:", "",
                   "| articles | median ms | p95 ms | max ms | no cache: median | p95 | max | load avg |",
                   "|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in later:
            nc = r.get("no_cache") or {}
            ratios.append(f"| {r['articles']:,} | {r['median_ms']} | {r['p95_ms']} | {r['max_ms']} | "
                          f"{nc.get('median_ms', '')} | {nc.get('p95_ms', '')} | {nc.get('max_ms', '')} | "
                          f"{r['load_avg_at_start']:.1f} |")
    table = "\n".join(lines + ratios)
    report = HERE / "RESULTS.md"
    text = report.read_text("utf-8") if report.exists() else "# Search benchmark\n\n<!-- table -->\n<!-- /table -->\n"
    text = re.sub(r"<!-- table -->.*<!-- /table -->", lambda _m: f"<!-- table -->\n{table}\n<!-- /table -->",
                  text, flags=re.S)
    report.write_text(text, "utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--recall", type=int, default=200, help="queries checked for recall (full result sets)")
    ap.add_argument("--report-only", action="store_true")
    ap.add_argument("--latency-only", metavar="INDEX_DIR", type=Path,
                    help="time the queries on an index built earlier (e.g. after a query-side change)")
    args = ap.parse_args()
    if args.report_only:
        write_report()
        return 0
    if args.latency_only:
        index = SearchIndex.open(args.latency_only)
        n = index.stamp()[0]
        queries = make_queries(args.queries, n)
        result = {"articles": n, "load_avg_at_start": os.getloadavg()[0],
                  **latencies(lambda q: index.search(q, limit=20), queries),
                  "no_cache": uncached(index, queries)}
        print(json.dumps(result), flush=True)
        (HERE / "results").mkdir(exist_ok=True)
        (HERE / "results" / f"latency-{n}.json").write_text(json.dumps(result, indent=1), "utf-8")
        return 0
    if not TAR.exists():
        print(f"corpus not found at {TAR}", file=sys.stderr)
        return 2
    if not CACHE.exists():
        build_cache()
    total = sum(1 for _ in CACHE.open(encoding="utf-8"))
    queries = make_queries(args.queries, total)
    (HERE / "results").mkdir(exist_ok=True)
    for n in args.sizes:
        n = min(n, total)
        result = run_size(n, queries, args.recall)
        (HERE / "results" / f"{n}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
        write_report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What the open-time corruption check costs on a 60,000-article catalog, and the
other recovery figures (full check, catalog backup, recover).

    .venv/bin/python bench/recover/run.py [--size 60000] [--runs 5]

The catalog is built once and cached under bench/results/recover/ (not committed):
2,000 corpus articles from ../shared/corpus/thaigov-v2-all.tar.xz imported through the
real importer (no search index), then their catalog rows copied under new ids until
the catalog holds `--size` articles (the text of each copy is the real article's, so
pages per article and the catalog's size match a real import: 779 MB for 62,650 in
bench/scale). Only the catalog is timed, so the copies need no originals of their own.
Timings are warm (the catalog in the page cache, as on a second start) and cold-ish
(after reading a different large file to push it out, when the machine allows).
Writes bench/recover/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "bench" / "results" / "recover"
SEED_SIZE = 2000


def build_seed() -> Path:
    from bench.startup.run import TAR, unpack
    from reader.core.archive import Archive
    from reader.core.importer import import_targets

    seed = CACHE / "seed-2000"
    if (seed / ".complete").exists():
        return seed
    if not TAR.exists():
        sys.exit(f"corpus not found at {TAR}")
    pages = CACHE / "pages"
    if not pages.exists():
        unpack(SEED_SIZE, pages)
    with Archive.open(seed) as archive:
        import_targets(archive, [str(pages)])
    (seed / ".complete").write_text("ok")
    return seed


def grow(seed: Path, size: int) -> Path:
    """A copy of the seed catalog grown to `size` articles by copying rows."""
    out = CACHE / f"catalog-{size}.sqlite"
    if out.exists():
        return out
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(seed / "catalog.sqlite")
    dst = sqlite3.connect(tmp)
    src.backup(dst)
    src.close()
    base = dst.execute("SELECT max(id) FROM articles").fetchone()[0]
    have = dst.execute("SELECT count(*) FROM articles").fetchone()[0]
    tables = {r[0] for r in dst.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    routes = "routes" if "routes" in tables else "sources"  # renamed in catalog v3
    step = 0
    while have < size:
        step += 1
        off = base * step
        dst.execute("BEGIN")
        dst.execute(
            "INSERT INTO articles SELECT id+?, CASE WHEN url_key IS NULL THEN NULL ELSE url_key||? END,"
            " title_key||?, current_version, title, date, category, language, bookmarked, note,"
            " created_at, updated_at FROM articles WHERE id<=? AND id+?<=?",
            (off, f"#{step}", f"#{step}", base, off, base + size))
        dst.execute("INSERT INTO versions SELECT article_id+?, version, sha256, text_hash, kind, data,"
                    " origin, archived_at, batch_id FROM versions WHERE article_id<=? AND article_id+? IN"
                    " (SELECT id FROM articles)", (off, base, off))
        dst.execute(f"INSERT INTO {routes} SELECT article_id+?, sha256, origin, url, seen_at, batch_id"
                    f" FROM {routes} WHERE article_id<=? AND article_id+? IN (SELECT id FROM articles)",
                    (off, base, off))
        dst.execute("COMMIT")
        have = dst.execute("SELECT count(*) FROM articles").fetchone()[0]
    dst.close()
    os.replace(tmp, out)
    return out


def drop_caches() -> bool:
    """Push the catalog out of the page cache (root on Linux); False when not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("1\n")
        return True
    except OSError:
        return False


def timed(fn, runs: int, cold: bool = False) -> float:
    times = []
    for _ in range(runs):
        if cold and not drop_caches():
            return float("nan")
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def start_queries(conn: sqlite3.Connection) -> None:
    """What the window reads before it is usable (sidebar counts, first list page)."""
    conn.execute("SELECT count(*) FROM articles").fetchall()
    conn.execute("SELECT substr(date,1,4) y, count(*) FROM articles WHERE date IS NOT NULL"
                 " GROUP BY y ORDER BY y DESC").fetchall()
    conn.execute("SELECT category, count(*) FROM articles WHERE category != '' GROUP BY category").fetchall()
    conn.execute("SELECT id, title, date FROM articles ORDER BY date DESC, id DESC LIMIT 1000").fetchall()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    seed = build_seed()
    catalog = grow(seed, args.size)
    from reader.core.archive import backups, health

    conn = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    mb = catalog.stat().st_size / 1e6
    rows = []

    def fresh() -> sqlite3.Connection:  # a new connection: SQLite's own page cache starts empty
        return sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)

    def both() -> None:
        c = fresh()
        health.quick_check(c, catalog)
        start_queries(c)

    for label, fn in [
        ("open-time check (`health.quick_check`)", lambda: health.quick_check(fresh(), catalog)),
        ("start-up queries alone (sidebar counts, first list page)", lambda: start_queries(fresh())),
        ("open-time check, then the start-up queries", both),
        ("`PRAGMA quick_check` (whole catalog)", lambda: fresh().execute("PRAGMA quick_check").fetchall()),
    ]:
        rows.append((label, timed(fn, args.runs), timed(fn, min(args.runs, 3), cold=True)))
    full = lambda: fresh().execute("PRAGMA integrity_check").fetchall()  # noqa: E731
    rows.append(("`PRAGMA integrity_check` (`verify`'s full check)", timed(full, 1), timed(full, 1, cold=True)))
    conn.close()
    out = CACHE / "backup-test"
    out.mkdir(exist_ok=True)

    def backup() -> None:
        for old in backups.existing(out):
            old.unlink()
        backups.take(out, catalog)
    rows.append(("catalog backup (online backup API, fsync, rename)", timed(backup, 1), timed(backup, 1, cold=True)))
    load = os.getloadavg()
    lines = [f"# Recovery figures ({n:,} articles, catalog {mb:.0f} MB)", "",
             "`.venv/bin/python bench/recover/run.py` (see its docstring for how the catalog is built). "
             f"Warm: page cache holds the catalog (median of {args.runs}; 1 for integrity_check and backup). "
             "Cold: after `drop_caches` (median of 3; 1 for integrity_check and backup). "
             f"Load average {load[0]:.1f} on {os.cpu_count()} shared cores.", "",
             "| what | warm | cold |", "|---|---|---|"]
    lines += [f"| {label} | {w * 1000:,.0f} ms | {c * 1000:,.0f} ms |" for label, w, c in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    (ROOT / "bench" / "recover" / "RESULTS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

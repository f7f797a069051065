"""Thai dates over the thaigov-v2 corpus: speed of find_dates and how often the posting
date agrees with the day the page was copied (the folder name).

    python bench/thaidate/corpus.py [PATH] [--limit N] [--runs 3] [--show 20]

PATH: ../shared/corpus/thaigov-v2-all.tar.xz (read as a stream) or an unpacked folder.
Reports medians of several runs. Not part of the test run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.core.thaidate import find_dates, find_posting_date  # noqa: E402
from reader.core.thaitext import normalize  # noqa: E402

_FOLDER_DATE = re.compile(r"(\d{4})/(\d{2})/(\d{2})/")


def articles(path: Path, limit: int | None) -> Iterator[tuple[str, str]]:
    """(member name, text) pairs, sorted so every run sees the same articles."""
    count = 0
    if path.is_dir():
        for file in sorted(path.rglob("*.txt")):
            if limit is not None and count >= limit:
                return
            if _FOLDER_DATE.search(file.as_posix()):
                count += 1
                yield file.as_posix(), file.read_text(encoding="utf-8-sig", errors="replace")
        return
    with tarfile.open(path) as tar:
        for member in tar:
            if limit is not None and count >= limit:
                return
            if (
                member.isfile()
                and member.name.endswith(".txt")
                and _FOLDER_DATE.search(member.name)
            ):
                count += 1
                data = tar.extractfile(member).read()
                yield member.name, data.decode("utf-8-sig", errors="replace")


def main() -> None:
    parser = argparse.ArgumentParser()
    default = ROOT.parent / "shared" / "corpus" / "thaigov-v2-all.tar.xz"
    parser.add_argument("path", nargs="?", type=Path, default=default)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--show", type=int, default=10, help="print this many disagreements")
    args = parser.parse_args()

    texts = [(name, normalize(text)) for name, text in articles(args.path, args.limit)]
    chars = sum(len(t) for _, t in texts)
    print(f"{len(texts)} articles, {chars / 1e6:.1f} M characters")

    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        found = sum(len(find_dates(t)) for _, t in texts)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(
        f"find_dates: {found} dates; median {median:.2f} s over {args.runs} runs "
        f"({median / len(texts) * 1e6:.0f} µs per article, {chars / median / 1e6:.1f} M chars/s)"
    )

    started = time.perf_counter()
    posting = [(name, find_posting_date(t.split("\n"))) for name, t in texts]
    elapsed = time.perf_counter() - started
    missing = [name for name, f in posting if f is None]
    same = near = far = 0
    shown = 0
    for name, f in posting:
        if f is None:
            continue
        y, m, d = map(int, _FOLDER_DATE.search(name).groups())
        gap = abs((f.date - dt.date(y, m, d)).days)
        if gap == 0:
            same += 1
        elif gap <= 7:
            near += 1
        else:
            far += 1
            if shown < args.show:
                shown += 1
                print(f"  far: {name} -> {f.date} ({gap} days)")
    n = len(texts)
    print(
        f"find_posting_date: {elapsed:.2f} s; found {n - len(missing)}/{n}; "
        f"same day as folder {same}, within a week {near}, further {far}"
    )
    for name in missing[: args.show]:
        print(f"  none: {name}")


if __name__ == "__main__":
    main()

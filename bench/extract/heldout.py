"""bench/extract/heldout.py: the headline rules on pages they were not written on.

thaigov corpus files start with the headline (the page <title> in v1), then the page's own
text: date line, the headline as the page prints it, body, credits. Here the first line is
cut off, the page text alone is read as a text page, and the headline found is compared
with the cut line (letters and digits only, after Thai normalisation). Every 61st file,
600 pages.

    PYTHONPATH=. .venv/bin/python bench/extract/heldout.py [--corpus ../shared/corpus] [-n 600]
"""

from __future__ import annotations

import argparse
import re
import tarfile
from pathlib import Path

from reader.core.ingest import IngestError, Source, extract
from reader.core.ingest.headline import key
from reader.core.thaitext import normalize

_PREFIX = re.compile(r"^รัฐบาลไทย-(?:ข่าว[^\s-]{1,30}-)?")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2].parent / "shared" / "corpus"))
    parser.add_argument("-n", type=int, default=600)
    args = parser.parse_args()
    found = tried = seen = 0
    misses = []
    with tarfile.open(Path(args.corpus) / "thaigov-v2-all.tar.xz", "r|xz") as tf:
        for member in tf:
            if not (member.isfile() and member.name.endswith(".txt")):
                continue
            seen += 1
            if seen % 61:
                continue
            fh = tf.extractfile(member)
            lines = (fh.read() if fh else b"").decode("utf-8-sig").split("\n")
            headline = _PREFIX.sub("", lines[0])
            try:
                [article] = extract(Source("page.txt", "\n".join(lines[1:]).encode(), "page.txt"))
            except IngestError:
                continue
            tried += 1
            if key(normalize(article.title)) == key(normalize(headline)):
                found += 1
            else:
                misses.append((headline[:60], article.title[:60]))
            if tried >= args.n:
                break
    print(f"headline found from the page text alone: {found} of {tried} ({found / tried:.1%})")
    for want, got in misses[:30]:
        print(f"  corpus: {want}\n  found:  {got}")


if __name__ == "__main__":
    main()

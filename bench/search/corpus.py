"""Read the thaigov-v2 corpus (../shared/corpus/thaigov-v2-all.tar.xz) as Articles,
streaming the tar. A tiny local parser for benchmarks and tests; the real importers live
in reader.core.ingest."""

from __future__ import annotations

import datetime as dt
import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

from reader.core.model import Article, IndexDoc
from reader.core.thaitext import clean_line, fold_digits

TITLE_PREFIX = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"
_NUMERIC_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_PATH_DATE = re.compile(r"data/(\d{4})/(\d{2})/(\d{2})/")


def parse_text(text: str, name: str = "") -> Article:
    """Headline line, body lines, `ที่มา : url` last."""
    lines = [clean_line(x) for x in text.replace("\ufeff", "").splitlines()]
    lines = [x for x in lines if x]
    title = lines[0].removeprefix(TITLE_PREFIX).strip() if lines else ""
    url = None
    if lines and lines[-1].startswith("ที่มา"):
        url = lines[-1].split(":", 1)[-1].strip()
        lines = lines[:-1]
    date = None
    for line in lines[1:6]:
        m = _NUMERIC_DATE.match(fold_digits(line))
        if m:
            d, mo, y = map(int, m.groups())
            try:
                date = dt.date(y - 543 if y > 2400 else y, mo, d)
            except ValueError:
                date = None
            break
    if date is None:
        m = _PATH_DATE.search(name)
        if m:
            date = dt.date(*map(int, m.groups()))
    body = [x for x in lines[1:] if x not in ("พิมพ์",)]
    category = Path(name).name.split("_", 1)[0] if name else ""
    return Article(title=title, paragraphs=body, category=category, date=date,
                   source_url=url, language="th", kind="text")


def corpus_tar(shared: Path) -> Path:
    return shared / "corpus" / "thaigov-v2-all.tar.xz"


def iter_articles(tar_path: Path, limit: int | None = None) -> Iterator[Article]:
    n = 0
    with tarfile.open(tar_path) as tar:
        for member in tar:
            if not member.isfile() or "/data/" not in member.name:
                continue
            data = tar.extractfile(member).read().decode("utf-8", errors="replace")
            art = parse_text(data, member.name)
            n += 1
            art.id = n
            yield art
            if limit is not None and n >= limit:
                return


def iter_docs(tar_path: Path, limit: int | None = None) -> Iterator[IndexDoc]:
    for art in iter_articles(tar_path, limit):
        yield IndexDoc(article=art, updated_at="2026-01-01T00:00:00")

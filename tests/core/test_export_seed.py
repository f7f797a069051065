"""The seed article (archive/000_bee3d3c5144e9daa.txt) as the export tests see it.

Built by hand from the page's lines so the export tests do not depend on the importer;
`seed_article()` is imported by the other test_export_* modules and by bench/export.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from reader.core.model import Article
from reader.core.thaitext import clean_line

SEED = Path(__file__).resolve().parents[2] / "archive" / "000_bee3d3c5144e9daa.txt"
SEED_TITLE = ("สำนักงาน ก.พ.ร. จับมือธนาคารโลก เปิดมิติใหม่ของความร่วมมือระหว่างอาเซียน"
              "จัดอบรม ASEAN Executive Governance Program")
SEED_URL = "https://www.opdc.go.th/content/seed-000"  # made up: the text capture has no URL
SEED_ARCHIVED_AT = "2026-11-20T08:30:00+00:00"


def _lines(first: int, last: int) -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()[first - 1:last]
    return [c for c in (clean_line(line) for line in lines) if c]


def seed_article(**changes) -> Article:
    article = Article(
        title=SEED_TITLE,
        paragraphs=_lines(12, 30),
        credits=_lines(40, 42),
        category="ข่าวเด่น",
        date=dt.date(2013, 8, 26),
        source_url=SEED_URL,
        kind="text",
        id=1,
        version=1,
        sha256=hashlib.sha256(SEED.read_bytes()).hexdigest(),
        archived_at=SEED_ARCHIVED_AT,
    )
    for key, value in changes.items():
        setattr(article, key, value)
    return article


def test_seed_article_is_the_page():
    article = seed_article()
    text = SEED.read_text(encoding="utf-8")
    assert article.title in text
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("เมื่อวันที่ 26 – 31 สิงหาคม 2556")
    assert article.credits == ["กลุ่มสื่อสารฯ สลธ. / ข่าว & ภาพ", "วสุนธรา (สลธ.) / รายงาน", "กลุ่มสื่อสารฯ / จัดทำ"]

"""The index follows the catalog: sync, repair, and recovery from damage on disk."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reader.core.archive import Archive
from reader.core.ingest import extract
from reader.core.ingest.base import Source
from reader.core.model import Article, IndexDoc
from reader.core.search import SearchIndex, sync_index, whoosh_internals
from reader.core.search.index import META_FILE
from tests.conftest import SEED
from tests.searching import search


def article(title: str, body: str, day: int = 1) -> Article:
    return Article(title=title, paragraphs=[body], date=dt.date(2023, 3, day), category="ข่าว")


@pytest.fixture
def archive(tmp_path):
    arc = Archive.open(tmp_path / "archive")
    seed = extract(Source(name=SEED.name, data=SEED.read_bytes(), origin=str(SEED)))[0]
    arc.add(seed, SEED.read_bytes(), str(SEED))
    arc.add(article("ข่าวหนึ่ง", "โรงแรมอมารีวอเตอร์เกท จัดประชุม"), b"one", "one.txt")
    arc.add(article("ข่าวสอง", "ความร่วมมือระหว่างประเทศ", 2), b"two", "two.txt")
    yield arc
    arc.close()


def ids(index, query):
    res = search(index, query, limit=100)
    return {h.article_id for h in res.hits}


def test_search_after_an_update_in_place(tmp_path):
    """A replaced article leaves a deleted document in the older segment: postings are
    read around it."""
    index = SearchIndex.open(tmp_path / "idx")
    first = Article(title="สำนักงาน ก.พ.ร. จับมือธนาคารโลก", paragraphs=["ณ โรงแรมอมารี"], id=1)
    second = Article(title="ความร่วมมือ", paragraphs=["ร่วมมือกัน"], id=2)
    index.rebuild([IndexDoc(first, updated_at="1"), IndexDoc(second, updated_at="1")], parallel=False)
    second.paragraphs = ["ร่วมมือกันใหม่"]
    index.update([IndexDoc(second, updated_at="2")])
    for query, expected in [("ก.พ.ร.", {1}), ("กพร", {1}), ("ร่วมมือกันใหม่", {2}), ("ร่วมมือ", {2}), ("จับมือ", {1})]:
        assert ids(index, query) == expected, query
    assert index.stamp() == (2, "2")
    index.close()


def test_new_index_is_created_and_filled_from_the_catalog(archive):
    index = SearchIndex.open(archive.index_dir)
    assert index.created and not index.was_rebuilt
    assert sync_index(archive, index) == 3
    assert index.stamp() == archive.index_stamp()
    assert sync_index(archive, index) == 0  # nothing to do the second time
    assert len(ids(index, "ธรรมาภิบาล")) == 1
    index.close()


def test_changes_in_the_catalog_are_picked_up(archive):
    index = SearchIndex.open(archive.index_dir)
    sync_index(archive, index)
    new = archive.add(article("ข่าวสาม", "ผู้ว่าราชการจังหวัดนครนายก", 3), b"three", "three.txt")
    target = next(iter(ids(index, "โรงแรม")))
    archive.tags.add(target, "ท่องเที่ยว")
    archive.notes.set(target, "บันทึกของบรรณารักษ์")
    assert sync_index(archive, index) == 2  # only what changed
    assert ids(index, "นครนายก") == {new.article_id}
    assert ids(index, "tag:ท่องเที่ยว") == {target}
    assert ids(index, "บรรณารักษ์") == {target}
    assert index.stamp() == archive.index_stamp()
    index.close()


def test_a_new_version_replaces_the_old_text(archive):
    index = SearchIndex.open(archive.index_dir)
    sync_index(archive, index)
    first = archive.add(article("ข่าวสี่", "ข้อความเดิมเรื่องอุทกภัย", 4), b"v1", "four.txt")
    sync_index(archive, index)
    assert ids(index, "อุทกภัย") == {first.article_id}
    art = article("ข่าวสี่", "ข้อความใหม่เรื่องภัยแล้ง", 4)
    art.source_url = None
    archive.add(art, b"v2", "four.txt")
    # whatever the archive decided (new version or new article), the index follows it
    sync_index(archive, index)
    assert index.stamp() == archive.index_stamp()
    assert ids(index, "ภัยแล้ง")
    index.close()


def test_articles_missing_from_the_catalog_are_dropped(archive):
    index = SearchIndex.open(archive.index_dir)
    sync_index(archive, index)
    stray = Article(title="ไม่อยู่ในแคตตาล็อก", paragraphs=["ข้อความกำพร้า"], id=999)
    index.update([IndexDoc(stray, updated_at="2000-01-01T00:00:00")])
    assert ids(index, "กำพร้า") == {999}
    sync_index(archive, index)
    assert ids(index, "กำพร้า") == set()
    assert index.stamp() == archive.index_stamp()
    index.close()


def _damage(index_dir, pattern, data=b"\x00garbage\xff" * 50):
    hit = 0
    for path in index_dir.glob(pattern):
        path.write_bytes(data)
        hit += 1
    assert hit, f"nothing matched {pattern} in {sorted(p.name for p in index_dir.iterdir())}"


@pytest.mark.parametrize("pattern", ["*.trm", "*._stored.col", "_opdc_*.toc", "grams.sqlite", META_FILE])
def test_a_damaged_index_is_rebuilt_never_fatal(archive, pattern):
    index = SearchIndex.open(archive.index_dir)
    sync_index(archive, index)
    index.close()
    _damage(archive.index_dir, pattern)
    index = SearchIndex.open(archive.index_dir)
    assert index.was_rebuilt, index.rebuild_reason
    assert index.stamp()[0] == 0
    assert sync_index(archive, index) == 3
    assert len(ids(index, "อมารี")) == 2
    index.close()


def test_deleted_files_are_rebuilt(archive):
    index = SearchIndex.open(archive.index_dir)
    sync_index(archive, index)
    index.close()
    segment_files = [p for p in archive.index_dir.iterdir() if p.suffix in (".seg", ".trm", ".pst", ".col")]
    assert segment_files
    for path in segment_files:
        path.unlink()
    index = SearchIndex.open(archive.index_dir)
    assert index.was_rebuilt
    sync_index(archive, index)
    assert index.stamp() == archive.index_stamp()
    index.close()


def test_an_index_from_another_analyzer_version_is_rebuilt(archive):
    index = SearchIndex.open(archive.index_dir)
    sync_index(archive, index)
    index.close()
    meta_path = archive.index_dir / META_FILE
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["analyzer"] = "0:old"
    meta_path.write_text(json.dumps(meta), "utf-8")
    index = SearchIndex.open(archive.index_dir)
    assert index.was_rebuilt and "analyzer" in index.rebuild_reason
    index.close()


def test_an_index_in_the_old_compound_layout_is_rebuilt_once(archive, monkeypatch):
    """Indexes written before segments were separate files work, but searching one holds
    its stored column in memory: it is rebuilt from the catalog once, then kept."""
    from whoosh import index as windex

    from reader.core.search import index as index_module

    monkeypatch.setattr(index_module, "COMPOUND", True)
    index = SearchIndex.open(archive.index_dir)
    sync_index(archive, index)
    index.close()
    ix = windex.open_dir(str(archive.index_dir), indexname=index_module.INDEX_NAME)
    assert all(seg.is_compound() for seg in whoosh_internals.segments(ix))
    ix.close()
    monkeypatch.setattr(index_module, "COMPOUND", False)
    index = SearchIndex.open(archive.index_dir)
    assert index.was_rebuilt and "compound" in index.rebuild_reason, index.rebuild_reason
    sync_index(archive, index)
    assert not any(seg.is_compound() for seg in whoosh_internals.segments(index.ix))
    assert ids(index, "ธรรมาภิบาล") and ids(index, "อมารีวอเตอร์เกท")
    index.close()
    index = SearchIndex.open(archive.index_dir)
    assert not index.was_rebuilt and not index.created
    index.close()


def test_rebuild_reports_progress_and_replaces_everything(archive, tmp_path):
    index = SearchIndex.open(tmp_path / "idx")
    index.update([IndexDoc(Article(title="เก่า", paragraphs=["ข้อความเก่า"], id=500))])
    seen = []
    n = index.rebuild(archive.iter_index_docs(), total=3, progress=lambda d, t: seen.append((d, t)),
                      parallel=True)
    assert n == 3 and seen[-1] == (3, 3)
    assert ids(index, "ข้อความเก่า") == set()
    assert len(ids(index, "อมารี")) == 2
    index.close()


def test_ngram_store_behind_whoosh_is_repaired_not_wiped(archive):
    """Another process between its Whoosh commit and its n-gram commit (or killed
    there) must not make the next opener recreate the whole index."""
    index = SearchIndex.open(archive.index_dir)
    sync_index(archive, index)
    index.grams.delete([2])  # the n-gram rows of one article are missing
    index.close()
    index = SearchIndex.open(archive.index_dir)
    try:
        assert not index.was_rebuilt and index.stamp()[0] == 3
        index.mark_synced("")  # as if that article's update never finished
        sync_index(archive, index)
        assert ids(index, "อมารี") == {1, 2}  # both found again, the repaired one too
    finally:
        index.close()


def test_read_only_open_never_writes(archive, tmp_path):
    index = SearchIndex.open(archive.index_dir)
    sync_index(archive, index)
    index.close()
    def files():  # SQLite's -wal/-shm companions are shared memory, not content
        return {p.name: p.stat().st_mtime_ns for p in archive.index_dir.iterdir()
                if not p.name.endswith(("-wal", "-shm"))}

    before = files()
    index = SearchIndex.open(archive.index_dir, readonly=True)
    try:
        assert ids(index, "ธรรมาภิบาล") == {1}
    finally:
        index.close()
    assert files() == before
    from reader.core.search import IndexUnavailable

    with pytest.raises(IndexUnavailable, match="read-only"):
        SearchIndex.open(tmp_path / "no-index-here", readonly=True)

"""Incremental updates (imports): n-gram rows go to delta parts that are merged as they
pile up; what the store answers is what a fresh rebuild of the same articles answers;
an update that fails half-way leaves an index that sync repairs."""

from __future__ import annotations

import random
import sqlite3

import pytest

from reader.core.archive import Archive
from reader.core.model import Article, IndexDoc
from reader.core.search import SearchIndex, grams, sync_index
from reader.core.search import analyzer as ana
from reader.core.search.grams import FILE_NAME as GRAMS_FILE
from tests.core.test_search_build import make_docs
from tests.searching import search


def found(index: SearchIndex, text: str) -> set[int]:
    """Live article ids whose n-grams allow `text` (the store's answer, before any
    check against the stored text)."""
    return {aid for aid, _date in index.grams.articles(index.grams.containing(ana.prepare(text)))}


def hits(index: SearchIndex, query: str) -> set[int]:
    res = search(index, query, limit=1000)
    return {h.article_id for h in res.hits}


def probes(docs: list[IndexDoc], n: int = 60, seed: int = 5) -> list[str]:
    """Thai strings of 2-6 letters cut from the articles' text."""
    rnd = random.Random(seed)
    out = []
    while len(out) < n:
        runs = ana.thai_runs(ana.prepare(rnd.choice(docs).article.body))
        run = rnd.choice(runs) if runs else ""
        if len(run) >= 2:
            k = rnd.randint(2, min(6, len(run)))
            i = rnd.randint(0, len(run) - k)
            out.append(run[i : i + k])
    return out


def delta_parts(index: SearchIndex) -> dict[int, int]:
    db = sqlite3.connect(index.index_dir / GRAMS_FILE)
    try:
        return dict(db.execute("SELECT block, count(DISTINCT part) FROM delta GROUP BY block").fetchall())
    finally:
        db.close()


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of 64 articles, at most 2 delta parts: merges happen within a few batches."""
    from reader.core.search import build

    monkeypatch.setattr(build, "CHUNK", 16)
    monkeypatch.setattr(grams, "BLOCK", 64)
    monkeypatch.setattr(grams, "MAX_PARTS", 2)


def test_batches_answer_like_a_rebuild(tmp_path, small_blocks):
    docs = make_docs(300, seed=11)
    inc = SearchIndex.open(tmp_path / "inc")
    inc.rebuild(docs[:100], parallel=False)  # base rows for blocks 0-1 (block 1 partly)
    for i in range(100, 300, 25):  # 8 batches: parts pile up, merge, blocks fill
        inc.update(docs[i : i + 25])
    # replace some articles: their old slots die, the new text is found
    changed = []
    for d in docs[:300:30]:
        art = Article(title=d.article.title, paragraphs=["ข้อความแทนที่ใหม่หมด"], id=d.article.id)
        changed.append(IndexDoc(art, updated_at="2027-01-01T00:00:00"))
    inc.update(changed)
    final = {d.article.id: d for d in docs} | {d.article.id: d for d in changed}
    ref = SearchIndex.open(tmp_path / "ref")
    ref.rebuild(list(final.values()), parallel=False)
    try:
        assert max(delta_parts(inc).values(), default=0) <= 2
        assert grams.GramStore._based(inc.grams)  # full blocks reached the base table
        for text in probes(list(final.values())) + ["ข้อความแทนที่ใหม่หมด", "แทนที่"]:
            assert found(inc, text) == found(ref, text), text
        replaced = {d.article.id for d in changed}
        assert hits(inc, "ข้อความแทนที่ใหม่หมด") == replaced
        old_words = ana.thai_runs(ana.prepare(docs[30].article.body))
        longest = max(old_words, key=len)
        assert docs[30].article.id not in found(inc, longest) or longest in "ข้อความแทนที่ใหม่หมด"
        assert inc.stamp()[0] == ref.stamp()[0] == 300
    finally:
        inc.close()
        ref.close()


def test_a_store_from_before_the_delta_table_takes_updates(tmp_path):
    docs = make_docs(120, seed=2)
    index = SearchIndex.open(tmp_path / "idx")
    index.rebuild(docs[:100], parallel=False)
    index.close()
    db = sqlite3.connect(tmp_path / "idx" / GRAMS_FILE)  # as the previous version wrote it
    db.execute("DROP TABLE delta")
    db.execute("DELETE FROM meta WHERE key='based'")
    db.commit()
    db.close()
    index = SearchIndex.open(tmp_path / "idx", readonly=True)  # a read-only medium
    try:
        assert found(index, "ข่าว") == {d.article.id for d in docs[:100]}
        assert hits(index, "ข่าว")
    finally:
        index.close()
    index = SearchIndex.open(tmp_path / "idx")
    try:
        assert not index.was_rebuilt
        index.update(docs[100:])
        assert grams.GramStore._based(index.grams) == {0}
        every = {d.article.id for d in docs}
        assert found(index, "ข่าว") == every  # every title has it: old base and new delta rows
    finally:
        index.close()


class Boom(Exception):
    pass


def test_an_update_failing_while_reading_documents_changes_nothing(tmp_path):
    docs = make_docs(50, seed=4)
    index = SearchIndex.open(tmp_path / "idx")
    index.rebuild(docs[:40], parallel=False)
    before = index.stamp()

    def failing():
        yield from docs[40:45]
        raise Boom

    with pytest.raises(Boom):
        index.update(failing())
    try:
        assert index.stamp() == before
        assert index.grams.count() == 40
        assert not (found(index, "ข่าว") & {d.article.id for d in docs[40:]})
        index.update(docs[40:])  # the next update goes through
        assert index.stamp()[0] == index.grams.count() == 50
    finally:
        index.close()


def test_a_failed_ngram_commit_is_repaired_by_sync(tmp_path, monkeypatch):
    """Whoosh committed, the n-gram store did not (as if the process died between the
    two): the version stamp was not advanced, so sync re-indexes those articles."""
    arc = Archive.open(tmp_path / "archive")
    first = arc.add(Article(title="ข่าวแรก", paragraphs=["โรงแรมริมน้ำ"]), b"a", "a.txt")
    index = SearchIndex.open(arc.index_dir)
    sync_index(arc, index)
    second = arc.add(Article(title="ข่าวสอง", paragraphs=["สะพานข้ามแม่น้ำเจ้าพระยา"]), b"b", "b.txt")

    def broken(self, pending, blocks):
        raise Boom

    monkeypatch.setattr(grams.GramStore, "_add_parts", broken)
    with pytest.raises(Boom):
        sync_index(arc, index)
    index.close()
    monkeypatch.undo()
    index = SearchIndex.open(arc.index_dir)
    try:
        assert not index.was_rebuilt
        assert index.grams.count() == 1  # the n-gram rows of the new article are missing
        sync_index(arc, index)
        assert hits(index, "เจ้าพระยา") == {second.article_id}
        assert hits(index, "ข้ามแม่") == {second.article_id}  # through the n-grams
        assert hits(index, "โรงแรม") == {first.article_id}
        assert index.stamp() == arc.index_stamp()
    finally:
        index.close()
        arc.close()


def test_a_replaced_article_is_found_by_its_new_text_only(tmp_path, small_blocks):
    docs = make_docs(100, seed=8)
    index = SearchIndex.open(tmp_path / "idx")
    try:
        index.rebuild(docs[:70], parallel=False)
        target = Article(title="ข่าวพิเศษ", paragraphs=["ฟ้าผ่ากลางทะเลสาบสงขลา"], id=5000)
        index.update([IndexDoc(target, updated_at="2026-05-01T00:00:00")])
        assert hits(index, "ฟ้าผ่า") == {5000}
        assert hits(index, "ทะเลสาบสงขลา") == {5000}
        for i in range(70, 100, 10):  # more batches: parts merge, block 1 fills
            index.update(docs[i : i + 10])
        target.paragraphs = ["น้ำท่วมเมืองหาดใหญ่"]
        index.update([IndexDoc(target, updated_at="2026-06-01T00:00:00")])
        for i in range(0, 40, 10):  # and its new slot goes through merges too
            index.update(docs[i : i + 10])
        assert hits(index, "น้ำท่วมเมืองหาดใหญ่") == {5000}
        assert hits(index, "หาดใหญ่") == {5000}
        assert hits(index, "ฟ้าผ่า") == set()
        assert 5000 not in found(index, "ทะเลสาบสงขลา")
        assert index.stamp() == (101, "2026-06-01T00:00:00")
        assert index.grams.count() == 101
    finally:
        index.close()

"""The fast paths of rebuild and update (analysis in worker processes, content postings
handed to Whoosh grouped by term, n-grams as numpy codes) write the same index as
Whoosh's own per-document path: if the pinned Whoosh changes how a writer uses its
posting pool or its field writer, these fail."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest

from reader.core.model import Article, IndexDoc
from reader.core.search import SearchIndex, grams, whoosh_internals
from reader.core.search import analyzer as ana
from reader.core.search import build as build_mod
from reader.core.search import index as index_mod
from reader.core.search.grams import FILE_NAME as GRAMS_FILE
from reader.core.search.schema import doc_fields
from tests.conftest import SEED
from tests.searching import search


def make_docs(n: int, seed: int = 3) -> list[IndexDoc]:
    """Articles of dictionary words (common ones in most, so terms span several posting
    blocks and chunks), English words, acronyms, numbers, tags and dates."""
    rnd = random.Random(seed)
    words = ana.dictionary_path().read_text(encoding="utf-8").split()
    common = rnd.sample(words, 30)
    rare = rnd.sample(words, 3000)
    docs = []
    for i in range(1, n + 1):
        body = " ".join(rnd.choice(common) if rnd.random() < 0.4 else rnd.choice(rare) for _ in range(rnd.randint(5, 120)))
        body += f" ก.พ.ร. Public Sector governing {rnd.randint(1, 2600)} ๒๕๖๖"
        if i == 7:
            body += " ซ้ำ" * 300  # a frequency over 255
        art = Article(title=f"{rnd.choice(common)} {rnd.choice(rare)} ข่าว {i}", paragraphs=[body], id=i,
                      date=dt.date(2020 + i % 5, 1 + i % 12, 1 + i % 28) if i % 9 else None,
                      category=rnd.choice(["ข่าว", "ประกาศ", ""]), credits=["ผู้เขียน"] if i % 4 == 0 else [],
                      source_url=f"https://example.org/{i}", language="th" if i % 10 else "en")
        docs.append(IndexDoc(art, updated_at=f"2026-01-01T00:00:{i % 60:02d}", tags=["ก.พ.ร.", "Tag"] if i % 3 == 0 else [],
                             bookmarked=i % 11 == 0, note="หมายเหตุ" if i % 13 == 0 else None))
    return docs


def segment_files(index_dir: Path) -> dict[str, list[bytes]]:
    """Segment files by extension (segment names are random)."""
    out: dict[str, list[bytes]] = {}
    for p in index_dir.glob("opdc_*.*"):
        out.setdefault(p.name.split(".", 1)[1], []).append(p.read_bytes())
    return {ext: sorted(files) for ext, files in out.items()}


def gram_rows(index_dir: Path):
    """Bits per (gram, block), base and delta rows ORed, and the slot table."""
    db = sqlite3.connect(index_dir / GRAMS_FILE)
    try:
        bits: dict[tuple[str, int], int] = {}
        for gram, block, blob in db.execute(
                "SELECT gram, block, bits FROM grams UNION ALL SELECT gram, block, bits FROM delta"):
            bits[gram, block] = bits.get((gram, block), 0) | grams._unpack(blob)
        return bits, db.execute("SELECT block, slot, article_id, date, alive FROM slots ORDER BY block, slot").fetchall()
    finally:
        db.close()


def postings(index: SearchIndex):
    with index.ix.searcher() as s:
        r = s.reader()
        out = {}
        for field, text in r.all_terms():
            m = r.postings(field, text)
            rows = []
            while m.is_active():
                rows.append((m.id(), m.weight(), m.value()))
                m.next()
            out[field, text] = rows
        lengths = {f: [r.doc_field_length(d, f) for d in range(r.doc_count_all())] for f in ("content", "tag", "year")}
        return out, lengths, [r.stored_fields(d) for d in range(r.doc_count_all())]


@pytest.fixture(scope="module")
def docs():
    return make_docs(600)


def plain_update(index: SearchIndex, docs) -> None:
    """Whoosh's own path, a posting at a time (what SearchIndex.update did before)."""
    writer = index.ix.writer(codec=index_mod._codec(), compound=index_mod.COMPOUND)
    items = []
    for doc in docs:
        values, (aid, date, text) = doc_fields(doc)
        writer.update_document(**values)
        items.append((aid, date, ana.gram_codes(text)))
    writer.commit()
    index.grams.add(items)


def build(path: Path, docs, how: str) -> SearchIndex:
    index = SearchIndex.open(path)
    if how == "plain":
        plain_update(index, docs)
    elif how == "update":
        index.update(docs)
    else:
        index.rebuild(docs, parallel=how == "parallel")
    return index


@pytest.mark.parametrize("how", ["serial", "parallel", "update"])
def test_rebuild_writes_what_whoosh_writes(tmp_path, docs, how):
    plain = build(tmp_path / "plain", docs, "plain")
    fast = build(tmp_path / how, docs, how)
    try:
        assert postings(fast) == postings(plain)
        assert segment_files(tmp_path / how) == segment_files(tmp_path / "plain")
        assert gram_rows(tmp_path / how) == gram_rows(tmp_path / "plain")
    finally:
        plain.close()
        fast.close()


def test_more_chunks_than_a_block_and_a_ragged_end(tmp_path, docs, monkeypatch):
    """Chunks of 16 in blocks of 64 articles: the n-gram store's blocks and the
    postings' document numbers line up across chunk and block boundaries."""
    monkeypatch.setattr(build_mod, "CHUNK", 16)
    monkeypatch.setattr(grams, "BLOCK", 64)
    some = docs[:150]
    plain = build(tmp_path / "plain", some, "plain")
    fast = build(tmp_path / "fast", some, "serial")
    try:
        assert postings(fast) == postings(plain)
        assert gram_rows(tmp_path / "fast") == gram_rows(tmp_path / "plain")
        assert {h.article_id for h in search(fast, "ก.พ.ร.", limit=200).hits} == {d.article.id for d in some}
    finally:
        plain.close()
        fast.close()


def test_gram_codes_spell_the_same_grams():
    texts = ["", "ก", "กข", "กขค", "กขคง", "a กข b", "กขค.งจ", "ก" * 9, "๑๒๓ ไทย", "กขค\ud800งจฉ", "😀กขค\U0010ffff",
             SEED.read_text("utf-8")]
    for text in texts:
        folded = ana.prepare(text)
        codes = ana.gram_codes(folded)
        assert sorted(ana.gram_strings(codes)) == sorted(ana.grams(folded))
        assert list(codes) == sorted(set(codes.tolist()))


def test_chunk_masks_match_per_document_grams():
    docs = make_docs(40)
    texts = [ana.prepare(d.article.title + "\n" + d.article.body) for d in docs]
    codes, masks = build_mod.chunk_masks([ana.gram_codes(t) for t in texts])
    expected: dict[str, int] = {}
    for i, t in enumerate(texts):
        for g in ana.grams(t):
            expected[g] = expected.get(g, 0) | 1 << i
    got = {g: int.from_bytes(m.tobytes(), "little") for g, m in zip(ana.gram_strings(codes), masks, strict=True)}
    assert got == expected


def test_updates_with_segment_merges_write_what_whoosh_writes(tmp_path, docs):
    """Twelve small batches, some replacing earlier articles: Whoosh merges the small
    segments at commit, their content postings passing through the grouped pool."""
    plain = SearchIndex.open(tmp_path / "plain")
    fast = SearchIndex.open(tmp_path / "fast")
    try:
        for i in range(12):
            batch = docs[i * 10 : i * 10 + 10] + docs[i : i + 3]  # 3 replaced each time
            plain_update(plain, batch)
            fast.update(batch)
        assert len(whoosh_internals.segments(fast.ix)) < 12  # merged
        assert postings(fast) == postings(plain)
        assert segment_files(tmp_path / "fast") == segment_files(tmp_path / "plain")
        assert gram_rows(tmp_path / "fast") == gram_rows(tmp_path / "plain")
    finally:
        plain.close()
        fast.close()


class _KillsTheWorker:
    """Unpickling this ends the process that unpickles it (the analysis worker)."""

    def __reduce__(self):
        import os

        return os._exit, (3,)


def test_a_worker_that_dies_fails_the_rebuild_without_hanging(tmp_path, docs):
    from concurrent.futures.process import BrokenProcessPool

    bad = list(docs[:300])
    bad[280] = IndexDoc(bad[280].article, note=_KillsTheWorker())
    index = SearchIndex.open(tmp_path / "idx")
    try:
        with pytest.raises(BrokenProcessPool):
            index.rebuild(bad, parallel=True)
        assert index.rebuild(docs[:50], parallel=True) == 50  # the next one works
        assert index.stamp()[0] == 50 and index.grams.count() == 50
    finally:
        index.close()


def test_an_article_that_cannot_be_analysed_fails_the_rebuild(tmp_path, docs):
    bad = list(docs[:20])
    bad[7] = IndexDoc(Article(title="ข่าว", paragraphs=[None], id=9999))  # type: ignore[list-item]
    index = SearchIndex.open(tmp_path / "idx")
    try:
        with pytest.raises(TypeError):
            index.rebuild(bad, parallel=True)
        index.rebuild(docs[:20], parallel=False)
        assert {h.article_id for h in search(index, "ก.พ.ร.", limit=50).hits} == {d.article.id for d in docs[:20]}
    finally:
        index.close()

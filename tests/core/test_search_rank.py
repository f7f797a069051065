"""rank.py reads Whoosh's posting blocks itself: its postings and BM25 scores must equal
what Whoosh's own matchers give, across segments and deleted documents, and its
posting cache must stay bounded and never outlive the index state it was read from."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from reader.core.model import Article, IndexDoc
from reader.core.search import SearchIndex, rank
from reader.core.search.tree import all_of, any_of, term
from tests.searching import search

WORDS = ["การ", "และ", "ที่", "ประชุม", "ธนาคาร", "โลก", "ความร่วมมือ", "รัฐบาล", "ประชาชน", "พัฒนา",
         "ระบบ", "ราชการ", "ข้อมูล", "ASEAN", "PMQA"]


def article(aid: int, rnd: random.Random) -> Article:
    words = [rnd.choice(WORDS[: rnd.randint(3, len(WORDS))]) for _ in range(rnd.randint(5, 400))]
    return Article(title=f"ข่าว {rnd.choice(WORDS)}", paragraphs=[" ".join(words)], id=aid)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """Three segments (a rebuild, then two updates) with replaced documents, so
    postings cross leaves and skip deleted documents. Blocks hold 128 postings: the
    commonest words span many blocks."""
    rnd = random.Random(5)
    idx = SearchIndex.open(tmp_path_factory.mktemp("rank") / "idx")
    idx.rebuild([IndexDoc(article(i, rnd), updated_at="1") for i in range(1, 701)], parallel=False)
    idx.update([IndexDoc(article(i, rnd), updated_at="2") for i in range(650, 760)])
    idx.update([IndexDoc(article(i, rnd), updated_at="3") for i in range(5, 40)])
    yield idx
    idx.close()


def whoosh_postings(searcher, fieldname: str, text: str) -> tuple[list[int], list[float]]:
    """The same through Whoosh's public matcher API."""
    ids, weights = [], []
    reader = searcher.reader()
    if (fieldname, text) not in reader:
        return ids, weights
    m = reader.postings(fieldname, text)
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    return ids, weights


def test_the_index_has_several_segments_and_deletions(index):
    reader = index.searcher().reader()
    leaves = list(reader.leaf_readers())
    assert len(leaves) >= 2
    assert any(leaf.has_deletions() for leaf, _offset in leaves)


@pytest.mark.parametrize("word", WORDS + ["ไม่มีคำนี้"])
def test_postings_equal_whooshs_matchers(index, word):
    tables = index.tables()
    tables.clear()
    ids, weights = tables.postings("content", word.lower())
    want_ids, want_w = whoosh_postings(tables.searcher, "content", word.lower())
    assert ids.tolist() == want_ids
    assert weights.tolist() == pytest.approx(want_w)
    assert np.all(np.diff(ids) > 0)


# BM25 as documented (k1 = 1.2, b = 0.75, idf = ln(1 + (N - df + 0.5) / (df + 0.5)) times
# k1 + 1), written out here rather than read from rank.py: test_bm25_by_hand pins the
# formula to numbers worked out on paper, and bm25() below carries it across segments.
K1, B = 1.2, 0.75


def test_bm25_by_hand(tmp_path):
    """Three articles of 3, 4 and 1 words (average 8/3): `cat cat dog`, `cat bird bird
    bird`, `dog`. For `cat` (df 2 of N 3): idf = ln(1 + 1.5 / 2.5) = ln 1.6, times 2.2.
    Article 1: tf 2, length part 1.2 * (0.25 + 0.75 * 3 / (8/3)) = 1.3125, score
    2.2 ln 1.6 * 2 / 3.3125 = 0.624307. Article 2: tf 1, 1.2 * (0.25 + 0.75 * 4 / (8/3))
    = 1.65, score 2.2 ln 1.6 / 2.65 = 0.390192. `dog` in article 3: 1.2 * (0.25 + 0.75 *
    3/8) = 0.6375, 2.2 ln 1.6 / 1.6375 = 0.631455; in article 1: 2.2 ln 1.6 / 2.3125 =
    0.447139. `cat dog`: article 1 only, 0.624307 + 0.447139 = 1.071445."""
    idx = SearchIndex.open(tmp_path / "idx")
    idx.rebuild([IndexDoc(Article(title="", paragraphs=[body], id=aid), updated_at="1")
                 for aid, body in [(1, "cat cat dog"), (2, "cat bird bird bird"), (3, "dog")]], parallel=False)
    try:
        assert [(h.article_id, round(h.score, 6)) for h in search(idx, "cat").hits] == [(1, 0.624307), (2, 0.390192)]
        assert [(h.article_id, round(h.score, 6)) for h in search(idx, "dog").hits] == [(3, 0.631455), (1, 0.447139)]
        assert [(h.article_id, round(h.score, 6)) for h in search(idx, "cat dog").hits] == [(1, 1.071445)]
    finally:
        idx.close()


def bm25(searcher, words: list[str]) -> dict[int, float]:
    """Reference scores in plain Python: the AND of the words, BM25 as above."""
    reader = searcher.reader()
    n = reader.doc_count_all()
    lengths = [0] * n
    for leaf, offset in reader.leaf_readers():
        for i, v in enumerate(leaf.column_reader("words")):
            lengths[offset + i] = v
    avg = sum(lengths) / n
    out: dict[int, float] | None = None
    for word in words:
        ids, weights = whoosh_postings(searcher, "content", word)
        idf = math.log(1 + (n - len(ids) + 0.5) / (len(ids) + 0.5)) * (K1 + 1)
        part = {d: idf * w / (w + K1 * (1 - B + B * lengths[d] / avg))
                for d, w in zip(ids, weights, strict=True)}
        out = part if out is None else {d: s + part[d] for d, s in out.items() if d in part}
    return out or {}


@pytest.mark.parametrize("words", [["การ"], ["และ", "ที่"], ["ธนาคาร", "โลก", "การ"], ["pmqa", "ประชุม"]])
def test_and_scores_equal_plain_bm25(index, words):
    found = rank.evaluate(index.tables(), all_of([term("content", w) for w in words]))
    want = bm25(index.searcher(), words)
    assert want, "the fixture should match every query"
    assert dict(zip(found.ids.tolist(), found.scores.tolist(), strict=True)) == pytest.approx(want)


def test_or_adds_scores_and_allowed_narrows(index):
    searcher, tables = index.searcher(), index.tables()
    a, b = bm25(searcher, ["ธนาคาร"]), bm25(searcher, ["asean"])
    found = rank.evaluate(tables, any_of([term("content", "ธนาคาร"), term("content", "asean")]))
    want = {d: a.get(d, 0.0) + b.get(d, 0.0) for d in a.keys() | b.keys()}
    assert dict(zip(found.ids.tolist(), found.scores.tolist(), strict=True)) == pytest.approx(want)
    allowed = np.array(sorted(want)[::3], dtype=np.int64)
    narrowed = rank.evaluate(tables, any_of([term("content", "ธนาคาร"), term("content", "asean")]), allowed)
    assert narrowed.ids.tolist() == allowed.tolist()


def test_best_first_is_a_full_ordering_with_ties_by_document():
    ids = np.arange(10, dtype=np.int64)
    scores = np.array([1.0, 5.0, 3.0, 5.0, 0.5, 3.0, 9.0, 1.0, 5.0, 2.0])
    order = list(rank.best_first(rank.Scores(ids, scores), need=2))
    assert [d for d, _s in order] == [6, 1, 3, 8, 2, 5, 9, 0, 7, 4]
    assert [s for _d, s in order] == sorted(scores.tolist(), reverse=True)


def test_cache_keeps_common_terms_within_its_budget(index):
    tables = rank.Tables(index.searcher())
    tables.cache_min = 1
    first = tables.postings("content", "การ")
    assert tables.postings("content", "การ") is first  # served from the cache
    cache = tables.cache
    one = first[0].nbytes + first[1].nbytes
    cache.limit = one * 2  # room for about two terms
    for word in WORDS[:8]:
        tables.postings("content", word.lower())
    assert 0 < cache.size <= cache.limit
    assert len(cache.items) <= 3
    assert ("content", "การ") not in cache.items  # least recently used went first


def test_cache_dies_with_the_searcher_when_the_index_changes(tmp_path):
    idx = SearchIndex.open(tmp_path / "idx")
    rnd = random.Random(1)
    idx.rebuild([IndexDoc(article(i, rnd), updated_at="1") for i in range(1, 50)], parallel=False)
    before = idx.tables()
    before.postings("content", "การ")
    idx.update([IndexDoc(Article(title="ใหม่", paragraphs=["การ ข่าวใหม่"], id=99), updated_at="2")])
    after = idx.tables()
    assert after is not before and after.searcher is not before.searcher
    ids = after.postings("content", "การ")[0]
    assert search(idx, "ข่าวใหม่").hits[0].article_id == 99
    assert after.article_maps[0][ids].tolist().count(99) == 1
    idx.close()


def test_warm_loads_the_tables_under_the_index_lock(index, monkeypatch):
    """The window warms in a background thread while its GUI thread may search: warm()
    must wait for the index lock (a searcher's files are not safe to read from two
    threads at once), then leave the tables the first search needs."""
    import threading

    index._close_searcher()  # a fresh searcher: nothing read yet
    reading = threading.Event()
    tables = index.tables

    def watched():
        reading.set()
        return tables()

    monkeypatch.setattr(index, "tables", watched)
    with index._lock:
        worker = threading.Thread(target=index.warm)
        worker.start()
        assert not reading.wait(0.5), "warm() read the index without its lock"
    assert reading.wait(10), "warm() never read the tables"
    worker.join(10)
    got = tables()
    assert all(name in vars(got) for name in ("norms", "article_maps", "dates"))
    assert len(got.dates) == got.searcher.doc_count_all()

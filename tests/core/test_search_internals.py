"""whoosh_internals.py: with another Whoosh version the index is written and read through
Whoosh's public API, with the same results as the fast path; and the three backends of
a filter (Whoosh's query, rank.py's posting sets, the stored-text check) agree."""

from __future__ import annotations

import datetime as dt
import logging
import random

import pytest
import whoosh

from reader.core.model import Article, IndexDoc
from reader.core.search import Filters, SearchIndex, whoosh_internals
from reader.core.search.check import FilterCheck
from reader.core.search.parse import merged_filters, parse
from reader.core.search.rank import allowed_docs
from reader.core.search.tree import filter_clauses
from reader.core.search.whoosh_query import whoosh_filter
from tests.searching import search

WORDS = ["การ", "ประชุม", "ธนาคาร", "โลก", "ความร่วมมือ", "รัฐบาล", "ภาษีอากร", "ASEAN", "governance", "2556"]
TAGS = [["ภาษี"], ["ภาษีอากร"], ["ภาษี", "งบ"], [], ["Hotel"]]
CATS = ["ข่าวสาร", "ข่าวต่างประเทศ", "ประกาศ"]


def docs(start: int, stop: int, seed: int) -> list[IndexDoc]:
    rnd = random.Random(seed)
    out = []
    for aid in range(start, stop):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(3, 200))]
        art = Article(title=f"ข่าว{rnd.choice(WORDS)}", paragraphs=[" ".join(words)], id=aid,
                      date=dt.date(2012 + aid % 5, 1 + aid % 12, 1 + aid % 28), category=CATS[aid % 3],
                      language="th" if aid % 4 else "en")
        out.append(IndexDoc(art, TAGS[aid % len(TAGS)], "", aid % 7 == 0, str(seed)))
    return out


def build(path) -> SearchIndex:
    """Three segments with replaced documents (postings cross leaves, skip deletions)."""
    index = SearchIndex.open(path)
    index.rebuild(docs(1, 400, 1), parallel=False)
    index.update(docs(380, 450, 2))
    index.update(docs(10, 30, 3))
    return index


QUERIES = ["การ", "ธนาคารโลก", "ภาษี", "ร่วมมือ", "asean", "governing", "2556", "ประชุม -โลก",
           "ธนาคาร OR ASEAN", "tag:ภาษี", "category:ข่าว", "tag:ภาษี ประชุม", "date:2556..2557 การ"]


def results(index: SearchIndex) -> list:
    out = []
    for q in QUERIES:
        for sort in ("relevance", "date"):
            r = search(index, q, sort=sort, limit=15)
            out.append((q, sort, r.total, [(h.article_id, round(h.score, 9), h.whole_word) for h in r.hits]))
    return out


@pytest.fixture(scope="module")
def fast_index(tmp_path_factory):
    assert whoosh_internals.FAST, "the pinned Whoosh is installed: the fast path is the default"
    index = build(tmp_path_factory.mktemp("fast") / "idx")
    yield index
    index.close()


def test_the_fallback_reads_and_writes_the_same_index(fast_index, tmp_path, monkeypatch):
    want = results(fast_index)
    want_segments = len(whoosh_internals.segments(fast_index.ix))
    assert want_segments >= 2
    monkeypatch.setattr(whoosh_internals, "FAST", False)
    fast_index._close_searcher()  # reading again, through the public API
    assert results(fast_index) == want
    assert len(whoosh_internals.segments(fast_index.ix)) == want_segments
    slow = build(tmp_path / "idx")  # written through Whoosh's own posting path
    try:
        assert results(slow) == want
        for word in ("การ", "asean", "2556"):
            got, expected = slow.tables().postings("content", word), fast_index.tables().postings("content", word)
            assert got[0].tolist() == expected[0].tolist() and got[1].tolist() == expected[1].tolist()
    finally:
        slow.close()
    fast_index._close_searcher()


def test_an_unknown_whoosh_version_is_logged_once(monkeypatch, caplog):
    assert whoosh_internals.FAST == (whoosh.versionstring() == whoosh_internals.PINNED)
    monkeypatch.setattr(whoosh, "versionstring", lambda: "2.8.0")
    monkeypatch.setattr(whoosh_internals, "FAST", False)
    monkeypatch.setattr(whoosh_internals, "_told", False)
    with caplog.at_level(logging.WARNING, logger=whoosh_internals.__name__):
        assert whoosh_internals.fast() is False
        assert whoosh_internals.fast() is False
    said = [r.getMessage() for r in caplog.records if r.name == whoosh_internals.__name__]
    assert len(said) == 1 and "2.8.0" in said[0] and "public API" in said[0], said


FILTERS = [
    ("tag:ภาษี", Filters()), ("tag:ภาษีอา", Filters()), ("tag:hotel", Filters()), ("tag:ไม่มี", Filters()),
    ("category:ข่าว", Filters()), ("category:ต่างประเทศ category:ข่าว", Filters()),
    ("category:ข่าว category:ประกาศ", Filters()), ("", Filters(tag="ภาษี")), ("", Filters(language="en")),
    ("", Filters(bookmarked=True)), ("", Filters(category="ประกาศ")),
    ("tag:ภาษี lang:th", Filters(bookmarked=False)), ("date:2556..2557", Filters()),
]


@pytest.mark.parametrize(("query", "filters"), FILTERS)
def test_the_three_filter_backends_agree(fast_index, query, filters):
    """`tag:ภาษี` is the tag ภาษี (not also ภาษีอากร) and several `category:` clauses all
    hold, whether Whoosh, the posting blocks or the stored text decides."""
    tables = fast_index.tables()
    searcher = tables.searcher
    p = parse(query)

    def lexicon(fieldname: str) -> list[str]:
        return [t.decode("utf-8") if isinstance(t, bytes) else t for t in searcher.reader().lexicon(fieldname)]

    clauses = filter_clauses(p, merged_filters(p, filters), lexicon)
    assert clauses
    by_whoosh = set(searcher.docs_for_query(whoosh_filter(clauses)))
    reader = searcher.reader()
    by_text = {dn for dn in range(reader.doc_count_all()) if not reader.is_deleted(dn)
               and all(FilterCheck(reader.stored_fields(dn)["doc"]).visit(c) for c in clauses)}
    by_postings = set(allowed_docs(tables, clauses, lexicon).tolist())
    assert by_whoosh == by_text
    if any(type(c).__name__ == "DateRange" for c in clauses):
        assert by_text <= by_postings  # whole years there; the text check has the days
    else:
        assert by_postings == by_text
    if query.startswith("tag:ภาษี "):
        assert by_text and all(searcher.stored_fields(dn)["doc"]["g"].count("ภาษี") for dn in by_text)


def test_tag_filter_is_the_same_in_both_tiers(fast_index):
    """Tier 2 (Thai inside longer words, from the n-gram store) once let `tag:ภาษี` through
    for articles tagged only ภาษีอากร."""
    for q in ("ร่วมมือ tag:ภาษี", "ความร่วมมือ tag:ภาษี"):
        for sort in ("relevance", "date"):
            res = search(fast_index, q, sort=sort, limit=500)
            assert res.hits, q
            for h in res.hits:
                stored = fast_index.searcher().document(id=str(h.article_id))["doc"]
                assert "ภาษี" in stored["g"], (q, sort, stored["g"])

"""Recall against ground truth on real articles (../shared/corpus): every article that
contains the string (plain substring scan after normalisation) is found, nothing else
is, and whole-word hits come before part-of-word hits."""

from __future__ import annotations

import re
import tarfile

import pytest

from reader.core.ingest import IngestError, extract
from reader.core.ingest.base import Source
from reader.core.model import IndexDoc
from reader.core.search import SearchIndex
from reader.core.search import analyzer as ana
from reader.core.search.schema import search_text
from tests.conftest import need_corpus
from tests.searching import search

pytestmark = [pytest.mark.corpus, pytest.mark.slow]
SAMPLE = 1000

WORDS = """ร่วมมือ ประสิทธิภาพ ธรรมาภิบาล นายกรัฐมนตรี ประชาชน ประชุม งบประมาณ โครงการ พัฒนา
เศรษฐกิจ ท่องเที่ยว สาธารณสุข การศึกษา เกษตรกร ชุมชน ข้าราชการ รัฐบาล กระทรวง จังหวัด นโยบาย
ยุทธศาสตร์ ความมั่นคง สิ่งแวดล้อม น้ำท่วม ภัยแล้ง ผู้สูงอายุ เยาวชน ดิจิทัล นวัตกรรม ลงทุน
ส่งออก แรงงาน คณะรัฐมนตรี มติ ประกาศ กฎหมาย พระราชบัญญัติ ทุจริต โปร่งใส บริการ ปฏิรูป
ต่างประเทศ อาเซียน ปลอดภัย สุขภาพ โรงพยาบาล วัคซีน รถไฟ พลังงาน ไฟฟ้า เทคโนโลยี ผู้ว่าราชการ
ท้องถิ่น โรงแรม""".split()
# Names the word list does not hold (checked below), all in the first 1,000 articles.
NAMES = """จันทร์โอชา บูรพชัยศรี ธนาดิเรก ทิพานัน ศิริชนะ ไตรศุลี ไตรสรณกุล วงษ์สุวรรณ ชาญวีรกูล
จุรินทร์ ลักษณวิศิษฏ์ ชัยวุฒิ ธนาคมานุสรณ์ เติมพิทยาไพสิฐ ศักดิ์สยาม ชิดชอบ สุชาติ ชมกลิ่น
ธนกร วังบุญคงชนะ พ่วงทรัพย์ ณัฏฐิญา ณัฐพล รังสิตพล""".split()


def load_sample(limit: int) -> list[IndexDoc]:
    tar_path = need_corpus("thaigov-v2-all.tar.xz")
    docs: list[IndexDoc] = []
    with tarfile.open(tar_path) as tar:
        for member in tar:
            if not member.isfile() or "/data/" not in member.name:
                continue
            data = tar.extractfile(member).read()
            try:
                arts = extract(Source(name=member.name, data=data, origin=member.name))
            except IngestError:
                continue
            for art in arts:
                art.id = len(docs) + 1
                docs.append(IndexDoc(art, updated_at="2026-01-01T00:00:00"))
            if len(docs) >= limit:
                break
    return docs


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    docs = load_sample(SAMPLE)
    index = SearchIndex.open(tmp_path_factory.mktemp("corpus-index"))
    index.rebuild(docs, total=len(docs))
    texts = {d.article.id: search_text([d.article.title, d.article.body, "\n".join(d.article.credits),
                                        ", ".join(d.tags), d.note]) for d in docs}
    yield index, texts
    index.close()


def truth(texts: dict[int, str], query: str) -> set[int]:
    needle = ana.prepare(query)
    if " " in needle:  # a line break or double space in the text still matches a space
        return {aid for aid, text in texts.items() if needle in re.sub(r"\s+", " ", text)}
    return {aid for aid, text in texts.items() if needle in text}


def check(index, texts, query):
    expected = truth(texts, query)
    # a string with a space is a phrase (unquoted, its words are ANDed)
    res = search(index, f'"{query}"' if " " in query else query, limit=len(texts))
    found = [h.article_id for h in res.hits]
    assert len(found) == len(set(found))
    missing = expected - set(found)
    extra = set(found) - expected
    assert not missing, f"{query}: {len(missing)} of {len(expected)} missed, e.g. {sorted(missing)[:5]}"
    assert not extra, f"{query}: {len(extra)} found without the string, e.g. {sorted(extra)[:5]}"
    flags = [h.whole_word for h in res.hits]
    assert flags == sorted(flags, reverse=True), f"{query}: a part-of-word hit ranks above a whole word"
    pieces = set(ana.segment(ana.prepare(query))) - {" "}
    for h in res.hits:
        terms = ana.index_terms(texts[h.article_id])
        assert h.whole_word == pieces.issubset(terms), (query, h.article_id)
    return len(expected), sum(flags)


def test_the_sample_is_big_enough(sample):
    _index, texts = sample
    assert len(texts) >= SAMPLE
    assert len(WORDS) >= 50 and len(NAMES) >= 20


@pytest.mark.parametrize("word", WORDS)
def test_thai_words_full_recall(sample, word):
    index, texts = sample
    n, _whole = check(index, texts, word)
    assert n > 0, f"{word} is not in the sample: pick another word"


def test_names_are_not_dictionary_words():
    words = set(ana.dictionary_path().read_text(encoding="utf-8").split())
    assert not [n for n in NAMES if n in words]


@pytest.mark.parametrize("name", NAMES)
def test_out_of_dictionary_names_full_recall(sample, name):
    index, texts = sample
    n, _whole = check(index, texts, name)
    assert n > 0, f"{name} is not in the sample"


def test_words_inside_compounds_are_found(sample):
    index, texts = sample
    # ร่วมมือ mostly appears inside ความร่วมมือ (one dictionary word)
    n, whole = check(index, texts, "ร่วมมือ")
    assert n > whole > 0


@pytest.mark.parametrize("fragment", ["มอมา", "ระหว่างประ", "ยุทธ์ จันทร์", "กท", "ภาพแล"])
def test_any_string_that_occurs_is_found(sample, fragment):
    index, texts = sample
    if not truth(texts, fragment):
        pytest.skip(f"{fragment} not in the sample")
    check(index, texts, fragment)

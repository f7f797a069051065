"""The Thai analyzer: normalisation, segmentation, acronyms, stems, trigrams."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.search import analyzer as ana


def terms(text: str) -> set[str]:
    return set(ana.index_terms(ana.prepare(text)))


def test_nfc_sara_am_zero_width_digits_case_fold_the_same_way():
    # decomposed sara am, zero-width space inside a word, Thai digits, upper case
    messy = "ทํางาน\u200bร่วม ๒๕๕๖ ASEAN"
    clean = "ทำงานร่วม 2556 asean"
    assert ana.prepare(messy) == clean
    assert terms(messy) == terms(clean)
    assert "2556" in terms(messy) and "asean" in terms(messy)


def test_nfkc_is_not_used_sara_am_stays_one_character():
    assert ana.prepare("ทำ") == "ทำ"
    assert len(ana.prepare("ทำ")) == 2


def test_thai_words_are_segmented_with_the_dictionary():
    assert ana.segment("ธนาคารโลกร่วมมือ") == ["ธนาคารโลก", "ร่วมมือ"]
    assert {"ธรรมาภิบาล", "สำหรับ"} <= terms("หลักสูตรธรรมาภิบาลสำหรับผู้บริหาร")


def test_dotted_acronyms_stay_whole_and_also_undotted():
    for dotted, plain in [("ก.พ.ร.", "กพร"), ("อ.ก.พ.ร.", "อกพร"), ("U.N.", "un")]:
        found = terms(f"สำนักงาน {dotted} แถลง")
        assert ana.prepare(dotted) in found, dotted
        assert plain in found, dotted
    # not read as ก.พ. (February) + ร.
    assert "ก.พ." not in terms("สำนักงาน ก.พ.ร. แถลง")


def test_english_words_are_stemmed_and_kept():
    found = terms("Promoting Good Governance")
    assert {"promoting", "promot", "governance", "govern", "good"} <= found


def test_latin_and_numbers_are_apart_from_thai():
    found = terms("ประชุมASEANครั้งที่12ปี2556")
    assert {"asean", "12", "2556", "ประชุม"} <= found


def test_fold_keeps_length_so_offsets_stay_valid():
    text = "ปี ๒๕๕๖ ASEAN İstanbul"
    assert len(ana.fold(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_fold_length_and_analysis_never_fail(text):
    assert len(ana.fold(text)) == len(text)
    for tok in ana.analyze(ana.fold(text)):
        assert tok.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="กขคงจรลวสหอะาิีึืุูเแโใไ่้๊๋็์ำๆ ", min_size=2, max_size=40))
def test_every_thai_substring_is_covered_by_trigrams(text):
    folded = ana.prepare(text)
    grams = ana.grams(folded)
    for run in ana.thai_runs(folded):
        for i in range(len(run) - 1):
            pair = run[i : i + 2]
            # followed by a letter: a trigram starts with it; else it ends the run
            assert run[i : i + 3] in grams if i + 3 <= len(run) else pair + ana.RUN_END in grams
        for i in range(len(run) - 2):
            assert run[i : i + 3] in grams


def test_dictionary_is_the_bundled_cc0_list():
    path = ana.dictionary_path()
    assert path.name == "words_th.txt"
    assert (path.parent / "README.md").read_text(encoding="utf-8").count("CC0") >= 1
    assert len(ana.dictionary_digest()) == 16


# -- English possessives, hyphens and dotted abbreviations (issue 12) ----------------


def _words_index(tmp_path):
    from reader.core.model import Article, IndexDoc
    from reader.core.search import SearchIndex

    texts = {
        1: "The Prime Minister’s Office met the U.N. team on e-government.",
        2: "The UN mission and the cabinet's meeting went well.",
        3: "Officials discussed the Minister's plan for B.E. 2567 with covid-19 experts.",
        4: "Nothing here but government and the mission statement.",
    }
    index = SearchIndex.open(tmp_path / "idx")
    docs = [IndexDoc(Article(title=f"English item {i}", paragraphs=[t], language="en", id=i),
                     updated_at="1") for i, t in texts.items()]
    index.rebuild(docs, parallel=False)
    return index


@pytest.mark.parametrize(("query", "expected"), [
    ("Minister", {1, 3}),  # `Prime Minister’s` is found by its word
    ("Minister's", {1, 3}),  # and by its whole form, either apostrophe
    ("Minister’s", {1, 3}),
    ("UN", {1, 2}),  # `U.N.` by its undotted form, `UN` itself
    ("U.N.", {1, 2}),
    ("B.E.", {3}),
    ("BE", {3}),
    ("e-government", {1}),  # a hyphenated word by its whole form
    ("egovernment", {1}),
    ("government", {1, 4}),  # and by its parts
    ("covid-19", {3}),
    ("covid", {3}),
])
def test_english_forms_are_found_by_parts_and_whole(tmp_path, query, expected):
    index = _words_index(tmp_path)
    try:
        res = index.search(query, limit=20)
        assert {h.article_id for h in res.hits} == expected, (query, res.message)
    finally:
        index.close()


def test_english_forms_as_terms():
    terms = ana.index_terms(ana.fold("Prime Minister’s e-government U.N."))
    assert {"minister's", "minister", "e-government", "government", "egovernment", "u.n.", "un"} <= set(terms)
    assert "s" not in terms  # the possessive ending is no word of its own
    assert [t.text for t in ana.analyze(ana.fold("Minister’s e-government"))] == ["minister's", "e-government"]

"""Snippets: cut between words, never inside a Thai character cluster."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.search.snippets import cluster_safe, highlight_spans, snippet
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
MARKS = set("ะัาำิีึืฺุูๅ็่้๊๋์ํ๎")


def joined(parts):
    return "".join(t for t, _ in parts)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED_TEXT) - 1), st.sampled_from(
    ["ธรรมาภิบาล", "อาเซียน", "ASEAN", "2556", "ร่วมมือ", "โรงแรม", "ความสามารถ", "ไม่มีคำนี้"]))
def test_snippet_edges_fall_between_clusters(offset, term):
    while not cluster_safe(SEED_TEXT, offset):  # start the sample on a cluster
        offset += 1
    text = SEED_TEXT[offset:offset + 3000]
    parts = snippet(text, [term])
    body = joined(parts).removeprefix("…").removesuffix("…").strip()
    if not body:
        return
    assert body[0] not in MARKS, body[:20]
    # the passage is a piece of the text (white space collapsed), not rewritten
    assert body.split()[0] in text


def test_snippet_highlights_and_marks_cuts():
    parts = snippet(SEED_TEXT, ["ธรรมาภิบาล"])
    assert parts[0] == ("…", False) or parts[0][0].startswith("…")
    assert ("ธรรมาภิบาล", True) in parts
    assert len(joined(parts)) < 300


def test_no_hit_gives_the_start_of_the_text():
    parts = snippet("ข้อความสั้น ๆ", ["ไม่มี"])
    assert joined(parts) == "ข้อความสั้น ๆ"
    assert not any(h for _t, h in parts)


def test_cluster_safety_rule():
    text = "เรียน"
    assert not cluster_safe(text, 1)  # after a leading vowel
    assert cluster_safe(text, 3)  # between รี and ยน
    assert not cluster_safe("ที่", 1) and not cluster_safe("ที่", 2)


def test_highlight_spans_merge_overlaps():
    text = "ความร่วมมือระหว่างประเทศ"
    assert highlight_spans(text, ["ร่วมมือ", "มือระหว่าง"]) == [(4, 18)]

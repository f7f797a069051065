"""What the search says about a query reaches the reader in their language: every notice
reader.core can give has a Thai and an English wording, and the count line under the
search box follows a language switch."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from reader.core.search.parse import Filters, Notice, merged_filters, parse
from reader.ui.searchnotice import worded
from tests.ui.test_language_switch import switch

THAI = re.compile(r"[\u0e00-\u0e7f]")

# One query for each thing the parser says (the tiers' two are run through the index below).
QUERIES = {
    '"ธนาคารโลก': "open-quote",
    "OR ธนาคาร": "lone-or",
    "ธนาคาร OR": "trailing-or",
    "ธนาคาร -": "lone-minus",
    "date:yesterday": "bad-date",
    "date:2599..2500": "backwards-range",
}


def notices_of(query: str) -> list[Notice]:
    p = parse(query)
    merged_filters(p, Filters(date_from=dt.date(2020, 1, 1), date_to=dt.date(2020, 12, 31)))
    return p.notices


def test_the_parser_gives_a_code_beside_each_english_message():
    for query, code in QUERIES.items():
        p = parse(query)
        assert [n.code for n in p.notices] == [code] and len(p.messages) == 1, query
    assert [n.code for n in notices_of("date:2556")] == ["dates-disjoint"]
    backwards = parse("date:2599..2500").notices[0]
    assert backwards.params == {"range": "2599..2500", "searched": "2500..2599"}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_notice_is_worded_in_the_interface_language(open_window, archive_path, lang):
    window = open_window(archive_path)
    switch(window, lang)
    samples = [notices_of(q) for q in [*QUERIES, "date:2556"]]
    samples += [[Notice("only-exclusions")], [Notice("nothing-to-search")],
                [Notice("failed", {"reason": "OSError: disk gone"})]]
    for notices in samples:
        text = worded(notices, "ENGLISH FALLBACK")
        assert text and text != "ENGLISH FALLBACK", notices
        assert bool(THAI.search(text)) == (lang == "th"), text
    assert "2599..2500" in worded(parse("date:2599..2500").notices, None)
    assert "disk gone" in worded([Notice("failed", {"reason": "OSError: disk gone"})], None)
    # a code this window does not know (a newer reader.core): the English, not nothing
    assert worded([Notice("from-the-future")], "Said in English.") == "Said in English."
    switch(window, "en")


def test_the_count_line_says_it_in_thai_and_follows_a_switch(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    switch(window, "th")
    window.search.box.setText("ธนาคารโลก OR")
    window.search.fire_now()
    qtbot.waitUntil(lambda: "OR" in window.search.count_label.text())
    count = window.search.count_label.text()
    assert "ไม่ได้ใช้ OR ที่อยู่ท้ายคำค้น" in count and "ignored" not in count, count
    assert "ไม่ได้ใช้ OR" in window.count_status.text()
    switch(window, "en")
    count = window.search.count_label.text()
    assert "OR at the end of the query was ignored." in count and not THAI.search(count), count
    window.search.box.setText("-ธนาคารโลก")  # only an exclusion: said by the tiers, not the parser
    window.search.fire_now()
    qtbot.waitUntil(lambda: "exclusions" in window.search.count_label.text())
    switch(window, "th")
    assert "มีแต่คำที่ให้ยกเว้น" in window.search.count_label.text()
    switch(window, "en")

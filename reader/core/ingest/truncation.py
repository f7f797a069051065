"""Whether a page's text was cut off: a capped copy (a store that keeps the first 2,000
bytes), an interrupted download, a paste that stopped short.

The signs a reader goes by: the last paragraph stops in the middle of a word (an English
paragraph without its full stop; Thai whose last word is no word, like `และแ` or `ของภ`),
or the text ends announcing what follows (`ดังนี้`, `ได้แก่`, a colon) and nothing
follows. Short last lines (a credit, a footer, a caption) say nothing either way, and a
last word that is a real word says nothing either: many whole pages end without a full
stop. So some cut pages are not recognised (see bench/extract for how many).
"""

from __future__ import annotations

import functools
import re

from reader.core.paths import resource

PARAGRAPH = 80  # a last line shorter than this is a footer or a credit, not a paragraph
_ANNOUNCES = re.compile(r"(?:ดังนี้|ได้แก่|ดังต่อไปนี้|as follows|following|include)\s*[:：]?$|[:：]$",
                        re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?…\"”’')\]»ฯๆ]$|[.!?]\S{0,3}$")
# A quotation opened (after a space or at the start) and never closed.
_OPEN_QUOTE = re.compile(r"(?:^|\s)“[^“”]+$")
_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+$")
_LEADING_VOWEL = "เแโใไ"
# Words that join to what follows: a paragraph cannot end on them.
_JOINERS = {
    "และ", "หรือ", "ของ", "ที่", "ซึ่ง", "โดย", "เพื่อ", "กับ", "ใน", "จาก", "แก่", "ว่า", "คือ",
    "รวมถึง", "รวมทั้ง", "ได้แก่", "ตาม", "ต่อ", "แต่", "จึง", "ให้แก่", "ระหว่าง", "เช่น",
}
THAI_LAST_LINE = 20
_ENGLISH_JOINERS = {"the", "a", "an", "of", "to", "and", "or", "in", "on", "with", "for", "by", "from", "that"}


@functools.lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    path = resource("resources", "dict", "words_th.txt")
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines())


def _thai_word_cut(run: str) -> bool:
    """The last Thai word of the text is cut: one letter, a leading vowel with nothing
    after it, or no word of the dictionary."""
    from reader.core.search.analyzer import segment  # the segmenter the search uses

    if run[-1] in _LEADING_VOWEL:
        return True
    last = segment(run[-40:])[-1]
    return len(last) == 1 or last in _JOINERS or last not in _words()


def cut_off(text: str) -> bool:
    """True when the text visibly stops mid-text."""
    stripped = text.rstrip()
    last = stripped.rsplit("\n", 1)[-1].strip()
    if not last:
        return False
    if _ANNOUNCES.search(last) or _OPEN_QUOTE.search(last):
        return True  # what the text announces, or the end of a quotation, is missing
    if not any(c.isalpha() for c in last):
        return False  # a rule, a number
    if _ENDS_SENTENCE.search(last) or "#" in last or "://" in last:
        return False  # a full stop, a hashtag line, an address
    thai = _THAI_RUN.search(last)
    if thai and len(last) >= THAI_LAST_LINE:
        return _thai_word_cut(thai.group())
    if len(last) < PARAGRAPH:
        return False
    word = last.rsplit(None, 1)[-1]
    # English: a paragraph ending on a comma, on `the`/`of`/..., or on a lone letter
    return last[-1] in ",;-–(" or word.lower() in _ENGLISH_JOINERS or (len(word) == 1 and word.isalpha() and word not in "aAI")

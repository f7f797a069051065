"""Turning Thai/English text into search terms, the same way at index and query time.

Segmenter: nlpo3 (the newmm algorithm in Rust). Measured here on real Thai text it gives
the same words as PyThaiNLP's newmm at ~4.8 M characters/s against ~0.95 M, installs as a
4 MB wheel instead of 67 MB, and needs no corpus download. It ships no dictionary, so we
load PyThaiNLP's CC0 word list from resources/dict (once per process: nlpo3 cannot reload
a dictionary name).

The text is split before segmentation so only runs of Thai letters reach nlpo3: dotted
acronyms (`ก.พ.ร.`, `U.N.`) stay whole, and also get an undotted twin (`กพร`) so they are
found either way; Latin words and numbers are separate tokens. Without this split nlpo3
reads `ก.พ.ร.` as `ก.พ.` (February) + `ร.`.

Folding (`fold`) keeps the length of the text, so an offset found in folded text is an
offset in the stored text: highlights need no re-analysis.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nlpo3
from whoosh.lang.porter import stem as _porter_stem

from reader.core.paths import resource
from reader.core.thaitext import normalize

if TYPE_CHECKING:  # numpy is imported where used: start-up does not need it
    import numpy as np

# Bump when anything below changes the terms an index holds: a stored index with another
# version (or another dictionary) is rebuilt from the catalog.
TOKENIZER_VERSION = "7"

_DICT_NAME = "opdc-reader-words-th"
_dict_lock = threading.Lock()
_dict_loaded = False

THAI_LETTERS = "\u0e01-\u0e4e"  # consonants, vowels, tone marks, ๆ ฯ (not Thai digits)
_LETTER = f"[{THAI_LETTERS}a-z]"
# An English (or other non-Thai) word; inside a token it may hold apostrophes (`minister's`,
# `don't`) and hyphens (`e-government`, `covid-19`): the whole form is one token, and
# index_terms adds its parts, so both the word and its parts find it.
_WORD = r"[^\W\d_\u0e00-\u0e7f]+"
_PART_SPLIT = re.compile(r"['\-\u2010\u2011]")
_CLITICS = {"s", "t", "d", "m", "ll", "re", "ve"}  # `'s`, `n't`...: no word on their own
_TOKEN = re.compile(
    rf"(?P<acr>(?<![{THAI_LETTERS}a-z0-9.])(?:{_LETTER}{{1,3}}\.){{2,}})"
    rf"|(?P<thai>[{THAI_LETTERS}]+)"
    rf"|(?P<latin>{_WORD}(?:'{_WORD})*(?:[-\u2010\u2011](?:{_WORD}|\d+)(?:'{_WORD})*)*)"
    r"|(?P<num>\d+)"
)
_THAI_RUN = re.compile(f"[{THAI_LETTERS}]+")
_ACRONYM = re.compile(_TOKEN.pattern.split("|(?P<thai>")[0])
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
# Characters thaitext.normalize would change after NFC (its str.translate calls cost
# ~0.4 ms per article, so they run only when one of these is present).
_NORM_NEEDED = re.compile("[\u0e4d\u200b\u200c\u200d\u2060\ufeff\u00a0\u2000-\u200a\u202f\u3000\t\r]")


@dataclass(frozen=True)
class Tok:
    text: str  # folded term
    start: int  # offsets in the folded (= stored) text
    end: int
    kind: str  # "thai", "latin", "num", "acr"


def dictionary_path() -> Path:
    return resource("resources", "dict", "words_th.txt")


@lru_cache(maxsize=1)
def dictionary_digest() -> str:
    """Short hash of the word list: a new list means a new index."""
    return hashlib.sha256(dictionary_path().read_bytes()).hexdigest()[:16]


def _ensure_dict() -> None:
    global _dict_loaded
    if _dict_loaded:
        return
    with _dict_lock:
        if not _dict_loaded:
            _message, ok = nlpo3.load_dict(str(dictionary_path()), _DICT_NAME)
            if not ok and "already exists" not in _message:
                raise RuntimeError(_message)
            _dict_loaded = True


def segment(run: str) -> list[str]:
    """Words of Thai text. Not nlpo3's "safe" mode: on text longer than a few hundred
    characters it cuts at fixed points and returns broken words (seen here)."""
    _ensure_dict()
    return nlpo3.segment(run, _DICT_NAME, False)


def _digit(m: re.Match[str]) -> str:
    return chr(ord(m.group()) - 0x0E50 + 0x30)


def fold(text: str) -> str:
    """Search form of already-normalised text, same length: Thai digits to ASCII,
    letters lower-cased (a character whose lower case is longer is left alone).
    Substitutions rather than str.translate: translate took ~40 ms on a 500 KB article."""
    text = _THAI_DIGIT.sub(_digit, text)
    if "\u2019" in text or "\u02bc" in text:  # typographic apostrophes: `Minister’s`
        text = text.replace("\u2019", "'").replace("\u02bc", "'")
    if "\u0130" in text:  # İ lower-cases to two characters: i + combining dot
        text = text.replace("\u0130", "I")
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def norm(text: str) -> str:
    """thaitext.normalize (NFC, sara am, zero-width, odd spaces), fast when nothing
    but NFC is needed, as for text the catalog already normalised."""
    text = unicodedata.normalize("NFC", text)
    return normalize(text) if _NORM_NEEDED.search(text) else text


def prepare(text: str) -> str:
    """Normalise and fold: what terms are made from."""
    return fold(norm(text))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Porter stem of a lower-case English word; the word itself is indexed too, so
    `governance` finds `governance` first and `governing` through the stem."""
    return _porter_stem(word) if word.isascii() else word


def undot(acronym: str) -> str:
    return acronym.replace(".", "")


def analyze(folded: str) -> list[Tok]:
    """Tokens of folded text, in order, with their offsets."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(folded):
        kind = m.lastgroup or ""
        start = m.start()
        if kind == "thai":
            pos = start
            for word in segment(m.group()):
                out.append(Tok(word, pos, pos + len(word), "thai"))
                pos += len(word)
        else:
            out.append(Tok(m.group(), start, m.end(), kind))
    return out


def index_terms(folded: str) -> Counter[str]:
    """Term frequencies for the word fields: words, acronyms with and without dots,
    English words and their stems, numbers."""
    terms: Counter[str] = Counter()
    thai: list[str] = []
    for m in _TOKEN.finditer(folded):
        kind = m.lastgroup
        text = m.group()
        if kind == "thai":
            thai.append(text)
        elif kind == "latin":
            _latin_terms(text, terms)
        elif kind == "acr":
            terms[text] += 1
            terms[undot(text)] += 1
        else:
            terms[text] += 1
    if thai:
        # One call for all runs (a space never joins two words): per-call overhead
        # was half the segmenting time on news text.
        terms.update(segment(" ".join(thai)))
        terms.pop(" ", None)
    return terms


def _latin_terms(word: str, terms: Counter[str]) -> None:
    """An English word and its stem; for `minister's` or `e-government` also the parts
    (`minister`; `e`, `government`) with their stems, and a hyphenated word joined up
    (`egovernment`), so each form a reader may type finds it."""
    forms = [word]
    if "'" in word or "-" in word or "\u2010" in word or "\u2011" in word:
        parts = [p for p in _PART_SPLIT.split(word) if p]
        forms += [p for i, p in enumerate(parts) if not (i and p in _CLITICS)]
        if "-" in word or "\u2010" in word or "\u2011" in word:
            forms.append("".join(parts))
    for form in dict.fromkeys(forms):
        terms[form] += 1
        s = stem(form)
        if s != form:
            terms[s] += 1


def acronyms(folded: str) -> list[str]:
    """Undotted forms of the dotted acronyms in the text (added to the text that
    substring search checks, so `กพร` finds `ก.พ.ร.`)."""
    return [undot(m.group()) for m in _ACRONYM.finditer(folded)]


def thai_runs(folded: str) -> list[str]:
    return _THAI_RUN.findall(folded)


RUN_END = "$"  # marks the last two letters of a Thai run in the n-gram store


def grams(folded: str) -> set[str]:
    """Character 3- and 4-grams of every Thai run, plus its last two letters marked
    with RUN_END. Any Thai string of 2+ letters in the text is then reachable: 4+ letters
    through all of its 4-grams, 3 through its trigram, 2 through the trigrams that start
    with it or the run end `xy$` (a pair is either followed by a letter or ends a run:
    found by a prefix range, no scan of all grams). 4-grams because trigram ANDs were too
    loose for short words: `ป้อน` is `ป้อ` + `้อน`, found apart in thousands of articles."""
    out: set[str] = set()
    for run in _THAI_RUN.findall(folded):
        n = len(run)
        if n >= 3:
            out.update([run[i : i + 3] for i in range(n - 2)])
            out.update([run[i : i + 4] for i in range(n - 3)])
        if n >= 2:
            out.add(run[-2:] + RUN_END)
    return out


# The same n-grams as integer codes, computed with numpy (the full rebuild: ~5x faster
# than grams(), whose per-gram slicing was a quarter of the analysis time). Thai letters
# are U+0E01..U+0E4E, so each is 7 bits (code point - 0x0E00): a trigram is
# a<<14|b<<7|c (< 2**21), a 4-gram a<<21|b<<14|c<<7|d (>= 2**21, since a >= 1), a run
# end `ab$` RUN_CODE|a<<7|b.
_THAI_BASE = 0x0E00
RUN_CODE = 1 << 28


def gram_codes(folded: str) -> np.ndarray:
    """Sorted distinct codes of grams(folded), as a numpy uint32 array."""
    import numpy as np  # not at import: start-up does not need numpy

    # surrogatepass: a lone surrogate (bad input that got this far) is just a non-letter
    a = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    thai = (a - 0x0E01) < 0x4E  # unsigned: below 0x0E01 wraps round to huge
    c = a & 0x7F  # = code point - 0x0E00 where thai
    n = len(a)
    if n < 2:
        return np.zeros(0, dtype=np.uint32)
    t2 = thai[:-1] & thai[1:]
    end = t2.copy()
    end[:-1] &= ~thai[2:]  # a pair not followed by a letter ends its run
    parts = [RUN_CODE | c[:-1][end] << 7 | c[1:][end]]
    if n >= 3:
        t3 = t2[:-1] & thai[2:]
        code3 = c[:-2] << 14 | c[1:-1] << 7 | c[2:]
        parts.append(code3[t3])
        if n >= 4:
            t4 = t3[:-1] & thai[3:]
            parts.append((c[:-3] << 21 | code3[1:])[t4])
    codes = np.concatenate(parts)
    codes.sort()  # then drop repeats: 3x faster here than np.unique's hashing
    keep = np.empty(len(codes), dtype=bool)
    keep[:1] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    return codes[keep]


def gram_strings(codes: Any) -> list[str]:
    """The grams of these codes (numpy array), as grams() spells them."""
    import numpy as np

    codes = np.asarray(codes, dtype=np.uint32)
    chars = np.zeros((len(codes), 4), dtype=np.uint32)
    run = codes >= RUN_CODE
    four = ~run & (codes >= 1 << 21)
    three = ~run & ~four
    for col, shift in enumerate((21, 14, 7, 0)):
        chars[four, col] = codes[four] >> shift & 0x7F
    for col, shift in enumerate((14, 7, 0)):
        chars[three, col] = codes[three] >> shift & 0x7F
    for col, shift in enumerate((7, 0)):
        chars[run, col] = codes[run] >> shift & 0x7F
    chars[chars != 0] += _THAI_BASE
    chars[run, 2] = ord(RUN_END)
    # a fixed-width string array drops trailing NULs: 3-grams and run ends come out short
    return np.ascontiguousarray(chars).view("<U4").ravel().tolist()


def is_thai_string(text: str) -> bool:
    return bool(text) and _THAI_RUN.fullmatch(text) is not None

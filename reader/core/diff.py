"""Two versions of an article compared word by word, Thai included.

Thai is written without spaces between words, so a character diff marks half-words and a
line diff marks whole paragraphs. The text is cut into words first: Thai runs by the same
segmenter search uses (nlpo3 with the project's word list), other text at word and space
boundaries. Every character belongs to exactly one token, so joining the tokens of either
side gives that side's text back unchanged.

The result is a list of `Change` runs; the terminal, the window and tests all read the
same list. Markers (`[-…-]`, `{+…+}`) are always written, colour only adds to them, so a
change is never shown by colour alone.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum

from reader.core.model import Article
from reader.core.search.analyzer import segment

_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
# Outside Thai runs: a word (letters/digits, with inner apostrophes, dots and hyphens),
# a run of spaces, or any other single character (punctuation).
_OTHER = re.compile(r"\w+(?:['’.\-]\w+)*|\s+|.", re.S)


class Op(Enum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Change:
    op: Op
    text: str


def words(text: str) -> list[str]:
    """Tokens of `text` whose concatenation is `text`."""
    out: list[str] = []
    pos = 0
    for m in _THAI_RUN.finditer(text):
        out.extend(_OTHER.findall(text[pos:m.start()]))
        out.extend(segment(m.group()))
        pos = m.end()
    out.extend(_OTHER.findall(text[pos:]))
    return out


def diff_text(old: str, new: str) -> list[Change]:
    """Runs of equal, deleted and inserted text; a replaced run is a deletion followed by
    an insertion. Adjacent runs of one kind are merged."""
    a, b = words(old), words(new)
    # autojunk off: in a long Thai article common words (ที่, และ) would otherwise be
    # treated as junk and the diff would mark whole paragraphs as changed.
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(changes, Op.EQUAL, "".join(a[i1:i2]))
            continue
        if i2 > i1:
            _append(changes, Op.DELETE, "".join(a[i1:i2]))
        if j2 > j1:
            _append(changes, Op.INSERT, "".join(b[j1:j2]))
    return changes


def _append(changes: list[Change], op: Op, text: str) -> None:
    if not text:
        return
    if changes and changes[-1].op is op:
        changes[-1] = Change(op, changes[-1].text + text)
    else:
        changes.append(Change(op, text))


def article_text(article: Article) -> str:
    """What is compared: the headline, then the paragraphs, a blank line apart."""
    return "\n\n".join([article.title, *article.paragraphs])


def diff_articles(old: Article, new: Article) -> list[Change]:
    return diff_text(article_text(old), article_text(new))


@dataclass(frozen=True)
class Summary:
    inserted_words: int
    deleted_words: int

    @property
    def unchanged(self) -> bool:
        return not (self.inserted_words or self.deleted_words)


def summarize(changes: list[Change]) -> Summary:
    """Words (not spaces or punctuation) inserted and deleted."""
    def count(op: Op) -> int:
        return sum(1 for c in changes if c.op is op for w in words(c.text) if w.strip()
                   and any(ch.isalnum() for ch in w))
    return Summary(count(Op.INSERT), count(Op.DELETE))


_MARKS = {Op.DELETE: ("[-", "-]"), Op.INSERT: ("{+", "+}")}
_COLOURS = {Op.DELETE: "\x1b[31m", Op.INSERT: "\x1b[32m"}


def render_terminal(changes: list[Change], colour: bool = False, full: bool = True) -> str:
    """git's word-diff notation: [-deleted-] and {+inserted+}, coloured on a terminal.
    With `full` off, only the paragraphs that changed, with `…` where others were left out."""
    if not full:
        return _changed_paragraphs(render_terminal(changes, colour))
    parts: list[str] = []
    for change in changes:
        if change.op is Op.EQUAL:
            parts.append(change.text)
            continue
        start, end = _MARKS[change.op]
        text = f"{start}{change.text}{end}"
        parts.append(f"{_COLOURS[change.op]}{text}\x1b[0m" if colour else text)
    return "".join(parts)


def _changed_paragraphs(rendered: str) -> str:
    kept: list[str] = []
    for paragraph in rendered.split("\n\n"):
        if any(mark in paragraph for pair in _MARKS.values() for mark in pair):
            kept.append(paragraph)
        elif not kept or kept[-1] != "…":
            kept.append("…")
    return "\n\n".join(kept)

"""Highlights and snippets, cut from the stored text.

Offsets come from literal matching on the folded text (fold() keeps the length, so a
folded offset is a display offset); the article is never re-analysed. Only the Thai run
(at most 80 characters) at each end of a snippet is segmented, to cut between words;
a cut is also checked never to split a character cluster.
"""

from __future__ import annotations

import re

from reader.core.search import analyzer as ana

SNIPPET_CHARS = 180
_CONSONANTS = re.compile("[\u0e01-\u0e2e]{2,6}")
_LATIN_TAIL = re.compile(r"[^\W\d_\u0e00-\u0e7f]*")


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of the terms in text (case, Thai digits and
    sara am spellings folded), merged and in order. An English term highlights the
    rest of the word too (`govern` in `governance`, as the stemmed search matched)."""
    folded = ana.fold(text)
    spans = []
    for term in {ana.prepare(t) for t in terms if t and t.strip()}:
        latin = term.isascii() and term.isalpha()
        start = folded.find(term)
        while start >= 0:
            end = start + len(term)
            if latin:
                if start > 0 and folded[start - 1].isalpha() and folded[start - 1].isascii():
                    start = folded.find(term, start + 1)
                    continue
                tail = _LATIN_TAIL.match(folded, end)  # matches always (it may be empty)
                end = tail.end() if tail else end
            spans.append((start, end))
            start = folded.find(term, start + 1)
        if _CONSONANTS.fullmatch(term):
            # `กพร` was found through `ก.พ.ร.`: highlight the dotted form too
            dotted = r"\.?".join(map(re.escape, term)) + r"\."
            spans.extend(m.span() for m in re.finditer(dotted, folded))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


# A cut must not separate a Thai consonant from its marks: never before a vowel or tone
# mark that follows a consonant, never after a vowel written before one.
_FOLLOWING = set("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e45"
                 "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_LEADING = set("\u0e40\u0e41\u0e42\u0e43\u0e44")
_REACH = 40  # characters looked at on each side of a cut


def cluster_safe(text: str, i: int) -> bool:
    """True when offset i falls between two Thai character clusters (or outside Thai)."""
    if i <= 0 or i >= len(text):
        return True
    return text[i] not in _FOLLOWING and text[i - 1] not in _LEADING


def _is_thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e"


def _snap(text: str, pos: int, prefer: str) -> int:
    """The word boundary nearest to pos, on the preferred side when there is one."""
    if pos <= 0:
        return 0
    if pos >= len(text):
        return len(text)
    cuts: list[int] = []
    if _is_thai(text[pos - 1]) and _is_thai(text[pos]):
        # segment only the Thai run around pos (bounded), not the article
        a = pos
        while a > 0 and pos - a < _REACH and _is_thai(text[a - 1]):
            a -= 1
        b = pos
        while b < len(text) and b - pos < _REACH and _is_thai(text[b]):
            b += 1
        at = a
        for word in ana.segment(text[a:b]):
            at += len(word)
            cuts.append(at)
        cuts = [a] + cuts if (a == 0 or not _is_thai(text[a - 1])) else cuts
        cuts = [c for c in cuts if c < b or b == len(text) or not _is_thai(text[b])]
    elif text[pos - 1].isalnum() and text[pos].isalnum():
        # inside an English word or a number: go to the white space around it
        left = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos))
        right = min([i for i in (text.find(" ", pos), text.find("\n", pos)) if i >= 0], default=len(text))
        cuts = [left + 1 if left >= 0 else 0, right]
    else:
        return pos
    cuts = [c for c in cuts if cluster_safe(text, c)]
    if not cuts:
        return pos
    if prefer == "left":
        left_cuts = [c for c in cuts if c <= pos]
        return left_cuts[-1] if left_cuts else min(cuts)
    right_cuts = [c for c in cuts if c >= pos]
    return right_cuts[0] if right_cuts else max(cuts)


def _first_hit(text: str, terms: list[str]) -> int:
    """Offset of the earliest occurrence of any term, or -1. Thai terms are looked up
    in the text as it is (folding changes nothing for them); others in the folded text."""
    best = -1
    folded = None
    for term in {ana.prepare(t) for t in terms if t and t.strip()}:
        if ana.is_thai_string(term):
            i = text.find(term)
        else:
            if folded is None:
                folded = ana.fold(text)
            i = folded.find(term)
        if i >= 0 and (best < 0 or i < best):
            best = i
    return best


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> list[tuple[str, bool]]:
    """A passage of text around the first hit: (text, is_hit) segments, with '…'
    where the passage was cut. Only the passage is searched for highlights."""
    if not text:
        return []
    first = _first_hit(text, terms)
    start = 0
    if first >= 0:
        start = min(_snap(text, first - width // 3, "left"), first)
    end = _snap(text, start + width, "right") if start + width < len(text) else len(text)
    if first >= 0:
        end = max(end, min(len(text), first + 1))
    window = text[start:end]
    spans = highlight_spans(window, terms)
    out: list[tuple[str, bool]] = []
    pos = 0
    for s, e in spans:
        if s > pos:
            out.append((window[pos:s], False))
        out.append((window[s:e], True))
        pos = e
    if pos < len(window):
        out.append((window[pos:], False))
    out = [(re.sub(r"\s+", " ", t), h) for t, h in out]
    if out and start > 0:
        if out[0][1]:
            out.insert(0, ("…", False))
        else:
            out[0] = ("…" + out[0][0].lstrip(), False)
    if out and end < len(text):
        out.append(("…", False))
    return [(t, h) for t, h in out if t]

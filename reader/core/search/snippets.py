"""Highlights and snippets, cut from the stored text.

Offsets come from literal matching on the folded text (fold() keeps the length, so a
folded offset is a display offset); the article is never re-analysed. Only the ~40
characters around each end of a snippet are segmented, to cut between Thai words (a word
boundary is never inside a character cluster).
"""

from __future__ import annotations

import re

from reader.core.search import analyzer as ana

SNIPPET_CHARS = 180
_LATIN_TAIL = re.compile(r"[^\W\d_\u0e00-\u0e7f]*")
_WORD_CHAR = re.compile(r"[^\W_]|[\u0e00-\u0e7f]")


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
                end = _LATIN_TAIL.match(folded, end).end()
            spans.append((start, end))
            start = folded.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _boundaries(text: str, lo: int, hi: int) -> list[int]:
    """Offsets in [lo, hi] where a cut falls between words or clusters."""
    lo = max(0, lo)
    hi = min(len(text), hi)
    cuts = {lo, hi} if lo == 0 or hi == len(text) else set()
    chunk = ana.fold(text[lo:hi])
    toks = ana.analyze(chunk)
    # Tokens at the very edges of the chunk may be cut pieces: trust inner ones.
    for t in toks[1:-1] if len(toks) > 2 else []:
        cuts.add(lo + t.start)
        cuts.add(lo + t.end)
    for i, ch in enumerate(text[lo:hi]):
        if ch.isspace():
            cuts.add(lo + i)
            cuts.add(lo + i + 1)
    return sorted(c for c in cuts if lo <= c <= hi)


def _snap(text: str, pos: int, prefer: str) -> int:
    if pos <= 0:
        return 0
    if pos >= len(text):
        return len(text)
    cuts = _boundaries(text, pos - 30, pos + 30)
    if not cuts:
        return pos
    if prefer == "left":
        left = [c for c in cuts if c <= pos]
        return left[-1] if left else cuts[0]
    right = [c for c in cuts if c >= pos]
    return right[0] if right else cuts[-1]


def snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> list[tuple[str, bool]]:
    """A passage of text around the first hit: (text, is_hit) segments, with '…'
    where the passage was cut."""
    if not text:
        return []
    spans = highlight_spans(text, terms)
    if spans:
        first = spans[0][0]
        start = _snap(text, first - width // 3, "left")
        # never start inside the first hit
        start = min(start, first)
    else:
        start = 0
    end = _snap(text, start + width, "right") if start + width < len(text) else len(text)
    if spans and end < spans[0][1]:
        end = spans[0][1]
    out: list[tuple[str, bool]] = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < end:
        out.append((text[pos:end], False))
    out = [(re.sub(r"\s+", " ", t), h) for t, h in out]
    if out and start > 0:
        out[0] = ("…" + out[0][0].lstrip(), out[0][1]) if not out[0][1] else out[0]
        if out[0][1]:
            out.insert(0, ("…", False))
    if out and end < len(text):
        out.append(("…", False))
    return [(t, h) for t, h in out if t]

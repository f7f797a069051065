"""The Whoosh schema of the search index, and how one IndexDoc becomes its fields.

Whoosh pickles these field classes by import path into the index: keep this module
where it is (a moved class makes old indexes unreadable; they are then rebuilt).

Index size and build time are set by the number of postings, so:
- word fields store frequencies, not positions: phrases and substrings are checked on the
  stored text instead (see query.py), which also makes every hit really contain the words;
- character trigrams (for substrings) live outside Whoosh, in grams.py;
- the fields take the folded text and build their terms directly (a Counter or a set)
  instead of through Whoosh's per-token analyzer objects, which cost more than segmenting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from whoosh import columns, fields, formats
from whoosh.analysis import IDTokenizer

from reader.core.model import IndexDoc
from reader.core.search import analyzer as ana

TITLE_BOOST = 3
SEP = "\x1e"  # between the parts of the stored text (never in normalised article text)


# One posting as a field's index() yields it: term, frequency, weight, value bytes.
Posting = tuple[bytes, int, float, bytes]


class WordField(fields.FieldType):  # type: ignore[misc]  # Whoosh has no type information
    """Segmented words (Thai) and English words with stems; scored with BM25."""

    def __init__(self, field_boost: float = 1.0):
        super().__init__(formats.Frequency(field_boost=field_boost), IDTokenizer(), scorable=True)

    def index(self, value: int | dict[str, int] | str, **kwargs: Any) -> Iterator[Posting]:
        # An int: the rebuild hands this field's postings to the writer already grouped
        # by term (whoosh_internals.GroupedPool); only the document's length goes through
        # Whoosh, as one marker posting that the pool drops (Whoosh sums the yielded
        # frequencies into the field length).
        if isinstance(value, int):
            if value:
                yield LENGTH_ONLY, value, float(value), b""
            return
        # A dict is terms already counted; text is folded here (fold() is cheap and
        # idempotent).
        terms = value if isinstance(value, dict) else ana.index_terms(ana.fold(value))
        for term, freq in terms.items():
            yield term.encode("utf-8"), freq, float(freq), packed_freq(freq)


# The term of the length-only posting above: compared by identity, never written.
LENGTH_ONLY = b"\x00length"
_PACKED = [formats.pack_uint(i) for i in range(256)]


def packed_freq(freq: int) -> bytes:
    """A Frequency posting's value bytes (what formats.Frequency writes)."""
    return _PACKED[freq] if freq < 256 else bytes(formats.pack_uint(freq))


# TermsField is marked scorable although never scored: Whoosh 2.7's segment writer
# looks up a length column for every posting and, when a field has none, asks the file
# system again each time (a stat() per posting: 60% of the build time measured here
# while the trigrams were still a Whoosh field).


class TermsField(fields.FieldType):  # type: ignore[misc]  # Whoosh has no type information
    """A list of exact values (tags, years): one term each, folded."""

    def __init__(self) -> None:
        super().__init__(formats.Existence(), IDTokenizer(), scorable=True)

    def index(self, value: list[str], **kwargs: Any) -> Iterator[Posting]:
        for term in {ana.fold(v.strip()) for v in value if v and v.strip()}:
            yield term.encode("utf-8"), 1, 1.0, b""


def make_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(unique=True),
        # article id per document number, read without unpickling stored fields
        aid=fields.COLUMN(columns.NumericColumn("I")),
        # number of word tokens (title counted three times): BM25's length in rank.py
        words=fields.COLUMN(columns.NumericColumn("I")),
        # Title words are counted TITLE_BOOST times in the one word field instead of
        # living in a boosted field of their own: one posting list per query word keeps
        # Whoosh's top-k pruning effective (an OR of two fields per word halved it).
        content=WordField(),
        category=fields.ID(),
        tag=TermsField(),
        language=fields.ID(),
        year=TermsField(),
        date=fields.NUMERIC(int, bits=32, sortable=True, signed=False),
        bookmarked=fields.BOOLEAN(),
        source=fields.ID(),
        doc=fields.STORED(),
    )


def date_number(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def search_text(parts: list[str]) -> str:
    """Folded text that substring checks run on: the parts, then the undotted
    acronyms (so `กพร` is found where the text says `ก.พ.ร.`)."""
    folded = ana.fold("\n".join(parts))
    acr = ana.acronyms(folded)
    return folded + ("\n" + " ".join(acr) if acr else "")


def unpack_parts(stored: dict[str, Any]) -> list[str]:
    """title, body, credits, tags, note of a stored document."""
    text: str = stored["x"]
    return text.split(SEP)


def doc_fields(doc: IndexDoc) -> tuple[dict[str, Any], tuple[int, int, str]]:
    """Field values for one article (picklable: the rebuild analyses in worker
    processes), and (article id, yyyymmdd or 0, folded search text) for the n-gram store
    (grams of that text: ana.grams or ana.gram_codes)."""
    art = doc.article
    if art.id is None:
        raise ValueError(f"an article without an id cannot be indexed: {art.title!r}")
    title = ana.norm(art.title or "")
    body = ana.norm(art.body)
    credits = ana.norm("\n".join(art.credits))
    tags = [ana.norm(t) for t in doc.tags]
    note = ana.norm(doc.note or "")
    parts = [title, body, credits, ", ".join(tags), note]
    folded = ana.fold("\n".join(parts))
    acr = ana.acronyms(folded)
    text = folded + ("\n" + " ".join(acr) if acr else "")  # = search_text(parts)
    stored = {
        "id": art.id,
        "t": title,
        "d": art.date.isoformat() if art.date else None,
        "c": art.category,
        "l": art.language,
        "u": art.source_url,
        "g": tags,
        "b": bool(doc.bookmarked),
        # plain text: Whoosh compresses stored fields itself (zlib)
        "x": SEP.join(parts),
        "a": " ".join(acr),
    }
    values: dict[str, Any] = {
        "id": str(art.id),
        "aid": int(art.id),
        "category": art.category or "",
        "tag": tags,
        "language": art.language or "",
        "bookmarked": bool(doc.bookmarked),
        "source": art.source_url or "",
        "doc": stored,
    }
    if art.date:
        values["date"] = date_number(art.date)
        be = str(art.date.year + 543)
        values["year"] = [str(art.date.year), be]
    terms = ana.index_terms(text)
    for term, n in ana.index_terms(ana.fold(title)).items():
        terms[term] += n * (TITLE_BOOST - 1)
    values["content"] = dict(terms)
    values["words"] = sum(terms.values())
    return values, (int(art.id), int(values.get("date", 0)), text)

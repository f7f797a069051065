"""The query tree: what a parsed query (parse.py) means in index terms and filter clauses.

Built once per query and compiled by each backend through one visitor:
- words: a tree of terms (Node: TERM, AND, OR), from unit_node, the one place that says
  which index terms a typed word stands for. rank.Ranker scores it from the posting
  blocks, rank.DocSets lists its documents, whoosh_query.WhooshQuery turns it into a
  Whoosh query. The final text check (check.py) works on the units themselves.
- filters: clauses (OneOf, DateRange), ANDed, from filter_clauses, the one place that
  says which index values a filter allows (`category:` and `tag:` are resolved against
  the index's values here). whoosh_query.WhooshFilter, rank.AllowedDocs and
  check.FilterCheck compile them.

Filter rules, the same in every backend:
- `category:text`: categories containing the text (folded);
- `tag:text`: the tag equal to the text when the archive has one, else the tags
  containing it (so `tag:ภาษี` is the tag ภาษี, not also ภาษีอากร);
- several `category:` or `tag:` clauses must all hold;
- the window's category, language and tag filters are exact values; dates are whole
  days (the numpy backend narrows to whole years, the text check to the day).
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, Literal, TypeVar

from reader.core.search import analyzer as ana
from reader.core.search.parse import Filters, Kind, Parsed, Unit

T = TypeVar("T")


class Op(Enum):
    TERM = "term"
    AND = "and"
    OR = "or"


@dataclass
class Node:
    """A term (field, text, boost), or the AND / OR of children."""

    op: Op
    children: list[Node] = field(default_factory=list)
    fieldname: str = ""
    text: str = ""
    boost: float = 1.0


def term(fieldname: str, text: str, boost: float = 1.0) -> Node:
    return Node(Op.TERM, fieldname=fieldname, text=text, boost=boost)


def all_of(nodes: list[Node]) -> Node:
    return nodes[0] if len(nodes) == 1 else Node(Op.AND, nodes)


def any_of(nodes: list[Node]) -> Node:
    return nodes[0] if len(nodes) == 1 else Node(Op.OR, nodes)


class NodeVisitor(ABC, Generic[T]):
    """Compiles a term tree: one method per kind of node (each recurses as it needs)."""

    def visit(self, node: Node) -> T:
        method = {Op.TERM: self.term, Op.AND: self.all_of, Op.OR: self.any_of}[node.op]
        return method(node)

    @abstractmethod
    def term(self, node: Node) -> T: ...

    @abstractmethod
    def all_of(self, node: Node) -> T: ...

    @abstractmethod
    def any_of(self, node: Node) -> T: ...


# Words -----------------------------------------------------------------------------


def unit_node(unit: Unit) -> Node:
    """The index terms of one typed word or phrase: every token (a Thai word: each piece
    it segments into, as a whole word), as itself, undotted (acronyms), stemmed at half
    weight (English) or as the article's year (numbers, outside title:). Title words are
    in "content" too; title: is narrowed when the hit is checked."""
    toks = unit.toks
    if unit.kind is Kind.THAI:
        toks = [ana.Tok(w, 0, 0, "thai") for w in ana.segment(unit.needle)]
    nodes = []
    for tok in toks:
        alts = [term("content", tok.text)]
        if tok.kind == Kind.ACR:
            alts.append(term("content", ana.undot(tok.text)))
        if tok.kind == Kind.LATIN:
            s = ana.stem(tok.text)
            if s != tok.text:
                alts.append(term("content", s, 0.5))
        if tok.kind == Kind.NUM and unit.field != "title":
            alts.append(term("year", tok.text))
        nodes.append(any_of(alts))
    return all_of(nodes)


def query_node(p: Parsed) -> Node:
    """Every group (an OR of units) of the query: its whole-word matches."""
    return all_of([any_of([unit_node(u) for u in g]) for g in p.groups])


def negated_node(p: Parsed) -> Node:
    """Any excluded unit."""
    return any_of([unit_node(u) for u in p.negated])


# Filters ---------------------------------------------------------------------------

FilterField = Literal["category", "language", "tag", "bookmarked"]


@dataclass(frozen=True)
class OneOf:
    """Documents whose field holds one of these index values (none: no document)."""

    fieldname: FilterField
    values: tuple[str | bool, ...]


@dataclass(frozen=True)
class DateRange:
    """Documents dated within these days (inclusive; None: open)."""

    lo: dt.date | None
    hi: dt.date | None


Clause = OneOf | DateRange


class ClauseVisitor(ABC, Generic[T]):
    """Compiles one filter clause: one method per kind of clause."""

    def visit(self, clause: Clause) -> T:
        return self.dates(clause) if isinstance(clause, DateRange) else self.one_of(clause)

    @abstractmethod
    def dates(self, clause: DateRange) -> T: ...

    @abstractmethod
    def one_of(self, clause: OneOf) -> T: ...


def tag_value(tag: str) -> str:
    """A tag as the index holds it (schema.TermsField) and the text check compares it."""
    return ana.fold(ana.norm(tag).strip())


def tag_values(sub: str, indexed: list[str]) -> tuple[str, ...]:
    """The indexed tags a `tag:` clause means: the equal one, else those containing it."""
    return tuple(t for t in indexed if t == sub) or tuple(t for t in indexed if sub in t)


def category_values(sub: str, indexed: list[str]) -> tuple[str, ...]:
    """The indexed categories a `category:` clause means: those containing it (folded)."""
    return tuple(c for c in indexed if sub in ana.fold(c))


def filter_clauses(p: Parsed, f: Filters, lexicon: Callable[[str], list[str]]) -> list[Clause]:
    """The window's filters (f, already merged with the query's) and the query's
    `category:` / `tag:` clauses as clauses; lexicon(field) lists the index's values."""
    out: list[Clause] = []
    if f.date_from or f.date_to:
        out.append(DateRange(f.date_from, f.date_to))
    if f.category:
        out.append(OneOf("category", (f.category,)))
    for sub in p.categories:
        out.append(OneOf("category", category_values(sub, lexicon("category"))))
    if f.language:
        out.append(OneOf("language", (f.language,)))
    if f.tag:
        out.append(OneOf("tag", (tag_value(f.tag),)))
    for sub in p.tags:
        out.append(OneOf("tag", tag_values(sub, lexicon("tag"))))
    if f.bookmarked is not None:
        out.append(OneOf("bookmarked", (f.bookmarked,)))
    return out

"""The query tree (tree.py) as Whoosh queries: for the searches Whoosh still runs itself
(filters or exclusions only, sorted by date; the articles of an English or number unit
for the n-gram candidates)."""

from __future__ import annotations

from whoosh import query as Q

from reader.core.search import tree
from reader.core.search.schema import date_number


class WhooshQuery(tree.NodeVisitor[Q.Query]):
    def term(self, node: tree.Node) -> Q.Query:
        return Q.Term(node.fieldname, node.text, boost=node.boost)

    def all_of(self, node: tree.Node) -> Q.Query:
        return Q.And([self.visit(c) for c in node.children])

    def any_of(self, node: tree.Node) -> Q.Query:
        return Q.Or([self.visit(c) for c in node.children])


class WhooshFilter(tree.ClauseVisitor[Q.Query]):
    def dates(self, clause: tree.DateRange) -> Q.Query:
        lo = date_number(clause.lo) if clause.lo else None
        hi = date_number(clause.hi) if clause.hi else None
        return Q.NumericRange("date", lo, hi)

    def one_of(self, clause: tree.OneOf) -> Q.Query:
        terms = [Q.Term(clause.fieldname, v) for v in clause.values]
        if not terms:
            return Q.NullQuery
        return terms[0] if len(terms) == 1 else Q.Or(terms)


def whoosh_query(words: tree.Node | None, excluded: tree.Node | None) -> Q.Query:
    """The words and none of the exclusions (no words: every document)."""
    pos: Q.Query = WhooshQuery().visit(words) if words is not None else Q.Every()
    if excluded is not None:
        pos = Q.AndNot(pos, WhooshQuery().visit(excluded))
    return pos


def whoosh_filter(clauses: list[tree.Clause]) -> Q.Query | None:
    """All the clauses (None: no filter)."""
    parts = [WhooshFilter().visit(c) for c in clauses]
    if not parts:
        return None
    return Q.And(parts) if len(parts) > 1 else parts[0]

"""The few CSS selectors the HTML reader looks for, matched in one walk of the tree.

soupsieve's `select_one` walks the whole tree once per selector in Python (about 10 µs
per element each time): 19 selectors over a tag-dense page near the element limit took
seconds. These selectors are all simple (a tag, classes, one attribute, one ancestor
class), so one walk can test each element against all of them with a few dict look-ups.
Matching follows soupsieve on HTML: class names and attribute values are
case-sensitive, tag and attribute names are lower case (the parser makes them so).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import Tag
from bs4.element import PageElement

_PART = re.compile(
    r"^(?P<tag>[a-z][a-z0-9]*)?(?P<classes>(?:\.[\w-]+)*)"
    r"(?:\[(?P<attr>[\w:-]+)(?:=(?P<q>['\"]?)(?P<value>[^'\"\]]*)(?P=q))?\])?$"
)


@dataclass(frozen=True)
class Simple:
    """`tag.class.class[attr=value]`, all parts optional; `within` is an ancestor's class."""

    tag: str | None
    classes: tuple[str, ...]
    attr: str | None
    value: str | None
    within: str | None

    @classmethod
    def parse(cls, selector: str) -> Simple:
        """From the CSS text; only the forms this package uses are understood."""
        parts = selector.split()
        within = None
        if len(parts) == 2:
            if not re.fullmatch(r"\.[\w-]+", parts[0]):
                raise ValueError(f"unsupported selector {selector!r}")
            within = parts[0][1:]
        elif len(parts) != 1:
            raise ValueError(f"unsupported selector {selector!r}")
        m = _PART.match(parts[-1])
        if not m or not parts[-1]:
            raise ValueError(f"unsupported selector {selector!r}")
        classes = tuple(c for c in (m.group("classes") or "").split(".") if c)
        return cls(m.group("tag"), classes, m.group("attr"), m.group("value"), within)


def _classes(tag: Tag) -> list[str]:
    value = tag.attrs.get("class")
    if value is None:
        return []
    return value.split() if isinstance(value, str) else value


def _matches(sel: Simple, tag: Tag, classes: list[str]) -> bool:
    if sel.tag is not None and tag.name != sel.tag:
        return False
    for name in sel.classes:
        if name not in classes:
            return False
    if sel.attr is not None:
        value = tag.attrs.get(sel.attr)
        if value is None:
            return False
        if sel.value is not None:
            text = " ".join(value) if isinstance(value, list) else value
            if text != sel.value:
                return False
    return True


class _Inside:
    """Whether a node is, or is inside, an element with a class; memoised so that asking
    for every node stays linear (3,000 nested elements would otherwise be quadratic)."""

    def __init__(self, name: str):
        self.name = name
        self.known: dict[int, bool] = {}

    def __call__(self, node: PageElement | None) -> bool:
        path: list[int] = []
        found = False
        while node is not None:
            key = id(node)
            if key in self.known:
                found = self.known[key]
                break
            path.append(key)
            if isinstance(node, Tag) and self.name in _classes(node):
                found = True  # this node and every node below it on the path
                break
            node = node.parent
        for key in path:
            self.known[key] = found
        return found


def _elements(root: Tag) -> Iterator[Tag]:
    """The elements under root in document order, leaving out what a <template> holds
    (as soupsieve does: a template's content is not part of the page)."""
    stack = [c for c in reversed(root.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        yield tag
        if tag.name != "template":
            stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))


def _inside(inside: dict[str, _Inside], within: str | None, tag: Tag) -> bool:
    return within is None or inside[within](tag.parent)


def first_matches(root: Tag, selectors: list[Simple]) -> list[Tag | None]:
    """For each selector, the first element under `root` (document order) it matches,
    as `root.select_one(selector)` gives. Each selector must name a class or an attribute."""
    assert all(s.classes or s.attr for s in selectors)
    found: list[Tag | None] = [None] * len(selectors)
    todo = list(range(len(selectors)))
    inside = {s.within: _Inside(s.within) for s in selectors if s.within}
    # every selector names a class or an attribute: an element with none of them is skipped
    keys = {s.attr for s in selectors if s.attr} | ({"class"} if any(s.classes for s in selectors) else set())
    for tag in _elements(root):
        if tag.attrs.keys().isdisjoint(keys):
            continue
        classes = _classes(tag)
        hits = [i for i in todo if _matches(selectors[i], tag, classes)
                and _inside(inside, selectors[i].within, tag)]
        if hits:
            for i in hits:
                found[i] = tag
            todo = [i for i in todo if i not in hits]
            if not todo:
                break
    return found

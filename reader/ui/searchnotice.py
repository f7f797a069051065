"""What the search says about a query, in the reader's language.

reader.core words each notice in English for the command line and gives the window its
code and values (Results.notices); this module words the codes with Qt's translations,
so the count line under the search box ("3 articles found — OR at the end of the query
was ignored.") follows the interface language, and follows a switch of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .i18n import fill

if TYPE_CHECKING:  # the search package loads when the first search runs, not with the window
    from reader.core.search.parse import Notice

translate = QCoreApplication.translate  # every call names its context: lupdate reads them


# code -> its words, as ui/sourcestate.py words a source's state
WORDS: dict[str, Callable[[dict[str, str]], str]] = {
    "open-quote": lambda p: translate("SearchNotice", "A closing quote was missing; the phrase runs to the end of "
                                                      "the query."),
    "lone-or": lambda p: translate("SearchNotice", "OR needs a word on each side; it was ignored."),
    "trailing-or": lambda p: translate("SearchNotice", "OR at the end of the query was ignored."),
    "lone-minus": lambda p: translate("SearchNotice", "A lone '-' was ignored."),
    "bad-date": lambda p: fill(translate("SearchNotice", "Could not read the date '%1'; use 2556, 2013, 2020-01-31 "
                                                         "or 2556..2560."), p.get("date", "")),
    "backwards-range": lambda p: fill(translate("SearchNotice", "The date range %1 runs backwards; searched %2."),
                                      p.get("range", ""), p.get("searched", "")),
    "dates-disjoint": lambda p: translate("SearchNotice", "The dates in the query and the year filters do not "
                                                          "overlap: nothing can match."),
    "only-exclusions": lambda p: translate("SearchNotice", "Only exclusions were given: showing everything else."),
    "nothing-to-search": lambda p: translate("SearchNotice", "Nothing to search for: type a word, a phrase or a "
                                                             "date."),
    "failed": lambda p: fill(translate("SearchNotice", "The search could not run: %1"), p.get("reason", "")),
}


def worded(notices: Sequence[Notice], english: str | None) -> str | None:
    """The notices in the interface language; the English message as it came for a code
    this window does not know (a newer reader.core), so nothing said is ever lost."""
    if not notices:
        return english
    if any(n.code not in WORDS for n in notices):
        return english
    return " ".join(WORDS[n.code](n.params) for n in notices)

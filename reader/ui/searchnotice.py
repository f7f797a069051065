"""What the search says about a query, in the reader's language.

reader.core words each notice in English for the command line and gives the window its
code and values (Results.notices); this module words the codes with Qt's translations,
so the count line under the search box ("3 articles found — OR at the end of the query
was ignored.") follows the interface language, and follows a switch of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .i18n import fill

if TYPE_CHECKING:  # the search package loads when the first search runs, not with the window
    from reader.core.search.parse import Notice

translate = QCoreApplication.translate  # every call names its context: lupdate reads them


def _text(notice: Notice) -> str | None:
    p = notice.params
    code = notice.code
    if code == "open-quote":
        return translate("SearchNotice", "A closing quote was missing; the phrase runs to the end of the query.")
    if code == "lone-or":
        return translate("SearchNotice", "OR needs a word on each side; it was ignored.")
    if code == "trailing-or":
        return translate("SearchNotice", "OR at the end of the query was ignored.")
    if code == "lone-minus":
        return translate("SearchNotice", "A lone '-' was ignored.")
    if code == "bad-date":
        return fill(translate("SearchNotice", "Could not read the date '%1'; use 2556, 2013, 2020-01-31 "
                                              "or 2556..2560."), p.get("date", ""))
    if code == "backwards-range":
        return fill(translate("SearchNotice", "The date range %1 runs backwards; searched %2."),
                    p.get("range", ""), p.get("searched", ""))
    if code == "dates-disjoint":
        return translate("SearchNotice", "The dates in the query and the year filters do not overlap: "
                                         "nothing can match.")
    if code == "only-exclusions":
        return translate("SearchNotice", "Only exclusions were given: showing everything else.")
    if code == "nothing-to-search":
        return translate("SearchNotice", "Nothing to search for: type a word, a phrase or a date.")
    if code == "failed":
        return fill(translate("SearchNotice", "The search could not run: %1"), p.get("reason", ""))
    return None


def worded(notices: Sequence[Notice], english: str | None) -> str | None:
    """The notices in the interface language; the English message as it came for a code
    this window does not know (a newer reader.core), so nothing said is ever lost."""
    if not notices:
        return english
    texts = [_text(n) for n in notices]
    if any(t is None for t in texts):
        return english
    return " ".join(t for t in texts if t)

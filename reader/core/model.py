"""The article as the rest of the program sees it.

An importer turns bytes into `Article` objects; the archive stores them with the
original bytes; search, the window and export read them back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

# Where an article's date came from, so a librarian can tell a posting date from a
# date guessed out of the body text.
DATE_FROM_PAGE = "page"  # a posting/date line of the page itself
DATE_FROM_FEED = "feed"  # the feed item's pubDate/updated
DATE_FROM_BODY = "body"  # the first date mentioned in the body (e.g. an event date)
DATE_FROM_PATH = "path"  # the file's folder or name (corpus folders are capture dates)

# Marks on an article, so a librarian can tell an unusual item from a badly read one.
MARK_HEADLINE_ONLY = "headline-only"  # the posting holds only its headline (and pictures)
MARK_TRUNCATED = "truncated"  # the page stops mid-text: the copy was cut off
MARK_UNTITLED = "untitled"  # the page has no headline; the title is its first words
MARK_WORDS = {  # for the command line; the window says the same through Qt's translations
    MARK_HEADLINE_ONLY: "only its headline (and pictures)",
    MARK_TRUNCATED: "cut off: the page stops mid-text",
    MARK_UNTITLED: "no headline: the title is the text's first words",
}


@dataclass
class Article:
    title: str
    paragraphs: list[str]
    credits: list[str] = field(default_factory=list)
    category: str = ""
    language: str = "th"
    date: dt.date | None = None
    time: str | None = None  # "HH:MM" or "HH:MM:SS" when the page gives one
    date_source: str | None = None
    source_url: str | None = None
    images: list[str] = field(default_factory=list)
    kind: str = ""  # "text", "html", "feed"
    marks: list[str] = field(default_factory=list)  # MARK_* above
    # Set by the archive once stored.
    id: int | None = None
    version: int | None = None
    sha256: str | None = None  # of the original bytes this version came from
    archived_at: str | None = None  # ISO timestamp (UTC) of the import

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        if data.get("date"):
            data["date"] = dt.date.fromisoformat(data["date"])
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class IndexDoc:
    """What the search index gets for one article: its latest version plus the
    librarian's own words about it (tags and note live in the catalog)."""

    article: Article
    tags: list[str] = field(default_factory=list)
    note: str = ""
    bookmarked: bool = False
    updated_at: str = ""  # ISO timestamp of the catalog's last change to this article

"""Plain records the archive hands out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class AddStatus(StrEnum):
    """What storing one article did (a str, so it compares and prints as its value)."""

    NEW = "new"  # an article the archive did not have
    VERSION = "version"  # a changed text of an article it had: a new version
    UNCHANGED = "unchanged"  # the same bytes again: nothing stored
    DUPLICATE = "duplicate"  # the same text by another route: only the route is stored


NEW = AddStatus.NEW
VERSION = AddStatus.VERSION
UNCHANGED = AddStatus.UNCHANGED
DUPLICATE = AddStatus.DUPLICATE


class ArchiveError(Exception):
    """Something about the archive itself: a clear message for a person."""


class ArchiveInUse(ArchiveError):
    """Another program holds the archive's writer lock, or SQLite is busy."""


class ArchiveReadOnly(ArchiveError):
    """The archive was opened read-only, or its folder or medium cannot be written."""


@dataclass
class AddResult:
    status: AddStatus
    article_id: int
    version: int


@dataclass
class ArticleRow:
    id: int
    title: str
    date: dt.date | None
    category: str
    language: str
    bookmarked: bool


@dataclass
class VersionInfo:
    version: int
    sha256: str
    archived_at: str
    title: str
    origin: str
    kind: str


@dataclass
class ListFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    category: str | None = None
    language: str | None = None
    tag: str | None = None
    bookmarked: bool | None = None
    collection: str | None = None
    title_contains: str | None = None
    year: int | None = None  # Common Era
    batch_id: int | None = None
    origin: str | None = None  # arrived by this route (a followed source's address)
    created_after: str | None = None  # first archived after this ISO time ("new since ...")
    ids: list[int] | None = None


@dataclass
class ImportBatch:
    id: int
    started_at: str
    finished_at: str | None
    targets: str
    status: str
    new: int
    versions: int
    unchanged: int
    duplicates: int
    failed: int

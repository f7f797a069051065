"""Plain records the archive hands out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

NEW = "new"
VERSION = "version"
UNCHANGED = "unchanged"
DUPLICATE = "duplicate"


class ArchiveError(Exception):
    """Something about the archive itself: a clear message for a person."""


class ArchiveInUse(ArchiveError):
    pass


class ArchiveReadOnly(ArchiveError):
    pass


@dataclass
class AddResult:
    status: str  # NEW, VERSION, UNCHANGED or DUPLICATE
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

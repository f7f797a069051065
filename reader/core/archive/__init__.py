"""The archive on disk: catalog, original bytes, manifest (see DESIGN.md).

`Archive` is the way in; the names below are what the rest of the program uses."""

from .catalog import now_iso
from .store import Archive, is_archive
from .types import (
    DUPLICATE,
    NEW,
    UNCHANGED,
    VERSION,
    AddResult,
    AddStatus,
    ArchiveError,
    ArchiveInUse,
    ArchiveReadOnly,
    ArticleRow,
    ImportBatch,
    ListFilter,
    VersionInfo,
)

__all__ = [
    "Archive", "is_archive", "now_iso", "AddStatus", "NEW", "VERSION", "UNCHANGED", "DUPLICATE",
    "AddResult", "ArchiveError", "ArchiveInUse", "ArchiveReadOnly", "ArticleRow", "ImportBatch",
    "ListFilter", "VersionInfo",
]

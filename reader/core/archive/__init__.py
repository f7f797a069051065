"""The archive on disk: catalog, original bytes, manifest (see DESIGN.md)."""

from .store import Archive, is_archive, now_iso
from .types import (
    DUPLICATE,
    NEW,
    UNCHANGED,
    VERSION,
    AddResult,
    ArchiveError,
    ArchiveInUse,
    ArchiveReadOnly,
    ArticleRow,
    ImportBatch,
    ListFilter,
    VersionInfo,
)

__all__ = [
    "Archive", "is_archive", "now_iso", "NEW", "VERSION", "UNCHANGED", "DUPLICATE", "AddResult",
    "ArchiveError", "ArchiveInUse", "ArchiveReadOnly", "ArticleRow", "ImportBatch", "ListFilter",
    "VersionInfo",
]

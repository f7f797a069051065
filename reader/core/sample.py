"""The bundled sample archive (`archive/` in the source tree): real pages and a manifest.
A first run on an empty archive imports it so the app opens on a real article."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.paths import sample_archive_dir

if TYPE_CHECKING:
    from reader.core.archive import Archive
    from reader.core.importer import ImportSummary
    from reader.core.search import SearchIndex


def sample_files() -> list[Path]:
    """The sample's files, each checked against the manifest's SHA-256."""
    root = sample_archive_dir()
    manifest = tomllib.loads((root / "MANIFEST.toml").read_text(encoding="utf-8"))
    files = []
    for entry in manifest.get("files", []):
        path = root / entry["path"]
        if hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            raise ValueError(f"sample file {entry['path']} does not match its manifest")
        files.append(path)
    return files


def import_sample(archive: Archive, index: SearchIndex | None = None) -> ImportSummary:
    """Import the sample into `archive` (used when it is empty)."""
    from reader.core.importer import import_targets

    return import_targets(archive, [str(p) for p in sample_files()], index=index)

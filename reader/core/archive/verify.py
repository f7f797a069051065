"""`verify`: re-hash every original and check the catalog against the files."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import health
from .store import Archive


@dataclass
class VerifyReport:
    originals_checked: int = 0
    versions_checked: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "originals_checked": self.originals_checked,
                "versions_checked": self.versions_checked, "problems": self.problems,
                "warnings": self.warnings}


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(archive: Archive, progress: Callable[[int, int], None] | None = None) -> VerifyReport:
    report = VerifyReport()
    q = archive.db.query
    with archive.db.mutex:
        damage = health.full_check(archive.db.conn)
    if damage:
        # The rest reads the damaged tables: say what is wrong and how to mend it instead.
        report.problems += [f"catalog damaged: {p}" for p in damage]
        report.problems.append("run `opdc-reader recover` to rebuild the catalog from its backups, "
                               "journal and originals")
        return report

    known = {r[0]: r[1] for r in q("SELECT sha256, size FROM originals")}
    on_disk = dict(archive.originals.iter_all())
    total = len(on_disk)
    for n, (sha, path) in enumerate(on_disk.items(), 1):
        actual = _hash_file(path)
        report.originals_checked += 1
        if actual != sha:
            report.problems.append(f"original {sha} has changed on disk (now hashes to {actual})")
        elif sha in known and path.stat().st_size != known[sha]:
            report.problems.append(f"original {sha} has the wrong size")
        if sha not in known:
            report.warnings.append(f"original {sha} is not named in the catalog (left by an interrupted import)")
        if progress:
            progress(n, total)
    for sha in known:
        if sha not in on_disk:
            report.problems.append(f"original {sha} is named in the catalog but missing on disk")
    for tmp in archive.originals.stray_temporaries():
        report.warnings.append(f"temporary file left by an interrupted import: {tmp.name}")

    for row in q("SELECT article_id, version, data FROM versions"):
        report.versions_checked += 1
        try:
            data = json.loads(row[2])
            if not data.get("title"):
                report.problems.append(f"article {row[0]} version {row[1]} has no title")
        except ValueError:
            report.problems.append(f"article {row[0]} version {row[1]} has unreadable text")
    for row in q("SELECT a.id FROM articles a LEFT JOIN versions v ON v.article_id=a.id AND"
                 " v.version=a.current_version WHERE v.article_id IS NULL"):
        report.problems.append(f"article {row[0]} has no current version")
    return report

"""Content-addressed store of the exact bytes that were imported.

`originals/ab/<sha256>`: written once through a temporary file and an atomic rename,
never rewritten, so a process killed mid-write leaves at worst a stray temporary file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Originals:
    def __init__(self, root: Path):
        self.root = root

    def path_for(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.path_for(sha).exists()

    def put(self, data: bytes, sha: str | None = None) -> str:
        sha = sha or sha256_of(data)
        target = self.path_for(sha)
        if target.exists():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{sha}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError:
            tmp.unlink(missing_ok=True)  # a full disk: leave no half-written file behind
            raise
        os.chmod(tmp, 0o444)  # originals are never rewritten: make that visible on disk
        os.replace(tmp, target)
        return sha

    def get(self, sha: str) -> bytes:
        return self.path_for(sha).read_bytes()

    def iter_all(self) -> Iterator[tuple[str, Path]]:
        """(sha, path) of every stored original; temporary files are skipped."""
        if not self.root.exists():
            return
        for sub in sorted(self.root.iterdir()):
            if not sub.is_dir():
                continue
            for path in sorted(sub.iterdir()):
                if not path.name.startswith("."):
                    yield path.name, path

    def stray_temporaries(self) -> list[Path]:
        if not self.root.exists():
            return []
        return sorted(self.root.glob("*/.*.tmp"))

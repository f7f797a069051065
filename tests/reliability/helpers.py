"""Shared pieces of the reliability tests: corpus-format pages, the CLI as a user runs
it, a catalog count that never blocks, and small real filesystems (tmpfs) to fill up."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED

BODY = SEED.read_text(encoding="utf-8").split("\n")[11]


def token(i: int) -> str:
    """A Latin word unique to page i (letters only, so any analyzer keeps it whole)."""
    letters = ""
    n = i
    for _ in range(4):
        letters += chr(97 + n % 26)
        n //= 26
    return f"relq{letters}"


def page_text(i: int) -> str:
    """A page in the corpus format: headline, blank line, date line, text, `ที่มา : url`."""
    title = f"ทดสอบความทนทานของคลังข่าว เรื่องที่ {i}"
    return (f"{title}\n\nวันที่ {1 + i % 28} มีนาคม 2565\n{title}\n\n{BODY} {token(i)} (ชุดที่ {i})\n\n"
            f"ที่มา : https://www.thaigov.go.th/news/contents/details/{500000 + i}\n")


def write_pages(folder: Path, start: int, stop: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, stop):
        path = folder / f"page_{i:05d}.txt"
        path.write_text(page_text(i), encoding="utf-8")
        out.append(path)
    return out


def cli_env() -> dict:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


def cli(*args: str, archive: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader.cli", "--archive", str(archive), *args],
                          capture_output=True, text=True, cwd=ROOT, env=cli_env(), timeout=timeout)


def start_cli(*args: str, archive: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "reader.cli", "--archive", str(archive), *args],
                            cwd=ROOT, env=cli_env(), **kw)


def committed(archive: Path) -> int:
    """Articles in the catalog, read without taking any lock (0 when not there yet)."""
    catalog = archive / "catalog.sqlite"
    if not catalog.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True, timeout=2)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def tree_snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root with its bytes (the catalog through SQLite, so WAL is included)."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix not in (".sqlite-wal", ".sqlite-shm") and path.name not in ("lock", "import.lock"):
            if path.name == "catalog.sqlite":
                continue
            out[str(path.relative_to(root))] = path.read_bytes()
    return out


def catalog_dump(archive: Path) -> list[str]:
    """The catalog as SQL text, comparable before and after a failed write. The import
    log (batches, failures) is left out: a failed import records that it was tried."""
    conn = sqlite3.connect(f"file:{archive / 'catalog.sqlite'}?mode=ro", uri=True)
    try:
        return [line for line in conn.iterdump()
                if not line.startswith(('INSERT INTO "batches"', 'INSERT INTO "failures"'))]
    finally:
        conn.close()


def batch_statuses(archive: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{archive / 'catalog.sqlite'}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT status FROM batches ORDER BY id")]
    finally:
        conn.close()

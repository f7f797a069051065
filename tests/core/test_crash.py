"""A process killed in the middle of an import leaves a sound archive.

A real subprocess imports a folder; it is killed with SIGKILL once some articles are
committed; the archive must open, verify, hold every committed article intact, and a
second run must finish the batch without duplicates.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from reader.core.archive import Archive
from reader.core.archive.verify import verify
from reader.core.ingest import Source, extract
from tests.conftest import ROOT, SEED
from tests.reliability.helpers import committed

N_FILES = 240


def write_pages(folder):
    """Corpus-format pages (headline, blank line, text, `ที่มา : url`), one per file."""
    folder.mkdir()
    body = SEED.read_text(encoding="utf-8").split("\n")[11]
    for i in range(N_FILES):
        title = f"ทดสอบการนำเข้าที่ถูกหยุดกลางคัน เรื่องที่ {i}"
        text = (f"{title}\n\nวันที่ {1 + i % 28} มกราคม 2564\n{title}\n\n{body} (ชุดที่ {i})\n\n"
                f"ที่มา : https://www.thaigov.go.th/news/contents/details/{100000 + i}\n")
        (folder / f"page_{i:04d}.txt").write_text(text, encoding="utf-8")


def run_import(archive, folder):
    env = dict(os.environ)
    return subprocess.Popen([sys.executable, "-m", "reader.cli", "--archive", str(archive),
                             "import", str(folder)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_killed_import_keeps_everything_committed(tmp_path):
    folder = tmp_path / "pages"
    write_pages(folder)
    archive = tmp_path / "arch"
    proc = run_import(archive, folder)
    deadline = time.monotonic() + 120
    while committed(archive) < 40 and proc.poll() is None:
        assert time.monotonic() < deadline, "import made no progress"
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed"

    with Archive.open(archive) as arch:
        report = verify(arch)
        assert report.ok, report.problems
        kept = arch.count_articles()
        assert 40 <= kept < N_FILES
        for row in arch.list_articles(limit=N_FILES):
            article = arch.get(row.id)
            original = arch.original_bytes(article.sha256)
            again = extract(Source(name="x.txt", data=original, origin="x.txt"))[0]
            assert (article.title, article.paragraphs, article.source_url) == \
                (again.title, again.paragraphs, again.source_url)

    proc = run_import(archive, folder)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    with Archive.open(archive) as arch:
        assert arch.count_articles() == N_FILES
        assert verify(arch).ok
        from reader.core.search import SearchIndex, sync_index

        index = SearchIndex.open(arch.index_dir)
        try:
            sync_index(arch, index)
            assert index.stamp() == arch.index_stamp()
            hits = index.search("ถูกหยุดกลางคัน", limit=N_FILES + 10).hits
            assert len(hits) == N_FILES
        finally:
            index.close()

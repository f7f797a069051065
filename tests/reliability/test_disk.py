"""A full disk and a read-only medium: a clear message, and the archive as it was.

The archive lives on a real small filesystem (tmpfs mounted by the test), because only a
real filesystem says ENOSPC or EROFS the way a USB stick or a share does; as root,
file permissions alone stop nothing. Without permission to mount, the tests skip saying why.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import uuid

import pytest

from reader.core.archive import Archive
from reader.core.archive.verify import verify
from tests.reliability.helpers import (
    batch_statuses,
    catalog_dump,
    cli,
    token,
    tree_snapshot,
    write_pages,
)


def _mount_tmpfs(path, size: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", f"rel-{uuid.uuid4().hex[:6]}",
                           str(path)], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root / CAP_SYS_ADMIN): {proc.stderr.strip()}")


@pytest.fixture
def small_fs(tmp_path):
    """A 16 MB tmpfs on tmp_path/mnt, unmounted afterwards whatever happens."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root (the disk-full and read-only tests)")
    mnt = tmp_path / "mnt"
    _mount_tmpfs(mnt, "16m")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def fill_disk(mnt, leave: int) -> None:
    """Fill the filesystem until `leave` bytes are free (0: completely full)."""
    with open(mnt / "filler", "wb") as fh:
        chunk = b"\0" * 65536
        while True:
            st = os.statvfs(mnt)
            free = st.f_bavail * st.f_frsize
            if free <= leave:
                break
            try:
                fh.write(chunk[: max(4096, min(len(chunk), free - leave))])
                fh.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break


def seeded_archive(mnt, tmp_path, n: int = 20):
    pages = tmp_path / "first"
    write_pages(pages, 0, n)
    root = mnt / "arch"
    proc = cli("import", str(pages), archive=root)
    assert proc.returncode == 0, proc.stderr
    return root


def test_full_disk_import_fails_clearly_and_changes_nothing(small_fs, tmp_path):
    root = seeded_archive(small_fs, tmp_path)
    before_catalog = catalog_dump(root)
    before_files = tree_snapshot(root)
    more = tmp_path / "more"
    write_pages(more, 100, 400)
    fill_disk(small_fs, leave=0)

    proc = cli("import", str(more), archive=root)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "disk" in proc.stderr and "full" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr

    (small_fs / "filler").unlink()  # space again: the archive must be exactly as before
    assert catalog_dump(root) == before_catalog
    assert batch_statuses(root)[1:] in ([], ["failed"])  # never "done"
    after = tree_snapshot(root)
    assert {k: v for k, v in after.items() if k.startswith("originals/")} == \
        {k: v for k, v in before_files.items() if k.startswith("originals/")}
    with Archive.open(root) as arch:
        assert verify(arch).ok
        assert arch.count_articles() == 20


def test_nearly_full_disk_keeps_what_fit_and_finishes_later(small_fs, tmp_path):
    root = seeded_archive(small_fs, tmp_path)
    with Archive.open(root) as arch:
        had = {r.id: arch.get(r.id).paragraphs for r in arch.list_articles(limit=100)}
    more = tmp_path / "more"
    write_pages(more, 100, 600)
    fill_disk(small_fs, leave=400 * 1024)  # room for some of the 500 pages, not all

    proc = cli("import", str(more), archive=root)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "disk" in proc.stderr and "full" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr

    (small_fs / "filler").unlink()
    with Archive.open(root) as arch:
        report = verify(arch)
        assert report.ok, report.problems
        kept = arch.count_articles()
        assert 20 <= kept < 520
        for article_id, paragraphs in had.items():
            assert arch.get(article_id).paragraphs == paragraphs
    assert batch_statuses(root)[-1] == "failed"
    proc = cli("import", str(more), archive=root)
    assert proc.returncode == 0, proc.stderr
    with Archive.open(root) as arch:
        assert arch.count_articles() == 520
        assert verify(arch).ok
    search = cli("search", token(577), "--json", archive=root)
    assert search.returncode == 0, search.stderr
    assert len(json.loads(search.stdout)["hits"]) == 1


def test_read_only_medium_refuses_import_clearly(small_fs, tmp_path):
    root = seeded_archive(small_fs, tmp_path)
    before_catalog = catalog_dump(root)
    before_files = tree_snapshot(root)
    proc = subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    more = tmp_path / "more"
    write_pages(more, 100, 120)

    proc = cli("import", str(more), archive=root)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "read-only" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    # Reading still works on the read-only medium.
    listing = cli("list", "--json", archive=root)
    assert listing.returncode == 0 and '"total": 20' in listing.stdout, listing.stderr
    assert cli("verify", archive=root).returncode == 0

    subprocess.run(["mount", "-o", "remount,rw", str(small_fs)], check=True)
    assert catalog_dump(root) == before_catalog
    assert tree_snapshot(root) == before_files


def test_read_only_medium_still_searches(small_fs, tmp_path):
    root = seeded_archive(small_fs, tmp_path)
    subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], check=True)
    found = cli("search", token(7), "--json", archive=root)
    assert found.returncode == 0, found.stderr
    assert len(json.loads(found.stdout)["hits"]) == 1

"""Archives from elsewhere: `restore`, bundle import and zip import refuse absolute
paths, `..`, links and compression bombs (per member and in total), with a clear
message, writing nothing outside and leaving the archive as it was.

tests/core/test_bundle.py checks restore() on single hostile members; here the same
faults go through the command line a librarian uses, for restore, bundle import and
plain zip import, and bombs made of many members that are each harmless.
"""

from __future__ import annotations

import hashlib
import json
import random
import stat
import zipfile

import pytest

from reader.core.archive import Archive
from reader.core.archive.bundle import BUNDLE_MANIFEST, backup
from reader.core.archive.verify import verify
from reader.core.importer import import_targets
from reader.core.ingest import Limits
from tests.reliability.helpers import catalog_dump, cli, page_text

MiB = 1 << 20


def bundle_with(path, members: dict[str, bytes], link: str | None = None, compress=zipfile.ZIP_DEFLATED):
    """A backup-shaped zip whose manifest vouches for every member (as a forger would)."""
    manifest = {"format": "opdc-reader-bundle", "format_version": 1, "articles": 1, "files": {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)} for name, data in members.items()}}
    with zipfile.ZipFile(path, "w", compress) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compress
            if name == link:
                info.create_system = 3
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, data)
        zf.writestr(BUNDLE_MANIFEST, json.dumps(manifest))
    return path


def many_small_members(n: int) -> dict[str, bytes]:
    """n originals of exactly 1 MiB that each deflate ~1000x: no member trips a per-member
    check (at most 1 MiB), the whole inflates to n MiB."""
    out = {}
    for i in range(n):
        data = i.to_bytes(4, "big") + b"\0" * (MiB - 4)
        sha = hashlib.sha256(data).hexdigest()
        out[f"originals/{sha[:2]}/{sha}"] = data
    return out


@pytest.fixture
def good_backup(tmp_path):
    root = tmp_path / "source"
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "a.txt").write_text(page_text(1), encoding="utf-8")
    with Archive.open(root) as arch:
        import_targets(arch, [tmp_path / "p"])
        backup(arch, tmp_path / "good.zip")
    with zipfile.ZipFile(tmp_path / "good.zip") as zf:
        return {name: zf.read(name) for name in zf.namelist() if name != BUNDLE_MANIFEST}


@pytest.mark.parametrize("bad,why", [
    ("/tmp/opdc-evil-absolute", "outside"),
    ("../opdc-evil-escape", "outside"),
    ("originals/../../opdc-evil-deep", "outside"),
    ("originals/ab/link", "link"),
])
def test_restore_refuses_hostile_entries_via_cli(tmp_path, good_backup, bad, why):
    members = dict(good_backup, **{bad: b"evil"})
    bomb = bundle_with(tmp_path / "hostile.zip", members, link=bad if why == "link" else None)
    target = tmp_path / "restored"
    proc = cli("restore", str(bomb), archive=target)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert why in proc.stderr.lower() or "refusing" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not target.exists() or not any(target.iterdir())
    assert not list(tmp_path.rglob("opdc-evil-*")) and not list(tmp_path.parent.glob("opdc-evil-*"))
    assert not list(tmp_path.glob(".restore-*"))


@pytest.mark.slow
def test_restore_refuses_a_bomb_of_many_small_members(tmp_path, good_backup):
    """200 MiB from a zip of under 1 MB; no member is over 1 MiB. Refused before anything is written."""
    members = dict(good_backup, **many_small_members(200))
    bomb = bundle_with(tmp_path / "bomb.zip", members)
    assert bomb.stat().st_size < MiB
    target = tmp_path / "restored"
    proc = cli("restore", str(bomb), archive=target, timeout=120)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "bomb" in proc.stderr or "too large" in proc.stderr, proc.stderr
    assert not target.exists() or not any(target.iterdir())
    assert not list(tmp_path.glob(".restore-*"))


@pytest.mark.slow
def test_bundle_import_refuses_a_bomb_of_many_small_members(tmp_path, good_backup):
    """The same bomb given to `import` (a zip with opdc-bundle.json is merged as a backup)."""
    members = dict(good_backup, **many_small_members(200))
    bomb = bundle_with(tmp_path / "bomb.zip", members)
    root = tmp_path / "arch"
    (tmp_path / "first").mkdir()
    (tmp_path / "first" / "b.txt").write_text(page_text(2), encoding="utf-8")
    assert cli("import", str(tmp_path / "first"), archive=root).returncode == 0
    before = catalog_dump(root)
    proc = cli("import", str(bomb), "--json", archive=root, timeout=120)
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    failed = json.loads(proc.stdout)["failed"]
    assert len(failed) == 1 and ("bomb" in failed[0]["reason"] or "too large" in failed[0]["reason"]), failed
    assert catalog_dump(root) == before
    with Archive.open(root) as arch:
        assert verify(arch).ok


def plain_zip(path, entries: list[tuple[str, bytes, bool]]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data, is_link in entries:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if is_link:
                info.create_system = 3
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, data)
    return path


@pytest.mark.parametrize("name,is_link,why", [
    ("/etc/opdc-evil.txt", False, "absolute"),
    ("../opdc-evil.txt", False, ".."),
    ("pages/../../opdc-evil.txt", False, ".."),
    ("pages/link.txt", True, "link"),
])
def test_zip_import_refuses_hostile_members_via_cli(tmp_path, name, is_link, why):
    good = page_text(3).encode("utf-8")
    archive_zip = plain_zip(tmp_path / "pages.zip", [("pages/good.txt", good, False),
                                                     (name, b"/etc/passwd" if is_link else good, is_link)])
    root = tmp_path / "arch"
    proc = cli("import", str(archive_zip), "--json", archive=root)
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    out = json.loads(proc.stdout)
    assert out["new"] == 0, "a zip with an unsafe member is refused as a whole"
    assert len(out["failed"]) == 1 and why in out["failed"][0]["reason"], out["failed"]
    assert not list(tmp_path.parent.glob("opdc-evil*"))


def test_zip_import_refuses_ratio_and_total_bombs(tmp_path):
    ratio = plain_zip(tmp_path / "ratio.zip", [("big.txt", b"\0" * (40 * MiB), False)])
    # Each member inflates ~4x (no ratio alarm); together they pass the total limit.
    rng = random.Random(5)
    four_letters = bytes(b"abcd"[i % 4] for i in range(256))  # ~4x: no member looks like a bomb
    total = plain_zip(tmp_path / "total.zip", [(f"p{i}.txt", rng.randbytes(2 * MiB).translate(four_letters), False)
                                               for i in range(8)])
    assert total.stat().st_size < 10 * MiB
    with Archive.open(tmp_path / "arch") as arch:
        summary = import_targets(arch, [ratio, total], limits=Limits(max_zip_total=10 * MiB))
        reasons = [f.reason for f in summary.failed]
        assert summary.counts["new"] == 0
        assert any("bomb" in r for r in reasons), reasons
        assert any("expands to more than" in r for r in reasons), reasons
        assert arch.count_articles() == 0

"""Backup, restore and bundle import: round trips, and hostile zips refused."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile

import pytest

from reader.core.archive import Archive, ArchiveError
from reader.core.archive.bundle import BUNDLE_MANIFEST, backup, merge_bundle, restore
from reader.core.archive.verify import verify
from reader.core.model import Article


def fill(root):
    with Archive.open(root) as arch:
        ids = []
        for i in range(3):
            art = Article(title=f"ข่าวทดสอบการสำรองข้อมูล ฉบับที่ {i}", paragraphs=[f"เนื้อหา {i}"],
                          date=dt.date(2020, 1, i + 1), source_url=f"https://x.go.th/{i}", kind="text")
            ids.append(arch.add(art, f"bytes {i}".encode(), f"f{i}").article_id)
        arch.add(Article(title="ข่าวทดสอบการสำรองข้อมูล ฉบับที่ 0", paragraphs=["แก้ไข"],
                         date=dt.date(2020, 1, 1), source_url="https://x.go.th/0", kind="text"),
                 b"bytes 0 v2", "f0")
        arch.tags.add(ids[0], "สำคัญ")
        arch.notes.set(ids[1], "บันทึก")
        arch.bookmarks.set(ids[2], True)
        arch.collections.add(ids[0], "ชุดหนึ่ง")
    return ids


def test_backup_restore_round_trip(tmp_path):
    ids = fill(tmp_path / "a")
    with Archive.open(tmp_path / "a") as arch:
        result = backup(arch, tmp_path / "b.zip")
    assert result["articles"] == 3
    restore(tmp_path / "b.zip", tmp_path / "restored")
    with Archive.open(tmp_path / "restored") as arch:
        assert verify(arch).ok
        assert arch.count_articles() == 3
        assert len(arch.versions(ids[0])) == 2
        assert arch.get(ids[0], 1).paragraphs == ["เนื้อหา 0"]
        assert arch.tags.of(ids[0]) == ["สำคัญ"]
        assert arch.notes.of(ids[1]) == "บันทึก"
        assert arch.bookmarks.has(ids[2])


def test_restore_refuses_non_empty_target(tmp_path):
    fill(tmp_path / "a")
    with Archive.open(tmp_path / "a") as arch:
        backup(arch, tmp_path / "b.zip")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("x")
    with pytest.raises(ArchiveError, match="not empty"):
        restore(tmp_path / "b.zip", tmp_path / "busy")
    assert (tmp_path / "busy" / "keep.txt").read_text() == "x"


def _hostile(tmp_path, name, data=b"evil", extra_manifest=None, attr=None, compress=zipfile.ZIP_STORED):
    path = tmp_path / "hostile.zip"
    manifest = {"format": "opdc-reader-bundle", "files": {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}}}
    manifest["files"].update(extra_manifest or {})
    with zipfile.ZipFile(path, "w", compress) as zf:
        info = zipfile.ZipInfo(name)
        info.compress_type = compress
        if attr is not None:
            info.external_attr = attr
        zf.writestr(info, data)
        zf.writestr(BUNDLE_MANIFEST, json.dumps(manifest))
    return path


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/evil", "originals/../../x", "C:\\evil"])
def test_restore_refuses_paths_outside_target(tmp_path, name):
    path = _hostile(tmp_path, name)
    with pytest.raises(ArchiveError, match="outside|refusing"):
        restore(path, tmp_path / "t")
    assert not (tmp_path / "escape.txt").exists()
    assert not (tmp_path / "t").exists() or not any((tmp_path / "t").iterdir())
    assert not list(tmp_path.glob(".restore-*"))


def test_restore_refuses_symlink_entries(tmp_path):
    path = _hostile(tmp_path, "originals/ab/link", data=b"/etc/passwd", attr=(0o120777 << 16))
    with pytest.raises(ArchiveError, match="symbolic link|refusing"):
        restore(path, tmp_path / "t")


def test_restore_refuses_zip_bomb(tmp_path):
    data = b"\0" * (20 << 20)
    sha = hashlib.sha256(data).hexdigest()
    path = _hostile(tmp_path, f"originals/{sha[:2]}/{sha}", data=data, compress=zipfile.ZIP_DEFLATED)
    with pytest.raises(ArchiveError, match="bomb"):
        restore(path, tmp_path / "t")


def test_restore_refuses_damaged_backup(tmp_path):
    fill(tmp_path / "a")
    with Archive.open(tmp_path / "a") as arch:
        backup(arch, tmp_path / "b.zip")
    # Rewrite one original with other bytes, keeping the manifest: the checksum must catch it.
    src = zipfile.ZipFile(tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "bad.zip", "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("originals/"):
                data = b"X" * len(data)
            out.writestr(info.filename, data)
    with pytest.raises(ArchiveError, match="checksum|promises"):
        restore(tmp_path / "bad.zip", tmp_path / "t")
    with pytest.raises(ArchiveError, match="not a readable zip"):
        (tmp_path / "junk.zip").write_bytes(b"not a zip")
        restore(tmp_path / "junk.zip", tmp_path / "t2")


def test_merge_bundle_into_other_archive(tmp_path):
    fill(tmp_path / "a")
    with Archive.open(tmp_path / "a") as arch:
        backup(arch, tmp_path / "b.zip")
    with Archive.open(tmp_path / "other") as other:
        other.add(Article(title="ข่าวที่มีอยู่แล้วในคลังนี้", paragraphs=["x"], kind="text"), b"mine", "m")
        data = (tmp_path / "b.zip").read_bytes()
        first = merge_bundle(other, data, "b.zip")
        assert sorted(s for s, _ in first) == ["new", "new", "new", "version"]
        again = merge_bundle(other, data, "b.zip")
        assert {s for s, _ in again} == {"unchanged"}
        assert other.count_articles() == 4
        assert ("สำคัญ", 1) in other.tags.counts()
        assert verify(other).ok

"""Zip files made by someone else: refused with a clear reason when unsafe."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from reader.core.ingest import IngestError, Limits
from reader.core.safezip import UnsafeArchive, read_zip_members, unsafe_name


def make_zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_reads_a_normal_zip(tmp_path):
    path = tmp_path / "pages.zip"
    path.write_bytes(make_zip({"a.txt": b"one", "dir/b.html": b"<p>two</p>"}))
    assert list(read_zip_members(path)) == [("a.txt", b"one"), ("dir/b.html", b"<p>two</p>")]
    assert list(read_zip_members(path.read_bytes())) == [("a.txt", b"one"), ("dir/b.html", b"<p>two</p>")]


@pytest.mark.parametrize(
    "name, why",
    [
        ("../evil.txt", r"outside the archive \(\.\.\)"),
        ("pages/../../evil.txt", r"outside the archive"),
        ("..\\evil.txt", r"outside the archive"),
        ("/etc/passwd", "absolute path"),
        ("C:\\Windows\\evil.txt", "absolute path"),
    ],
)
def test_dangerous_names_are_refused(name, why):
    data = make_zip({"ok.txt": b"fine", name: b"evil"})
    with pytest.raises(UnsafeArchive, match=why):
        list(read_zip_members(data))


def test_nothing_is_yielded_before_the_whole_zip_is_checked():
    data = make_zip({"ok.txt": b"fine", "../evil.txt": b"evil"})
    got = []
    with pytest.raises(UnsafeArchive):
        for item in read_zip_members(data):
            got.append(item)
    assert got == []


def test_symbolic_link_member_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo("link")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(UnsafeArchive, match="symbolic link"):
        list(read_zip_members(buf.getvalue()))


def test_compression_bomb_is_refused():
    data = make_zip({"bomb.txt": b"\0" * (20 * 1024 * 1024)})
    assert len(data) < 100_000
    with pytest.raises(UnsafeArchive, match=r"zip bomb.*expands \d+x \(limit 100x\)"):
        list(read_zip_members(data))


def test_small_well_compressed_members_are_fine():
    data = make_zip({"blank.txt": b" " * 200_000})
    assert [name for name, _ in read_zip_members(data)] == ["blank.txt"]


def test_total_size_limit():
    data = make_zip({f"{i}.txt": bytes(range(256)) * 4 for i in range(5)}, zipfile.ZIP_STORED)
    with pytest.raises(UnsafeArchive, match="expands to more than"):
        list(read_zip_members(data, Limits(max_zip_total=3000)))


def test_member_count_limit():
    data = make_zip({f"{i}.txt": b"x" for i in range(5)})
    with pytest.raises(UnsafeArchive, match=r"5 members \(limit 3\)"):
        list(read_zip_members(data, Limits(max_zip_members=3)))


def test_member_size_limit():
    data = make_zip({"big.txt": b"y" * 5000})
    with pytest.raises(UnsafeArchive, match=r"too large \(5000 bytes > 1000 bytes limit\)"):
        list(read_zip_members(data, Limits(max_file_bytes=1000)))


def test_lying_size_is_caught():
    data = bytearray(make_zip({"a.txt": b"A" * 1000}, zipfile.ZIP_STORED))
    # declare 10 bytes in both headers; the member really holds 1000
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(sig) + offset
        data[at : at + 4] = (10).to_bytes(4, "little")
    with pytest.raises(UnsafeArchive, match="cannot be read"):
        list(read_zip_members(bytes(data)))


def test_not_a_zip():
    with pytest.raises(IngestError, match="not a readable zip"):
        list(read_zip_members(b"PK\x03\x04 this is not really a zip"))


def test_unsafe_name_helper():
    assert unsafe_name("pages/a.txt") is None
    assert unsafe_name("a..b.txt") is None
    assert unsafe_name("a/../b") is not None

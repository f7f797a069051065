"""Reading zip files someone else made, without trusting them.

Every member is checked before any is read: no absolute paths, no `..`, no symbolic
links, no encrypted members, not too many members, and no "zip bomb" (a member that
inflates far beyond its packed size, or a total beyond the limit). Reads are capped as
well, because the sizes a zip declares can lie. Used by import and by restore.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Iterator
from typing import IO

from reader.core.ingest.base import IngestError, Limits, size_text

BOMB_FLOOR = 1024 * 1024  # small members may compress very well (blank text); ignore them


class UnsafeArchive(IngestError):
    """The zip is refused as a whole; the message says which member and why."""


def unsafe_name(name: str) -> str | None:
    """Why a member name may not be extracted, or None when it is fine."""
    if "\x00" in name:
        return "has a NUL character in its name"
    unified = name.replace("\\", "/")
    if unified.startswith("/") or (len(unified) > 1 and unified[1] == ":"):
        return "has an absolute path"
    if ".." in unified.split("/"):
        return "points outside the archive (..)"
    return None


def is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def check(zf: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    """The members to read (files only), or UnsafeArchive naming the first problem."""
    infos = zf.infolist()
    if len(infos) > limits.max_zip_members:
        raise UnsafeArchive(f"zip has {len(infos)} members (limit {limits.max_zip_members})")
    total = 0
    files = []
    for info in infos:
        why = unsafe_name(info.filename)
        if why:
            raise UnsafeArchive(f"unsafe zip: member {info.filename!r} {why}")
        if is_link(info):
            raise UnsafeArchive(f"unsafe zip: member {info.filename!r} is a symbolic link")
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise UnsafeArchive(f"zip member {info.filename!r} is encrypted")
        if info.file_size > limits.max_file_bytes:
            raise UnsafeArchive(
                f"zip member {info.filename!r} is too large "
                f"({size_text(info.file_size)} > {size_text(limits.max_file_bytes)} limit)"
            )
        packed = max(info.compress_size, 1)
        if info.file_size > BOMB_FLOOR and info.file_size / packed > limits.max_zip_ratio:
            raise UnsafeArchive(
                f"unsafe zip (a zip bomb?): member {info.filename!r} expands "
                f"{info.file_size // packed}x (limit {limits.max_zip_ratio}x)"
            )
        total += info.file_size
        if total > limits.max_zip_total:
            raise UnsafeArchive(
                f"zip expands to more than {size_text(limits.max_zip_total)} (limit); refused"
            )
        files.append(info)
    return files


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    with zf.open(info) as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise UnsafeArchive(
            f"zip member {info.filename!r} inflates beyond its declared size; refused"
        )
    return data


def open_zip(path_or_file: str | os.PathLike[str] | IO[bytes] | bytes) -> zipfile.ZipFile:
    if isinstance(path_or_file, bytes | bytearray):
        path_or_file = io.BytesIO(path_or_file)
    try:
        return zipfile.ZipFile(path_or_file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise IngestError(f"not a readable zip file ({exc})") from None


def read_zip_members(
    path_or_file: str | os.PathLike[str] | IO[bytes] | bytes, limits: Limits | None = None
) -> Iterator[tuple[str, bytes]]:
    """(member name, bytes) for every file in the zip, after the whole zip is checked."""
    limits = limits or Limits()
    with open_zip(path_or_file) as zf:
        files = check(zf, limits)
        total = 0
        for info in files:
            try:
                data = read_member(zf, info, info.file_size)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                raise UnsafeArchive(f"zip member {info.filename!r} cannot be read ({exc})") from None
            total += len(data)
            if total > limits.max_zip_total:
                raise UnsafeArchive(f"zip expands to more than {size_text(limits.max_zip_total)}")
            yield info.filename, data

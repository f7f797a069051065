"""Where sources come from: a file, a folder (recursively), a zip (nested zips too) or
an http(s) URL. Each yields Source objects, or a Failure for the one file that could not
be read, and goes on with the rest."""

from __future__ import annotations

import errno
import lzma
import os
import stat
import tarfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from http.client import HTTPMessage
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO
from urllib.parse import urlsplit
from zlib import error as zlib_error

from reader.core import safezip
from reader.core.ingest.base import Failure, IngestError, Limits, Skipped, Source, size_text
from reader.core.ingest.warc import is_warc, iter_warc

BUNDLE_MANIFEST = "opdc-bundle.json"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
TAR_MAGIC = (b"\x1f\x8b",)  # gzip; bzip2 ("BZh") and xz are checked by their own signatures
# Files a browser's "Save page as" or a wget mirror puts beside the page: never articles.
ASSET_SUFFIXES = {
    ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp",
    ".bmp", ".tif", ".tiff", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".swf", ".mp3",
    ".mp4", ".webm", ".ogg", ".wav", ".avi", ".mov", ".json",
}
SKIP_NAMES = {"thumbs.db", "desktop.ini", "__macosx"}
# A collection's own paperwork (the corpus archive has a README.md and a LICENSE).
PAPERWORK = {"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS", "CHANGELOG"}
USER_AGENT = "OPDC-Reader/0.1 (archive import)"


def is_bundle(data: bytes | Path | IO[bytes]) -> bool:
    """The app's own backup zip (bytes, or a file): it has opdc-bundle.json at its root."""
    if isinstance(data, bytes) and not data.startswith(ZIP_MAGIC):
        return False
    try:
        with safezip.open_zip(data) as zf:
            return BUNDLE_MANIFEST in zf.namelist()
    except IngestError:
        return False


def _skipped(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    if any(part.lower() in SKIP_NAMES or part.startswith(".") for part in path.parts):
        return True
    if path.stem.split(".")[0].upper() in PAPERWORK:
        return True
    return path.suffix.lower() in ASSET_SUFFIXES


def iter_sources(target: str | os.PathLike[str], limits: Limits | None = None) -> Iterator[Source | Failure | Skipped]:
    """Every source under `target`: a file, a folder, a zip or an http(s) URL."""
    limits = limits or Limits()
    text = str(target)
    if text.lower().startswith(("http://", "https://")):
        yield from _from_url(text, limits)
        return
    path = Path(text).expanduser()
    try:
        info = path.stat()  # follows a link: a link to /dev/zero is a device
    except OSError as exc:
        missing = exc.errno == errno.ENOENT and not path.is_symlink()
        yield Failure(shown(path), "no such file or folder" if missing else _os_reason(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _from_folder(path, limits)
    else:
        yield from _from_file(path, limits, shown(path))


def provenance(source: Source) -> str:
    """Where the catalog says an article came from: the file itself, with its path
    inside the folder, zip or tar it was found in (not only the folder the import was
    started on), as an absolute path; a URL as it is."""
    name = source.name
    if name.lower().startswith(("http://", "https://")):
        return name
    return os.path.abspath(name)


def shown(path: Path | str) -> str:
    """A path as text a person (and the catalog) can take: bytes that are not UTF-8
    become U+FFFD instead of the lone surrogates Python keeps for them."""
    return os.fsencode(path).decode("utf-8", "replace")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link that loops back on itself; not followed"
    if exc.errno == errno.ENOENT:
        return "a symbolic link to something that does not exist"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read the file (permission denied)"
    return f"cannot read the file ({exc.strerror or exc})"


def _not_regular(mode: int) -> str | None:
    """Why a file of this type is refused, or None for a regular file. Reading a pipe
    waits for a writer forever; /dev/zero never ends; a socket cannot be opened."""
    kinds = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")]
    for test, kind in kinds:
        if test(mode):
            return f"{kind}, not a file; not read"
    return None if stat.S_ISREG(mode) else "not a regular file; not read"


def _from_folder(root: Path, limits: Limits) -> Iterator[Source | Failure | Skipped]:
    """Depth first, files in name order before subfolders (as os.walk did). Links are
    followed only inside `root`; a folder reached twice (a loop) is reported, not re-read."""
    real_root = root.resolve()
    origin = shown(root)
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Failure(shown(folder), f"cannot read the folder ({exc.strerror or exc})")
            continue
        if (info.st_dev, info.st_ino) in seen:
            yield Failure(shown(folder), "a link to a folder that is read already (a loop); not followed")
            continue
        seen.add((info.st_dev, info.st_ino))
        names = [e.name for e in entries]
        subfolders: list[Path] = []
        for entry in entries:
            yield from _folder_entry(entry, names, real_root, limits, origin, subfolders)
        stack.extend(reversed(subfolders))


def _folder_entry(entry: os.DirEntry[str], siblings: list[str], real_root: Path, limits: Limits,
                  origin: str, subfolders: list[Path]) -> Iterator[Source | Failure | Skipped]:
    path = Path(entry.path)
    name = entry.name
    if name.startswith(".") or name.lower() in SKIP_NAMES:
        return
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        yield Failure(shown(path), "the name is not valid UTF-8 (rename it and import it again); not read")
        return
    try:
        is_link = entry.is_symlink()
        is_dir = entry.is_dir()  # follows a link
    except OSError as exc:
        yield Failure(shown(path), _os_reason(exc))
        return
    if is_link:
        try:
            why = None if is_dir else _not_regular(path.stat().st_mode)
            if why:  # a link to /dev/zero is refused as a device, wherever it points
                yield Failure(shown(path), why)
                return
            inside = path.resolve(strict=True).is_relative_to(real_root)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a loop, on older Pythons
            yield Failure(shown(path), _os_reason(exc) if isinstance(exc, OSError)
                          else "a symbolic link that loops back on itself; not followed")
            return
        if not inside:
            what = "folder" if is_dir else "file"
            yield Failure(shown(path), f"a link to a {what} outside the folder; not followed")
            return
    if is_dir:
        if not _page_assets(name, siblings):
            subfolders.append(path)
    elif not _skipped(name):
        yield from _from_file(path, limits, origin)


def _page_assets(folder: str, siblings: list[str]) -> bool:
    """"Save page as" puts a page's pictures, scripts and ad frames in `<page>_files`
    beside `<page>.html`: never articles of their own."""
    if not folder.endswith("_files"):
        return False
    stem = folder[: -len("_files")]
    return any(name.rsplit(".", 1)[0] == stem for name in siblings)


def _from_file(path: Path, limits: Limits, origin: str) -> Iterator[Source | Failure | Skipped]:
    """One file. Its type is checked before it is opened (a pipe would block the open)
    and again on the open file; every read is capped by the bytes actually read, since a
    device or a growing file reports a size that means nothing."""
    name = shown(path)
    try:
        why = _not_regular(path.stat().st_mode)
        if why:
            yield Failure(name, why)
            return
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        yield Failure(name, _os_reason(exc))
        return
    with os.fdopen(fd, "rb") as fh:
        try:
            info = os.fstat(fd)
            why = _not_regular(info.st_mode)  # swapped for a pipe since the check above?
            head = fh.read(4)
            fh.seek(0)
        except OSError as exc:
            yield Failure(name, _os_reason(exc))
            return
        if why:
            yield Failure(name, why)
            return
        yield from _from_open_file(fh, info.st_size, head, name, limits, origin)


def _from_open_file(fh: BinaryIO, size: int, head: bytes, name: str, limits: Limits,
                    origin: str) -> Iterator[Source | Failure | Skipped]:
    if head[:2] in (b"WA", b"\x1f\x8b") and is_warc(fh):
        # Read record by record, whatever its size: web archives run to gigabytes.
        yield from iter_warc(fh, name, origin, limits)
        return
    if head in ZIP_MAGIC:
        if size > limits.max_zip_total:
            yield Failure(name, f"zip file too large ({size_text(size)} > {size_text(limits.max_zip_total)} limit)")
            return
        if is_bundle(fh):
            # the app's own backup: handed over whole (restore/merge reads it), whatever its size
            yield from _read_capped(fh, name, origin, limits.max_zip_total)
            return
        fh.seek(0)
        yield from _from_zip(fh, name, origin, limits, depth=1)
        return
    if head[:2] in TAR_MAGIC or head[:3] == b"BZh" or head == b"\xfd7zX" or _plain_tar(fh):
        if size > limits.max_zip_total:
            yield Failure(name, f"archive too large ({size_text(size)} > {size_text(limits.max_zip_total)} limit)")
            return
        if _is_tar(fh):
            yield from _from_tar(fh, name, origin, limits)
            return
    if size > limits.max_file_bytes:
        # Refused on its size alone: a 200 MB file is never read into memory.
        yield Failure(name, f"file too large ({size_text(size)} > {size_text(limits.max_file_bytes)} limit)")
        return
    yield from _read_capped(fh, name, origin, limits.max_file_bytes)


def _read_capped(fh: IO[bytes], name: str, origin: str, limit: int) -> Iterator[Source | Failure]:
    chunks: list[bytes] = []
    total = 0
    try:
        fh.seek(0)
        while total <= limit:  # in steps: read(limit) would set aside the whole limit at once
            chunk = fh.read(min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        yield Failure(name, _os_reason(exc))
        return
    data = b"".join(chunks)
    del chunks
    if len(data) > limit:
        yield Failure(name, f"file too large (more than the {size_text(limit)} limit)")
        return
    yield Source(name, data, origin)


def _plain_tar(fh: IO[bytes]) -> bool:
    try:
        fh.seek(257)
        return fh.read(5) == b"ustar"
    except OSError:
        return False


def _is_tar(fh: IO[bytes]) -> bool:
    try:
        fh.seek(0)
        return tarfile.is_tarfile(fh)
    except (OSError, tarfile.TarError, EOFError, ValueError):
        return False


def _from_tar(fh: IO[bytes], name: str, origin: str, limits: Limits) -> Iterator[Source | Failure]:
    """A tar archive (plain, gzip, bzip2 or xz), read as a stream: the thaigov corpus
    comes as one. The same rules as for zips: no links, no '..', size limits."""
    total = 0
    count = 0
    try:
        fh.seek(0)
        with tarfile.open(fileobj=fh, mode="r|*") as tf:
            for member in tf:
                tf.members = []  # type: ignore[attr-defined]  # TarFile keeps every member it has read: 95 MB for the corpus
                member_name = f"{name}/{member.name}"
                if member.isdir():
                    continue
                count += 1
                if count > limits.max_zip_members:
                    yield Failure(name, f"archive has more than {limits.max_zip_members} members; the rest is not read")
                    return
                why = safezip.unsafe_name(member.name)
                if why:
                    yield Failure(member_name, f"unsafe archive member: {why}")
                    continue
                if not member.isfile():
                    yield Failure(member_name, "a link or special file inside the archive; not followed")
                    continue
                if _skipped(member.name):
                    continue
                if member.size > limits.max_file_bytes:
                    yield Failure(member_name, f"file too large ({size_text(member.size)} > {size_text(limits.max_file_bytes)} limit)")
                    continue
                total += member.size
                if total > limits.max_zip_total:
                    yield Failure(name, f"archive expands to more than {size_text(limits.max_zip_total)}; the rest is not read")
                    return
                member_fh = tf.extractfile(member)
                data = member_fh.read(limits.max_file_bytes + 1) if member_fh else b""
                if data[:4] in ZIP_MAGIC:
                    yield from _from_zip(data, member_name, origin, limits, depth=1)
                else:
                    yield Source(member_name, data, origin)
    except (tarfile.TarError, OSError, EOFError, ValueError, zlib_error, lzma.LZMAError) as exc:
        yield Failure(name, f"the archive is damaged or cut off ({exc}); files before that point were read")


def _from_zip(zip_src: Path | bytes | IO[bytes], name: str, origin: str, limits: Limits, depth: int) -> Iterator[Source | Failure]:
    if depth > limits.max_depth:
        yield Failure(name, f"zip inside zips more than {limits.max_depth} deep; not opened")
        return
    try:
        zf = safezip.open_zip(zip_src)
    except IngestError as exc:
        yield Failure(name, str(exc))
        return
    with zf:
        try:
            members = safezip.check(zf, limits)
        except IngestError as exc:
            yield Failure(name, str(exc))
            return
        if any(m.filename == "[Content_Types].xml" for m in members):
            yield Failure(name, "a Word, Excel or PowerPoint file, not a page, feed or zip of pages")
            return
        for info in members:
            member = f"{name}/{info.filename}"
            if _skipped(info.filename):
                continue
            try:
                data = safezip.read_member(zf, info, info.file_size)
            except IngestError as exc:
                yield Failure(member, str(exc))
                continue
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
                yield Failure(member, f"cannot be read from the zip ({exc})")
                continue
            if data[:4] in ZIP_MAGIC:
                if is_bundle(data):
                    yield Source(member, data, origin)
                else:
                    yield from _from_zip(data, member, origin, limits, depth + 1)
            else:
                yield Source(member, data, origin)


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): never to file:, ftp: or data:."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl} refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, limits: Limits) -> tuple[bytes, str]:
    """The bytes at `url` and the final address; IngestError with a clear reason."""
    opener = urllib.request.build_opener(_WebOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=limits.fetch_timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limits.max_file_bytes:
                raise IngestError(
                    f"file too large ({size_text(int(length))} > {size_text(limits.max_file_bytes)} limit)"
                )
            data = response.read(limits.max_file_bytes + 1)
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise IngestError(f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise IngestError(f"no answer within {limits.fetch_timeout:.0f} s") from None
        raise IngestError(f"cannot fetch ({reason})") from None
    except TimeoutError:
        raise IngestError(f"no answer within {limits.fetch_timeout:.0f} s") from None
    except (OSError, ValueError) as exc:
        raise IngestError(f"cannot fetch ({exc})") from None
    if len(data) > limits.max_file_bytes:
        raise IngestError(f"file too large (more than {size_text(limits.max_file_bytes)} limit)")
    return data, final


def _from_url(url: str, limits: Limits) -> Iterator[Source | Failure]:
    try:
        data, final = fetch(url, limits)
    except IngestError as exc:
        yield Failure(url, str(exc))
        return
    if data[:4] in ZIP_MAGIC and not is_bundle(data):
        yield from _from_zip(data, url, url, limits, depth=1)
        return
    yield Source(url, data, url, url=final)

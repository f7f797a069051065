"""Where sources come from: a file, a folder (recursively), a zip (nested zips too) or
an http(s) URL. Each yields Source objects, or a Failure for the one file that could not
be read, and goes on with the rest."""

from __future__ import annotations

import lzma
import os
import tarfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit
from zlib import error as zlib_error

from reader.core import safezip
from reader.core.ingest.base import Failure, IngestError, Limits, Source, size_text

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


def is_bundle(data: bytes) -> bool:
    """The app's own backup zip: it has opdc-bundle.json at its root."""
    if not data.startswith(ZIP_MAGIC):
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


def iter_sources(target: str | os.PathLike, limits: Limits | None = None) -> Iterator[Source | Failure]:
    """Every source under `target`: a file, a folder, a zip or an http(s) URL."""
    limits = limits or Limits()
    text = str(target)
    if text.lower().startswith(("http://", "https://")):
        yield from _from_url(text, limits)
        return
    path = Path(text).expanduser()
    if not path.exists():
        yield Failure(text, "no such file or folder")
    elif path.is_dir():
        yield from _from_folder(path, limits)
    else:
        yield from _from_file(path, limits, str(path))


def _from_folder(root: Path, limits: Limits) -> Iterator[Source | Failure]:
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and d.lower() not in SKIP_NAMES and not _page_assets(d, filenames)
        )
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            if _skipped(filename):
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(real_root):
                yield Failure(str(path), "a link to a file outside the folder; not followed")
                continue
            yield from _from_file(path, limits, str(root))


def _page_assets(folder: str, siblings: list[str]) -> bool:
    """"Save page as" puts a page's pictures, scripts and ad frames in `<page>_files`
    beside `<page>.html`: never articles of their own."""
    if not folder.endswith("_files"):
        return False
    stem = folder[: -len("_files")]
    return any(name.rsplit(".", 1)[0] == stem for name in siblings)


def _from_file(path: Path, limits: Limits, origin: str) -> Iterator[Source | Failure]:
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        yield Failure(name, f"cannot read the file ({exc.strerror or exc})")
        return
    if head in ZIP_MAGIC:
        if size > limits.max_zip_total:
            yield Failure(name, f"zip file too large ({size_text(size)} > {size_text(limits.max_zip_total)} limit)")
            return
        if _zip_has(path, BUNDLE_MANIFEST):
            # the app's own backup: handed over whole (restore/merge reads it), whatever its size
            try:
                yield Source(name, path.read_bytes(), origin)
            except OSError as exc:
                yield Failure(name, f"cannot read the file ({exc.strerror or exc})")
            return
        yield from _from_zip(path, name, origin, limits, depth=1)
        return
    if head[:2] in TAR_MAGIC or head[:3] == b"BZh" or head == b"\xfd7zX" or _plain_tar(path):
        if size > limits.max_zip_total:
            yield Failure(name, f"archive too large ({size_text(size)} > {size_text(limits.max_zip_total)} limit)")
            return
        if _is_tar(path):
            yield from _from_tar(path, name, origin, limits)
            return
    if size > limits.max_file_bytes:
        # Refused on its size alone: a 200 MB file is never read into memory.
        yield Failure(name, f"file too large ({size_text(size)} > {size_text(limits.max_file_bytes)} limit)")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(name, f"cannot read the file ({exc.strerror or exc})")
        return
    yield Source(name, data, origin)


def _zip_has(path: Path, member: str) -> bool:
    try:
        with safezip.open_zip(path) as zf:
            return member in zf.namelist()
    except IngestError:
        return False


def _plain_tar(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            fh.seek(257)
            return fh.read(5) == b"ustar"
    except OSError:
        return False


def _is_tar(path: Path) -> bool:
    try:
        return tarfile.is_tarfile(path)
    except (OSError, tarfile.TarError, EOFError, ValueError):
        return False


def _from_tar(path: Path, name: str, origin: str, limits: Limits) -> Iterator[Source | Failure]:
    """A tar archive (plain, gzip, bzip2 or xz), read as a stream: the thaigov corpus
    comes as one. The same rules as for zips: no links, no '..', size limits."""
    total = 0
    count = 0
    try:
        with tarfile.open(path, "r|*") as tf:
            for member in tf:
                tf.members = []  # TarFile keeps every member it has read: 95 MB for the corpus
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
                fh = tf.extractfile(member)
                data = fh.read(limits.max_file_bytes + 1) if fh else b""
                if data[:4] in ZIP_MAGIC:
                    yield from _from_zip(data, member_name, origin, limits, depth=1)
                else:
                    yield Source(member_name, data, origin)
    except (tarfile.TarError, OSError, EOFError, ValueError, zlib_error, lzma.LZMAError) as exc:
        yield Failure(name, f"the archive is damaged or cut off ({exc}); files before that point were read")


def _from_zip(zip_src, name: str, origin: str, limits: Limits, depth: int) -> Iterator[Source | Failure]:
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

    def redirect_request(self, req, fp, code, msg, headers, newurl):
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

"""Backup bundles: one zip holding an archive's catalog, originals and manifest.

`backup` writes a consistent snapshot (SQLite's backup API) and a manifest with the
SHA-256 of every file; `restore` checks every entry against that manifest and refuses
anything that would land outside the target; `merge_bundle` imports a bundle into an
existing archive (the importer calls it for a zip that is one of ours).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from reader import __version__

from .catalog import now_iso
from .store import CATALOG, MANIFEST, Archive
from .types import AddStatus, ArchiveError

BUNDLE_MANIFEST = "opdc-bundle.json"
BUNDLE_FORMAT = "opdc-reader-bundle"
MAX_RATIO = 200  # a member that inflates more than this is treated as a zip bomb
MAX_MERGE = 1 << 30  # bytes a bundle may unpack to when it is imported (merged) into an archive


def backup(archive: Archive, out: str | os.PathLike[str],
           progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    out = Path(out)
    files: dict[str, dict[str, Any]] = {}
    tmp_out = out.with_name(out.name + ".part")
    with tempfile.TemporaryDirectory() as tmp:
        snapshot = Path(tmp) / CATALOG
        dest = sqlite3.connect(snapshot)
        with archive.db.mutex:
            archive.db.conn.backup(dest)
        dest.close()
        entries = [(MANIFEST, archive.root / MANIFEST), (CATALOG, snapshot)]
        entries += [(f"originals/{sha[:2]}/{sha}", path) for sha, path in archive.originals.iter_all()]
        try:
            with zipfile.ZipFile(tmp_out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                for n, (name, path) in enumerate(entries, 1):
                    data = path.read_bytes()
                    files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                    zf.writestr(name, data)
                    if progress:
                        progress(n, len(entries))
                manifest = {
                    "format": BUNDLE_FORMAT, "format_version": 1, "created": now_iso(),
                    "created_by": f"OPDC Reader {__version__}",
                    "articles": archive.count_articles(), "files": files,
                }
                zf.writestr(BUNDLE_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            os.replace(tmp_out, out)
        except OSError as exc:
            tmp_out.unlink(missing_ok=True)
            raise ArchiveError(f"cannot write the backup {out}: {exc.strerror or exc}") from exc
    return {"file": str(out), "files": len(files), "articles": manifest["articles"],
            "bytes": out.stat().st_size}


def _read_manifest(zf: zipfile.ZipFile, name: str) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads(zf.read(BUNDLE_MANIFEST))
    except (KeyError, ValueError) as exc:
        raise ArchiveError(f"{name} is not an OPDC Reader backup (no readable {BUNDLE_MANIFEST})") from exc
    if manifest.get("format") != BUNDLE_FORMAT or not isinstance(manifest.get("files"), dict):
        raise ArchiveError(f"{name} is not an OPDC Reader backup")
    return manifest


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (not name.startswith(("/", "\\")) and ":" not in name and "\\" not in name
            and ".." not in path.parts and name == str(path))


def _checked_entries(zf: zipfile.ZipFile, manifest: dict[str, Any], label: str,
                     max_total: int | None = None) -> Iterator[tuple[str, bytes]]:
    """Yield (name, bytes) of each manifest entry after every safety check."""
    listed = manifest["files"]
    infos = {info.filename: info for info in zf.infolist()}
    # A bomb of many members that are each harmless (1 MiB of zeros deflates ~1000x):
    # judge the whole zip too, before anything is read.
    total = sum(info.file_size for info in infos.values())
    packed = max(1, sum(info.compress_size for info in infos.values()))
    if total > 64 << 20 and total / packed > MAX_RATIO:
        raise ArchiveError(f"{label} inflates {total // packed}x to {total >> 20} MB: refusing a zip bomb")
    if max_total is not None and total > max_total:
        raise ArchiveError(f"{label} is too large: it unpacks to {total >> 20} MB "
                           f"(at most {max_total >> 20} MB here)")
    for name in infos:
        if name == BUNDLE_MANIFEST:
            continue
        if not _safe_name(name):
            raise ArchiveError(f"{label}: refusing entry {name!r}: it would land outside the archive")
        if name not in listed:
            raise ArchiveError(f"{label}: entry {name!r} is not in the backup's manifest")
        info = infos[name]
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            raise ArchiveError(f"{label}: refusing entry {name!r}: it is a symbolic link")
    for name, meta in listed.items():
        if not _safe_name(name) or not (name in (MANIFEST, CATALOG) or name.startswith("originals/")):
            raise ArchiveError(f"{label}: refusing entry {name!r}: it would land outside the archive")
        found = infos.get(name)
        if found is None:
            raise ArchiveError(f"{label}: {name} is missing from the backup")
        info = found
        if info.file_size != meta["size"]:
            raise ArchiveError(f"{label}: {name} has the wrong size")
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1 << 20:
            raise ArchiveError(f"{label}: {name} inflates {info.file_size // info.compress_size}x: refusing a zip bomb")
        with zf.open(info) as fh:
            data = fh.read(meta["size"] + 1)
        if len(data) != meta["size"] or hashlib.sha256(data).hexdigest() != meta["sha256"]:
            raise ArchiveError(f"{label}: {name} does not match its checksum; the backup is damaged")
        if name.startswith("originals/") and hashlib.sha256(data).hexdigest() != name.rsplit("/", 1)[1]:
            raise ArchiveError(f"{label}: {name} does not hold the bytes its name promises")
        yield name, data


def restore(bundle: str | os.PathLike[str], target: str | os.PathLike[str]) -> dict[str, Any]:
    """Unpack a backup into `target` (new or empty), checked before anything is kept."""
    bundle, target = Path(bundle), Path(target).expanduser().resolve()
    if target.exists() and any(target.iterdir()):
        raise ArchiveError(f"{target} is not empty; restore into a new or empty folder")
    try:
        zf = zipfile.ZipFile(bundle)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ArchiveError(f"{bundle} is not a readable zip file: {exc}") from exc
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=target.parent))
    try:
        with zf:
            manifest = _read_manifest(zf, bundle.name)
            count = 0
            room = shutil.disk_usage(target.parent).free
            for name, data in _checked_entries(zf, manifest, bundle.name, max_total=room):
                dest = staging.joinpath(*PurePosixPath(name).parts)
                if not dest.resolve().is_relative_to(staging.resolve()):
                    raise ArchiveError(f"{bundle.name}: refusing entry {name!r}")
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)
                count += 1
        Archive.open(staging, create=False).close()  # it must open before it is kept
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return {"archive": str(target), "files": count, "articles": manifest.get("articles")}


def merge_bundle(archive: Archive, data: bytes, label: str,
                 batch_id: int | None = None) -> list[tuple[AddStatus, int]]:
    """Import every version of every article in a bundle, with tags, notes, bookmarks,
    collections and followed sources. Returns [(status, article_id)] for the versions added."""
    from reader.core.model import Article

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ArchiveError(f"{label} is not a readable zip file") from exc
    with zf, tempfile.TemporaryDirectory() as tmp:
        manifest = _read_manifest(zf, label)
        originals: dict[str, bytes] = {}
        # Merging holds the originals in memory: a backup this size is restored instead.
        for name, blob in _checked_entries(zf, manifest, label, max_total=MAX_MERGE):
            if name == CATALOG:
                (Path(tmp) / CATALOG).write_bytes(blob)
            elif name.startswith("originals/"):
                originals[name.rsplit("/", 1)[1]] = blob
        if not (Path(tmp) / CATALOG).exists():
            raise ArchiveError(f"{label} holds no catalog")
        src = sqlite3.connect(f"file:{Path(tmp) / CATALOG}?mode=ro", uri=True)
        src.row_factory = sqlite3.Row
        results: list[tuple[AddStatus, int]] = []
        mapping: dict[int, int] = {}
        try:
            for row in src.execute("SELECT * FROM versions ORDER BY article_id, version"):
                original = originals.get(row["sha256"])
                if original is None:
                    raise ArchiveError(f"{label}: original {row['sha256']} is missing")
                article = Article.from_dict(json.loads(row["data"]))
                res = archive.add(article, original, f"{label}: {row['origin']}", batch_id)
                mapping[row["article_id"]] = res.article_id
                results.append((res.status, res.article_id))
            for row in src.execute("SELECT id, bookmarked, note FROM articles"):
                new_id = mapping.get(row["id"])
                if new_id is None:
                    continue
                if row["bookmarked"]:
                    archive.bookmarks.set(new_id, True)
                if row["note"] and not archive.notes.of(new_id):
                    archive.notes.set(new_id, row["note"])
            for row in src.execute("SELECT article_id, tag FROM tags"):
                if row["article_id"] in mapping:
                    archive.tags.add(mapping[row["article_id"]], row["tag"])
            for row in src.execute("SELECT c.name, ci.article_id FROM collections c JOIN collection_items ci"
                                   " ON ci.collection_id=c.id"):
                if row["article_id"] in mapping:
                    archive.collections.add(mapping[row["article_id"]], row["name"])
            _merge_sources(archive, src)
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{label}: the catalog inside cannot be read: {exc}") from exc
        finally:
            src.close()
    return results


def _merge_sources(archive: Archive, src: sqlite3.Connection) -> None:
    """The bundle's followed sources that this archive does not follow yet (a bundle from
    before catalog v3 has none: its `sources` table is the routes)."""
    from .subscriptions import Subscriptions

    if src.execute("PRAGMA user_version").fetchone()[0] < 3:
        return
    subs = Subscriptions(archive)
    have = {s.url for s in subs.all()}
    for row in src.execute("SELECT kind, url, name, every_seconds, enabled FROM sources ORDER BY id"):
        if row["url"] in have:
            continue
        added = subs.add(row["url"], row["kind"], row["name"], row["every_seconds"])
        if not row["enabled"]:
            subs.edit(added.id, enabled=False)

"""Is the archive on a network file system? Then it opens read-only, saying why.

SQLite's WAL keeps its index in shared memory that only processes on one machine can
share, and byte-range locks over NFS or SMB are known to be unreliable: two machines
writing one catalog on a share can corrupt it (https://sqlite.org/useovernet.html).
Reading from many machines is safe. The file system's type is read from /proc/mounts
(Linux; the longest mount point that holds the folder wins), or from the drive type on
Windows.
"""

from __future__ import annotations

import os
from pathlib import Path

MOUNTS = Path("/proc/mounts")
# Kernel and FUSE type names of network and cluster file systems.
NETWORK_TYPES = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p",
    "ceph", "glusterfs", "gfs", "gfs2", "ocfs2", "lustre", "beegfs", "gpfs", "davfs",
    "fuse.sshfs", "fuse.rclone", "fuse.davfs2", "fuse.glusterfs", "fuse.cephfs", "fuse.s3fs",
    "fuse.gcsfuse", "fuse.smbnetfs", "fuse.juicefs", "fuse.curlftpfs",
}


def _unescape(field: str) -> str:
    """/proc/mounts writes spaces, tabs and newlines in paths as octal escapes."""
    return (field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
            .replace("\\134", "\\"))


def fs_type(path: Path, mounts_text: str | None = None) -> str | None:
    """The type of the file system holding `path` ("ext4", "nfs4", ...), or None."""
    if mounts_text is None:
        try:
            mounts_text = MOUNTS.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = str(path.resolve())
    best, best_type = "", None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def network_reason(path: Path, mounts_text: str | None = None) -> str | None:
    """Why the archive at `path` must open read-only, or None when it is on a local disk."""
    if os.name == "nt":  # pragma: no cover - Windows builds only
        return _windows_reason(path)
    kind = fs_type(path, mounts_text)
    if kind is None:
        return None
    if kind in NETWORK_TYPES or kind.split(".")[0] in {"nfs", "cifs", "smb3"}:
        return (f"the archive at {path} is on a network file system ({kind}), so it is opened "
                "read-only: SQLite's locks are not reliable over the network, and two computers "
                "writing one catalog there can damage it. Reading from many computers is safe; "
                "to add or change articles, copy the archive to a local disk")
    return None


def _windows_reason(path: Path) -> str | None:  # pragma: no cover - Windows builds only
    import ctypes

    drive = os.path.splitdrive(str(path.resolve()))[0] + "\\"
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if drive.startswith("\\\\") or kernel32.GetDriveTypeW(drive) == 4:  # DRIVE_REMOTE
        return (f"the archive at {path} is on a network drive, so it is opened read-only: SQLite's "
                "locks are not reliable over the network, and two computers writing one catalog "
                "there can damage it. Reading from many computers is safe")
    return None

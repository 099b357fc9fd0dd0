"""Where a database file lives decides how it may be opened: network shares and sync folders need care.

SQLite's own documentation: WAL needs shared memory and therefore does not work over a network file system, and
a file in a cloud-synced folder can be silently forked when two machines write it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

NETWORK_FILESYSTEMS = frozenset({
    "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "afpfs", "afp", "ncpfs", "9p", "davfs", "webdav",
    "fuse.sshfs", "sshfs", "fuse.smbnetfs", "fuse.rclone", "ceph", "glusterfs", "fuse.glusterfs",
})

# Folder names that sync clients create, matched case-insensitively against every component of the path.
CLOUD_FOLDER_MARKERS: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("坚果云", "坚果云 (Nutstore)"),
    ("nutstore", "坚果云 (Nutstore)"),
    ("百度网盘", "百度网盘 (Baidu Netdisk)"),
    ("baidunetdisk", "百度网盘 (Baidu Netdisk)"),
)


def cloud_sync_provider(path: str | os.PathLike[str]) -> str | None:
    """The sync service whose folder holds `path`, if any ("OneDrive", "Dropbox", ...)."""
    text = str(path).replace("\\", "/")
    parts = [p.casefold() for p in text.split("/") if p]
    for part in parts:
        for marker, provider in CLOUD_FOLDER_MARKERS:
            if part.startswith(marker) or (marker in part and not marker.isascii()):
                return provider
    return None


def is_unc_path(path: str) -> bool:
    r"""\\server\share\... or //server/share/...: always a network location."""
    return path.startswith(("\\\\", "//")) and not path.startswith(("\\\\?\\", "\\\\.\\"))


def _windows_drive_is_remote(path: str) -> bool:
    """True for mapped network drives (GetDriveType == DRIVE_REMOTE)."""
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # type: ignore[attr-defined]


def filesystem_type(path: str | os.PathLike[str], mounts: str | None = None) -> str:
    """File-system type of the mount holding `path`, from a /proc/mounts style table ('' when unknown).

    `mounts` may be passed in (tests use it); on Linux it is read from /proc/self/mounts and on macOS from `mount`.
    """
    if mounts is None:
        mounts = _read_mount_table()
    target = os.path.realpath(os.path.abspath(path))
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = _parse_mount_line(line)
        if fields is None:
            continue
        point, fstype = fields
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fstype
    return best_type


def _parse_mount_line(line: str) -> tuple[str, str] | None:
    # Linux: "server:/export /mnt/share nfs4 rw,... 0 0"; mount points escape spaces as \040.
    parts = line.split()
    if len(parts) >= 3 and not line.lstrip().startswith("map "):
        if " on " in line and "(" in line:  # macOS: "//u@srv/share on /Volumes/share (smbfs, nodev)"
            _device, _, rest = line.partition(" on ")
            point, _, opts = rest.rpartition(" (")
            return point, opts.split(",")[0].strip(" )")
        return parts[1].replace("\\040", " "), parts[2]
    return None


def _read_mount_table() -> str:
    if sys.platform.startswith("linux"):
        try:
            return Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    if sys.platform == "darwin":
        import subprocess

        try:
            return subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5).stdout
        except (OSError, subprocess.SubprocessError):
            return ""
    return ""


def is_network_location(path: str | os.PathLike[str], mounts: str | None = None) -> bool:
    """True when the file is on a network share (UNC path, mapped drive, SMB/NFS/... mount)."""
    text = str(path)
    if is_unc_path(text):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(os.path.abspath(text))
    return filesystem_type(text, mounts).casefold() in NETWORK_FILESYSTEMS

"""Where a workspace is kept, and moving it somewhere safe.

A workspace is one SQLite database, which is only safe on a disk of the computer using it.
On a network share or a mapped network drive, the locking that keeps two programs from
writing at once is unreliable and a dropped connection can cut a save in half; in a folder
that OneDrive, Dropbox, Google Drive or iCloud keeps in sync, the sync program copies the
file while it is being written and may put back an older copy. Either way records can be
lost or the whole workspace damaged. :func:`describe_risk` recognises these places;
:func:`move_workspace` moves a workspace to a safe one without losing anything on the way.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath, PureWindowsPath
from typing import NamedTuple

from trustdesk import clock
from trustdesk.errors import UserError, WorkspaceError
from trustdesk.store import backups
from trustdesk.store.engine import read_only_uri
from trustdesk.store.lock import LOCK_NAME, WorkspaceLock
from trustdesk.store.workspace import CONFIG_NAME, DB_NAME, MOVED_NOTE, MOVED_TO

NETWORK_SHARE = "network share"
MAPPED_DRIVE = "mapped drive"
CLOUD_FOLDER = "cloud-synced folder"

NETWORK_WHY = (
    "TrustDesk keeps every record in one database file (SQLite), which is only safe on a "
    "disk of this computer. Over a network, SQLite's locking — which stops two programs "
    "writing at once — is unreliable, and a dropped connection can cut a save in half, so "
    "records can be lost or the whole workspace damaged."
)
CLOUD_WHY = (
    "TrustDesk keeps every record in one database file (SQLite), which changes with every "
    "save. {provider} copies that file while it is being written, and may put an older copy "
    "back or make a conflicting copy, so records can be lost or the whole workspace damaged."
)

# File system types (as Linux and macOS name them) that live on another computer.
NETWORK_FILE_SYSTEMS = {
    "nfs": "NFS",
    "nfs4": "NFS",
    "cifs": "Windows file sharing (SMB)",
    "smb3": "Windows file sharing (SMB)",
    "smbfs": "Windows file sharing (SMB)",
    "afpfs": "Apple file sharing (AFP)",
    "webdav": "WebDAV",
    "davfs": "WebDAV",
    "fuse.davfs2": "WebDAV",
    "sshfs": "SSHFS",
    "fuse.sshfs": "SSHFS",
    "9p": "a shared folder (9P)",
    "vboxsf": "a VirtualBox shared folder",
    "fuse.vmhgfs-fuse": "a VMware shared folder",
    "afs": "AFS",
    "ncpfs": "NetWare",
    "glusterfs": "GlusterFS",
    "fuse.glusterfs": "GlusterFS",
    "ceph": "Ceph",
    "fuse.ceph-fuse": "Ceph",
    "fuse.rclone": "rclone",
    "fuse.s3fs": "Amazon S3",
}
# File systems that are a cloud service's drive.
CLOUD_FILE_SYSTEMS = {"fuse.gdfuse": "Google Drive", "fuse.onedriver": "OneDrive"}

# Folder names the sync programs give the folders they keep in sync (compared lower-case);
# a name starting with one followed by " - ", "-" or " (" counts too ("OneDrive - Trust").
CLOUD_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",  # ~/Library/Mobile Documents, iCloud's own folder
    "box": "Box",
    "box sync": "Box",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud drive": "pCloud",
    "pclouddrive": "pCloud",
}
# Where OneDrive says its folders are (Windows), however they have been renamed.
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Risk:
    """Why a workspace's place is not safe for it."""

    kind: str  # NETWORK_SHARE, MAPPED_DRIVE or CLOUD_FOLDER
    provider: str  # "OneDrive", "NFS", "Windows file sharing (SMB)", …
    place: str  # the share, drive or synced folder the workspace is in

    @property
    def summary(self) -> str:
        if self.kind == CLOUD_FOLDER:
            return (
                f"This workspace is in a folder that {self.provider} keeps in sync ({self.place})."
            )
        if self.kind == MAPPED_DRIVE:
            return f"This workspace is on a mapped network drive ({self.place})."
        return f"This workspace is on a network share ({self.place}, {self.provider})."

    @property
    def explanation(self) -> str:
        if self.kind == CLOUD_FOLDER:
            return CLOUD_WHY.format(provider=self.provider)
        return NETWORK_WHY

    @property
    def message(self) -> str:
        return f"{self.summary}\n\n{self.explanation}"


class Mount(NamedTuple):
    point: str  # where it is mounted
    file_system: str  # its type, e.g. "nfs4"


def describe_risk(
    path: Path,
    *,
    platform: str = sys.platform,
    mounts: Iterable[Mount] | None = None,
    drive_type: Callable[[str], int] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Risk | None:
    """What makes ``path`` (a workspace folder) an unsafe place for a workspace, or None if
    it is on a disk of this computer. The other arguments stand in for the system (tests)."""
    environ = os.environ if environ is None else environ
    if platform == "win32":
        windows = PureWindowsPath(os.path.abspath(path) if sys.platform == "win32" else path)
        risk = _windows_network_risk(windows, drive_type or _drive_type)
        return risk or _cloud_folder_risk(windows, platform, environ)
    given = Path(os.path.abspath(path))
    real = Path(os.path.realpath(given)) if mounts is None else given  # through any links
    risk = _mount_risk(real, _system_mounts(platform) if mounts is None else mounts)
    return (
        risk
        or _cloud_folder_risk(given, platform, environ)
        or _cloud_folder_risk(real, platform, environ)
    )


def _windows_network_risk(path: PureWindowsPath, drive_type: Callable[[str], int]) -> Risk | None:
    text = str(path)
    if text.startswith(("\\\\?\\UNC\\", "\\\\?\\unc\\")):
        path = PureWindowsPath("\\\\" + text[8:])
    elif text.startswith(("\\\\?\\", "\\\\.\\")):  # a local path written the long way
        path = PureWindowsPath(text[4:])
    if path.drive.startswith("\\\\"):
        return Risk(NETWORK_SHARE, "Windows file sharing (SMB)", path.drive)
    if path.drive and drive_type(path.drive + "\\") == DRIVE_REMOTE:
        return Risk(MAPPED_DRIVE, "Windows file sharing (SMB)", path.drive)
    return None


def _drive_type(root: str) -> int:
    # ctypes.windll exists on Windows only, the one system this is called on.
    drive_type: int = ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]
    return drive_type


def _mount_risk(path: Path, mounts: Iterable[Mount]) -> Risk | None:
    """The file system of the mount nearest to ``path`` (the longest mount point above it)."""
    above = [m for m in mounts if path == Path(m.point) or Path(m.point) in path.parents]
    if not above:
        return None
    nearest = max(above, key=lambda m: len(Path(m.point).parts))
    kind = nearest.file_system.lower()
    if kind in CLOUD_FILE_SYSTEMS:
        return Risk(CLOUD_FOLDER, CLOUD_FILE_SYSTEMS[kind], nearest.point)
    if kind in NETWORK_FILE_SYSTEMS:
        return Risk(NETWORK_SHARE, NETWORK_FILE_SYSTEMS[kind], nearest.point)
    return None


def _cloud_folder_risk(path: PurePath, platform: str, environ: Mapping[str, str]) -> Risk | None:
    if platform == "win32":
        for variable in ONEDRIVE_VARIABLES:
            root = environ.get(variable)
            if root and _within(PureWindowsPath(path), PureWindowsPath(root)):
                return Risk(CLOUD_FOLDER, "OneDrive", root)
    parts = path.parts
    for index, name in enumerate(parts):
        provider = _cloud_provider(name, parents=parts[:index])
        if provider:
            return Risk(CLOUD_FOLDER, provider, str(type(path)(*parts[: index + 1])))
    return None


def _cloud_provider(name: str, parents: tuple[str, ...]) -> str | None:
    lowered = name.lower()
    if [p.lower() for p in parents[-2:]] == ["library", "cloudstorage"]:
        # macOS File Provider folders: ~/Library/CloudStorage/OneDrive-Personal, Box-Box, …
        known = _cloud_provider(name.split("-")[0], ())
        return known or name.split("-")[0]
    for folder, provider in CLOUD_FOLDERS.items():
        if lowered == folder or lowered.startswith((f"{folder} - ", f"{folder}-", f"{folder} (")):
            return provider
    return None


def _within(path: PureWindowsPath, root: PureWindowsPath) -> bool:
    parts = [p.lower() for p in path.parts]
    return parts[: len(root.parts)] == [p.lower() for p in root.parts]


def _system_mounts(platform: str) -> list[Mount]:
    try:
        if platform.startswith("linux"):
            return parse_mountinfo(Path("/proc/self/mountinfo").read_text(encoding="utf-8"))
        if platform == "darwin" or "bsd" in platform:
            listing = subprocess.run(["mount"], capture_output=True, text=True, timeout=5)
            return parse_bsd_mount(listing.stdout)
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        pass  # cannot tell: say nothing rather than warn wrongly
    return []


def parse_mountinfo(text: str) -> list[Mount]:
    """Linux's /proc/self/mountinfo: ``36 35 98:0 / /mnt/share rw - cifs //srv/share rw``."""
    found = []
    for line in text.splitlines():
        fields, separator, after = line.partition(" - ")
        head, tail = fields.split(), after.split()
        if separator and len(head) >= 5 and tail:
            found.append(Mount(_unescape(head[4]), tail[0]))
    return found


def parse_bsd_mount(text: str) -> list[Mount]:
    """The ``mount`` command's list on macOS: ``//jo@srv/share on /Volumes/share (smbfs, …)``."""
    found = []
    for line in text.splitlines():
        _device, on, rest = line.partition(" on ")
        point, paren, options = rest.rpartition(" (")
        if on and paren:
            found.append(Mount(point, options.split(",")[0].strip(" )")))
    return found


def _unescape(field: str) -> str:
    """mountinfo writes a space, tab, newline and backslash in octal: ``\\040``."""
    for code in ("040", "011", "012", "134"):
        field = field.replace(f"\\{code}", chr(int(code, 8)))
    return field


def move_workspace(source: Path, target: Path, *, now: datetime | None = None) -> Path:
    """Move the workspace in ``source`` to the folder ``target`` (its database, trust
    configuration and backups), check the copy, and only then retire the old database:
    it is renamed (``trustdesk-moved-<when>.sqlite``) so that it cannot be opened by
    mistake, and ``MOVED.txt`` beside it says where the workspace went. If anything fails
    before that, the workspace is left where it was, as it was. Returns ``target``.

    Neither folder may be open elsewhere meanwhile (both are locked while it runs)."""
    source, target = Path(source), Path(target)
    if not (source / DB_NAME).is_file():
        raise WorkspaceError(f"There is no TrustDesk workspace in {source} to move.")
    if (target / DB_NAME).exists() or _same_folder(source, target):
        raise WorkspaceError(
            f"{target} already holds a TrustDesk workspace, so this one cannot be moved there.",
            hint=f"Nothing was moved: the workspace is still in {source}.",
        )
    moved_at = (now or clock.now()).replace(microsecond=0)
    retired = source / f"trustdesk-moved-{moved_at:%Y-%m-%dT%H%M%SZ}.sqlite"
    made: list[Path] = []  # what the move has made in the target, undone if it fails
    with WorkspaceLock(source):
        try:
            if not target.exists():
                target.mkdir(parents=True)
                made.append(target)
            if not (target / LOCK_NAME).exists():
                made.append(target / LOCK_NAME)
            with WorkspaceLock(target):
                _copy_workspace(source, target, made)
                (source / DB_NAME).replace(retired)  # from here on, the workspace is the copy
        except BaseException as exc:
            for path in reversed(made):
                _remove(path)
            if isinstance(exc, OSError):
                raise _not_moved(source, target, exc.strerror or str(exc)) from None
            if isinstance(exc, UserError) and not isinstance(exc, WorkspaceError):
                raise _not_moved(source, target, exc.message) from None
            raise
        _leave_a_note(source, target, retired, moved_at)
    return target


def _copy_workspace(source: Path, target: Path, made: list[Path]) -> None:
    """Copy the database with SQLite's backup API (as every backup is made, and checked
    the same way), compare the records, then copy the configuration and the backups."""
    made.append(target / DB_NAME)
    backups.checked_copy(source / DB_NAME, target / DB_NAME)
    if _record_counts(source / DB_NAME) != _record_counts(target / DB_NAME):
        raise WorkspaceError(
            f"The copy in {target} does not hold the same records as the workspace.",
            hint=f"Nothing was moved: the workspace is still in {source}.",
        )
    made.append(target / CONFIG_NAME)
    shutil.copyfile(source / CONFIG_NAME, target / CONFIG_NAME)
    kept = backups.backups_folder(source / DB_NAME)
    if kept.is_dir():
        into = backups.backups_folder(target / DB_NAME)
        if not into.exists():
            into.mkdir()
            made.append(into)
        for backup in sorted(kept.glob(f"{backups.PREFIX}*")):
            if backup.is_file() and not (into / backup.name).exists():
                made.append(into / backup.name)
                shutil.copy2(backup, into / backup.name)  # closed files: a plain copy is whole


def _leave_a_note(source: Path, target: Path, retired: Path, moved_at: datetime) -> None:
    """Say where the workspace went, beside the renamed old database (and move its journal
    files along with it, should a crash long ago have left any)."""
    try:
        for extra in ("-wal", "-shm"):
            journal = Path(f"{source / DB_NAME}{extra}")
            if journal.exists():
                journal.replace(Path(f"{retired}{extra}"))
        (source / MOVED_NOTE).write_text(
            "This TrustDesk workspace has been moved to another folder.\n"
            f"{MOVED_TO}{target}\n"
            f"Moved on: {moved_at:%d %b %Y %H:%M} UTC\n\n"
            f"The database that was here is kept as {retired.name}, in case it is ever "
            "needed; TrustDesk no longer opens it here.\n",
            encoding="utf-8",
        )
    except OSError as exc:  # the workspace is whole in its new place; the note is a courtesy
        log.warning("Could not leave a note in %s saying where the workspace went: %s", source, exc)


def _record_counts(db_path: Path) -> dict[str, int]:
    """How many rows every table holds."""
    connection = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


def _same_folder(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def _remove(path: Path) -> None:
    try:
        if path.is_dir():
            path.rmdir()  # only folders the move made, and only once emptied
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def _not_moved(source: Path, target: Path, why: str) -> WorkspaceError:
    return WorkspaceError(
        f"The workspace could not be moved to {target}: {why}.",
        hint=f"Nothing was moved: the workspace is still in {source}.",
    )

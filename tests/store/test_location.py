"""Dangerous places: a workspace on a network share, a mapped drive or in a cloud-synced
folder is recognised (from mount tables and paths given to it, so no real share is needed)
and explained; moving a workspace keeps every record, retires the old place, and leaves
everything as it was if any step fails."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.sqlite_files import every_record
from trustdesk.errors import WorkspaceError, WorkspaceLocked
from trustdesk.store import location
from trustdesk.store.backups import list_backups, make_backup, quick_check
from trustdesk.store.location import (
    CLOUD_FOLDER,
    MAPPED_DRIVE,
    NETWORK_SHARE,
    Mount,
    Risk,
    describe_risk,
    move_workspace,
    parse_bsd_mount,
    parse_mountinfo,
)
from trustdesk.store.migrate import open_workspace
from trustdesk.store.workspace import DB_NAME, MOVED_NOTE, moved_to

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
23 22 0:21 / /proc rw,nosuid - proc proc rw
40 22 8:2 / /home rw,relatime shared:2 - ext4 /dev/sda2 rw
61 22 0:50 / /mnt/share rw,relatime shared:30 - cifs //files.trust.local/youth rw,vers=3.1.1
62 61 8:3 / /mnt/share/local rw,relatime shared:31 - ext4 /dev/sdb1 rw
63 22 0:51 / /net/records rw,relatime shared:32 - nfs4 nas:/export/records rw
64 22 0:52 / /media/my\\040laptop rw,nosuid shared:33 - fuse.sshfs jo@laptop:/ rw
65 22 0:53 / /mnt/gdrive rw,nosuid shared:34 - fuse.gdfuse gdfuse rw
"""

MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//jo@files.trust.local/youth on /Volumes/youth (smbfs, nodev, nosuid, mounted by jo)
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/jo/TrustDesk", None),
        ("/mnt/share/TrustDesk", Risk(NETWORK_SHARE, "Windows file sharing (SMB)", "/mnt/share")),
        ("/mnt/share/local/TrustDesk", None),  # the nearest mount is a local disk
        ("/mnt/shared-elsewhere/TrustDesk", None),  # a name that only starts the same
        ("/net/records/burntwood", Risk(NETWORK_SHARE, "NFS", "/net/records")),
        ("/media/my laptop/ws", Risk(NETWORK_SHARE, "SSHFS", "/media/my laptop")),
        ("/mnt/gdrive/TrustDesk", Risk(CLOUD_FOLDER, "Google Drive", "/mnt/gdrive")),
    ],
)
def test_network_file_systems_are_found_from_the_mount_table(path, expected):
    mounts = parse_mountinfo(MOUNTINFO)
    assert describe_risk(Path(path), platform="linux", mounts=mounts, environ={}) == expected


def test_a_mac_share_is_found_from_the_mount_list():
    mounts = parse_bsd_mount(MAC_MOUNT)
    assert mounts == [Mount("/", "apfs"), Mount("/Volumes/youth", "smbfs")]
    assert describe_risk(Path("/Volumes/youth/ws"), platform="darwin", mounts=mounts) == Risk(
        NETWORK_SHARE, "Windows file sharing (SMB)", "/Volumes/youth"
    )
    assert describe_risk(Path("/Users/jo/ws"), platform="darwin", mounts=mounts) is None


@pytest.mark.parametrize(
    ("path", "drive", "expected"),
    [
        (
            r"\\files\youth\TrustDesk",
            3,
            Risk(NETWORK_SHARE, "Windows file sharing (SMB)", "\\\\files\\youth"),
        ),
        (
            r"\\?\UNC\files\youth\ws",
            3,
            Risk(NETWORK_SHARE, "Windows file sharing (SMB)", "\\\\files\\youth"),
        ),
        (r"Z:\TrustDesk", 4, Risk(MAPPED_DRIVE, "Windows file sharing (SMB)", "Z:")),
        (r"C:\Users\jo\AppData\Local\TrustDesk", 3, None),
        (r"\\?\C:\Users\jo\AppData\Local\TrustDesk", 3, None),
    ],
)
def test_windows_shares_and_mapped_drives_are_found(path, drive, expected):
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return drive

    found = describe_risk(Path(path), platform="win32", drive_type=drive_type, environ={})
    assert found == expected
    assert all(root.endswith(":\\") for root in asked)


@pytest.mark.parametrize(
    ("path", "platform", "provider", "place"),
    [
        ("/home/jo/Dropbox/TrustDesk", "linux", "Dropbox", "/home/jo/Dropbox"),
        ("/home/jo/Dropbox (Staffs CC)/ws", "linux", "Dropbox", "/home/jo/Dropbox (Staffs CC)"),
        ("/home/jo/Box/ws", "linux", "Box", "/home/jo/Box"),
        (
            "/Users/jo/Library/CloudStorage/OneDrive-Personal/ws",
            "darwin",
            "OneDrive",
            "/Users/jo/Library/CloudStorage/OneDrive-Personal",
        ),
        (
            "/Users/jo/Library/CloudStorage/GoogleDrive-jo@example.org/My Drive/ws",
            "darwin",
            "Google Drive",
            "/Users/jo/Library/CloudStorage/GoogleDrive-jo@example.org",
        ),
        ("/Users/jo/Google Drive/ws", "darwin", "Google Drive", "/Users/jo/Google Drive"),
        (
            "/Users/jo/Library/Mobile Documents/com~apple~CloudDocs/ws",
            "darwin",
            "iCloud Drive",
            "/Users/jo/Library/Mobile Documents",
        ),
        (
            r"C:\Users\jo\OneDrive - Staffordshire County Council\Documents\ws",
            "win32",
            "OneDrive",
            r"C:\Users\jo\OneDrive - Staffordshire County Council",
        ),
        (r"D:\Sync\Work\ws", "win32", "OneDrive", r"D:\Sync\Work"),  # as OneDrive says
    ],
)
def test_cloud_synced_folders_are_found_by_their_names(path, platform, provider, place):
    environ = {"OneDriveCommercial": r"D:\Sync\Work"}
    found = describe_risk(
        Path(path), platform=platform, mounts=[], drive_type=lambda root: 3, environ=environ
    )
    assert found == Risk(CLOUD_FOLDER, provider, place)


@pytest.mark.parametrize(
    "path", ["/home/jo/dropboxes/ws", "/home/jo/Documents/OneDriveNotes/ws", "/srv/boxes/ws"]
)
def test_ordinary_folders_are_not_mistaken_for_cloud_ones(path):
    assert describe_risk(Path(path), platform="linux", mounts=[], environ={}) is None


def test_each_risk_is_explained_plainly():
    share = Risk(NETWORK_SHARE, "NFS", "/net/records")
    assert share.message == (
        "This workspace is on a network share (/net/records, NFS).\n\n"
        "TrustDesk keeps every record in one database file (SQLite), which is only safe on a "
        "disk of this computer. Over a network, SQLite's locking — which stops two programs "
        "writing at once — is unreliable, and a dropped connection can cut a save in half, so "
        "records can be lost or the whole workspace damaged."
    )
    drive = Risk(MAPPED_DRIVE, "Windows file sharing (SMB)", "Z:")
    assert drive.summary == "This workspace is on a mapped network drive (Z:)."
    assert drive.explanation == share.explanation
    cloud = Risk(CLOUD_FOLDER, "OneDrive", r"C:\Users\jo\OneDrive")
    assert cloud.message == (
        "This workspace is in a folder that OneDrive keeps in sync (C:\\Users\\jo\\OneDrive).\n\n"
        "TrustDesk keeps every record in one database file (SQLite), which changes with every "
        "save. OneDrive copies that file while it is being written, and may put an older copy "
        "back or make a conflicting copy, so records can be lost or the whole workspace damaged."
    )


# ----- moving ---------------------------------------------------------------------------------

MOVED_AT = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def demo(demo_of, tmp_path: Path) -> Path:
    """A copy of the small demo, "on the share", with a backup of its own."""
    copy = tmp_path / "share" / "workspace"
    shutil.copytree(demo_of("small"), copy)
    make_backup(copy / DB_NAME, now=MOVED_AT - dt.timedelta(days=1))
    return copy


def test_a_moved_workspace_keeps_every_record_and_the_old_place_no_longer_opens(
    demo: Path, tmp_path: Path
):
    before = every_record(demo / DB_NAME)
    config = (demo / "trust.toml").read_bytes()
    target = tmp_path / "local" / "TrustDesk"

    assert move_workspace(demo, target, now=MOVED_AT) == target

    assert every_record(target / DB_NAME) == before
    assert quick_check(target / DB_NAME) is None
    assert (target / "trust.toml").read_bytes() == config
    backups = list_backups(target / "backups")
    assert [b.path.name for b in backups] == ["trustdesk-2026-11-22T120000Z-manual.sqlite"]
    assert quick_check(backups[0].path) is None
    assert sorted(p.name for p in target.iterdir()) == [
        "backups",
        "trust.toml",
        "trustdesk.lock",
        "trustdesk.sqlite",
    ]

    assert not (demo / DB_NAME).exists()
    retired = demo / "trustdesk-moved-2026-11-23T120000Z.sqlite"
    assert every_record(retired) == before  # put aside, not thrown away
    assert moved_to(demo) == target
    assert f"Moved to: {target}\n" in (demo / MOVED_NOTE).read_text(encoding="utf-8")
    with pytest.raises(WorkspaceError) as refused:
        open_workspace(demo)
    assert str(refused.value) == (
        f"The workspace that was in {demo} has been moved to {target}.\n"
        f'Open it there instead (--workspace "{target}").'
    )
    with open_workspace(target) as workspace:
        assert workspace.unit.code == "LIC-BUR"


def test_a_move_onto_another_workspace_is_refused(demo: Path, tmp_path: Path, workspace):
    workspace.close()
    before = every_record(demo / DB_NAME)
    with pytest.raises(WorkspaceError) as refused:
        move_workspace(demo, workspace.path)
    assert str(refused.value) == (
        f"{workspace.path} already holds a TrustDesk workspace, so this one cannot be moved "
        f"there.\nNothing was moved: the workspace is still in {demo}."
    )
    assert every_record(demo / DB_NAME) == before


def test_a_workspace_open_elsewhere_is_not_moved(workspace, tmp_path: Path):
    with pytest.raises(WorkspaceLocked):
        move_workspace(workspace.path, tmp_path / "local")
    assert not (tmp_path / "local").exists()


def test_a_move_to_a_place_that_cannot_be_written_leaves_the_workspace_as_it_was(
    demo: Path, tmp_path: Path
):
    before = every_record(demo / DB_NAME)
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    with pytest.raises(WorkspaceError) as refused:
        move_workspace(demo, blocked / "TrustDesk")
    assert str(refused.value).startswith(f"The workspace could not be moved to {blocked}")
    assert refused.value.hint == f"Nothing was moved: the workspace is still in {demo}."
    assert every_record(demo / DB_NAME) == before
    with open_workspace(demo) as workspace:
        assert workspace.unit.code == "LIC-BUR"


def test_a_copy_that_does_not_match_is_undone(demo: Path, tmp_path: Path, monkeypatch):
    before = every_record(demo / DB_NAME)
    counts = location._record_counts
    target = tmp_path / "local" / "TrustDesk"

    def one_lost(db_path: Path) -> dict[str, int]:
        found = counts(db_path)
        if db_path.parent == target:
            found["partner"] -= 1
        return found

    monkeypatch.setattr(location, "_record_counts", one_lost)
    with pytest.raises(WorkspaceError) as refused:
        move_workspace(demo, target)
    assert str(refused.value) == (
        f"The copy in {target} does not hold the same records as the workspace.\n"
        f"Nothing was moved: the workspace is still in {demo}."
    )
    assert not target.exists()  # what the move made is gone again
    assert every_record(demo / DB_NAME) == before
    assert not (demo / MOVED_NOTE).exists()
    open_workspace(demo).close()

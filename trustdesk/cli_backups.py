"""``trustdesk backup``, ``trustdesk restore`` and ``trustdesk check``: a workspace's backups
and its health, from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_backup_commands(
    commands: argparse._SubParsersAction, workspace: argparse.ArgumentParser
) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[workspace],
        help="back up a workspace (checked copy), or list its backups",
        description="Copy the workspace with SQLite's backup API, check the copy, and print "
        "where it is. Safe while TrustDesk is open.",
    )
    backup.add_argument(
        "--to",
        type=Path,
        metavar="DIR",
        help="folder for the backup, e.g. a USB stick (default: the workspace's backups folder)",
    )
    backup.add_argument("--list", action="store_true", help="list the workspace's backups")
    restore = commands.add_parser(
        "restore",
        parents=[workspace],
        help="put a backup's records back into a workspace",
        description="Check the backup, back up the workspace as it is now, then restore the "
        "backup into it. Close TrustDesk on this workspace first.",
    )
    restore.add_argument("backup", type=Path, metavar="FILE", help="the backup to restore")
    commands.add_parser(
        "check",
        parents=[workspace],
        help="check a workspace's database for damage (SQLite integrity check)",
    )


def run_backup(args: argparse.Namespace, workspace_dir: Path) -> int:
    from trustdesk.store.backups import backups_folder, list_backups, make_backup

    db_path = _database(workspace_dir)
    if args.list:
        found = list_backups(args.to or backups_folder(db_path))
        for item in found:
            size = item.path.stat().st_size / 1_000_000
            print(
                f"{item.made_at:%Y-%m-%d %H:%M} UTC  {item.reason:<15} {size:6.1f} MB  {item.path}"
            )
        if not found:
            print("No backups yet.")
        return 0
    made = make_backup(db_path, folder=args.to)
    print(f"Backed up the workspace to {made.path} (checked).")
    return 0


def run_restore(args: argparse.Namespace, workspace_dir: Path) -> int:
    from trustdesk.store.backups import restore_backup
    from trustdesk.store.lock import WorkspaceLock

    db_path = _database(workspace_dir)
    with WorkspaceLock(Path(workspace_dir)):  # never under an open TrustDesk's feet
        before = restore_backup(db_path, args.backup)
    print(f"Restored {args.backup} into {workspace_dir}.")
    print(f"The workspace as it was before is kept in {before.path}.")
    return 0


def run_check(workspace_dir: Path) -> int:
    import sqlite3

    from trustdesk.store.engine import read_only_uri

    db_path = _database(workspace_dir)
    connection = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        found = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        found = [str(exc)]
    finally:
        connection.close()
    if found == ["ok"]:
        print(f"The workspace in {workspace_dir} is sound (SQLite integrity check: ok).")
        return 0
    print(f"The workspace in {workspace_dir} is damaged: {'; '.join(found[:5])}")
    print("Restore the newest backup: `trustdesk backup --list`, then `trustdesk restore FILE`.")
    return 1


def _database(workspace_dir: Path) -> Path:
    from trustdesk.errors import WorkspaceError
    from trustdesk.store.workspace import DB_NAME

    db_path = Path(workspace_dir) / DB_NAME
    if not db_path.is_file():
        raise WorkspaceError(
            f"There is no TrustDesk workspace in {workspace_dir}.",
            hint="Give the workspace folder with --workspace DIR.",
        )
    return db_path

"""``trustdesk backup``, ``trustdesk restore`` and ``trustdesk check``: a workspace's backups
and its health, from the command line.

A backup to a folder outside the workspace's own is sealed with a passphrase, asked for in
the terminal without echo (twice) or read from a file with ``--passphrase-file``; never from
the command line itself, where it would sit in the shell's history, in the process list and
in the bug log (which records the arguments). It is kept nowhere.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from trustdesk.errors import UserError
from trustdesk.store.sealed import MIN_PASSPHRASE  # standard library only until it seals


def add_backup_commands(
    commands: argparse._SubParsersAction, workspace: argparse.ArgumentParser
) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[workspace],
        help="back up a workspace (checked copy; locked with a passphrase outside its folder), "
        "or list its backups",
        description="Copy the workspace with SQLite's backup API, check the copy, and print "
        "where it is. Safe while TrustDesk is open. A backup into the workspace's own backups "
        "folder is a plain SQLite file; one made with --to a folder outside the workspace's "
        "folder (a USB stick, a shared drive) is locked with a passphrase (AES-256-GCM), asked "
        "for twice without showing it, or read from --passphrase-file. TrustDesk never keeps "
        "the passphrase: without it the backup cannot be opened.",
    )
    backup.add_argument(
        "--to",
        type=Path,
        metavar="DIR",
        help="folder for the backup, e.g. a USB stick (default: the workspace's backups "
        "folder); outside the workspace's folder the backup is locked with a passphrase",
    )
    backup.add_argument("--list", action="store_true", help="list the backups in the folder")
    backup.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the passphrase (at least {MIN_PASSPHRASE} characters) from the first line "
        "of this file instead of asking for it; keep the file somewhere safe, or delete it",
    )
    restore = commands.add_parser(
        "restore",
        parents=[workspace],
        help="put a backup's records back into a workspace",
        description="Check the backup, back up the workspace as it is now, then restore the "
        "backup into it. Close TrustDesk on this workspace first. A locked backup (.tdbackup) "
        "asks for its passphrase (or reads it from --passphrase-file) and is opened and "
        "checked beside the workspace before anything is replaced: with a wrong passphrase "
        "nothing changes.",
    )
    restore.add_argument("backup", type=Path, metavar="FILE", help="the backup to restore")
    restore.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="read a locked backup's passphrase from the first line of this file",
    )
    commands.add_parser(
        "check",
        parents=[workspace],
        help="check a workspace's database for damage (SQLite integrity check)",
    )


def run_backup(args: argparse.Namespace, workspace_dir: Path) -> int:
    from trustdesk.store.backups import (
        backups_folder,
        list_backups,
        make_backup,
        needs_passphrase,
    )

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
    passphrase = None
    if args.passphrase_file is not None:
        passphrase = _read_passphrase(args.passphrase_file)
    elif args.to is not None and needs_passphrase(db_path, args.to):
        passphrase = _ask_new_passphrase(args.to)
    made = make_backup(db_path, folder=args.to, passphrase=passphrase)
    if made.sealed:
        print(f"Backed up the workspace to {made.path} (checked, and locked with the passphrase).")
        print("TrustDesk does not keep the passphrase: without it the backup cannot be opened.")
    else:
        print(f"Backed up the workspace to {made.path} (checked).")
    return 0


def run_restore(args: argparse.Namespace, workspace_dir: Path) -> int:
    from trustdesk.store import sealed
    from trustdesk.store.backups import restore_backup
    from trustdesk.store.lock import WorkspaceLock

    db_path = _database(workspace_dir)
    passphrase = None
    if args.backup.suffix == sealed.SUFFIX or sealed.is_sealed(args.backup):
        sealed.check_header(args.backup)  # a missing or foreign file is said before asking
        if args.passphrase_file is not None:
            passphrase = _read_passphrase(args.passphrase_file)
        else:
            passphrase = _ask(f"Passphrase for {args.backup.name}: ")
    with WorkspaceLock(Path(workspace_dir)):  # never under an open TrustDesk's feet
        before = restore_backup(db_path, args.backup, passphrase=passphrase)
    print(f"Restored {args.backup} into {workspace_dir}.")
    print(f"The workspace as it was before is kept in {before.path}.")
    return 0


def _ask_new_passphrase(folder: Path) -> str:
    from trustdesk.store.sealed import passphrase_problem

    print(
        f"A backup in {folder} leaves the workspace's folder, so it is locked with a "
        "passphrase. TrustDesk never keeps it: without it the backup cannot be opened.",
        file=sys.stderr,
    )
    first = _ask("Passphrase for the backup: ")
    problem = passphrase_problem(first)
    if problem is None:
        problem = passphrase_problem(first, _ask("The same passphrase again: "))
    if problem is not None:
        raise UserError(problem, hint="Nothing was backed up.")
    return first


def _ask(prompt: str) -> str:
    """A passphrase typed in the terminal, not shown. Without a terminal to ask in (a
    script, a scheduled task) getpass would read it, shown, from standard input: refused."""
    if not _can_ask():
        raise UserError(
            "There is no terminal to ask for the passphrase in.",
            hint="Give it with --passphrase-file FILE. Nothing was changed.",
        )
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UserError("No passphrase was typed.", hint="Nothing was changed.") from None


def _can_ask() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _read_passphrase(path: Path) -> str:
    """The first line of the file, without its line ending (spaces inside it count)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is not text"
        raise UserError(
            f"The passphrase file {path} cannot be read: {why}.",
            hint="Give a text file whose first line is the passphrase. Nothing was changed.",
        ) from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise UserError(
            f"The passphrase file {path} is empty.",
            hint="Put the passphrase on its first line. Nothing was changed.",
        )
    return lines[0]


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

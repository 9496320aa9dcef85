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
import sqlite3
import sys
from pathlib import Path

from trustdesk.cli import folders
from trustdesk.errors import UserError, WorkspaceError
from trustdesk.store import sealed
from trustdesk.store.backups import (
    backups_folder,
    list_backups,
    make_backup,
    needs_passphrase,
    restore_backup,
)
from trustdesk.store.engine import read_only_uri
from trustdesk.store.lock import WorkspaceLock
from trustdesk.store.passphrase import passphrase_problem
from trustdesk.store.sqlite_errors import environment_problem
from trustdesk.store.workspace import DB_NAME


def run(args: argparse.Namespace) -> int:
    folder = folders.workspace_dir(args)
    if args.command == "restore":
        return run_restore(args, folder)
    if args.command == "check":
        return run_check(folder)
    return run_backup(args, folder)


def run_backup(args: argparse.Namespace, workspace_dir: Path) -> int:
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
    db_path = _database(workspace_dir)
    try:
        connection = sqlite3.connect(read_only_uri(db_path), uri=True)
        try:
            found = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        cause = environment_problem(exc, db_path)  # a full or read-only disk is not damage
        if cause is not None:
            raise cause from None
        found = [str(exc)]
    if found == ["ok"]:
        print(f"The workspace in {workspace_dir} is sound (SQLite integrity check: ok).")
        return 0
    print(f"The workspace in {workspace_dir} is damaged: {'; '.join(found[:5])}")
    print("Restore the newest backup: `trustdesk backup --list`, then `trustdesk restore FILE`.")
    return 1


def _database(workspace_dir: Path) -> Path:
    db_path = Path(workspace_dir) / DB_NAME
    if not db_path.is_file():
        raise WorkspaceError(
            f"There is no TrustDesk workspace in {workspace_dir}.",
            hint="Give the workspace folder with --workspace DIR.",
        )
    return db_path

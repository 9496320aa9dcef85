"""Every command's options, for ``argparse``: light enough that ``trustdesk --help`` (and the
desktop, which starts through here) loads nothing but the standard library. What a command
does is in its own module, which the command table (``trustdesk/cli/__init__.py``) loads only
when it runs."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from trustdesk import APP_NAME, __version__
from trustdesk.spreadsheets.kinds import KINDS
from trustdesk.store.passphrase import MIN_PASSPHRASE

AUDIT_SHOWN = 50  # audit entries printed unless --limit says otherwise
PERIOD_HELP = (
    "a financial-year quarter such as 2026-27Q1, a financial year such as 2026-27, or a year "
    "to date such as 2026-27Q1-Q3 (default: the last quarter that ended)"
)

Commands = argparse._SubParsersAction


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    workspace = argparse.ArgumentParser(add_help=False)
    workspace.add_argument(
        "--workspace",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="the workspace folder (default: your TrustDesk data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="trustdesk",
        description="TrustDesk: records and quarterly returns for Children's Trust locality "
        "groups, districts and counties. With no command, opens the desktop.",
        parents=[workspace],
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation works, in a temporary workspace, and exit (0: it works)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_workspace_commands(commands, workspace)
    add_return_commands(commands, workspace)
    add_backup_commands(commands, workspace)
    add_privacy_commands(commands, workspace)
    add_print_commands(commands, workspace)
    add_import_commands(commands, workspace)
    add_audit_commands(commands, workspace)
    add_config_commands(commands, workspace)
    add_screenshot_commands(commands, workspace)
    return parser


def add_workspace_commands(commands: Commands, workspace: argparse.ArgumentParser) -> None:
    """``init``, ``demo`` and ``info``."""
    init = commands.add_parser("init", parents=[workspace], help="create a workspace for a unit")
    init.add_argument("--unit", required=True, metavar="CODE", help="the unit's code, e.g. LIC-BUR")
    init.add_argument(
        "--config", type=Path, metavar="FILE", help="trust configuration (default: example trust)"
    )

    demo = commands.add_parser(
        "demo",
        parents=[workspace],
        help="create a demo workspace (a locality's records, or a district's or county's returns)",
    )
    demo.add_argument(
        "--unit",
        default="LIC-BUR",
        metavar="CODE",
        help="a locality, district or county code (default: LIC-BUR); a district or county "
        "demo holds its units' returns for the last three quarters (a county's takes two minutes)",
    )
    demo.add_argument(
        "--size", choices=("small", "large"), default="small", help="a year, or ten busy years"
    )
    demo.add_argument(
        "--seed", type=int, default=1, metavar="N", help="vary the made-up records (default: 1)"
    )
    demo.add_argument(
        "--as-of", type=_date, metavar="DATE", help="the last day of records (default: today)"
    )
    demo.add_argument(
        "--config", type=Path, metavar="FILE", help="trust configuration (default: example trust)"
    )

    info = commands.add_parser(
        "info", parents=[workspace], help="show a workspace's unit and records"
    )
    info.add_argument("--json", action="store_true", help="print JSON for scripts")


def add_screenshot_commands(commands: Commands, workspace: argparse.ArgumentParser) -> None:
    """``screenshots`` and ``units``."""
    shots = commands.add_parser(
        "screenshots",
        parents=[workspace],
        help="render every page of the window to PNG files (works without a display)",
    )
    shots.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the PNGs")
    shots.add_argument(
        "--today", type=_date, metavar="DATE", help="the date the pages take as today"
    )

    units = commands.add_parser("units", help="list the trust's county, districts and localities")
    units.add_argument(
        "--config", type=Path, metavar="FILE", help="trust configuration to check and list"
    )


def add_return_commands(commands: Commands, workspace: argparse.ArgumentParser) -> None:
    returns = commands.add_parser(
        "return", help="export a quarterly return; import, review and consolidate returns"
    )
    verbs = returns.add_subparsers(dest="return_command", metavar="ACTION", required=True)
    export = verbs.add_parser(
        "export",
        parents=[workspace],
        help="check, compute and write a period's return (workbook and PDF)",
        description="Check the records, compute the return of the workspace's unit for one "
        "period, and write it as an Excel workbook and a PDF. Prints the paths written.",
    )
    _period_and_out(export)
    _export_options(export)
    consolidate = verbs.add_parser(
        "consolidate",
        parents=[workspace],
        help="add up the returns received for a period and write the unit's own return",
        description="In a district or county workspace: add up the current returns of the "
        "units below for one period and write the consolidated return (workbook and PDF, "
        "the PDF comparing the constituents). Says which returns are missing or not accepted.",
    )
    _period_and_out(consolidate)
    _export_options(consolidate)

    take_in = verbs.add_parser(
        "import",
        parents=[workspace],
        help="import returns from the units below (files or folders)",
        description="Check each return file and take in the good ones: a new revision "
        "replaces the earlier one, a file sent twice changes nothing, a bad file is refused "
        "with the reason. Prints a line per file; exits 1 if any file was refused.",
    )
    take_in.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    take_in.add_argument(
        "--accept-edited",
        action="store_true",
        help="take in returns whose figures or texts were changed after export (marked as edited)",
    )

    status = verbs.add_parser(
        "status",
        parents=[workspace],
        help="which returns are in, late, missing, queried or accepted for a period",
        description="Print each unit below with the state of its return for the period, "
        "then a ready-to-send reminder for each missing one.",
    )
    status.add_argument("--period", metavar="PERIOD", help=PERIOD_HELP)

    review = verbs.add_parser(
        "review",
        parents=[workspace],
        help="accept a unit's return, or query it with a note",
    )
    review.add_argument("--unit", required=True, metavar="CODE", help="the unit whose return it is")
    review.add_argument("--period", metavar="PERIOD", help=PERIOD_HELP)
    verdict = review.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--accept", action="store_true", help="accept the current return")
    verdict.add_argument("--query", metavar="NOTE", help="query it, saying what to look at")

    template = verbs.add_parser(
        "template",
        parents=[workspace],
        help="write a blank return workbook for a unit below to fill in by hand",
        description="For a unit below that has no TrustDesk: write a return workbook with "
        "its figures to type in Excel or LibreOffice (checked as they are typed), to send to "
        "it. 'trustdesk return import' takes it in once filled in, marked as filled in by hand.",
    )
    template.add_argument(
        "--unit", required=True, metavar="CODE", help="the unit below whose return it is"
    )
    template.add_argument("--period", metavar="PERIOD", help=PERIOD_HELP)
    template.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="the .xlsx file to write, or a folder to write it in",
    )


def _period_and_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", metavar="PERIOD", help=PERIOD_HELP)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write to")


def _export_options(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--format",
        default="xlsx,pdf",
        metavar="LIST",
        help="xlsx, pdf or both, separated by a comma (default: xlsx,pdf)",
    )
    export.add_argument(
        "--publication",
        action="store_true",
        help="make the PDF a publication copy: numbers from 1 to 4 shown as <5",
    )


def add_backup_commands(commands: Commands, workspace: argparse.ArgumentParser) -> None:
    """``backup``, ``restore`` and ``check``."""
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


def add_privacy_commands(commands: Commands, workspace: argparse.ArgumentParser) -> None:
    privacy = commands.add_parser(
        "privacy", help="retention of young people's details, subject access and erasure"
    )
    verbs = privacy.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    retention = verbs.add_parser(
        "retention",
        parents=[workspace],
        help="list who is due to have their identifying details removed (--apply removes)",
        description="List the young people last seen longer ago than the retention period, "
        "whose name, local reference, date of birth and postcode district are due to be "
        "removed. Their attendance and outcomes stay in the counts. With --apply, remove them.",
    )
    retention.add_argument(
        "--apply", action="store_true", help="remove the details listed (cannot be undone)"
    )
    retention.add_argument(
        "--today", metavar="DATE", help="the day to count from, YYYY-MM-DD (default: today)"
    )
    export = verbs.add_parser(
        "export",
        parents=[workspace],
        help="write everything held about one young person to a PDF (subject access)",
    )
    export.add_argument("--person", type=int, required=True, metavar="ID", help="their number")
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="the PDF to write")
    erase = verbs.add_parser(
        "erase",
        parents=[workspace],
        help="erase one young person on request (their counts stay, without who they were)",
    )
    erase.add_argument("--person", type=int, required=True, metavar="ID", help="their number")
    erase.add_argument(
        "--yes", action="store_true", help="confirm: erasing cannot be undone (required)"
    )


def add_print_commands(commands: Commands, workspace: argparse.ArgumentParser) -> None:
    """``print sign-in``, ``print agenda`` and ``print minutes``: PDFs to print or send."""
    printing = commands.add_parser(
        "print",
        help="sign-in sheets, agendas and minutes as PDF; the group's lists as a workbook",
    )
    verbs = printing.add_subparsers(dest="print_command", metavar="WHAT", required=True)
    sign_in = verbs.add_parser(
        "sign-in",
        parents=[workspace],
        help="a sign-in sheet for each session given: its regulars, tick boxes, blank lines",
    )
    sign_in.add_argument(
        "--session",
        type=int,
        action="append",
        required=True,
        metavar="ID",
        help="a session's number (give it again for more sheets in one PDF)",
    )
    sign_in.add_argument("--out", type=Path, required=True, metavar="FILE", help="the PDF to write")
    for name, what in (
        ("agenda", "a meeting's agenda: partners expected, actions carried over"),
        ("minutes", "a meeting's minutes: who came, notes, actions reviewed and agreed"),
    ):
        verb = verbs.add_parser(name, parents=[workspace], help=what)
        verb.add_argument(
            "--meeting", type=int, required=True, metavar="ID", help="the meeting's number"
        )
        verb.add_argument(
            "--out", type=Path, required=True, metavar="FILE", help="the PDF to write"
        )
    lists = verbs.add_parser(
        "lists",
        parents=[workspace],
        help="partners and contacts, the contact log, activities and sessions, as a workbook "
        "(no young person's details)",
    )
    lists.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="the workbook (.xlsx) to write"
    )


def add_import_commands(commands: Commands, workspace: argparse.ArgumentParser) -> None:
    """``import people|partners|activities|registers FILE``: a group's own spreadsheets."""
    bringing = commands.add_parser(
        "import", help="bring in young people, partners, activities or registers from a spreadsheet"
    )
    verbs = bringing.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    for name, what in KINDS.items():
        verb = verbs.add_parser(name, parents=[workspace], help=f"bring in {what}")
        verb.add_argument(
            "file", type=Path, metavar="FILE", help="the workbook (.xlsx) or CSV file"
        )
        verb.add_argument(
            "--mapping",
            type=Path,
            metavar="FILE",
            help='which column holds what, as JSON: {"Surname": "last_name", "Address": ""}',
        )
        verb.add_argument(
            "--dry-run",
            action="store_true",
            help="show what would happen, row by row; save nothing",
        )
        if name == "registers":
            verb.add_argument(
                "--activity", metavar="NAME", help="the activity, if the sheet does not name it"
            )
            verb.add_argument(
                "--times",
                metavar="HH:MM-HH:MM",
                help="the times of sessions it adds, if the activity has none to copy",
            )
        else:
            verb.set_defaults(activity=None, times=None)


def add_audit_commands(commands: Commands, workspace: argparse.ArgumentParser) -> None:
    audit = commands.add_parser(
        "audit",
        parents=[workspace],
        help="show or export the audit trail (who changed which record, and when)",
        description="Every record added, edited or deleted in the workspace: when, by which "
        "user of the computer, and what changed, newest first. A young person's identifying "
        "details are never copied into the trail.",
    )
    audit.add_argument("--since", metavar="DATE", help="from this day (YYYY-MM-DD)")
    audit.add_argument("--until", metavar="DATE", help="up to this day (YYYY-MM-DD)")
    audit.add_argument(
        "--table",
        metavar="KIND",
        help='one kind of record, e.g. "young people", activity, session, partner',
    )
    audit.add_argument("--user", metavar="NAME", help="changes made by this user only")
    audit.add_argument(
        "--record", metavar="ID", help="one record (with --table): the number it has"
    )
    audit.add_argument(
        "--limit",
        type=int,
        default=AUDIT_SHOWN,
        metavar="N",
        help=f"print the newest N entries (default: {AUDIT_SHOWN}); --out writes them all",
    )
    audit.add_argument(
        "--out",
        type=Path,
        metavar="FILE.csv",
        help="write the entries to a CSV file (opens in Excel) instead of printing them",
    )


def add_config_commands(commands: Commands, workspace: argparse.ArgumentParser) -> None:
    config = commands.add_parser(
        "config",
        help="show a workspace's trust configuration, or update it to a newer version",
        description="Each workspace keeps its own copy of the trust configuration "
        "(trust.toml). An admin hands out changes with a higher version; 'update' takes one "
        "in, after a backup.",
    )
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    actions.add_parser(
        "show",
        parents=[workspace],
        help="the workspace's trust name, configuration version and unit, and whether this "
        "computer has a newer configuration",
    )
    update = actions.add_parser(
        "update",
        parents=[workspace],
        help="take a newer trust configuration into the workspace",
        description="Print what the configuration would change, then back up the workspace "
        "and take it in. An older version, a list entry still used by records, or a change to "
        "the workspace's own unit is refused, saying what to do instead (exit status 1).",
    )
    update.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="the configuration to take in (default: the one installed on this computer)",
    )
    update.add_argument(
        "--dry-run", action="store_true", help="only print what would change; change nothing"
    )

"""``trustdesk privacy ...``: how long young people's details are kept, and a young person's
rights, from the command line.

    trustdesk privacy retention [--apply] [--today DATE]   who is due for removal (and remove)
    trustdesk privacy export --person ID --out FILE.pdf   everything held about one person
    trustdesk privacy erase --person ID --yes             erase one person on request
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from trustdesk import clock
from trustdesk.words import counted

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace


def add_privacy_commands(
    commands: argparse._SubParsersAction, workspace: argparse.ArgumentParser
) -> None:
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


def run_privacy(args: argparse.Namespace, workspace_dir: Path) -> int:
    from trustdesk.store.workspace import open_workspace

    run = {"retention": _retention, "export": _export, "erase": _erase}[args.privacy_command]
    with open_workspace(workspace_dir) as workspace:
        return run(args, workspace)


def _retention(args: argparse.Namespace, workspace: Workspace) -> int:
    from trustdesk.services.retention import removal_report, remove_identifying_details
    from trustdesk.services.validation import required_date

    today = required_date("--today", args.today) if args.today else clock.today()
    with workspace.session() as session:
        report = removal_report(session, today=today)
    print(
        f"Identifying details are kept for {report.years} years after a young person was last "
        f"seen: due for removal are those last seen before {report.cut_off:%d %B %Y}."
    )
    if not report.people:
        print("Nobody is due.")
        return 0
    print(f"{'Number':>7}  {'Last seen':<11} {'Ref':<12} Name")
    for person in report.people:
        print(f"{person.id:>7}  {person.last_seen:%d/%m/%Y}  {person.local_ref:<12} {person.name}")
    if not args.apply:
        print(
            f"{len(report.people)} young people are due. Run again with --apply to remove "
            "their details."
        )
        return 0
    with workspace.session() as session:
        removed = remove_identifying_details(session, today=today)
    print(
        f"Removed the identifying details of {removed} young people; their attendance and "
        "outcomes stay in the counts."
    )
    return 0


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    from trustdesk.reports.subject_access_pdf import write_subject_access_pdf
    from trustdesk.services.subject_access import everything_held

    with workspace.session() as session:
        held = everything_held(session, args.person)
    written = write_subject_access_pdf(
        held,
        args.out,
        trust_name=workspace.config.trust_name,
        unit=workspace.unit,
        made_at=clock.local_now(),
    )
    print(
        f"Wrote everything held about young person number {args.person} to {written}: "
        f"{counted(len(held.attended), 'session')}, {counted(len(held.outcomes), 'outcome')}, "
        f"{counted(len(held.mentions), 'text')} that name them."
    )
    return 0


def _erase(args: argparse.Namespace, workspace: Workspace) -> int:
    from trustdesk.errors import UserError
    from trustdesk.services.subject_access import erase_young_person

    if not args.yes:
        raise UserError(
            f"Young person number {args.person} was not erased: erasing cannot be undone.",
            hint="Check the number, then run the command again with --yes.",
        )
    with workspace.session() as session:
        erased = erase_young_person(session, args.person)
    print(
        f"Erased young person number {args.person}: their identifying details are gone, "
        "their attendance and outcomes stay in the counts without them."
    )
    if erased.mentions_replaced:
        print(
            f"Their name was taken out of {counted(erased.mentions_replaced, 'text')} "
            "(replaced by '[name removed]')."
        )
    return 0

"""``trustdesk privacy ...``: how long young people's details are kept, and a young person's
rights, from the command line.

    trustdesk privacy retention [--apply] [--today DATE]   who is due for removal (and remove)
    trustdesk privacy export --person ID --out FILE.pdf   everything held about one person
    trustdesk privacy erase --person ID --yes             erase one person on request
"""

from __future__ import annotations

import argparse
from pathlib import Path

from trustdesk import clock
from trustdesk.cli import folders
from trustdesk.errors import UserError
from trustdesk.ops import young_people as ops_young_people
from trustdesk.reports.subject_access_pdf import write_subject_access_pdf
from trustdesk.services.retention import removal_report
from trustdesk.services.subject_access import everything_held
from trustdesk.services.validation import required_date
from trustdesk.store.migrate import open_workspace
from trustdesk.store.workspace import Workspace
from trustdesk.words import counted


def run(args: argparse.Namespace) -> int:
    return run_privacy(args, folders.workspace_dir(args))


def run_privacy(args: argparse.Namespace, workspace_dir: Path) -> int:
    run = {"retention": _retention, "export": _export, "erase": _erase}[args.privacy_command]
    with open_workspace(workspace_dir) as workspace:
        return run(args, workspace)


def _retention(args: argparse.Namespace, workspace: Workspace) -> int:
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
    removed = ops_young_people.remove_details_due(workspace, today)
    print(
        f"Removed the identifying details of {removed} young people; their attendance and "
        "outcomes stay in the counts."
    )
    return 0


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
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
    if not args.yes:
        raise UserError(
            f"Young person number {args.person} was not erased: erasing cannot be undone.",
            hint="Check the number, then run the command again with --yes.",
        )
    erased = ops_young_people.erase_young_person(workspace, args.person)
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

"""``trustdesk return ...``: the quarterly return from the command line."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from trustdesk import clock
from trustdesk.errors import UserError
from trustdesk.store.context import context, trust

if TYPE_CHECKING:  # the returns code loads openpyxl and reportlab, the configuration pydantic:
    # only when a verb runs (the desktop starts through this module's parser)
    from sqlmodel import Session

    from trustdesk.config import Period, TrustConfig
    from trustdesk.returns.model import Return


def add_return_commands(
    commands: argparse._SubParsersAction, workspace: argparse.ArgumentParser
) -> None:
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
        help="take in returns whose figures were changed after export (marked as edited)",
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


PERIOD_HELP = "a financial-year quarter such as 2026-27Q1 (default: the last quarter that ended)"


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


def run_return(args: argparse.Namespace, workspace_dir: Path) -> int:
    from trustdesk.store.workspace import open_to_look, open_workspace

    verb = args.return_command
    opening = open_to_look if verb == "status" else open_workspace
    with (
        opening(workspace_dir) as workspace,
        workspace.session() as session,
    ):
        level = context(session).unit.level
        if verb == "consolidate" and level == "locality":
            raise UserError(
                "A locality's return is counted from its records, not added up from others.",
                hint="Run 'trustdesk return export' for a locality workspace.",
            )
        if verb in ("import", "status", "review") and level == "locality":
            raise UserError(
                "A locality workspace has no units below it, so it receives no returns.",
                hint="Import returns in the workspace of the district or county they report to.",
            )
        return VERBS[verb](args, session)


def _period(args: argparse.Namespace) -> Period:
    from trustdesk.config import Period
    from trustdesk.returns.export import default_period

    return Period.parse(args.period) if args.period else default_period(clock.today())


def _export(args: argparse.Namespace, session: Session) -> int:
    from trustdesk.returns.export import export_return

    period = _period(args)
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    result = export_return(session, period, args.out, formats=formats, publication=args.publication)
    ret = result.ret
    made = "Consolidated" if ret.constituents else "Exported"
    print(
        f"{made} the return of {ret.unit_name} ({ret.unit_code}) for {period.label}, "
        f"revision {ret.revision}:"
    )
    for path in result.paths:
        print(f"  {path}")
    if ret.constituents:
        print(f"Built from {_constituents(ret, trust(session))}.")
    warnings = [c for c in result.checks if not c.blocks]
    if warnings:
        print(f"{len(warnings)} thing(s) to look at before the next export:", file=sys.stderr)
        for check in warnings[:20]:
            print(f"  - {check.message}", file=sys.stderr)
        if len(warnings) > 20:
            print(f"  ... and {len(warnings) - 20} more (see the Returns page)", file=sys.stderr)
    return 0


def _constituents(ret: Return, config: TrustConfig) -> str:
    """ "the returns of Burton Town (accepted) and Uttoxeter (not reviewed yet); missing: …"."""
    from trustdesk.returns.consolidate import MISSING

    words = {"accepted": "accepted", "queried": "queried", "received": "not reviewed yet"}
    used = [
        f"{config.unit(c.unit_code).name} ({words.get(c.status, c.status)})"
        for c in ret.constituents
        if c.status != MISSING
    ]
    missing = [config.unit(c.unit_code).name for c in ret.constituents if c.status == MISSING]
    text = f"the returns of {_and(used)}" if used else "no return at all"
    return text + (f"; missing: {_and(missing)}" if missing else "")


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _import(args: argparse.Namespace, session: Session) -> int:
    from trustdesk.returns.importer import changes_listed, import_returns

    report = import_returns(
        session, args.paths, today=clock.today(), accept_edited=args.accept_edited
    )
    if not report.lines:
        raise UserError(
            "There was no file to import in " + ", ".join(str(p) for p in args.paths) + ".",
            hint="Give the return workbooks (.xlsx), or the folder they are in.",
        )
    width = max(len(line.file_name) for line in report.lines)
    for line in report.lines:
        first, *rest = line.summary.splitlines()
        print(f"{line.file_name:<{width}}  {first}")
        for more in rest:
            print(f"{'':<{width}}  {more}")
        for change in changes_listed(line.changes):
            print(f"{'':<{width}}    {change}")
    print(report.summary)
    return 1 if report.any_refused else 0


def _status(args: argparse.Namespace, session: Session) -> int:
    from trustdesk.returns.completeness import chase_list, completeness

    today = clock.today()
    period = _period(args)
    grid = completeness(session, [period], today)
    here = context(session).unit
    print(f"Returns to {here.name} for {period.label}, due {grid.column(period)[0].due:%d %b %Y}:")
    width = max(len(u.name) for u in grid.units)
    for cell in grid.column(period):
        detail = ""
        if cell.in_hand:
            detail = f"revision {cell.revision}, sent {cell.sent_on:%d %b %Y}"
            detail += ", edited after export" if cell.edited else ""
            detail += f": {cell.note}" if cell.note else ""
        print(
            f"  {cell.unit.name:<{width}}  {cell.unit.code:<8} {cell.status:<12} {detail}".rstrip()
        )
    counts = Counter(c.status for c in grid.column(period))
    print(", ".join(f"{n} {status}" for status, n in counts.items()) + ".")
    for chase in chase_list(session, period, today):
        print(f"\n--- Reminder to {chase.unit.name} ---\nSubject: {chase.subject}\n\n{chase.text}")
    return 0


def _review(args: argparse.Namespace, session: Session) -> int:
    from trustdesk.returns.received import current_record
    from trustdesk.returns.review import accept, query

    period = _period(args)
    unit = trust(session).unit(args.unit)
    record = current_record(session, unit.code, period)
    if record is None:
        raise UserError(
            f"No return of {unit.name} for {period.label} has been imported.",
            hint="Run 'trustdesk return status' to see which returns are in.",
        )
    if args.accept:
        accept(session, record.id)  # type: ignore[arg-type]
        print(f"Accepted revision {record.revision} of {unit.name}'s return for {period.label}.")
    else:
        query(session, record.id, args.query)  # type: ignore[arg-type]
        print(f"Queried revision {record.revision} of {unit.name}'s return for {period.label}.")
    return 0


VERBS = {
    "export": _export,
    "consolidate": _export,
    "import": _import,
    "status": _status,
    "review": _review,
}

"""``trustdesk return ...``: the quarterly return from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from sqlmodel import Session

from trustdesk import clock, ops
from trustdesk.cli import folders
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.ops import hand_returns
from trustdesk.ops import returns as returns_ops
from trustdesk.returns import made_how
from trustdesk.returns.completeness import chase_list, completeness
from trustdesk.returns.consolidate import MISSING
from trustdesk.returns.export import default_period
from trustdesk.returns.model import Return
from trustdesk.returns.revision_changes import changes_listed
from trustdesk.store.context import context
from trustdesk.store.migrate import open_to_look, open_workspace
from trustdesk.store.workspace import Workspace
from trustdesk.words import listed


def run(args: argparse.Namespace) -> int:
    return run_return(args, folders.workspace_dir(args))


def run_return(args: argparse.Namespace, workspace_dir: Path) -> int:
    verb = args.return_command
    opening = open_to_look if verb == "status" else open_workspace
    with opening(workspace_dir) as workspace:
        level = workspace.unit.level
        if verb == "consolidate" and level == "locality":
            raise UserError(
                "A locality's return is counted from its records, not added up from others.",
                hint="Run 'trustdesk return export' for a locality workspace.",
            )
        if verb in ("import", "status", "review", "template") and level == "locality":
            raise UserError(
                "A locality workspace has no units below it, so it receives no returns.",
                hint="Import returns in the workspace of the district or county they report to.",
            )
        return VERBS[verb](args, workspace)


def _period(args: argparse.Namespace) -> Period:
    return Period.parse(args.period) if args.period else default_period(clock.today())


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    period = _period(args)
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    result = returns_ops.export_return(
        workspace, period, args.out, formats=formats, publication=args.publication
    )
    ret = result.ret
    made = "Consolidated" if ret.constituents else "Exported"
    print(
        f"{made} the return of {ret.unit_name} ({ret.unit_code}) for {period.label}, "
        f"revision {ret.revision}:"
    )
    for path in result.paths:
        print(f"  {path}")
    if ret.constituents:
        print(f"Built from {_constituents(ret, workspace.config)}.")
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
    words = {"accepted": "accepted", "queried": "queried", "received": "not reviewed yet"}
    used = [
        f"{config.unit(c.unit_code).name} ({words.get(c.status, c.status)})"
        for c in ret.constituents
        if c.status != MISSING
    ]
    missing = [config.unit(c.unit_code).name for c in ret.constituents if c.status == MISSING]
    text = f"the returns of {listed(used)}" if used else "no return at all"
    return text + (f"; missing: {listed(missing)}" if missing else "")


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    report = returns_ops.import_returns(
        workspace, args.paths, today=clock.today(), accept_edited=args.accept_edited
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


def _status(args: argparse.Namespace, workspace: Workspace) -> int:
    return ops.query(workspace, _print_status, _period(args), clock.today())


def _print_status(session: Session, period: Period, today: dt.date) -> int:
    grid = completeness(session, [period], today)
    here = context(session).unit
    print(f"Returns to {here.name} for {period.label}, due {grid.column(period)[0].due:%d %b %Y}:")
    width = max(len(u.name) for u in grid.units)
    for cell in grid.column(period):
        detail = ""
        if cell.in_hand:
            detail = f"revision {cell.revision}, sent {cell.sent_on:%d %b %Y}"
            detail += ", edited after export" if cell.edited else ""
            detail += f", {made_how.words(cell.made_how, cell.unit.level)}" if cell.made_how else ""
            detail += f": {cell.note}" if cell.note else ""
        print(
            f"  {cell.unit.name:<{width}}  {cell.unit.code:<8} {cell.status:<12} {detail}".rstrip()
        )
    counts = Counter(c.status for c in grid.column(period))
    print(", ".join(f"{n} {status}" for status, n in counts.items()) + ".")
    for chase in chase_list(session, period, today):
        print(f"\n--- Reminder to {chase.unit.name} ---\nSubject: {chase.subject}\n\n{chase.text}")
    return 0


def _review(args: argparse.Namespace, workspace: Workspace) -> int:
    period = _period(args)
    unit = workspace.config.unit(args.unit)
    revision = returns_ops.review_current(
        workspace, unit.code, period, query_note=None if args.accept else args.query
    )
    done = "Accepted" if args.accept else "Queried"
    print(f"{done} revision {revision} of {unit.name}'s return for {period.label}.")
    return 0


def _template(args: argparse.Namespace, workspace: Workspace) -> int:
    period, today = _period(args), clock.today()
    made = hand_returns.make_template(workspace, args.unit, period, args.out, today=today)
    print(
        f"Wrote the blank return of {made.unit_name} ({made.unit_code}) for "
        f"{made.period.label} to fill in by hand, revision {made.revision}:\n  {made.path}\n"
        "Send it to them; once filled in, 'trustdesk return import' takes it in, marked as "
        "filled in by hand."
    )
    return 0


VERBS = {
    "export": _export,
    "consolidate": _export,
    "import": _import,
    "status": _status,
    "review": _review,
    "template": _template,
}

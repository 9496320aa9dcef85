"""``trustdesk return ...``: the quarterly return from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


def add_return_commands(
    commands: argparse._SubParsersAction, workspace: argparse.ArgumentParser
) -> None:
    returns = commands.add_parser("return", help="export a quarterly return")
    verbs = returns.add_subparsers(dest="return_command", metavar="ACTION", required=True)
    export = verbs.add_parser(
        "export",
        parents=[workspace],
        help="check, compute and write a period's return (workbook and PDF)",
        description="Check the records, compute the return of the workspace's unit for one "
        "period, and write it as an Excel workbook and a PDF. Prints the paths written.",
    )
    export.add_argument(
        "--period",
        metavar="PERIOD",
        help="a financial-year quarter such as 2026-27Q1 (default: the last quarter that ended)",
    )
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write to")
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
    from trustdesk.config import Period
    from trustdesk.returns.export import default_period, export_return
    from trustdesk.store.workspace import open_workspace

    period = Period.parse(args.period) if args.period else default_period(dt.date.today())
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    with open_workspace(workspace_dir) as workspace, workspace.session() as session:
        result = export_return(
            session, period, args.out, formats=formats, publication=args.publication
        )
    ret = result.ret
    print(
        f"Exported the return of {ret.unit_name} ({ret.unit_code}) for {period.label}, "
        f"revision {ret.revision}:"
    )
    for path in result.paths:
        print(f"  {path}")
    warnings = [c for c in result.checks if not c.blocks]
    if warnings:
        print(f"{len(warnings)} thing(s) to look at before the next export:", file=sys.stderr)
        for check in warnings[:20]:
            print(f"  - {check.message}", file=sys.stderr)
        if len(warnings) > 20:
            print(f"  ... and {len(warnings) - 20} more (see the Returns page)", file=sys.stderr)
    return 0

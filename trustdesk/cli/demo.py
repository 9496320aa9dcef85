"""``trustdesk demo``: a demo workspace, a locality's made-up records or, for a district or
county, its units' returns for the last three quarters (and the year's return of a year that ended among them)."""

from __future__ import annotations

import argparse

from trustdesk.cli import folders
from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.demo.generator import build_demo
from trustdesk.demo.receiving import build_receiving_demo
from trustdesk.services.workspace_info import describe_workspace


def run(args: argparse.Namespace) -> int:
    path = folders.workspace_dir(args)
    unit = load_trust_config(args.config or example_trust_path()).unit(args.unit)
    if unit.level != "locality":
        with build_receiving_demo(
            path, unit_code=unit.code, seed=args.seed, as_of=args.as_of, config_path=args.config
        ) as workspace:
            info = describe_workspace(workspace)
        print(
            f"Created a demo workspace for {info.unit_name} ({info.unit_code}) in {path}: "
            f"{info.counts['Returns']} returns from the "
            f"{len(workspace.config.children(unit.code))} units below it, for the last three "
            "quarters (and the year's return of a year that ended among them)."
        )
        return 0
    with build_demo(
        path,
        unit_code=args.unit,
        size=args.size,
        seed=args.seed,
        as_of=args.as_of,
        config_path=args.config,
    ) as workspace:
        info = describe_workspace(workspace)
    print(
        f"Created a {args.size} demo workspace for {info.unit_name} ({info.unit_code}) in {path}: "
        f"{info.counts['Sessions']} sessions, {info.counts['Attendance marks']} attendance marks, "
        f"{info.counts['Partners']} partners, {info.first_session} to {info.last_session}."
    )
    return 0

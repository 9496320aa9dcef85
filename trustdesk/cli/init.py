"""``trustdesk init``: create a workspace for a unit."""

from __future__ import annotations

import argparse

from trustdesk.cli import folders
from trustdesk.config.trust import load_trust_config
from trustdesk.ops.trust_update import check_targets
from trustdesk.store.migrate import create_workspace


def run(args: argparse.Namespace) -> int:
    path = folders.workspace_dir(args)
    if args.config:
        check_targets(load_trust_config(args.config))
    with create_workspace(path, args.unit, config_path=args.config) as workspace:
        unit = workspace.unit
        print(f"Created a workspace for {unit.name} ({unit.code}, {unit.level}) in {path}")
    return 0

"""``trustdesk info``: a workspace's unit and how many records of each kind it holds."""

from __future__ import annotations

import argparse
import json

from trustdesk.cli import folders
from trustdesk.services.workspace_info import describe_workspace
from trustdesk.store.migrate import open_to_look


def run(args: argparse.Namespace) -> int:
    with open_to_look(folders.workspace_dir(args)) as workspace:
        info = describe_workspace(workspace)
    if args.json:
        print(json.dumps(info.as_dict(), indent=2))
        return 0
    rows = [
        ("Workspace", info.path),
        ("Trust", info.trust),
        ("Unit", f"{info.unit_name} ({info.unit_code})"),
        ("Level", info.level + (f", part of {info.parent}" if info.parent else "")),
        ("Schema", f"{info.schema} (this TrustDesk understands up to {info.schema_supported})"),
        ("Created", f"{info.created_at} by {info.created_by}"),
        (
            "Sessions",
            f"{info.first_session} to {info.last_session}" if info.first_session else "none yet",
        ),
    ]
    for label, value in rows:
        print(f"{label:<10} {value}")
    print("Records")
    width = max(len(label) for label in info.counts)
    for label, count in info.counts.items():
        print(f"  {label:<{width}} {count:>8,}")
    return 0

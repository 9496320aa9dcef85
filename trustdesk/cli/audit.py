"""``trustdesk audit``: who added, edited or deleted which record and when, from the command
line, newest first; or the whole of it (as filtered) written to a CSV file."""

from __future__ import annotations

import argparse
from pathlib import Path

from trustdesk.cli import folders
from trustdesk.services.audit import count_audit, export_audit_csv, list_audit
from trustdesk.store.migrate import open_workspace


def run(args: argparse.Namespace) -> int:
    return run_audit(args, folders.workspace_dir(args))


def run_audit(args: argparse.Namespace, workspace_dir: Path) -> int:
    filters = {
        "since": args.since,
        "until": args.until,
        "table": args.table,
        "user": args.user,
        "record_id": args.record,
    }
    # Read-only: the trail can be looked at while TrustDesk has the workspace open.
    with open_workspace(workspace_dir, read_only=True) as workspace, workspace.session() as session:
        if args.out:
            written = export_audit_csv(session, args.out, **filters)
            print(f"Wrote {written:,} audit entr{'y' if written == 1 else 'ies'} to {args.out}.")
            return 0
        rows = list_audit(session, limit=max(args.limit, 0), **filters)
        total = count_audit(session, **filters)
    for row in rows:
        print(f"{row.at:%Y-%m-%d %H:%M}  {row.user:<12}  {row.description}")
    if not total:
        print("No audit entries" + (" match." if any(filters.values()) else " yet."))
    elif total > len(rows):
        print(
            f"(the newest {len(rows):,} of {total:,}: narrow them with --since, --table or "
            "--user, or write them all with --out FILE.csv)"
        )
    return 0

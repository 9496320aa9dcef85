"""``trustdesk audit``: who added, edited or deleted which record and when, from the command
line, newest first; or the whole of it (as filtered) written to a CSV file."""

from __future__ import annotations

import argparse
from pathlib import Path

SHOWN = 50  # entries printed unless --limit says otherwise


def add_audit_commands(
    commands: argparse._SubParsersAction, workspace: argparse.ArgumentParser
) -> None:
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
        default=SHOWN,
        metavar="N",
        help=f"print the newest N entries (default: {SHOWN}); --out writes them all",
    )
    audit.add_argument(
        "--out",
        type=Path,
        metavar="FILE.csv",
        help="write the entries to a CSV file (opens in Excel) instead of printing them",
    )


def run_audit(args: argparse.Namespace, workspace_dir: Path) -> int:
    from trustdesk.services.audit import count_audit, export_audit_csv, list_audit
    from trustdesk.store.workspace import open_workspace

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

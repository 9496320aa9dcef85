"""``trustdesk print ...``: paper out, from the command line.

trustdesk print sign-in --session ID [--session ID ...] --out FILE.pdf
trustdesk print agenda --meeting ID --out FILE.pdf
trustdesk print minutes --meeting ID --out FILE.pdf
"""

from __future__ import annotations

import argparse
from pathlib import Path

from trustdesk import clock
from trustdesk.cli import folders
from trustdesk.ops import paper
from trustdesk.store.migrate import open_to_look


def run(args: argparse.Namespace) -> int:
    return run_print(args, folders.workspace_dir(args))


def run_print(args: argparse.Namespace, workspace_dir: Path) -> int:
    with open_to_look(workspace_dir) as workspace:
        if args.print_command == "sign-in":
            written = paper.print_sign_in(workspace, args.session, args.out)
            what = "sign-in sheet" if len(args.session) == 1 else "sign-in sheets"
        elif args.print_command == "lists":
            written = paper.save_lists(workspace, args.out)
            what = "partners, contact log, activities and sessions"
        elif args.print_command == "agenda":
            written = paper.print_agenda(workspace, args.meeting, args.out, clock.today())
            what = "agenda"
        else:
            written = paper.print_minutes(workspace, args.meeting, args.out, clock.today())
            what = "minutes"
    print(f"Wrote the {what} to {written}")
    return 0

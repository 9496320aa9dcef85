"""``trustdesk screenshots``: every page of the window as a PNG file, without a display."""

from __future__ import annotations

import argparse

from trustdesk.cli import folders
from trustdesk.ui.screenshots import take_screenshots


def run(args: argparse.Namespace) -> int:
    for path in take_screenshots(folders.workspace_dir(args), args.out, today=args.today):
        print(path)
    return 0

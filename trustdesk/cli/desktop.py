"""``trustdesk`` with no command: the desktop. It imports Qt, and the window (which shows
itself before the database libraries are loaded), nothing more."""

from __future__ import annotations

import argparse

from trustdesk.ui.app import run_desktop


def run(args: argparse.Namespace) -> int:
    # None: the default folder, opened only if a workspace was made there (else the window
    # says how to make one, rather than showing an error on first start).
    return run_desktop(getattr(args, "workspace", None))

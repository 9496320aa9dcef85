"""``trustdesk --self-test``: the steps that need no display (trustdesk.self_test) and the
window's (trustdesk/ui/self_test_window.py), in the order they run."""

from __future__ import annotations

import argparse

from trustdesk.self_test import installation, records, returns, run_self_test, safekeeping
from trustdesk.ui import self_test_window as window

STEPS = (
    installation.RESOURCES,
    installation.CONFIGURATION,
    # Early: a Qt that cannot start (no display, a platform plug-in missing) stops the
    # program itself, before the workspace is made, with Qt's own message.
    window.QT_STARTED,
    window.LOOK,
    installation.CREATE_WORKSPACE,
    records.WRITE_RECORDS,
    records.READ_RECORDS,
    records.AUDIT_TRAIL,
    returns.EXPORT_RETURN,
    returns.READ_RETURN,
    safekeeping.SUBJECT_ACCESS,
    safekeeping.BACKUP,
    installation.REOPEN,
    window.WINDOW,
    installation.REMOVE,
)


def run(args: argparse.Namespace) -> int:
    return run_self_test(STEPS)

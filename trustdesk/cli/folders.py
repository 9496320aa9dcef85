"""Where a command's workspace is: ``--workspace DIR``, or the user's TrustDesk data folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from trustdesk.store.workspace import default_workspace_dir


def workspace_dir(args: argparse.Namespace) -> Path:
    return getattr(args, "workspace", None) or default_workspace_dir()

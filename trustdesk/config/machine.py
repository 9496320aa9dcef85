"""The trust configuration an admin installed for every user of this computer.

Nobody types a path: TrustDesk looks, in order, for ``trust.toml``

1. beside the program (the folder of the installed executable, or ``/opt/trustdesk``), where
   the Windows installer puts the file given to it with ``/CONFIG=path``;
2. in the system-wide configuration folder: ``%PROGRAMDATA%\\TrustDesk`` on Windows,
   ``/etc/trustdesk`` on Linux (the ``.deb`` keeps it there as a configuration file the admin
   may replace), ``/Library/Application Support/TrustDesk`` on macOS.

``TRUSTDESK_MACHINE_CONFIG_DIR`` names one folder to look in instead of all of these (the
tests use it; an admin may too, e.g. for a shared drive).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MACHINE_CONFIG_NAME = "trust.toml"
ENV_FOLDER = "TRUSTDESK_MACHINE_CONFIG_DIR"


def machine_config_folders() -> list[Path]:
    """Where a machine-wide configuration may be, in the order they are looked in."""
    chosen = os.environ.get(ENV_FOLDER)
    if chosen:
        return [Path(chosen)]
    folders: list[Path] = []
    if getattr(sys, "frozen", False):
        folders.append(Path(sys.executable).resolve().parent)
    if sys.platform == "win32":
        folders.append(Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "TrustDesk")
    elif sys.platform == "darwin":
        folders.append(Path("/Library/Application Support/TrustDesk"))
    else:
        folders += [Path("/opt/trustdesk"), Path("/etc/trustdesk")]
    return folders


def find_machine_config() -> Path | None:
    """The machine-wide ``trust.toml``, if an admin installed one (not checked here: loading
    it says what is wrong with it)."""
    for folder in machine_config_folders():
        candidate = folder / MACHINE_CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None

"""Where the details of an unexpected error (a bug, not a user's mistake) are kept: one log
file in the per-user log folder, written by the command line and the desktop alike."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import platformdirs

from trustdesk import APP_NAME, __version__, clock


def bug_log_path() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False) / "trustdesk-errors.log"


def write_bug_report(exc: BaseException) -> Path | None:
    """Append the error and its traceback to the bug log; returns the file, or None if even
    that could not be written (a full disk, say)."""
    path = bug_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(
                f"--- {clock.local_now().isoformat(timespec='seconds')} {APP_NAME} {__version__} {sys.argv!r}\n"
            )
            handle.write("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        return None

"""Where the details of an unexpected error (a bug, not a user's mistake) are kept: one log
file in the per-user log folder, written by the command line and the desktop alike.

What TrustDesk logs (a save that failed on a full disk, a file it could not read) goes to
``trustdesk.log`` in the same folder, set up once by :func:`keep_log` where TrustDesk starts:
never to the terminal, where Python would otherwise print each record with its traceback."""

from __future__ import annotations

import logging
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


LOG_NAME = "trustdesk.log"


class _QuietFileHandler(logging.FileHandler):
    """A log file made (with its folder) only when there is something to log, and that,
    when it cannot be written (a full disk), says nothing about it."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
            super().emit(record)  # opens the file (delay=True) the first time
        except OSError:
            pass

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802  # logging's name
        pass


def keep_log() -> None:
    """Send TrustDesk's log records to :data:`LOG_NAME` in the log folder (made only when a
    record comes; nowhere, if it cannot be), once however often it is called; never to the
    terminal."""
    root = logging.getLogger()
    if any(getattr(handler, "trustdesk", False) for handler in root.handlers):
        return
    handler: logging.Handler
    try:
        path = bug_log_path().parent / LOG_NAME
        handler = _QuietFileHandler(path, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        handler = logging.NullHandler()
    setattr(handler, "trustdesk", True)  # marks the one set up here  # noqa: B010
    root.addHandler(handler)

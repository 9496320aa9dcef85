"""The files an import takes in, as the officer sees them: which files of a folder are
looked at, their names as the report shows and the workspace keeps them, and the words
for a file that TrustDesk itself failed on.

A file's name comes from the disk as it is. On Linux a name that is not valid UTF-8 (a
USB stick written by an old Windows or Mac, ``b"R\\xe9turn.xlsx"``) reaches Python with
stand-in characters that can be neither printed nor saved; :func:`shown_name` gives the
form that can (``R\ufffdturn.xlsx``), while the file is still opened by its own name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

from trustdesk.bug_report import write_bug_report
from trustdesk.errors import UserError
from trustdesk.store.sqlite_errors import explain_database_error

log = logging.getLogger(__name__)

# In a folder, the files that may be returns: workbooks, and what a wrong file sent instead
# would be (refused with a reason). Everything else there (the PDF copies sent with the
# workbooks, Thumbs.db, notes) is skipped, and so is what Office and LibreOffice leave
# beside a file while it is open.
FOLDER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".zip")
SKIPPED_PREFIXES = ("~$", ".~lock", ".")

FAULT = (
    "It could not be looked at because of a fault in TrustDesk (not in the file, and not "
    "something you did); nothing of it was kept."
)
FAULT_REPORTED = "The details are in {where}: please send that file to your support contact."
FAULT_NOT_REPORTED = "Please tell your support contact which file it was."


def return_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: each file given, and the workbooks in each folder given (and its
    subfolders), in name order with numbers in order (``_r2`` before ``_r10``)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                (
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in FOLDER_SUFFIXES
                    and not p.name.startswith(SKIPPED_PREFIXES)
                ),
                key=_natural,
            )
        else:
            found.append(path)
    return found


def _natural(path: Path) -> list[str | int]:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", str(path))]


def shown_name(text: str | Path) -> str:
    """A file's name (or a text naming one) in a form that can be printed, shown and saved:
    bytes that were not UTF-8 become \ufffd."""
    text = text.name if isinstance(text, Path) else text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")  # the bytes of the name on the disk
    except UnicodeEncodeError:  # a lone UTF-16 half (a Windows name)
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def fault_reason(exc: BaseException) -> str:
    """The report's reason for a file TrustDesk failed on (a bug, not the file's fault):
    the details go to the bug report, and the reason says where."""
    where = write_bug_report(exc)
    then = FAULT_REPORTED.format(where=where) if where else FAULT_NOT_REPORTED
    return f"{FAULT}\n{then}"


def unexpected(exc: Exception, path: Path) -> str:
    """The reason for a file whose import raised: a user's error as it says, a failure to
    save as :func:`not_saved`, anything else a fault in TrustDesk, with a bug report."""
    if isinstance(exc, UserError):
        return str(exc)
    if explain_database_error(exc) is not None:
        return not_saved(exc, None)
    log.error("Importing %s failed", shown_name(path), exc_info=exc)
    return fault_reason(exc)


def not_saved(exc: BaseException, where: Path | None) -> str:
    """Why a file could not be saved in the workspace (``where``), in the disk's own terms."""
    why = explain_database_error(exc, where)
    then = why.hint if why and why.hint else "Run 'trustdesk check' on the workspace."
    return (
        f"It could not be saved in the workspace ({why.message if why else exc}); "
        f"nothing of it was kept.\n{then} Then import it again."
    )

"""SQLite's failures a user can act on (a busy, full, read-only or damaged workspace) in plain
words. Light on purpose (no SQLAlchemy): the desktop's error handling imports it before the
database libraries are loaded.

SQLite does not always say that the disk is to blame: on a full disk or a read-only drive
it may say "disk I/O error" or "unable to open database file", as it would for a damaged
file. :func:`disk_problem` asks the disk itself, so that a full disk is never called
damage (and a restore that would lose recent work is never advised for it)."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from trustdesk.errors import WorkspaceError

# Below this much free space SQLite cannot even open a workspace (its shared-memory file,
# its write-ahead log): the disk is as good as full.
LOW_SPACE = 256 * 1024
NOT_ALLOWED = (errno.EACCES, errno.EPERM)
NOT_DAMAGED = "The workspace itself is not damaged, and nothing saved before was lost."


def explain_database_error(exc: BaseException, where: Path | None = None) -> WorkspaceError | None:
    """A plain message for the SQLite (and disk) failures a user can act on, or None for
    anything else. ``where``: the workspace's folder (or database), named in the message and
    asked whether its disk is full or read-only when SQLite's words could mean damage."""
    original = getattr(exc, "orig", exc)  # SQLAlchemy's DBAPIError wraps sqlite3's own
    if isinstance(original, OSError):  # only those that can only be about writing
        if original.errno not in (errno.ENOSPC, errno.EROFS):
            return None
        named = Path(os.fsdecode(original.filename)).parent if original.filename else None
        return disk_problem(where or named, original.errno)
    if not isinstance(original, sqlite3.DatabaseError):
        return None
    text = str(original).lower()
    place = f" ({where})" if where else ""
    if "locked" in text or "busy" in text:
        return WorkspaceError(
            f"The workspace{place} is busy: another program is writing to it.",
            hint="Close the other TrustDesk window or program and try again. Nothing was lost.",
        )
    if "disk is full" in text or "database or disk is full" in text:
        return WorkspaceError(
            f"The disk holding the workspace{place} is full, so the last change was not saved.",
            hint="Free some space (or move the workspace) and try again. Earlier records are safe.",
        )
    found = environment_problem(original, where) if where else None
    if found is not None:
        return found
    if "readonly" in text or "read-only" in text:
        return WorkspaceError(
            f"The workspace{place} cannot be written to (read-only).",
            hint="Check the folder's permissions, or copy the workspace somewhere you can write.",
        )
    if "unable to open" in text:
        return WorkspaceError(
            f"The workspace database{place} cannot be opened.",
            hint="Check that the folder exists, that you can write to it, and that the drive is connected.",
        )
    if "not a database" in text or "malformed" in text or "disk i/o" in text:
        return WorkspaceError(
            f"The workspace database{place} is damaged or is not a TrustDesk database ({original}).",
            hint="Restore it from a backup.",
        )
    return None


def environment_problem(exc: BaseException, where: Path) -> WorkspaceError | None:
    """When SQLite (or the system) failed because of the disk the workspace is on (full,
    read-only, not allowed), what to tell the user; None when the disk is not to blame (a
    damaged file, a bug). ``where``: the workspace's folder or its database file."""
    original = getattr(exc, "orig", exc)
    folder = where if where.is_dir() else where.parent
    if isinstance(original, OSError):
        return disk_problem(folder, original.errno)
    if not isinstance(original, sqlite3.DatabaseError):
        return None
    text = str(original).lower()
    if "disk is full" in text:
        return disk_problem(folder, errno.ENOSPC)
    if any(words in text for words in ("readonly", "read-only", "disk i/o", "unable to open")):
        return disk_problem(folder) or _read_only_file(where)
    return None


def disk_problem(folder: Path | None, error: int | None = None) -> WorkspaceError | None:
    """What stops TrustDesk writing in ``folder``: the system's error number (ENOSPC, EROFS,
    EACCES), else the disk asked (its free space, whether it is mounted read-only, whether
    this user may write there); None when nothing is wrong with it."""
    asked = error is None and folder is not None and folder.is_dir()
    if error == errno.ENOSPC or (asked and folder and _free_space(folder) < LOW_SPACE):
        there = f" in {folder}" if folder else ""
        return WorkspaceError(
            f"The disk is full: TrustDesk cannot save anything{there}.",
            hint="Free some space on that disk (empty the wastebasket, move big files "
            f"elsewhere) and try again. {NOT_DAMAGED}",
        )
    where = f"the folder {folder}" if folder else "the disk"
    if error == errno.EROFS or (asked and folder and _mounted_read_only(folder)):
        return WorkspaceError(
            f"TrustDesk cannot write to {where}: it is read-only.",
            hint="If it is on a USB stick or memory card, check its lock switch; otherwise copy "
            f"the workspace to a folder you can write to and open it there. {NOT_DAMAGED}",
        )
    if error in NOT_ALLOWED or (asked and folder and not os.access(folder, os.W_OK)):
        return WorkspaceError(
            f"TrustDesk cannot write to {where}: you are not allowed to change files there.",
            hint="Ask whoever looks after the computer to let you, or copy the workspace to a "
            f"folder of your own and open it there. {NOT_DAMAGED}",
        )
    return None


def _read_only_file(where: Path) -> WorkspaceError | None:
    if not where.is_file() or os.access(where, os.W_OK):
        return None
    return WorkspaceError(
        f"TrustDesk cannot write to {where}: the file is marked read-only.",
        hint="Clear its read-only mark (in its properties), or copy the workspace to a folder "
        f"of your own and open it there. {NOT_DAMAGED}",
    )


def _free_space(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return LOW_SPACE  # cannot tell: not called full


def _mounted_read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # Windows has no statvfs: it says EROFS or EACCES
        return False

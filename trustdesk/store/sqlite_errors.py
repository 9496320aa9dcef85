"""SQLite's failures a user can act on (a busy, full, read-only or damaged workspace) in plain
words. Light on purpose (no SQLAlchemy): the desktop's error handling imports it before the
database libraries are loaded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from trustdesk.errors import WorkspaceError


def explain_database_error(exc: BaseException, where: Path | None = None) -> WorkspaceError | None:
    """A plain message for the SQLite failures a user can act on, or None for anything else."""
    original = getattr(exc, "orig", exc)  # SQLAlchemy's DBAPIError wraps sqlite3's own
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

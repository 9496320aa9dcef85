"""The SQLite engine of one workspace, built on demand (never at import time).

Every connection runs with WAL journalling, ``synchronous=FULL`` (a power cut never loses
a committed record), enforced foreign keys and a busy timeout. pysqlite's own transaction
handling is switched off and SQLAlchemy emits ``BEGIN`` itself, so DDL is transactional:
a migration that fails part-way is rolled back whole.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from trustdesk.errors import WorkspaceError

BUSY_TIMEOUT_MS = 5000


def make_engine(db_path: Path, *, foreign_keys: bool = True) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # autocommit at the driver; we BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN")

    return engine


def explain_database_error(exc: BaseException, where: Path | None = None) -> WorkspaceError | None:
    """A plain message for the SQLite failures a user can act on, or None for anything else."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
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

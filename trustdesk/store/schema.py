"""Which schema a workspace's database is at, read without Alembic.

The number of the newest migration (``migrations/versions/0001_...``) is the schema this
TrustDesk writes, and the schema of a file is its ``PRAGMA user_version``: both are read
here without importing Alembic (a fifth of a second), so opening an up-to-date workspace,
as every start does, never imports it. :mod:`trustdesk.store.migrate` runs the migrations.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from trustdesk import __version__
from trustdesk.errors import WorkspaceError
from trustdesk.store.engine import read_only_uri
from trustdesk.store.sqlite_errors import environment_problem

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@cache
def head_schema() -> int:
    """The schema revision this TrustDesk writes: the newest migration's number, read from the
    file names."""
    return max(
        int(path.name[:4])
        for path in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    )


def read_schema(db_path: Path) -> int:
    """The schema revision recorded in the file, without changing it (0 for a new file)."""
    if not db_path.exists():
        return 0
    try:
        connection = sqlite3.connect(read_only_uri(db_path), uri=True)
        try:
            version: int = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        cause = environment_problem(exc, db_path)  # a full or read-only disk is not damage
        if cause is not None:
            raise cause from None
        raise WorkspaceError(
            f"{db_path} is not a TrustDesk workspace database, or it is damaged ({exc}).",
            hint="Choose another folder, or restore the workspace from a backup.",
        ) from None
    if version == 0 and tables - {"alembic_version"}:
        raise WorkspaceError(
            f"{db_path} is an SQLite database, but not one made by TrustDesk.",
            hint="Choose another folder for the workspace.",
        )
    return version


def check_not_newer(db_path: Path) -> int:
    schema = read_schema(db_path)
    if schema > head_schema():
        raise WorkspaceError(
            f"This workspace was saved by a newer TrustDesk (schema {schema}); this is "
            f"TrustDesk {__version__}, which understands schema {head_schema()} at most.",
            hint="Install the newer TrustDesk to open it. The workspace has not been changed.",
        )
    return schema

"""Bring a workspace's database to the schema this TrustDesk understands.

Schema changes are Alembic migrations (``migrations/versions``), named ``0001_...``,
``0002_...``: the number is the schema revision and is also written to
``PRAGMA user_version``, which can be read without Alembic and before touching anything.
So an older TrustDesk refuses a newer workspace instead of damaging it.

All pending migrations run in one transaction with foreign keys off (batch mode re-creates
tables, which must not cascade deletes); foreign keys are checked before the commit.
Anything that goes wrong rolls the database back to exactly what it was, and an existing
workspace is first copied into its `backups` folder with SQLite's backup API.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config

from trustdesk import __version__
from trustdesk.errors import WorkspaceError
from trustdesk.store.engine import make_engine, read_only_uri
from trustdesk.store.sqlite_errors import environment_problem

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def head_schema() -> int:
    """The schema revision this TrustDesk writes: the newest migration's number, read from the
    file names so that opening an up-to-date workspace never has to import Alembic (a quarter
    of a second on every start)."""
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


def upgrade(db_path: Path) -> tuple[int, int]:
    """Migrate the database to the head schema; returns (schema before, schema after).
    Opening a workspace makes a checked backup first
    (:func:`trustdesk.store.backups.backup_before_upgrade`)."""
    before = check_not_newer(db_path)
    head = head_schema()
    if before == head:
        return before, head
    engine = make_engine(db_path, foreign_keys=False)
    try:
        with engine.connect() as connection, connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                table, rowid, parent, _ = broken[0]
                raise WorkspaceError(
                    f"The workspace could not be upgraded: {len(broken)} record(s) refer to "
                    f"records that do not exist (first: {table} row {rowid} -> {parent}).",
                    hint="The workspace has been left exactly as it was. Send it to your "
                    "TrustDesk support contact.",
                )
            connection.exec_driver_sql(f"PRAGMA user_version = {head}")
    finally:
        engine.dispose()
    return before, head

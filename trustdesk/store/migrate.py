"""Bring a workspace's database to the schema this TrustDesk understands.

Schema changes are Alembic migrations (``migrations/versions``), named ``0001_...``,
``0002_...``: the number is the schema revision and is also written to
``PRAGMA user_version``, which can be read without Alembic and before touching anything.
So an older TrustDesk refuses a newer workspace instead of damaging it.

All pending migrations run in one transaction with foreign keys off (batch mode re-creates
tables, which must not cascade deletes); foreign keys are checked before the commit.
Anything that goes wrong rolls the database back to exactly what it was, and an existing
workspace is first copied into its `backups` folder with SQLite's backup API.

This module imports Alembic, so it opens (and makes) workspaces for the command line, the
tests and the window's later opens; the window's first open at start-up uses
:func:`trustdesk.store.workspace.open_workspace`, which needs no Alembic, and comes here
only for an older workspace (:mod:`trustdesk.store.schema`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config

from trustdesk.errors import WorkspaceError, WorkspaceLocked
from trustdesk.store import workspace
from trustdesk.store.engine import make_engine
from trustdesk.store.lock import WorkspaceLock
from trustdesk.store.schema import MIGRATIONS_DIR, check_not_newer, head_schema
from trustdesk.store.workspace import Workspace


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def open_workspace(
    path: Path,
    *,
    read_only: bool = False,
    take_over: bool = False,
    lock: WorkspaceLock | None = None,
) -> Workspace:
    """Open a workspace (:func:`trustdesk.store.workspace.open_workspace`), upgrading one
    saved by an older TrustDesk: a checked backup first, then its migrations."""
    return workspace.open_workspace(
        path, read_only=read_only, take_over=take_over, lock=lock, upgrade=upgrade
    )


def open_to_look(path: Path) -> Workspace:
    """Open a workspace to read from it (upgrading it if it is old), or read-only when
    TrustDesk has it open: looking never needs the lock."""
    try:
        return open_workspace(path)
    except WorkspaceLocked:
        return open_workspace(path, read_only=True)


def create_workspace(
    path: Path,
    unit_code: str,
    *,
    config_path: Path | None = None,
    created_at: datetime | None = None,
    workspace_id: str | None = None,
) -> Workspace:
    """Make a new workspace (:func:`trustdesk.store.workspace.create_workspace`), its
    database built by the migrations."""
    return workspace.create_workspace(
        path,
        unit_code,
        config_path=config_path,
        created_at=created_at,
        workspace_id=workspace_id,
        build_schema=upgrade,
    )


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

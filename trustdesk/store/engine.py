"""The SQLite engine of one workspace, built on demand (never at import time).

Every connection runs with WAL journalling, ``synchronous=FULL`` (a power cut never loses
a committed record), enforced foreign keys and a busy timeout. pysqlite's own transaction
handling is switched off and SQLAlchemy emits ``BEGIN`` itself, so DDL is transactional:
a migration that fails part-way is rolled back whole.

A workspace opened read-only (another TrustDesk has it open to change it) connects with
SQLite's ``mode=ro``: SQLite itself refuses every write, and the refusal is said in plain
words — nothing was saved, and why.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, Engine, ExceptionContext, create_engine, event

from trustdesk.errors import WorkspaceError

BUSY_TIMEOUT_MS = 5000


def make_engine(
    db_path: Path, *, foreign_keys: bool = True, read_only_because: str | None = None
) -> Engine:
    """The engine of a workspace database; ``read_only_because`` (e.g. "Sam on LAPTOP-7 has
    it open") makes it read-only, and says why when something tries to write."""
    if read_only_because is None:
        engine = create_engine(
            f"sqlite:///{db_path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
        )
    else:
        engine = _read_only_engine(Path(db_path), read_only_because)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # autocommit at the driver; we BEGIN ourselves
        cursor = dbapi_connection.cursor()
        if read_only_because is None:  # WAL is the file's own setting, made by its writer
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def read_only_uri(db_path: Path) -> str:
    """The SQLite URI that opens ``db_path`` read-only, whatever its name holds (spaces,
    ``#``, ``?``) and wherever it is (``/home/…``, ``C:\\…``, ``\\\\server\\share\\…``)."""
    path = Path(db_path).absolute().as_posix()
    return f"file://{'' if path.startswith('/') else '/'}{quote(path, safe='/:')}?mode=ro"


def _read_only_engine(db_path: Path, because: str) -> Engine:
    uri = read_only_uri(db_path)
    engine = create_engine(
        f"sqlite:///{db_path}",  # a file, so SQLAlchemy pools connections as for one
        creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        ),
    )

    @event.listens_for(engine, "handle_error")
    def _refuse_writes(context: ExceptionContext) -> None:
        if "readonly" in str(context.original_exception).lower():
            raise read_only_refusal(because) from None

    return engine


def read_only_refusal(because: str) -> WorkspaceError:
    """What a change to a workspace opened read-only is refused with."""
    return WorkspaceError(f"This workspace is open read-only because {because}; nothing was saved.")

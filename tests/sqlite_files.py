"""Looking inside, and spoiling, workspace database files for the tests of upgrades,
backups and damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def every_record(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, by table name, in a fixed order."""
    connection = sqlite3.connect(db_path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }
    finally:
        connection.close()


def damage(db_path: Path) -> None:
    """Scribble over a table page, as a failing disk might; the file's header survives."""
    data = bytearray(db_path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200
    db_path.write_bytes(bytes(data))
    for extra in ("-wal", "-shm"):
        Path(f"{db_path}{extra}").unlink(missing_ok=True)

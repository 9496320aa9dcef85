from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from trustdesk.errors import WorkspaceError
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.store.schema import read_schema
from trustdesk.store.sqlite_errors import explain_database_error
from trustdesk.store.workspace import default_workspace_dir


def test_connections_are_safe_for_a_power_cut(workspace):
    with workspace.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_workspace_knows_its_unit_and_level(tmp_path: Path):
    create_workspace(tmp_path / "district", "LIC").close()
    with open_workspace(tmp_path / "district") as workspace:
        assert (workspace.unit.code, workspace.unit.level) == ("LIC", "district")
    assert (tmp_path / "district" / "trust.toml").is_file()


def test_missing_workspace_says_how_to_make_one(tmp_path: Path):
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(tmp_path / "nowhere")
    assert caught.value.message == f"There is no TrustDesk workspace in {tmp_path / 'nowhere'}."
    assert "trustdesk init" in caught.value.hint


def test_creating_over_a_workspace_is_refused(workspace):
    with pytest.raises(WorkspaceError, match="already holds a TrustDesk workspace"):
        create_workspace(workspace.path, "LIC-BUR")


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path):
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "trustdesk.sqlite").write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    with pytest.raises(
        WorkspaceError, match="is not a TrustDesk workspace database, or it is damaged"
    ):
        open_workspace(folder)


def test_another_programs_sqlite_database_is_refused(tmp_path: Path):
    folder = tmp_path / "ws"
    folder.mkdir()
    other = sqlite3.connect(folder / "trustdesk.sqlite")
    other.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    other.commit()
    other.close()
    with pytest.raises(WorkspaceError, match="an SQLite database, but not one made by TrustDesk"):
        open_workspace(folder)


def test_default_workspace_is_the_per_user_data_folder():
    assert default_workspace_dir().name == "TrustDesk"


@pytest.mark.parametrize(
    ("sqlite_message", "expected"),
    [
        ("database is locked", "is busy: another program is writing to it"),
        ("database or disk is full", "is full, so the last change was not saved"),
        ("attempt to write a readonly database", "cannot be written to (read-only)"),
        ("unable to open database file", "cannot be opened"),
    ],
)
def test_database_failures_are_explained(sqlite_message, expected):
    error = OperationalError("INSERT ...", {}, sqlite3.OperationalError(sqlite_message))
    assert expected in explain_database_error(error).message


def test_a_bug_is_not_dressed_up_as_a_user_error():
    assert explain_database_error(ValueError("boom")) is None
    assert explain_database_error(sqlite3.OperationalError("no such column: x")) is None


def test_a_creation_that_fails_part_way_leaves_nothing_behind(tmp_path: Path, monkeypatch):
    from trustdesk.store import migrate

    def disk_full(db_path):
        db_path.write_bytes(b"")  # SQLite had started the file
        raise WorkspaceError("The disk holding the workspace is full.")

    monkeypatch.setattr(migrate, "upgrade", disk_full)
    with pytest.raises(WorkspaceError, match="disk holding the workspace is full"):
        create_workspace(tmp_path / "ws", "LIC-BUR")
    assert list((tmp_path / "ws").iterdir()) == []
    monkeypatch.undo()
    create_workspace(tmp_path / "ws", "LIC-BUR").close()  # and trying again works


def test_a_broken_configuration_stops_the_open_before_any_upgrade(tmp_path: Path):
    import shutil

    old = tmp_path / "old"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "schema1-workspace", old)
    (old / "trust.toml").write_text("format = \n", encoding="utf-8")
    from trustdesk.errors import ConfigError

    with pytest.raises(ConfigError, match="line 1"):
        open_workspace(old)
    assert read_schema(old / "trustdesk.sqlite") == 1
    assert not (old / "backups").exists()

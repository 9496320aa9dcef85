"""Workspaces already on coordinators' laptops must open in every later TrustDesk with
nothing lost; a failed upgrade must leave them exactly as they were."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel, select

from tests.sqlite_files import every_record
from trustdesk.config.periods import Period
from trustdesk.errors import WorkspaceError
from trustdesk.returns.compute import compute_return
from trustdesk.store import migrate
from trustdesk.store import models as m
from trustdesk.store.migrate import open_workspace
from trustdesk.store.schema import head_schema, read_schema

SCHEMA1 = Path(__file__).parents[1] / "fixtures" / "schema1-workspace"


@pytest.fixture
def schema1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "old-workspace"
    shutil.copytree(SCHEMA1, target)
    return target


def test_head_schema_is_alembics_head_revision():
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    assert f"{head_schema():04d}" == head


def test_fixture_really_is_the_first_schema():
    assert read_schema(SCHEMA1 / "trustdesk.sqlite") == 1
    assert "return_record" not in every_record(SCHEMA1 / "trustdesk.sqlite")


def test_first_schema_workspace_opens_with_every_record(schema1_copy: Path):
    before = every_record(schema1_copy / "trustdesk.sqlite")
    with open_workspace(schema1_copy) as workspace:
        assert workspace.schema_upgraded_from == 1
        assert read_schema(workspace.db_path) == head_schema()
        with workspace.session() as session:
            person = session.get(m.YoungPerson, 1)
            assert (person.first_name, person.local_ref, person.erased_at) == (
                "Imogen",
                "BUR-00001",
                None,
            )
            assert session.get(m.Partner, 1).notes == "Leads the summer programme"
            assert session.get(m.Spend, 1).amount_pence == 2450
            assert session.get(m.MeetingAction, 1).status == "open"
            assert len(session.exec(select(m.Attendance)).all()) == 3
    after = every_record(schema1_copy / "trustdesk.sqlite")
    for table, rows in before.items():
        if table == "alembic_version":
            continue
        # Every old row is still there; a column added later is appended as NULL.
        assert [row[: len(rows[0])] for row in after[table]] == rows, table
    assert after["alembic_version"] == [(f"{head_schema():04d}",)]
    backups = list(
        (schema1_copy / "backups").glob("trustdesk-*-before-upgrade-from-schema1.sqlite")
    )
    assert len(backups) == 1
    assert every_record(backups[0]) == before


def test_migrated_schema_is_exactly_the_models(workspace):
    with workspace.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_a_failed_upgrade_leaves_the_workspace_as_it_was(schema1_copy: Path):
    db_path = schema1_copy / "trustdesk.sqlite"
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO attendance VALUES (99, 12345, 1)")  # a register mark for no session
    raw.commit()
    raw.close()
    before = every_record(db_path)
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(schema1_copy)
    assert (
        "could not be upgraded: 1 record(s) refer to records that do not exist"
        in caught.value.message
    )
    assert "left exactly as it was" in caught.value.hint
    assert every_record(db_path) == before
    assert read_schema(db_path) == 1


def test_a_newer_workspace_is_refused_and_not_touched(workspace):
    db_path = workspace.db_path
    workspace.close()
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {head_schema() + 1}")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(db_path.parent)
    assert caught.value.message.startswith(
        f"This workspace was saved by a newer TrustDesk (schema {head_schema() + 1})"
    )
    assert "Install the newer TrustDesk" in caught.value.hint
    assert db_path.read_bytes() == before


def test_closed_actions_get_the_best_day_known_when_upgraded(schema1_copy: Path):
    """Schema 5 keeps the day an action was done or dropped (``closed_on``, which was
    ``done_date``): a done action keeps its date, a dropped one gets its last review's
    meeting date, and one dropped without ever being reviewed keeps none (counted as closed
    since it was agreed)."""
    raw = sqlite3.connect(schema1_copy / "trustdesk.sqlite")
    raw.executescript(
        """
        INSERT INTO meeting VALUES (3, '2026-07-14', 'Locality group meeting', '', '');
        INSERT INTO meeting_action VALUES (2, 1, 'Dropped outside a meeting', 'Jo', NULL,
                                           '2026-05-01', 'dropped', NULL);
        INSERT INTO action_review VALUES (2, 2, 2, 'Carried forward.', 'open');
        INSERT INTO meeting_action VALUES (3, 1, 'Dropped in July', 'Jo', NULL,
                                           '2026-05-20', 'dropped', NULL);
        INSERT INTO action_review VALUES (3, 3, 2, '', 'open');
        INSERT INTO action_review VALUES (4, 3, 3, 'No longer needed.', 'dropped');
        INSERT INTO meeting_action VALUES (4, 1, 'Done', 'Jo', NULL, '2026-05-05', 'done',
                                           '2026-05-12');
        INSERT INTO action_review VALUES (5, 4, 2, '', 'done');
        INSERT INTO meeting_action VALUES (5, 1, 'Dropped, never reviewed', 'Jo', NULL,
                                           '2026-05-01', 'dropped', NULL);
        """
    )
    raw.commit()
    raw.close()

    with open_workspace(schema1_copy) as workspace:
        assert read_schema(workspace.db_path) == head_schema() >= 5
        with workspace.session() as session:
            closed = {a.id: (a.status, a.closed_on) for a in session.exec(select(m.MeetingAction))}
            q1 = compute_return(session, Period.parse("2026-27Q1"))
    assert closed == {
        1: ("open", None),
        2: ("dropped", dt.date(2026, 5, 12)),  # the last meeting that found it open
        3: ("dropped", dt.date(2026, 7, 14)),  # the meeting that dropped it
        4: ("done", dt.date(2026, 5, 12)),
        5: ("dropped", None),
    }
    # Open and overdue on 30 June: the risk assessment (still open) and the action dropped
    # only in July; the action done on 12 May is completed in the quarter.
    assert (q1.value("actions_overdue"), q1.value("actions_completed")) == (2, 1)

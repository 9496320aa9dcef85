"""Schema 8 keeps how a return received was made (filled in by hand, entered on the unit's
behalf): a district workspace of schema 7, holding returns and a consolidated return's
constituents, opens with every record, each return kept as made by TrustDesk."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlmodel import select

from tests.sqlite_files import every_record
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path
from trustdesk.returns.model import Constituent, Return
from trustdesk.returns.received import load_returns, save_received
from trustdesk.store import models as m
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.store.schema import read_schema

ID = "3f0c1d52-8d3e-4d6f-9a51-0c1e2b3a4d5e"


def schema7_district(folder: Path) -> Path:
    """A Lichfield workspace with a received return of Burntwood's (and a constituent), as
    schema 7 kept them: without the made_how columns."""
    with create_workspace(folder, "LIC", config_path=example_trust_path()) as workspace:
        config = workspace.config
        ret = Return.of_unit(
            config.trust_name,
            config.unit("LIC-BUR"),
            Period.parse("2026-27Q2"),
            {("sessions", "", ""): 4},
            constituents=[Constituent("LIC-BUR", ID, 1, "ab" * 32, "received", ("LIC-BUR",))],
            return_id=ID,
            revision=1,
            made_at=dt.datetime(2026, 10, 5, 9, tzinfo=dt.UTC),
            made_by="TrustDesk 0.1.0",
        )
        with workspace.session() as session:
            save_received(session, ret, "LIC-BUR_2026-27Q2_r1.xlsx")
            session.commit()
        db_path = workspace.db_path
    raw = sqlite3.connect(db_path)
    raw.executescript(
        """
        ALTER TABLE return_record DROP COLUMN made_how;
        ALTER TABLE return_constituent DROP COLUMN made_how;
        UPDATE alembic_version SET version_num = '0007';
        PRAGMA user_version = 7;
        """
    )
    raw.commit()
    raw.close()
    return db_path


def test_a_schema7_workspace_keeps_every_record_and_its_returns_made_by_trustdesk(
    tmp_path: Path,
):
    db_path = schema7_district(tmp_path / "LIC")
    assert read_schema(db_path) == 7
    before = every_record(db_path)
    assert before["return_record"] and before["return_constituent"]
    with open_workspace(db_path.parent) as workspace:
        assert workspace.schema_upgraded_from == 7
        with workspace.session() as session:
            records = list(session.exec(select(m.ReturnRecord)))
            assert [r.made_how for r in records] == [""]
            (kept,) = load_returns(session, records, workspace.config).values()
    assert kept.made_how == "" and kept.constituents[0].made_how == ()
    assert kept.constituents[0].edited == ("LIC-BUR",)
    after = every_record(db_path)
    for table, rows in before.items():
        if table == "alembic_version":
            continue
        # Every old row is still there; the column added is appended, empty.
        assert [row[: len(rows[0])] for row in after[table]] == rows, table
    for table in ("return_record", "return_constituent"):
        assert [row[-1] for row in after[table]] == [""] * len(before[table])
    assert after["alembic_version"] == [("0008",)]

"""The demo workspace: deterministic, plausible, and made of records the services would accept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from trustdesk.demo.generator import build_demo
from trustdesk.errors import UserError
from trustdesk.services.workspace_info import describe_workspace
from trustdesk.store import models as m

AS_OF = dt.date(2026, 11, 23)


def all_rows(db_path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(db_path)
    tables = [
        r[0]
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
        )
    ]
    rows = {t: sorted(connection.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}
    connection.close()
    return rows


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with build_demo(tmp_path_factory.mktemp("demo") / "ws", seed=7, as_of=AS_OF) as workspace:
        yield workspace


def test_same_seed_and_date_give_the_same_workspace(demo, tmp_path):
    with build_demo(tmp_path / "again", seed=7, as_of=AS_OF) as again:
        assert all_rows(again.db_path) == all_rows(demo.db_path)
    with build_demo(tmp_path / "other", seed=8, as_of=AS_OF) as other:
        assert all_rows(other.db_path)["attendance"] != all_rows(demo.db_path)["attendance"]


def test_a_plausible_locality_year(demo):
    info = describe_workspace(demo)
    counts = info.counts
    assert (info.unit_code, info.level) == ("LIC-BUR", "locality")
    assert 200 <= counts["Sessions"] <= 600, counts
    assert 2000 <= counts["Attendance marks"] <= 10000, counts
    assert 20 <= counts["Partners"] <= 60, counts
    assert counts["Meetings"] >= 10 and counts["Actions"] >= 20
    assert counts["Young people"] >= 200 and counts["Recorded and accredited outcomes"] >= 30
    for kind in (
        "Contact log entries",
        "Voice entries",
        "Case studies",
        "Spending entries",
        "Headcount rows",
    ):
        assert counts[kind] > 0, kind
    assert info.first_session >= (AS_OF - dt.timedelta(days=365)).isoformat()
    assert info.last_session <= AS_OF.isoformat()


def test_nothing_is_dated_after_the_as_of_date(demo):
    connection = sqlite3.connect(demo.db_path)
    for table, column in [("activity_session", "date"), ("recorded_outcome", "date"), ("meeting", "date"),
                          ("contact_log_entry", "date"), ("voice_entry", "date"), ("case_study", "date"),
                          ("spend", "date"), ("partner_contribution", "date")]:  # fmt: skip
        latest = connection.execute(f"SELECT max({column}) FROM {table}").fetchone()[0]
        assert latest <= AS_OF.isoformat(), table
    connection.close()


def test_every_code_comes_from_the_trust_configuration(demo):
    config = demo.config
    with demo.session() as session:
        assert {p.partner_type for p in session.exec(select(m.Partner))} <= set(
            config.codes("partner_types")
        )
        assert {a.category for a in session.exec(select(m.Activity))} <= set(
            config.codes("activity_categories")
        )
        assert {o.ecm_outcome for o in session.exec(select(m.ActivityOutcome))} == set(
            config.codes("ecm_outcomes")
        )
        people = session.exec(select(m.YoungPerson)).all()
        assert {p.gender for p in people} <= set(config.codes("genders"))
        assert {p.ethnicity for p in people} <= set(config.codes("ethnicity_groups"))
        assert all(p.date_of_birth or p.age_band in config.codes("age_bands") for p in people)
        assert {s.purpose for s in session.exec(select(m.Spend))} <= set(
            config.codes("spending_purposes")
        )
        accredited = session.exec(
            select(m.RecordedOutcome).where(m.RecordedOutcome.kind == "accredited")
        ).all()
        assert accredited and {o.accreditation for o in accredited} <= set(
            config.codes("accreditations")
        )


def test_young_people_attend_only_at_ages_the_activity_is_for(demo):
    connection = sqlite3.connect(demo.db_path)
    ages = connection.execute(
        "SELECT min((julianday(s.date) - julianday(y.date_of_birth)) / 365.25), "
        "max((julianday(s.date) - julianday(y.date_of_birth)) / 365.25) FROM attendance a "
        "JOIN activity_session s ON s.id = a.session_id JOIN young_person y ON y.id = a.young_person_id "
        "WHERE y.date_of_birth IS NOT NULL"
    ).fetchone()
    connection.close()
    youngest, oldest = ages
    assert youngest >= 8 and oldest < 20


def test_demo_must_be_a_locality(tmp_path):
    with pytest.raises(
        UserError, match="Lichfield is a district: a demo workspace is a locality's"
    ):
        build_demo(tmp_path / "ws", unit_code="LIC", as_of=AS_OF)
    with pytest.raises(UserError, match="'huge' is not a demo size"):
        build_demo(tmp_path / "ws", size="huge", as_of=AS_OF)
    assert not (tmp_path / "ws").exists()


def test_large_is_ten_busy_years(tmp_path):
    with build_demo(tmp_path / "large", size="large", as_of=AS_OF) as workspace:
        info = describe_workspace(workspace)
    assert info.first_session < (AS_OF - dt.timedelta(days=365 * 9.9)).isoformat()
    assert info.counts["Sessions"] > 2500
    assert info.counts["Attendance marks"] > 50000
    assert info.counts["Young people"] > 2000
    assert info.counts["Meetings"] > 100

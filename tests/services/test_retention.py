"""Retention: young people last seen longer ago than the retention period are listed first,
then have their identifying details removed, while every count (and so every past return)
stays as it was. Also the `trustdesk privacy retention` command."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import Session, select

from trustdesk.cli.parsers import add_privacy_commands
from trustdesk.cli.privacy import run_privacy
from trustdesk.config.periods import Period
from trustdesk.errors import UserError, ValidationError
from trustdesk.ops.young_people import remove_details_due
from trustdesk.returns.compute import compute_return
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.outcomes import record_outcome
from trustdesk.services.retention import (
    last_seen,
    removal_report,
    remove_identifying_details,
    retention_years,
    set_retention_years,
)
from trustdesk.services.young_people import add_young_person
from trustdesk.store.migrate import open_workspace
from trustdesk.store.models import Attendance, RecordedOutcome, YoungPerson
from trustdesk.store.workspace import Workspace, read_settings

TODAY = dt.date(2026, 11, 23)  # six years back: 23 November 2020
ADDED = dt.datetime(2018, 1, 1, 12, 0, tzinfo=dt.UTC)
PAST = [Period.parse("2019-20Q1"), Period.parse("2020-21Q3")]  # Apr-Jun 2019, Oct-Dec 2020
IDENTIFYING = ("local_ref", "first_name", "last_name", "date_of_birth", "postcode_district")


def build_club(workspace: Workspace) -> dict[str, int]:
    """The Friday club since 2018, and who came:

    - Amy (13 to 15 throughout), last at a session on 20 Nov 2020: due for removal;
    - Ben, last at a session in 2019 but gained an outcome on 23 Nov 2020, the cut-off day
      itself: not due;
    - Cara, added in 2018 and never came: due;
    - Dan, who still comes (2026): not due;
    - Eve, whose details were removed before: not listed again.
    """
    with workspace.session() as session:
        club = create_activity(
            session,
            title="Friday club",
            category="youth-work",
            start_date="2018-01-05",
            ecm_outcomes=["enjoy", "contribute"],
            venue="Burntwood Youth Centre",
        )
        born = {
            "amy": ("Amy", "Lowe", "BUR-1", "2005-01-01", "female"),
            "ben": ("Ben", "Shaw", "BUR-2", "2005-03-01", "male"),
            "cara": ("Cara", "Webb", "BUR-3", "2004-05-05", "female"),
            "dan": ("Dan", "Ives", "BUR-4", "2006-02-01", "male"),
            "eve": ("Eve", "Cole", "BUR-5", "2005-07-07", "female"),
        }
        ids = {}
        for key, (first, last, ref, dob, gender) in born.items():
            person = add_young_person(
                session,
                first_name=first,
                last_name=last,
                local_ref=ref,
                date_of_birth=dob,
                gender=gender,
                postcode_district="WS7",
                today=TODAY,
            )
            person.created_at = ADDED
            session.add(person)
            ids[key] = person.id
        session.commit()
        ids["club"] = club.id
        for day, who in [
            ("2019-06-07", ["amy", "ben", "dan", "eve"]),
            ("2020-11-20", ["amy"]),
            ("2020-11-22", ["dan"]),
            ("2026-01-09", ["dan"]),
        ]:
            add_register(session, club.id, day, [ids[k] for k in who])
        record_outcome(
            session,
            young_person_id=ids["amy"],
            kind="accredited",
            title="",
            accreditation="dofe-bronze",
            date="2019-06-07",
        )
        record_outcome(
            session,
            young_person_id=ids["ben"],
            kind="recorded",
            title="Led a game",
            date="2020-11-23",
        )
        eve = session.get(YoungPerson, ids["eve"])
        eve.first_name = eve.last_name = eve.local_ref = eve.date_of_birth = None
        eve.postcode_district, eve.age_band, eve.erased_at = None, "13-15", ADDED
        session.add(eve)
        session.commit()
    return ids


def add_register(session: Session, activity_id: int, day: str, people: list[int]) -> int:
    held = add_session(
        session, activity_id=activity_id, date=day, start_time="18:00", end_time="20:00"
    )
    set_register(session, session_id=held.id, young_person_ids=people)
    return held.id


def counts(session: Session) -> tuple[list, list]:
    """Every register tick and every outcome, as plain values."""
    ticks = sorted(session.exec(select(Attendance.session_id, Attendance.young_person_id)))
    outcomes = sorted(
        session.exec(
            select(
                RecordedOutcome.young_person_id,
                RecordedOutcome.kind,
                RecordedOutcome.date,
                RecordedOutcome.accreditation,
            )
        )
    )
    return ticks, outcomes


def figures(workspace: Workspace) -> list[dict]:
    with workspace.session() as session:
        return [compute_return(session, period).figures for period in PAST]


@pytest.fixture
def club(workspace: Workspace) -> dict[str, int]:
    return build_club(workspace)


# ----- the period ------------------------------------------------------------------------


def test_the_period_is_the_trusts_until_the_workspace_sets_its_own(session) -> None:
    assert retention_years(session) == 6
    assert set_retention_years(session, years="9") == 9
    assert retention_years(session) == 9
    assert read_settings(session)["retention_years"] == "9"
    set_retention_years(session, years=7)
    assert read_settings(session)["retention_years"] == "7"


REFUSED_PERIODS = [
    (0, "Retention period (years): must be at least 1."),
    ("-3", "Retention period (years): must be at least 1."),
    (26, "Retention period (years): must be at most 25."),
    ("six", "Retention period (years): 'six' is not a number."),
    ("2.5", "Retention period (years): '2.5' must be a whole number."),
    ("", "Retention period (years): is required."),
]


def test_a_period_that_is_not_1_to_25_whole_years_is_refused(session) -> None:
    for years, message in REFUSED_PERIODS:  # one workspace for all: quicker than parametrize
        with pytest.raises(ValidationError) as refused:
            set_retention_years(session, years=years)
        assert (str(refused.value), refused.value.field) == (message, "retention_years")
    assert retention_years(session) == 6  # nothing saved


# ----- who is due ------------------------------------------------------------------------


def test_last_seen_is_the_latest_session_outcome_or_day_added(workspace, club) -> None:
    with workspace.session() as session:
        seen = {key: last_seen(session, club[key]) for key in ("amy", "ben", "cara", "dan")}
    assert seen == {
        "amy": dt.date(2020, 11, 20),  # her last session (her outcome was earlier)
        "ben": dt.date(2020, 11, 23),  # his outcome, after his last session
        "cara": dt.date(2018, 1, 1),  # never came: the day she was added
        "dan": dt.date(2026, 1, 9),
    }


def test_the_report_lists_exactly_those_last_seen_before_today_less_the_period(
    workspace, club
) -> None:
    with workspace.session() as session:
        report = removal_report(session, today=TODAY)
    assert (report.years, report.cut_off) == (6, dt.date(2020, 11, 23))
    assert [(p.id, p.name, p.local_ref, p.last_seen) for p in report.people] == [
        (club["cara"], "Cara Webb", "BUR-3", dt.date(2018, 1, 1)),
        (club["amy"], "Amy Lowe", "BUR-1", dt.date(2020, 11, 20)),
    ]
    assert report.why == "Last seen before 23 November 2020, more than 6 years ago."


def test_the_report_follows_the_period_and_the_day(workspace, club) -> None:
    with workspace.session() as session:
        set_retention_years(session, years=1)
        assert [p.id for p in removal_report(session, today=TODAY).people] == [
            club["cara"],
            club["amy"],
            club["ben"],
        ]
        assert [p.id for p in removal_report(session, today=dt.date(2027, 1, 10)).people] == [
            club["cara"],
            club["amy"],
            club["ben"],
            club["dan"],
        ]
        set_retention_years(session, years=10)
        assert removal_report(session, today=TODAY).people == []


# ----- removing --------------------------------------------------------------------------


def test_removing_details_keeps_every_count_and_every_past_return(workspace, club) -> None:
    before = figures(workspace)
    with workspace.session() as session:
        ticks, outcomes = counts(session)
    assert remove_details_due(workspace, TODAY) == 2

    with workspace.session() as session:
        for key in ("amy", "cara"):
            person = session.get(YoungPerson, club[key])
            assert [getattr(person, name) for name in IDENTIFYING] == [None] * 5
            assert person.erased_at is not None
            assert (person.gender, person.age_band) == ("female", "13-15")  # band when last seen
        for key in ("ben", "dan"):
            assert session.get(YoungPerson, club[key]).first_name is not None
        assert counts(session) == (ticks, outcomes)
        assert removal_report(session, today=TODAY).people == []  # nobody twice
        assert remove_identifying_details(session, today=TODAY) == 0
    assert figures(workspace) == before
    assert before[0][("attendances", "", "")] == 4  # the figures compared are not all zero


def test_a_past_return_is_the_same_for_someone_who_moved_up_an_age_band(workspace) -> None:
    with workspace.session() as session:
        club = create_activity(
            session, title="Friday club", category="youth-work", start_date="2019-01-04"
        )
        finn = add_young_person(session, first_name="Finn", date_of_birth="2006-10-01", today=TODAY)
        finn.created_at = ADDED
        session.add(finn)
        session.commit()
        add_register(session, club.id, "2019-06-07", [finn.id])  # 12: "11 to 12"
        add_register(session, club.id, "2020-11-20", [finn.id])  # 14: "13 to 15"
        record_outcome(
            session, young_person_id=finn.id, kind="recorded", title="Led", date="2019-06-07"
        )
        session.commit()
    before = figures(workspace)
    assert remove_details_due(workspace, TODAY) == 1
    after = figures(workspace)
    assert before[0][("attendances", "age_band", "11-12")] == 1
    assert before[0][("contacts", "age_band", "11-12")] == 1
    assert before[0][("recorded_outcomes", "age_band", "11-12")] == 1
    assert after == before


# ----- the command line ------------------------------------------------------------------


def privacy(folder: Path, *argv: str) -> int:
    """``trustdesk privacy ...`` on the workspace in the folder (which must not be open)."""
    parser = argparse.ArgumentParser()
    workspace_option = argparse.ArgumentParser(add_help=False)
    add_privacy_commands(parser.add_subparsers(dest="command"), workspace_option)
    return run_privacy(parser.parse_args(["privacy", *argv]), folder)


def first_name(folder: Path, young_person_id: int) -> str | None:
    with open_workspace(folder) as workspace, workspace.session() as session:
        return session.get(YoungPerson, young_person_id).first_name


def test_the_command_lists_who_is_due_and_removes_only_with_apply(workspace, club, capsys) -> None:
    workspace.close()  # the command opens it, as it would from another window
    assert privacy(workspace.path, "retention", "--today", "2026-11-23") == 0
    listed = capsys.readouterr().out
    assert "due for removal are those last seen before 23 November 2020" in listed
    assert f"{club['amy']:>7}  20/11/2020  BUR-1        Amy Lowe" in listed
    assert "Cara Webb" in listed and "Ben Shaw" not in listed
    assert "2 young people are due. Run again with --apply to remove their details." in listed
    assert first_name(workspace.path, club["amy"]) == "Amy"  # nothing removed yet

    assert privacy(workspace.path, "retention", "--today", "2026-11-23", "--apply") == 0
    assert "Removed the identifying details of 2 young people" in capsys.readouterr().out
    assert first_name(workspace.path, club["amy"]) is None

    assert privacy(workspace.path, "retention", "--today", "2026-11-23") == 0
    assert capsys.readouterr().out.endswith("Nobody is due.\n")


def test_the_command_refuses_a_day_that_is_not_a_date(workspace) -> None:
    workspace.close()
    with pytest.raises(UserError) as refused:
        privacy(workspace.path, "retention", "--today", "next week")
    assert str(refused.value) == "--today: 'next week' is not a date; write it as YYYY-MM-DD."

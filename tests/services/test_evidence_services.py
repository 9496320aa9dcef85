"""Voice entries and case studies: create and update share their checks; the lists give
names rather than codes."""

from __future__ import annotations

import datetime as dt

import pytest

from trustdesk.errors import ValidationError
from trustdesk.services.evidence import (
    case_study_outcomes,
    create_case_study,
    list_case_studies,
    list_voice,
    record_voice,
    update_case_study,
    update_voice,
)


def test_voice_is_listed_newest_first_with_method_names(session) -> None:
    record_voice(session, date="2026-05-01", method="survey", who="Club members", said="More")
    record_voice(
        session,
        date="2026-06-01",
        method="youth-forum",
        who="Year 9 group",
        said="A quiet room",
        group_size=8,
        change_made="Room booked",
        change_date="2026-06-20",
    )
    rows = list_voice(session)
    assert [(r.date, r.method, r.who, r.group_size, r.changed) for r in rows] == [
        (dt.date(2026, 6, 1), "Youth forum", "Year 9 group", 8, True),
        (dt.date(2026, 5, 1), "Survey", "Club members", None, False),
    ]


def test_update_voice_changes_it_with_the_same_checks(session) -> None:
    entry = record_voice(session, date="2026-05-01", method="survey", who="Club", said="More")
    updated = update_voice(
        session,
        entry.id,
        date="2026-05-01",
        method="consultation",
        who="Club members",
        said="More sport",
        change_made="Football added",
        change_date="2026-05-10",
    )
    assert (updated.method, updated.who, updated.change_date) == (
        "consultation",
        "Club members",
        dt.date(2026, 5, 10),
    )
    with pytest.raises(ValidationError) as problem:
        update_voice(
            session,
            entry.id,
            date="2026-05-01",
            method="survey",
            who="Club",
            said="More",
            change_date="2026-04-01",
        )
    assert problem.value.field == "change_date"
    with pytest.raises(ValidationError) as problem:
        update_voice(session, entry.id, date="2026-05-01", method="survey", who="", said="x")
    assert problem.value.field == "who"
    assert list_voice(session)[0].method == "Consultation"


def test_case_studies_list_outcome_names_in_the_trusts_order(session) -> None:
    create_case_study(
        session,
        date="2026-09-15",
        title="First aid",
        narrative="Two trained.",
        ecm_outcomes=["contribute", "healthy", "healthy"],
    )
    create_case_study(session, date="2026-10-01", title="Later", narrative="Text.")
    rows = list_case_studies(session)
    assert [(r.title, r.ecm_outcomes) for r in rows] == [
        ("Later", ()),
        ("First aid", ("Be healthy", "Make a positive contribution")),
    ]
    assert rows[1].outcomes == "Be healthy, Make a positive contribution"


def test_update_case_study_replaces_its_outcomes(session) -> None:
    study = create_case_study(
        session, date="2026-09-15", title="First aid", narrative="x", ecm_outcomes=["safe"]
    )
    update_case_study(
        session,
        study.id,
        date="2026-09-16",
        title="First aid at the club",
        narrative="Two members trained.",
        ecm_outcomes=["enjoy", "economic"],
    )
    assert case_study_outcomes(session, study.id) == ["enjoy", "economic"]
    assert list_case_studies(session)[0].title == "First aid at the club"
    with pytest.raises(ValidationError) as problem:
        update_case_study(session, study.id, date="2026-09-16", title=" ", narrative="x")
    assert problem.value.field == "title"
    with pytest.raises(ValidationError) as problem:
        update_case_study(
            session, study.id, date="2026-09-16", title="T", narrative="x", ecm_outcomes=["fun"]
        )
    assert problem.value.field == "ecm_outcomes"
    assert case_study_outcomes(session, study.id) == ["enjoy", "economic"]


def test_a_narrative_longer_than_a_spreadsheet_cell_is_refused(session, tmp_path) -> None:
    """The narrative travels in one cell of the return's workbook: the service refuses what
    the export would refuse, by the same number, rather than the export failing later."""
    from trustdesk.config.periods import Period
    from trustdesk.limits import SPREADSHEET_CELL_MAX
    from trustdesk.returns.export import export_return

    longest = "x" * SPREADSHEET_CELL_MAX
    study = create_case_study(session, date="2026-05-20", title="Long", narrative=longest)
    with pytest.raises(ValidationError) as problem:
        create_case_study(session, date="2026-05-20", title="Long", narrative=longest + "y")
    assert problem.value.field == "narrative"
    assert "32,768 characters long" in str(problem.value)
    assert "at most 32,767" in str(problem.value)
    with pytest.raises(ValidationError):
        update_case_study(session, study.id, date="2026-05-20", title="L", narrative=longest * 2)

    now = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
    assert export_return(session, Period.parse("2026-27Q1"), tmp_path, formats=["xlsx"], now=now)

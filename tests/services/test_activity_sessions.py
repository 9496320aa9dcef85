"""An activity's sessions and contributions as the Activities page shows and edits them: the
list of activities with their session counts, moving a session, the register sizes, weekly
runs that add all their sessions or none."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.services.committed import committed
from trustdesk.errors import ValidationError
from trustdesk.services.activities import (
    activity_sessions,
    add_contribution,
    add_session,
    add_weekly_sessions,
    contribution_rows,
    create_activity,
    list_activities,
    session_rows,
    update_session,
)
from trustdesk.services.attendance import record_headcount, set_register
from trustdesk.services.partners import create_partner
from trustdesk.services.young_people import add_young_person

# Each call is a user action of its own, committed as an operation would.
add_contribution, add_session, add_weekly_sessions, create_activity, update_session = map(
    committed, (add_contribution, add_session, add_weekly_sessions, create_activity, update_session)
)
record_headcount, set_register = committed(record_headcount), committed(set_register)
create_partner, add_young_person = committed(create_partner), committed(add_young_person)


@pytest.fixture
def club(session):
    """A term-time club that ends on 18 December."""
    return create_activity(
        session,
        title="Friday youth club",
        category="youth-work",
        start_date="2026-09-01",
        end_date="2026-12-18",
        ecm_outcomes=["enjoy", "healthy"],
    ).id


def _evening(session, club, day="2026-09-04", **times):
    times = {"start_time": "18:00", "end_time": "20:00"} | times
    return add_session(session, activity_id=club, date=day, **times).id


def _slots(session, club):
    return [
        (s.date.isoformat(), f"{s.start_time:%H:%M}", f"{s.end_time:%H:%M}", s.notes)
        for s in activity_sessions(session, club)
    ]


def test_a_session_is_moved_and_keeps_its_register(session, club) -> None:
    evening = _evening(session, club)
    amy = add_young_person(session, first_name="Amy", age_band="13-15").id
    set_register(session, session_id=evening, young_person_ids=[amy])

    moved = update_session(
        session,
        evening,
        date="2026-09-05",
        start_time="17:30",
        end_time="19:30",
        notes="Moved for the school disco",
    )

    assert moved.id == evening
    assert _slots(session, club) == [("2026-09-05", "17:30", "19:30", "Moved for the school disco")]
    assert [row.register for row in session_rows(session, club)] == [1]


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"date": "2026-12-19"}, "date", "outside the activity's dates"),
        ({"date": "2026-08-31"}, "date", "outside the activity's dates"),
        ({"end_time": "17:00"}, "end_time", "must be after the start time"),
        ({"start_time": "7pm"}, "start_time", "is not a time"),
    ],
)
def test_an_edit_is_checked_like_a_new_session_and_changes_nothing(
    session, club, change, field, problem
) -> None:
    evening = _evening(session, club)
    values = {"date": "2026-09-04", "start_time": "18:00", "end_time": "20:00"} | change

    with pytest.raises(ValidationError) as refused:
        update_session(session, evening, **values)

    assert refused.value.field == field
    assert problem in refused.value.problem
    session.rollback()
    assert _slots(session, club) == [("2026-09-04", "18:00", "20:00", "")]


def test_the_list_counts_each_activitys_sessions_newest_activity_first(session, club) -> None:
    police = create_partner(session, name="Staffordshire Police", partner_type="police").id
    fun_day = create_activity(
        session,
        title="Summer fun day",
        category="sport",
        start_date="2026-10-01",
        lead_partner_id=police,
    ).id
    for day in ("2026-09-04", "2026-09-11", "2026-10-16"):
        _evening(session, club, day)

    rows = list_activities(session)

    assert [(r.id, r.sessions, r.last_session) for r in rows] == [
        (fun_day, 0, None),
        (club, 3, dt.date(2026, 10, 16)),
    ]
    fun, youth_club = rows
    assert (fun.title, fun.category, fun.lead_partner, fun.outcomes) == (
        "Summer fun day",
        "Sport and physical activity",
        "Staffordshire Police",
        "",
    )
    # ECM outcomes in the trust's order, whatever order they were ticked in.
    assert youth_club.outcomes == "Be healthy, Enjoy and achieve"
    assert (youth_club.start_date, youth_club.end_date) == (
        dt.date(2026, 9, 1),
        dt.date(2026, 12, 18),
    )


def test_session_rows_count_the_register_and_the_headcount(session, club) -> None:
    quiet = _evening(session, club, "2026-09-11")
    busy = _evening(session, club, "2026-09-04")
    people = [add_young_person(session, first_name=n, age_band="13-15").id for n in "ABC"]
    set_register(session, session_id=busy, young_person_ids=people)
    record_headcount(
        session, session_id=busy, counts={("13-15", "female"): 12, ("16-19", "male"): 5}
    )

    rows = session_rows(session, club)

    assert [(r.id, r.register, r.headcount, r.times) for r in rows] == [
        (busy, 3, 17, "18:00\u201320:00"),
        (quiet, 0, 0, "18:00\u201320:00"),
    ]


def test_weekly_sessions_are_added_all_or_none(session, club) -> None:
    with pytest.raises(ValidationError) as refused:
        add_weekly_sessions(
            session,
            activity_id=club,
            first_date="2026-11-27",
            weeks=5,
            start_time="18:00",
            end_time="20:00",
        )
    assert refused.value.field == "weeks"
    assert refused.value.problem.startswith("week 5 would be on 25 Dec 2026")
    assert "4 weeks fit" in refused.value.problem
    assert _slots(session, club) == []

    added = add_weekly_sessions(
        session,
        activity_id=club,
        first_date="2026-11-27",
        weeks=4,
        start_time="18:00",
        end_time="20:00",
    )
    assert [s.date.isoformat() for s in added] == [
        "2026-11-27",
        "2026-12-04",
        "2026-12-11",
        "2026-12-18",
    ]
    assert all(s.id is not None for s in added)


def test_contribution_rows_say_what_each_partner_put_in(session, club) -> None:
    police = create_partner(session, name="Staffordshire Police", partner_type="police").id
    add_contribution(
        session,
        activity_id=club,
        partner_id=police,
        date="2026-09-04",
        staff_hours="2.5",
        money="150.00",
        in_kind="Minibus",
        in_kind_value="40",
    )

    (row,) = contribution_rows(session, club)

    assert (row.partner, row.date, row.staff_hours, row.money, row.in_kind_text) == (
        "Staffordshire Police",
        dt.date(2026, 9, 4),
        "2.5",
        "\u00a3150.00",
        "Minibus (\u00a340.00)",
    )
    with pytest.raises(ValidationError, match="Partner: is required"):
        add_contribution(session, activity_id=club, partner_id=None, date="2026-09-04")

"""The list of young people a coordinator works from (how often each came, when they were
last seen, what they gained, erased details shown as removed) and their outcomes."""

from __future__ import annotations

import datetime as dt

import pytest

from trustdesk.errors import ValidationError
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.deletion import undo_delete
from trustdesk.services.outcomes import (
    delete_outcome,
    outcome_rows,
    preview_outcome_delete,
    record_outcome,
    update_outcome,
)
from trustdesk.services.young_people import add_young_person, list_young_people
from trustdesk.store.models import YoungPerson

TODAY = dt.date(2026, 11, 23)


def _club(session, days):
    club = create_activity(
        session, title="Friday club", category="youth-work", start_date="2026-04-01"
    )
    held = [
        add_session(session, activity_id=club.id, date=day, start_time="18:00", end_time="20:00")
        for day in days
    ]
    return club, held


def _rows(session):
    return {
        row.name: (row.age, row.gender, row.sessions, row.last_seen, row.outcomes)
        for row in list_young_people(session, today=TODAY)
    }


def test_each_person_shows_sessions_attended_last_seen_and_outcomes(session) -> None:
    club, (april, may, june) = _club(session, ["2026-04-03", "2026-05-01", "2026-06-05"])
    kyle = add_young_person(
        session, first_name="Kyle", last_name="Hughes", date_of_birth="2012-11-24", gender="male"
    )
    amy = add_young_person(session, first_name="Amy", age_band="13-15", gender="female")
    add_young_person(session, local_ref="BUR-00007", age_band="16-19")
    set_register(session, session_id=april.id, young_person_ids=[kyle.id, amy.id])
    set_register(session, session_id=june.id, young_person_ids=[kyle.id])
    set_register(session, session_id=may.id, young_person_ids=[kyle.id])
    for title in ("Led a game", "Planned a trip"):
        record_outcome(
            session, young_person_id=kyle.id, kind="recorded", title=title, date="2026-06-05"
        )

    assert _rows(session) == {
        # 13 until the day before his 14th birthday
        "Kyle Hughes": ("13", "Male", 3, dt.date(2026, 6, 5), 2),
        "Amy": ("13 to 15", "Female", 1, dt.date(2026, 4, 3), 0),
        "BUR-00007": ("16 to 19", "Not stated", 0, None, 0),
    }


def test_people_are_listed_by_last_name_with_a_short_name_for_questions(session) -> None:
    add_young_person(session, first_name="Zoe", last_name="Adams", age_band="13-15")
    add_young_person(session, first_name="Kyle", last_name="Hughes", age_band="13-15")
    add_young_person(session, local_ref="BUR-00007", age_band="13-15")
    rows = list_young_people(session, today=TODAY)
    assert [(r.name, r.short_name) for r in rows] == [
        ("BUR-00007", "BUR-00007"),  # no last name sorts first
        ("Zoe Adams", "Zoe A."),
        ("Kyle Hughes", "Kyle H."),
    ]


def test_a_person_whose_details_were_removed_is_listed_as_removed_with_counts(session) -> None:
    _, (april,) = _club(session, ["2026-04-03"])
    kyle = add_young_person(session, first_name="Kyle", last_name="Hughes", age_band="13-15")
    add_young_person(session, first_name="Amy", age_band="13-15")
    set_register(session, session_id=april.id, young_person_ids=[kyle.id])
    person = session.get(YoungPerson, kyle.id)
    person.first_name = person.last_name = person.local_ref = None
    person.erased_at = dt.datetime(2026, 10, 1, 12, 0, tzinfo=dt.UTC)
    session.add(person)
    session.commit()

    rows = list_young_people(session, today=TODAY)
    assert [(r.name, r.short_name, r.erased, r.sessions) for r in rows] == [
        ("Amy", "Amy", False, 0),
        ("(details removed)", "(details removed)", True, 1),  # last
    ]
    assert "Kyle" not in repr(rows) and "Hughes" not in repr(rows)


def test_a_date_of_birth_left_at_today_is_refused(session) -> None:
    with pytest.raises(ValidationError) as caught:
        add_young_person(session, first_name="Kyle", date_of_birth=TODAY, today=TODAY)
    assert caught.value.field == "date_of_birth"
    assert "is today" in caught.value.problem
    assert list_young_people(session, today=TODAY) == []


def test_outcomes_are_listed_edited_and_a_deleted_one_put_back(session) -> None:
    club, _ = _club(session, ["2026-04-03"])
    kyle = add_young_person(session, first_name="Kyle", age_band="13-15")
    award = record_outcome(
        session,
        young_person_id=kyle.id,
        kind="accredited",
        title="",
        accreditation="first-aid",
        activity_id=club.id,
        date="2026-05-01",
    )
    record_outcome(
        session, young_person_id=kyle.id, kind="recorded", title="Led a game", date="2026-06-01"
    )
    shown = [(r.date, r.kind, r.gained, r.activity) for r in outcome_rows(session, kyle.id)]
    assert shown == [
        (dt.date(2026, 6, 1), "Recorded", "Led a game", ""),
        (dt.date(2026, 5, 1), "Accredited", "First aid certificate", "Friday club"),
    ]

    update_outcome(
        session,
        award.id,
        kind="accredited",
        title="Emergency first aid",
        accreditation="first-aid",
        activity_id=None,
        date="2026-05-02",
    )
    edited = outcome_rows(session, kyle.id)[1]
    assert (edited.gained, edited.activity, edited.date) == (
        "Emergency first aid (First aid certificate)",
        "",
        dt.date(2026, 5, 2),
    )

    question = preview_outcome_delete(session, award.id).question
    assert question.startswith("Delete outcome 'Emergency first aid' of 02 May 2026?")
    undo = delete_outcome(session, award.id)
    assert [r.title for r in outcome_rows(session, kyle.id)] == ["Led a game"]
    undo_delete(session, undo)
    assert [r.title for r in outcome_rows(session, kyle.id)] == [
        "Led a game",
        "Emergency first aid",
    ]

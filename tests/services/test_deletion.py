"""Deleting says what goes with a record, and the last delete can be undone exactly."""

from __future__ import annotations

import pytest
from sqlmodel import select

from trustdesk.errors import UserError
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.deletion import delete_with_undo, preview_delete, undo_delete
from trustdesk.services.outcomes import record_outcome
from trustdesk.services.young_people import add_young_person
from trustdesk.store.models import Activity, ActivitySession, Attendance, RecordedOutcome


def _club(session):
    club = create_activity(
        session,
        title="Youth club",
        category="youth-work",
        start_date="2026-04-01",
        ecm_outcomes=["enjoy"],
    )
    people = [
        add_young_person(session, first_name=f"P{i}", last_name="X", age_band="13-15")
        for i in range(3)
    ]
    for day in ("2026-04-07", "2026-04-14"):
        held = add_session(
            session, activity_id=club.id, date=day, start_time="18:00", end_time="20:00"
        )
        set_register(session, session_id=held.id, young_person_ids=[p.id for p in people])
    record_outcome(
        session,
        young_person_id=people[0].id,
        activity_id=club.id,
        kind="recorded",
        title="Led a game",
        date="2026-04-14",
    )
    return club


def _everything(session):
    return [
        sorted(tuple(sorted(r.model_dump().items())) for r in session.exec(select(m)))
        for m in (Activity, ActivitySession, Attendance, RecordedOutcome)
    ]


def test_preview_names_what_goes_and_what_loses_its_link(session) -> None:
    club = _club(session)
    preview = preview_delete(session, Activity, club.id, "activity 'Youth club'")
    assert preview.goes_with_it == ["2 sessions", "6 register ticks"]
    assert preview.loses_link == ["1 outcome"]
    assert "This also deletes 2 sessions and 6 register ticks." in preview.question
    assert session.exec(select(ActivitySession)).all()  # nothing deleted yet


def test_undo_puts_back_exactly_what_was_deleted(session) -> None:
    club = _club(session)
    before = _everything(session)

    undo = delete_with_undo(session, Activity, club.id, "activity 'Youth club'")
    assert session.exec(select(Attendance)).all() == []
    assert session.exec(select(RecordedOutcome)).one().activity_id is None

    undo_delete(session, undo)
    assert _everything(session) == before


def test_undo_refuses_when_something_new_took_the_place(session) -> None:
    club = _club(session)
    undo = delete_with_undo(session, Activity, club.id, "activity 'Youth club'")
    create_activity(
        session, title="New", category="sport", start_date="2026-05-01"
    )  # reuses the id
    with pytest.raises(UserError, match="cannot be put back"):
        undo_delete(session, undo)
    assert [a.title for a in session.exec(select(Activity))] == ["New"]

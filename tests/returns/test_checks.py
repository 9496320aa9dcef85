"""What the coordinator is told before exporting, and what stops the export."""

from __future__ import annotations

import datetime as dt

from trustdesk.config.periods import Period
from trustdesk.returns.checks import checks_before_export
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.evidence import create_case_study, record_voice
from trustdesk.services.meetings import add_action, create_meeting, review_action
from trustdesk.services.young_people import add_young_person

Q1 = Period.parse("2026-27Q1")
Q2 = Period.parse("2026-27Q2")
TODAY = dt.date(2026, 7, 10)


def _kinds(checks):
    return [(c.severity, c.record_kind) for c in checks]


def test_a_tidy_quarter_has_nothing_to_check(session) -> None:
    assert checks_before_export(session, Q1, TODAY) == []


def test_session_without_register_and_activity_without_outcome_are_warnings(session) -> None:
    club = create_activity(
        session, title="Youth club", category="youth-work", start_date="2026-04-01"
    )
    held = add_session(
        session, activity_id=club.id, date="2026-05-05", start_time="18:00", end_time="20:00"
    )
    add_session(
        session, activity_id=club.id, date="2026-07-01", start_time="18:00", end_time="20:00"
    )

    checks = checks_before_export(session, Q1, TODAY)

    assert _kinds(checks) == [("warning", "session"), ("warning", "activity")]
    assert checks[0].record_id == held.id
    assert "Youth club, Tue 05 May 2026: no register or headcount" in checks[0].message
    assert "no Every Child Matters outcome" in checks[1].message
    assert not any(c.blocks for c in checks)


def test_a_session_in_the_future_is_not_yet_missing_its_register(session) -> None:
    club = create_activity(
        session,
        title="Youth club",
        category="youth-work",
        start_date="2026-04-01",
        ecm_outcomes=["enjoy"],
    )
    add_session(
        session, activity_id=club.id, date="2026-06-20", start_time="18:00", end_time="20:00"
    )
    assert checks_before_export(session, Q1, dt.date(2026, 6, 1)) == []


def test_overdue_open_actions_are_listed(session) -> None:
    meeting = create_meeting(session, date="2026-04-14")
    add_action(
        session,
        meeting_id=meeting.id,
        text="Ask the police to send someone",
        owner="Sam",
        due_date="2026-05-01",
    )
    add_action(
        session, meeting_id=meeting.id, text="Book the hall", owner="Jo", due_date="2026-08-01"
    )

    checks = checks_before_export(session, Q1, TODAY)

    assert _kinds(checks) == [("warning", "action")]
    assert checks[0].message == (
        "Action overdue since 01 May 2026 and still open on 30 Jun 2026, the period's last "
        "day (Sam): Ask the police to send someone"
    )
    # While the period runs, as of today.
    (running,) = checks_before_export(session, Q1, dt.date(2026, 6, 1))
    assert (
        running.message == "Action overdue since 01 May 2026 (Sam): Ask the police to send someone"
    )


def test_a_past_periods_checks_are_of_its_last_day(session) -> None:
    """Exporting Q2 in December: an action overdue on 30 September is listed, even though it
    was dropped since; one that fell overdue in December is December's matter, not Q2's."""
    july = create_meeting(session, date="2026-07-14")
    hall = add_action(
        session, meeting_id=july.id, text="Book the hall", owner="Jo", due_date="2026-08-04"
    )
    done = add_action(
        session, meeting_id=july.id, text="Leaflet", owner="Sam", due_date="2026-08-04"
    )
    add_action(
        session, meeting_id=july.id, text="Christmas party", owner="Al", due_date="2026-12-01"
    )
    september = create_meeting(session, date="2026-09-08")
    review_action(session, action_id=done.id, meeting_id=september.id, status="done")
    november = create_meeting(session, date="2026-11-10")
    review_action(session, action_id=hall.id, meeting_id=november.id, status="dropped")

    checks = checks_before_export(session, Q2, dt.date(2026, 12, 6))

    assert [(c.record_kind, c.record_id) for c in checks] == [("action", hall.id)]
    assert checks[0].message == (
        "Action overdue since 04 Aug 2026 and still open on 30 Sep 2026, the period's last "
        "day (Jo): Book the hall"
    )
    assert not any("Dec" in c.message for c in checks)


def test_a_case_study_naming_a_young_person_blocks_the_export(session) -> None:
    add_young_person(
        session, first_name="Kayleigh", last_name="Hollins", date_of_birth="2011-03-04"
    )
    add_young_person(
        session, first_name="Tom", last_name="Ward", local_ref="BW-0042", age_band="13-15"
    )
    study = create_case_study(
        session,
        date="2026-05-20",
        title="Climbing wall",
        narrative="Kayleigh  HOLLINS, who had never climbed, reached the top.",
    )
    voice = record_voice(
        session, date="2026-06-02", method="survey", who="Year 9", said="Ask BW-0042 about the bus."
    )
    create_case_study(
        session,
        date="2026-05-21",
        title="Kayleigh's group",
        narrative="A first name alone is allowed.",
    )

    checks = checks_before_export(session, Q1, TODAY)

    assert _kinds(checks) == [("error", "case_study"), ("error", "voice")]
    assert [c.record_id for c in checks] == [study.id, voice.id]
    assert all(c.blocks for c in checks)
    assert "names a young person on record (K\u2026 H\u2026)" in checks[0].message
    assert "Hollins" not in checks[0].message


def test_registered_sessions_raise_no_warning(session) -> None:
    club = create_activity(
        session,
        title="Youth club",
        category="youth-work",
        start_date="2026-04-01",
        ecm_outcomes=["enjoy"],
    )
    held = add_session(
        session, activity_id=club.id, date="2026-05-05", start_time="18:00", end_time="20:00"
    )
    person = add_young_person(session, first_name="A", last_name="B", age_band="13-15")
    set_register(session, session_id=held.id, young_person_ids=[person.id])
    assert checks_before_export(session, Q1, TODAY) == []

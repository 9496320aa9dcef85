"""What coordinators rely on the services to do with the records they keep."""

from __future__ import annotations

import pytest
from sqlalchemy import func
from sqlmodel import select

from trustdesk.services import activities, attendance, meetings, partners
from trustdesk.services import young_people as people
from trustdesk.services.records import count_records, delete_record
from trustdesk.store import models as m


def count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_register_can_be_changed_without_counting_anyone_twice(session):
    club = activities.create_activity(
        session, title="Club", category="youth-work", start_date="2026-04-01"
    )
    evening = activities.add_session(
        session, activity_id=club.id, date="2026-04-03", start_time="18:30", end_time="20:30"
    )
    amy, ben, cal = (
        people.add_young_person(session, first_name=name, age_band="13-15").id
        for name in ("Amy", "Ben", "Cal")
    )
    attendance.set_register(session, session_id=evening.id, young_person_ids=[amy, ben])
    attendance.set_register(session, session_id=evening.id, young_person_ids=[amy, ben, cal])
    attendance.set_register(session, session_id=evening.id, young_person_ids=[ben, cal, cal])
    assert attendance.register(session, evening.id) == sorted([ben, cal])
    assert count(session, m.Attendance) == 2


def test_weekly_sessions_and_deleting_an_activity_takes_its_sessions_and_registers(session):
    club = activities.create_activity(
        session, title="Club", category="youth-work", start_date="2026-04-03"
    )
    evenings = activities.add_weekly_sessions(
        session,
        activity_id=club.id,
        first_date="2026-04-03",
        weeks=6,
        start_time="18:30",
        end_time="20:30",
    )
    assert [s.date.isoformat() for s in evenings][:3] == ["2026-04-03", "2026-04-10", "2026-04-17"]
    amy = people.add_young_person(session, first_name="Amy", age_band="13-15")
    for evening in evenings:
        attendance.set_register(session, session_id=evening.id, young_person_ids=[amy.id])
    delete_record(session, m.Activity, club.id, "activity")
    assert (
        count(session, m.ActivitySession),
        count(session, m.Attendance),
        count(session, m.YoungPerson),
    ) == (0, 0, 1)


def test_open_actions_are_carried_to_the_next_meeting_until_closed(session):
    youth = partners.create_partner(session, name="Youth Service", partner_type="youth")
    april = meetings.create_meeting(session, date="2026-04-14")
    risk = meetings.add_action(
        session,
        meeting_id=april.id,
        text="Risk assessment",
        owner="Sam",
        owner_partner_id=youth.id,
        due_date="2026-05-05",
    )
    leaflet = meetings.add_action(
        session, meeting_id=april.id, text="Leaflet", owner="Jo", due_date="2026-06-30"
    )
    may = meetings.create_meeting(session, date="2026-05-12")
    assert [a.text for a in meetings.open_actions_before(session, may.id)] == [
        "Risk assessment",
        "Leaflet",
    ]
    assert [a.id for a in meetings.open_actions_before(session, april.id)] == []

    meetings.review_action(
        session, action_id=risk.id, meeting_id=may.id, status="open", note="Waiting for the venue"
    )
    meetings.review_action(session, action_id=leaflet.id, meeting_id=may.id, status="done")
    june = meetings.create_meeting(session, date="2026-06-09")
    assert [a.id for a in meetings.open_actions_before(session, june.id)] == [risk.id]
    assert [a.id for a in meetings.overdue_actions(session, today=june.date)] == [risk.id]
    assert session.get(m.MeetingAction, leaflet.id).closed_on.isoformat() == "2026-05-12"


def test_counts_cover_every_kind_of_record(session):
    partners.create_partner(session, name="Youth Service", partner_type="youth")
    counts = dict(count_records(session))
    assert counts["Partners"] == 1
    assert counts["Attendance marks"] == 0
    assert len(counts) >= 19


def test_find_young_people_by_name_or_reference(session):
    people.add_young_person(
        session, first_name="Imogen", last_name="Lee", local_ref="BUR-00001", age_band="13-15"
    )
    people.add_young_person(session, first_name="Kai", local_ref="BUR-00002", age_band="13-15")
    assert [p.first_name for p in people.find_young_people(session, "imogen lee")] == ["Imogen"]
    assert [p.first_name for p in people.find_young_people(session, "00002")] == ["Kai"]


def test_editing_replaces_what_the_form_holds(session):
    club = activities.create_activity(
        session,
        title="Club",
        category="youth-work",
        start_date="2026-04-01",
        ecm_outcomes=["enjoy"],
    )
    activities.update_activity(
        session, club.id, title="Friday club", category="youth-work", start_date="2026-04-01",
        ecm_outcomes=["enjoy", "contribute"], venue="Youth Centre",
    )  # fmt: skip
    assert (session.get(m.Activity, club.id).title, session.get(m.Activity, club.id).venue) == (
        "Friday club",
        "Youth Centre",
    )
    assert sorted(activities.activity_outcomes(session, club.id)) == ["contribute", "enjoy"]
    kai = people.add_young_person(
        session, first_name="Kai", age_band="13-15", postcode_district="WS7"
    )
    people.update_young_person(session, kai.id, first_name="Kai", date_of_birth="2012-03-04")
    kai = session.get(m.YoungPerson, kai.id)
    assert (kai.age_band, kai.date_of_birth.isoformat(), kai.postcode_district) == (
        None,
        "2012-03-04",
        None,
    )


def test_a_misspelt_field_is_a_programming_error_not_ignored(session):
    with pytest.raises(TypeError, match="unknown field\\(s\\) for YoungPersonFields: frist_name"):
        people.add_young_person(session, frist_name="Kai", age_band="13-15")

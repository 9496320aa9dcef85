"""What the Meetings & actions page reads and writes through the services: the list of
meetings, every partner's attendance, the actions and their follow-up at later meetings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from trustdesk.errors import ValidationError
from trustdesk.services import meetings as m
from trustdesk.services.partners import create_partner, update_partner
from trustdesk.store.models import ActionReview


@pytest.fixture
def partners(session):
    return [
        create_partner(session, name=name, partner_type=kind).id
        for name, kind in (
            ("Alpha Club", "youth"),
            ("Bravo School", "school"),
            ("Police", "police"),
        )
    ]


def test_meetings_are_listed_newest_first_with_who_came_and_what_is_open(session, partners):
    april = m.create_meeting(session, date="2026-04-14").id
    may = m.create_meeting(session, date="2026-05-12", title="Summer planning").id
    alpha, bravo, police = partners
    m.set_partner_attendance(
        session, meeting_id=april, attendance={alpha: "present", bravo: "present", police: "absent"}
    )
    m.set_partner_attendance(session, meeting_id=may, attendance={alpha: "apologies"})
    late = m.add_action(session, meeting_id=april, text="A", owner="Jo", due_date="2026-05-01")
    m.add_action(session, meeting_id=april, text="B", owner="Jo", due_date="2026-09-01")
    done = m.add_action(session, meeting_id=april, text="C", owner="Jo")
    m.review_action(session, action_id=done.id, meeting_id=may, status="done")

    rows = m.list_meetings(session, today=dt.date(2026, 6, 1))

    assert [
        (r.id, r.title, r.present, r.apologies, r.actions, r.still_open, r.overdue) for r in rows
    ] == [
        (may, "Summer planning", 0, 1, 0, 0, 0),
        (april, "Locality group meeting", 2, 0, 3, 2, 1),
    ]
    assert m.list_meetings(session)[1].overdue == 0  # no day given: nothing is overdue
    assert late.id in {a.id for a in m.overdue_actions(session, today=dt.date(2026, 6, 1))}


def test_attendance_lists_every_partner_and_a_partner_not_expected_can_be_taken_off(
    session, partners
):
    alpha, bravo, police = partners
    meeting = m.create_meeting(session, date="2026-04-14").id
    m.set_partner_attendance(session, meeting_id=meeting, attendance={police: "present"})
    update_partner(session, police, name="Police", partner_type="police", active=False)

    assert [(a.name, a.status) for a in m.meeting_attendance(session, meeting)] == [
        ("Alpha Club", None),
        ("Bravo School", None),
        ("Police", "present"),  # no longer active, but it was at this meeting
    ]
    assert [a.name for a in m.meeting_attendance(session, None)] == ["Alpha Club", "Bravo School"]

    m.set_partner_attendance(
        session, meeting_id=meeting, attendance={police: None, alpha: "absent"}
    )
    statuses = {a.name: a.status for a in m.meeting_attendance(session, meeting)}
    assert statuses == {"Alpha Club": "absent", "Bravo School": None}
    with pytest.raises(ValidationError, match="Attendance"):
        m.set_partner_attendance(session, meeting_id=meeting, attendance={bravo: "late"})


def test_a_meeting_is_updated_with_the_same_checks_as_a_new_one(session):
    meeting = m.create_meeting(session, date="2026-04-14", venue="Library")
    m.update_meeting(session, meeting.id, date="2026-04-15", title="Planning", venue="Hall")
    assert (meeting.date, meeting.title, meeting.venue) == (
        dt.date(2026, 4, 15),
        "Planning",
        "Hall",
    )

    with pytest.raises(ValidationError, match="Title: is required"):
        m.update_meeting(session, meeting.id, date="2026-04-15", title=" ")
    with pytest.raises(ValidationError, match="Date"):
        m.update_meeting(session, meeting.id, date="15/04/2026", title="Planning")
    with pytest.raises(TypeError, match="place"):
        m.update_meeting(session, meeting.id, date="2026-04-15", title="x", place="Hall")  # type: ignore[call-arg]


def test_a_meeting_cannot_move_past_its_actions_or_before_what_it_reviewed(session):
    april = m.create_meeting(session, date="2026-04-14").id
    action = m.add_action(session, meeting_id=april, text="A", owner="Jo", due_date="2026-05-01")
    may = m.create_meeting(session, date="2026-05-12").id
    m.review_action(session, action_id=action.id, meeting_id=may, status="open")

    with pytest.raises(ValidationError, match="after the due date"):
        m.update_meeting(session, april, date="2026-05-02", title="Locality group meeting")
    with pytest.raises(ValidationError, match="before the meeting of 14 Apr 2026"):
        m.update_meeting(session, may, date="2026-04-01", title="Locality group meeting")

    june = m.create_meeting(session, date="2026-06-09").id
    undated = m.add_action(session, meeting_id=june, text="B", owner="Jo")
    july = m.create_meeting(session, date="2026-07-14").id
    m.review_action(session, action_id=undated.id, meeting_id=july, status="done")
    with pytest.raises(ValidationError, match="after the meeting of 14 Jul 2026"):
        m.update_meeting(session, june, date="2026-07-20", title="Locality group meeting")
    m.update_meeting(session, june, date="2026-07-14", title="Locality group meeting")


def test_an_action_is_corrected_with_the_checks_of_a_new_one(session, partners):
    april = m.create_meeting(session, date="2026-04-14").id
    action = m.add_action(session, meeting_id=april, text="Book", owner="Jo")
    may = m.create_meeting(session, date="2026-05-12").id
    m.review_action(session, action_id=action.id, meeting_id=may, status="open")

    m.update_action(
        session,
        action.id,
        text="Book the hall",
        owner="Jo Smith",
        owner_partner_id=partners[0],
        due_date="2026-06-01",
        status="done",
        today=dt.date(2026, 6, 20),
    )

    (row,) = m.meeting_actions(session, april)
    assert (row.text, row.owner, row.owner_partner_id, row.due_date) == (
        "Book the hall",
        "Jo Smith",
        partners[0],
        dt.date(2026, 6, 1),
    )
    # Marked done outside a meeting with no day given: done today.
    assert (row.status, row.closed_on, row.closed_at_meeting) == (
        "done",
        dt.date(2026, 6, 20),
        False,
    )
    assert m.meeting_of_action(session, action.id) == april
    with pytest.raises(ValidationError, match="Due date: is before the meeting"):
        m.update_action(session, action.id, text="Book", owner="Jo", due_date="2026-04-01")
    with pytest.raises(ValidationError, match="Owner: is required"):
        m.update_action(session, action.id, text="Book", owner="")


def test_follow_up_keeps_what_a_meeting_reviewed_and_later_meetings_drop_it(session):
    april = m.create_meeting(session, date="2026-04-14").id
    hall = m.add_action(session, meeting_id=april, text="Hall", owner="Jo", due_date="2026-05-01")
    leaflet = m.add_action(session, meeting_id=april, text="Leaflet", owner="Sam")
    may = m.create_meeting(session, date="2026-05-12").id
    june = m.create_meeting(session, date="2026-06-09").id
    today = dt.date(2026, 6, 20)

    before = m.follow_up(session, may, today=today)
    assert [(r.text, r.agreed_on, r.review, r.overdue) for r in before] == [
        ("Hall", dt.date(2026, 4, 14), None, True),  # due 1 May, before the meeting
        ("Leaflet", dt.date(2026, 4, 14), None, False),  # no due date
    ]
    assert m.follow_up(session, april, today=today) == []

    m.review_action(session, action_id=hall.id, meeting_id=may, status="done", note="Booked")
    m.review_action(session, action_id=leaflet.id, meeting_id=may, status="open", note="Draft")

    assert [
        (r.text, r.review, r.note, r.overdue) for r in m.follow_up(session, may, today=today)
    ] == [
        ("Hall", "done", "Booked", False),
        ("Leaflet", "open", "Draft", False),
    ]
    assert [r.id for r in m.follow_up(session, june, today=today)] == [leaflet.id]
    assert [a.id for a in m.open_actions_before(session, june)] == [leaflet.id]


def test_the_latest_meeting_counts_overdue_to_today(session):
    april = m.create_meeting(session, date="2026-04-14").id
    m.add_action(session, meeting_id=april, text="Hall", owner="Jo", due_date="2026-05-20")
    may = m.create_meeting(session, date="2026-05-12").id

    assert [r.overdue for r in m.follow_up(session, may, today=dt.date(2026, 5, 10))] == [False]
    assert [r.overdue for r in m.follow_up(session, may, today=dt.date(2026, 5, 21))] == [True]
    m.create_meeting(session, date="2026-06-09")  # May is no longer the latest: its own date
    assert [r.overdue for r in m.follow_up(session, may, today=dt.date(2026, 5, 21))] == [False]

    upcoming = m.follow_up_for_new_meeting(session, date="2026-07-14", today=dt.date(2026, 5, 21))
    assert [(r.text, r.review, r.overdue) for r in upcoming] == [("Hall", None, True)]


def test_reviewing_again_at_the_same_meeting_changes_that_review(session):
    april = m.create_meeting(session, date="2026-04-14").id
    action = m.add_action(session, meeting_id=april, text="Hall", owner="Jo")
    may = m.create_meeting(session, date="2026-05-12").id

    m.review_action(session, action_id=action.id, meeting_id=may, status="done")
    m.review_action(session, action_id=action.id, meeting_id=may, status="open", note="Not yet")

    reviews = session.exec(select(ActionReview)).all()
    assert [(r.meeting_id, r.status_after, r.note) for r in reviews] == [(may, "open", "Not yet")]
    assert (action.status, action.closed_on) == ("open", None)


def test_a_new_meeting_follows_up_what_is_open_without_earlier_meetings_reviews(session):
    april = m.create_meeting(session, date="2026-04-14").id
    hall = m.add_action(session, meeting_id=april, text="Hall", owner="Jo")
    leaflet = m.add_action(session, meeting_id=april, text="Leaflet", owner="Sam")
    may = m.create_meeting(session, date="2026-05-12").id
    m.review_action(session, action_id=hall.id, meeting_id=may, status="done", note="Booked")
    m.review_action(session, action_id=leaflet.id, meeting_id=may, status="open", note="Draft")

    upcoming = m.follow_up_for_new_meeting(session, date="2026-06-09", today=dt.date(2026, 6, 1))

    # May's "still open, Draft" is May's own: a meeting not saved yet has reviewed nothing.
    assert [(r.text, r.review, r.note) for r in upcoming] == [("Leaflet", None, "")]

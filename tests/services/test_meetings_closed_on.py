"""The day an action was done or dropped: a meeting's date when a later meeting closes it,
the day the coordinator gives (today unless said otherwise) when it is closed outside one."""

from __future__ import annotations

import datetime as dt

import pytest

from trustdesk.errors import ValidationError
from trustdesk.services import meetings as m
from trustdesk.store.models import MeetingAction

TODAY = dt.date(2026, 11, 23)


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture
def agreed(session) -> tuple[int, int, int]:
    """An action agreed on 14 July, found still open at the meeting of 8 September."""
    july = m.create_meeting(session, date="2026-07-14").id
    action = m.add_action(session, meeting_id=july, text="Hall", owner="Jo", due_date="2026-08-04")
    september = m.create_meeting(session, date="2026-09-08").id
    m.review_action(session, action_id=action.id, meeting_id=september, status="open")
    return july, september, action.id


def _close(session, action_id: int, status: str, **more) -> MeetingAction:
    fields = {"text": "Hall", "owner": "Jo", "due_date": "2026-08-04", "status": status}
    return m.update_action(session, action_id, **fields | more)


@pytest.mark.today(TODAY)
def test_closed_outside_a_meeting_on_today_by_default(session, agreed):
    _, _, action_id = agreed
    action = _close(session, action_id, "dropped")
    assert (action.status, action.closed_on) == ("dropped", TODAY)


def test_closed_outside_a_meeting_on_the_day_given(session, agreed):
    _, _, action_id = agreed
    action = _close(session, action_id, "dropped", closed_on="2026-11-10", today=TODAY)
    assert (action.status, action.closed_on) == ("dropped", D("2026-11-10"))
    # Changing only the day (it was dropped earlier than first said).
    _close(session, action_id, "dropped", closed_on="2026-10-02", today=TODAY)
    assert action.closed_on == D("2026-10-02")
    # Editing the text again keeps the day.
    m.update_action(session, action_id, text="Hall booked", owner="Jo", today=TODAY)
    assert (action.status, action.closed_on) == ("dropped", D("2026-10-02"))


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2026-11-24", r"Done or dropped on: is after today \(23 Nov 2026\)"),
        ("2026-07-13", r"Done or dropped on: is before the meeting of 14 Jul 2026, which agreed"),
        ("2026-09-07", r"is before the meeting of 08 Sep 2026, which found it still open"),
    ],
)
def test_a_day_in_the_future_or_before_it_was_agreed_or_found_open_is_refused(
    session, agreed, day, message
):
    _, _, action_id = agreed
    with pytest.raises(ValidationError, match=message):
        _close(session, action_id, "done", closed_on=day, today=TODAY)
    action = session.get(MeetingAction, action_id)
    assert (action.status, action.closed_on) == ("open", None)


def test_the_day_it_was_agreed_and_today_are_allowed(session, agreed):
    july, _, _ = agreed
    first = m.add_action(session, meeting_id=july, text="Leaflet", owner="Sam")
    assert _close(session, first.id, "done", closed_on="2026-07-14", today=TODAY).closed_on == D(
        "2026-07-14"
    )
    second = m.add_action(session, meeting_id=july, text="Poster", owner="Sam")
    assert _close(session, second.id, "done", closed_on=TODAY, today=TODAY).closed_on == TODAY


def test_marked_open_again_it_has_no_day(session, agreed):
    _, _, action_id = agreed
    _close(session, action_id, "done", closed_on="2026-10-01", today=TODAY)
    action = _close(session, action_id, "open", closed_on="2026-10-01", today=TODAY)
    assert (action.status, action.closed_on) == ("open", None)


def test_a_close_decided_at_a_meeting_keeps_that_meetings_date(session, agreed):
    _, _, action_id = agreed
    october = m.create_meeting(session, date="2026-10-13").id
    m.review_action(session, action_id=action_id, meeting_id=october, status="done")
    (row,) = [r for r in m.meeting_actions(session, agreed[0]) if r.id == action_id]
    assert (row.status, row.closed_on, row.closed_at_meeting) == ("done", D("2026-10-13"), True)

    m.update_action(session, action_id, text="Hall booked", owner="Jo", today=TODAY)
    with pytest.raises(ValidationError, match="meeting of 13 Oct 2026, which decided it"):
        _close(session, action_id, "done", closed_on="2026-10-20", today=TODAY)
    assert session.get(MeetingAction, action_id).closed_on == D("2026-10-13")

    # Dropped afterwards, outside a meeting: a new decision, on its own day.
    action = _close(session, action_id, "dropped", closed_on="2026-11-10", today=TODAY)
    assert (action.status, action.closed_on) == ("dropped", D("2026-11-10"))
    (row,) = [r for r in m.meeting_actions(session, agreed[0]) if r.id == action_id]
    assert row.closed_at_meeting is False


def test_a_meeting_moved_moves_the_day_of_what_it_closed(session, agreed):
    _, _, action_id = agreed
    october = m.create_meeting(session, date="2026-10-13").id
    m.review_action(session, action_id=action_id, meeting_id=october, status="dropped")
    m.update_meeting(session, october, date="2026-10-15", title="Locality group meeting")
    assert session.get(MeetingAction, action_id).closed_on == D("2026-10-15")


def test_a_meeting_cannot_move_past_the_day_one_of_its_actions_was_closed(session, agreed):
    july, _, _ = agreed
    leaflet = m.add_action(session, meeting_id=july, text="Leaflet", owner="Sam")
    _close(session, leaflet.id, "done", closed_on="2026-07-20", today=TODAY)
    with pytest.raises(ValidationError, match="done or dropped \\(20 Jul 2026\\)"):
        m.update_meeting(session, july, date="2026-07-21", title="Locality group meeting")
    m.update_meeting(session, july, date="2026-07-20", title="Locality group meeting")

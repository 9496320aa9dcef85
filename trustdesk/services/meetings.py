"""The locality group's meetings: partner attendance, actions agreed, and their follow-up.

An action stays open until a later meeting reviews it as done or dropped; every open action
from earlier meetings is brought forward to the next one (the Northumberland risk group's
practice of checking actions at the next meeting).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import ActionReview, Meeting, MeetingAction, MeetingAttendance, Partner

ATTENDANCE = ("present", "apologies", "absent")
ACTION_STATUSES = ("open", "done", "dropped")


def create_meeting(
    session: Session,
    *,
    date: dt.date | str,
    title: str = "Locality group meeting",
    venue: str = "",
    notes: str = "",
) -> Meeting:
    meeting = Meeting(
        date=v.required_date("Date", date),
        title=v.text("Title", title),
        venue=v.text("Venue", venue, required=False),
        notes=v.text("Notes", notes, required=False, max_length=20000),
    )
    return v.save(session, meeting)


def set_partner_attendance(
    session: Session, *, meeting_id: int, attendance: dict[int, str]
) -> None:
    """``{partner_id: "present" | "apologies" | "absent"}`` for the partners expected."""
    v.get(session, Meeting, meeting_id, "meeting")
    for partner_id, status in attendance.items():
        v.get(session, Partner, partner_id, "partner")
        status = v.one_of("Attendance", status, ATTENDANCE)
        row = session.get(MeetingAttendance, (meeting_id, partner_id))
        if row is None:
            session.add(
                MeetingAttendance(meeting_id=meeting_id, partner_id=partner_id, status=status)
            )
        else:
            row.status = status
    session.commit()


def add_action(
    session: Session,
    *,
    meeting_id: int,
    text: str,
    owner: str,
    due_date: dt.date | str | None = None,
    owner_partner_id: int | None = None,
) -> MeetingAction:
    meeting = v.get(session, Meeting, meeting_id, "meeting")
    if owner_partner_id is not None:
        v.get(session, Partner, owner_partner_id, "partner")
    due = v.a_date("Due date", due_date, required=False)
    if due and due < meeting.date:
        raise ValidationError("Due date", "is before the meeting that agreed the action.")
    action = MeetingAction(
        meeting_id=meeting_id,
        text=v.text("Action", text, max_length=2000),
        owner=v.text("Owner", owner),
        owner_partner_id=owner_partner_id,
        due_date=due,
    )
    return v.save(session, action)


def open_actions_before(session: Session, meeting_id: int) -> list[MeetingAction]:
    """Actions agreed at earlier meetings and still open: the next meeting's follow-up list."""
    meeting = v.get(session, Meeting, meeting_id, "meeting")
    query = (
        select(MeetingAction)
        .join(Meeting, col(Meeting.id) == MeetingAction.meeting_id)
        .where(Meeting.date < meeting.date)
        .where(MeetingAction.status == "open")
        .order_by(col(MeetingAction.due_date).is_(None), MeetingAction.due_date, MeetingAction.id)
    )
    return list(session.exec(query))


def review_action(
    session: Session, *, action_id: int, meeting_id: int, status: str, note: str = ""
) -> MeetingAction:
    """Record what a later meeting found: still open (carried on), done or dropped."""
    action = v.get(session, MeetingAction, action_id, "action")
    meeting = v.get(session, Meeting, meeting_id, "meeting")
    agreed_at = v.get(session, Meeting, action.meeting_id, "meeting")
    if meeting.date < agreed_at.date:
        raise ValidationError("Meeting", "an action can only be reviewed at a later meeting.")
    status = v.one_of("Status", status, ACTION_STATUSES)
    session.add(
        ActionReview(
            action_id=action_id,
            meeting_id=meeting_id,
            note=v.text("Note", note, required=False, max_length=2000),
            status_after=status,
        )
    )
    action.status = status
    action.done_date = meeting.date if status == "done" else None
    return v.save(session, action)


def overdue_actions(session: Session, *, today: dt.date) -> list[MeetingAction]:
    query = (
        select(MeetingAction)
        .where(MeetingAction.status == "open")
        .where(col(MeetingAction.due_date).is_not(None))
        .where(MeetingAction.due_date < today)
        .order_by(MeetingAction.due_date)
    )
    return list(session.exec(query))

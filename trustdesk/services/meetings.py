"""The locality group's meetings: partner attendance, actions agreed, and their follow-up.

An action stays open until a later meeting reviews it as done or dropped; every open action
from earlier meetings is brought forward to the next one (the Northumberland risk group's
practice of checking actions at the next meeting). A meeting's follow-up list also keeps the
actions it reviewed, with what it decided, so the meeting still shows what it closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from sqlalchemy import select as sa_select
from sqlmodel import Session, and_, case, col, false, func, or_, select

from trustdesk import clock
from trustdesk.errors import ValidationError
from trustdesk.services import action_closing as closing
from trustdesk.services import validation as v
from trustdesk.services.partners import list_partner_rows
from trustdesk.store.models import (
    ActionReview,
    Meeting,
    MeetingAction,
    MeetingAttendance,
    Partner,
    key,
    saved_id,
)

ATTENDANCE = ("present", "apologies", "absent")
ACTION_STATUSES = ("open", "done", "dropped")
# Open actions first by due date (those without one last): the order they are gone through.
_DUE_ORDER = (
    col(MeetingAction.due_date).is_(None),
    col(MeetingAction.due_date),
    key(MeetingAction.id),
)


class MeetingFields(TypedDict, total=False):
    """One meeting of the locality group; the same for a new one and an edit."""

    date: dt.date | str
    title: str
    venue: str
    notes: str


def _save_meeting(session: Session, meeting: Meeting, fields: MeetingFields) -> Meeting:
    v.known_fields(fields, MeetingFields)
    day = v.required_date("date", fields.get("date"))
    values = {
        "date": day,
        "title": v.text("title", fields.get("title")),
        "venue": v.text("venue", fields.get("venue"), required=False),
        "notes": v.text("notes", fields.get("notes"), required=False, max_length=20000),
    }
    if meeting.id is not None:
        _check_new_date(session, meeting.id, day)
        closing.follow_meeting_date(session, meeting, day)
    return v.save(session, v.apply(meeting, values))


def _check_new_date(session: Session, meeting_id: int, day: dt.date) -> None:
    """A meeting cannot move past the due date of an action it agreed, past a meeting that
    reviewed one or the day one was done or dropped, nor before a meeting whose actions it
    reviewed: the rules of adding, reviewing and closing an action."""
    due = session.exec(
        select(func.min(MeetingAction.due_date)).where(MeetingAction.meeting_id == meeting_id)
    ).one()
    if due is not None and due < day:
        raise ValidationError(
            "date", f"is after the due date of an action agreed at the meeting ({due:%d %b %Y})."
        )
    reviewed = session.exec(
        select(func.min(Meeting.date))
        .join(ActionReview, col(ActionReview.meeting_id) == Meeting.id)
        .join(MeetingAction, col(MeetingAction.id) == ActionReview.action_id)
        .where(MeetingAction.meeting_id == meeting_id, Meeting.id != meeting_id)
    ).one()
    if reviewed is not None and reviewed < day:
        raise ValidationError(
            "date",
            f"is after the meeting of {reviewed:%d %b %Y}, which reviewed its actions.",
        )
    agreed = session.exec(
        select(func.max(Meeting.date))
        .join(MeetingAction, col(MeetingAction.meeting_id) == Meeting.id)
        .join(ActionReview, col(ActionReview.action_id) == MeetingAction.id)
        .where(ActionReview.meeting_id == meeting_id)
    ).one()
    if agreed is not None and day < agreed:
        raise ValidationError(
            "date",
            f"is before the meeting of {agreed:%d %b %Y}, whose actions this meeting reviewed.",
        )
    closed = closing.earliest_closed(session, meeting_id)
    if closed is not None and closed < day:
        raise ValidationError(
            "date",
            f"is after the day an action agreed at it was done or dropped ({closed:%d %b %Y}).",
        )


def create_meeting(
    session: Session,
    *,
    date: dt.date | str,
    title: str = "Locality group meeting",
    venue: str = "",
    notes: str = "",
) -> Meeting:
    fields = MeetingFields(date=date, title=title, venue=venue, notes=notes)
    return _save_meeting(session, Meeting(), fields)  # type: ignore[call-arg]  # filled and checked by _save_meeting


def update_meeting(session: Session, meeting_id: int, **fields: Unpack[MeetingFields]) -> Meeting:
    return _save_meeting(session, v.get(session, Meeting, meeting_id, "meeting"), fields)


@dataclass(frozen=True)
class MeetingRow:
    id: int
    date: dt.date
    title: str
    present: int  # partners present
    apologies: int  # partners who sent apologies
    actions: int  # actions agreed at the meeting
    still_open: int  # of those, still open
    overdue: int  # of those, open and past their due date (0 when no day was given)


def list_meetings(session: Session, *, today: dt.date | None = None) -> list[MeetingRow]:
    """Every meeting, newest first, with who came and how many of its actions are still open
    (and, given ``today``, how many of those are overdue)."""
    is_open = MeetingAction.status == "open"
    late = and_(is_open, col(MeetingAction.due_date) < today) if today else false()
    actions = {
        meeting_id: (agreed, still_open or 0, overdue or 0)
        for meeting_id, agreed, still_open, overdue in session.exec(
            select(
                MeetingAction.meeting_id,
                func.count(),
                func.sum(case((is_open, 1), else_=0)),
                func.sum(case((late, 1), else_=0)),
            ).group_by(col(MeetingAction.meeting_id))
        )
    }
    query = (
        sa_select(
            key(Meeting.id),
            col(Meeting.date),
            col(Meeting.title),
            func.sum(case((col(MeetingAttendance.status) == "present", 1), else_=0)),
            func.sum(case((col(MeetingAttendance.status) == "apologies", 1), else_=0)),
        )
        .outerjoin(MeetingAttendance, col(MeetingAttendance.meeting_id) == Meeting.id)
        .group_by(col(Meeting.id))
        .order_by(col(Meeting.date).desc(), col(Meeting.id).desc())
    )
    return [
        MeetingRow(i, day, title, present or 0, apologies or 0, *actions.get(i, (0, 0, 0)))
        for i, day, title, present, apologies in session.execute(query)
    ]


# ----- partners at a meeting -------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceRow:
    id: int  # the partner's
    name: str
    partner_type: str  # the type's name
    active: bool
    status: str | None  # present | apologies | absent; None: not expected


def meeting_attendance(session: Session, meeting_id: int | None) -> list[AttendanceRow]:
    """Every active partner, by name, with its attendance at the meeting (None for a partner
    not expected there), and any partner no longer active that the meeting recorded. A new
    meeting (``None``) lists the active partners with no attendance yet."""
    statuses: dict[int, str] = {}
    if meeting_id is not None:
        v.get(session, Meeting, meeting_id, "meeting")
        query = select(MeetingAttendance.partner_id, MeetingAttendance.status).where(
            MeetingAttendance.meeting_id == meeting_id
        )
        statuses = dict(session.exec(query).all())
    return [
        AttendanceRow(p.id, p.name, p.partner_type, p.active, statuses.get(p.id))
        for p in list_partner_rows(session)
        if p.active or p.id in statuses
    ]


def set_partner_attendance(
    session: Session, *, meeting_id: int, attendance: dict[int, str | None]
) -> None:
    """``{partner_id: "present" | "apologies" | "absent"}`` for the partners expected; None
    for a partner not expected at the meeting (after all) removes its attendance."""
    v.get(session, Meeting, meeting_id, "meeting")
    known = set(session.exec(select(Partner.id).where(col(Partner.id).in_(attendance))).all())
    rows = {
        row.partner_id: row
        for row in session.exec(
            select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id)
        )
    }
    for partner_id, status in attendance.items():
        if partner_id not in known:
            v.get(session, Partner, partner_id, "partner")  # says it no longer exists
        row = rows.get(partner_id)
        if status is None:
            if row is not None:
                session.delete(row)
            continue
        status = v.one_of("attendance", status, ATTENDANCE)
        if row is None:
            session.add(
                MeetingAttendance(meeting_id=meeting_id, partner_id=partner_id, status=status)
            )
        else:
            row.status = status
    session.flush()


# ----- actions ------------------------------------------------------------------------------------


class ActionFields(TypedDict, total=False):
    """An action agreed at a meeting, as its meeting's form edits it."""

    text: str
    owner: str  # a named person, e.g. "Sarah Cooper (Youth Service)"
    owner_partner_id: int | None  # the owner's organisation, if a partner
    due_date: dt.date | str | None
    status: str  # open | done | dropped
    closed_on: dt.date | str | None  # the day it was done or dropped (default: today)


def _action_values(session: Session, meeting: Meeting, fields: ActionFields) -> dict[str, Any]:
    v.known_fields(fields, ActionFields)
    owner_partner_id = fields.get("owner_partner_id")
    if owner_partner_id is not None:
        v.get(session, Partner, owner_partner_id, "partner")
    due = v.a_date("due_date", fields.get("due_date"), required=False)
    if due and due < meeting.date:
        raise ValidationError("due_date", "is before the meeting that agreed the action.")
    return {
        "text": v.text("text", fields.get("text"), max_length=2000),
        "owner": v.text("owner", fields.get("owner")),
        "owner_partner_id": owner_partner_id,
        "due_date": due,
    }


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
    fields = ActionFields(
        text=text, owner=owner, due_date=due_date, owner_partner_id=owner_partner_id
    )
    action = MeetingAction(meeting_id=meeting_id, **_action_values(session, meeting, fields))
    return v.save(session, action)


def update_action(
    session: Session,
    action_id: int,
    *,
    today: dt.date | None = None,
    **fields: Unpack[ActionFields],
) -> MeetingAction:
    """Correct an action, or mark it done or dropped outside a meeting: on ``closed_on``,
    today unless given (:func:`trustdesk.clock.today` unless ``today`` is), never later than
    today nor before the action was agreed or last found open at a meeting. Marked open
    again, it has no such day. The day of a close made at a meeting is that meeting's."""
    action = v.get(session, MeetingAction, action_id, "action")
    meeting = v.get(session, Meeting, action.meeting_id, "meeting")
    values = _action_values(session, meeting, fields)
    status = v.one_of("status", fields.get("status", action.status), ACTION_STATUSES)
    day = v.a_date("closed_on", fields.get("closed_on"), required=False)
    if status == "open":
        values |= {"status": status, "closed_on": None}
    elif status != action.status or (day is not None and day != action.closed_on):
        if status == action.status:
            closing.check_not_closed_at_meeting(session, action)
        today = today or clock.today()
        day = day or today
        closing.check_closed_on(session, action, meeting, day, today)
        values |= {"status": status, "closed_on": day}
    return v.save(session, v.apply(action, values))


@dataclass(frozen=True)
class ActionRow:
    id: int
    text: str
    owner: str
    owner_partner_id: int | None
    due_date: dt.date | None
    status: str  # open | done | dropped
    closed_on: dt.date | None  # the day it was done or dropped
    closed_at_meeting: bool  # closed by a later meeting's review (its day is that meeting's)

    def overdue(self, today: dt.date) -> bool:
        return self.status == "open" and self.due_date is not None and self.due_date < today


def meeting_actions(session: Session, meeting_id: int) -> list[ActionRow]:
    """The actions agreed at a meeting, in the order they were agreed."""
    v.get(session, Meeting, meeting_id, "meeting")
    query = (
        select(MeetingAction, closing.closed_by_review())
        .where(MeetingAction.meeting_id == meeting_id)
        .order_by(col(MeetingAction.id))
    )
    return [
        ActionRow(
            saved_id(a),
            a.text,
            a.owner,
            a.owner_partner_id,
            a.due_date,
            a.status,
            a.closed_on,
            bool(at_meeting),
        )
        for a, at_meeting in session.exec(query)
    ]


def meeting_of_action(session: Session, action_id: int) -> int:
    """The meeting that agreed an action."""
    return v.get(session, MeetingAction, action_id, "action").meeting_id


# ----- follow-up at later meetings -------------------------------------------------------------------


def open_actions_before(session: Session, meeting_id: int) -> list[MeetingAction]:
    """Actions agreed at earlier meetings and still open: the next meeting's follow-up list."""
    meeting = v.get(session, Meeting, meeting_id, "meeting")
    query = (
        select(MeetingAction)
        .join(Meeting, col(Meeting.id) == MeetingAction.meeting_id)
        .where(col(Meeting.date) < meeting.date)
        .where(col(MeetingAction.status) == "open")
        .order_by(*_DUE_ORDER)
    )
    return list(session.exec(query))


@dataclass(frozen=True)
class FollowUpRow:
    id: int  # the action's
    text: str
    owner: str
    agreed_on: dt.date  # the date of the meeting that agreed it
    agreed_at: int  # that meeting's id
    due_date: dt.date | None
    review: str | None  # what this meeting decided: open | done | dropped; None: not yet
    note: str  # the review's note
    overdue: bool  # still open here and past its due date


def follow_up(session: Session, meeting_id: int, *, today: dt.date) -> list[FollowUpRow]:
    """What a meeting follows up: the open actions of earlier meetings (open_actions_before),
    and those it already reviewed (with what it decided). An action still open is overdue if
    its due date is before the meeting, or for the latest meeting, before ``today``."""
    meeting = v.get(session, Meeting, meeting_id, "meeting")
    return _follow_up(session, meeting.date, meeting_id, today)


def follow_up_for_new_meeting(
    session: Session, *, date: dt.date | str, today: dt.date
) -> list[FollowUpRow]:
    """What a meeting not saved yet, on ``date``, will follow up (none of it reviewed yet)."""
    return _follow_up(session, v.required_date("date", date), None, today)


def _follow_up(
    session: Session, day: dt.date, meeting_id: int | None, today: dt.date
) -> list[FollowUpRow]:
    latest = session.exec(select(func.max(Meeting.date))).one()
    checked_on = today if latest is None or day >= latest else day
    # For a meeting not saved yet this reads "meeting_id IS NULL": no review, found through the
    # index (a constant false there made SQLite read every review once per action).
    reviewed_here = col(ActionReview.meeting_id) == meeting_id
    query = (
        select(
            MeetingAction, col(Meeting.date), col(ActionReview.status_after), col(ActionReview.note)
        )
        .join(Meeting, col(Meeting.id) == MeetingAction.meeting_id)
        .outerjoin(
            ActionReview, and_(col(ActionReview.action_id) == MeetingAction.id, reviewed_here)
        )
        .where(col(Meeting.date) < day)
        .where(or_(col(MeetingAction.status) == "open", col(ActionReview.id).is_not(None)))
        .order_by(*_DUE_ORDER, col(ActionReview.id))
    )
    rows: dict[int, FollowUpRow] = {}  # the latest review here wins, should there be two
    for action, agreed_on, review, note in session.exec(query):
        still_open = (review or action.status) == "open"
        due = action.due_date
        action_id = saved_id(action)
        rows[action_id] = FollowUpRow(
            action_id,
            action.text,
            action.owner,
            agreed_on,
            action.meeting_id,
            due,
            review,
            note or "",
            still_open and due is not None and due < checked_on,
        )
    return list(rows.values())


def review_action(
    session: Session, *, action_id: int, meeting_id: int, status: str, note: str = ""
) -> MeetingAction:
    """Record what a later meeting found: still open (carried on), done or dropped. A meeting
    reviews an action once: reviewing it again at the same meeting changes that review."""
    action = v.get(session, MeetingAction, action_id, "action")
    meeting = v.get(session, Meeting, meeting_id, "meeting")
    agreed_at = v.get(session, Meeting, action.meeting_id, "meeting")
    if meeting.date < agreed_at.date:
        raise ValidationError("meeting_id", "an action can only be reviewed at a later meeting.")
    status = v.one_of("status", status, ACTION_STATUSES)
    note = v.text("note", note, required=False, max_length=2000, label="Note")
    review = session.exec(
        select(ActionReview).where(
            ActionReview.action_id == action_id, ActionReview.meeting_id == meeting_id
        )
    ).first() or ActionReview(action_id=action_id, meeting_id=meeting_id, status_after=status)
    session.add(v.apply(review, {"note": note, "status_after": status}))
    action.status = status
    action.closed_on = None if status == "open" else meeting.date
    return v.save(session, action)


def overdue_actions(session: Session, *, today: dt.date) -> list[MeetingAction]:
    query = (
        select(MeetingAction)
        .where(col(MeetingAction.status) == "open")
        .where(col(MeetingAction.due_date).is_not(None))
        .where(col(MeetingAction.due_date) < today)
        .order_by(col(MeetingAction.due_date))
    )
    return list(session.exec(query))


@dataclass(frozen=True)
class MeetingShown:
    """Everything the Meetings page's form shows of one meeting, read together."""

    meeting: Meeting
    attendance: list[AttendanceRow]
    actions: list[ActionRow]
    follow_up: list[FollowUpRow]


def meeting_shown(session: Session, meeting_id: int, *, today: dt.date) -> MeetingShown:
    return MeetingShown(
        v.get(session, Meeting, meeting_id, "meeting"),
        meeting_attendance(session, meeting_id),
        meeting_actions(session, meeting_id),
        follow_up(session, meeting_id, today=today),
    )


def meeting_parts(
    session: Session, meeting_id: int, *, today: dt.date
) -> tuple[list[ActionRow], list[FollowUpRow]]:
    """A meeting's actions and its follow-up of earlier ones, read again after a change."""
    return meeting_actions(session, meeting_id), follow_up(session, meeting_id, today=today)

"""The day an action was done or dropped (``MeetingAction.closed_on``), so that its status on
any day is known: a later meeting's review closes it on that meeting's date; a coordinator
marking it done or dropped outside a meeting gives the day (today unless said otherwise).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, Exists
from sqlmodel import Session, col, func, select

from trustdesk.errors import ValidationError
from trustdesk.store.models import ActionReview, Meeting, MeetingAction


def _closed_at_the_review() -> list[ColumnElement[bool]]:
    """An action closed, as it stands, by a meeting's review (joined): the same decision on
    the same day, so the day is that meeting's, not the coordinator's."""
    return [
        col(ActionReview.action_id) == col(MeetingAction.id),
        col(ActionReview.status_after) == col(MeetingAction.status),
        col(MeetingAction.status) != "open",
        col(Meeting.date) == col(MeetingAction.closed_on),
    ]


def closed_by_review() -> Exists:
    """For the action in hand (correlated): closed by a meeting's review."""
    return (
        select(ActionReview.id)
        .join(Meeting, col(Meeting.id) == ActionReview.meeting_id)
        .where(*_closed_at_the_review())
        .exists()
    )


def check_not_closed_at_meeting(session: Session, action: MeetingAction) -> None:
    """The day of a close decided at a meeting is that meeting's date."""
    query = select(closed_by_review()).where(MeetingAction.id == action.id)
    if session.exec(query).one():
        raise ValidationError(
            "closed_on",
            f"is the date of the meeting of {action.closed_on:%d %b %Y}, which decided it: "
            "change the review at that meeting instead.",
        )


def check_closed_on(
    session: Session, action: MeetingAction, agreed_at: Meeting, day: dt.date, today: dt.date
) -> None:
    """A day an action was done or dropped outside a meeting: not after today, not before the
    meeting that agreed it, nor before a later meeting that found it still open."""
    if day > today:
        raise ValidationError(
            "closed_on", f"is after today ({today:%d %b %Y}); give the day it was closed."
        )
    if day < agreed_at.date:
        raise ValidationError(
            "closed_on", f"is before the meeting of {agreed_at.date:%d %b %Y}, which agreed it."
        )
    found_open = session.exec(
        select(func.max(Meeting.date))
        .join(ActionReview, col(ActionReview.meeting_id) == Meeting.id)
        .where(ActionReview.action_id == action.id, ActionReview.status_after == "open")
    ).one()
    if found_open is not None and day < found_open:
        raise ValidationError(
            "closed_on",
            f"is before the meeting of {found_open:%d %b %Y}, which found it still open.",
        )


def follow_meeting_date(session: Session, meeting: Meeting, day: dt.date) -> None:
    """A meeting moved to ``day``: the actions its reviews closed were closed on that day.
    (A meeting that agreed actions cannot move past the day one was closed, see
    :func:`earliest_closed`.)"""
    if day == meeting.date:
        return
    query = (
        select(MeetingAction)
        .join(ActionReview, col(ActionReview.action_id) == MeetingAction.id)
        .join(Meeting, col(Meeting.id) == ActionReview.meeting_id)
        .where(col(Meeting.id) == meeting.id, *_closed_at_the_review())
    )
    for action in list(session.exec(query)):
        action.closed_on = day


def earliest_closed(session: Session, meeting_id: int) -> dt.date | None:
    """The first day an action agreed at the meeting was done or dropped: the meeting cannot
    move past it."""
    return session.exec(
        select(func.min(MeetingAction.closed_on)).where(MeetingAction.meeting_id == meeting_id)
    ).one()

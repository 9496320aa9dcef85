"""An action's status on a given day, in SQL: what the return's "actions overdue", the
checks before exporting a period and the dashboard all count with, so they agree.

An action is open at the end of a day when it was agreed on or before that day (at a meeting
held by then) and was not done or dropped on or before it (its ``closed_on``). Whatever
happened to it afterwards does not matter: a past period's figures never change because an
action was closed later. An action closed without a day (closed before TrustDesk kept the
day, and never reviewed at a meeting) counts as closed since it was agreed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement
from sqlmodel import col

from trustdesk.store.models import Meeting, MeetingAction


def open_at_end_of(day: dt.date) -> ColumnElement[bool]:
    """Agreed on or before ``day`` and not done or dropped on or before it."""
    agreed_by_then = select(col(Meeting.id)).where(col(Meeting.date) <= day)
    return and_(
        col(MeetingAction.meeting_id).in_(agreed_by_then),
        or_(col(MeetingAction.status) == "open", col(MeetingAction.closed_on) > day),
    )


def overdue_at_end_of(day: dt.date) -> ColumnElement[bool]:
    """Open at the end of ``day`` (:func:`open_at_end_of`) and due before it."""
    return and_(open_at_end_of(day), col(MeetingAction.due_date) < day)


def actions_on(session: Session, day: dt.date) -> tuple[int, int]:
    """How many actions are open at the end of ``day``, and how many of those are overdue
    (due before it): the Dashboards' counts."""
    overdue = func.coalesce(func.sum(case((col(MeetingAction.due_date) < day, 1), else_=0)), 0)
    query = select(func.count(), overdue).where(open_at_end_of(day))
    open_count, overdue_count = session.execute(query).one()
    return int(open_count), int(overdue_count)

"""The locality group's own meetings: who came, what was agreed, and its follow-up."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"

    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    title: str = Field(default="Locality group meeting", max_length=200)
    venue: str = Field(default="", max_length=200)
    notes: str = ""


class MeetingAttendance(SQLModel, table=True):
    """Whether a partner organisation was present, sent apologies or was absent."""

    __tablename__ = "meeting_attendance"

    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", primary_key=True)
    partner_id: int = Field(foreign_key="partner.id", ondelete="CASCADE", primary_key=True)
    status: str = Field(max_length=10)  # present | apologies | absent


class MeetingAction(SQLModel, table=True):
    """An action agreed at a meeting, with a named owner; open until done or dropped.

    ``closed_on`` is the day it was done or dropped: the date of the meeting that reviewed
    it so, or the day given when it was closed outside a meeting. So its status on any day
    is known, and a past period's figures do not change when it is closed later. It is None
    while the action is open, and for an action closed before TrustDesk kept the day and
    never reviewed at a meeting: that one counts as closed since it was agreed."""

    __tablename__ = "meeting_action"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    text: str
    owner: str = Field(max_length=200)
    owner_partner_id: int | None = Field(
        default=None, foreign_key="partner.id", ondelete="SET NULL"
    )
    due_date: dt.date | None = None
    status: str = Field(default="open", max_length=10)  # open | done | dropped
    closed_on: dt.date | None = None  # done or dropped on; None while open


class ActionReview(SQLModel, table=True):
    """An open action looked at again at a later meeting (it is carried until it is closed)."""

    __tablename__ = "action_review"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="meeting_action.id", ondelete="CASCADE", index=True)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE", index=True)
    note: str = ""
    status_after: str = Field(max_length=10)  # open | done | dropped

"""Activities, their sessions, the ECM outcomes they serve and what partners put in."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from trustdesk.store.models.base import utc_now


class Activity(SQLModel, table=True):
    __tablename__ = "activity"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    category: str = Field(max_length=40)  # a code from the trust's activity_categories
    venue: str = Field(default="", max_length=200)
    lead_partner_id: int | None = Field(default=None, foreign_key="partner.id", ondelete="SET NULL")
    start_date: dt.date
    end_date: dt.date | None = None
    description: str = ""
    created_at: dt.datetime = Field(default_factory=utc_now)


class ActivityOutcome(SQLModel, table=True):
    """An Every Child Matters outcome that an activity serves."""

    __tablename__ = "activity_outcome"

    activity_id: int = Field(foreign_key="activity.id", ondelete="CASCADE", primary_key=True)
    ecm_outcome: str = Field(primary_key=True, max_length=40)


class ActivitySession(SQLModel, table=True):
    """One session of an activity: a date and its times. Attendance is marked per session."""

    __tablename__ = "activity_session"

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="activity.id", ondelete="CASCADE", index=True)
    date: dt.date = Field(index=True)
    start_time: dt.time
    end_time: dt.time
    notes: str = ""


class PartnerContribution(SQLModel, table=True):
    """What one partner put into an activity, dated so a return can count it in its period.
    Money in pence, staff time in minutes."""

    __tablename__ = "partner_contribution"

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="activity.id", ondelete="CASCADE", index=True)
    partner_id: int = Field(foreign_key="partner.id", ondelete="CASCADE", index=True)
    date: dt.date = Field(index=True)
    staff_minutes: int = 0
    money_pence: int = 0
    in_kind: str = ""
    in_kind_value_pence: int = 0

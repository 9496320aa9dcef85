"""Evidence of impact: what young people said and what changed, case studies, and the
small flexible budget."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class VoiceEntry(SQLModel, table=True):
    """What young people said, who said it in aggregate terms, and what changed because of it."""

    __tablename__ = "voice_entry"

    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    method: str = Field(max_length=40)  # a code from the trust's voice_methods
    who: str = Field(max_length=200)  # e.g. "Year 9 group at Chase Terrace" - never a name
    group_size: int | None = None
    said: str
    change_made: str = ""
    change_date: dt.date | None = None
    activity_id: int | None = Field(default=None, foreign_key="activity.id", ondelete="SET NULL")


class CaseStudy(SQLModel, table=True):
    """An anonymised story of impact."""

    __tablename__ = "case_study"

    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    title: str = Field(max_length=200)
    narrative: str
    activity_id: int | None = Field(default=None, foreign_key="activity.id", ondelete="SET NULL")


class CaseStudyOutcome(SQLModel, table=True):
    __tablename__ = "case_study_outcome"

    case_study_id: int = Field(foreign_key="case_study.id", ondelete="CASCADE", primary_key=True)
    ecm_outcome: str = Field(primary_key=True, max_length=40)


class Spend(SQLModel, table=True):
    """One payment from the small flexible budget, in pence."""

    __tablename__ = "spend"

    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    amount_pence: int
    purpose: str = Field(max_length=40)  # a code from the trust's spending_purposes
    activity_id: int | None = Field(default=None, foreign_key="activity.id", ondelete="SET NULL")
    note: str = ""

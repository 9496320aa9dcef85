"""Young people, their attendance and the outcomes they gain.

Kept minimal on purpose: a local reference, a name, a date of birth (or only an age band),
equality monitoring fields and the postcode district (``ST13``), never a full address. None
of the identifying fields ever leaves the laptop in a return.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from trustdesk.store.models.base import utc_now


class YoungPerson(SQLModel, table=True):
    __tablename__ = "young_person"

    id: int | None = Field(default=None, primary_key=True)
    # Identifying details: nullable so that retention and erasure can remove them while the
    # anonymous counts (attendance, outcomes) stay.
    local_ref: str | None = Field(default=None, max_length=40, index=True)
    first_name: str | None = Field(default=None, max_length=100)
    last_name: str | None = Field(default=None, max_length=100)
    date_of_birth: dt.date | None = None
    postcode_district: str | None = Field(default=None, max_length=4)
    # Used only in aggregate.
    age_band: str | None = Field(default=None, max_length=20)  # when no date of birth is held
    gender: str = Field(default="not-stated", max_length=20)
    ethnicity: str = Field(default="not-stated", max_length=20)
    disability: bool = False
    looked_after: bool = False
    young_carer: bool = False
    # A mother or father, or expecting: reported as a group (Ofsted's teenage parents).
    teenage_parent: bool = False
    created_at: dt.datetime = Field(default_factory=utc_now)
    # Set when the identifying details were removed (retention period passed, or erasure).
    erased_at: dt.datetime | None = None


class Attendance(SQLModel, table=True):
    """A young person came to a session: one tick in the register."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "young_person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="activity_session.id", ondelete="CASCADE", index=True)
    young_person_id: int = Field(foreign_key="young_person.id", ondelete="CASCADE", index=True)
    # The young person's age band on the day of the session, kept only once their date of
    # birth is removed (retention or erasure), so that every return still counts the tick in
    # the band it was in. None while the date of birth is held (the band is worked out).
    age_band: str | None = Field(default=None, max_length=20)


class Headcount(SQLModel, table=True):
    """Attendance at a big event counted by age band and gender, with no names."""

    __tablename__ = "headcount"
    __table_args__ = (UniqueConstraint("session_id", "age_band", "gender"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="activity_session.id", ondelete="CASCADE", index=True)
    age_band: str = Field(max_length=20)
    gender: str = Field(max_length=20)
    count: int


class RecordedOutcome(SQLModel, table=True):
    """An outcome a young person gained: ``recorded`` (e.g. led a session) or ``accredited``
    (e.g. Duke of Edinburgh Bronze, a first-aid certificate)."""

    __tablename__ = "recorded_outcome"

    id: int | None = Field(default=None, primary_key=True)
    young_person_id: int = Field(foreign_key="young_person.id", ondelete="CASCADE", index=True)
    activity_id: int | None = Field(default=None, foreign_key="activity.id", ondelete="SET NULL")
    kind: str = Field(max_length=20)  # recorded | accredited
    title: str = Field(max_length=200)
    accreditation: str | None = Field(default=None, max_length=40)  # code from accreditations
    ecm_outcome: str | None = Field(default=None, max_length=40)
    date: dt.date = Field(index=True)
    # The age band on the day it was gained, kept as Attendance.age_band is.
    age_band: str | None = Field(default=None, max_length=20)

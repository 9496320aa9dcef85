"""Returns this workspace has made or received, and their figures.

A return holds aggregates only. A district or county workspace keeps every revision it
imported from the units below it (one of them current per unit and period) and reviews
them; every workspace keeps what it exported, so the next export knows its revision.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from trustdesk.store.models.base import utc_now


class ReturnRecord(SQLModel, table=True):
    __tablename__ = "return_record"
    __table_args__ = (UniqueConstraint("return_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    return_id: str = Field(max_length=64)  # stays the same across revisions of one unit/period
    revision: int
    unit_code: str = Field(max_length=20, index=True)
    period: str = Field(max_length=10, index=True)  # e.g. 2026-27Q1
    direction: str = Field(max_length=12)  # exported | imported
    format_version: str = Field(max_length=20)
    fingerprint: str = Field(max_length=64)  # SHA-256 of the canonical Data rows
    made_at: dt.datetime
    made_by: str = Field(max_length=60)  # "TrustDesk 0.1.0"
    file_name: str = Field(default="", max_length=260)
    is_current: bool = True
    edited_after_export: bool = False
    # filled_in (a blank return workbook filled in by hand) | entered (keyed in here on the
    # unit's behalf) | "" (made by the unit's TrustDesk): trustdesk/returns/made_how.py
    made_how: str = Field(default="", max_length=12)
    review_status: str = Field(default="received", max_length=12)  # received | queried | accepted
    review_note: str = ""
    recorded_at: dt.datetime = Field(default_factory=utc_now)


class ReturnFigure(SQLModel, table=True):
    """One row of a return's Data sheet: measure x breakdown x category = value.

    Values are integers (counts, pence, minutes); rates are derived from them, never stored,
    so a consolidation can add figures up and recompute rates from their parts.
    """

    __tablename__ = "return_figure"

    id: int | None = Field(default=None, primary_key=True)
    return_record_id: int = Field(foreign_key="return_record.id", ondelete="CASCADE", index=True)
    measure: str = Field(max_length=60)
    breakdown: str = Field(default="", max_length=40)
    category: str = Field(default="", max_length=60)
    value: int


class ReturnConstituent(SQLModel, table=True):
    """For a consolidated return: which constituent returns it was built from."""

    __tablename__ = "return_constituent"

    id: int | None = Field(default=None, primary_key=True)
    return_record_id: int = Field(foreign_key="return_record.id", ondelete="CASCADE", index=True)
    unit_code: str = Field(max_length=20)
    constituent_return_id: str = Field(default="", max_length=64)  # empty when missing
    revision: int | None = None
    fingerprint: str = Field(default="", max_length=64)
    status: str = Field(max_length=12)  # accepted | received | queried | missing
    edited: str = Field(default="", max_length=2000)  # unit codes, edited after export
    made_how: str = Field(default="", max_length=2000)  # "unit_code:how" pairs, not by records


class ReturnText(SQLModel, table=True):
    """For a return received from a unit below: one case study, voice entry or partner line
    it carried, kept as the file had it (JSON), so the consolidated return can pass it on."""

    __tablename__ = "return_text"

    id: int | None = Field(default=None, primary_key=True)
    return_record_id: int = Field(foreign_key="return_record.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=12)  # case_study | voice | partner
    position: int  # the order in the file
    payload: str  # JSON of the line's fields

"""Partner organisations, the people in them, and the log of contacts with them."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from trustdesk.store.models.base import utc_now


class Partner(SQLModel, table=True):
    __tablename__ = "partner"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, index=True)
    partner_type: str = Field(max_length=40)  # a code from the trust's partner_types
    address: str = ""
    notes: str = ""
    active: bool = True
    created_at: dt.datetime = Field(default_factory=utc_now)


class PartnerContact(SQLModel, table=True):
    """A named person at a partner organisation (an adult professional, not a young person)."""

    __tablename__ = "partner_contact"

    id: int | None = Field(default=None, primary_key=True)
    partner_id: int = Field(foreign_key="partner.id", ondelete="CASCADE", index=True)
    name: str = Field(max_length=200)
    role: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=254)


class ContactLogEntry(SQLModel, table=True):
    """One contact with a partner: a call, an e-mail, a visit ..., and any follow-up."""

    __tablename__ = "contact_log_entry"

    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    partner_id: int = Field(foreign_key="partner.id", ondelete="CASCADE", index=True)
    contact_id: int | None = Field(
        default=None, foreign_key="partner_contact.id", ondelete="SET NULL"
    )
    method: str = Field(max_length=40)  # a code from the trust's contact_methods
    summary: str
    follow_up_date: dt.date | None = None
    follow_up_done: bool = False

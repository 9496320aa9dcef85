"""The log of contacts with partner organisations, and their follow-ups."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import ContactLogEntry, Partner, PartnerContact


def log_contact(
    session: Session,
    *,
    date: dt.date | str,
    partner_id: int,
    method: str,
    summary: str,
    contact_id: int | None = None,
    follow_up_date: dt.date | str | None = None,
) -> ContactLogEntry:
    v.get(session, Partner, partner_id, "partner")
    if contact_id is not None:
        person = v.get(session, PartnerContact, contact_id, "contact")
        if person.partner_id != partner_id:
            raise ValidationError("Person", f"{person.name} does not work for that partner.")
    day = v.required_date("Date", date)
    follow_up = v.a_date("Follow-up date", follow_up_date, required=False)
    v.date_order("Date", day, "Follow-up date", follow_up)
    entry = ContactLogEntry(
        date=day,
        partner_id=partner_id,
        contact_id=contact_id,
        method=v.choice(session, "Method", method, "contact_methods"),
        summary=v.text("Summary", summary, max_length=5000),
        follow_up_date=follow_up,
    )
    return v.save(session, entry)


def complete_follow_up(session: Session, entry_id: int) -> ContactLogEntry:
    entry = v.get(session, ContactLogEntry, entry_id, "contact log entry")
    entry.follow_up_done = True
    return v.save(session, entry)


def follow_ups_due(session: Session, *, on_or_before: dt.date) -> list[ContactLogEntry]:
    query = (
        select(ContactLogEntry)
        .where(col(ContactLogEntry.follow_up_date).is_not(None))
        .where(ContactLogEntry.follow_up_date <= on_or_before)
        .where(col(ContactLogEntry.follow_up_done).is_(False))
        .order_by(ContactLogEntry.follow_up_date)
    )
    return list(session.exec(query))

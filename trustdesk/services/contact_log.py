"""The log of contacts with partner organisations, and their follow-ups."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple, TypedDict, Unpack

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import ContactLogEntry, Partner, PartnerContact, key


class ContactFields(TypedDict, total=False):
    """One contact with a partner; the same for a new entry and an edit."""

    date: dt.date | str
    partner_id: int | None
    method: str
    summary: str
    contact_id: int | None  # the person spoken to, one of the partner's contact people
    follow_up_date: dt.date | str | None
    follow_up_done: bool


def _save_entry(session: Session, entry: ContactLogEntry, fields: ContactFields) -> ContactLogEntry:
    v.known_fields(fields, ContactFields)
    partner_id = fields.get("partner_id")
    if partner_id is None:
        raise ValidationError("partner_id", "is required.")
    v.get(session, Partner, partner_id, "partner")
    contact_id = fields.get("contact_id")
    if contact_id is not None:
        person = v.get(session, PartnerContact, contact_id, "contact")
        if person.partner_id != partner_id:
            raise ValidationError("contact_id", f"{person.name} does not work for that partner.")
    day = v.required_date("date", fields.get("date"))
    follow_up = v.a_date("follow_up_date", fields.get("follow_up_date"), required=False)
    v.date_order("date", day, "follow_up_date", follow_up)
    values = {
        "date": day,
        "partner_id": partner_id,
        "contact_id": contact_id,
        "method": v.choice(session, "method", fields.get("method"), "contact_methods"),
        "summary": v.text("summary", fields.get("summary"), max_length=5000),
        "follow_up_date": follow_up,
        "follow_up_done": bool(fields.get("follow_up_done", False)),
    }
    return v.save(session, v.apply(entry, values))


def log_contact(session: Session, **fields: Unpack[ContactFields]) -> ContactLogEntry:
    return _save_entry(session, ContactLogEntry(), fields)  # type: ignore[call-arg]  # filled and checked by _save_entry


def update_contact_log_entry(
    session: Session, entry_id: int, **fields: Unpack[ContactFields]
) -> ContactLogEntry:
    entry = v.get(session, ContactLogEntry, entry_id, "contact log entry")
    return _save_entry(session, entry, fields)


class ContactLogRow(NamedTuple):
    id: int
    date: dt.date
    partner: str
    person: str  # the contact person's name, or ""
    method: str  # the method's name
    summary: str
    follow_up_date: dt.date | None
    follow_up_done: bool

    def overdue(self, today: dt.date) -> bool:
        """A follow-up whose date has passed and that is not done."""
        return (
            self.follow_up_date is not None
            and not self.follow_up_done
            and self.follow_up_date < today
        )


def list_contact_log(session: Session) -> list[ContactLogRow]:
    """Every contact, newest first, with names for the partner, person and method (read as
    plain rows: a busy log has thousands)."""
    config = v.trust(session)
    methods = {entry.code: entry.name for entry in config.contact_methods}
    query = (
        sa_select(
            key(ContactLogEntry.id),
            col(ContactLogEntry.date),
            col(Partner.name),
            col(PartnerContact.name),
            col(ContactLogEntry.method),
            col(ContactLogEntry.summary),
            col(ContactLogEntry.follow_up_date),
            col(ContactLogEntry.follow_up_done),
        )
        .join(Partner, col(Partner.id) == ContactLogEntry.partner_id)
        .outerjoin(PartnerContact, col(PartnerContact.id) == ContactLogEntry.contact_id)
        .order_by(col(ContactLogEntry.date).desc(), col(ContactLogEntry.id).desc())
    )
    found = session.connection().execute(query).all()
    return [
        ContactLogRow(
            i,
            day,
            partner,
            person or "",
            methods.get(method, method),
            summary,
            follow_up,
            bool(done),
        )
        for i, day, partner, person, method, summary, follow_up, done in found
    ]


def complete_follow_up(session: Session, entry_id: int) -> ContactLogEntry:
    entry = v.get(session, ContactLogEntry, entry_id, "contact log entry")
    entry.follow_up_done = True
    return v.save(session, entry)


def follow_ups_due(session: Session, *, on_or_before: dt.date) -> list[ContactLogEntry]:
    query = (
        select(ContactLogEntry)
        .where(col(ContactLogEntry.follow_up_date).is_not(None))
        .where(col(ContactLogEntry.follow_up_date) <= on_or_before)
        .where(col(ContactLogEntry.follow_up_done).is_(False))
        .order_by(col(ContactLogEntry.follow_up_date))
    )
    return list(session.exec(query))

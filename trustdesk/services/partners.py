"""Partner organisations and the people in them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from trustdesk.errors import ValidationError
from trustdesk.limits import SHORT_TEXT_MAX
from trustdesk.services import validation as v
from trustdesk.store.models import Partner, PartnerContact, key, saved_id


def _partner_fields(
    session: Session, name: str, partner_type: str, address: str, notes: str
) -> dict[str, Any]:
    return {
        "name": _one_line_name(name),
        "partner_type": v.choice(session, "partner_type", partner_type, "partner_types"),
        "address": v.text("address", address, required=False, max_length=500),
        "notes": v.text("notes", notes, required=False, max_length=5000),
    }


def _one_line_name(value: str) -> str:
    """A name is one line: it heads the partner's row in a return's lists and PDF."""
    cleaned = v.text("name", value, max_length=SHORT_TEXT_MAX)
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in cleaned):
        raise ValidationError(
            "name", "must be one line, without line breaks, tabs or other control characters."
        )
    return cleaned


def create_partner(
    session: Session,
    *,
    name: str,
    partner_type: str,
    address: str = "",
    notes: str = "",
    active: bool = True,
) -> Partner:
    fields = _partner_fields(session, name, partner_type, address, notes) | {"active": bool(active)}
    return v.save(session, Partner(**fields))


def update_partner(
    session: Session,
    partner_id: int,
    *,
    name: str,
    partner_type: str,
    address: str = "",
    notes: str = "",
    active: bool = True,
) -> Partner:
    partner = v.get(session, Partner, partner_id, "partner")
    fields = _partner_fields(session, name, partner_type, address, notes) | {"active": bool(active)}
    return v.save(session, v.apply(partner, fields))


def list_partners(session: Session, *, include_inactive: bool = False) -> list[Partner]:
    query = select(Partner).order_by(Partner.name)
    if not include_inactive:
        query = query.where(col(Partner.active).is_(True))
    return list(session.exec(query))


def partner_label(name: str, active: bool) -> str:
    """A partner's name as a list shows it: one that has stopped working with the locality
    stays choosable for old records, and says so."""
    return name if active else f"{name} (no longer active)"


def partner_choices(session: Session) -> list[tuple[str, int]]:
    """(label, id) of every partner, active or not, for choosing one in a form."""
    query = select(col(Partner.name), col(Partner.active), key(Partner.id)).order_by(
        col(Partner.name)
    )
    return [(partner_label(name, active), i) for name, active, i in session.exec(query)]


def active_partner_choices(session: Session) -> list[tuple[str, int]]:
    """(name, id) of the partners still working with the locality (those a meeting's
    action can be given to)."""
    return [(p.name, saved_id(p)) for p in list_partners(session)]


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    partner_type: str  # the type's name
    active: bool
    contacts: int  # how many contact people


def list_partner_rows(session: Session) -> list[PartnerRow]:
    """Every partner, active or not, by name, with how many contact people each has."""
    config = v.trust(session)
    query = (
        sa_select(
            key(Partner.id),
            col(Partner.name),
            col(Partner.partner_type),
            col(Partner.active),
            func.count(col(PartnerContact.id)),
        )
        .outerjoin(PartnerContact, col(PartnerContact.partner_id) == Partner.id)
        .group_by(col(Partner.id))
        .order_by(func.lower(Partner.name), col(Partner.id))
    )
    return [
        PartnerRow(i, name, config.name_of("partner_types", kind), bool(active), count)
        for i, name, kind, active, count in session.execute(query)
    ]


def _contact_fields(name: str, role: str, phone: str, email: str) -> dict[str, Any]:
    return {
        "name": v.text("name", name),
        "role": v.text("role", role, required=False),
        "phone": v.phone("phone", phone),
        "email": v.email("email", email),
    }


def add_partner_contact(
    session: Session,
    *,
    partner_id: int,
    name: str,
    role: str = "",
    phone: str = "",
    email: str = "",
) -> PartnerContact:
    v.get(session, Partner, partner_id, "partner")
    contact = PartnerContact(partner_id=partner_id, **_contact_fields(name, role, phone, email))
    return v.save(session, contact)


def update_partner_contact(
    session: Session,
    contact_id: int,
    *,
    name: str,
    role: str = "",
    phone: str = "",
    email: str = "",
) -> PartnerContact:
    contact = v.get(session, PartnerContact, contact_id, "contact")
    return v.save(session, v.apply(contact, _contact_fields(name, role, phone, email)))


def partner_contacts(session: Session, partner_id: int) -> list[PartnerContact]:
    query = select(PartnerContact).where(PartnerContact.partner_id == partner_id)
    return list(session.exec(query.order_by(PartnerContact.name)))

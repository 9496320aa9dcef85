"""Young people: kept minimal (see trustdesk.store.models.people)."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict, Unpack

from sqlmodel import Session, col, or_, select

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import YoungPerson


class YoungPersonFields(TypedDict, total=False):
    """What is kept about a young person: the same for a new record and an edit."""

    first_name: str | None
    last_name: str | None
    local_ref: str | None
    date_of_birth: dt.date | str | None
    age_band: str | None
    gender: str
    ethnicity: str
    disability: bool
    looked_after: bool
    young_carer: bool
    postcode_district: str | None


def _save(session: Session, person: YoungPerson, fields: YoungPersonFields) -> YoungPerson:
    v.known_fields(fields, YoungPersonFields)
    born = v.a_date("Date of birth", fields.get("date_of_birth"), required=False)
    band = fields.get("age_band") or None
    if born is None and band is None:
        raise ValidationError(
            "Date of birth", "give a date of birth or, if it is not known, an age band."
        )
    if born is not None:
        age = (dt.date.today() - born).days // 365
        if born > dt.date.today() or age > 30:
            raise ValidationError(
                "Date of birth", f"{born.isoformat()} does not fit a young person."
            )
        band = None  # the age band is worked out from the date of birth on the day of each session
    else:
        band = v.choice(session, "Age band", band, "age_bands")
    first = v.optional_text("First name", fields.get("first_name"), max_length=100)
    ref = v.optional_text("Local reference", fields.get("local_ref"), max_length=40)
    if not (first or ref):
        raise ValidationError("First name", "give a first name or a local reference.")
    details = {
        "first_name": first,
        "last_name": v.optional_text("Last name", fields.get("last_name"), max_length=100),
        "local_ref": ref,
        "date_of_birth": born,
        "age_band": band,
        "postcode_district": v.postcode_district(
            "Postcode district", fields.get("postcode_district")
        ),
        "gender": v.choice(session, "Gender", fields.get("gender") or "not-stated", "genders"),
        "ethnicity": v.choice(
            session, "Ethnicity", fields.get("ethnicity") or "not-stated", "ethnicity_groups"
        ),
        "disability": bool(fields.get("disability")),
        "looked_after": bool(fields.get("looked_after")),
        "young_carer": bool(fields.get("young_carer")),
    }
    return v.save(session, v.apply(person, details))


def add_young_person(session: Session, **fields: Unpack[YoungPersonFields]) -> YoungPerson:
    """A date of birth (or, if not known, an age band) and a first name or local reference are
    required; only the postcode district (``WS7``) is kept, never a full postcode."""
    return _save(session, YoungPerson(), fields)


def update_young_person(
    session: Session, young_person_id: int, **fields: Unpack[YoungPersonFields]
) -> YoungPerson:
    return _save(session, v.get(session, YoungPerson, young_person_id, "young person"), fields)


def find_young_people(session: Session, text: str, *, limit: int = 50) -> list[YoungPerson]:
    """People whose name or local reference contains the text (as typed in a register)."""
    pattern = f"%{text.strip()}%"
    query = (
        select(YoungPerson)
        .where(
            or_(
                col(YoungPerson.first_name).ilike(pattern),
                col(YoungPerson.last_name).ilike(pattern),
                col(YoungPerson.local_ref).ilike(pattern),
                (col(YoungPerson.first_name) + " " + col(YoungPerson.last_name)).ilike(pattern),
            )
        )
        .order_by(YoungPerson.last_name, YoungPerson.first_name)
        .limit(limit)
    )
    return list(session.exec(query))

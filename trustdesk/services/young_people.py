"""Young people: kept minimal (see trustdesk.store.models.people), and the list of them a
coordinator works from, with how often each came and what they gained."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple, TypedDict, Unpack

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, or_, select

from trustdesk import clock
from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import ActivitySession, Attendance, RecordedOutcome, YoungPerson, key


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
    teenage_parent: bool
    postcode_district: str | None


def _save(
    session: Session, person: YoungPerson, fields: YoungPersonFields, today: dt.date | None
) -> YoungPerson:
    v.known_fields(fields, YoungPersonFields)
    today = today or clock.today()
    born = v.a_date("date_of_birth", fields.get("date_of_birth"), required=False)
    band = fields.get("age_band") or None
    if born is None and band is None:
        raise ValidationError(
            "date_of_birth", "give a date of birth or, if it is not known, an age band."
        )
    if born is not None:
        if (
            born == today
        ):  # a form's date left as it was: nobody is registered the day they are born
            raise ValidationError(
                "date_of_birth",
                f"{born:%d/%m/%Y} is today; give their date of birth or, if it is not known, "
                "an age band.",
            )
        if born > today or age_on(born, today) > 30:
            raise ValidationError(
                "date_of_birth", f"{born.isoformat()} does not fit a young person."
            )
        band = None  # the age band is worked out from the date of birth on the day of each session
    else:
        band = v.choice(session, "age_band", band, "age_bands")
    first = v.optional_text("first_name", fields.get("first_name"), max_length=100)
    ref = v.optional_text("local_ref", fields.get("local_ref"), max_length=40)
    if not (first or ref):
        raise ValidationError("first_name", "give a first name or a local reference.")
    details = {
        "first_name": first,
        "last_name": v.optional_text("last_name", fields.get("last_name"), max_length=100),
        "local_ref": ref,
        "date_of_birth": born,
        "age_band": band,
        "postcode_district": v.postcode_district(
            "postcode_district", fields.get("postcode_district")
        ),
        "gender": v.choice(session, "gender", fields.get("gender") or "not-stated", "genders"),
        "ethnicity": v.choice(
            session, "ethnicity", fields.get("ethnicity") or "not-stated", "ethnicity_groups"
        ),
        "disability": bool(fields.get("disability")),
        "looked_after": bool(fields.get("looked_after")),
        "young_carer": bool(fields.get("young_carer")),
        "teenage_parent": bool(fields.get("teenage_parent")),
    }
    return v.save(session, v.apply(person, details))


def add_young_person(
    session: Session, *, today: dt.date | None = None, **fields: Unpack[YoungPersonFields]
) -> YoungPerson:
    """A date of birth (or, if not known, an age band) and a first name or local reference are
    required; only the postcode district (``WS7``) is kept, never a full postcode. ``today``
    (the real date unless given) is what the date of birth is checked against."""
    return _save(session, YoungPerson(), fields, today)


def update_young_person(
    session: Session,
    young_person_id: int,
    *,
    today: dt.date | None = None,
    **fields: Unpack[YoungPersonFields],
) -> YoungPerson:
    person = v.get(session, YoungPerson, young_person_id, "young person")
    return _save(session, person, fields, today)


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years on the day, as the returns count them."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def short_name(first: str | None, last: str | None, local_ref: str | None) -> str:
    """ "Kyle H.": enough to know who is meant on a screen that does not need the full name."""
    if first:
        return f"{first} {last[0]}." if last else first
    return local_ref or ""


class YoungPersonRow(NamedTuple):
    id: int
    name: str  # "Kyle Hughes", the local reference, or "(details removed)"
    short_name: str  # "Kyle H.", for questions and headings
    local_ref: str
    age: str  # "14" from the date of birth, or the age band's name when only that is known
    age_years: int  # for sorting: the age, or the youngest age of the band
    gender: str  # the gender's name
    sessions: int  # sessions attended (register ticks)
    last_seen: dt.date | None  # the last session attended
    outcomes: int  # recorded and accredited outcomes
    erased: bool  # the identifying details were removed; the counts stay


REMOVED = "(details removed)"


def list_young_people(session: Session, *, today: dt.date) -> list[YoungPersonRow]:
    """Every young person by last and first name (those whose details were removed last),
    with their age today, how many sessions they came to, when they were last seen and how
    many outcomes they gained. Two grouped counts joined to the people: one query, read as
    plain rows (thousands of people: no ORM objects)."""
    config = v.trust(session)
    seen = (
        select(
            Attendance.young_person_id,
            func.count().label("sessions"),
            func.max(ActivitySession.date).label("last_seen"),
        )
        .join(ActivitySession, col(ActivitySession.id) == Attendance.session_id)
        # "+ 0": grouped through a sort, SQLite reads both columns from the (session, person)
        # index alone; by the person index it would look up every tick's session in the
        # table (ten years, 72,000 ticks: 40-50 ms instead of 90).
        .group_by(col(Attendance.young_person_id) + 0)
        .subquery()
    )
    gained = (
        select(RecordedOutcome.young_person_id, func.count().label("outcomes"))
        .group_by(col(RecordedOutcome.young_person_id))
        .subquery()
    )
    query = (
        sa_select(
            key(YoungPerson.id),
            col(YoungPerson.first_name),
            col(YoungPerson.last_name),
            col(YoungPerson.local_ref),
            col(YoungPerson.date_of_birth),
            col(YoungPerson.age_band),
            col(YoungPerson.gender),
            col(YoungPerson.erased_at),
            seen.c.sessions,
            seen.c.last_seen,
            gained.c.outcomes,
        )
        .outerjoin(seen, seen.c.young_person_id == YoungPerson.id)
        .outerjoin(gained, gained.c.young_person_id == YoungPerson.id)
        .order_by(
            col(YoungPerson.erased_at).is_not(None),
            col(YoungPerson.last_name),
            col(YoungPerson.first_name),
            col(YoungPerson.local_ref),
            col(YoungPerson.id),
        )
    )
    bands = {band.code: (band.min_age, band.name) for band in config.age_bands}
    genders = {entry.code: entry.name for entry in config.genders}
    rows = []
    for (
        person_id, first, last, ref, born, band, gender, erased, sessions, last_seen, outcomes,
    ) in session.connection().execute(query).all():  # fmt: skip
        if born is not None:
            years = age_on(born, today)
            age = str(years)
        else:
            years, age = bands.get(band, (-1, ""))
        if erased is not None:
            name = short = REMOVED
        else:
            short = short_name(first, last, ref)
            name = (f"{first} {last}" if last else first) if first else (last or ref or short)
        rows.append(
            YoungPersonRow(
                person_id,
                name,
                short,
                ref or "",
                age,
                years,
                genders.get(gender, gender),
                sessions or 0,
                last_seen,
                outcomes or 0,
                erased is not None,
            )
        )
    return rows


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
        .order_by(col(YoungPerson.last_name), col(YoungPerson.first_name))
        .limit(limit)
    )
    return list(session.exec(query))

"""Registers: who came to a session, or a headcount for a big event; and what the
Registers page reads to mark one quickly (the sessions to choose from, the regulars)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, and_, case, col, delete, func, or_, select

from trustdesk.errors import RecordNotFound, ValidationError
from trustdesk.services import validation as v
from trustdesk.services.young_people import REMOVED, age_on, find_young_people
from trustdesk.store.models import (
    Activity,
    ActivitySession,
    Attendance,
    Headcount,
    YoungPerson,
    key,
    saved_id,
)


def set_register(
    session: Session, *, session_id: int, young_person_ids: Iterable[int]
) -> list[int]:
    """Make the register of a session exactly these young people; returns their ids."""
    v.get(session, ActivitySession, session_id, "session")
    wanted = set(young_person_ids)
    for person_id in wanted:
        v.get(session, YoungPerson, person_id, "young person")
    present = set(
        session.exec(select(Attendance.young_person_id).where(Attendance.session_id == session_id))
    )
    gone = present - wanted
    if gone:
        session.exec(
            delete(Attendance)
            .where(col(Attendance.session_id) == session_id)
            .where(col(Attendance.young_person_id).in_(gone))
        )
    session.add_all(
        Attendance(session_id=session_id, young_person_id=pid) for pid in wanted - present
    )
    session.flush()
    return sorted(wanted)


def register(session: Session, session_id: int) -> list[int]:
    """The ids of the young people ticked at a session."""
    query = select(Attendance.young_person_id).where(Attendance.session_id == session_id)
    return sorted(session.exec(query))


def record_headcount(
    session: Session, *, session_id: int, counts: dict[tuple[str, str], int]
) -> list[Headcount]:
    """Counts by (age band, gender) for a big event; replaces any earlier headcount."""
    v.get(session, ActivitySession, session_id, "session")
    rows = []
    for (band, gender), count in counts.items():
        number = v.whole_number("counts", count, minimum=0, label=f"Headcount {band}/{gender}")
        if number:
            rows.append(
                Headcount(
                    session_id=session_id,
                    age_band=v.choice(session, "age_band", band, "age_bands"),
                    gender=v.choice(session, "gender", gender, "genders"),
                    count=number,
                )
            )
    if not rows:
        raise ValidationError("counts", "enter at least one count above zero.")
    session.exec(delete(Headcount).where(col(Headcount.session_id) == session_id))
    session.add_all(rows)
    session.flush()
    return rows


# ----- what the Registers page reads ---------------------------------------------------------


@dataclass(frozen=True)
class RegisterSession:
    """A session as the register's chooser lists it."""

    id: int
    activity_id: int
    activity: str  # the activity's title
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    ticked: int  # names on the register
    headcount: int  # people counted without names (big events)


WINDOW = (dt.timedelta(weeks=8), dt.timedelta(weeks=2))


def _session_rows(session: Session, *conditions: Any) -> list[RegisterSession]:
    """Sessions with their activity and how many were ticked and counted: one query, the
    counts as correlated sub-queries that use the session_id indexes."""
    ticked = (
        select(func.count()).where(Attendance.session_id == ActivitySession.id).scalar_subquery()
    )
    counted = (
        select(func.coalesce(func.sum(Headcount.count), 0))
        .where(Headcount.session_id == ActivitySession.id)
        .scalar_subquery()
    )
    query = (
        sa_select(
            key(ActivitySession.id),
            col(ActivitySession.activity_id),
            col(Activity.title),
            col(ActivitySession.date),
            col(ActivitySession.start_time),
            col(ActivitySession.end_time),
            ticked,
            counted,
        )
        .join(Activity, col(Activity.id) == ActivitySession.activity_id)
        .where(*conditions)
    )
    return [RegisterSession(*row) for row in session.execute(query)]


def register_sessions(
    session: Session,
    *,
    today: dt.date,
    around: tuple[dt.timedelta, dt.timedelta] = WINDOW,
) -> list[RegisterSession]:
    """The sessions a coordinator is likely to mark, from ``around[0]`` before ``today`` to
    ``around[1]`` after it (8 weeks back, 2 ahead): today's first, then the most recent past
    ones, then the upcoming ones, soonest first. For an older session, ask again with
    ``today`` set to a day near it."""
    before, after = around
    rows = _session_rows(session, col(ActivitySession.date).between(today - before, today + after))

    def order(row: RegisterSession) -> tuple[int, int, dt.time, str]:
        days = (row.date - today).days
        group = 0 if days == 0 else 1 if days < 0 else 2
        return group, abs(days), row.start_time, row.activity.lower()

    return sorted(rows, key=order)


def register_session(session: Session, session_id: int) -> RegisterSession:
    """One session as the chooser lists it (e.g. an old one asked for by id)."""
    rows = _session_rows(session, col(ActivitySession.id) == session_id)
    if not rows:
        raise RecordNotFound(f"The session you asked for (number {session_id}) no longer exists.")
    return rows[0]


RECENT = dt.timedelta(weeks=12)


@dataclass(frozen=True)
class RegisterPerson:
    """A young person as the register lists them."""

    id: int
    name: str  # "Kyle Hughes", the local reference, or "(details removed)"
    local_ref: str
    age: str  # on the day of the session, or the age band's name when only that is known
    recent: int  # this activity's sessions before this one they came to, in its 12 weeks
    sessions: int  # this activity's sessions before this one they came to, ever
    ticked: bool  # on this session's register as saved


def _people_rows(
    session: Session, held: ActivitySession, ids: list[int] | None = None
) -> list[RegisterPerson]:
    """The regulars of the session's activity (``ids`` None), or these people, with how
    often they came to the activity before this session and whether they are ticked at it:
    the people joined to one grouped count.

    Only sessions held before this one are counted (an earlier day, or the same day at an
    earlier time), never this one or a later one: ticking names at this session, or at a
    later one, changes neither the counts nor the order, so the register stays in the order
    of the sign-in sheet printed for it while the sheet is typed in."""
    config = v.trust(session)
    day, start = col(ActivitySession.date), col(ActivitySession.start_time)
    before = or_(day < held.date, and_(day == held.date, start < held.start_time))
    lately = and_(before, day >= held.date - RECENT)
    came = (
        select(
            Attendance.young_person_id,
            func.sum(case((before, 1), else_=0)).label("sessions"),
            func.sum(case((lately, 1), else_=0)).label("recent"),
            func.max(Attendance.session_id == held.id).label("here"),
        )
        .join(ActivitySession, col(ActivitySession.id) == Attendance.session_id)
        .where(ActivitySession.activity_id == held.activity_id)
        .group_by(col(Attendance.young_person_id))
    )
    columns = (
        key(YoungPerson.id),
        col(YoungPerson.first_name),
        col(YoungPerson.last_name),
        col(YoungPerson.local_ref),
        col(YoungPerson.date_of_birth),
        col(YoungPerson.age_band),
        col(YoungPerson.erased_at),
    )
    if ids is None:
        counts = came.subquery()
        query = sa_select(*columns, counts.c.recent, counts.c.sessions, counts.c.here).join(
            counts, counts.c.young_person_id == YoungPerson.id
        )
    else:
        counts = came.where(col(Attendance.young_person_id).in_(ids)).subquery()
        query = (
            sa_select(*columns, counts.c.recent, counts.c.sessions, counts.c.here)
            .outerjoin(counts, counts.c.young_person_id == YoungPerson.id)
            .where(col(YoungPerson.id).in_(ids))
        )
    bands = {band.code: band.name for band in config.age_bands}
    rows = []
    found = session.execute(query)
    for person_id, first, last, ref, born, band, erased, recent, sessions, here in found:
        name = " ".join(part for part in (first, last) if part) or ref or REMOVED
        rows.append(
            RegisterPerson(
                id=person_id,
                name=REMOVED if erased else name,
                local_ref="" if erased else ref or "",
                age=str(age_on(born, held.date)) if born else bands.get(band or "", ""),
                recent=recent or 0,
                sessions=sessions or 0,
                ticked=bool(here),
            )
        )
    return rows


def register_people(session: Session, session_id: int) -> list[RegisterPerson]:
    """The regulars of a session's activity: everyone ticked at any of its sessions. Those
    who came most in the 12 weeks before it come first, then those who came most before it,
    then by name; each says whether they are ticked at this session. The counts, and so the
    order, are of earlier sessions only (see ``_people_rows``)."""
    held = v.get(session, ActivitySession, session_id, "session")
    return sorted(
        _people_rows(session, held),
        key=lambda row: (-row.recent, -row.sessions, row.name.lower(), row.id),
    )


def register_people_by_id(
    session: Session, session_id: int, young_person_ids: Iterable[int]
) -> list[RegisterPerson]:
    """These people, in this order, as a session's register lists them (e.g. found by
    name, or just added)."""
    held = v.get(session, ActivitySession, session_id, "session")
    wanted = list(dict.fromkeys(young_person_ids))
    if not wanted:
        return []
    rows = {row.id: row for row in _people_rows(session, held, wanted)}
    return [rows[i] for i in wanted if i in rows]


def find_for_register(
    session: Session, text: str, *, session_id: int, limit: int = 30
) -> list[RegisterPerson]:
    """Anyone whose name or local reference contains the text, as the register lists them."""
    if not text.strip():
        return []
    found = find_young_people(session, text, limit=limit)
    return register_people_by_id(session, session_id, (saved_id(person) for person in found))


def headcount(session: Session, session_id: int) -> dict[tuple[str, str], int]:
    """A session's headcount as {(age band, gender): count}; empty when there is none."""
    query = select(Headcount.age_band, Headcount.gender, Headcount.count).where(
        Headcount.session_id == session_id
    )
    return {(band, gender): count for band, gender, count in session.exec(query)}


def saved_register(
    session: Session, session_id: int
) -> tuple[RegisterSession, list[RegisterPerson], dict[tuple[str, str], int]]:
    """A session as the Registers page shows it: the session, the people on its register
    (the regulars and those ticked) and its headcount, as saved."""
    return (
        register_session(session, session_id),
        register_people(session, session_id),
        headcount(session, session_id),
    )


def clear_headcount(session: Session, *, session_id: int) -> None:
    """Remove a session's headcount (it was a names-only session after all)."""
    v.get(session, ActivitySession, session_id, "session")
    session.exec(delete(Headcount).where(col(Headcount.session_id) == session_id))
    session.flush()


def add_to_register(session: Session, *, session_id: int, young_person_ids: Iterable[int]) -> int:
    """Tick these young people at a session, leaving whoever else is ticked; returns how many
    were not ticked before. For bringing in past registers a row at a time: only the new
    ticks are looked up and checked, not the whole register again."""
    v.get(session, ActivitySession, session_id, "session")
    present = set(
        session.exec(select(Attendance.young_person_id).where(Attendance.session_id == session_id))
    )
    new = set(young_person_ids) - present
    for person_id in new:
        v.get(session, YoungPerson, person_id, "young person")
    session.add_all(Attendance(session_id=session_id, young_person_id=pid) for pid in new)
    session.flush()
    return len(new)

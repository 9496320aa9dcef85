"""How long a young person's identifying details are kept, and removing them once that time
has passed.

The trust's rules say how many years after a young person was last seen their name, local
reference, date of birth and postcode district may be kept (six by default); a workspace may
set its own period. "Last seen" is the latest of the sessions they came to, the outcomes they
gained and the day they were added. Removing the details keeps the person's row, their
register ticks and their outcomes, so every return, past or future, counts them as before:
only who they were is gone. The coordinator sees the list first (:func:`removal_report`)
and then removes (:func:`remove_identifying_details`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Select, Subquery, literal, type_coerce, union_all, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from trustdesk.services import validation as v
from trustdesk.services.workspace_info import set_setting
from trustdesk.services.young_people import age_on
from trustdesk.store.counting import profile
from trustdesk.store.models import (
    ActivitySession,
    Attendance,
    RecordedOutcome,
    WorkspaceSetting,
    YoungPerson,
    utc_now,
)

SETTING = "retention_years"
FIELD = "retention_years"
FEWEST_YEARS, MOST_YEARS = 1, 25


# ----- the period ------------------------------------------------------------------------


def retention_years(session: Session) -> int:
    """Whole years after a young person was last seen that their details are kept: the
    workspace's own period if one was set, else the trust's (six unless the trust says)."""
    setting = session.get(WorkspaceSetting, SETTING)
    if setting is None:
        return v.trust(session).file.reporting.retention_years
    return int(setting.value)  # checked when it was set


def set_retention_years(session: Session, *, years: int | str) -> int:
    """Keep identifying details this many whole years (1 to 25) after a young person was
    last seen; returns the period saved."""
    value = v.whole_number(FIELD, years, minimum=FEWEST_YEARS, maximum=MOST_YEARS)
    assert value is not None
    set_setting(session, SETTING, str(value))
    return value


def cut_off(today: dt.date, years: int) -> dt.date:
    """The day ``years`` before today (29 February becomes the 28th): details of anyone
    last seen before it are due for removal."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


# ----- who is due ------------------------------------------------------------------------


def last_seen_query() -> Subquery:
    """Each young person's last-seen day (columns ``young_person_id``, ``last_seen``): the
    latest of their sessions, their outcomes and the day they were added, in one grouped
    query over the three."""
    days = union_all(
        select(col(Attendance.young_person_id), col(ActivitySession.date).label("day")).join(
            ActivitySession, col(ActivitySession.id) == Attendance.session_id
        ),
        select(col(RecordedOutcome.young_person_id), col(RecordedOutcome.date)),
        select(col(YoungPerson.id), func.date(YoungPerson.created_at)),
    ).subquery()
    return (
        select(
            days.c.young_person_id,
            type_coerce(func.max(days.c.day), Date).label("last_seen"),
        )
        .group_by(days.c.young_person_id)
        .subquery()
    )


@dataclass(frozen=True)
class DueForRemoval:
    """A young person whose identifying details the retention period says must go."""

    id: int
    name: str  # "Kyle Hughes", or the local reference when no name is held
    local_ref: str
    last_seen: dt.date


@dataclass(frozen=True)
class RemovalReport:
    years: int
    cut_off: dt.date  # details of people last seen before this day are removed
    people: list[DueForRemoval]  # the longest unseen first

    @property
    def why(self) -> str:
        return (
            f"Last seen before {self.cut_off.day} {self.cut_off:%B %Y}, more than {self.years} "
            f"year{'s' if self.years != 1 else ''} ago."
        )


def _due(session: Session, today: dt.date, *wanted: Any) -> tuple[int, dt.date, Select[Any]]:
    """The query of ``wanted`` (columns or the model) and the last-seen day of everyone due,
    the longest unseen first."""
    years = retention_years(session)
    before = cut_off(today, years)
    seen = last_seen_query()
    query = (
        sa_select(*wanted, seen.c.last_seen)
        .join(seen, seen.c.young_person_id == YoungPerson.id)
        .where(col(YoungPerson.erased_at).is_(None), seen.c.last_seen < literal(before, Date))
        .order_by(seen.c.last_seen, col(YoungPerson.id))
    )
    return years, before, query


def removal_report(session: Session, *, today: dt.date) -> RemovalReport:
    """Who will have their identifying details removed if the coordinator goes ahead today,
    and when each was last seen. Those already removed are not listed again."""
    names = (YoungPerson.first_name, YoungPerson.last_name, YoungPerson.local_ref)
    years, before, query = _due(session, today, YoungPerson.id, *names)
    people = [
        DueForRemoval(
            id=person_id,
            name=full_name(first, last, ref),
            local_ref=ref or "",
            last_seen=last_seen,
        )
        for person_id, first, last, ref, last_seen in session.exec(query)  # type: ignore[call-overload]  # sqlmodel's exec() overloads stop at four columns
    ]
    return RemovalReport(years, before, people)


def remove_identifying_details(session: Session, *, today: dt.date) -> int:
    """Remove the identifying details of everyone :func:`removal_report` lists (the
    operation commits them together: all or none); returns how many were removed."""
    _years, _before, query = _due(session, today, YoungPerson)
    found = list(session.exec(query))  # type: ignore[call-overload]  # sqlmodel's exec() overloads stop at four columns
    keep_age_bands(session, [person.id for person, _ in found])
    for person, last_seen in found:
        clear_identifying_details(session, person, last_seen)
    session.flush()
    return len(found)


# ----- removing one person's details ----------------------------------------------------


def full_name(first: str | None, last: str | None, local_ref: str | None) -> str:
    """The name a coordinator knows them by: first and last name, else the local reference."""
    return " ".join(part for part in (first, last) if part) or local_ref or ""


def last_seen(session: Session, young_person_id: int) -> dt.date | None:
    seen = last_seen_query()
    query = select(seen.c.last_seen).where(seen.c.young_person_id == young_person_id)
    return session.exec(query).first()


def keep_age_bands(session: Session, young_person_ids: list[int]) -> None:
    """Before their dates of birth are removed: keep on each of their register ticks and
    outcomes the age band a return counts it in, worked out by the returns' own SQL, so that
    every return, past ones included, counts them as before. Statements through the session
    (the audit trail sees them); run before any of the people's details are cleared."""
    config = v.trust(session)
    ticks, outcomes = Attendance.__table__, RecordedOutcome.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__; its stubs do not declare it
    tick_band = (
        select(profile(config, ActivitySession.date)["age_band"])
        .where(ActivitySession.id == ticks.c.session_id, YoungPerson.id == ticks.c.young_person_id)
        .scalar_subquery()
    )
    outcome_band = (
        select(profile(config, outcomes.c.date)["age_band"])
        .where(YoungPerson.id == outcomes.c.young_person_id)
        .scalar_subquery()
    )
    for start in range(0, len(young_person_ids), 500):  # SQLite's limit on parameters
        some = young_person_ids[start : start + 500]
        for table, kept in ((ticks, tick_band), (outcomes, outcome_band)):
            session.execute(
                update(table)
                .where(table.c.young_person_id.in_(some), table.c.age_band.is_(None))
                .values(age_band=kept)
            )


def clear_identifying_details(session: Session, person: YoungPerson, seen: dt.date | None) -> None:
    """Blank the name, local reference, date of birth and postcode district, and mark when.

    The returns count a young person by their age band on the day of each session; with the
    date of birth gone, each tick and outcome keeps its band (:func:`keep_age_bands`, which
    the caller runs first), and the person the band they were in when last seen. Done
    through the ORM so the audit trail sees it; the caller commits."""
    if person.date_of_birth is not None and seen is not None:
        band = v.trust(session).age_band_for(age_on(person.date_of_birth, seen))
        person.age_band = band or person.age_band
    person.first_name = person.last_name = person.local_ref = None
    person.date_of_birth = None
    person.postcode_district = None
    person.erased_at = utc_now()
    session.add(person)

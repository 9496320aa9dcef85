"""Reach and delivery figures: sessions, attendances, contacts, participants and outcomes.

Every figure is counted by SQLite (GROUP BY over the period's rows), never by looping over
attendance rows in Python: a ten-year workspace has tens of thousands of them. The measures'
definitions are in the catalogue; this module follows them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Integer, case, cast, func, literal, select
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from trustdesk.config import Period, TrustConfig
from trustdesk.returns.catalogue import NOT_RECORDED
from trustdesk.store.models import (
    Activity,
    ActivityOutcome,
    ActivitySession,
    Attendance,
    Headcount,
    RecordedOutcome,
    YoungPerson,
)

Put = Callable[[str, str, Iterable[tuple[Any, Any]]], None]
PROFILE = ("age_band", "gender", "ethnicity", "disability", "looked_after")


def known(column: Any, codes: list[str]) -> ColumnElement[str]:
    """The column's code when the trust's list knows it, "not recorded" otherwise."""
    return case((column.in_(codes), column), else_=literal(NOT_RECORDED))


def _flag(column: Any) -> ColumnElement[str]:
    return case((column.is_(True), literal("yes")), else_=literal("no"))


def profile(config: TrustConfig, day: Any, kept: Any = None) -> dict[str, ColumnElement[str]]:
    """A young person's profile on a day, as SQL: the age band ``kept`` on the tick or outcome
    (once the date of birth was removed), else from the date of birth when there is one
    (whole years on that day), else the age band recorded instead of it."""
    dob = YoungPerson.date_of_birth
    age = (
        cast(func.strftime("%Y", day), Integer)
        - cast(func.strftime("%Y", dob), Integer)
        - cast(func.strftime("%m-%d", day) < func.strftime("%m-%d", dob), Integer)
    )
    band_for_age = case(
        *((age.between(b.min_age, b.max_age), literal(b.code)) for b in config.age_bands),
        else_=literal(NOT_RECORDED),
    )
    age_band = case(
        (dob.is_not(None), band_for_age),
        else_=known(YoungPerson.age_band, config.codes("age_bands")),
    )
    if kept is not None:
        age_band = case((kept.is_not(None), known(kept, config.codes("age_bands"))), else_=age_band)
    return {
        "age_band": age_band,
        "gender": known(YoungPerson.gender, config.codes("genders")),
        "ethnicity": known(YoungPerson.ethnicity, config.codes("ethnicity_groups")),
        "disability": _flag(YoungPerson.disability),
        "looked_after": _flag(YoungPerson.looked_after),
    }


def within(column: Any, period: Period) -> ColumnElement[bool]:
    """A date column inside the period, first and last day included."""
    return column.between(period.start, period.end)


def count_reach(session: Session, config: TrustConfig, period: Period, put: Put) -> None:
    def rows(query: Any) -> list[tuple[Any, Any]]:
        return [(key, value) for key, value in session.execute(query)]

    def total(query: Any) -> list[tuple[str, Any]]:
        return [("", session.execute(query).scalar_one() or 0)]

    # Sessions and the time spent in them.
    held = (
        select(
            ActivitySession.id.label("session"),
            ActivitySession.activity_id.label("activity"),
            Activity.category.label("category"),
            cast(
                func.round(
                    (
                        func.julianday(ActivitySession.end_time)
                        - func.julianday(ActivitySession.start_time)
                    )
                    * 1440
                ),
                Integer,
            ).label("minutes"),
        )
        .join(Activity, Activity.id == ActivitySession.activity_id)
        .where(within(ActivitySession.date, period))
        .cte("held")
    )
    held_ecm = (
        select(held, ActivityOutcome.ecm_outcome)
        .select_from(held)
        .join(ActivityOutcome, ActivityOutcome.activity_id == held.c.activity)
        .subquery()
    )
    for code, value in (("sessions", func.count()), ("contact_minutes", func.sum(held.c.minutes))):
        put(code, "", total(select(value).select_from(held)))
        put(
            code,
            "activity_category",
            rows(select(held.c.category, value).group_by(held.c.category)),
        )
        ecm_value = func.count() if code == "sessions" else func.sum(held_ecm.c.minutes)
        put(
            code,
            "ecm_outcome",
            rows(select(held_ecm.c.ecm_outcome, ecm_value).group_by(held_ecm.c.ecm_outcome)),
        )

    # Register ticks, each with the young person's profile on the day of the session.
    ticks = (
        select(
            Attendance.young_person_id.label("person"),
            ActivitySession.date.label("day"),
            ActivitySession.activity_id.label("activity"),
            Activity.category.label("category"),
            *(
                expr.label(name)
                for name, expr in profile(config, ActivitySession.date, Attendance.age_band).items()
            ),
        )
        .join(ActivitySession, ActivitySession.id == Attendance.session_id)
        .join(Activity, Activity.id == ActivitySession.activity_id)
        .join(YoungPerson, YoungPerson.id == Attendance.young_person_id)
        .where(within(ActivitySession.date, period))
        .cte("ticks")
    )
    heads = (
        select(
            held.c.activity,
            held.c.category,
            known(Headcount.age_band, config.codes("age_bands")).label("age_band"),
            known(Headcount.gender, config.codes("genders")).label("gender"),
            Headcount.count,
        )
        .join(held, held.c.session == Headcount.session_id)
        .cte("heads")
    )
    _count_attendances(session, put, rows, ticks, heads)

    # Young people: contacts (on a register at all) and participants (often enough),
    # each described as they were at their first session of the period.
    # The age band comes from the tick of the first day: SQLite takes a bare column from the
    # row that gave min(), and the tick knows the band kept once a date of birth was removed.
    people = (
        select(
            ticks.c.person,
            func.min(ticks.c.day).label("first_day"),
            ticks.c.age_band.label("first_band"),
            func.count().label("times"),
        )
        .group_by(ticks.c.person)
        .cte("people")
    )
    minimum = config.reporting.participant_min_sessions
    for code, wanted in (
        ("contacts", people.c.times >= 1),
        ("participants", people.c.times >= minimum),
    ):
        first = {**profile(config, people.c.first_day), "age_band": people.c.first_band}
        described = (
            select(*(e.label(n) for n, e in first.items()))
            .select_from(people)
            .join(YoungPerson, YoungPerson.id == people.c.person)
            .where(wanted)
            .subquery()
        )
        put(code, "", total(select(func.count()).select_from(described)))
        for name in PROFILE:
            put(
                code,
                name,
                rows(select(described.c[name], func.count()).group_by(described.c[name])),
            )
        chosen = select(people.c.person).where(wanted)
        distinct = func.count(ticks.c.person.distinct())
        by_category = select(ticks.c.category, distinct).where(ticks.c.person.in_(chosen))
        put(code, "activity_category", rows(by_category.group_by(ticks.c.category)))
        by_ecm = (
            select(ActivityOutcome.ecm_outcome, distinct)
            .select_from(ticks)
            .join(ActivityOutcome, ActivityOutcome.activity_id == ticks.c.activity)
            .where(ticks.c.person.in_(chosen))
            .group_by(ActivityOutcome.ecm_outcome)
        )
        put(code, "ecm_outcome", rows(by_ecm))

    _count_outcomes(session, config, period, put, rows, total, people, minimum)


def _count_attendances(session: Session, put: Put, rows: Any, ticks: Any, heads: Any) -> None:
    """Attendances: register ticks plus headcounts, which know only age band and gender."""
    ticked = select(func.count()).select_from(ticks)
    counted = select(func.coalesce(func.sum(heads.c.count), 0))
    register, headcount = (
        session.execute(ticked).scalar_one(),
        session.execute(counted).scalar_one(),
    )
    put("attendances", "", [("", register + headcount)])
    put("attendances", "recording", [("register", register), ("headcount", headcount)])

    def both(breakdown: str, column: str, *, heads_know: bool) -> None:
        by_ticks = select(ticks.c[column], func.count()).group_by(ticks.c[column])
        put("attendances", breakdown, rows(by_ticks))
        if heads_know:
            by_heads = select(heads.c[column], func.sum(heads.c.count)).group_by(heads.c[column])
            put("attendances", breakdown, rows(by_heads))
        else:
            put("attendances", breakdown, [(NOT_RECORDED, headcount)])

    both("activity_category", "category", heads_know=True)
    for name in PROFILE:
        both(name, name, heads_know=name in ("age_band", "gender"))
    by_ecm_ticks = (
        select(ActivityOutcome.ecm_outcome, func.count())
        .select_from(ticks)
        .join(ActivityOutcome, ActivityOutcome.activity_id == ticks.c.activity)
        .group_by(ActivityOutcome.ecm_outcome)
    )
    by_ecm_heads = (
        select(ActivityOutcome.ecm_outcome, func.sum(heads.c.count))
        .select_from(heads)
        .join(ActivityOutcome, ActivityOutcome.activity_id == heads.c.activity)
        .group_by(ActivityOutcome.ecm_outcome)
    )
    put("attendances", "ecm_outcome", rows(by_ecm_ticks))
    put("attendances", "ecm_outcome", rows(by_ecm_heads))


def _count_outcomes(
    session: Session,
    config: TrustConfig,
    period: Period,
    put: Put,
    rows: Any,
    total: Any,
    people: Any,
    minimum: int,
) -> None:
    """Recorded and accredited outcomes, and the participants who gained one."""
    gained = (
        select(
            RecordedOutcome.young_person_id.label("person"),
            RecordedOutcome.kind,
            known(RecordedOutcome.ecm_outcome, config.codes("ecm_outcomes")).label("ecm_outcome"),
            known(RecordedOutcome.accreditation, config.codes("accreditations")).label(
                "accreditation"
            ),
            *(
                e.label(n)
                for n, e in profile(config, RecordedOutcome.date, RecordedOutcome.age_band).items()
            ),
        )
        .join(YoungPerson, YoungPerson.id == RecordedOutcome.young_person_id)
        .where(within(RecordedOutcome.date, period))
        .cte("gained")
    )
    for code, kind in (("recorded_outcomes", "recorded"), ("accredited_outcomes", "accredited")):
        of_kind = gained.c.kind == kind
        put(code, "", total(select(func.count()).select_from(gained).where(of_kind)))
        names = ["ecm_outcome", *PROFILE] + (["accreditation"] if kind == "accredited" else [])
        for name in names:
            query = select(gained.c[name], func.count()).where(of_kind).group_by(gained.c[name])
            put(code, name, rows(query))

    participants = select(people.c.person).where(people.c.times >= minimum)
    for code, condition in (
        ("participants_recorded_outcome", literal(True)),
        ("participants_accredited_outcome", gained.c.kind == "accredited"),
    ):
        query = select(func.count(gained.c.person.distinct())).where(
            condition, gained.c.person.in_(participants)
        )
        put(code, "", total(query))

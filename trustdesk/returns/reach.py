"""Reach and delivery figures: sessions, attendances, contacts, participants and outcomes.

Every figure is counted by SQLite (GROUP BY over the period's rows), never by looping over
attendance rows in Python: a ten-year workspace has tens of thousands of them. The measures'
definitions are in the catalogue; this module follows them. Each kind of row (sessions held,
attendance marks, young people, outcomes gained) is counted by every breakdown in one
statement, so that SQLite reads the period's rows once for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Integer, Select, case, cast, func, literal, null, select, union_all
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from trustdesk.config import Period, TrustConfig
from trustdesk.returns.catalogue import NOT_RECORDED, measure
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
    # Each whole age named (at most 31 of them): SQLite works out the age once per row for
    # a CASE on a value, but once per band for a CASE of BETWEENs.
    ages = {age: b.code for b in config.age_bands for age in range(b.min_age, b.max_age + 1)}
    band_for_age = case(ages, value=age, else_=literal(NOT_RECORDED))
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


def by(breakdown: str, category: Any, *values: Any) -> Select[Any]:
    """One part of a :func:`tally`: the values for each category of a breakdown, or with no
    breakdown (and category None) the totals."""
    if not breakdown:
        return select(literal(""), literal(""), *values)
    return select(literal(breakdown), category, *values).group_by(category)


def tally(session: Session, put: Put, codes: Sequence[str], parts: Sequence[Select[Any]]) -> None:
    """Put the figures of the measures ``codes`` counted in one statement whose parts (see
    :func:`by`) each give a breakdown, a category and one value per measure. A measure takes
    its total and the breakdowns the catalogue gives it."""
    breakdowns = {code: {b.code for b in measure(code).breakdowns} for code in codes}
    for breakdown, category, *values in session.execute(union_all(*parts)):
        for code, value in zip(codes, values, strict=True):
            if not breakdown or breakdown in breakdowns[code]:
                put(code, breakdown, [(category, value)])


def count(column: Any = None) -> Any:
    """``count(*)``, or with a column the number of its different values (NULL not counted)."""
    return func.count() if column is None else func.count(column.distinct())


def count_reach(session: Session, config: TrustConfig, period: Period, put: Put) -> None:
    # Sessions and the time spent in them.
    held = (
        select(
            ActivitySession.id.label("session"),
            ActivitySession.activity_id.label("activity"),
            Activity.category.label("activity_category"),
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
    spent = (count(), func.sum(held.c.minutes))
    tally(
        session,
        put,
        ("sessions", "contact_minutes"),
        [
            by("", None, *spent).select_from(held),
            by("activity_category", held.c.activity_category, *spent),
            by("ecm_outcome", ActivityOutcome.ecm_outcome, *spent)
            .select_from(held)
            .join(ActivityOutcome, ActivityOutcome.activity_id == held.c.activity),
        ],
    )

    # Register ticks: who came to which activity on which day, and the age band kept on the
    # tick once their date of birth was removed.
    visits = (
        select(
            Attendance.young_person_id.label("person"),
            ActivitySession.date.label("day"),
            ActivitySession.activity_id.label("activity"),
            Activity.category.label("activity_category"),
            Attendance.age_band.label("kept_band"),
        )
        .join(ActivitySession, ActivitySession.id == Attendance.session_id)
        .join(Activity, Activity.id == ActivitySession.activity_id)
        .where(within(ActivitySession.date, period))
        .cte("visits")
    )
    _count_attendances(session, config, put, held, visits)
    _count_young_people(session, config, period, put, visits)
    _count_outcomes(session, config, period, put)


def _count_attendances(
    session: Session, config: TrustConfig, put: Put, held: Any, visits: Any
) -> None:
    """Attendances: register ticks, each with the young person's profile on the day of the
    session, plus headcounts, which know only age band and gender."""
    profiled = (
        visits.c.activity,
        visits.c.activity_category,
        *(e.label(n) for n, e in profile(config, visits.c.day, visits.c.kept_band).items()),
    )
    # The ticks are counted by every combination first: far fewer rows to count again.
    ticked = (
        select(literal("register").label("recording"), count().label("n"), *profiled)
        .join(YoungPerson, YoungPerson.id == visits.c.person)
        .group_by(*profiled)
    )
    counted = select(
        literal("headcount"),
        Headcount.count,
        held.c.activity,
        held.c.activity_category,
        known(Headcount.age_band, config.codes("age_bands")),
        known(Headcount.gender, config.codes("genders")),
        *(literal(NOT_RECORDED) for _ in PROFILE[2:]),
    ).join(held, held.c.session == Headcount.session_id)
    marks = union_all(ticked, counted).cte("marks")
    n = func.sum(marks.c.n)
    tally(
        session,
        put,
        ("attendances",),
        [
            by("", None, n),
            *(by(name, marks.c[name], n) for name in ("recording", "activity_category", *PROFILE)),
            by("ecm_outcome", ActivityOutcome.ecm_outcome, n)
            .select_from(marks)
            .join(ActivityOutcome, ActivityOutcome.activity_id == marks.c.activity),
        ],
    )


def _count_young_people(
    session: Session, config: TrustConfig, period: Period, put: Put, visits: Any
) -> None:
    """Contacts (on a register at all) and participants (often enough), each described as
    they were at their first session of the period, and the participants who gained an
    outcome in it."""
    # The band kept comes from the tick of the first day: SQLite takes a bare column from the
    # row that gave min().
    people = (
        select(
            visits.c.person,
            func.min(visits.c.day).label("first_day"),
            visits.c.kept_band.label("first_kept"),
            func.count().label("times"),
        )
        .group_by(visits.c.person)
        .cte("people")
    )
    participant = people.c.times >= config.reporting.participant_min_sessions

    def gained(*conditions: Any) -> ColumnElement[int]:
        """1 for a participant who gained an outcome in the period, else 0."""
        outcome = select(RecordedOutcome.id).where(
            RecordedOutcome.young_person_id == people.c.person,
            within(RecordedOutcome.date, period),
            *conditions,
        )
        return case((participant & outcome.exists(), 1), else_=0)

    first = profile(config, people.c.first_day, people.c.first_kept)
    described = (
        select(
            case((participant, 1), else_=0).label("participant"),
            gained().label("with_outcome"),
            gained(RecordedOutcome.kind == "accredited").label("with_award"),
            *(e.label(n) for n, e in first.items()),
        )
        .join(YoungPerson, YoungPerson.id == people.c.person)
        .cte("described")
    )
    heads = (
        count(),
        *(func.sum(described.c[n]) for n in ("participant", "with_outcome", "with_award")),
    )
    # An activity's category and outcomes count each young person once, however often they
    # came; the catalogue breaks down no count of participants with an outcome.
    came = (
        select(
            visits.c.person,
            visits.c.activity,
            visits.c.activity_category,
            case((participant, visits.c.person)).label("participant"),
        )
        .join(people, people.c.person == visits.c.person)
        .distinct()
        .cte("came")
    )
    seen = (count(came.c.person), count(came.c.participant), null(), null())
    tally(
        session,
        put,
        (
            "contacts",
            "participants",
            "participants_recorded_outcome",
            "participants_accredited_outcome",
        ),
        [
            by("", None, *heads).select_from(described),
            *(by(name, described.c[name], *heads) for name in PROFILE),
            by("activity_category", came.c.activity_category, *seen),
            by("ecm_outcome", ActivityOutcome.ecm_outcome, *seen)
            .select_from(came)
            .join(ActivityOutcome, ActivityOutcome.activity_id == came.c.activity),
        ],
    )


def _count_outcomes(session: Session, config: TrustConfig, period: Period, put: Put) -> None:
    """Recorded and accredited outcomes."""
    gained = (
        select(
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
    kinds = [func.sum(case((gained.c.kind == k, 1), else_=0)) for k in ("recorded", "accredited")]
    tally(
        session,
        put,
        ("recorded_outcomes", "accredited_outcomes"),
        [
            by("", None, *kinds).select_from(gained),
            *(
                by(name, gained.c[name], *kinds)
                for name in ("ecm_outcome", *PROFILE, "accreditation")
            ),
        ],
    )

"""Reach and delivery figures: sessions, attendances, contacts, participants and outcomes.

Every figure is counted by SQLite (GROUP BY over the period's rows), never by looping over
attendance rows in Python: a ten-year workspace has tens of thousands of them. The measures'
definitions are in the catalogue; this module follows them. Each kind of row (sessions held,
attendance marks, young people, outcomes gained) is counted by every breakdown in one
statement, so that SQLite reads the period's rows once for it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, case, cast, func, literal, null, select, union_all
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col

from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.returns.tally import Put, by, tally
from trustdesk.store.counting import NOT_RECORDED, PROFILE, count, known, profile, within
from trustdesk.store.models import (
    Activity,
    ActivityOutcome,
    ActivitySession,
    Attendance,
    Headcount,
    RecordedOutcome,
    YoungPerson,
)


def count_reach(session: Session, config: TrustConfig, period: Period, put: Put) -> None:
    # Sessions and the time spent in them.
    held = (
        select(
            col(ActivitySession.id).label("session"),
            col(ActivitySession.activity_id).label("activity"),
            col(Activity.category).label("activity_category"),
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
        .join(Activity, col(Activity.id) == ActivitySession.activity_id)
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
            .join(ActivityOutcome, col(ActivityOutcome.activity_id) == held.c.activity),
        ],
    )

    # Register ticks: who came to which activity on which day, and the age band kept on the
    # tick once their date of birth was removed.
    visits = (
        select(
            col(Attendance.young_person_id).label("person"),
            col(ActivitySession.date).label("day"),
            col(ActivitySession.activity_id).label("activity"),
            col(Activity.category).label("activity_category"),
            col(Attendance.age_band).label("kept_band"),
        )
        .join(ActivitySession, col(ActivitySession.id) == Attendance.session_id)
        .join(Activity, col(Activity.id) == ActivitySession.activity_id)
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
        .join(YoungPerson, col(YoungPerson.id) == visits.c.person)
        .group_by(*profiled)
    )
    counted = select(
        literal("headcount"),
        col(Headcount.count),
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
            .join(ActivityOutcome, col(ActivityOutcome.activity_id) == marks.c.activity),
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
    participant = people.c.times >= config.reporting.participant_min_sessions_for(period)

    def gained(*conditions: Any) -> ColumnElement[int]:
        """1 for a participant who gained an outcome in the period, else 0."""
        outcome = select(col(RecordedOutcome.id)).where(
            col(RecordedOutcome.young_person_id) == people.c.person,
            within(RecordedOutcome.date, period),
            *conditions,
        )
        return case((participant & outcome.exists(), 1), else_=0)

    first = profile(config, people.c.first_day, people.c.first_kept)
    described = (
        select(
            case((participant, 1), else_=0).label("participant"),
            gained().label("with_outcome"),
            gained(col(RecordedOutcome.kind) == "accredited").label("with_award"),
            *(e.label(n) for n, e in first.items()),
        )
        .join(YoungPerson, col(YoungPerson.id) == people.c.person)
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
            .join(ActivityOutcome, col(ActivityOutcome.activity_id) == came.c.activity),
        ],
    )


def _count_outcomes(session: Session, config: TrustConfig, period: Period, put: Put) -> None:
    """Recorded and accredited outcomes."""
    gained = (
        select(
            col(RecordedOutcome.kind),
            known(RecordedOutcome.ecm_outcome, config.codes("ecm_outcomes")).label("ecm_outcome"),
            known(RecordedOutcome.accreditation, config.codes("accreditations")).label(
                "accreditation"
            ),
            *(
                e.label(n)
                for n, e in profile(config, RecordedOutcome.date, RecordedOutcome.age_band).items()
            ),
        )
        .join(YoungPerson, col(YoungPerson.id) == RecordedOutcome.young_person_id)
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

"""The dashboard: how this quarter is going against the same weeks of last quarter, at a
glance (a quarter half gone against a whole one always looked like a fall).

The headline figures are the return's own (:func:`trustdesk.returns.compute.compute_return`),
so the dashboard and the return a coordinator sends never disagree. What a return cannot say
is added here: the actions open now and overdue today, and attendance week by week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from trustdesk.config.periods import Period
from trustdesk.returns.actions import actions_on
from trustdesk.returns.catalogue import measure
from trustdesk.returns.compute import compute_return, compute_to_read
from trustdesk.returns.tables import Table, reach_table
from trustdesk.returns.target_tables import targets_table
from trustdesk.returns.trends import trend_tables, unit_tables
from trustdesk.store.context import context, trust
from trustdesk.store.counting import within
from trustdesk.store.models import ActivitySession, Attendance, Headcount

OPEN_ACTIONS = "open_actions"
OVERDUE_ACTIONS = "actions_overdue"

# The return's measures the dashboard shows, then the actions, counted on a day.
RETURN_FIGURES = (
    "sessions",
    "attendances",
    "contacts",
    "participants",
    "recorded_outcomes",
    "accredited_outcomes",
    "partners_engaged",
    "meetings_held",
    "meeting_present",
)
FIGURES = (*RETURN_FIGURES, OPEN_ACTIONS, OVERDUE_ACTIONS)

_ACTION_DEFINITIONS = {
    OPEN_ACTIONS: "Actions agreed at meetings and not yet done or dropped: this quarter, "
    "those open today; last quarter, those open on the same day of it.",
    OVERDUE_ACTIONS: "Open actions whose due date has passed: this quarter, as of today; "
    "last quarter, as at the same day of it.",
}


@dataclass(frozen=True, order=True)
class QuarterSoFar(Period):
    """The first weeks of a quarter, to ``until``: what the return's counting reads as a
    period (its ``start`` and ``end``), to compare like with like."""

    until: dt.date = field(default=dt.date.min, compare=False)

    @property
    def end(self) -> dt.date:
        return self.until

    @property
    def quarter_end(self) -> dt.date:
        return super().end


def same_weeks_of(previous: Period, current: Period, today: dt.date) -> QuarterSoFar:
    """The start of ``previous`` up to as many days into it as ``today`` is into
    ``current``, at most to its end; on the last day of a quarter, the whole of the one
    before (quarters differ by a day or two: 31 March is as far as 31 December)."""
    days = (today - current.start).days
    until = min(previous.start + dt.timedelta(days=days), previous.end)
    if today >= current.end:
        until = previous.end
    return QuarterSoFar(previous.year, previous.quarter, until=until)


def definition(code: str) -> str:
    """What a dashboard figure counts, in words (the catalogue's definition for a measure)."""
    return _ACTION_DEFINITIONS.get(code) or measure(code).definition


@dataclass(frozen=True)
class QuarterFigures:
    """One quarter's headline figures, by code (see ``FIGURES``)."""

    period: Period
    figures: dict[str, int]

    def __getitem__(self, code: str) -> int:
        return self.figures[code]


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    current: QuarterFigures  # the quarter in progress, so far
    previous: QuarterFigures  # the same weeks of the quarter before (or all of it, below)
    # The days of the previous quarter its figures count: its start to as far into it as
    # today is into this one. A district or county adds up the returns it received, which
    # are whole quarters: it compares with the whole of last quarter.
    compared_from: dt.date
    compared_to: dt.date
    # The current quarter week by week: the day each week begins (Monday, or the quarter's
    # first day for the first week) to attendances, registers and headcounts together.
    # Weeks up to today's, and any later week that already has attendances.
    attendance_by_week: dict[dt.date, int]
    # ECM outcome name to this quarter's attendances at activities serving it, in the trust's
    # order. An activity can serve several outcomes, so these add up to more than the total.
    attendance_by_outcome: dict[str, int]
    # The return's tables a board reads beside the quarter: reach against the REYS
    # benchmarks (the year to date is what is measured), the key figures by quarter and by
    # year, and for a district or county each figure by unit over the quarters.
    reach: Table | None = None
    # The targets the trust set for the unit: the quarter so far, and the year to date.
    targets: Table | None = None
    trends: list[Table] = field(default_factory=list)
    units: list[Table] = field(default_factory=list)


def dashboard(session: Session, *, today: dt.date) -> Dashboard:
    """The dashboard's figures for the quarter ``today`` falls in and the one before it."""
    current = Period.containing(today)
    quarter = previous = current.previous()
    if context(session).unit.level == "locality":
        previous = same_weeks_of(quarter, current, today)
    this_return = compute_to_read(session, current)
    last_return = compute_return(session, previous)
    config = trust(session)

    now_open, now_overdue = actions_on(session, today)
    then_open, _ = actions_on(session, previous.end)
    this = {code: this_return.value(code) for code in RETURN_FIGURES}
    this |= {OPEN_ACTIONS: now_open, OVERDUE_ACTIONS: now_overdue}
    last = {code: last_return.value(code) for code in RETURN_FIGURES}
    last |= {OPEN_ACTIONS: then_open, OVERDUE_ACTIONS: last_return.value(OVERDUE_ACTIONS)}

    by_outcome = this_return.breakdown("attendances", "ecm_outcome")
    return Dashboard(
        today=today,
        current=QuarterFigures(current, this),
        previous=QuarterFigures(quarter, last),
        compared_from=previous.start,
        compared_to=previous.end,
        attendance_by_week=_attendance_by_week(session, current, today),
        attendance_by_outcome={
            config.name_of("ecm_outcomes", code): value for code, value in by_outcome.items()
        },
        reach=reach_table(this_return, config),
        targets=targets_table(this_return, config, today),
        trends=trend_tables(this_return),
        units=unit_tables(this_return, config),
    )


def week_beginning(day: dt.date, period: Period) -> dt.date:
    """The Monday of the day's week, or the period's first day if the week began before it."""
    return max(day - dt.timedelta(days=day.weekday()), period.start)


def _attendance_by_week(session: Session, period: Period, today: dt.date) -> dict[dt.date, int]:
    ticks = (
        select(col(ActivitySession.date), func.count())
        .join(Attendance, col(Attendance.session_id) == ActivitySession.id)
        .where(within(ActivitySession.date, period))
        .group_by(col(ActivitySession.date))
    )
    heads = (
        select(col(ActivitySession.date), func.sum(Headcount.count))
        .join(Headcount, col(Headcount.session_id) == ActivitySession.id)
        .where(within(ActivitySession.date, period))
        .group_by(col(ActivitySession.date))
    )
    by_day = [*session.exec(ticks), *session.exec(heads)]
    last = max([min(today, period.end), *(day for day, _ in by_day)])
    weeks: dict[dt.date, int] = {}
    week = period.start
    while week <= last:
        weeks[week] = 0
        week += dt.timedelta(days=7 - week.weekday())  # the next Monday
    for day, count in by_day:
        weeks[week_beginning(day, period)] += int(count or 0)
    return weeks

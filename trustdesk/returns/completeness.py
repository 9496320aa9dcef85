"""Which returns are in: the units below this workspace's, period by period.

A unit's return for a period is *accepted* or *queried* once the officer has reviewed it;
before that it is *on time* or *late*, by when its first revision was made (exported by the
coordinator: the officer may import it days later, which is not the locality's delay) against
the due date (the trust configuration's ``reporting.due_days_after_period_end`` days after the
period ends: 15 unless it says otherwise). A return that has not arrived is *missing* once
its due date has passed, and *not due yet* before. The chase list gives, for each missing
return, a message ready to send to the coordinator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, cast

from sqlalchemy import func
from sqlmodel import Session, col, select

from trustdesk.config.periods import Period
from trustdesk.config.trust import Unit
from trustdesk.returns.received import (
    EARLIEST_MADE,
    LATEST_MADE,
    RECEIVED,
    current_records,
    sane_moment,
)
from trustdesk.store.context import context, trust
from trustdesk.store.models import ReturnRecord
from trustdesk.store.workspace import read_settings

Status = Literal["accepted", "queried", "on time", "late", "missing", "not due yet"]
STATUSES: tuple[Status, ...] = ("accepted", "queried", "on time", "late", "missing", "not due yet")


@dataclass(frozen=True)
class Cell:
    unit: Unit
    period: Period
    status: Status
    due: dt.date
    record_id: int | None = None
    revision: int | None = None
    sent_on: dt.date | None = None  # when its first revision was made
    edited: bool = False
    note: str = ""
    made_how: str = ""  # filled_in | entered | "" (made by the unit's TrustDesk)

    @property
    def in_hand(self) -> bool:
        return self.record_id is not None

    @property
    def days_late(self) -> int:
        """How many days after the due date its first revision was made (0 if on time): a
        return keeps this once reviewed, so an accepted return can still say it was late."""
        return max((self.sent_on - self.due).days, 0) if self.sent_on else 0


@dataclass
class Grid:
    units: list[Unit]
    periods: list[Period]
    cells: dict[tuple[str, Period], Cell]

    def cell(self, unit_code: str, period: Period) -> Cell:
        return self.cells[(unit_code, period)]

    def column(self, period: Period) -> list[Cell]:
        return [self.cells[(u.code, period)] for u in self.units]

    def count(self, period: Period, status: Status) -> int:
        return sum(c.status == status for c in self.column(period))


def periods_to_show(session: Session, today: dt.date, count: int = 5) -> list[Period]:
    """The last ``count`` quarters that have ended, newest first, but none from before the
    workspace was made unless a return of it has been imported (the quarters before a
    district started with TrustDesk would all read "missing"); and the year's return of each
    financial year whose last quarter is among them, just before that quarter."""
    settings = read_settings(session)
    made = (
        dt.datetime.fromisoformat(settings["created_at"]).date()
        if "created_at" in settings
        else today
    )
    earliest = session.exec(
        select(func.min(ReturnRecord.period)).where(ReturnRecord.direction == RECEIVED)
    ).first()
    first = Period.containing(made).previous()  # its first return is the one due as it starts
    if earliest:
        first = min(first, Period.parse(earliest))
    periods = [Period.containing(today).previous()]
    while len(periods) < count and periods[-1].previous() >= first:
        periods.append(periods[-1].previous())
    years = {p: Period.financial_year(p.year) for p in periods if p.quarter == 4}
    return [shown for p in periods for shown in ((years[p], p) if p in years else (p,))]


def due_date(session: Session, period: Period) -> dt.date:
    return period.due_date(trust(session).reporting.due_days_after_period_end)


def completeness(session: Session, periods: list[Period], today: dt.date) -> Grid:
    """Units below this workspace's unit x periods, each with its status, in two queries."""
    config = trust(session)
    units = config.children(context(session).unit.code)
    current = {(r.unit_code, r.period): r for r in current_records(session, periods)}
    first = {
        (unit_code, period): at
        for unit_code, period, at in session.exec(
            select(
                col(ReturnRecord.unit_code),
                col(ReturnRecord.period),
                func.min(ReturnRecord.made_at),
            )
            .where(col(ReturnRecord.direction) == RECEIVED)
            .where(col(ReturnRecord.period).in_([p.code for p in periods]))
            # A revision kept before made_at was checked may say year 1: not the first.
            .where(col(ReturnRecord.made_at).between(EARLIEST_MADE, LATEST_MADE))
            .group_by(col(ReturnRecord.unit_code), col(ReturnRecord.period))
        )
    }
    cells: dict[tuple[str, Period], Cell] = {}
    for period in periods:
        due = due_date(session, period)
        for unit in units:
            record = current.get((unit.code, period.code))
            if record is None:
                status: Status = "missing" if today > due else "not due yet"
                cells[(unit.code, period)] = Cell(unit, period, status, due)
                continue
            arrived = _local_day(first.get((unit.code, period.code), record.made_at))
            if record.review_status in ("accepted", "queried"):
                status = cast(Status, record.review_status)  # one of the two, as just seen
            else:
                status = "on time" if arrived <= due else "late"
            cells[(unit.code, period)] = Cell(
                unit,
                period,
                status,
                due,
                record_id=record.id,
                revision=record.revision,
                sent_on=arrived,
                edited=record.edited_after_export,
                note=record.review_note,
                made_how=record.made_how,
            )
    return Grid(units, periods, cells)


@dataclass(frozen=True)
class Chase:
    """A message ready to send to a unit: a reminder of a missing return, or a query."""

    unit: Unit
    period: Period
    subject: str
    text: str
    kind: Literal["reminder", "query"] = "reminder"


def chase_list(
    session: Session, period: Period, today: dt.date, grid: Grid | None = None
) -> list[Chase]:
    """A ready-to-send reminder for each unit whose return for the period is missing (from
    ``grid`` when it has been read already)."""
    here = context(session).unit
    if grid is None or period not in grid.periods:
        grid = completeness(session, [period], today)
    return [
        _chase(cell, here.name, today) for cell in grid.column(period) if cell.status == "missing"
    ]


def messages_to_send(
    session: Session, period: Period, today: dt.date, grid: Grid | None = None
) -> list[Chase]:
    """The reminders of :func:`chase_list`, then a ready-to-send query for each return of
    the period that the officer has queried (its note says what to look at)."""
    here = context(session).unit
    if grid is None or period not in grid.periods:
        grid = completeness(session, [period], today)
    queries = [
        query_message(cell, here.name) for cell in grid.column(period) if cell.status == "queried"
    ]
    return [*chase_list(session, period, today, grid), *queries]


def query_message(cell: Cell, officer_unit: str) -> Chase:
    """The e-mail that tells a unit its return is queried, and what to do about it."""
    unit, period = cell.unit, cell.period
    who = "coordinator" if unit.level == "locality" else "officer"
    subject = f"{unit.name}: return for {period.label} queried"
    text = (
        f"Dear {unit.name} {who},\n\n"
        f"Thank you for the {unit.level} return of {unit.name} for {period.label} "
        f"(revision {cell.revision}, file {unit.code}_{period.code}_r{cell.revision}.xlsx). "
        f"Before {officer_unit} accepts it, please look at this:\n\n"
        f"{cell.note}\n\n"
        "If something needs correcting, correct the records in TrustDesk, export the return "
        "again (Returns page, Export: it becomes the next revision) and send us the new "
        "workbook. If the figures are right as they are, please reply to say so.\n\n"
        f"Thank you,\n{officer_unit}"
    )
    return Chase(unit, period, subject, text, "query")


def _chase(cell: Cell, officer_unit: str, today: dt.date) -> Chase:
    unit, period = cell.unit, cell.period
    days = (today - cell.due).days
    subject = f"{unit.name}: return for {period.label} not yet received"
    text = (
        f"Dear {unit.name} {'coordinator' if unit.level == 'locality' else 'officer'},\n\n"
        f"The {unit.level} return of {unit.name} for {period.label} was due on "
        f"{_day(cell.due)} and has not reached {officer_unit} yet "
        f"({days} day{'s' if days != 1 else ''} ago).\n\n"
        "Please export it in TrustDesk (Returns page, Export) and send us the workbook "
        f"(.xlsx file named {unit.code}_{period.code}_r<revision>.xlsx). If you have sent it "
        "already, please send it again: it has not arrived.\n\n"
        f"Thank you,\n{officer_unit}"
    )
    return Chase(unit, period, subject, text)


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _local_day(moment: dt.datetime) -> dt.date:
    return sane_moment(moment).astimezone().date()  # UTC, never off the calendar

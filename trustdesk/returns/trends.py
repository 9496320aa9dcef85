"""Trends: a return's key figures over the last eight quarters and the last three years, and
for a district or county, each unit's over the last eight quarters.

A board judges a period against the ones before it. Each period's figures are its own return
as the unit makes it today (:func:`trustdesk.returns.compute.compute_return`), so a trend's
last column is the return itself, and an earlier column is what that period's return says:
distinct young people over each period, never a sum of quarters. Periods before the first
with any figures are left out, so a new workspace's trend does not start with a row of zeros.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from trustdesk.config.periods import Period, calendar_month
from trustdesk.config.trust import TrustConfig
from trustdesk.returns.catalogue import measure
from trustdesk.returns.model import History, Return
from trustdesk.returns.tables import LEVEL_WORDS, PARTNER_ATTENDANCE, Column, Row, Table

QUARTERS, YEARS = 8, 3
# The key figures a trend follows (then partner attendance at meetings, a rate).
KEY_FIGURES = (
    "sessions",
    "attendances",
    "contacts",
    "participants",
    "recorded_outcomes",
    "accredited_outcomes",
)
QUARTERS_TITLE, YEARS_TITLE = "Trend by quarter", "Trend by year"

Compute = Callable[[Session, Period], Return]


def history(session: Session, ret: Return, compute: Compute) -> History:
    """The returns ``ret`` is read beside, made by ``compute`` (``ret`` itself for its own
    period, each other period computed once)."""
    made: dict[Period, Return] = {ret.period: ret}

    def of(period: Period) -> Return:
        if period not in made:
            made[period] = compute(session, period)
        return made[period]

    last = ret.period.quarters[-1]
    quarters = [last]
    while len(quarters) < QUARTERS:
        quarters.insert(0, quarters[0].previous())
    this_year = Period.year_to(last)
    years = [Period.financial_year(this_year.year - n) for n in range(YEARS - 1, 0, -1)]
    period = ret.period
    previous = of(period.previous()) if period.is_quarter else None
    earlier = of(period.a_year_earlier())
    return History(
        quarters=_from_first_with_figures([of(p) for p in quarters]),
        # A year with nothing in it is left out anywhere: a district holds no year to date
        # until its units send one.
        years=tuple(y for y in (*(of(p) for p in years), of(this_year)) if has_figures(y)),
        previous=previous if previous and has_figures(previous) else None,
        a_year_earlier=earlier if has_figures(earlier) else None,
    )


def has_figures(ret: Return) -> bool:
    """Whether anything was recorded in the period (or, for a district or county, whether any
    unit's return of it came in)."""
    if ret.constituents:
        return any(c.status != "missing" for c in ret.constituents)
    return any(ret.value(code) for code in (*KEY_FIGURES, "meeting_places", "contact_log_entries"))


def _from_first_with_figures(returns: list[Return]) -> tuple[Return, ...]:
    """The returns from the first with figures on; the last (the return's own) always."""
    first = next((i for i, r in enumerate(returns) if has_figures(r)), len(returns) - 1)
    return tuple(returns[first:])


# The tables.


def trend_tables(ret: Return) -> list[Table]:
    """The key figures by quarter and by year, a column a period, oldest first; none for a
    return made without its history."""
    if ret.history is None:
        return []
    out = [_trend(QUARTERS_TITLE, ret.history.quarters, ret)]
    if len(ret.history.years) > 1:  # a single year would repeat the return's own figures
        out.append(_trend(YEARS_TITLE, ret.history.years, ret))
    return out


def _trend(title: str, returns: tuple[Return, ...], ret: Return) -> Table:
    rows = [
        Row(
            measure(code).label,
            [r.value(code) for r in returns],
            unit=measure(code).unit,
            measure=code,
        )
        for code in KEY_FIGURES
    ]
    rows.append(Row(PARTNER_ATTENDANCE, [r.attendance_rate() for r in returns], unit="rate"))
    notes = []
    if ret.constituents:
        one, below = LEVEL_WORDS.get(ret.unit_level, ("unit", "units"))
        rows.append(
            Row(
                f"{below.capitalize()}' returns added up",
                [sum(c.status != "missing" for c in r.constituents) for r in returns],
                unit="count",
            )
        )
        notes.append(
            f"A period with a {one}'s return missing adds up fewer {below}, so its figures "
            "are lower than the whole."
        )
    last = returns[-1].period
    if not last.is_quarter and not last.is_year:
        notes.append(
            f"The last year is the year to date, {calendar_month(last.start.month)} "
            f"{last.start.year} to {calendar_month(last.end.month)} {last.end.year}."
        )
    if ret.figures_to:
        notes.append(
            f"The latest {ret.period.noun} is not over: its figures run to "
            f"{ret.figures_to.day} {calendar_month(ret.figures_to.month)}."
        )
    return Table(
        title,
        [period_column(r.period) for r in returns],
        rows,
        label_heading="Measure",
        note=" ".join(notes),
    )


def period_column(period: Period) -> Column:
    return Column(period.short_label, "count", from_data=False, spelled_out=period.spelled_out)


def unit_tables(ret: Return, config: TrustConfig) -> list[Table]:
    """For a district or county made with its history: each key figure, and partner
    attendance, by unit below and quarter, so that its units can be compared over time. A
    unit whose return of a quarter is missing shows a dash."""
    if ret.history is None or not ret.constituents:
        return []
    quarters = ret.history.quarters
    one, _ = LEVEL_WORDS.get(ret.unit_level, ("unit", "units"))
    units = [c.unit_code for c in ret.constituents]
    parts = [{p.unit_code: p for p in r.parts} for r in quarters]
    columns = [period_column(r.period) for r in quarters]
    out = []
    for code in KEY_FIGURES:
        m = measure(code)
        rows = [
            Row(
                config.unit(unit).name,
                [by[unit].value(code) if unit in by else None for by in parts],
                unit=m.unit,
                measure=code,
            )
            for unit in units
        ]
        rows.append(
            Row("All", [r.value(code) for r in quarters], unit=m.unit, measure=code, is_total=True)
        )
        out.append(
            Table(
                f"{m.label} by {one}",
                columns,
                rows,
                label_heading=one.capitalize(),
                additive=True,
            )
        )
    rows = [
        Row(
            config.unit(unit).name,
            [by[unit].attendance_rate() if unit in by else None for by in parts],
            unit="rate",
        )
        for unit in units
    ]
    rows.append(Row("All", [r.attendance_rate() for r in quarters], unit="rate", is_total=True))
    out.append(
        Table(f"{PARTNER_ATTENDANCE} by {one}", columns, rows, label_heading=one.capitalize())
    )
    return out

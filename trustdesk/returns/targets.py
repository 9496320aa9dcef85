"""How a return stands against the targets the trust configuration sets for its unit.

The configuration checks a target's shape when it is loaded (:mod:`trustdesk.config.targets`);
whether its measure, breakdown and category are ones a return carries, and whether a board's
figure is set for a locality (which has no board), is the catalogue's to say (:func:`fault`).
A workspace is made with, or takes in, only a configuration whose targets have no fault
(:mod:`trustdesk.ops.trust_update`); one with a fault anyway (a file edited by hand) is
measured against its other targets.

A target (:mod:`trustdesk.config.targets`) is for a year or for each quarter. A quarter's
target is measured on a quarter's return; a year's on a year's return, and on a quarter's
return through the year to the quarter's end, which its unit works out when it makes the
return (a return read from a file carries no year to date, so a district measures each
locality's year targets on the locality's year return). A period not over yet is measured
as far as it has gone: a count or a rate short of an "at least" target is "not met yet"
rather than failed, since the rest of the period can still bring it up.

Met or not is decided on what a reader sees (25% shown meets a 25% target, 24.6% shown as
25% too), as the REYS benchmarks are (:mod:`trustdesk.returns.benchmarks`), whose words and
colours these share.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session

from trustdesk.config.periods import Period
from trustdesk.config.targets import RATE_NAMES, TargetConfig
from trustdesk.config.trust import TrustConfig, Unit
from trustdesk.returns import catalogue, numbers
from trustdesk.returns.benchmarks import MET, NOT_MET, NOT_YET
from trustdesk.returns.board_tables import board_attendance
from trustdesk.returns.model import Return
from trustdesk.returns.received import current_records, load_figures
from trustdesk.store.context import trust

# The rates a publication copy leaves out: shares of young people, which a small count
# could give away (a partner attendance rate is about organisations).
OF_YOUNG_PEOPLE = ("contacts", "participants", "recorded", "accredited")


@dataclass(frozen=True)
class Standing:
    """One target and how a return's figures stand against it."""

    target: TargetConfig
    title: str
    unit: numbers.Unit  # "rate" for a rate; else the measure's (count, minutes, pence)
    actual: int | float | None  # None when the return cannot say (no population, say)
    goal: int | float  # in the same unit as ``actual``: a rate as a fraction, time in minutes
    measured_on: Period
    verdict: str  # Met, Not met, Not met yet, or "" when there is nothing to measure

    @property
    def met(self) -> bool:
        return self.verdict == MET

    @property
    def target_words(self) -> str:
        """ "at least 25%", "at most 3"."""
        return f"{self.target.direction} {numbers.figure(self.unit, self.goal)}"

    @property
    def actual_words(self) -> str:
        return "\u2013" if self.actual is None else numbers.figure(self.unit, self.actual)

    @property
    def in_words(self) -> str:
        """ "Sessions: 31 against at least 30 (Q2 2026-27): met." """
        verdict = self.verdict.lower() if self.verdict else "cannot be worked out"
        return (
            f"{self.title}: {self.actual_words} against {self.target_words} "
            f"({self.measured_on.short_label}): {verdict}."
        )

    @property
    def of_young_people(self) -> bool:
        """Whether its figure counts young people (a publication copy leaves it out)."""
        if self.target.rate:
            return self.target.rate in OF_YOUNG_PEOPLE
        return catalogue.measure(self.target.measure or "").disclosive


def fault(target: TargetConfig, config: TrustConfig) -> str:
    """What is wrong with a target that the catalogue can tell, or ""."""
    if target.measure is not None:
        if not catalogue.is_known(target.measure):
            return (
                f"{target.measure!r} is not a measure a return carries: use a code of "
                "docs/returns.md's catalogue (e.g. sessions, contacts, accredited_outcomes)"
            )
        if target.breakdown is not None:
            measure = catalogue.measure(target.measure)
            codes = [b.code for b in measure.breakdowns]
            if target.breakdown not in codes:
                return f"{measure.code} has no breakdown {target.breakdown!r}: it has " + (
                    ", ".join(codes) if codes else "none"
                )
            categories = measure.breakdown(target.breakdown).categories(config)
            if target.category not in categories:
                return (
                    f"{target.category!r} is not a category of {target.breakdown}: it has "
                    + ", ".join(categories)
                )
    board = is_board(target)
    levels = {name: config.units[name].level for name in target.units if name in config.units}
    if board and any(levels.get(name, name) == "locality" for name in target.units):
        return "a board's figure is set for districts and the county only: a locality group has no board"
    return ""


def faults(config: TrustConfig) -> list[str]:
    """ "targets[2]: 'session' is not a measure …", one for each target with a fault."""
    return [
        f"targets[{number}]: {found}"
        for number, target in enumerate(config.targets, start=1)
        if (found := fault(target, config))
    ]


# The figures each rate is worked out from (Return.reach_rates, attendance_rate).
RATE_MEASURES = {
    "contacts": ("contacts", "population_13_19"),
    "participants": ("participants", "population_13_19"),
    "recorded": ("participants_recorded_outcome", "participants"),
    "accredited": ("participants_accredited_outcome", "participants"),
    "meeting_attendance": ("meeting_present", "meeting_places"),
    "board_attendance": ("board_meeting_present", "board_meeting_places"),
}


def measures_of(target: TargetConfig) -> tuple[str, ...]:
    """The measures whose figures a target is measured on."""
    return RATE_MEASURES[target.rate] if target.rate else (target.measure or "",)


def is_board(target: TargetConfig) -> bool:
    """Whether it sets a board's own figure (a district's or the county's)."""
    return target.rate == "board_attendance" or catalogue.is_board(target.measure or "")


def applies_to(target: TargetConfig, unit: Unit) -> bool:
    return unit.level in target.units or unit.code in target.units


def title_of(target: TargetConfig, config: TrustConfig) -> str:
    """What a target is called: its own title, or its measure's (and category's) name."""
    if target.title:
        return target.title
    if target.rate:
        return RATE_NAMES[target.rate]
    measure = catalogue.measure(target.measure or "")
    if target.breakdown and target.category:
        breakdown = measure.breakdown(target.breakdown)
        category = breakdown.category_label(config, target.category)
        return f"{measure.label}: {breakdown.label.lower()} {category.lower()}"
    return measure.label


def standings(ret: Return, config: TrustConfig, until: dt.date | None = None) -> list[Standing]:
    """How ``ret`` stands against every target set for its unit and its period's kind, in the
    configuration's order. ``until`` is the last day its figures run to, when the period is
    not over (the Dashboard's today; an export's part quarter), so that what is short can
    still be "not met yet". A year's target on a quarter whose year to date is not to hand
    (a district missing a locality's) stands with nothing measured."""
    unit = config.units.get(ret.unit_code)
    if unit is None:
        return []
    last_day = min(until or ret.figures_to or ret.period.end, ret.period.end)
    out = []
    for target in config.targets:
        if not applies_to(target, unit) or fault(target, config):
            continue
        if target.year and target.year != ret.period.fiscal_year:
            continue
        if target.period == "quarter" and not ret.period.is_quarter:
            continue
        whole = Period.financial_year(ret.period.year) if target.period == "year" else ret.period
        out.append(_standing(target, ret, config, over=last_day >= whole.end))
    return out


def _standing(target: TargetConfig, ret: Return, config: TrustConfig, over: bool) -> Standing:
    # A quarter's target is measured on the quarter; a year's on a year's return itself, or
    # on a quarter's year to date (for a board's own figure, its own year to date is enough).
    measured: Return | None = ret
    if target.period == "year" and ret.period.is_quarter:
        measured = ret.year_to_date
        if measured is None and is_board(target):
            measured = ret.board_to_date
    period = measured.period if measured else Period.year_to(ret.period)
    unit: numbers.Unit
    actual: int | float | None = None
    if target.rate:
        unit, goal = "rate", target.value / 100
        if measured is not None:
            actual = _rate(measured, target.rate, config)
    else:
        code = target.measure or ""
        unit = catalogue.measure(code).unit
        goal = target.value * numbers.SHAPES[unit].per  # hours to minutes, pounds to pence
        if measured is not None:  # an older return may not carry a board's figure
            key = (code, target.breakdown or "", target.category or "")
            actual = measured.figures.get(key, None if catalogue.is_board(code) else 0)
    return Standing(
        target,
        title_of(target, config),
        unit,
        actual,
        goal,
        period,
        _verdict(target, unit, actual, goal, over),
    )


def _rate(ret: Return, rate: str, config: TrustConfig) -> float | None:
    if rate == "meeting_attendance":
        return ret.attendance_rate()
    if rate == "board_attendance":
        return board_attendance(ret)
    return ret.reach_rates(catalogue.reach_age_bands(config))[rate]


def _verdict(
    target: TargetConfig, unit: numbers.Unit, actual: int | float | None, goal: float, over: bool
) -> str:
    if actual is None:
        return ""
    shown, wanted = _as_shown(unit, actual), _as_shown(unit, goal)
    if target.direction == "at most":
        return MET if shown <= wanted else NOT_MET
    if shown >= wanted:
        return MET
    return NOT_MET if over else NOT_YET


def _as_shown(unit: numbers.Unit, value: int | float) -> Decimal:
    """A value as a reader sees it: a whole per cent, hours to a tenth, pounds and pence."""
    shape = numbers.SHAPES[unit]
    scaled = numbers.exact(value) * (100 if shape.percent else 1) / shape.per
    return numbers.rounded(scaled, shape.places)


def tally(found: list[Standing], noun: str = " targets") -> str:
    """ "2 of 3 targets met" ("2 of 3 met" with no noun), or "" with none measured."""
    measured = [s for s in found if s.verdict]
    if not measured:
        return ""
    return f"{sum(s.met for s in measured)} of {len(measured)}{noun} met"


def received_standings(
    session: Session, periods: list[Period]
) -> dict[tuple[str, Period], list[Standing]]:
    """How each return received for these periods stands against its unit's targets, by
    (unit code, period): those its figures can measure (a quarter's file carries no year to
    date, so a year's targets are measured on the unit's year return). Read in one go."""
    config = trust(session)
    if not config.targets:
        return {}
    needed = {code for target in config.targets for code in measures_of(target)}
    found = {}
    for ret in load_figures(session, current_records(session, periods), config, needed):
        measured = [s for s in standings(ret, config) if s.verdict]
        if measured:
            found[(ret.unit_code, ret.period)] = measured
    return found

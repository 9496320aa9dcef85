"""How a return stands against the targets the trust configuration sets for its unit.

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

from sqlmodel import Session

from trustdesk.config.periods import Period
from trustdesk.config.targets import RATE_NAMES, TargetConfig
from trustdesk.config.trust import TrustConfig, Unit
from trustdesk.returns import catalogue, numbers
from trustdesk.returns.benchmarks import MET, NOT_MET, NOT_YET
from trustdesk.returns.board_tables import board_attendance
from trustdesk.returns.model import Return
from trustdesk.returns.received import current_records, load_returns
from trustdesk.returns.tables import Column, Row, Table, Words
from trustdesk.store.context import trust

TARGETS = "Targets"
MEASURED_ON = "Measured on"
AGAINST = "Against the target"
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
        return "—" if self.actual is None else numbers.figure(self.unit, self.actual)

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
        if not applies_to(target, unit):
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
    # on a quarter's year to date.
    measured = ret.year_to_date if target.period == "year" and ret.period.is_quarter else ret
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
    shown, wanted = (numbers.rounded(_as_shown(unit, v)) for v in (actual, goal))
    if target.direction == "at most":
        return MET if shown <= wanted else NOT_MET
    if shown >= wanted:
        return MET
    return NOT_MET if over else NOT_YET


def _as_shown(unit: numbers.Unit, value: int | float) -> float:
    """A value as a reader sees it, before rounding: a per cent, hours, pounds."""
    shape = numbers.SHAPES[unit]
    scaled = float(numbers.exact(value)) * (100 if shape.percent else 1) / shape.per
    return round(scaled, shape.places) if shape.places else scaled


def tally(found: list[Standing], noun: str = " targets") -> str:
    """ "2 of 3 targets met" ("2 of 3 met" with no noun), or "" with none measured."""
    measured = [s for s in found if s.verdict]
    if not measured:
        return ""
    return f"{sum(s.met for s in measured)} of {len(measured)}{noun} met"


def targets_table(
    ret: Return, config: TrustConfig, until: dt.date | None = None, *, publication: bool = False
) -> Table | None:
    """The targets set for the return's unit, each with the figure measured against it and
    whether it is met, in words; None when none is set for it. A publication copy leaves out
    those that count young people (a small count could give one away)."""
    found = standings(ret, config, until)
    shown = [s for s in found if not (publication and s.of_young_people)]
    if not shown:
        return None
    rows = [
        Row(
            label(s),
            [s.actual, s.goal],
            unit=s.unit,
            words=[s.measured_on.short_label, s.verdict],
        )
        for s in shown
    ]
    return Table(
        TARGETS,
        # The importer passes over these columns: the targets are the configuration's, and a
        # year's target is measured on a year to date the file does not carry.
        [Column("Actual", "count", from_data=False), Column("Target", "count", from_data=False)],
        rows,
        label_heading="Target",
        note=_note(shown, len(found) - len(shown), ret),
        words=(Words(MEASURED_ON, ()), Words(AGAINST, (0, 1))),
    )


def label(standing: Standing) -> str:
    """A target's row label: "Contacts aged 13-19, of the 13-19 population (NI 110)"."""
    target = standing.target
    words = standing.title + (f" ({target.indicator})" if target.indicator else "")
    return words + (", at most" if target.direction == "at most" else "")


def _note(shown: list[Standing], left_out: int, ret: Return) -> str:
    notes = [
        "Targets are set by the trust configuration. A year's target is measured on the "
        "year to date; one not reached while its period is still running is not met yet."
    ]
    if (
        ret.period.is_quarter
        and ret.year_to_date is None
        and any(s.target.period == "year" for s in shown)
    ):
        notes.append(
            "The year to date's figures are not to hand (a unit's return of it is missing), "
            "so the year's targets are not measured here: the year's return measures them."
        )
    indicators = {s.target.indicator: s.target.indicator_title for s in shown if s.target.indicator}
    for code, title in indicators.items():
        notes.append(
            f"{code} is the national indicator {title!r}."
            if title
            else f"{code} is a national indicator."
        )
    if left_out:
        notes.append(
            f"This copy leaves out {left_out} target{'s' if left_out != 1 else ''} on counts of "
            "young people; the full return has them."
        )
    return " ".join(notes)


def received_standings(
    session: Session, periods: list[Period]
) -> dict[tuple[str, Period], list[Standing]]:
    """How each return received for these periods stands against its unit's targets, by
    (unit code, period): those its figures can measure (a quarter's file carries no year to
    date, so a year's targets are measured on the unit's year return). Read in one go."""
    config = trust(session)
    if not config.targets:
        return {}
    records = current_records(session, periods)
    found = {}
    for ret in load_returns(session, records, config).values():
        measured = [s for s in standings(ret, config) if s.verdict]
        if measured:
            found[(ret.unit_code, ret.period)] = measured
    return found

"""The tables that show how a unit stands against its targets: on the first page of its
return (and its Dashboard and Returns page), over the quarters and years of its trends, and,
for a district or the county, unit by unit. Measured by :mod:`trustdesk.returns.targets`.
"""

from __future__ import annotations

import datetime as dt

from trustdesk.config.trust import TrustConfig
from trustdesk.returns.benchmarks import MET, NOT_MET
from trustdesk.returns.model import Return
from trustdesk.returns.tables import LEVEL_WORDS, Column, Row, Table, Words
from trustdesk.returns.targets import Standing, standings
from trustdesk.returns.trends import period_column
from trustdesk.words import counted

TARGETS = "Targets"
MEASURED_ON = "Measured on"
AGAINST = "Against the target"


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
        note=_note(shown, len(found) - len(shown)),
        words=(Words(MEASURED_ON, ()), Words(AGAINST, (0, 1))),
    )


def label(standing: Standing) -> str:
    """A target's row label: "Contacts aged 13-19, of the 13-19 population (NI 110)"."""
    target = standing.target
    words = standing.title + (f" ({target.indicator})" if target.indicator else "")
    return words + (", at most" if target.direction == "at most" else "")


def _note(shown: list[Standing], left_out: int) -> str:
    notes = [
        "Targets are set by the trust configuration. A year's target is measured on the "
        "year to date; one not reached while its period is still running is not met yet."
    ]
    if any(s.actual is None and s.target.period == "year" for s in shown):
        notes.append(
            "The year to date's figures are not to hand (a unit's return of it is missing), "
            "so the year's targets on the units' figures are not measured here: the year's "
            "return measures them."
        )
    indicators = {s.target.indicator: s.target.indicator_title for s in shown if s.target.indicator}
    for code, title in indicators.items():
        notes.append(f"{code} stands for the indicator \u201c{title}\u201d." if title else "")
    if left_out:
        notes.append(
            f"This copy leaves out {counted(left_out, 'target')} on counts of young people; "
            "the full return has them."
        )
    return " ".join(note for note in notes if note)


TARGETS_BY_QUARTER, TARGETS_BY_YEAR = "Targets by quarter", "Targets by year"
HOW_OFTEN = "How often met"


def target_trends(ret: Return, config: TrustConfig, *, publication: bool = False) -> list[Table]:
    """The unit's quarter targets over the quarters of its trends, and its year targets over
    the years, each period's figure beside the target and how often it was met; none for a
    return made without its history, or a unit with no targets."""
    if ret.history is None:
        return []
    out = []
    for title, returns, kind in (
        (TARGETS_BY_QUARTER, ret.history.quarters, "quarter"),
        (TARGETS_BY_YEAR, ret.history.years, "year"),
    ):
        by_period = [
            {id(s.target): s for s in standings(r, config) if s.target.period == kind}
            for r in returns
        ]
        firsts = {key: found[key] for found in by_period for key in found}
        rows = []
        for key, first in firsts.items():
            if publication and first.of_young_people:
                continue
            line = [found.get(key) for found in by_period]
            judged = [s for s in line if s is not None and s.verdict in (MET, NOT_MET)]
            met = sum(s.met for s in judged)
            rows.append(
                Row(
                    label(first),
                    [*(s.actual if s else None for s in line), first.goal],
                    unit=first.unit,
                    words=[f"{met} of {counted(len(judged), kind)}" if judged else ""],
                )
            )
        if rows:
            columns = [period_column(r.period) for r in returns]
            out.append(
                Table(
                    title,
                    [*columns, Column("Target", "count", from_data=False)],
                    rows,
                    label_heading="Target",
                    note=f"How often met counts the {kind}s over; one still running is not "
                    "judged yet.",
                    words=(Words(HOW_OFTEN, ()),),
                )
            )
    return out


def targets_by_unit(ret: Return, config: TrustConfig, *, publication: bool = False) -> Table | None:
    """A district's or county's units, each against its own targets, from the returns it was
    added up from (a return read from a file carries no year to date: a year's targets are
    judged on the units' year returns); None for a return with no units, or none measured."""
    if not ret.parts:
        return None
    one, _ = LEVEL_WORDS.get(ret.unit_level, ("unit", "units"))
    names = {
        c.unit_code: config.units[c.unit_code].name
        for c in ret.constituents
        if c.unit_code in config.units
    }
    rows = [
        Row(
            f"{names.get(part.unit_code, part.unit_code)}: {label(s)}",
            [s.actual, s.goal],
            unit=s.unit,
            words=[s.measured_on.short_label, s.verdict],
        )
        for part in ret.parts
        for s in standings(part, config)
        if s.verdict and not (publication and s.of_young_people)
    ]
    if not rows:
        return None
    return Table(
        f"Targets, {one} by {one}",
        [Column("Actual", "count", from_data=False), Column("Target", "count", from_data=False)],
        rows,
        label_heading="Target",
        note=f"Each {one}'s return against the targets set for it. A quarter's return read "
        "from a file carries no year to date, so a year's targets are judged on the year's "
        "return.",
        words=(Words(MEASURED_ON, ()), Words(AGAINST, (0, 1))),
    )

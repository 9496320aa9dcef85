"""The targets a trust sets: what its units' figures are measured against, unit by unit.

The county writes them in the trust configuration as ``[[targets]]`` entries, so they travel
with it, carry its version and are taken in by a configuration update like everything else
in it. Each sets one figure, a catalogue measure (optionally one category of one of its
breakdowns, "accredited outcomes of teenage parents") or a rate, for a set of units (a level,
"every locality", or unit codes), over a year or a quarter, at least or at most a value. It
may name the national indicator it stands for. How a return stands against them is worked
out in :mod:`trustdesk.returns.targets`.

The REYS benchmarks stay in ``[benchmarks]``: they are the same for every unit, and every
return has always been measured against them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from pydantic import Field, model_validator

from trustdesk.config.strict import Name, Strict
from trustdesk.words import listed

# The rates a target can set, and what each is called. The REYS reach rates are shares of
# the 13-19 population (contacts, participants) or of all participants (outcomes), as the
# benchmarks are; attendance is partners present over partner places at meetings.
RATE_NAMES = {
    "contacts": "Contacts aged 13-19, of the 13-19 population",
    "participants": "Participants aged 13-19, of the 13-19 population",
    "recorded": "Participants with a recorded outcome",
    "accredited": "Participants with an accredited outcome",
    "meeting_attendance": "Partner attendance at locality group meetings",
    "board_attendance": "Partner attendance at board meetings",
}
Rate = Literal[
    "contacts",
    "participants",
    "recorded",
    "accredited",
    "meeting_attendance",
    "board_attendance",
]
LEVEL_NAMES = ("county", "district", "locality")
FISCAL_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


class TargetConfig(Strict):
    """One target, as the configuration writes it."""

    # What is measured: a catalogue measure's code (with, optionally, one category of one
    # of its breakdowns), or one of RATE_NAMES.
    measure: str | None = Field(default=None, max_length=60)
    breakdown: str | None = Field(default=None, max_length=40)
    category: str | None = Field(default=None, max_length=40)
    rate: Rate | None = None
    # The target: a per cent for a rate; for a measure, in what its figures read as (a
    # count, hours for time, pounds for money).
    value: float = Field(ge=0, le=100_000_000)
    direction: Literal["at least", "at most"] = "at least"
    # Whom it is for: "locality", "district" or "county" (every unit of that level) or
    # unit codes, in any mixture.
    units: list[str] = Field(min_length=1, max_length=100)
    # Over what: a year (a quarter's return measures its year to date) or each quarter.
    period: Literal["year", "quarter"] = "year"
    # Only for this financial year ("2026-27"); every year when left out.
    year: str | None = None
    # What people call it, where the measure's own name will not do.
    title: Name | None = None
    # A national indicator it stands for, for reference: its code and title.
    indicator: str | None = Field(default=None, min_length=1, max_length=20)
    indicator_title: Name | None = None

    @model_validator(mode="after")
    def _check(self) -> TargetConfig:
        if (self.measure is None) == (self.rate is None):
            raise ValueError(
                'a target sets either a measure (e.g. measure = "sessions") or a rate '
                '(e.g. rate = "contacts"), and only one of them'
            )
        if self.rate is not None:
            if self.breakdown or self.category:
                raise ValueError("a rate's target has no breakdown or category")
            if self.value > 100:
                raise ValueError(f"a rate's target is a per cent, at most 100, not {self.value:g}")
        else:
            _check_measure(self)
        if (self.breakdown is None) != (self.category is None):
            raise ValueError("a target on a breakdown names both the breakdown and its category")
        if self.year is not None:
            match = FISCAL_YEAR.match(self.year)
            if not match or (int(match[1]) + 1) % 100 != int(match[2]):
                raise ValueError(
                    f"{self.year!r} is not a financial year: write it as 2026-27 "
                    "(April 2026 to March 2027)"
                )
        if self.indicator_title and not self.indicator:
            raise ValueError("an indicator_title needs the indicator's code too (indicator = …)")
        return self

    @property
    def is_board(self) -> bool:
        """Whether it sets a board's own figure (a district's or the county's)."""
        return self.rate == "board_attendance" or (self.measure or "").startswith("board_")


def _check_measure(target: TargetConfig) -> None:
    # The catalogue reads the configuration's lists, so it is imported once both are loaded.
    from trustdesk.returns import catalogue

    code = target.measure or ""
    if not catalogue.is_known(code):
        raise ValueError(
            f"{code!r} is not a measure a return carries: use one of the codes in "
            "docs/returns.md (e.g. sessions, contacts, accredited_outcomes)"
        )
    if target.breakdown is not None:
        codes = [b.code for b in catalogue.measure(code).breakdowns]
        if target.breakdown not in codes:
            raise ValueError(
                f"{code} has no breakdown {target.breakdown!r}: it has "
                + (", ".join(codes) if codes else "none")
            )


def check_targets(
    targets: list[TargetConfig], levels: dict[str, str], codes_of: Callable[[str], list[str]]
) -> None:
    """What a target can only be checked against the rest of the configuration for: its
    units exist, a board's figure is set for boards only, a category is one its breakdown
    has. ``levels`` is each unit code's level; ``codes_of(list_name)`` the codes of one of
    the configuration's lists."""
    from trustdesk.returns import catalogue

    for number, target in enumerate(targets, start=1):
        where = f"targets[{number}]"
        for name in target.units:
            if name not in LEVEL_NAMES and name not in levels:
                raise ValueError(
                    f"{where}: {name!r} is neither a level (locality, district, county) nor "
                    "the code of a unit in this configuration"
                )
        if target.is_board and any(
            name == "locality" or levels.get(name) == "locality" for name in target.units
        ):
            raise ValueError(
                f"{where}: a board's figure is set for districts and the county only: a "
                "locality group has no board"
            )
        if target.measure and target.breakdown and target.category is not None:
            breakdown = catalogue.measure(target.measure).breakdown(target.breakdown)
            known = (
                [*codes_of(breakdown.list_name), *breakdown.extra]
                if breakdown.list_name
                else list(breakdown.fixed)
            )
            if target.category not in known:
                raise ValueError(
                    f"{where}: {target.category!r} is not a category of {target.breakdown}: "
                    f"it has {', '.join(known)}"
                )


def goal_words(target: TargetConfig) -> str:
    """ "at least 70", "at least 25%", "at most 12.5 hours", "at least £500"."""
    from trustdesk.returns import catalogue

    if target.rate:
        value = f"{target.value:g}%"
    else:
        quantity = catalogue.measure(target.measure or "").unit
        value = {"minutes": f"{target.value:g} hours", "pence": f"\u00a3{target.value:,.2f}"}.get(
            quantity, f"{target.value:g}"
        )
    return f"{target.direction} {value}"


def whom_words(target: TargetConfig, names: dict[str, str]) -> str:
    """ "every locality", "every district and Staffordshire": whom a target is for
    (``names``: each unit code's name)."""
    return listed(
        [
            f"every {name}" if name in ("locality", "district") else names.get(name, name)
            for name in target.units
        ]
    ).replace("every county", "the county")


def when_words(target: TargetConfig) -> str:
    """ "each quarter", "a year", "in 2026-27"."""
    if target.year:
        return f"in {target.year}" + (", each quarter" if target.period == "quarter" else "")
    return "each quarter" if target.period == "quarter" else "a year"

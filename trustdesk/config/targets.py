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
from typing import Literal

from pydantic import Field, model_validator

from trustdesk.config.strict import Name, Strict

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
CODE = r"^[a-z0-9][a-z0-9_-]{0,59}$"  # a measure's, a breakdown's or a category's code
FISCAL_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


class TargetConfig(Strict):
    """One target, as the configuration writes it."""

    # What is measured: a catalogue measure's code (with, optionally, one category of one
    # of its breakdowns), or one of RATE_NAMES.
    measure: str | None = Field(default=None, pattern=CODE)
    breakdown: str | None = Field(default=None, pattern=CODE)
    category: str | None = Field(default=None, pattern=CODE)
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


def check_targets(targets: list[TargetConfig], levels: dict[str, str]) -> None:
    """What a target can only be checked against the rest of the configuration for: the
    units it names exist (``levels``: each unit code's level). Whether its measure, breakdown
    and category are ones a return carries is the return catalogue's to say
    (:func:`trustdesk.returns.target_checks.faults`), which checks a configuration before a
    workspace is made with it or takes it in."""
    for number, target in enumerate(targets, start=1):
        for name in target.units:
            if name not in LEVEL_NAMES and name not in levels:
                raise ValueError(
                    f"targets[{number}]: {name!r} is neither a level (locality, district, "
                    "county) nor the code of a unit in this configuration"
                )

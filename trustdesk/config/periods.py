"""Reporting periods: UK financial-year quarters.

A period is written ``2026-27Q1``: the financial year that starts in April 2026, first
quarter, i.e. April–June 2026. Q4 of 2026-27 is January–March 2027.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from trustdesk.errors import UserError

_PERIOD_RE = re.compile(r"([0-9]{4})-([0-9]{2})Q([1-4])")  # ASCII digits, used with fullmatch
# The financial years a reporting period may start in: Children's Trusts began in 2004, and
# a year outside these is a mistake (or a changed file), whose quarters would run off the
# calendar (9999-00Q4 ends in the year 10000).
FIRST_YEAR, LAST_YEAR = 2000, 2099
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def calendar_month(month: int) -> str:
    """The month's English name, whatever the system's locale ("October")."""
    return _MONTH_NAMES[month - 1]


_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


@dataclass(frozen=True, order=True)
class Period:
    """One financial-year quarter; ``year`` is the calendar year the financial year starts in."""

    year: int
    quarter: int

    def __post_init__(self) -> None:
        if not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter must be 1-4, not {self.quarter}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2026-27Q1``; a clear message names what is wrong otherwise."""
        cleaned = text.strip().upper()
        match = _PERIOD_RE.fullmatch(cleaned)
        if not match:
            raise UserError(
                f"{text!r} is not a reporting period.",
                hint="Write a financial-year quarter such as 2026-27Q1 (April-June 2026).",
            )
        start, end, quarter = int(match[1]), int(match[2]), int(match[3])
        if (start + 1) % 100 != end:
            raise UserError(
                f"{text!r} is not a reporting period: a financial year runs from one year "
                f"into the next, so {start} is followed by {(start + 1) % 100:02d}.",
                hint=f"Did you mean {start}-{(start + 1) % 100:02d}Q{quarter}?",
            )
        if not FIRST_YEAR <= start <= LAST_YEAR:
            raise UserError(
                f"{text!r} is not a reporting period TrustDesk keeps: its financial year starts "
                f"in {start}, and TrustDesk's reporting periods are those of the financial "
                f"years starting in {FIRST_YEAR} to {LAST_YEAR}.",
                hint="Write a financial-year quarter such as 2026-27Q1 (April-June 2026).",
            )
        return cls(start, quarter)

    @classmethod
    def containing(cls, day: date) -> Period:
        """The quarter a date falls in."""
        if day.month >= 4:
            return cls(day.year, (day.month - 4) // 3 + 1)
        return cls(day.year - 1, 4)

    @property
    def code(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}Q{self.quarter}"

    @property
    def start(self) -> date:
        month = 4 + 3 * (self.quarter - 1)
        return date(self.year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    @property
    def label(self) -> str:
        """For people: ``Q1 2026-27 (Apr-Jun 2026)``."""
        first, last = self.start, self.end
        return (
            f"Q{self.quarter} {self.year}-{(self.year + 1) % 100:02d} "
            f"({_MONTH_ABBR[first.month - 1]}\u2013{_MONTH_ABBR[last.month - 1]} {last.year})"
        )

    @property
    def spelled_out(self) -> str:
        """For a tooltip: ``Q3 2026-27: October to December 2026, the third quarter of the
        financial year April 2026 to March 2027``."""
        first, last = self.start, self.end
        months = f"{calendar_month(first.month)} to {calendar_month(last.month)} {last.year}"
        nth = ("first", "second", "third", "fourth")[self.quarter - 1]
        return (
            f"Q{self.quarter} {self.year}-{(self.year + 1) % 100:02d}: {months}, the {nth} "
            f"quarter of the financial year April {self.year} to March {self.year + 1}"
        )

    def due_date(self, days_after_end: int) -> date:
        return self.end + timedelta(days=days_after_end)

    def next(self) -> Period:
        return (
            Period(self.year + 1, 1) if self.quarter == 4 else Period(self.year, self.quarter + 1)
        )

    def previous(self) -> Period:
        return (
            Period(self.year - 1, 4) if self.quarter == 1 else Period(self.year, self.quarter - 1)
        )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.code

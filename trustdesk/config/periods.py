"""Reporting periods: UK financial-year quarters, financial years and years to date.

A quarter is written ``2026-27Q1``: the financial year that starts in April 2026, first
quarter, i.e. April–June 2026. Q4 of 2026-27 is January–March 2027. A financial year is
written ``2026-27`` (April 2026 to March 2027), and a year to date, from the start of the
financial year to the end of one of its quarters, ``2026-27Q1-Q3`` (April to December 2026).
Each is a return period like any other: its figures count what happened between its first
and its last day, so a young person who came in three quarters is one young person in the
year, never three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from trustdesk.errors import UserError

# ASCII digits, used with fullmatch: 2026-27, 2026-27Q3, 2026-27Q1-Q3.
_PERIOD_RE = re.compile(r"([0-9]{4})-([0-9]{2})(?:Q([1-4])(?:-Q([1-4]))?)?")
# The financial years a reporting period may start in: Children's Trusts began in 2004, and
# a year outside these is a mistake (or a changed file), whose quarters would run off the
# calendar (9999-00Q4 ends in the year 10000).
FIRST_YEAR, LAST_YEAR = 2000, 2099
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_HOW_TO_WRITE = (
    "Write a financial-year quarter such as 2026-27Q1 (April-June 2026), a financial year "
    "such as 2026-27, or a year to date such as 2026-27Q1-Q3 (April-December 2026)."
)


def calendar_month(month: int) -> str:
    """The month's English name, whatever the system's locale ("October")."""
    return _MONTH_NAMES[month - 1]


_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_ORDINALS = ("first", "second", "third", "fourth")


@dataclass(frozen=True, order=True)
class Period:
    """A run of quarters of one financial year: one quarter, the year to the end of a
    quarter, or the whole year. ``year`` is the calendar year the financial year starts in,
    ``quarter`` the last quarter the period covers and ``first`` its first (the same as
    ``quarter`` for a quarter, 1 for a year to date or a year)."""

    year: int
    quarter: int
    first: int = field(default=0, kw_only=True)

    def __post_init__(self) -> None:
        if not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter must be 1-4, not {self.quarter}")
        if self.first == 0:
            object.__setattr__(self, "first", self.quarter)
        if self.first not in (1, self.quarter):
            raise ValueError("a period is one quarter or runs from the start of the year")

    @classmethod
    def financial_year(cls, year: int) -> Period:
        """The financial year starting in April of ``year``."""
        return cls(year, 4, first=1)

    @classmethod
    def year_to(cls, quarter: Period) -> Period:
        """The financial year from its start to the end of ``quarter``."""
        return cls(quarter.year, quarter.quarter, first=1)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2026-27Q1``, ``2026-27`` or ``2026-27Q1-Q3``; a clear message names what
        is wrong otherwise."""
        cleaned = text.strip().upper()
        match = _PERIOD_RE.fullmatch(cleaned)
        if not match:
            raise UserError(f"{text!r} is not a reporting period.", hint=_HOW_TO_WRITE)
        start, end = int(match[1]), int(match[2])
        if (start + 1) % 100 != end:
            rest = cleaned[7:]
            raise UserError(
                f"{text!r} is not a reporting period: a financial year runs from one year "
                f"into the next, so {start} is followed by {(start + 1) % 100:02d}.",
                hint=f"Did you mean {start}-{(start + 1) % 100:02d}{rest}?",
            )
        if not FIRST_YEAR <= start <= LAST_YEAR:
            raise UserError(
                f"{text!r} is not a reporting period TrustDesk keeps: its financial year starts "
                f"in {start}, and TrustDesk's reporting periods are those of the financial "
                f"years starting in {FIRST_YEAR} to {LAST_YEAR}.",
                hint=_HOW_TO_WRITE,
            )
        if match[3] is None:
            return cls.financial_year(start)
        first = int(match[3])
        last = int(match[4] or first)
        if match[4] is not None and first != 1:
            raise UserError(
                f"{text!r} is not a reporting period: a year to date starts with the first "
                "quarter of the year.",
                hint=f"Did you mean {cleaned[:7]}Q1-Q{last}?",
            )
        if last < first:
            raise UserError(f"{text!r} is not a reporting period.", hint=_HOW_TO_WRITE)
        return cls(start, last, first=first)

    @classmethod
    def containing(cls, day: date) -> Period:
        """The quarter a date falls in."""
        if day.month >= 4:
            return cls(day.year, (day.month - 4) // 3 + 1)
        return cls(day.year - 1, 4)

    # What kind of period it is

    @property
    def is_quarter(self) -> bool:
        return self.first == self.quarter

    @property
    def is_year(self) -> bool:
        return self.first == 1 and self.quarter == 4

    @property
    def noun(self) -> str:
        """What a person calls it: "quarter", "year" or "year to date"."""
        if self.is_quarter:
            return "quarter"
        return "year" if self.is_year else "year to date"

    @property
    def adjective(self) -> str:
        """What its return is called: a "quarterly", "annual" or "year-to-date" return."""
        if self.is_quarter:
            return "quarterly"
        return "annual" if self.is_year else "year-to-date"

    @property
    def quarters(self) -> list[Period]:
        """The quarters it is made of, first to last."""
        return [Period(self.year, q) for q in range(self.first, self.quarter + 1)]

    @property
    def fiscal_year(self) -> str:
        """``2026-27``."""
        return f"{self.year}-{(self.year + 1) % 100:02d}"

    @property
    def code(self) -> str:
        if self.is_year:
            return self.fiscal_year
        if self.is_quarter:
            return f"{self.fiscal_year}Q{self.quarter}"
        return f"{self.fiscal_year}Q1-Q{self.quarter}"

    @property
    def start(self) -> date:
        month = 4 + 3 * (self.first - 1)
        return date(self.year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        month = 4 + 3 * self.quarter  # the month after the last
        return date(self.year + (month > 12), (month - 1) % 12 + 1, 1) - timedelta(days=1)

    @property
    def label(self) -> str:
        """For people, and in the middle of a sentence: ``Q1 2026-27 (Apr–Jun 2026)``,
        ``2026-27 (Apr 2026–Mar 2027)``, ``2026-27 year to date, Q1–Q3 (Apr–Dec 2026)``."""
        first, last = self.start, self.end
        months = f"{_MONTH_ABBR[first.month - 1]}\u2013{_MONTH_ABBR[last.month - 1]} {last.year}"
        if self.is_quarter:
            return f"Q{self.quarter} {self.fiscal_year} ({months})"
        if self.is_year:
            return f"{self.fiscal_year} (Apr {first.year}\u2013Mar {last.year})"
        return f"{self.fiscal_year} year to date, Q1\u2013Q{self.quarter} ({months})"

    @property
    def short_label(self) -> str:
        """For a column heading: ``Q1 2026-27``, ``2026-27``, ``2026-27 to Dec`` (a year to
        date, to the end of its last month)."""
        if self.is_quarter:
            return f"Q{self.quarter} {self.fiscal_year}"
        if self.is_year:
            return self.fiscal_year
        return f"{self.fiscal_year} to {_MONTH_ABBR[self.end.month - 1]}"

    @property
    def spelled_out(self) -> str:
        """For a tooltip: ``Q3 2026-27: October to December 2026, the third quarter of the
        financial year April 2026 to March 2027``."""
        first, last = self.start, self.end
        months = f"{calendar_month(first.month)} to {calendar_month(last.month)} {last.year}"
        year = f"the financial year April {self.year} to March {self.year + 1}"
        if self.is_year:
            return f"{self.fiscal_year}: {year}"
        if self.is_quarter:
            nth = _ORDINALS[self.quarter - 1]
            return f"Q{self.quarter} {self.fiscal_year}: {months}, the {nth} quarter of {year}"
        months = f"{calendar_month(first.month)} {first.year} to {calendar_month(last.month)}"
        return (
            f"{self.fiscal_year} Q1 to Q{self.quarter}: {months} {last.year}, the year to date "
            f"at the end of the {_ORDINALS[self.quarter - 1]} quarter of {year}"
        )

    def due_date(self, days_after_end: int) -> date:
        return self.end + timedelta(days=days_after_end)

    def next(self) -> Period:
        """The quarter after a quarter; the same stretch of the next year otherwise."""
        if not self.is_quarter:
            return self.a_year_later()
        return (
            Period(self.year + 1, 1) if self.quarter == 4 else Period(self.year, self.quarter + 1)
        )

    def previous(self) -> Period:
        """The quarter before a quarter; the same stretch of the year before otherwise."""
        if not self.is_quarter:
            return self.a_year_earlier()
        return (
            Period(self.year - 1, 4) if self.quarter == 1 else Period(self.year, self.quarter - 1)
        )

    def a_year_earlier(self) -> Period:
        """The same period of the financial year before: Q2 2025-26 for Q2 2026-27."""
        return Period(self.year - 1, self.quarter, first=self.first)

    def a_year_later(self) -> Period:
        return Period(self.year + 1, self.quarter, first=self.first)

    @classmethod
    def every_period_of(cls, year: int) -> list[Period]:
        """Every return period of a financial year: its quarters, years to date and itself."""
        return [*(cls(year, q) for q in (1, 2, 3, 4)), *(cls(year, q, first=1) for q in (2, 3, 4))]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.code

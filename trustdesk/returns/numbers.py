"""A figure as people read it: the one place a number becomes the text a person sees.

A return is read twice: as a PDF, whose text is made here, and as a workbook in Excel or
LibreOffice, whose cells hold numbers that the spreadsheet shows through a number format.
A spreadsheet rounds halves away from zero (0.125 with ``0%`` shows 13%, 25.25 with ``0.0``
shows 25.3), where Python's own formatting rounds the binary float, halves to even (12%,
25.2). So everything here rounds as the spreadsheets do, halves up (``ROUND_HALF_UP``: away
from zero), from the exact value: an int or a Fraction as it is, a float as a spreadsheet
reads it, to 15 significant digits (0.145 is a hair under 29/200 in binary, but reads back as
0.145 and shows 15%). A rate worked out from two counts therefore reads the same whether it
comes as a Fraction or as the float a workbook cell holds: a ratio of counts is either
exactly a half or at least 1/(200 x its denominator) away from one, far above what 15
digits can lose.

Each unit's ``Shape`` says how its values read here and, as a number format, in the workbook,
so that the two cannot drift apart. A measure's unit is in the catalogue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

Unit = Literal["count", "minutes", "pence", "rate"]
Number = int | float | Fraction | Decimal

SPREADSHEET_DIGITS = 15  # the significant digits Excel and LibreOffice keep of a number


@dataclass(frozen=True)
class Shape:
    """How the values of one unit read: divided by ``per`` (60 minutes to the hour, 100 pence
    to the pound), to ``places`` decimals, after ``prefix``; a rate as a percentage."""

    per: int = 1
    places: int = 0
    prefix: str = ""
    percent: bool = False

    def text(self, value: Number) -> str:
        if self.percent:
            return f"{rounded(exact(value) * 100, self.places):.{self.places}f}%"
        shown = rounded(exact(value) / self.per, self.places)
        return f"{self.prefix}{shown:,.{self.places}f}"

    @property
    def number_format(self) -> str:
        """The spreadsheet number format that shows ``sheet_value`` as ``text`` shows the value."""
        decimals = "." + "0" * self.places if self.places else ""
        if self.percent:
            return f"0{decimals}%"
        return f"{self.prefix}#,##0{decimals}"


SHAPES: dict[Unit, Shape] = {
    "count": Shape(),
    "minutes": Shape(per=60, places=1),  # hours, to a tenth
    "pence": Shape(per=100, places=2, prefix="\u00a3"),  # pounds and pence
    "rate": Shape(percent=True),  # whole per cent
}


def exact(value: Number) -> Fraction:
    """The value a figure stands for: a float as a spreadsheet reads it (15 digits)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a figure")
        return Fraction(Decimal(f"{value:.{SPREADSHEET_DIGITS}g}"))
    return Fraction(value)


def rounded(value: Number, places: int = 0) -> Decimal:
    """``value`` to ``places`` decimals, halves away from zero, worked out exactly."""
    whole = exact(value)
    scaled = abs(whole) * 10**places
    digits = math.floor(scaled + Fraction(1, 2))
    return Decimal(digits if whole >= 0 else -digits).scaleb(-places)


def figure(unit: Unit, value: Number) -> str:
    """A figure of this unit as people read it: 1,234; 25.3 (hours); £1,234.50; 13%."""
    return SHAPES[unit].text(value)


def count(value: Number) -> str:
    return figure("count", value)


def hours(minutes: Number) -> str:
    return figure("minutes", minutes)


def money(pence: Number) -> str:
    return figure("pence", pence)


def percent(rate: Number) -> str:
    """A rate (a share, 0.25 for a quarter) as a whole per cent."""
    return figure("rate", rate)


def sheet_value(unit: Unit, value: int | float) -> int | float:
    """What a workbook cell holds for a figure: hours for minutes, pounds for pence, a rate
    as the fraction; shown through ``number_format(unit)`` it reads as ``figure`` does."""
    per = SHAPES[unit].per
    return value / per if per != 1 else value


def number_format(unit: Unit) -> str:
    return SHAPES[unit].number_format


UP, DOWN, SAME = "\u25b2", "\u25bc", "="  # ▲ ▼, and the sign of no change


def change(unit: Unit, now: Number | None, before: Number | None) -> str:
    """How a figure changed, in an arrow and words: "▲ up 12%" for a count, "▼ down 5
    points" for a rate (the difference of the whole per cents shown), "= no change", "▲ up
    from 0"; "" when either figure is missing. Worked out on what a reader sees, so that the
    words never contradict the figures (12.4% and 12.3% both show 12%: no change)."""
    if now is None or before is None:
        return ""
    if unit == "rate":
        points = rounded(exact(now) * 100) - rounded(exact(before) * 100)
        if not points:
            return f"{SAME} no change"
        word = "point" if abs(points) == 1 else "points"
        return f"{UP if points > 0 else DOWN} {'up' if points > 0 else 'down'} {abs(points)} {word}"
    if figure(unit, now) == figure(unit, before):
        return f"{SAME} no change"
    if not before:
        return f"{UP} up from 0"
    arrow, word = (UP, "up") if now > before else (DOWN, "down")
    percent = rounded(abs(exact(now) - exact(before)) / exact(before) * 100)
    return f"{arrow} {word} {percent}%" if percent else f"{arrow} {word} under 1%"

"""Reading a return workbook's sheets row by row, and its cells as values, for the reader of
a return (:mod:`trustdesk.returns.reader`) and of a return filled in by hand
(:mod:`trustdesk.returns.template_reader`): every row passes through :func:`rows`, which
bounds how many rows and columns a sheet may have and turns a cell openpyxl cannot make
sense of into a message naming the sheet, row and column (:class:`Place`).
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from openpyxl.utils import get_column_letter

from trustdesk.errors import UserError

T = TypeVar("T")
Row = tuple[Any, ...]
AGAIN = "Ask the coordinator to make the return again in TrustDesk and send the new file."
# Far more than a return's sheets ever hold (the Data sheet has a row for each of about 400
# figures, the widest sheet 10 columns), and few enough to read in a second or two.
MAX_ROWS, MAX_COLUMNS = 10_000, 100
# What openpyxl raises on a cell or row it cannot make sense of, such as a number cell
# holding "abc", a shared string that is not there or a date beyond the calendar.
CELL_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    OverflowError,
    TypeError,
    KeyError,
    IndexError,
    SyntaxError,
)
CELL_ERRORS += (EOFError, zipfile.BadZipFile, zlib.error)


def rows(ws: Any) -> Iterator[tuple[int, Row]]:
    """Every row with its number, blank ones included (the caller decides about them), up
    to MAX_ROWS rows, each cut to MAX_COLUMNS when nothing is written further right."""
    ws.reset_dimensions()  # trust the cells, not the size a file claims to have
    rows = ws.iter_rows(values_only=True)
    number = 0
    while True:
        try:
            values = next(rows, None)
        except CELL_ERRORS:
            where = f"after row {number}" if number else "in its first row"
            raise UserError(
                f"The return cannot be read: the {ws.title} sheet has something {where} that "
                "is not as Excel or LibreOffice write it.",
                hint=AGAIN,
            ) from None
        if values is None:
            return
        number += 1
        if number > MAX_ROWS:
            raise UserError(
                f"The return cannot be read: the {ws.title} sheet goes on past row "
                f"{MAX_ROWS:,}, and a return's sheets are never that long.",
                hint=AGAIN,
            )
        if len(values) > MAX_COLUMNS:
            beyond = values[MAX_COLUMNS:]
            if beyond.count(None) != len(beyond):  # counted in C: a row may be 16,384 wide
                column = MAX_COLUMNS + next(i for i, v in enumerate(beyond) if v is not None)
                raise Place(ws.title, number, column + 1).fail(
                    "something is written there, and a return's sheets never go past column "
                    f"{get_column_letter(MAX_COLUMNS)}"
                )
            values = values[:MAX_COLUMNS]
        yield number, values


def blank(values: Row) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


class Place:
    """Where a value came from, for messages."""

    def __init__(self, sheet: str, row: int, column: int, heading: str = "") -> None:
        self.sheet, self.row, self.column, self.heading = sheet, row, column, heading

    def __str__(self) -> str:
        heading = f" ({self.heading})" if self.heading else ""
        return (
            f"{self.sheet} sheet, row {self.row}, column {get_column_letter(self.column)}{heading}"
        )

    def fail(self, problem: str, hint: str = AGAIN) -> ProblemAt:
        return ProblemAt(self, problem, hint)


class ProblemAt(UserError):
    """A value of a return that is wrong, and where it is: ``problem`` alone says what is
    wrong, for a return that came from no file (one keyed in)."""

    def __init__(self, place: Place, problem: str, hint: str) -> None:
        super().__init__(f"The return cannot be read: {place}: {problem}.", hint=hint)
        self.place, self.problem = place, problem


def text(value: Any) -> str:
    """A cell as text; a whole number a spreadsheet made of a text such as "2" goes back."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def whole(value: Any, place: Place) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None:  # a formula saved without its result reads so too
        raise place.fail(
            "there is no number in the cell (if it has a formula, its result was not saved)"
        )
    raise place.fail(f"{text(value)!r} is not a whole number")


def amount(value: Any, place: Place, unit: str) -> int:
    """Hours or pounds as written back to whole minutes or pence; a count as it is."""
    if unit == "count":
        return whole(value, place)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise place.fail(f"{text(value)!r} is not a number")
    return round(value * (60 if unit == "minutes" else 100))


def parsed(text: str, parse: Callable[[str], T], place: Place, what: str) -> T:
    try:
        return parse(text)
    except (ValueError, UserError):
        raise place.fail(f"{text!r} is not {what}") from None


def date(value: Any, place: Place) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parsed(text(value).strip(), dt.date.fromisoformat, place, "a date")


def cell(values: Row, index: int) -> Any:
    return values[index] if index < len(values) else None

"""The Summary sheet must say what the Data sheet says.

People read a return's Summary sheet; the importer reads its Data sheet, which the
fingerprint covers. A figure changed on the Summary alone would reach a board in silence
while the district took in the Data's. So the importer lays out the tables the Data makes
(:mod:`trustdesk.returns.tables`, as the workbook does), finds each on the Summary by its
title, each row by its label and each value column by its heading, and compares the
numbers: a Summary that disagrees is an edit after export, as a changed Data figure is.

Only numbers are compared: a retyped label or heading changes no figure, and a table or row
not found (a row deleted, an older TrustDesk's layout) is left alone rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from trustdesk.config.trust import TrustConfig
from trustdesk.returns import numbers
from trustdesk.returns.model import Return
from trustdesk.returns.summary import summary_tables

# A number as a spreadsheet keeps it is a binary fraction: a rate of 1/3 comes back within
# a hair of the one written. Far below anything a person could type differently.
CLOSE = 1e-9


@dataclass(frozen=True)
class Disagreement:
    row: int  # the Summary sheet's row
    table: str
    label: str
    heading: str
    shown: Any  # what the Summary says
    expected: int | float | None  # what the Data makes it

    def __str__(self) -> str:
        data = "nothing" if self.expected is None else f"{self.expected:g}"
        return (
            f"Summary sheet, row {self.row} ({self.table}: {self.label}, {self.heading}): "
            f"it shows {self.shown!r}, but the Data sheet makes it {data}"
        )


def disagreements(
    rows: Iterable[tuple[int, tuple[Any, ...]]], ret: Return, config: TrustConfig
) -> list[Disagreement]:
    """Every number on the Summary (``rows``: its rows with their numbers) that is not what
    the Data's figures make it."""
    sheet = [(number, values) for number, values in rows]
    found, after = [], 0
    for table in summary_tables(ret, config):  # in order: a title may also be a row's label
        start = next(
            (i for i in range(after, len(sheet)) if _label(sheet[i][1]) == table.title), None
        )
        if start is None or start + 1 >= len(sheet):
            continue
        after = start + 2
        headings = [_text(v) for v in sheet[start + 1][1][1:]]
        body = _body(sheet[start + 2 :])
        for line in table.rows:
            place = body.pop(line.label, None)
            if place is None:
                continue
            number, values = place
            for index, column in enumerate(table.columns):
                if column.heading not in headings or not column.from_data:
                    continue
                cell = headings.index(column.heading) + 1
                shown = values[cell] if cell < len(values) else None
                expected = line.values[index]
                if expected is not None:
                    expected = numbers.sheet_value(table.unit_of(line, index), expected)
                if not _agrees(shown, expected):
                    found.append(
                        Disagreement(
                            number, table.title, line.label, column.heading, shown, expected
                        )
                    )
    return found


def _body(
    rows: list[tuple[int, tuple[Any, ...]]],
) -> dict[str, tuple[int, tuple[Any, ...]]]:
    """A table's rows by label, up to the blank row after it (the first of a label kept)."""
    body: dict[str, tuple[int, tuple[Any, ...]]] = {}
    for number, values in rows:
        label = _label(values)
        if not label and all(_text(v) == "" for v in values):
            break
        body.setdefault(label, (number, values))
    return body


def _agrees(shown: Any, expected: int | float | None) -> bool:
    number = _number(shown)
    if expected is None:
        return number is None  # "–": nothing to divide by, and no number typed in its place
    return number is not None and abs(number - expected) <= CLOSE * max(1.0, abs(expected))


def _number(value: Any) -> float | None:
    """A cell's number; a number a spreadsheet kept as text ("1,234") counts as one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").replace("\u00a3", "").strip())
        except ValueError:
            return None
    return None


def _label(values: tuple[Any, ...]) -> str:
    return _text(values[0]) if values else ""


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()

"""Reading the figures of a blank return workbook filled in by hand (:mod:`.template`).

The reader of a return (:mod:`trustdesk.returns.reader`) comes here when the Manifest says
the return is filled in by hand: its figures are on the Figures sheet, a row each with the
codes in hidden columns, typed by a person, so there is no fingerprint to check them
against. Instead every figure is checked here as it is read, and a problem is named with
the sheet, the row and the measure, so that the officer can tell the group what to fix: a
cell that is not a number, a negative one, a count that is not whole, a breakdown whose
figures do not add up to the measure's total; then the same data checks as any return
(:func:`trustdesk.returns.data_checks.check_data`), named the same way. An empty cell is 0.
Hours and pounds are taken in as whole minutes and pence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.returns import made_how, numbers
from trustdesk.returns.data_checks import check_data, not_adding_up
from trustdesk.returns.model import Key, Return
from trustdesk.returns.sheet_rows import Place, Row, cell, rows, text
from trustdesk.returns.template import (
    CODE_COLUMN,
    FIGURES,
    HEADER_ROW,
    PER,
    VALUE_COLUMN,
    Line,
    configured,
    lines,
    measure_label,
)

FIX = (
    "Correct it on the Figures sheet (its yellow cells; the Check column shows a breakdown "
    "that does not add up), save the workbook and import it again."
)
AGAIN_BLANK = (
    "Make a new blank return in TrustDesk (Returns in, or 'trustdesk return template') and "
    "have it filled in again."
)


def read_filled_in(book: Any, ret: Return, config: TrustConfig) -> Return:
    """``ret`` (its identity read from the Manifest) with the figures typed on the Figures
    sheet, checked; marked filled in by hand."""
    if FIGURES not in book.sheetnames:
        raise UserError(
            f"The return to fill in by hand has no {FIGURES} sheet, where its figures are.",
            hint=AGAIN_BLANK,
        )
    expected = {line.key: line for line in lines(config, ret.unit_level)}
    figures: dict[Key, int] = {}
    places: dict[Key, int] = {}
    for number, values in _figure_rows(rows(book[FIGURES])):
        key = (text(values[1]).strip(), text(values[2]).strip(), text(values[3]).strip())
        line = expected.get(key)
        if line is None or key in figures:
            problem = "there twice" if key in figures else "not a figure of this return"
            raise UserError(
                f"The return cannot be read: {FIGURES} sheet, row {number}: its figure is "
                f"{problem}, so the sheet is not as TrustDesk made it.",
                hint=AGAIN_BLANK,
            )
        figures[key] = _value(values[0], line, Place(FIGURES, number, VALUE_COLUMN, _what(line)))
        places[key] = number
    missing = [line for key, line in expected.items() if key not in figures]
    if missing:
        raise UserError(
            f"The return cannot be read: the {FIGURES} sheet has no row for "
            f"{_what(missing[0])}, so it is not as TrustDesk made it.",
            hint=AGAIN_BLANK,
        )
    given = configured(config, ret.unit_code)  # shown, not typed
    if not any(v for k, v in figures.items() if k not in given):
        raise UserError(
            f"The return to fill in by hand has no figure on its {FIGURES} sheet: every "
            "yellow cell is empty or 0.",
            hint="Have the figures typed in, save the workbook and import it again.",
        )
    ret.figures, ret.data_rows, ret.figures_sheet = figures, places, FIGURES
    ret.made_how, ret.made_at = made_how.FILLED_IN, None  # it arrives when it is taken in
    _adds_up(ret)
    try:
        check_data(ret, config)
    except UserError as problem:
        raise UserError(problem.message, hint=FIX) from None
    return ret


def _figure_rows(found: Iterator[tuple[int, Row]]) -> Iterator[tuple[int, Row]]:
    """The rows that hold a figure (its measure's code in the hidden columns), each as
    (value, measure, breakdown, category)."""
    for number, values in found:
        if number <= HEADER_ROW:  # the title, what to do, the headings
            continue
        codes = tuple(cell(values, CODE_COLUMN - 1 + i) for i in range(3))
        if text(codes[0]).strip():
            yield number, (cell(values, VALUE_COLUMN - 1), *codes)


def _what(line: Line) -> str:
    """ "Attendances", "Attendances by age band: 13-15"."""
    label = measure_label(line.measure)
    if line.breakdown is None:
        return label
    return f"{label} by {line.breakdown.label.lower()}: {line.category_label}"


def _value(value: Any, line: Line, place: Place) -> int:
    """A typed figure as the return keeps it: a count as it is, hours as minutes, pounds as
    pence; an empty cell is 0."""
    unit = line.measure.unit
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise place.fail(f"{text(value)!r} is not a number", FIX)
    if value < 0:
        raise place.fail(f"{text(value)} is negative; a figure is 0 or more", FIX)
    if unit == "count" and not float(value).is_integer():
        raise place.fail(f"{text(value)} is not a whole number, and a count is", FIX)
    try:
        return int(numbers.rounded(numbers.exact(value) * PER[unit]))
    except ValueError:  # infinite or not a number, as a hostile file can hold
        raise place.fail(f"{text(value)!r} is not a number", FIX) from None


def _adds_up(ret: Return) -> None:
    """Each additive breakdown's figures add up to its measure's total, named at the
    breakdown's first row."""
    mismatch = not_adding_up(ret)
    if mismatch is None:
        return
    unit, by = mismatch.measure.unit, mismatch.breakdown.label.lower()
    first = min(row for key, row in ret.data_rows.items() if key[:2] == mismatch.keys)
    place = Place(FIGURES, first, VALUE_COLUMN, f"{measure_label(mismatch.measure)} by {by}")
    raise place.fail(
        f"the figures by {by} add up to {numbers.figure(unit, mismatch.parts)}, but the "
        f"total is {numbers.figure(unit, mismatch.total)}",
        FIX,
    )

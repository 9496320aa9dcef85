"""Checking a received return's figures against the measure catalogue, row by row.

A return that passed its fingerprint was written by TrustDesk, but perhaps by another
version, with another trust configuration, or edited after export and taken in on purpose.
Each problem is named with the sheet, row and column it is on, so that the district officer
can tell the coordinator exactly what to fix:

- a measure, breakdown or category the catalogue (or the trust's lists) does not know;
- a negative figure (every figure is a count, minutes or pence), or an absurdly large one;
- a figure the return should carry and does not;
- the categories of an additive breakdown that do not add up to the measure's total.
"""

from __future__ import annotations

from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.returns import catalogue
from trustdesk.returns.model import Key, Return
from trustdesk.returns.reader import AGAIN, Place
from trustdesk.returns.workbook import DATA

MEASURE, BREAKDOWN, CATEGORY, VALUE = 1, 2, 3, 4  # the Data sheet's columns
# Far above any real figure (a county's contact hours for a quarter are a few million
# minutes; its spend a few million pence), far below what SQLite's integers hold.
MAX_FIGURE = 10**12


def check_data(ret: Return, config: TrustConfig) -> None:
    """Raise a UserError naming the first problem; the return is fit to add up otherwise."""
    expected = catalogue.figure_keys(config)
    known = set(expected)
    for key, value in ret.figures.items():
        if key not in known:
            raise _unknown(key, ret.data_rows.get(key, 0), config)
        if value < 0:
            raise _at(ret, key, VALUE).fail(f"{value:,} is negative, and a figure never is")
        if value > MAX_FIGURE:
            raise _at(ret, key, VALUE).fail(
                f"{value:,} is far larger than any figure a return holds"
            )
    for key in expected:
        if key not in ret.figures:
            raise UserError(
                "The return cannot be read: the Data sheet has no row for "
                f"{_name(key)}, which every return of this trust carries.",
                hint=AGAIN,
            )
    sums: dict[tuple[str, str], int] = {}  # (measure, breakdown): its categories added up
    for (code, breakdown, _), value in ret.figures.items():
        if breakdown:
            sums[code, breakdown] = sums.get((code, breakdown), 0) + value
    for measure in catalogue.MEASURES:
        total = ret.value(measure.code)
        for by in measure.breakdowns:
            parts = sums.get((measure.code, by.code), 0)
            if by.additive and parts != total:
                raise _at(ret, (measure.code, "", ""), VALUE).fail(
                    f"the total of {measure.label.lower()} is {total:,}, but its figures by "
                    f"{by.label.lower()} add up to {parts:,}"
                )


def _unknown(key: Key, row: int, config: TrustConfig) -> UserError:
    code, breakdown_code, category = key
    if not catalogue.is_known(code):
        return Place(DATA, row, MEASURE, "measure").fail(
            f"{code!r} is not a measure this TrustDesk knows"
        )
    measure = catalogue.measure(code)
    if not breakdown_code:
        return Place(DATA, row, CATEGORY, "category").fail(
            f"the total of {measure.label.lower()} has the category {category!r}; a total has none"
        )
    try:
        breakdown = measure.breakdown(breakdown_code)
    except KeyError:
        return Place(DATA, row, BREAKDOWN, "breakdown").fail(
            f"{measure.label} has no breakdown {breakdown_code!r}"
        )
    return Place(DATA, row, CATEGORY, "category").fail(
        f"{category!r} is not a category of {breakdown.label.lower()} in the trust's "
        f"configuration ({config.source.name if config.source else 'this trust'})"
    )


def _at(ret: Return, key: Key, column: int) -> Place:
    return Place(DATA, ret.data_rows.get(key, 0), column, "value")


def _name(key: Key) -> str:
    code, breakdown, category = key
    return " / ".join(filter(None, (code, breakdown, category)))

"""The SQL toolkit of the returns: a measure's figures for every breakdown, counted in one
statement (a UNION ALL of one part per breakdown), so SQLite reads a period's rows once for
each kind of row. The reach and the partnership figures are both counted this way."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Select, literal, select, union_all
from sqlmodel import Session

from trustdesk.returns.catalogue import measure
from trustdesk.returns.model import Key

Put = Callable[[str, str, Iterable[tuple[Any, Any]]], None]


def by(breakdown: str, category: Any, *values: Any) -> Select[Any]:
    """One part of a :func:`tally`: the values for each category of a breakdown, or with no
    breakdown (and category None) the totals."""
    if not breakdown:
        return select(literal(""), literal(""), *values)
    return select(literal(breakdown), category, *values).group_by(category)


def tally(session: Session, put: Put, codes: Sequence[str], parts: Sequence[Select[Any]]) -> None:
    """Put the figures of the measures ``codes`` counted in one statement whose parts (see
    :func:`by`) each give a breakdown, a category and one value per measure. A measure takes
    its total and the breakdowns the catalogue gives it."""
    breakdowns = {code: {b.code for b in measure(code).breakdowns} for code in codes}
    for breakdown, category, *values in session.execute(union_all(*parts)):
        for code, value in zip(codes, values, strict=True):
            if not breakdown or breakdown in breakdowns[code]:
                put(code, breakdown, [(category, value)])


def put_into(figures: dict[Key, int]) -> Put:
    """A :data:`Put` adding each value to its figure (every key the catalogue's)."""

    def put(measure: str, breakdown: str, values: Iterable[tuple[Any, Any]]) -> None:
        for category, value in values:
            key = (measure, breakdown, category or "")
            if key not in figures:
                raise ValueError(f"the catalogue has no figure {key}")
            figures[key] += int(value or 0)

    return put

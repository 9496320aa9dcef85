"""Small-number suppression for publication copies of a return.

A publication copy hides counts of young people from 1 to 4, so that nobody can be picked out
("the one looked-after young person at the Tuesday club"), and hides enough other cells that a
hidden count cannot be worked out again from the figures that are shown.

The rules, cell by cell (a cell is a (row index, column index) of a ``tables.Table``):

* Primary: a disclosive cell (a count of young people, per ``Table.disclosive``) whose value
  is 1 to 4. Zero is shown: a true zero discloses nothing.
* Secondary, in an additive table (the category rows split the total row), column by column,
  while the total is shown: if the hidden category cells could be worked out from the total and
  the shown cells, hide the smallest other non-zero category cell as well (if there is none,
  hide the total). "Could be worked out" is: exactly one hidden cell, or all of them 1 (their
  sum equals their number), or all of them 4 (the only way to reach four times their number
  when each is shown as "<5").
* Rates: a rate cell in a row where a disclosive cell is hidden is hidden too, because the rate
  and its other part would give the hidden count back. Reference columns (the REYS
  benchmarks) are fixed published values and stay.

Every hidden cell is shown the same way, whichever rule hid it, so that a reader cannot tell a
small number from one hidden to protect it.

``suppressed_cells`` works on one table. ``publication_cells`` works on all the tables of one
return, because the same figure appears in more than one of them: a measure's total is in the
headline table and in every breakdown table of that measure, and the reach table adds up the
13-19 age bands of the age table.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from trustdesk.returns import catalogue
from trustdesk.returns.tables import BENCHMARK, Table

Cell = tuple[int, int]

HIDDEN = "<5"  # how a hidden count is shown
HIDDEN_RATE = "*"  # how a hidden rate is shown ("<5" would read as "under 5%")
HIDDEN_NOTE = "Publication copy \u2013 numbers from 1 to 4 are shown as <5"
HIDDEN_RATE_NOTE = "* A rate worked out from a number shown as <5 is not shown."

# Columns of fixed reference values, never worked out from the return's figures.
REFERENCE_HEADINGS = frozenset({BENCHMARK})

# How the rows of tables.reach_table are made: the first two add up the 13-19 age bands of a
# measure, the outcome rows are shares of all participants.
REACH_BAND_ROWS = {0: "contacts", 1: "participants"}
REACH_SHARE_ROWS = {2: "participants", 3: "participants"}


def shown_words(table: Table, r: int, hidden: set[Cell]) -> list[str]:
    """A row's words as a copy shows them: each hidden with any figure it speaks of, since
    "Met" or "up 50%" would tell something of a number from 1 to 4."""
    row = table.rows[r]
    return [
        HIDDEN_RATE if any((r, c) in hidden for c in column.about) else (said or "\u2013")
        for column, said in zip(table.words, row.words, strict=True)
    ]


def is_small(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4


def suppressed_cells(table: Table) -> set[Cell]:
    """The cells of one table that a publication copy hides."""
    hidden = {
        (r, c)
        for r, row in enumerate(table.rows)
        for c, value in enumerate(row.values)
        if table.disclosive(row, c) and is_small(value)
    }
    if table.additive:
        for c in range(len(table.columns)):
            _protect_column(table, c, hidden)
    _hide_rates(table, hidden)
    return hidden


def _number(table: Table, r: int, c: int) -> int:
    value = table.rows[r].values[c]
    return value if isinstance(value, int) else 0


def _smallest(table: Table, c: int, rows: list[int]) -> int:
    return min(rows, key=lambda r: (_number(table, r, c), r))


def _pinned(values: list[int]) -> bool:
    """Whether hidden cells shown as "<5" could be worked out from their (known) sum."""
    return len(values) == 1 or all(v == 1 for v in values) or all(v == 4 for v in values)


def _protect_column(table: Table, c: int, hidden: set[Cell]) -> None:
    totals = [r for r, row in enumerate(table.rows) if row.is_total]
    categories = [r for r, row in enumerate(table.rows) if not row.is_total]
    if len(totals) != 1 or (totals[0], c) in hidden:
        return  # no sum to work back from
    if not all(table.disclosive(table.rows[r], c) for r in categories):
        return
    while True:
        hidden_values = [_number(table, r, c) for r in categories if (r, c) in hidden]
        if not hidden_values or not _pinned(hidden_values):
            return
        others = [r for r in categories if (r, c) not in hidden and _number(table, r, c) > 0]
        if not others:
            hidden.add((totals[0], c))
            return
        hidden.add((_smallest(table, c, others), c))


def _is_rate(table: Table, r: int, c: int) -> bool:
    return (
        table.unit_of(table.rows[r], c) == "rate"
        and table.columns[c].heading not in REFERENCE_HEADINGS
        and table.rows[r].values[c] is not None
    )


def _hide_rates(table: Table, hidden: set[Cell]) -> None:
    for r, row in enumerate(table.rows):
        if any((r, c) in hidden and table.disclosive(row, c) for c in range(len(row.values))):
            _hide_row_rates(table, r, hidden)


def _hide_row_rates(table: Table, r: int, hidden: set[Cell]) -> None:
    hidden.update((r, c) for c in range(len(table.rows[r].values)) if _is_rate(table, r, c))


def is_rate_cell(table: Table, cell: Cell) -> bool:
    return table.unit_of(table.rows[cell[0]], cell[1]) == "rate"


# All the tables of one return.


def _column_of(table: Table, measure: str) -> int | None:
    for c, column in enumerate(table.columns):
        if column.measure == measure:
            return c
    return None


def _total_cells(
    headline: Table, breakdowns: Sequence[Table], measure: str
) -> Iterator[tuple[int, Cell]]:
    """Every (table number, cell) holding the total of a measure; the headline is table -1."""
    for r, row in enumerate(headline.rows):
        if row.measure == measure:
            yield -1, (r, 0)
    for t, table in enumerate(breakdowns):
        c = _column_of(table, measure)
        if c is not None:
            yield from ((t, (r, c)) for r, row in enumerate(table.rows) if row.is_total)


def publication_cells(
    headline: Table,
    reach: Table,
    breakdowns: Sequence[Table],
    reach_band_labels: Sequence[str],
) -> tuple[set[Cell], set[Cell], list[set[Cell]]]:
    """The hidden cells of the headline, reach and breakdown tables of one return.

    Each table is suppressed on its own, then: a measure's total hidden in one table is hidden
    in all of them (the headline would give it back otherwise), with one category cell hidden
    in every additive table where none was (else the categories would add up to it); reach
    rows are hidden when an age band they add up is hidden, and outcome rates when the
    participants they divide by are hidden. ``reach_band_labels`` are the age table's row
    labels of the bands inside 13 to 19."""
    head = suppressed_cells(headline)
    tables = [suppressed_cells(t) for t in breakdowns]

    def hidden_in(t: int) -> set[Cell]:
        return head if t == -1 else tables[t]

    measures = {c.measure for t in breakdowns for c in t.columns if c.measure}
    measures |= {row.measure for row in headline.rows if row.measure}
    for code in sorted(m for m in measures if catalogue.measure(m).disclosive):
        cells = list(_total_cells(headline, breakdowns, code))
        if not any(cell in hidden_in(t) for t, cell in cells):
            continue
        for t, cell in cells:
            hidden_in(t).add(cell)
            if t >= 0:
                hide_one_category(breakdowns[t], cell[1], tables[t])
    for table, hidden in zip(breakdowns, tables, strict=True):
        _hide_rates(table, hidden)
    _hide_rates(headline, head)

    reach_hidden = suppressed_cells(reach)
    age = next(
        (t for t, table in enumerate(breakdowns) if table.label_heading == catalogue.AGE.label),
        None,
    )
    for r, code in REACH_BAND_ROWS.items():
        c = None if age is None else _column_of(breakdowns[age], code)
        if age is None or c is None or r >= len(reach.rows):
            continue
        bands = [i for i, row in enumerate(breakdowns[age].rows) if row.label in reach_band_labels]
        if any((i, c) in tables[age] for i in bands):
            reach_hidden.add((r, 0))
            _hide_row_rates(reach, r, reach_hidden)
    for r, code in REACH_SHARE_ROWS.items():
        if r < len(reach.rows) and any(
            cell in hidden_in(t) for t, cell in _total_cells(headline, breakdowns, code)
        ):
            _hide_row_rates(reach, r, reach_hidden)
    return head, reach_hidden, tables


def hide_one_category(table: Table, c: int, hidden: set[Cell]) -> None:
    """With the total hidden, make sure the categories do not add up to it."""
    if not table.additive:
        return
    categories = [r for r, row in enumerate(table.rows) if not row.is_total]
    if any((r, c) in hidden for r in categories):
        return
    others = [r for r in categories if _number(table, r, c) > 0]
    if others:
        hidden.add((_smallest(table, c, others), c))

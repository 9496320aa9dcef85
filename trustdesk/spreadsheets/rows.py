"""Going through a sheet's rows: each in a savepoint of its own, so a refused row leaves
nothing behind and the next row sees what the rows before it added (a partner's second
contact finds the partner the row above made). The caller's transaction then keeps all of
it or none (:mod:`trustdesk.ops.spreadsheet_import`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlmodel import Session

from trustdesk.errors import Cancelled, UserError, ValidationError
from trustdesk.spreadsheets.plan import Outcome, Preview
from trustdesk.spreadsheets.table import Row, Table
from trustdesk.spreadsheets.values import BadValue

Progress = Callable[[int, int], bool]  # (rows done, rows in all): False to stop


class Refused(Exception):
    """A row that cannot be brought in; ``column`` is the heading it is about, if one."""

    def __init__(self, reason: str, column: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.column = column


class Cells:
    """One row's cells by field, each read through a parser that names its column when it
    refuses the value."""

    def __init__(self, table: Table, columns: Mapping[str, int], row: Row) -> None:
        self.table, self.columns, self.row = table, columns, row

    def raw(self, name: str) -> Any:
        column = self.columns.get(name)
        return None if column is None else self.row.get(column)

    def heading(self, name: str) -> str:
        column = self.columns.get(name)
        return "" if column is None else self.table.headings[column]

    def read(self, name: str, parse: Callable[[Any], Any]) -> Any:
        try:
            return parse(self.raw(name))
        except BadValue as exc:
            raise Refused(str(exc), self.heading(name)) from None

    def has(self, name: str) -> bool:
        return name in self.columns


def go_through(
    session: Session,
    table: Table,
    columns: Mapping[str, int],
    preview: Preview,
    each: Callable[[Cells], tuple[Outcome, str, str]],
    *,
    fields: Mapping[str, str] = {},
    progress: Progress | None = None,
) -> None:
    """``each(cells)`` for every row that is not blank, in a savepoint; what it returns (or
    the refusal it raises) goes into the preview. ``fields``: a service's field name to this
    kind's, so a service's refusal names the column too."""
    total = len(table.rows)
    for done, row in enumerate(table.rows, start=1):
        if progress is not None and done % 50 == 1 and not progress(done - 1, total):
            raise Cancelled(f"Bringing in {table.file_name!r} was cancelled: nothing was saved.")
        if row.blank:
            preview.say(row.number, "pass", "", "a blank line")
            continue
        cells = Cells(table, columns, row)
        savepoint = session.begin_nested()
        try:
            outcome, what, reason = each(cells)
        except Refused as refused:
            savepoint.rollback()
            preview.say(row.number, "refuse", _what(cells), refused.reason, refused.column)
            continue
        except ValidationError as exc:
            savepoint.rollback()
            heading = cells.heading(fields.get(exc.field, exc.field))
            preview.say(row.number, "refuse", _what(cells), str(exc.problem), heading)
            continue
        except UserError as exc:
            savepoint.rollback()
            preview.say(row.number, "refuse", _what(cells), exc.message)
            continue
        savepoint.commit()
        preview.say(row.number, outcome, what, reason)
    if progress is not None:
        progress(total, total)


def _what(cells: Cells) -> str:
    """Something to know the row by, even when it is refused: its first filled-in cells."""
    shown = [str(c) for c in cells.row.cells if c not in (None, "")][:3]
    return ", ".join(shown)

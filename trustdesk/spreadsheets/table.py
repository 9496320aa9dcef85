"""A spreadsheet as rows under a heading row, whichever program saved it.

A workbook (.xlsx) passes the same checks as a return that came from outside
(:func:`trustdesk.returns.untrusted.open_checked_workbook`) before openpyxl reads it; a CSV
file may be UTF-8 (with or without the mark Excel writes) or Windows-1252, the encoding
Excel on Windows uses for "CSV", and separated by commas, semicolons (Excel where the
decimal mark is a comma) or tabs.

Real sheets start with a title or two (often merged across the columns) before the
headings: the heading row is the first one with at least two filled-in cells, and the rows
above it are kept as the title, which can name the activity of a register.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from trustdesk.errors import UserError
from trustdesk.returns.untrusted import SPREADSHEET, open_checked_workbook

log = logging.getLogger(__name__)

MAX_ROWS = 10_000  # rows under the headings: a few years of a busy group's registers
MAX_COLUMNS = 400  # a register's dates across: a year of sessions twice over
MAX_CSV_BYTES = 20 * 1024 * 1024
HEADING_SEARCH = 20  # rows looked at for the headings
SPLIT = "Split it into smaller files (a year or a term at a time) and bring each in."
SAVE_AGAIN = (
    "Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as CSV, "
    "then choose that file."
)


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet program shows it
    cells: tuple[Any, ...]

    def get(self, column: int) -> Any:
        return self.cells[column] if column < len(self.cells) else None

    @property
    def blank(self) -> bool:
        return all(_empty(cell) for cell in self.cells)


@dataclass(frozen=True)
class Table:
    """A sheet's headings (a name for every column, "Column C" where there is none) and the
    rows under them."""

    file_name: str
    headings: tuple[str, ...]
    rows: tuple[Row, ...]
    title: str = ""  # the text above the headings
    sheet: str = ""  # a workbook's sheet name
    heading_cells: tuple[Any, ...] = field(default=(), compare=False)  # as typed: dates stay dates

    def column_of(self, heading: str) -> int:
        return self.headings.index(heading)


def read_table(path: Path) -> Table:
    """The first sheet of a workbook, or a CSV file, as headings and rows; a UserError says
    what is wrong with any other file."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return _table(path.name, _csv_rows(path), sheet="")
    if suffix == ".xlsx":
        return _workbook_table(path)
    kinds = {
        ".xls": "an old-style Excel file (.xls)",
        ".ods": "an OpenDocument spreadsheet (.ods)",
        ".xlsm": "a macro-enabled workbook (.xlsm)",
        ".pdf": "a PDF",
    }
    what = kinds.get(suffix, f"a {suffix} file" if suffix else "a file with no ending")
    raise UserError(
        f"{path.name!r} is {what}; TrustDesk brings in Excel workbooks (.xlsx) and CSV files.",
        hint=SAVE_AGAIN,
    )


def _workbook_table(path: Path) -> Table:
    checked = open_checked_workbook(path, SPREADSHEET)
    try:
        return _first_sheet(path, openpyxl.load_workbook(checked, read_only=True, data_only=True))
    except UserError:
        raise
    except Exception:  # the checks passed, yet openpyxl could not read it: say so plainly
        log.exception("Reading the spreadsheet %s failed unexpectedly", path.name)
        raise UserError(
            f"{path.name!r} cannot be read: it holds something TrustDesk does not expect in a "
            "spreadsheet.",
            hint=SPREADSHEET.again,
        ) from None


def _first_sheet(path: Path, book: Any) -> Table:
    try:
        sheet = next((s for s in book.worksheets if s.sheet_state == "visible"), None)
        if sheet is None:
            raise UserError(f"{path.name!r} has no sheet to bring in.", hint=SAVE_AGAIN)
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        return _table(path.name, rows, sheet=sheet.title)
    finally:
        book.close()


def _csv_rows(path: Path) -> Iterator[tuple[Any, ...]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(
            f"There is no file {path.name!r} in {str(path.parent)!r}.",
            hint="It may have been moved, renamed or deleted since it was chosen.",
        ) from None
    except OSError as exc:
        raise UserError(
            f"{path.name!r} cannot be opened ({exc.strerror or exc}).",
            hint="Check that you may read it, and that no other program has it open.",
        ) from None
    if len(data) > MAX_CSV_BYTES:
        raise UserError(
            f"{path.name!r} is {len(data) / 1024 / 1024:,.1f} MB, more than TrustDesk brings in "
            "at once (20 MB).",
            hint=SPLIT,
        )
    if b"\x00" in data[:4096]:
        raise UserError(f"{path.name!r} is not a text (CSV) file.", hint=SAVE_AGAIN)
    text = _decoded(data)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return (tuple(row) for row in csv.reader(io.StringIO(text, newline=""), dialect))


def _decoded(data: bytes) -> str:
    """UTF-8 if it is (Excel's "CSV UTF-8" starts with a byte-order mark), else Windows-1252:
    every byte is a character there, so nothing is refused, and what Excel on Windows saves as
    plain "CSV" is read as it was typed (£, é, ’)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _table(file_name: str, rows: Iterable[tuple[Any, ...]], *, sheet: str) -> Table:
    above: list[str] = []
    heading_cells: tuple[Any, ...] | None = None
    body: list[Row] = []
    for number, cells in enumerate(rows, start=1):
        if heading_cells is None:
            filled = [cell for cell in cells if not _empty(cell)]
            if len(filled) >= 2:
                heading_cells = _trimmed(cells)
            elif number >= HEADING_SEARCH:
                break
            else:
                above.extend(str(cell).strip() for cell in filled)
            continue
        if len(cells) > MAX_COLUMNS and any(not _empty(c) for c in cells[MAX_COLUMNS:]):
            raise UserError(
                f"{file_name!r} has more than {MAX_COLUMNS} columns in row {number}.",
                hint=SPLIT,
            )
        if len(body) == MAX_ROWS:
            raise UserError(
                f"{file_name!r} has more than {MAX_ROWS:,} rows under its headings; TrustDesk "
                f"brings in at most {MAX_ROWS:,} at a time.",
                hint=SPLIT,
            )
        body.append(Row(number, tuple(_clean(cell) for cell in cells)))
    if heading_cells is None:
        raise UserError(
            f"{file_name!r} has no row of headings: TrustDesk looks for a row naming the columns "
            f"(such as First name, Last name) in its first {HEADING_SEARCH} rows.",
            hint="Add a row of headings above the data, save the file, and choose it again.",
        )
    while body and body[-1].blank:
        body.pop()
    return Table(
        file_name,
        _heading_names(heading_cells),
        tuple(body),
        title=" ".join(above),
        sheet=sheet,
        heading_cells=heading_cells,
    )


def _heading_names(cells: tuple[Any, ...]) -> tuple[str, ...]:
    names: list[str] = []
    for index, cell in enumerate(cells):
        name = _heading_text(cell) or f"Column {column_letter(index)}"
        if name in names:
            name = f"{name} (column {column_letter(index)})"
        names.append(name)
    return tuple(names)


def _heading_text(cell: Any) -> str:
    if hasattr(cell, "strftime"):
        return f"{cell:%d/%m/%Y}"
    return " ".join(str(cell).split()) if cell is not None else ""


def column_letter(index: int) -> str:
    """A column's letters as a spreadsheet shows them: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _trimmed(cells: tuple[Any, ...]) -> tuple[Any, ...]:
    end = len(cells)
    while end and _empty(cells[end - 1]):
        end -= 1
    return tuple(cells[:end])


def _clean(cell: Any) -> Any:
    return cell.strip() if isinstance(cell, str) else cell


def _empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())

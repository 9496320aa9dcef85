"""The cells of a return's workbook: its fonts, fills and widths, a cell written safely (a
text always as text, never a formula), a row's height for its wrapped text, and the A4 page
setup every sheet prints with. :mod:`trustdesk.returns.workbook` lays the sheets out with
these.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from trustdesk.errors import UserError
from trustdesk.limits import SPREADSHEET_CELL_MAX
from trustdesk.returns import numbers
from trustdesk.returns.model import Return

# A figure's cell holds numbers.sheet_value and shows, through its unit's number format, the
# text numbers.figure gives the PDF (both round halves up).
NUMBER_FORMATS: dict[str, str] = {unit: numbers.number_format(unit) for unit in numbers.SHAPES}
DATE_FORMAT = "d mmm yyyy"
NO_VALUE = "\u2013"  # a rate with nothing to divide by

# A font without a name is drawn in the spreadsheet's fallback (a serif in LibreOffice).
PLAIN = Font(name="Calibri", size=11)
BOLD = Font(name="Calibri", size=11, bold=True)
TITLE = Font(name="Calibri", size=14, bold=True)
HEADING = Font(name="Calibri", size=12, bold=True)
ITALIC = Font(name="Calibri", size=11, italic=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
# A part quarter's warning: dark text on amber, bold (the words say it, not the colour).
PART_FONT = Font(name="Calibri", size=12, bold=True, color="7C2D12")
PART_FILL = PatternFill("solid", fgColor="FFE3C7")
RULE = Side(style="thin")
TOTAL_RULE, NO_RULE = Border(top=RULE), Border()
WRAP = Alignment(wrap_text=True, vertical="top")
HEADING_LEFT = Alignment(wrap_text=True, vertical="bottom")
# Indented one step so that right-aligned neighbours do not run into each other.
HEADING_RIGHT = Alignment(wrap_text=True, vertical="bottom", horizontal="right", indent=1)
TOP_RIGHT = Alignment(vertical="top", horizontal="right", indent=1)
# In the lists, texts stand a step off a number to their left.
LIST_TEXT = Alignment(wrap_text=True, vertical="top", horizontal="left", indent=1)
LIST_HEADING = Alignment(wrap_text=True, vertical="bottom", horizontal="left", indent=1)
LABEL_WIDTH, VALUE_WIDTH = 36, 11
CHARS_PER_WIDTH = 1.2  # text is narrower than the digit a column width is measured in
LINE_HEIGHT, MAX_ROW_HEIGHT = 15, 409  # points, for 11 pt Calibri
# A4 in points, and margins in inches as openpyxl takes them.
PAGE_WIDTH, PAGE_HEIGHT, SIDE_MARGIN, END_MARGIN = 595, 842, 0.5, 0.75


# Cells


def put(ws: Worksheet, row: int, column: int, value: object, **style: object) -> Cell:
    """Write one cell; a string always as a text cell with the quote prefix set.

    openpyxl takes a string starting with "=" for a formula; forcing the data type keeps the
    exact text, and the quote prefix makes Excel and LibreOffice treat it as text when shown
    and when a person edits it. The control characters XML cannot hold are dropped."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(text) > SPREADSHEET_CELL_MAX:
            raise UserError(
                f"A text on the {ws.title} sheet is {len(text):,} characters long; a "
                f"spreadsheet cell holds at most {SPREADSHEET_CELL_MAX:,}.",
                hint="Shorten it (it starts: " + repr(text[:40]) + ").",
            )
        cell.value = text or None  # an empty text leaves the cell empty
        cell.data_type = "s" if text else "n"
        cell.quotePrefix = True
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def wrapped_lines(text: str, width: float) -> int:
    """Roughly how many lines a wrapped text takes in a column this wide."""
    chars = max(int(width * CHARS_PER_WIDTH), 1)
    return sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))


def fit_height(ws: Worksheet, row: int, texts: list[tuple[str, float]]) -> None:
    """Give a row with wrapped text the height it needs (Excel does not always work it out)."""
    lines = max((wrapped_lines(text, width) for text, width in texts), default=1)
    if lines > 1:
        ws.row_dimensions[row].height = min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=1, column=index).column_letter].width = width


def printable(
    ws: Worksheet, ret: Return, *, landscape: bool = False, table: int | None = None
) -> None:
    """A4, one page wide, with the unit, period and page number on every page. A ``table``
    sheet repeats its header row on every page, and prints its first ``table`` columns only
    if that is not 0 (LibreOffice prints a hidden sheet that has a print area)."""
    if table is not None:
        ws.print_title_rows = "1:1"
    if table:
        ws.print_area = f"A1:{get_column_letter(table)}{max(ws.max_row, 1)}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN
    ws.page_margins.top = ws.page_margins.bottom = END_MARGIN
    ws.page_margins.header = ws.page_margins.footer = 0.3
    where = f"{ret.unit_name} ({ret.unit_code}), {ret.period.label}"
    if ret.figures_to:
        where += f" \u2013 {ret.part_quarter_note.lower()}"
    where = where.replace("&", "&&")
    ws.oddHeader.center.text = where
    ws.oddFooter.left.text = f"{ws.title}".replace("&", "&&")
    ws.oddFooter.right.text = "Page &P of &N"


def put_row(
    ws: Worksheet, row: int, values: Iterable[object], *, start: int = 1, **style: object
) -> None:
    for column, value in enumerate(values, start=start):
        put(ws, row, column, value, **style)

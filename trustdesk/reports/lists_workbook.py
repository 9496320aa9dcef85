"""The group's lists as a workbook, to share or print from Excel or LibreOffice: its partners
and their contact people, the contact log, its activities and their sessions.

Never a young person's details: a session is listed with how many came, never who, and its
notes (which might name someone) are left out; in the contact log's summaries, anything
that identifies a young person (a name on record, a reference, a date of birth, an address,
a phone number or e-mail address) is taken out, as a return's texts are checked.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from trustdesk.files import write_atomically

REMOVED = "[removed]"
HEADING_FONT = Font(bold=True)
HEADING_FILL = PatternFill("solid", fgColor="E4EAF1")  # the returns' heading shade
DATE_FORMAT = "dd/mm/yyyy"
WIDEST = 60  # characters: a longer text wraps


@dataclass(frozen=True)
class Sheet:
    title: str
    headings: tuple[str, ...]
    rows: Sequence[tuple[object, ...]]


def write_lists(sheets: Sequence[Sheet], target: Path) -> Path:
    """One worksheet a list: bold headings kept in view, a filter on them, dates as dates,
    columns as wide as their contents (long texts wrap), printed landscape a page wide;
    written to ``target`` whole."""
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title)
        ws.append(list(sheet.headings))
        for cell in ws[1]:
            cell.font, cell.fill = HEADING_FONT, HEADING_FILL
        for row in sheet.rows:
            ws.append(list(row))
        for column, heading in enumerate(sheet.headings, start=1):
            values = [row[column - 1] for row in sheet.rows]
            longest = max([len(heading), *(len(_shown(v)) for v in values)])
            ws.column_dimensions[get_column_letter(column)].width = min(longest, WIDEST) + 2
            for cell in ws.iter_rows(min_row=2, min_col=column, max_col=column):
                if isinstance(cell[0].value, dt.date):
                    cell[0].number_format = DATE_FORMAT
                elif longest > WIDEST:
                    cell[0].alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        # Printed: landscape, as wide as the page, the headings on every page.
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.print_title_rows = "1:1"
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomically(Path(target), lambda out: out.write(buffer.getvalue()))


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return "00/00/0000"
    return "" if value is None else str(value)


def without_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each span replaced by REMOVED (overlapping spans merged)."""
    out, at = [], 0
    for start, end in sorted(spans):
        if end <= at:
            continue
        out += [text[at : max(start, at)], REMOVED]
        at = end
    return "".join(out) + text[at:]

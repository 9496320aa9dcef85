"""The return as an Excel workbook: one file that people read and that TrustDesk imports.

A coordinator sends it to the district, where an officer opens it in Excel or LibreOffice
(and may re-save it) before importing it. So it carries two views of the same figures: the
Summary sheet lays out the tables of :mod:`trustdesk.returns.tables` for people, and the Data
and Manifest sheets hold the figures and what identifies them for the importer
(:mod:`trustdesk.returns.reader`), written so that a re-save cannot change them.

Every string goes in as a text cell with Excel's quote prefix, so that a case study titled
``=HYPERLINK(...)`` is shown as text and stays text even when someone edits the cell.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from trustdesk.config import TrustConfig
from trustdesk.errors import UserError
from trustdesk.returns.model import FORMAT_NAME, FORMAT_VERSION, Return
from trustdesk.returns.tables import (
    Table,
    breakdown_tables,
    headline_table,
    missing_partner_types,
    reach_table,
)

SUMMARY, DATA, CASE_STUDIES, VOICE, MANIFEST = (
    "Summary",
    "Data",
    "Case studies",
    "Voice",
    "Manifest",
)
DATA_HEADER = ("measure", "breakdown", "category", "value")
CONSTITUENT_HEADER = ("constituent_unit", "return_id", "revision", "fingerprint", "status")
# People's columns first; the codes the importer reads back come last.
CASE_STUDY_HEADER = ("Date", "Title", "ECM outcomes", "Narrative", "Unit", "ecm_outcome_codes")
VOICE_HEADER = ("Date", "How", "Who", "What they said", "What changed", "Unit", "method_code")
CODE_SEPARATOR = " "  # between ECM outcome codes, which never contain spaces
EXCEL_MAX_TEXT = 32767  # characters in one cell

NUMBER_FORMATS = {"count": "#,##0", "minutes": "#,##0.0", "pence": "£#,##0.00", "rate": "0%"}
DATE_FORMAT = "d mmm yyyy"
NO_VALUE = "\u2013"  # a rate with nothing to divide by

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADING = Font(bold=True, size=12)
ITALIC = Font(italic=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
RULE = Side(style="thin")
WRAP = Alignment(wrap_text=True, vertical="top")
WRAP_RIGHT = Alignment(wrap_text=True, vertical="bottom", horizontal="right")
RIGHT = Alignment(horizontal="right")
LABEL_WIDTH, VALUE_WIDTH = 36, 12
LINE_HEIGHT, MAX_ROW_HEIGHT = 15, 409  # points, for 11 pt Calibri


def write_workbook(ret: Return, config: TrustConfig, target: Path | BinaryIO) -> None:
    """Write the return as an .xlsx workbook to a path or an open binary file."""
    book = Workbook()
    _summary(book.active, ret, config)
    _data(book.create_sheet(DATA), ret)
    _case_studies(book.create_sheet(CASE_STUDIES), ret, config)
    _voice(book.create_sheet(VOICE), ret, config)
    _manifest(book.create_sheet(MANIFEST), ret)
    book.active = 0
    # Who made it is the program, never the signed-in user (the file leaves the office).
    props = book.properties
    props.title = f"{ret.unit_name} return {ret.period.code}"
    props.creator = props.lastModifiedBy = ret.made_by
    if ret.made_at is not None:
        props.created = _utc_naive(ret.made_at)
    book.save(target)


def manifest_items(ret: Return) -> list[tuple[str, str]]:
    """The Manifest's key/value rows, every value as text."""
    return [
        ("format", FORMAT_NAME),
        ("format_version", FORMAT_VERSION),
        ("trust", ret.trust_name),
        ("unit_code", ret.unit_code),
        ("unit_name", ret.unit_name),
        ("unit_level", ret.unit_level),
        ("parent_code", ret.parent_code or ""),
        ("period", ret.period.code),
        ("period_start", ret.period.start.isoformat()),
        ("period_end", ret.period.end.isoformat()),
        ("made_at", ret.made_at.isoformat() if ret.made_at else ""),
        ("made_by", ret.made_by),
        ("return_id", ret.return_id),
        ("revision", str(ret.revision)),
        ("fingerprint", ret.fingerprint),
        ("figure_count", str(len(ret.figures))),
    ]


# Cells


def put(ws: Worksheet, row: int, column: int, value: object, **style: object) -> Cell:
    """Write one cell; a string always as a text cell with the quote prefix set.

    openpyxl takes a string starting with "=" for a formula; forcing the data type keeps the
    exact text, and the quote prefix makes Excel and LibreOffice treat it as text when shown
    and when a person edits it. Line endings become "\\n" (XML turns a CR into one anyway),
    and the control characters XML cannot hold are dropped."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
        if len(text) > EXCEL_MAX_TEXT:
            raise UserError(
                f"A text on the {ws.title} sheet is {len(text):,} characters long; a "
                f"spreadsheet cell holds at most {EXCEL_MAX_TEXT:,}.",
                hint="Shorten it (it starts: " + repr(text[:40]) + ").",
            )
        cell.value = text
        cell.data_type = "s"
        cell.quotePrefix = True
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _lines(text: str, width: float) -> int:
    """Roughly how many lines a wrapped text takes in a column this wide."""
    chars = max(int(width), 1)
    return sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))


def _fit_height(ws: Worksheet, row: int, texts: list[tuple[str, float]]) -> None:
    """Give a row with wrapped text the height it needs (Excel does not always work it out)."""
    lines = max((_lines(text, width) for text, width in texts), default=1)
    if lines > 1:
        ws.row_dimensions[row].height = min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)


def _widths(ws: Worksheet, widths: list[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=1, column=index).column_letter].width = width


def _printable(ws: Worksheet, ret: Return, *, landscape: bool = False) -> None:
    """A4, one page wide, with the unit, period and page number on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.5
    where = f"{ret.unit_name} ({ret.unit_code}), {ret.period.label}".replace("&", "&&")
    ws.oddHeader.center.text = where
    ws.oddFooter.left.text = f"{ws.title}".replace("&", "&&")
    ws.oddFooter.right.text = "Page &P of &N"


def _header_row(ws: Worksheet, row: int, headings: tuple[str, ...], widths: list[float]) -> None:
    for column, heading in enumerate(headings, start=1):
        put(ws, row, column, heading, font=BOLD, fill=HEADER_FILL, alignment=WRAP)
    _fit_height(ws, row, list(zip(headings, widths, strict=False)))


# Sheets


def _summary(ws: Worksheet, ret: Return, config: TrustConfig) -> None:
    ws.title = SUMMARY
    tables = [headline_table(ret), reach_table(ret, config), *breakdown_tables(ret, config)]
    columns = 1 + max(len(table.columns) for table in tables)
    _widths(ws, [LABEL_WIDTH] + [VALUE_WIDTH] * (columns - 1))
    put(ws, 1, 1, ret.trust_name, font=TITLE)
    put(ws, 2, 1, "Quarterly return", font=HEADING)
    put(ws, 3, 1, f"{ret.unit_name} ({ret.unit_code})")
    put(ws, 4, 1, ret.period.label)
    made = f"Revision {ret.revision}"
    if ret.made_at is not None:
        made = (
            f"Made {ret.made_at:%d %b %Y at %H:%M} (UTC{ret.made_at:%z}), revision {ret.revision}"
        )
    put(ws, 5, 1, made)
    row = 7
    for table in tables:
        row = _summary_table(ws, row, table) + 1
    put(ws, row, 1, "Statutory partner types not engaged this period", font=HEADING)
    missing = missing_partner_types(ret, config)
    for name in missing or ["None: every statutory partner type was engaged."]:
        row += 1
        put(ws, row, 1, name)
    _printable(ws, ret)


def _summary_table(ws: Worksheet, row: int, table: Table) -> int:
    """Lay out one table from ``row``; return the row after it."""
    width = 1 + len(table.columns)
    put(ws, row, 1, table.title, font=HEADING)
    row += 1
    put(ws, row, 1, table.label_heading, font=BOLD, fill=HEADER_FILL, alignment=WRAP)
    for index, column in enumerate(table.columns, start=2):
        put(ws, row, index, column.heading, font=BOLD, fill=HEADER_FILL, alignment=WRAP_RIGHT)
    _fit_height(ws, row, [(c.heading, VALUE_WIDTH) for c in table.columns])
    for line in table.rows:
        row += 1
        font = BOLD if line.is_total else None
        border = Border(top=RULE) if line.is_total else Border()
        put(ws, row, 1, line.label, font=font or Font(), border=border, alignment=WRAP)
        for index, value in enumerate(line.values):
            unit = table.unit_of(line, index)
            if value is None:
                cell = put(ws, row, index + 2, NO_VALUE, alignment=RIGHT)
            else:
                shown = (
                    value / 60 if unit == "minutes" else value / 100 if unit == "pence" else value
                )
                cell = put(ws, row, index + 2, shown, number_format=NUMBER_FORMATS[unit])
            cell.border = border
            if font:
                cell.font = font
        _fit_height(ws, row, [(line.label, LABEL_WIDTH)])
    if table.note:
        row += 1
        put(ws, row, 1, table.note, font=ITALIC, alignment=WRAP)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        _fit_height(ws, row, [(table.note, LABEL_WIDTH + VALUE_WIDTH * (width - 1))])
    return row + 1


def _data(ws: Worksheet, ret: Return) -> None:
    """One row per figure, codes and whole numbers only: what the importer reads."""
    for column, heading in enumerate(DATA_HEADER, start=1):
        put(ws, 1, column, heading, font=BOLD)
    for row, figure in enumerate(ret.rows(), start=2):
        for column, value in enumerate(figure, start=1):
            put(ws, row, column, value)
    ws.freeze_panes = "A2"
    _widths(ws, [32, 20, 22, 10])


def _case_studies(ws: Worksheet, ret: Return, config: TrustConfig) -> None:
    widths = [12, 30, 28, 80, 10, 20]
    _header_row(ws, 1, CASE_STUDY_HEADER, widths)
    for row, case in enumerate(ret.case_studies, start=2):
        names = "; ".join(config.name_of("ecm_outcomes", code) for code in case.ecm_outcomes)
        put(ws, row, 1, case.date, number_format=DATE_FORMAT, alignment=WRAP)
        put(ws, row, 2, case.title, alignment=WRAP)
        put(ws, row, 3, names, alignment=WRAP)
        put(ws, row, 4, case.narrative, alignment=WRAP)
        put(ws, row, 5, case.unit_code, alignment=WRAP)
        put(ws, row, 6, CODE_SEPARATOR.join(case.ecm_outcomes), alignment=WRAP)
        _fit_height(
            ws, row, list(zip([case.title, names, case.narrative], widths[1:4], strict=True))
        )
    _list_sheet(ws, ret, widths)


def _voice(ws: Worksheet, ret: Return, config: TrustConfig) -> None:
    widths = [12, 18, 24, 45, 45, 10, 18]
    _header_row(ws, 1, VOICE_HEADER, widths)
    for row, entry in enumerate(ret.voice, start=2):
        how = config.name_of("voice_methods", entry.method)
        put(ws, row, 1, entry.date, number_format=DATE_FORMAT, alignment=WRAP)
        texts = [how, entry.who, entry.said, entry.change_made, entry.unit_code, entry.method]
        for column, text in enumerate(texts, start=2):
            put(ws, row, column, text, alignment=WRAP)
        _fit_height(ws, row, list(zip(texts, widths[1:], strict=True)))
    _list_sheet(ws, ret, widths)


def _list_sheet(ws: Worksheet, ret: Return, widths: list[float]) -> None:
    ws.freeze_panes = "A2"
    _widths(ws, widths)
    _printable(ws, ret, landscape=True)


def _manifest(ws: Worksheet, ret: Return) -> None:
    """What identifies the return, as text; hidden and protected against accidents (the
    protection is not security: the fingerprint is what shows a changed figure)."""
    items = manifest_items(ret)
    for row, (key, value) in enumerate(items, start=1):
        put(ws, row, 1, key)
        put(ws, row, 2, value)
    row = len(items) + 2
    for column, heading in enumerate(CONSTITUENT_HEADER, start=1):
        put(ws, row, column, heading)
    for constituent in ret.constituents:
        row += 1
        revision = "" if constituent.revision is None else str(constituent.revision)
        values = (constituent.unit_code, constituent.return_id, revision)
        for column, value in enumerate(
            (*values, constituent.fingerprint, constituent.status), start=1
        ):
            put(ws, row, column, value)
    _widths(ws, [18, 66, 14, 66, 10])
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _utc_naive(moment: dt.datetime) -> dt.datetime:
    """openpyxl writes document dates as UTC and refuses ones that carry a time zone."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)

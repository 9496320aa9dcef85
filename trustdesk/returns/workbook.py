"""The return as an Excel workbook: one file that people read and that TrustDesk imports.

A coordinator sends it to the district, where an officer opens it in Excel or LibreOffice
(and may re-save it) before importing it. So it carries two views of the same figures: the
Summary sheet lays out the tables of :mod:`trustdesk.returns.tables` for people, and the Data
and Manifest sheets hold the figures and what identifies them for the importer
(:mod:`trustdesk.returns.reader`), written so that a re-save cannot change them. The Case
studies, Voice and Partners sheets list texts for people, with the codes the reader needs last;
the Manifest's texts fingerprint covers them (and the partners' amounts) as its fingerprint
covers the figures.

Every string goes in as a text cell with Excel's quote prefix, so that a case study titled
``=HYPERLINK(...)`` is shown as text and stays text even when someone edits the cell.

Printed, it is the people's view. Each list sheet and the Data sheet repeat their header row
on every page (print titles); the Summary does not, since its tables have headings of their
own and start on a new page rather than split. The Data sheet is hidden, like the Manifest:
an .xlsx cannot mark a sheet "not printed", and Excel and LibreOffice leave a hidden sheet
out of printing the workbook and out of a PDF (LibreOffice only while it has no print area),
while openpyxl, and so the reader, reads it by name as it reads the hidden Manifest (and
anyone can unhide it). The codes at the right of the list sheets stay where they are, since
the reader finds columns by heading, but are left out of the print area; so is the Unit
column when every line is of the return's own unit, which the page heading names already.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Border, Font, PatternFill
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from trustdesk.config.trust import TrustConfig
from trustdesk.returns import made_how, numbers
from trustdesk.returns.benchmarks import COLOURS, NOT_MET

# The list sheets' names and headings live with the model (the texts' fingerprint reads them).
from trustdesk.returns.model import CASE_STUDIES as CASE_STUDIES
from trustdesk.returns.model import CASE_STUDY_HEADER as CASE_STUDY_HEADER
from trustdesk.returns.model import CODE_SEPARATOR as CODE_SEPARATOR
from trustdesk.returns.model import FORMAT_NAME, FORMAT_VERSION, Return
from trustdesk.returns.model import PARTNER_HEADER as PARTNER_HEADER
from trustdesk.returns.model import PARTNER_UNITS as PARTNER_UNITS
from trustdesk.returns.model import PARTNERS as PARTNERS
from trustdesk.returns.model import VOICE as VOICE
from trustdesk.returns.model import VOICE_HEADER as VOICE_HEADER
from trustdesk.returns.summary import summary_tables
from trustdesk.returns.tables import Table, missing_partner_types
from trustdesk.returns.target_tables import target_trends, targets_by_unit
from trustdesk.returns.trends import trend_tables, unit_tables
from trustdesk.returns.workbook_cells import (
    BOLD,
    CHARS_PER_WIDTH,
    DATE_FORMAT,
    END_MARGIN,
    HEADER_FILL,
    HEADING,
    HEADING_LEFT,
    HEADING_RIGHT,
    ITALIC,
    LABEL_WIDTH,
    LINE_HEIGHT,
    LIST_HEADING,
    LIST_TEXT,
    NO_RULE,
    NO_VALUE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PART_FILL,
    PART_FONT,
    PLAIN,
    SIDE_MARGIN,
    TITLE,
    TOP_RIGHT,
    TOTAL_RULE,
    VALUE_WIDTH,
    WRAP,
    fit_height,
    printable,
    put,
    put_row,
    set_widths,
)
from trustdesk.returns.workbook_cells import (
    NUMBER_FORMATS as NUMBER_FORMATS,
)

SUMMARY, DATA, MANIFEST, TRENDS = "Summary", "Data", "Manifest", "Trends"
DATA_HEADER = ("measure", "breakdown", "category", "value")
CONSTITUENT_HEADER = (
    "constituent_unit",
    "return_id",
    "revision",
    "fingerprint",
    "status",
    "edited_after_export",  # added after format version 2's first files: may be blank there
    "made_how",  # added after format version 4's first files: may be blank or absent there
)


def write_workbook(ret: Return, config: TrustConfig, target: Path | BinaryIO) -> None:
    """Write the return as an .xlsx workbook to a path or an open binary file."""
    book = Workbook()
    _summary(book.active, ret, config)
    _data(book.create_sheet(DATA), ret)
    _case_studies(book.create_sheet(CASE_STUDIES), ret, config)
    _voice(book.create_sheet(VOICE), ret, config)
    _partners(book.create_sheet(PARTNERS), ret, config)
    _manifest(book.create_sheet(MANIFEST), ret)
    # Last, so that the sheets the importer reads keep their parts (sheet2.xml is Data).
    _trends(book, ret, config)
    book.active = 0
    # Who made it is the program, never the signed-in user (the file leaves the office).
    props = book.properties
    props.title = f"{ret.unit_name} return {ret.period.code}"
    if ret.figures_to:
        props.title += f" (part {ret.period.noun})"
        props.subject = props.description = part_quarter_words(ret)
        props.keywords = f"part {ret.period.noun}"
    props.creator = props.lastModifiedBy = ret.made_by
    if ret.made_at is not None:
        props.created = _utc_naive(ret.made_at)
    buffer = io.BytesIO()
    book.save(buffer)
    content = _keep_carriage_returns(buffer.getvalue())
    if isinstance(target, str | Path):
        Path(target).write_bytes(content)
    else:
        target.write(content)


def _keep_carriage_returns(content: bytes) -> bytes:
    """Write each carriage return in a sheet as ``&#13;``, so that it reads back as one.

    openpyxl writes a CR typed into a text as it is, and every XML reader turns a bare CR
    into a line feed; the character reference is the one form that survives. A bare CR in a
    sheet can only be inside a text, since the rest of the XML has none."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        sheets = {n for n in book.namelist() if n.startswith("xl/worksheets/")}
        if not any(b"\r" in book.read(n) for n in sheets):
            return content
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in book.infolist():
                part = book.read(info)
                copy.writestr(
                    info, part.replace(b"\r", b"&#13;") if info.filename in sheets else part
                )
    return out.getvalue()


def manifest_items(ret: Return) -> list[tuple[str, str]]:
    """The Manifest's key/value rows, every value as text. ``figures_to`` is there only for
    a part quarter (a reader that does not know it passes over it)."""
    part = [("figures_to", ret.figures_to.isoformat())] if ret.figures_to else []
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
        *part,
        ("made_at", ret.made_at.isoformat() if ret.made_at else ""),
        ("made_by", ret.made_by),
        ("return_id", ret.return_id),
        ("revision", str(ret.revision)),
        ("fingerprint", ret.fingerprint),
        ("figure_count", str(len(ret.figures))),
        ("texts_fingerprint", ret.texts_fingerprint),
    ]


def part_quarter_words(ret: Return) -> str:
    """ "Part quarter: figures to 4 Dec 2026. Q3 2026-27 ends on 31 Dec 2026; ..." """
    end, noun = ret.period.end, ret.period.noun
    return (
        f"{ret.part_quarter_note}. The {noun} ends on {end.day} {end:%b %Y}: these are the "
        f"figures so far, not the {noun}'s."
    )


# Sheets


def _summary(ws: Worksheet, ret: Return, config: TrustConfig) -> None:
    ws.title = SUMMARY
    tables = summary_tables(ret, config)
    widths = _summary_widths(tables)
    set_widths(ws, widths)
    put(ws, 1, 1, ret.trust_name, font=TITLE)
    put(ws, 2, 1, f"{ret.period.adjective.capitalize()} return", font=HEADING)
    put(ws, 3, 1, f"{ret.unit_name} ({ret.unit_code})")
    put(ws, 4, 1, ret.period.label)
    made = f" {ret.made_at:%d %b %Y at %H:%M %Z}".rstrip() if ret.made_at else ""
    put(ws, 5, 1, f"Made{made} by {ret.made_by}, revision {ret.revision}")
    blocks, row = [(1, 6)], 7
    if ret.figures_to:  # the first thing a reader sees after the period
        put(ws, 6, 1, part_quarter_words(ret), font=PART_FONT, fill=PART_FILL, alignment=WRAP)
        ws.merge_cells(start_row=6, start_column=1, end_row=6, end_column=len(widths))
        fit_height(ws, 6, [(part_quarter_words(ret), sum(widths))])
        blocks, row = [(1, 7)], 8
    for table in tables:
        end = _summary_table(ws, row, table, widths)
        blocks.append((row, end))
        row = end + 1
    put(ws, row, 1, "Statutory partner types not engaged this period", font=HEADING)
    missing = missing_partner_types(ret, config)
    for name in missing or ["None: every statutory partner type was engaged."]:
        put(ws, row + 1, 1, name)
        row += 1
    blocks.append((blocks[-1][1] + 1, row))
    by_hand = made_how.described(config, made_how.marks_of(ret.constituents))
    if by_hand:  # the county sees how each unit's return was made
        row += 2
        put(ws, row, 1, "Returns made by hand, not counted by TrustDesk from records", font=HEADING)
        for words in by_hand:
            put(ws, row + 1, 1, words)
            row += 1
        blocks.append((blocks[-1][1] + 1, row))
    printable(ws, ret)
    _keep_together(ws, blocks, widths)


def _trends(book: Workbook, ret: Return, config: TrustConfig) -> None:
    """The Trends sheet, for a return made with its history: the key figures and the targets
    by quarter and year and, for a district or county, by unit, as the PDF's trend pages
    show them."""
    by_unit = targets_by_unit(ret, config)
    tables = [
        *trend_tables(ret),
        *target_trends(ret, config),
        *unit_tables(ret, config),
        *([by_unit] if by_unit else []),
    ]
    if not tables:
        return
    ws = book.create_sheet(TRENDS)
    widths = _summary_widths(tables)
    set_widths(ws, widths)
    put(ws, 1, 1, f"{ret.unit_name}: trends to {ret.period.label}", font=HEADING)
    blocks, row = [], 3
    for table in tables:
        end = _summary_table(ws, row, table, widths)
        blocks.append((row, end))
        row = end + 1
    printable(ws, ret)
    _keep_together(ws, blocks, widths)


def _summary_widths(tables: list[Table]) -> list[float]:
    """The label column, then each value column wide enough for its longest number (a
    column too narrow shows ####) and the longest word of its headings."""
    most = max(len(t.columns) + len(t.words) for t in tables)
    widths: list[float] = [LABEL_WIDTH, *[VALUE_WIDTH] * most]
    for table in tables:
        for w, words in enumerate(table.words):  # e.g. "Not met", and the heading's words
            said = [line.words[w] for line in table.rows]
            longest = max(len(word) for word in [*words.heading.split(), NOT_MET, *said])
            at = len(table.columns) + 1 + w
            widths[at] = max(widths[at], longest * CHARS_PER_WIDTH + 3)  # bold, wrapped
        for index, column in enumerate(table.columns, start=1):
            longest = max(len(word) for word in column.heading.split())
            for line in table.rows:
                value = line.values[index - 1]
                unit = table.unit_of(line, index - 1)
                if value is not None:
                    shown = numbers.figure(unit, value)
                    longest = max(longest, len(shown))
            widths[index] = max(widths[index], longest + 2)
    return widths


def _summary_table(ws: Worksheet, row: int, table: Table, widths: list[float]) -> int:
    """Lay out one table from ``row``; return its last row (the blank one after it)."""
    put(ws, row, 1, table.title, font=HEADING)
    row += 1
    put(ws, row, 1, table.label_heading, font=BOLD, fill=HEADER_FILL, alignment=HEADING_LEFT)
    names = [c.heading for c in table.columns]
    names += [words.heading for words in table.words]
    for index, heading in enumerate(names, start=2):
        put(ws, row, index, heading, font=BOLD, fill=HEADER_FILL, alignment=HEADING_RIGHT)
    # Headings are bold (wider) and indented (narrower room): about a character a unit.
    room = [(widths[i] - 2) / CHARS_PER_WIDTH for i in range(1, len(names) + 1)]
    headings = list(zip(names, room, strict=True))
    fit_height(ws, row, headings)
    for line in table.rows:
        row += 1
        font = BOLD if line.is_total else PLAIN
        border = TOTAL_RULE if line.is_total else NO_RULE
        put(ws, row, 1, line.label, font=font, border=border, alignment=WRAP)
        for index, value in enumerate(line.values):
            unit = table.unit_of(line, index)
            shown: object = NO_VALUE
            number_format = "General"
            if value is not None:
                shown = numbers.sheet_value(unit, value)
                number_format = NUMBER_FORMATS[unit]
            style = {"font": font, "border": border, "alignment": TOP_RIGHT}
            put(ws, row, index + 2, shown, number_format=number_format, **style)
        for w, said in enumerate(line.words, start=len(table.columns) + 2):
            _words(ws, row, w, said, border)
        fit_height(ws, row, [(line.label, LABEL_WIDTH)])
    if table.note:
        row += 1
        put(ws, row, 1, table.note, font=ITALIC, alignment=WRAP)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        fit_height(ws, row, [(table.note, sum(widths))])
    return row + 1


def _words(ws: Worksheet, row: int, column: int, said: str, border: Border) -> None:
    """A row's words: "Met" or "Not met" in its colours, a change as it is, a dash when there
    is nothing to say."""
    if said not in COLOURS:
        put(ws, row, column, said or NO_VALUE, font=PLAIN, border=border, alignment=TOP_RIGHT)
        return
    ink, fill = (colour.lstrip("#") for colour in COLOURS[said])
    font = Font(name="Calibri", size=11, bold=True, color=ink)
    fill_ = PatternFill("solid", fgColor=fill)
    put(ws, row, column, said, font=font, fill=fill_, border=border, alignment=TOP_RIGHT)


def _keep_together(ws: Worksheet, blocks: list[tuple[int, int]], widths: list[float]) -> None:
    """Start a table on a new page when it would not fit on this one.

    Fitting one page wide shrinks the page; from the column widths (about 7 pixels a unit)
    work out how much, and so how many points of rows a page holds as Excel draws them
    (LibreOffice draws rows a little lower, so fits more), less a little to spare."""
    content = sum(w * 7 + 5 for w in widths) * 0.75
    scale = min(1.0, (PAGE_WIDTH - 2 * 72 * SIDE_MARGIN) / content)
    capacity = (PAGE_HEIGHT - 2 * 72 * END_MARGIN) / scale * 0.95
    used = 0.0
    for first, last in blocks:
        rows = range(first, last + 1)
        height = sum(ws.row_dimensions[r].height or LINE_HEIGHT for r in rows) + 5  # title
        if used and used + height > capacity:
            ws.row_breaks.append(Break(id=first - 1))
            used = 0.0
        used += height


def _data(ws: Worksheet, ret: Return) -> None:
    """One row per figure, codes and whole numbers only: what the importer reads."""
    put_row(ws, 1, DATA_HEADER, font=BOLD)
    for row, figure in enumerate(ret.rows(), start=2):
        put_row(ws, row, figure)
    ws.freeze_panes = "A2"
    set_widths(ws, [32, 20, 22, 10])
    printable(ws, ret, table=0)
    ws.sheet_state = "hidden"  # not printed with the workbook (the module's docstring says why)


def _case_studies(ws: Worksheet, ret: Return, config: TrustConfig) -> None:
    rows = []
    for case in ret.case_studies:
        names = "; ".join(config.name_of("ecm_outcomes", code) for code in case.ecm_outcomes)
        codes = CODE_SEPARATOR.join(case.ecm_outcomes)
        rows.append((case.date, case.title, names, case.narrative, case.unit_code, codes))
    _list_sheet(ws, ret, CASE_STUDY_HEADER, [13, 30, 28, 80, 10, 20], rows)


def _voice(ws: Worksheet, ret: Return, config: TrustConfig) -> None:
    rows = []
    for v in ret.voice:
        how = config.name_of("voice_methods", v.method)
        rows.append((v.date, how, v.who, v.said, v.change_made, v.unit_code, v.method))
    _list_sheet(ws, ret, VOICE_HEADER, [13, 18, 24, 45, 45, 10, 18], rows)


def _partners(ws: Worksheet, ret: Return, config: TrustConfig) -> None:
    """The partner organisations engaged, by name: a board asks which partners came."""
    rows = []
    for p in ret.partners:
        kind = config.name_of("partner_types", p.partner_type)
        given = (
            numbers.sheet_value("minutes", p.staff_minutes),
            numbers.sheet_value("pence", p.money_pence),
            numbers.sheet_value("pence", p.in_kind_pence),
        )
        came = (p.contacts, p.meeting_places, p.meetings_present)
        rows.append((p.name, kind, *given, *came, p.unit_code, p.partner_type))
    widths = [34, 30, 12, 13, 13, 10, 10, 10, 11, 14]
    _list_sheet(ws, ret, PARTNER_HEADER, widths, rows, PARTNER_UNITS)


def _list_sheet(
    ws: Worksheet,
    ret: Return,
    header: Sequence[str],
    widths: Sequence[float],
    rows: Sequence[Sequence[object]],
    units: dict[int, str] | None = None,
) -> None:
    """A list of dated texts or of partners, wrapped in wide columns, printed landscape
    without the codes at its right (the Unit column and after; the Unit column is printed when
    a line is of another unit than the return's, as in a consolidated return)."""
    units = units or {}
    unit = header.index("Unit")
    others = any(values[unit] != ret.unit_code for values in rows)
    for index, heading in enumerate(header):
        alignment = HEADING_RIGHT if index in units else LIST_HEADING
        put(ws, 1, index + 1, heading, font=BOLD, fill=HEADER_FILL, alignment=alignment)
    fit_height(ws, 1, [(h, w - 2) for h, w in zip(header, widths, strict=True)])
    for row, values in enumerate(rows, start=2):
        for index, value in enumerate(values):
            if isinstance(value, dt.date):
                put(ws, row, index + 1, value, number_format=DATE_FORMAT, alignment=LIST_TEXT)
            elif isinstance(value, str):
                put(ws, row, index + 1, value, alignment=LIST_TEXT)
            else:
                number_format = NUMBER_FORMATS[units[index]]
                put(ws, row, index + 1, value, number_format=number_format, alignment=TOP_RIGHT)
        texts = [(v, w - 2) for v, w in zip(values, widths, strict=True) if isinstance(v, str)]
        fit_height(ws, row, texts)
    ws.freeze_panes = "A2"
    set_widths(ws, widths)
    printable(ws, ret, landscape=True, table=unit + 1 if others else unit)


def _manifest(ws: Worksheet, ret: Return) -> None:
    """What identifies the return, as text; hidden and protected against accidents (the
    protection is not security: the fingerprint is what shows a changed figure)."""
    items = manifest_items(ret)
    for row, item in enumerate(items, start=1):
        put_row(ws, row, item)
    put_row(ws, len(items) + 2, CONSTITUENT_HEADER)
    for row, c in enumerate(ret.constituents, start=len(items) + 3):
        revision = "" if c.revision is None else str(c.revision)
        edited, how = " ".join(c.edited), made_how.written(c.made_how)
        put_row(ws, row, (c.unit_code, c.return_id, revision, c.fingerprint, c.status, edited, how))
    set_widths(ws, [18, 66, 14, 66, 10, 30, 30])
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _utc_naive(moment: dt.datetime) -> dt.datetime:
    """openpyxl writes document dates as UTC and refuses ones that carry a time zone."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)

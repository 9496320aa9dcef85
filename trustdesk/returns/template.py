"""A blank return workbook for a group without TrustDesk, to fill in by hand.

A district officer makes one for a locality (a county officer for a district) and sends it;
someone there types the figures in Excel or LibreOffice and sends it back, and the district
imports it like any return (:mod:`trustdesk.returns.template_reader` reads it). It is a
return workbook in the real format: its Manifest says which unit, period, return and
revision it is, and that it is *filled in by hand* (``made_how``), with no fingerprint, since
its figures are not known until they are typed; so it is marked so wherever it appears
(:mod:`trustdesk.returns.made_how`).

Its first sheet, Figures, holds every figure a return of the unit carries, a row each: the
measure, the breakdown and category in words, a yellow cell to type in, and a Check column
whose formulas say whether a measure's figures by age band, gender and so on add up to its
total. Only the yellow cells can be changed: the sheets are protected (without a password:
the protection keeps the shape, it is not security) and the other sheets hidden. The cells
take a number of 0 or more only (a whole number for a count; hours and pounds may have
decimals). The codes the importer reads stay in hidden columns at the right.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from trustdesk.config.trust import TrustConfig
from trustdesk.returns import catalogue, made_how
from trustdesk.returns.catalogue import UNIT_HEADINGS, Breakdown, Measure
from trustdesk.returns.model import Key, Return
from trustdesk.returns.workbook import (
    CASE_STUDIES,
    CASE_STUDY_HEADER,
    DATA,
    DATA_HEADER,
    MANIFEST,
    PARTNER_HEADER,
    PARTNERS,
    VOICE,
    VOICE_HEADER,
    manifest_items,
)
from trustdesk.returns.workbook_cells import (
    BOLD,
    HEADER_FILL,
    HEADING,
    ITALIC,
    PLAIN,
    TITLE,
    WRAP,
    fit_height,
    printable,
    put,
    put_row,
    set_widths,
)

FIGURES = "Figures"
FIGURES_HEADER = (
    "Measure",
    "Breakdown",
    "Category",
    "Figure",
    "Check",
    "What it counts",
    "measure",
    "breakdown",
    "category",
)
HEADER_ROW = 5
VALUE_COLUMN = FIGURES_HEADER.index("Figure") + 1  # D, as on the Data sheet
CHECK_COLUMN = FIGURES_HEADER.index("Check") + 1
CODE_COLUMN = FIGURES_HEADER.index("measure") + 1  # the codes the reader goes by
PRINTED = FIGURES_HEADER.index("What it counts") + 1
WIDTHS = (34, 22, 34, 12, 44, 60, 24, 16, 18)
INPUT_FILL = PatternFill("solid", fgColor="FFF4B3")
SECTION_FILL = PatternFill("solid", fgColor="DCEBFB")
BAD_FILL = PatternFill("solid", fgColor="FBD5D5")
BAD_FONT = Font(name="Calibri", size=11, bold=True, color="8B1A1A")
ADDS_UP = "Adds up"
NOT_ABOVE = "None above the total"
CHECK_WORDS = "Does not add up"  # the start of a check that fails (its cell turns red)
FREE = Protection(locked=False)
POPULATION: Key = ("population_13_19", "", "")
# A figure's value in the sheet: a count as it is, minutes as hours, pence as pounds.
PER = {"count": 1, "minutes": 60, "pence": 100}


@dataclass(frozen=True)
class Line:
    """One row of the Figures sheet: a measure's total, or one category of a breakdown."""

    key: Key
    measure: Measure
    breakdown: Breakdown | None
    category_label: str


def lines(config: TrustConfig, level: str) -> list[Line]:
    """The Figures sheet's rows, in catalogue order: every figure a return of a unit of this
    level carries."""
    out = []
    for code, breakdown_code, category in catalogue.figure_keys(config, level):
        measure = catalogue.measure(code)
        if not breakdown_code:
            out.append(Line((code, "", ""), measure, None, ""))
            continue
        breakdown = measure.breakdown(breakdown_code)
        label = breakdown.category_label(config, category)
        out.append(Line((code, breakdown_code, category), measure, breakdown, label))
    return out


def configured(config: TrustConfig, unit_code: str) -> dict[Key, int]:
    """The figures a return takes from the trust configuration rather than from records (the
    unit's 13-19 population, when the configuration gives it): shown, not typed."""
    population = config.units[unit_code].population_13_19
    return {} if population is None else {POPULATION: population}


def measure_label(measure: Measure) -> str:
    """ "Contact hours (hours)" reads badly: "Contact hours", "Partner money (£)"."""
    unit = UNIT_HEADINGS[measure.unit]
    return measure.label if not unit or unit in measure.label else f"{measure.label} ({unit})"


def write_template(ret: Return, config: TrustConfig, target: Path | BinaryIO) -> None:
    """Write the blank return workbook of ``ret`` (its unit, period, id and revision; no
    figures) to a path or an open binary file."""
    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook has its one sheet
    _figures(ws, ret, config)
    _blank_sheet(book.create_sheet(DATA), DATA_HEADER)
    for name, header in (
        (CASE_STUDIES, CASE_STUDY_HEADER),
        (VOICE, VOICE_HEADER),
        (PARTNERS, PARTNER_HEADER),
    ):
        _blank_sheet(book.create_sheet(name), header)
    _manifest(book.create_sheet(MANIFEST), ret)
    book.active = 0
    book.security = WorkbookProtection(lockStructure=True)  # no password: keeps the sheets
    props = book.properties
    props.title = f"{ret.unit_name} return {ret.period.code}, to fill in by hand"
    props.creator = props.lastModifiedBy = ret.made_by
    buffer = io.BytesIO()
    book.save(buffer)
    if isinstance(target, str | Path):
        Path(target).write_bytes(buffer.getvalue())
    else:
        target.write(buffer.getvalue())


def instructions(ret: Return, config: TrustConfig) -> str:
    parent = config.units.get(ret.parent_code or "")
    to = parent.name if parent else "the officer who sent it"
    return (
        "Type each figure in its yellow cell: a whole number, 0 or more (hours and pounds "
        "may have decimals, e.g. 12.5). An empty cell counts as 0. A measure's figures by "
        "age band, gender and so on must add up to its total: the Check column says "
        "whether they do. Then save the workbook as it is (an .xlsx file) and send it back "
        f"to {to}."
    )


def _figures(ws: Worksheet, ret: Return, config: TrustConfig) -> None:
    ws.title = FIGURES
    set_widths(ws, WIDTHS)
    put(ws, 1, 1, f"{ret.unit_name} ({ret.unit_code}): return for {ret.period.label}", font=TITLE)
    put(ws, 2, 1, f"{ret.trust_name}, to fill in by hand (revision {ret.revision})", font=HEADING)
    words = instructions(ret, config)
    put(ws, 3, 1, words, font=ITALIC, alignment=WRAP)
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=PRINTED)
    fit_height(ws, 3, [(words, sum(WIDTHS[:PRINTED]) * 0.95)])
    put_row(ws, HEADER_ROW, FIGURES_HEADER, font=BOLD, fill=HEADER_FILL)
    counts = _validation("whole", "a whole number, 0 or more")
    amounts = _validation("decimal", "a number, 0 or more (hours or pounds)")
    ws.add_data_validation(counts)
    ws.add_data_validation(amounts)
    row, section, total_row = HEADER_ROW, "", 0
    for line in lines(config, ret.unit_level):
        measure = line.measure
        if measure.section != section:
            section = measure.section
            row += 1
            for column in range(1, PRINTED + 1):
                put(ws, row, column, section if column == 1 else None, font=BOLD)
                ws.cell(row=row, column=column).fill = SECTION_FILL
        row += 1
        code, breakdown_code, category = line.key
        if line.breakdown is None:
            total_row = row
            put(ws, row, 1, measure_label(measure), font=BOLD, alignment=WRAP)
            put(ws, row, 2, "Total", font=BOLD, alignment=WRAP)
            put(ws, row, PRINTED, measure.definition, font=PLAIN, alignment=WRAP)
            fit_height(ws, row, [(measure.definition, WIDTHS[PRINTED - 1])])
        else:
            first = category == line.breakdown.categories(config)[0]
            if first:
                put(ws, row, 2, line.breakdown.label)
                count = len(line.breakdown.categories(config))
                formula = _check(measure, line.breakdown, total_row, row, row + count - 1)
                ws.cell(row=row, column=CHECK_COLUMN).value = formula
            put(ws, row, 3, line.category_label)
        cell = ws.cell(row=row, column=VALUE_COLUMN)
        given = configured(config, ret.unit_code).get(line.key)
        if given is not None:  # not the group's to give: the trust's figure, locked
            cell.value, cell.fill, cell.alignment = given, HEADER_FILL, WRAP
            put(ws, row, CHECK_COLUMN, "From the trust configuration", font=ITALIC)
        else:
            cell.fill, cell.protection, cell.alignment = INPUT_FILL, FREE, WRAP
            (counts if measure.unit == "count" else amounts).add(cell.coordinate)
        put_row(ws, row, (code, breakdown_code, category), start=CODE_COLUMN, font=PLAIN)
    checks = f"{get_column_letter(CHECK_COLUMN)}{HEADER_ROW + 1}:"
    checks += f"{get_column_letter(CHECK_COLUMN)}{row}"
    first_check = f"{get_column_letter(CHECK_COLUMN)}{HEADER_ROW + 1}"
    ws.conditional_formatting.add(
        checks,
        FormulaRule(
            formula=[f'LEFT({first_check},{len(CHECK_WORDS)})="{CHECK_WORDS}"'],
            fill=BAD_FILL,
            font=BAD_FONT,
        ),
    )
    codes = get_column_letter(CODE_COLUMN), get_column_letter(len(FIGURES_HEADER))
    ws.column_dimensions.group(*codes, hidden=True)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    printable(ws, ret, landscape=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(PRINTED)}{row}"
    ws.protection.sheet = True  # only the yellow cells can be changed; no password
    ws.protection.formatColumns = ws.protection.formatRows = False  # may be widened


def _validation(kind: str, what: str) -> DataValidation:
    return DataValidation(
        type=kind,
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not a figure",
        error=f"Type {what}, or leave the cell empty for 0.",
        showInputMessage=False,
    )


def _check(measure: Measure, breakdown: Breakdown, total: int, first: int, last: int) -> str:
    """The Check formula of a breakdown: whether its categories add up to the total (or, for
    one whose categories overlap, whether none is above it); hours and pounds compared as
    whole minutes and pence, as they are taken in."""
    d = get_column_letter(VALUE_COLUMN)
    cells, whole = f"{d}{first}:{d}{last}", f"N({d}{total})"
    if not breakdown.additive:
        return f'=IF(MAX({cells})<={whole},"{NOT_ABOVE}","{CHECK_WORDS}: one is above the total")'
    per = PER[measure.unit]
    same = f"SUM({cells})={whole}"
    if per != 1:
        same = f"SUMPRODUCT(ROUND({cells}*{per},0))=ROUND({whole}*{per},0)"
    return (
        f'=IF({same},"{ADDS_UP}","{CHECK_WORDS}: "&SUM({cells})&" against the total of "&{whole})'
    )


def _blank_sheet(ws: Worksheet, header: Sequence[str]) -> None:
    """A sheet the reader looks for, with its header only: hidden and protected."""
    put_row(ws, 1, header, font=BOLD)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _manifest(ws: Worksheet, ret: Return) -> None:
    """What identifies the return, as an exported one's Manifest, but with no fingerprints
    (its figures are not known yet) and ``made_how`` saying it is filled in by hand."""
    unknown = {"fingerprint", "figure_count", "texts_fingerprint"}
    items = [(k, "" if k in unknown else v) for k, v in manifest_items(ret)]
    items.append(("made_how", made_how.FILLED_IN))
    for row, item in enumerate(items, start=1):
        put_row(ws, row, item)
    set_widths(ws, [18, 66])
    ws.sheet_state = "hidden"
    ws.protection.sheet = True

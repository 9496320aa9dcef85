"""One rounding for every output: the PDF and the workbook of a return show each figure as
the same text.

A workbook cell holds a number and a number format, and Excel and LibreOffice show it
rounding halves away from zero; the PDF's text is made by TrustDesk. An independent recount
found them apart (17/136 read 12% in the PDF and 13% in the workbook; 1,515 minutes 25.2
and 25.3 hours), so here every figure of every quarter of the large demo is read from both
files, the workbook's as a spreadsheet shows it (worked out below from the cell's value and
number format alone), and compared.
"""

from __future__ import annotations

import io
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pypdf
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import select

from tests.conftest import DEMO_DAY
from tests.returns.conftest import made_up_return
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.returns import numbers
from trustdesk.returns.export import export_return
from trustdesk.returns.model import PartnerLine
from trustdesk.returns.numbers import Unit
from trustdesk.returns.pdf import write_pdf
from trustdesk.returns.workbook import NUMBER_FORMATS, write_workbook
from trustdesk.store import models as m
from trustdesk.store.migrate import open_workspace

# -- the module, at the halves ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "value", "shown"),
    [
        ("rate", Fraction(17, 136), "13%"),  # 12.5%: the recount's case
        ("rate", 17 / 136, "13%"),  # the same as the float a workbook cell holds
        ("rate", 0.125, "13%"),
        ("rate", 0.145, "15%"),  # a hair under 0.145 in binary, as a spreadsheet reads it
        ("rate", 29 / 200, "15%"),
        ("rate", 0.005, "1%"),
        ("rate", 0.004999, "0%"),
        ("rate", Fraction(1, 3), "33%"),
        ("rate", Fraction(2, 3), "67%"),
        ("rate", 0.0, "0%"),
        ("rate", 1, "100%"),
        ("rate", Fraction(5, 2), "250%"),
        ("minutes", 1515, "25.3"),  # 25.25 hours
        ("minutes", 555, "9.3"),  # 9.25
        ("minutes", 9, "0.2"),  # 0.15, which is under 0.15 in binary
        ("minutes", 3, "0.1"),  # 0.05
        ("minutes", 1512, "25.2"),
        ("minutes", 1_234_563, "20,576.1"),  # 20,576.05
        ("minutes", 0, "0.0"),
        ("pence", 1234567, "\u00a312,345.67"),
        ("pence", 5, "\u00a30.05"),
        ("pence", 0, "\u00a30.00"),
        ("count", 1234, "1,234"),
        ("count", 2.5, "3"),
        ("count", 3.5, "4"),
        ("count", 0.5, "1"),
        ("count", 0, "0"),
    ],
)
def test_a_figure_reads_rounded_half_up(unit: Unit, value, shown: str) -> None:
    assert numbers.figure(unit, value) == shown


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (2.5, 0, "3"),
        (0.5, 0, "1"),
        (1.5, 0, "2"),
        (-2.5, 0, "-3"),  # away from zero
        (0.125, 2, "0.13"),
        (0.005, 2, "0.01"),
        (1.005, 2, "1.01"),  # 1.00499999999999989... in binary
        (25.25, 1, "25.3"),
        (Fraction(1515, 60), 1, "25.3"),
        (Decimal("0.045"), 2, "0.05"),
        (0.1 + 0.2, 1, "0.3"),
    ],
)
def test_rounding_is_half_up_from_the_exact_value(value, places: int, shown: str) -> None:
    assert str(numbers.rounded(value, places)) == shown


def test_the_shortcuts_are_the_units() -> None:
    assert numbers.percent(0.125) == "13%"
    assert numbers.hours(1515) == "25.3"
    assert numbers.money(1050) == "\u00a310.50"
    assert numbers.count(1_000_000) == "1,000,000"


def test_the_workbook_formats_are_the_shapes() -> None:
    assert NUMBER_FORMATS == {
        "count": "#,##0",
        "minutes": "#,##0.0",
        "pence": "\u00a3#,##0.00",
        "rate": "0%",
    }
    for unit, value in [("count", 1234), ("minutes", 1515), ("pence", 98765), ("rate", 0.125)]:
        stored = numbers.sheet_value(unit, value)
        assert spreadsheet_shows(stored, NUMBER_FORMATS[unit]) == numbers.figure(unit, value)


# -- as a spreadsheet shows a cell ------------------------------------------------------------

FORMAT = re.compile(r"(?P<prefix>\u00a3?)(?P<digits>#,##0|0)(?:\.(?P<places>0+))?(?P<percent>%?)")


def spreadsheet_shows(value: object, number_format: str) -> str:
    """A cell as Excel or LibreOffice shows it: a text as it is; a number to 15 significant
    digits (all a spreadsheet keeps), times 100 for a percentage, rounded half away from
    zero to the format's decimals, with thousands separators where the format has them."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    assert isinstance(value, int | float), value
    shape = FORMAT.fullmatch(number_format)
    assert shape, f"a number format this check does not know: {number_format!r}"
    number = Decimal(f"{value:.15g}")
    if shape["percent"]:
        number *= 100
    places = len(shape["places"] or "")
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    grouped = "," if "," in shape["digits"] else ""
    return f"{shape['prefix']}{number:{grouped}.{places}f}{shape['percent']}"


def test_spreadsheet_shows_as_excel_does() -> None:
    assert spreadsheet_shows(17 / 136, "0%") == "13%"
    assert spreadsheet_shows(1515 / 60, "#,##0.0") == "25.3"
    assert spreadsheet_shows(0.145, "0%") == "15%"
    assert spreadsheet_shows(1234.5, "\u00a3#,##0.00") == "\u00a31,234.50"
    assert spreadsheet_shows(1234567, "#,##0") == "1,234,567"
    assert spreadsheet_shows("\u2013", "General") == "\u2013"


# -- the workbook's figures, as a person sees them ----------------------------------------------

Rows = list[tuple[str, list[str]]]  # (row label, its figures as shown)


def summary_tables(ws: Worksheet) -> list[tuple[str, Rows]]:
    """The Summary sheet's tables: a title in bold 12 pt over a shaded heading row, then a row
    per label until a row with no figures (a note or the blank row after the table)."""
    tables: list[tuple[str, Rows]] = []
    grid = list(ws.iter_rows())
    for r, row in enumerate(grid[:-1]):
        title = row[0]
        heading = grid[r + 1][0]
        if not (title.font.sz == 12 and title.font.b and heading.fill.fgColor.rgb == "00DDDDDD"):
            continue
        width = sum(1 for c in grid[r + 1][1:] if c.value is not None)
        rows: Rows = []
        for line in grid[r + 2 :]:
            cells = line[1 : width + 1]
            if all(c.value is None for c in cells):
                break
            rows.append(
                (str(line[0].value), [spreadsheet_shows(c.value, c.number_format) for c in cells])
            )
        tables.append((str(title.value), rows))
    return tables


def partner_rows(ws: Worksheet) -> Rows:
    """The Partners sheet: "name type" and the six figures (staff hours to present)."""
    return [
        (
            f"{row[0].value} {row[1].value}",
            [spreadsheet_shows(c.value, c.number_format) for c in row[2:8]],
        )
        for row in ws.iter_rows(min_row=2)
        if row[0].value is not None
    ]


# -- the PDF's figures, as printed ------------------------------------------------------------

# A figure, a dash for nothing, a benchmark's or a target's verdict (read in words, not
# colour), the period a target is measured on ("Q2 2026-27", "2026-27 to Sep"), how a
# figure changed ("\u25b2 up 12%", "= no change"), or how often a target was met ("3 of 8
# quarters").
FIGURE = re.compile(
    r"\u00a3?[\d,]+(\.\d+)?%?|\u2013|Met|Not met( yet)?|(Q[1-4] )?\d{4}-\d{2}( to [A-Z][a-z]{2})?"
    r"|[\u25b2\u25bc=] (up|down|no) [\w ]*%?|\d+ of \d+ (quarter|year)s?"
)


def pdf_lines(data: bytes) -> list[str]:
    """The PDF's text, a line each (pypdf gives each table cell and chart label its own)."""
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return [line.strip() for page in pages for line in page.extract_text().splitlines()]


def _words(text: str) -> str:
    return " ".join(text.split())


def pdf_row(lines: list[str], start: int, label: str, n: int) -> tuple[int, list[str]]:
    """The first row from ``start`` labelled ``label`` (over one to four lines, as it may wrap)
    and followed by ``n`` figures; the line after it, and the figures."""
    want = _words(label)
    for i in range(start, len(lines)):
        for k in range(1, 5):
            after = i + k
            cells = lines[after : after + n]
            if (
                _words(" ".join(lines[i:after])) == want
                and len(cells) == n
                and all(FIGURE.fullmatch(c) for c in cells)
            ):
                return after + n, cells
    raise AssertionError(f"no row {label!r} with {n} figures in the PDF after line {start}")


def differences(what: str, pdf: list[str], book: list[str]) -> list[str]:
    """One line per figure the two read differently."""
    assert len(pdf) == len(book), (what, pdf, book)
    return [
        f"{what}, figure {i}: PDF {a!r}, workbook {b!r}"
        for i, (a, b) in enumerate(zip(pdf, book, strict=True), start=1)
        if a != b
    ]


def compare(pdf_data: bytes, book_data: bytes) -> tuple[int, list[str]]:
    """How many figures were compared, and every one the two files show differently."""
    lines = pdf_lines(pdf_data)
    book = openpyxl.load_workbook(io.BytesIO(book_data))
    compared, found = 0, []
    tables = summary_tables(book["Summary"])
    assert len(tables) >= 10, [t for t, _ in tables]
    shown: dict[str, Rows] = {}
    # The Trends sheet's tables are in the PDF after the first page's, before the rest.
    trends = summary_tables(book["Trends"]) if "Trends" in book.sheetnames else []
    for sheet in (tables, trends):
        at = 0
        for title, rows in sheet:
            at = lines.index(title, at) + 1
            for label, figures in rows:
                at, printed = pdf_row(lines, at, label, len(figures))
                found += differences(f"{title} / {label}", printed, figures)
                compared += len(figures)
            shown[title] = rows
    # The partner list, after the figures in detail, sorted by type (the sheet is not).
    partners = partner_rows(book["Partners"])
    at = lines.index("Partners engaged", at) + 1 if partners else at
    for label, figures in partners:
        _, printed = pdf_row(lines, at, label, len(figures))
        found += differences(f"Partners engaged / {label}", printed, figures)
        compared += len(figures)
    # The charts' bar labels are figures of the tables, compared as sets of texts: a chart
    # lists its bars in an order of its own.
    reach = shown["Reach by ECM outcome"][:-1]  # the outcomes, without "All"
    bars = [f[i] for _, f in reach for i in (2, 3)]  # contacts and participants
    first = lines.index("Young people reached by ECM outcome") + 1
    charts = first  # after the first page's tables, where a target can carry a chart's title
    found += differences("reach chart", sorted(lines[first : first + len(bars)]), sorted(bars))
    by_type = shown["Partners by type"][:-1]
    bars = [f[-1] for _, f in by_type if f[5] != "0" and f[-1] != "\u2013"]  # types with places
    first = lines.index("Partner attendance at locality group meetings", charts) + 1
    if bars:
        printed = lines[first : first + len(bars)]
        found += differences("attendance chart", sorted(printed), sorted(bars))
    compared += 2 * len(reach) + len(bars)
    return compared, found


def test_the_recounts_halves_read_alike(trust: TrustConfig) -> None:
    """The cases the recount found: 17 of 136 (12.5%) and 1,515 minutes (25.25 hours)."""
    ret = made_up_return(trust)
    ret.figures |= {
        ("meeting_places", "", ""): 136,
        ("meeting_present", "", ""): 17,
        ("meeting_places", "partner_type", "police"): 136,
        ("meeting_present", "partner_type", "police"): 17,
        ("participants", "", ""): 136,
        ("participants_recorded_outcome", "", ""): 17,
        ("contact_minutes", "", ""): 1515,
        ("contribution_staff_minutes", "partner_type", "police"): 555,  # 9.25 hours
    }
    ret.partners = [PartnerLine("Burntwood police", "police", 1515, 5, 0, 17, 136, 1, "LIC-BUR")]
    pdf, book = io.BytesIO(), io.BytesIO()
    write_pdf(ret, trust, pdf)
    write_workbook(ret, trust, book)
    compared, found = compare(pdf.getvalue(), book.getvalue())
    assert found == []
    lines = pdf_lines(pdf.getvalue())
    assert pdf_row(lines, 0, "Partner attendance at meetings", 1)[1] == ["13%"]
    assert pdf_row(lines, 0, "Contact hours", 1)[1] == ["25.3"]
    assert pdf_row(lines, 0, "Participants with a recorded outcome", 3)[1][1] == "13%"
    assert pdf_row(lines, 0, "Police", 8)[1][1::6] == ["9.3", "13%"]  # partners by type
    assert pdf_row(lines, 0, "Burntwood police Police", 6)[1][:2] == ["25.3", "\u00a30.05"]
    assert compared > 300


# -- every quarter of the large demo ------------------------------------------------------------


def quarters(first: Period, last: Period) -> list[Period]:
    out = [first]
    while out[-1] != last:
        out.append(out[-1].next())
    return out


@pytest.mark.slow
@pytest.mark.today(DEMO_DAY)
def test_the_pdf_and_the_workbook_show_every_figure_alike(demo_of, tmp_path: Path) -> None:
    """Every quarter of ten years: each figure of the tables, the partner list and the charts
    of the PDF reads as its workbook cell shows it in a spreadsheet."""
    compared, found, periods = 0, [], []
    with open_workspace(demo_of("large")) as workspace, workspace.session() as session:
        first_day = min(s.date for s in session.exec(select(m.ActivitySession)).all())
        for period in quarters(Period.containing(first_day), Period.containing(DEMO_DAY)):
            out = tmp_path / period.code
            out.mkdir()
            result = export_return(session, period, out)  # never committed: the demo is shared
            session.rollback()
            files = {path.suffix: path.read_bytes() for path in result.paths}
            n, different = compare(files[".pdf"], files[".xlsx"])
            compared += n
            found += [f"{period.code} {d}" for d in different]
            periods.append(period.code)
    print(f"\n{compared:,} figures compared in {len(periods)} quarters, {len(found)} differ")
    assert len(periods) >= 40 and compared > 40 * 300
    assert found == [], f"{len(found)} figures read differently:\n" + "\n".join(found[:40])

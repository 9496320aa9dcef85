"""Sign-in sheets: a session's register on paper, for a hall or a tour bus with no laptop out.

One sheet a session (a whole term's at once, one after another): the activity, the day and
the time, then the regulars, those who came most in the last weeks first (the register's
own order, so the sheet can be ticked into it in the same order), each with a box to tick,
and blank lines for anyone new. A young person is named by name and age only: no date of
birth, no reference, no contact details. The sheet says, on every page, that it holds names
and is shredded once the register is entered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from reportlab.platypus import Table as PdfTable

from trustdesk.config.trust import Unit
from trustdesk.reports.pdf_parts import write_pdf
from trustdesk.returns.pdf_fonts import BOLD, FONT
from trustdesk.returns.pdf_page import FRAME_WIDTH
from trustdesk.returns.pdf_tables import ACCENT, HEADER_FILL, INK, RULE, STYLES, para

FOOTER = "Names of young people: keep this sheet safe, and shred it once the register is entered"
ROW_HEIGHT = 19  # points: room to write a name by hand
BLANK_LINES = 8  # at least, for those who come for the first time
PER_PAGE = 30  # rows that fit the first page under the heading
BOX = "\u2610"  # ☐, a box to tick
NAME = ParagraphStyle("sheet_name", fontName=FONT, fontSize=10, leading=12, textColor=INK)


@dataclass(frozen=True)
class SheetSession:
    """One session's sheet: what and when, its regulars as (name, age), in order, and the
    code of its lines that the Registers page shows too (trustdesk.ops.paper.sheet_code)."""

    activity: str
    venue: str
    date: dt.date
    start: dt.time
    end: dt.time
    regulars: list[tuple[str, str]]
    code: str = ""

    @property
    def when(self) -> str:
        """ "Tuesday 7 July 2026, 18:00–20:00"."""
        return (
            f"{self.date:%A} {self.date.day} {self.date:%B %Y}, "
            f"{self.start:%H:%M}\u2013{self.end:%H:%M}"
        )


def write_sign_in_sheets(
    sheets: list[SheetSession], target: Path, *, trust_name: str, unit: Unit
) -> Path:
    """Write one sheet a session, in the order given, to ``target``; returns the path."""
    story: list[Flowable] = []
    for number, sheet in enumerate(sheets):
        if number:
            story.append(PageBreak())
        story += _sheet(sheet)
    first = sheets[0]
    title = f"Sign-in sheet: {first.activity}, {first.date:%d %b %Y}"
    if len(sheets) > 1:
        title = f"Sign-in sheets: {len(sheets)} sessions, {first.date:%d %b %Y} onwards"
    return write_pdf(
        story,
        target,
        title=title,
        subject="Sign-in sheet",
        trust_name=trust_name,
        unit=unit,
        running="Sign-in sheet",
        footer=FOOTER,
    )


def _sheet(sheet: SheetSession) -> list[Flowable]:
    rows = len(sheet.regulars) + BLANK_LINES
    rows += -rows % PER_PAGE  # fill the last page with blank lines
    lines = [(name, age) for name, age in sheet.regulars]
    lines += [("", "")] * (rows - len(lines))
    where = f" \u00b7 {sheet.venue}" if sheet.venue else ""
    return [
        para(f"Sign-in sheet: {sheet.activity}", "title"),
        Spacer(1, 2),
        para(sheet.when + where, "subtitle"),
        Spacer(1, 6),
        para(
            "Tick the box as each young person arrives. Write anyone new on a blank line: "
            "first name and surname, and age. Nothing else about them goes on this sheet."
            + (f" Sheet code {sheet.code}." if sheet.code else "")
        ),
        Spacer(1, 6),
        _register(lines),
        Spacer(1, 8),
        Paragraph(
            "Sessions run by: ______________________________ "
            "Headcount of those who did not sign in: ________",
            STYLES["meta"],
        ),
    ]


def _register(lines: list[tuple[str, str]]) -> PdfTable:
    widths = [26, FRAME_WIDTH - 26 - 40 - 34 - 150, 40, 34, 150]
    data: list[list[object]] = [[para(h, "head") for h in ("No.", "Name", "Age", "Here", "Notes")]]
    data += [
        [str(number), Paragraph(name, NAME) if name else "", age, BOX, ""]
        for number, (name, age) in enumerate(lines, start=1)
    ]
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("FONT", (3, 1), (3, -1), BOLD, 15),
        ("ALIGN", (3, 0), (3, -1), "CENTER"),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    heights = [None] + [ROW_HEIGHT] * len(lines)
    return PdfTable(
        data, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT", style=style
    )

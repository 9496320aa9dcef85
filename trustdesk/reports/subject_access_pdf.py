"""The subject access report: everything TrustDesk holds about one young person, as a PDF
a coordinator can check and hand over.

It looks like a return's PDF (the same page furniture, styles and safe text from
``trustdesk.returns``): a heading, when it was made and by which unit, then plain tables of
the record, the sessions attended, the outcomes gained and the notes that mention them.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
)
from reportlab.platypus import Table as PdfTable

from trustdesk import APP_NAME, __version__
from trustdesk.config.trust import Unit
from trustdesk.files import write_atomically
from trustdesk.returns.pdf_fonts import FONT
from trustdesk.returns.pdf_page import FRAME_WIDTH, a4_document, canvas_class, when
from trustdesk.returns.pdf_tables import (
    ACCENT,
    HEADER_FILL,
    INK,
    STRIPE,
    STYLES,
    para,
)
from trustdesk.services.subject_access import HeldAboutPerson

RUN_ON_HEADING = ParagraphStyle("h1_run_on", parent=STYLES["h1"], keepWithNext=False)
ROOM_FOR_HEADING = 90  # points: the heading, the table's header and four rows
CONFIDENTIAL = "Confidential: personal data about one young person"


def write_subject_access_pdf(
    held: HeldAboutPerson,
    target: Path,
    *,
    trust_name: str,
    unit: Unit,
    made_at: dt.datetime,
) -> Path:
    """Write the report to ``target`` (replaced only once it is complete); returns the path."""
    who = held.name or f"young person number {held.young_person_id}"
    unit_text = f"{unit.name} ({unit.code})"
    buffer = io.BytesIO()
    doc = a4_document(
        buffer,
        title=f"What TrustDesk holds about {who}",
        author=f"{unit_text}, {trust_name}",
        subject="Subject access report",
        creator=f"{APP_NAME} {__version__}",
    )
    doc.build(
        _story(held, who, unit, made_at),
        canvasmaker=canvas_class(trust_name, unit_text, "Subject access", CONFIDENTIAL),
    )
    return write_atomically(Path(target), lambda out: out.write(buffer.getvalue()))


def _day(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _story(held: HeldAboutPerson, who: str, unit: Unit, made_at: dt.datetime) -> list[Flowable]:
    facts = [
        ("Young person", f"{who} (TrustDesk number {held.young_person_id})"),
        ("Held by", f"{unit.name} ({unit.code}), {unit.level}"),
        ("Made on", when(made_at)),
        ("Made with", f"{APP_NAME} {__version__}"),
        ("Last seen", _day(held.last_seen) or "not recorded"),
    ]
    story: list[Flowable] = [
        para(f"What TrustDesk holds about {who}", "title"),
        Spacer(1, 2),
        para("Subject access report", "subtitle"),
        Spacer(1, 8),
        _table(["", ""], facts, [90, FRAME_WIDTH - 90], heading=False),
        Spacer(1, 6),
        para(
            "Everything this TrustDesk workspace holds about the young person: their record, "
            "the sessions they came to, the outcomes they gained and the notes that name them. "
            "Attendance counted only as numbers (headcounts) holds nothing about one person, "
            "and the quarterly returns sent on hold only totals, never a name."
        ),
    ]
    if held.erased_at is not None:
        story.append(
            para(
                f"The identifying details were removed on {_day(held.erased_at.date())}; "
                "what is left is counted in returns without saying who it was."
            )
        )
    story += _section(
        "Their record",
        ["Detail", "What is held"],
        held.details,
        [170, FRAME_WIDTH - 170],
        "",
    )
    story += _section(
        f"Sessions attended ({len(held.attended)})",
        ["Date", "Time", "Activity", "Venue"],
        [
            (_day(s.date), f"{s.start:%H:%M}\u2013{s.end:%H:%M}", s.activity, s.venue)
            for s in held.attended
        ],
        [60, 70, 210, FRAME_WIDTH - 340],
        "No sessions attended are recorded.",
    )
    story += _section(
        f"Outcomes gained ({len(held.outcomes)})",
        ["Date", "Kind", "Title", "Award", "ECM outcome", "Activity"],
        [
            (_day(o.date), o.kind, o.title, o.accreditation, o.ecm_outcome, o.activity)
            for o in held.outcomes
        ],
        [55, 55, 120, 85, 85, FRAME_WIDTH - 400],
        "No outcomes are recorded.",
    )
    story += _section(
        f"Notes that name them ({len(held.mentions)})",
        ["Where", "Date", "Field", "Text"],
        [(m.where, _day(m.date), m.field, m.text) for m in held.mentions],
        [80, 55, 65, FRAME_WIDTH - 200],
        "No note names them (by full name, short name or local reference).",
        note="A note may also be about other people: check these before handing the report over.",
    )
    return story


def _section(
    heading: str,
    headings: list[str],
    rows: Sequence[Sequence[str]],
    widths: list[float],
    empty: str,
    *,
    note: str = "",
) -> list[Flowable]:
    if not rows:
        return [KeepTogether([Paragraph(heading, STYLES["h1"]), para(empty)])]
    # A new page unless the heading and a few rows fit; then a long table runs on from there
    # (kept together with its heading it would always start on a page of its own).
    return [
        CondPageBreak(ROOM_FOR_HEADING),
        Paragraph(heading, RUN_ON_HEADING),
        _table(headings, rows, widths),
        *([para(note, "note")] if note else []),
    ]


def _table(
    headings: list[str],
    rows: Sequence[Sequence[str]],
    widths: list[float],
    *,
    heading: bool = True,
) -> PdfTable:
    """A plain table of text: a header row repeated on each page, light stripes, text that
    wraps inside its column."""
    data: list[list[object]] = [[para(h, "head") for h in headings]] if heading else []
    label = "cell" if heading else "cell_bold"  # without headings, the first column names
    data += [
        [para(str(value), label if c == 0 else "cell") for c, value in enumerate(row)]
        for row in rows
    ]
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),  # a table sets a font, else Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 if heading else 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if heading:
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
        ]
        style += [("BACKGROUND", (0, r), (-1, r), STRIPE) for r in range(2, len(data), 2)]
    return PdfTable(
        data, colWidths=widths, repeatRows=1 if heading else 0, hAlign="LEFT", style=style
    )

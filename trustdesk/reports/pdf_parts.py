"""The parts the PDFs TrustDesk prints are made of, beside a return's own: a section of plain
text in a table under a heading, in the return's house style (its fonts, colours and page
furniture, :mod:`trustdesk.returns.pdf_page` and :mod:`trustdesk.returns.pdf_tables`)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph
from reportlab.platypus import Table as PdfTable

from trustdesk import APP_NAME, __version__
from trustdesk.config.trust import Unit
from trustdesk.files import write_atomically
from trustdesk.returns.pdf_fonts import FONT
from trustdesk.returns.pdf_page import a4_document, canvas_class
from trustdesk.returns.pdf_tables import ACCENT, HEADER_FILL, INK, STRIPE, STYLES, para

RUN_ON_HEADING = ParagraphStyle("h1_run_on", parent=STYLES["h1"], keepWithNext=False)
ROOM_FOR_HEADING = 90  # points: the heading, the table's header and four rows


def write_pdf(
    story: list[Flowable],
    target: Path,
    *,
    title: str,
    subject: str,
    trust_name: str,
    unit: Unit,
    running: str,
    footer: str,
) -> Path:
    """Lay ``story`` out on A4 pages with the return's running header (the trust, the unit
    and ``running``) and ``footer`` on each, and write it to ``target`` (replaced only once
    it is complete); returns the path."""
    unit_text = f"{unit.name} ({unit.code})"
    buffer = io.BytesIO()
    doc = a4_document(
        buffer,
        title=title,
        author=f"{unit_text}, {trust_name}",
        subject=subject,
        creator=f"{APP_NAME} {__version__}",
    )
    doc.build(story, canvasmaker=canvas_class(trust_name, unit_text, running, footer))
    return write_atomically(Path(target), lambda out: out.write(buffer.getvalue()))


def section(
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
        text_table(headings, rows, widths),
        *([para(note, "note")] if note else []),
    ]


def text_table(
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

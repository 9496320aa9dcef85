"""Paragraph styles, safe text and the figure tables of the PDF of a return.

Everything a person typed (case studies, what young people said, names from the trust
configuration) goes through ``text()``: reportlab reads paragraphs as a small markup language,
so a ``<`` or ``&`` in user text would otherwise break the build or become markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from trustdesk.returns import numbers
from trustdesk.returns.benchmarks import COLOURS
from trustdesk.returns.pdf_fonts import BOLD, FONT, ITALIC
from trustdesk.returns.suppression import HIDDEN, HIDDEN_RATE, HIDDEN_RATE_NOTE, shown_words
from trustdesk.returns.tables import Table

INK = colors.HexColor("#222222")
ACCENT = colors.HexColor("#1B4F8A")
RULE = colors.HexColor("#9AA5B1")
HEADER_FILL = colors.HexColor("#E4EAF1")
STRIPE = colors.HexColor("#F5F7F9")
NOTHING = "\u2013"  # a rate with nothing to divide by
PADDING = 4  # left and right of the text in a table cell
# The most of a text a table cell shows: far more than any label or name, and few enough
# that its row fits on a page however narrow the column.
CELL_LINES, CELL_CHARS = 8, 400

STYLES = {
    "title": ParagraphStyle("title", fontName=BOLD, fontSize=20, leading=24, textColor=ACCENT),
    "subtitle": ParagraphStyle("subtitle", fontName=FONT, fontSize=13, leading=17, textColor=INK),
    "h1": ParagraphStyle(
        "h1",
        fontName=BOLD,
        fontSize=14,
        leading=18,
        textColor=ACCENT,
        spaceBefore=10,
        spaceAfter=6,
        keepWithNext=True,
    ),
    "h2": ParagraphStyle(
        "h2",
        fontName=BOLD,
        fontSize=10.5,
        leading=13,
        textColor=INK,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=True,
    ),
    "body": ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK),
    "meta": ParagraphStyle("meta", fontName=FONT, fontSize=8.5, leading=11, textColor=INK),
    "note": ParagraphStyle(
        "note", fontName=ITALIC, fontSize=8, leading=10, textColor=INK, spaceBefore=3
    ),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10, textColor=INK),
    "cell_bold": ParagraphStyle("cell_bold", fontName=BOLD, fontSize=8, leading=10, textColor=INK),
    "head": ParagraphStyle("head", fontName=BOLD, fontSize=8, leading=10, textColor=INK),
    "head_right": ParagraphStyle(
        "head_right", fontName=BOLD, fontSize=8, leading=10, textColor=INK, alignment=TA_RIGHT
    ),
}


def text(value: str) -> str:
    """User text as paragraph markup that shows it literally: escaped, control characters
    dropped, line breaks kept."""
    return escape(_printable(value)).replace("\n", "<br/>")


def _printable(value: str) -> str:
    """The text without control characters, line breaks and tabs kept."""
    return "".join(
        ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs")
    )


def para(value: str, style: str = "body") -> Paragraph:
    """A paragraph of plain (user or program) text."""
    return Paragraph(text(value), STYLES[style])


def lines(value: str) -> list[str]:
    """A text's lines, each to be a paragraph of its own: a paragraph of thousands of lines
    costs the layout minutes to split across pages, a thousand one-line paragraphs do not."""
    return value.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def cell_sized(value: str) -> str:
    """A text cut to what a table cell holds: a row must fit on a page (a table cannot split
    one), so at most CELL_LINES lines and CELL_CHARS characters, ending with an ellipsis when
    cut (a name is one line, a label a few: only a text no form allows is ever cut)."""
    kept = lines(value)
    cut = len(kept) > CELL_LINES or len(value) > CELL_CHARS
    shown = "\n".join(kept[:CELL_LINES])[:CELL_CHARS]
    return shown.rstrip() + "\u2026" if cut else shown


def fitted(value: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell's text: a plain string when each of its lines fits the width, which the
    table draws where and as a paragraph in ``style`` would be (given the style's font and
    leading), else a paragraph that wraps it (breaking a word too long for the cell).
    Paragraphs cost a table most of its time."""
    value = cell_sized(value)
    lines = [" ".join(line.split()) for line in _printable(value).split("\n")]
    fits = all(stringWidth(line, style.fontName, style.fontSize) <= width for line in lines)
    if fits and any(lines):  # an empty paragraph takes no height, an empty string a line
        return "\n".join(lines)
    return Paragraph(text(value), style)


def cell_text(table: Table, r: int, c: int, hidden: set[tuple[int, int]]) -> str:
    """A figure as the board reads it: hours, pounds and pence, whole per cent, or hidden."""
    row = table.rows[r]
    unit = table.unit_of(row, c)
    if (r, c) in hidden:
        return HIDDEN_RATE if unit == "rate" else HIDDEN
    value = row.values[c]
    if value is None:
        return NOTHING
    return numbers.figure(unit, value)


def _widths(
    headings: list[str], texts: list[list[str]], width: float, label: float | None
) -> list[float]:
    """Column widths: each value column wide enough for its figures and for the longest word
    of its heading (headings wrap between words, never inside one); the labels get the rest."""
    # Measured once: the widest figure of each column, whichever way the headings go.
    figures = [
        max((stringWidth(row[c], BOLD, 8) for row in texts), default=0.0)
        for c in range(len(headings))
    ]

    def needs(whole_headings: bool) -> list[float]:
        out = []
        for heading_text, widest in zip(headings, figures, strict=True):
            whole = stringWidth(heading_text, BOLD, 8)
            words = [stringWidth(w, BOLD, 8) for w in heading_text.split()]
            heading = [whole] if whole_headings and whole <= 60 else words
            out.append(max([36.0, *heading, widest]) + 10)
        return out

    # Headings on one line where that leaves the row labels room, else wrapped.
    wanted = label or 150.0
    values = needs(True)
    if width - sum(values) < wanted:
        values = needs(False)
    n = len(values)
    even = max(values)
    if even <= 70 and n * even + wanted <= width:
        values = [even] * n  # the same width for every column where they fit
    label = label or min(240.0, width - sum(values))
    return [max(label, 90.0), *values]


def figure_table(
    table: Table,
    hidden: set[tuple[int, int]],
    width: float,
    *,
    title: bool = True,
    label_width: float | None = None,
    lead: Sequence[Flowable] = (),
) -> Flowable:
    """A table of figures with its title and note: the header row repeats on every page the
    table runs onto, the total row is bold, numbers are right-aligned. ``lead`` (a section
    heading) is kept on the page with the table."""
    n = len(table.columns)
    headings = [c.heading for c in table.columns]
    texts = [[cell_text(table, r, c, hidden) for c in range(n)] for r in range(len(table.rows))]
    if table.words:  # last columns of words: "Met", "Not met", "▲ up 12%"
        headings += [w.heading for w in table.words]
        for r, row_texts in enumerate(texts):
            row_texts += shown_words(table, r, hidden)
    widths = _widths(headings, texts, width, label_width)
    room = [w - 2 * PADDING for w in widths]
    head = [fitted(table.label_heading, STYLES["head"], room[0])]
    head += [
        fitted(heading, STYLES["head_right"], w)
        for heading, w in zip(headings, room[1:], strict=True)
    ]
    data: list[list[object]] = [head]
    for row, cells in zip(table.rows, texts, strict=True):
        label_style = STYLES["cell_bold"] if row.is_total else STYLES["cell"]
        data.append([fitted(row.label, label_style, room[0]), *cells])
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        # The header and the labels as their paragraph styles set them (see fitted()).
        ("FONT", (0, 0), (-1, 0), BOLD, 8, STYLES["head"].leading),
        ("LEADING", (0, 1), (0, -1), STYLES["cell"].leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    for r, row in enumerate(table.rows, start=1):
        if row.is_total:
            style += [
                ("FONTNAME", (0, r), (-1, r), BOLD),
                ("LINEABOVE", (0, r), (-1, r), 0.8, ACCENT),
            ]
        elif r % 2 == 0:
            style.append(("BACKGROUND", (0, r), (-1, r), STRIPE))
        for c in range(n + 1, n + 1 + len(table.words)):
            if texts[r - 1][c - 1] in COLOURS:
                ink, fill = COLOURS[texts[r - 1][c - 1]]
                style += [
                    ("TEXTCOLOR", (c, r), (c, r), colors.HexColor(ink)),
                    ("BACKGROUND", (c, r), (c, r), colors.HexColor(fill)),
                    ("FONTNAME", (c, r), (c, r), BOLD),
                ]
    grid = PdfTable(
        data,
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
        style=TableStyle(style),
    )
    notes = [table.note] if table.note else []
    if any(table.unit_of(table.rows[r], c) == "rate" for r, c in hidden):
        notes.append(HIDDEN_RATE_NOTE)
    below = [para(note, "note") for note in notes]
    parts: list[Flowable] = [Paragraph(text(table.title), STYLES["h2"])] if title else []
    # Keep the title with the table's first rows; a long table may still run on.
    return KeepTogether([*lead, *parts, grid, *below, Spacer(1, 6)])

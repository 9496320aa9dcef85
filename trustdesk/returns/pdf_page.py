"""The page furniture of the PDF of a return: margins, and the running header and footer.

Every page carries the trust, the unit and the period at the top and "Page N of M" at the
foot (plus the publication note on a publication copy). The canvas holds back every page until
the document is complete, so that it knows M.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import SimpleDocTemplate

from trustdesk.returns.pdf_fonts import BOLD, FONT
from trustdesk.returns.pdf_tables import ACCENT, INK, RULE

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP = 27 * mm  # the margin plus room for the running header
BOTTOM = 20 * mm


def a4_document(out: object, **metadata: object) -> SimpleDocTemplate:
    """An A4 document with TrustDesk's margins, leaving room for the running header and
    footer drawn by :func:`canvas_class`; ``metadata`` is the PDF's title, author and so on."""
    return SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        initialFontName=FONT,  # every page opens in a font: else Helvetica, not embedded
        **metadata,
    )


def when(made_at: dt.datetime | None) -> str:
    """A moment as a report says it: "23 November 2026, 14:18 UTC"."""
    if made_at is None:
        return "not recorded"
    zone = f" {made_at.tzname()}" if made_at.tzinfo else ""
    return f"{made_at.day} {made_at:%B %Y, %H:%M}{zone}"


FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN


def _fit(value: str, font: str, size: float, width: float) -> str:
    """Cut a header text with an ellipsis so that it fits its width."""
    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "\u2026", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "\u2026"


def canvas_class(trust: str, unit: str, period: str, footer: str) -> type[pdfcanvas.Canvas]:
    class PagedCanvas(pdfcanvas.Canvas):  # type: ignore[misc]  # reportlab is untyped: Canvas is Any
        """Holds back every page until the end, to write "Page N of M" on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, len(self._pages))
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            left, right = MARGIN, PAGE_WIDTH - MARGIN
            self.saveState()
            self.setFillColor(INK)
            period_width = stringWidth(period, FONT, 9)
            top = PAGE_HEIGHT - 12 * mm
            self.setFont(FONT, 8)
            self.drawString(left, top, _fit(trust, FONT, 8, FRAME_WIDTH))
            self.setFont(BOLD, 9)
            self.drawString(left, top - 11, _fit(unit, BOLD, 9, FRAME_WIDTH - period_width - 12))
            self.setFont(FONT, 9)
            self.drawRightString(right, top - 11, period)
            self.setStrokeColor(ACCENT)
            self.setLineWidth(0.8)
            self.line(left, top - 16, right, top - 16)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            bottom = 11 * mm
            self.line(left, bottom + 10, right, bottom + 10)
            self.setFont(FONT, 8)
            page = f"Page {number} of {total}"
            self.drawRightString(right, bottom, page)
            if footer:
                self.setFont(BOLD, 8)
                room = FRAME_WIDTH - stringWidth(page, FONT, 8) - 12
                self.drawString(left, bottom, _fit(footer, BOLD, 8, room))
            self.restoreState()

    return PagedCanvas

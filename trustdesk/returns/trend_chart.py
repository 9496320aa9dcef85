"""The trend chart of a return's PDF: a small bar chart for each key figure, a bar a quarter.

Small multiples, four to a row, each on its own scale (sessions run to hundreds, accredited
outcomes to tens): the shape of each figure over time, not a comparison between them. The
return's own quarter is the last bar, light amber among dark blue ones, so that it stands out
printed in black and white too. The figures are in the table beside the chart; the chart
carries each figure's latest value and highest tick only. A hidden count (a publication copy)
is drawn at zero, as in the other charts.
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String

from trustdesk.returns import numbers
from trustdesk.returns.charts import DARK, GRID, LIGHT, TEXT, nice_step
from trustdesk.returns.pdf_fonts import BOLD, FONT
from trustdesk.returns.suppression import HIDDEN, HIDDEN_RATE
from trustdesk.returns.tables import Table

PER_ROW = 4
CELL_HEIGHT = 92
SMALL = 6.5
# Titles short enough for a small chart, where the table's label is long.
SHORT_TITLES = {"contacts": "Contacts", None: "Partner attendance"}


def trend_chart(table: Table, hidden: set[tuple[int, int]], *, width: float) -> Drawing:
    """One small chart per row of a trend table (its rows of figures; a row counting
    returns added up is left out), the table's columns as bars, oldest first."""
    rows = [(r, row) for r, row in enumerate(table.rows) if row.measure or row.unit == "rate"]
    lines = math.ceil(len(rows) / PER_ROW)
    cell = width / PER_ROW
    drawing = Drawing(width, lines * CELL_HEIGHT, initialFontName=FONT)
    quarters = [c.heading.split()[0] for c in table.columns]  # "Q3" of "Q3 2025-26"
    for i, (r, row) in enumerate(rows):
        x = (i % PER_ROW) * cell
        y = (lines - 1 - i // PER_ROW) * CELL_HEIGHT
        values = [
            None if (r, c) in hidden or v is None else float(v) for c, v in enumerate(row.values)
        ]
        unit = table.unit_of(row, 0)
        last = row.values[-1]
        latest = (
            (HIDDEN_RATE if unit == "rate" else HIDDEN)
            if (r, len(values) - 1) in hidden
            else "\u2013"
            if last is None
            else numbers.figure(unit, last)
        )
        title = SHORT_TITLES.get(row.measure, row.label)
        _small_chart(drawing, x, y, cell, title, values, quarters, unit, latest)
    return drawing


def _small_chart(
    drawing: Drawing,
    x: float,
    y: float,
    width: float,
    title: str,
    values: list[float | None],
    names: list[str],
    unit: numbers.Unit,
    latest: str,
) -> None:
    drawing.add(String(x + 2, y + CELL_HEIGHT - 10, title, fontName=BOLD, fontSize=7.5))
    drawing.add(
        String(
            x + width - 8,
            y + CELL_HEIGHT - 10,
            latest,
            fontName=BOLD,
            fontSize=7.5,
            fillColor=TEXT,
            textAnchor="end",
        )
    )
    highest = max([v for v in values if v is not None] or [0])
    top = 1.0  # a rate's axis runs to 100%
    if unit != "rate":  # a round number at or above the highest bar, as it reads
        per = 60 if unit == "minutes" else 100 if unit == "pence" else 1
        step = max(1, round(nice_step(max(highest / per, 4))))
        top = step * max(1, math.ceil(highest / per / step)) * per
    chart = VerticalBarChart()
    chart.x, chart.y = x + 24, y + 14
    chart.width, chart.height = width - 34, CELL_HEIGHT - 32
    chart.data = [[v or 0 for v in values]]
    chart.strokeColor = None
    chart.bars[0].fillColor = DARK
    chart.bars[0].strokeColor = TEXT
    chart.bars[0].strokeWidth = 0.3
    chart.bars[(0, len(values) - 1)].fillColor = LIGHT
    chart.barSpacing = 1
    chart.groupSpacing = 3
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = SMALL
    chart.categoryAxis.labels.fillColor = TEXT
    chart.categoryAxis.labels.dy = -1
    chart.categoryAxis.strokeColor = TEXT
    chart.categoryAxis.strokeWidth = 0.4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = top  # 0 and the top only: the table has the figures
    chart.valueAxis.labelTextFormat = lambda v: numbers.figure(unit, v)
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = SMALL
    chart.valueAxis.labels.fillColor = TEXT
    chart.valueAxis.strokeColor = TEXT
    chart.valueAxis.strokeWidth = 0.4
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3
    drawing.add(chart)

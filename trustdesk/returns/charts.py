"""Charts for the PDF of a return, as reportlab Drawings.

Horizontal bars, so that long category names ("Make a positive contribution") sit in full to
the left of their bars; every bar carries its value, so that nobody has to read it off the
axis. The two colours are a dark blue and a light amber, far apart in lightness, with a dark
outline, so that they stay apart printed in black and white and for colour-blind readers.

In a publication copy a hidden count is passed as None: its bar is drawn at zero and labelled
"<5", like the tables, so that the chart shows no more than the tables do.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from trustdesk.returns import numbers
from trustdesk.returns.pdf_fonts import BOLD, FONT
from trustdesk.returns.suppression import HIDDEN
from trustdesk.returns.tables import Table

DARK = colors.HexColor("#1B4F8A")
LIGHT = colors.HexColor("#F2B33D")
TEXT = colors.HexColor("#222222")
GRID = colors.HexColor("#D0D0D0")
FONT_SIZE = 8

LABEL_WIDTH = 150  # room for category names, left of the bars
VALUE_ROOM = 40  # room for the value labels right of the longest bar


def nice_step(top: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about five gridlines up to top."""
    raw = top / 5
    power: float = 10 ** math.floor(math.log10(raw))  # int ** int is Any to typeshed
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover


def _bar_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None], str]],
    *,
    width: float,
    value_max: float,
    value_step: float,
    axis_title: str,
    tick_format: Callable[[float], str],
    category_title: str,
    bar_labels: Sequence[Sequence[str]] | None = None,
    benchmark: tuple[float, str] | None = None,
    last_is_total: bool = False,
) -> Drawing:
    """Grouped horizontal bars: series are (name, values with None for hidden, colour key).

    ``bar_labels`` (one list per series) replace the labels worked out from the values;
    ``benchmark`` (value, caption) draws a dashed line across the bars at that value;
    ``last_is_total`` draws the last category's bars light, set apart from the units they
    add up. A long category name wraps, and its group is made tall enough for its lines."""
    n_series = len(series)
    bar = 9
    lines = max((len(simpleSplit(n, FONT, FONT_SIZE, LABEL_WIDTH - 4)) for n in labels), default=1)
    group = max(n_series * bar + 8, math.ceil(lines * FONT_SIZE * 1.2) + 6)
    plot_height = max(len(labels), 1) * group
    legend_room = 22 if n_series > 1 else 6
    bottom_room = 34
    height = bottom_room + plot_height + legend_room + 14
    drawing = Drawing(width, height, initialFontName=FONT)  # else it opens in Helvetica

    chart = HorizontalBarChart()
    chart.x = LABEL_WIDTH + 6
    chart.y = bottom_room
    chart.width = width - chart.x - VALUE_ROOM
    chart.height = plot_height
    # Within a group the first series is drawn at the bottom: draw them in reverse, so that
    # they read top-down in legend order.
    drawn = list(reversed(series))
    chart.data = [[0 if v is None else v for v in values] for _, values, _ in drawn]
    chart.barWidth = bar
    chart.groupSpacing = group - n_series * bar
    chart.barSpacing = 0
    chart.strokeColor = None
    palette = {"dark": DARK, "light": LIGHT}
    for i, (_, _, colour) in enumerate(drawn):
        chart.bars[i].fillColor = palette[colour]
        chart.bars[i].strokeColor = TEXT
        chart.bars[i].strokeWidth = 0.4
        if last_is_total:
            chart.bars[(i, len(labels) - 1)].fillColor = LIGHT

    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.reverseDirection = 1  # first category at the top, as in the table
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = FONT_SIZE
    chart.categoryAxis.labels.fillColor = TEXT
    chart.categoryAxis.labels.maxWidth = LABEL_WIDTH - 4
    chart.categoryAxis.strokeColor = TEXT
    chart.categoryAxis.tickLeft = 0

    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max
    chart.valueAxis.valueStep = value_step
    chart.valueAxis.labelTextFormat = tick_format
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = FONT_SIZE
    chart.valueAxis.labels.fillColor = TEXT
    chart.valueAxis.strokeColor = TEXT
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.4

    chart.barLabelFormat = "values"
    if bar_labels is None:
        bar_labels = [[HIDDEN if v is None else tick_format(v) for v in vs] for _, vs, _ in series]
    chart.barLabelArray = [list(texts) for texts in reversed(bar_labels)]
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = FONT_SIZE - 1
    chart.barLabels.fillColor = TEXT
    top = chart.y + chart.height + 6
    if benchmark is not None:  # under the bars and the value labels, which blank it out
        chart.barLabels.boxFillColor = colors.white
        value, caption = benchmark
        x = chart.x + chart.width * value / value_max
        line = Line(x, chart.y, x, top - 2, strokeColor=TEXT, strokeWidth=1)
        line.strokeDashArray = [3, 2]
        drawing.add(line)
        drawing.add(
            String(
                x,
                top,
                caption,
                fontName=FONT,
                fontSize=FONT_SIZE,
                fillColor=TEXT,
                textAnchor="middle",
            )
        )
    drawing.add(chart)

    drawing.add(
        String(
            chart.x + chart.width / 2,
            4,
            axis_title,
            fontName=FONT,
            fontSize=FONT_SIZE,
            fillColor=TEXT,
            textAnchor="middle",
        )
    )
    drawing.add(String(0, top, category_title, fontName=BOLD, fontSize=FONT_SIZE, fillColor=TEXT))
    if n_series > 1:
        legend = Legend()
        legend.x = chart.x
        legend.y = top + 7
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 110
        legend.dx = legend.dy = 8
        legend.fontName = FONT
        legend.fontSize = FONT_SIZE
        legend.fillColor = TEXT
        legend.strokeColor = TEXT
        legend.strokeWidth = 0.4
        legend.colorNamePairs = [(palette[colour], name) for name, _, colour in series]
        drawing.add(legend)
    return drawing


def reach_chart(
    labels: Sequence[str],
    contacts: Sequence[float | None],
    participants: Sequence[float | None],
    *,
    width: float,
) -> Drawing:
    """Contacts and participants per ECM outcome; None is a hidden count."""
    shown = [v for v in (*contacts, *participants) if v is not None]
    step = nice_step(max([*shown, 5]))
    step = max(1, round(step))
    top = max(step, step * math.ceil(max([*shown, 1]) / step))
    return _bar_chart(
        labels,
        [("Contacts", contacts, "dark"), ("Participants", participants, "light")],
        width=width,
        value_max=top,
        value_step=step,
        axis_title="Young people",
        tick_format=numbers.count,
        category_title="ECM outcome",
    )


def attendance_chart(labels: Sequence[str], rates: Sequence[float], *, width: float) -> Drawing:
    """Partner attendance at meetings, as a share of places, per partner type."""
    top = max(1.0, math.ceil(max([*rates, 0]) * 10) / 10)
    return _bar_chart(
        labels,
        [("Attendance", rates, "dark")],
        width=width,
        value_max=top,
        value_step=nice_step(top),
        axis_title="Partners present, as a share of the places at meetings",
        tick_format=numbers.percent,
        category_title="Partner type",
    )


def comparison_chart(
    labels: Sequence[str],
    rates: Sequence[float | None],
    bar_labels: Sequence[str],
    *,
    width: float,
    axis_title: str,
    category_title: str,
    benchmark: tuple[float, str] | None = None,
) -> Drawing:
    """One rate per unit, to compare the units of a consolidated return, with their total
    last; a unit without a rate (a missing return, a hidden rate) gets no bar and its
    ``bar_labels`` entry says why."""
    highest = max([*(r for r in rates if r is not None), benchmark[0] if benchmark else 0, 0.1])
    top = math.ceil(round(highest * 10, 6)) / 10
    return _bar_chart(
        labels,
        [("Rate", rates, "dark")],
        width=width,
        value_max=top * (1 + 1e-9),  # so that 3 x 0.1 (0.30000000000000004) gets its tick
        value_step=nice_step(top),
        axis_title=axis_title,
        tick_format=numbers.percent,
        category_title=category_title,
        bar_labels=[bar_labels],
        benchmark=benchmark,
        last_is_total=True,
    )


# From the tables the PDF lays out.


def _column(table: Table, measure: str) -> int:
    return next(c for c, column in enumerate(table.columns) if column.measure == measure)


def reach_chart_from(table: Table, hidden: set[tuple[int, int]], *, width: float) -> Drawing:
    """The reach chart from the "Reach by ECM outcome" table and its hidden cells."""
    rows = [(r, row) for r, row in enumerate(table.rows) if not row.is_total]
    values = {}
    for code in ("contacts", "participants"):
        c = _column(table, code)
        values[code] = [None if (r, c) in hidden else row.values[c] for r, row in rows]
    return reach_chart(
        [row.label for _, row in rows], values["contacts"], values["participants"], width=width
    )


def attendance_chart_from(table: Table, *, width: float) -> Drawing | None:
    """The attendance chart from the "Partners by type" table: the types with places at
    meetings in the period, or None when no type had any."""
    places = _column(table, "meeting_places")
    rate = next(c for c, column in enumerate(table.columns) if column.unit == "rate")
    rows = [
        row
        for row in table.rows
        if not row.is_total and row.values[places] and row.values[rate] is not None
    ]
    if not rows:
        return None
    return attendance_chart(
        [row.label for row in rows], [float(row.values[rate] or 0) for row in rows], width=width
    )

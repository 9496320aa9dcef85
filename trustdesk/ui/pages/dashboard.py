"""The Dashboard: the first page a coordinator sees. How this quarter is going so far against
the same weeks of last quarter (a part of a quarter against a whole one always looked like a
fall), in figure tiles, and attendance week by week and by ECM outcome; below, the year so
far against the REYS benchmarks and the trends (:mod:`trustdesk.ui.pages.dashboard_year`).

The figures are the return's own, worked out in a worker thread (a fraction of a second on a
big workspace): the page keeps showing the figures it has, with a quiet note, until the new
ones arrive, and a refresh asked for meanwhile runs once more after the one under way.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from trustdesk.config.periods import Period
from trustdesk.returns.dashboard import OVERDUE_ACTIONS, Dashboard, dashboard, definition
from trustdesk.ui import glossary_tips
from trustdesk.ui.charts import BarChart, HorizontalBarChart
from trustdesk.ui.pages.counting_page import CountingPage
from trustdesk.ui.pages.dashboard_year import YearPanel

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

# The tiles, in reading order: reach, outcomes and partners, then the group's meetings.
TILES = (
    ("sessions", "Sessions"),
    ("attendances", "Attendances"),
    ("contacts", "Young people reached"),
    ("participants", "Participants"),
    ("recorded_outcomes", "Recorded outcomes"),
    ("accredited_outcomes", "Accredited outcomes"),
    ("partners_engaged", "Partners engaged"),
    ("meetings_held", "Meetings held"),
    ("meeting_present", "Partner attendance at meetings"),
    ("open_actions", "Open actions"),
    ("actions_overdue", "Overdue actions"),
)
WARN_WHEN_ANY = {OVERDUE_ACTIONS}
EMPTY = "No sessions yet this quarter"
WORKING = "Working out the figures\u2026"


def _font(widget: QWidget, *, scale: float = 1.0, bold: bool = False) -> QFont:
    """The widget's own (system) font, bigger by a factor and perhaps bold."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * scale))
    font.setBold(bold)
    return font


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def change(this: int, last: int) -> str:
    """``▲ 12``, ``▼ 3`` or ``no change``."""
    if this > last:
        return f"\u25b2 {this - last:,}"
    if this < last:
        return f"\u25bc {last - this:,}"
    return "no change"


def part_weeks(weeks: list[dt.date], today: dt.date) -> list[int]:
    """Which of the chart's weeks have fewer than seven days in them so far: one that begins
    on the quarter's first day rather than a Monday, and one that ends after today or after
    the quarter."""
    if not weeks:
        return []
    end = Period.containing(weeks[0]).end
    part = [0] if weeks[0].weekday() != 0 else []
    for index, week in enumerate(weeks):
        last_day = week + dt.timedelta(days=6 - week.weekday())
        if last_day > min(today, end) and index not in part:
            part.append(index)
    return part


SAME_WEEKS = "same weeks last quarter"
WHOLE = "last quarter"


def _detail(this: int, last: int, than: str = SAME_WEEKS) -> str:
    return f"{than} {last:,} \u00b7 {change(this, last)}"


def compared_with(figures: Dashboard) -> str:
    """What last quarter's figures count: the same weeks (1 Jul – 23 Aug), or all of it."""
    quarter = figures.previous.period
    first, last = figures.compared_from, figures.compared_to
    if last >= quarter.end:
        return f"Each figure is compared with the whole of last quarter, {quarter.label}."
    return (
        f"Each figure is compared with the same weeks of last quarter: {quarter.label}, "
        f"{first.day} {first:%b} \u2013 {last.day} {last:%b}."
    )


class FigureTile(QFrame):
    """One figure: what it is, this quarter's value large, last quarter's and the change."""

    def __init__(self, code: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.label_text = label
        self.setObjectName("figureTile")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can step through them
        self.setToolTip(definition(code))
        self.label = QLabel(label, self)
        self.label.setObjectName("figureLabel")
        self.value = QLabel("\u2013", self)
        self.value.setObjectName("figureValue")
        self.value.setFont(_font(self, scale=1.8, bold=True))
        self.detail = QLabel("", self)
        self.detail.setObjectName("figureDetail")
        layout = QVBoxLayout(self)
        spacing = self.fontMetrics().averageCharWidth()
        layout.setContentsMargins(spacing * 2, spacing, spacing * 2, spacing)
        layout.setSpacing(0)
        for widget in (self.label, self.value, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)
        # Wide enough for its label and a large figure's line, so neither has to wrap.
        widest = max(
            self.label.fontMetrics().horizontalAdvance(label),
            self.detail.fontMetrics().horizontalAdvance(_detail(8_888, 8_888)),
        )
        self.setMinimumWidth(widest + spacing * 4 + 2)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setAccessibleName(f"{label}: not worked out yet")

    def show_figures(self, this: int, last: int, than: str = SAME_WEEKS) -> None:
        self.value.setText(f"{this:,}")
        self.detail.setText(_detail(this, last, than))
        warning = self.code in WARN_WHEN_ANY and this > 0
        name = f"{self.label_text}: {this:,} this quarter, {last:,} {than}"
        self.setAccessibleName(name + (" \u2014 needs attention" if warning else ""))
        if self.property("warning") != warning:
            self.setProperty("warning", warning)
            for widget in (self, self.label, self.value, self.detail):
                widget.style().unpolish(widget)
                widget.style().polish(widget)


class ScrollingDashboard(CountingPage):
    """A Dashboard's frame: its content scrolls up and down (never sideways), with a large
    heading and, at its right, "Working out the figures…" while they are counted."""

    title = "Dashboard"
    failure_title = "The dashboard's figures cannot be shown"

    def build_frame(self) -> tuple[QVBoxLayout, QHBoxLayout, int]:
        """Make the frame; the content's layout, the heading's line and the page's gap."""
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the figures in it
        self.content = QWidget(self.scroll)
        self.content.setObjectName("dashboardContent")
        self.scroll.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        layout = QVBoxLayout(self.content)
        gap = self.fontMetrics().averageCharWidth() * 2
        layout.setContentsMargins(gap, gap, gap, gap)
        layout.setSpacing(gap)

        self.heading = QLabel(self.content)
        self.heading.setObjectName("dashboardHeading")
        self.heading.setFont(_font(self, scale=1.3, bold=True))
        self.heading.setWordWrap(True)
        self.working = QLabel(WORKING, self.content)
        self.working.setObjectName("dashboardWorking")
        self.working.setAccessibleDescription("Progress")
        self.working.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.working.setMinimumWidth(self.working.sizeHint().width())
        self.working.setText("")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.working)
        return layout, top, gap

    def show_counting(self, busy: bool) -> None:
        self.working.setText(WORKING if busy else "")


class DashboardPage(ScrollingDashboard):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.figures: Dashboard | None = None
        self._build()
        self._show_period(self.today())

    # Building

    def _build(self) -> None:
        layout, top, gap = self.build_frame()
        self.note = QLabel(self.content)
        self.note.setObjectName("dashboardNote")
        self.note.setWordWrap(True)
        heading_block = QVBoxLayout()
        heading_block.setSpacing(2)
        heading_block.addLayout(top)
        heading_block.addWidget(self.note)
        layout.addLayout(heading_block)

        self.tiles = {code: FigureTile(code, label, self.content) for code, label in TILES}
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(gap // 2 + 2)
        self._columns = 0
        layout.addLayout(self.tile_grid)

        self.week_chart = BarChart(
            "Attendance by week",
            self.content,
            caption="Week beginning",
            empty_message=EMPTY,
            placeholder=WORKING,
            part_note="part of a week",
        )
        self.outcome_chart = HorizontalBarChart(
            "Attendance by ECM outcome", self.content, empty_message=EMPTY, placeholder=WORKING
        )
        outcome_note = (
            "Attendances at activities that serve each outcome; an activity can serve "
            "several, so these add up to more than the attendances."
        )
        self.outcome_chart.setToolTip(outcome_note)
        # The charts share the height left below the tiles, up to what still reads as one
        # chart on a tall screen.
        self.chart_row = QWidget(self.content)
        self.charts = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.chart_row)
        self.charts.setContentsMargins(0, 0, 0, 0)
        self.charts.setSpacing(gap)
        self.charts.addLayout(self._chart_block(self.week_chart, ""), 3)
        self.charts.addLayout(self._chart_block(self.outcome_chart, outcome_note), 2)
        layout.addWidget(self.chart_row, 1)
        self.year = YearPanel(self, self.content)
        layout.addWidget(self.year)
        layout.addStretch(0)
        self._arrange(self.width())

    def _chart_block(self, chart: QWidget, note: str) -> QVBoxLayout:
        block = QVBoxLayout()
        block.setSpacing(2)
        heading = QLabel(chart.accessibleName(), self.content)
        heading.setObjectName("chartHeading")
        heading.setToolTip(glossary_tips.tip(heading.text()))
        heading.setFont(_font(self, bold=True))
        block.addWidget(heading)
        block.addWidget(chart, 1)  # the charts' frames line up, side by side
        if note:  # under the chart, so that the two charts' frames line up
            label = QLabel(note, self.content)
            label.setObjectName("chartNote")
            label.setWordWrap(True)
            block.addWidget(label)
        return block

    def _arrange(self, width: int) -> None:
        """Four tiles a row and the charts side by side, or fewer and stacked when narrow."""
        char = self.fontMetrics().averageCharWidth()
        margins = self.content.layout().contentsMargins()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = width - margins.left() - margins.right() - scroll_bar
        spacing = self.tile_grid.spacing()
        tile_width = max(
            max(tile.minimumWidth(), tile.minimumSizeHint().width()) for tile in self.tiles.values()
        )
        columns = next((n for n in (4, 3, 2) if room >= n * tile_width + (n - 1) * spacing), 1)
        if columns != self._columns:
            self._columns = columns
            for index, (code, _) in enumerate(TILES):
                self.tile_grid.addWidget(self.tiles[code], index // columns, index % columns)
            for column in range(4):
                self.tile_grid.setColumnStretch(column, 1 if column < columns else 0)
        side_by_side = width >= char * 100
        self.charts.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        tallest = self.fontMetrics().lineSpacing() * 28
        self.chart_row.setMaximumHeight(tallest if side_by_side else tallest * 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    # Figures

    def refresh(self) -> None:
        """Work the figures out again in a worker thread; the old ones stay until then."""
        today = self.today()
        self._show_period(today)
        self.count(dashboard, today=today)

    def show_counted(self, result: Dashboard) -> None:
        self.show_figures(result)

    def _show_period(self, today: dt.date) -> None:
        period = Period.containing(today)
        self.heading.setText(f"This quarter: {period.label} (so far, to {short_date(today)})")
        self.heading.setToolTip(f"This quarter: {period.spelled_out}.")

    def show_figures(self, figures: Dashboard) -> None:
        self.figures = figures
        self._show_period(figures.today)
        self.note.setText(compared_with(figures))
        self.note.setToolTip(f"Last quarter: {figures.previous.period.spelled_out}.")
        whole = figures.compared_to >= figures.previous.period.end
        for code, tile in self.tiles.items():
            tile.show_figures(
                figures.current[code], figures.previous[code], WHOLE if whole else SAME_WEEKS
            )
        weeks = figures.attendance_by_week
        self.week_chart.set_bars(
            ((f"{week.day} {week:%b}", count) for week, count in weeks.items()),
            part=part_weeks(list(weeks), figures.today),
        )
        self.outcome_chart.set_bars(figures.attendance_by_outcome.items())
        self.year.show_figures(figures)
        self._arrange(self.width())  # a longer figure may need wider tiles

"""The Dashboard's lower half: the targets, the year so far against the REYS benchmarks, and
the trends.

Beside the quarter so far, a coordinator or officer sees what a board judges: the targets
the trust set for the unit and the year to date's reach measured against the yearly
benchmarks (met or not, in words and colour), and
the key figures over the last eight quarters and three years, as a chart of one figure at a
time and as tables. A district or county also compares its units over the quarters. The
tables are the return's own (:mod:`trustdesk.returns.trends`), so the Dashboard and the
return's trend page show the same figures.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from trustdesk.returns.dashboard import Dashboard
from trustdesk.returns.tables import Table
from trustdesk.ui import glossary_tips
from trustdesk.ui.charts import BarChart
from trustdesk.ui.pages.returns.figures import TableModel, fit_height, prepare_table_view

# The figure the trend chart opens on: the one the REYS reach benchmark is about.
FIRST_FIGURE = "contacts"


class YearPanel(QWidget):
    """The targets and reach against the benchmarks, then the trends: a figure picker, a chart of that
    figure by quarter, the trend tables and, for a district or county, that figure by unit."""

    def __init__(self, heading_font_of: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: Dashboard | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        gap = self.fontMetrics().averageCharWidth() * 2
        layout.setSpacing(gap // 2)
        bold = heading_font_of.font()
        bold.setBold(True)

        def heading(text: str) -> QLabel:
            label = QLabel(text, self)
            label.setObjectName("chartHeading")
            label.setFont(bold)
            label.setToolTip(glossary_tips.tip(text))
            layout.addWidget(label)
            return label

        self.targets_heading = heading("Targets")
        self.targets_model, self.targets_view = self._table("Targets")
        layout.addWidget(self.targets_view)
        self.targets_note = self._note()
        layout.addWidget(self.targets_note)

        heading("The year so far against the REYS benchmarks")
        self.reach_model, self.reach_view = self._table("Reach against the REYS benchmarks")
        layout.addWidget(self.reach_view)
        self.reach_note = self._note()
        layout.addWidget(self.reach_note)

        layout.addSpacing(gap // 2)
        heading("Trends")
        picker = QHBoxLayout()
        label = QLabel("&Figure:", self)
        self.picker = QComboBox(self)
        self.picker.setAccessibleName("Figure the trend chart shows")
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.picker)
        picker.addWidget(label)
        picker.addWidget(self.picker)
        picker.addStretch(1)
        layout.addLayout(picker)
        self.chart = BarChart(
            "Trend by quarter",
            self,
            caption="Quarter",
            empty_message="Nothing recorded in these quarters",
            placeholder="Working out the figures\u2026",
            part_note="the quarter so far",
        )
        self.chart.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        layout.addWidget(self.chart)
        self.trend_models = [self._table(name) for name in ("Trend by quarter", "Trend by year")]
        for _, view in self.trend_models:
            layout.addWidget(view)
        self.trend_note = self._note()
        layout.addWidget(self.trend_note)
        self.units_heading = heading("")
        self.units_model, self.units_view = self._table("By unit")
        layout.addWidget(self.units_view)
        self.picker.currentIndexChanged.connect(self._show_figure)

    def _table(self, name: str) -> tuple[TableModel, QTableView]:
        model = TableModel(self)
        view = QTableView(self)
        view.setAccessibleName(name)
        view.setTabKeyNavigation(False)  # Tab goes on to the next table, not cell by cell
        prepare_table_view(view, model)
        return model, view

    def _note(self) -> QLabel:
        label = QLabel(self)
        label.setObjectName("chartNote")
        label.setWordWrap(True)
        return label

    def show_figures(self, figures: Dashboard) -> None:
        self.figures = figures
        self._set(self.reach_model, self.reach_view, figures.reach)
        self.reach_note.setText(figures.reach.note if figures.reach else "")
        self._set(self.targets_model, self.targets_view, figures.targets)
        self.targets_heading.setVisible(figures.targets is not None)
        self.targets_note.setText(figures.targets.note if figures.targets else "")
        self.targets_note.setVisible(figures.targets is not None)
        tables = figures.trends
        for i, (model, view) in enumerate(self.trend_models):
            self._set(model, view, tables[i] if i < len(tables) else None)
        self.trend_note.setText(" ".join(t.note for t in tables if t.note))
        self.trend_note.setVisible(any(t.note for t in tables))
        chosen = self.picker.currentData() or FIRST_FIGURE
        self.picker.blockSignals(True)
        self.picker.clear()
        for row in tables[0].rows if tables else []:
            if row.measure:  # counts; partner attendance, a rate, is in the table
                self.picker.addItem(row.label, row.measure)
        self.picker.setCurrentIndex(max(self.picker.findData(chosen), 0))
        self.picker.blockSignals(False)
        self._show_figure()

    def _show_figure(self) -> None:
        figures, code = self.figures, self.picker.currentData()
        if figures is None or not figures.trends or code is None:
            self.chart.set_bars([])
            self._set(self.units_model, self.units_view, None)
            self.units_heading.hide()
            return
        quarters = figures.trends[0]
        row = next(r for r in quarters.rows if r.measure == code)
        self.chart.title = row.label
        self.chart.setAccessibleName(f"{row.label}, by quarter")
        # The last quarter is the one in progress (unless today is its last day): paler.
        in_progress = figures.today < figures.current.period.end
        so_far = [len(row.values) - 1] if in_progress else []
        self.chart.set_bars(
            (
                (column.heading, int(value or 0))
                for column, value in zip(quarters.columns, row.values, strict=True)
            ),
            part=so_far,
        )
        units = next((t for t in figures.units if t.rows and t.rows[0].measure == code), None)
        self._set(self.units_model, self.units_view, units)
        self.units_heading.setVisible(units is not None)
        if units is not None:
            self.units_heading.setText(f"{units.title}, quarter by quarter")

    @staticmethod
    def _set(model: TableModel, view: QTableView, table: Table | None) -> None:
        model.set_table(table)
        view.setVisible(table is not None)
        if table is not None:
            fit_height(view)

"""The Returns page's figures: one return table (headline, reach or a breakdown) in a
read-only table view, values formatted as the return prints them, sized so that no table
needs scrolling sideways."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from trustdesk.returns import numbers
from trustdesk.returns.benchmarks import COLOURS, MET, NOT_MET
from trustdesk.returns.tables import BENCHMARK, VERDICT, Table
from trustdesk.ui import glossary_tips
from trustdesk.ui.record_table import compact_rows

NO_VALUE = "\u2013"  # a rate with nothing to divide by
_ROOT = QModelIndex()


def format_cell(unit: str, value: float | None) -> str:
    if value is None:
        return NO_VALUE
    return numbers.figure(unit, value)  # type: ignore[arg-type]  # the unit is one of numbers.Unit, read from a plain string


class TableModel(QAbstractTableModel):
    """One return table (headline, reach or a breakdown), read-only, values formatted as the
    return prints them; the total row in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: Table | None = None

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() or self.table is None:
            return 0
        return 1 + len(self.table.columns) + len(self.table.words)

    def words_at(self, column: int) -> int | None:
        """Which of the table's columns of words ``column`` is, if it is one."""
        if self.table is None or column <= len(self.table.columns):
            return None
        return column - len(self.table.columns) - 1

    def text(self, row: int, column: int) -> str:
        assert self.table is not None
        line = self.table.rows[row]
        if column == 0:
            return line.label
        if (w := self.words_at(column)) is not None:
            return line.words[w] or NO_VALUE
        return format_cell(self.table.unit_of(line, column - 1), line.values[column - 1])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or self.table is None:
            return None
        row, column = index.row(), index.column()
        line = self.table.rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        w = self.words_at(column)
        said = "" if w is None else line.words[w]
        if role == Qt.ItemDataRole.FontRole and (line.is_total or said in COLOURS):
            font = QFont()
            font.setBold(True)
            return font
        coloured = (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole)
        if role in coloured and said in COLOURS:
            ink, fill = COLOURS[said]
            return QColor(ink if role == Qt.ItemDataRole.ForegroundRole else fill)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return glossary_tips.tip(line.label, line.label)
            if w is not None:
                return _words_tip(self.table.words[w].heading, said)
            if line.values[column - 1] is None:
                if self.table.columns[column - 1].heading == BENCHMARK:
                    return "There is no benchmark for this measure."
                return "Cannot be worked out: there is nothing to divide by."
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if self.table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.table.label_heading
            heading = self.heading(section)
            if len(self.table.columns) > 3:  # narrower columns, so that the labels fit
                width = 10 if len(self.table.columns) > 4 else 14
                heading = "\n".join(textwrap.wrap(heading, width, break_long_words=False))
            return heading
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            if self.words_at(section) is None:
                return self.table.columns[section - 1].spelled_out or self.heading(section)
            return self.heading(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def heading(self, section: int) -> str:
        assert self.table is not None
        if (w := self.words_at(section)) is not None:
            return self.table.words[w].heading
        return self.table.columns[section - 1].heading

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _words_tip(heading: str, said: str) -> str:
    if heading != VERDICT:  # with any abbreviation spelled out ("Measured on: Q2 2026-27")
        return (
            glossary_tips.tip(said, f"{heading}: {said}")
            if said
            else "Nothing to compare: a figure is missing."
        )
    if said == MET:
        return "The year to date's rate meets the yearly benchmark."
    if said == NOT_MET:
        return "The year to date's rate is below the yearly benchmark."
    return "Nothing to measure: the rate cannot be worked out, or the year to date is not to hand."


class PaddedDelegate(QStyledItemDelegate):
    """Room either side of a value, so that neighbouring columns' figures do not run together."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + option.fontMetrics.averageCharWidth() * 2, size.height())


def prepare_table_view(view: QTableView, model: TableModel) -> None:
    view.setModel(model)
    view.setItemDelegate(PaddedDelegate(view))
    compact_rows(view)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setMinimumSectionSize(view.fontMetrics().averageCharWidth() * 6)
    header.setStretchLastSection(False)
    model.modelReset.connect(lambda: fit_columns(view))


def fit_columns(view: QTableView) -> None:
    """Labels take what is left after every value column has room for its widest value, so
    that no table needs scrolling sideways."""
    header = view.horizontalHeader()
    count = view.model().columnCount()
    for column in range(count):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == 0
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)


def fit_height(view: QTableView) -> None:
    """A short table as tall as its rows, so it needs no scroll bar of its own."""
    rows = view.model().rowCount()
    height = (
        view.horizontalHeader().sizeHint().height()
        + rows * view.verticalHeader().defaultSectionSize()
    )
    view.setFixedHeight(height + 2 * view.frameWidth())

"""Lists of records: a table model fed with plain rows from a service, and the list widget
every page uses (type-to-filter box, sortable table, keyboard first).

Rows are plain objects (dataclasses or named tuples) with an ``id``; the model hands them to
the view in batches (``canFetchMore``/``fetchMore``), so a page of thousands of young people
shows its first rows at once and the rest as the list is scrolled or sorted.

A screen reader asks the table how many rows it has and would hear the first batch ("200
rows") of 340: the table's accessible description says the whole count ("340 young
people"), and while a screen reader (or any assistive technology) is listening the list
shows every row at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAccessible, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trustdesk.ui import glossary_tips
from trustdesk.ui.clear_button import clear_button

BATCH = 200
SHORT_COLUMN = 120  # px: a date or a number, never squeezed
WIDEST = 320  # px: a column that does not stretch is never made wider than this
IDENTIFYING_CHARS = 24  # a stretching column (a title, a name) keeps room for this many
TEXT_CHARS = 16  # and any other column of words (a type, a method) for this many
SAMPLE = 300  # rows measured for a column's width
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[Any], Any]  # what the row shows; sorting uses the raw value
    stretch: bool = False
    numeric: bool = False
    highlight: Callable[[Any], bool] | None = None  # e.g. an overdue action
    sort: Callable[[Any], Any] | None = None  # when the shown value does not sort well
    tip: Callable[[Any], str] | None = None  # the tooltip, when it says more than the cell
    # Hidden while every row shows the same value (e.g. "Yes" for every partner's Active):
    # a column that says nothing only takes room from the ones that identify a row.
    hide_if_same: bool = False


def compact_rows(view: QTableView) -> None:
    """Rows one line of the table's font high with a little room (the platform's default is
    taller), so that every table in the window reads the same and shows more rows."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)


def shown(value: Any) -> str:
    """A value as a list shows it: dates as 05 May 2026, numbers with commas."""
    if value is None:
        return ""
    if type(value) is str:  # most cells
        return value
    if isinstance(value, bool):
        return "Yes" if value else ""
    if isinstance(value, dt.datetime):
        return f"{value:%d %b %Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d %b %Y}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


# The roles a list answers, as plain numbers: a view asks data() for every role of every cell
# it draws, and comparing with Qt's enum members cost more than the rest of data() together.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
FONT = Qt.ItemDataRole.FontRole.value
ANSWERED = frozenset((DISPLAY, ACCESSIBLE, TOOLTIP, ALIGNMENT, FOREGROUND, FONT))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
WARNING = "#b42318"


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._given: list[Any] = []  # the rows in the service's order
        self._rows: list[Any] = []  # the same, in the order chosen with a column heading
        self._order = (-1, Qt.SortOrder.AscendingOrder)  # (column, order); -1: the service's
        self._shown = 0

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._sorted(self._given)
        self._shown = min(BATCH, len(self._rows))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Put every row (not only the batches shown so far) in the order of a column's sort
        value, rows of equal value in the order they were shown in (as Qt sorts), and keep
        that order for the rows shown next; -1: the service's order. Sorted in Python, one
        key a row: Qt comparing pairs of cells through data() took half a second for a few
        thousand rows."""
        self.fetch_all()  # a selected row may move anywhere
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [self._rows[index.row()] for index in before]
        self._rows = self._sorted(self._rows)
        where = {id(row): number for number, row in enumerate(self._rows)}
        after = [
            self.index(where[id(row)], i.column()) for row, i in zip(held, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Any]) -> list[Any]:
        column, order = self._order
        if column < 0:
            return list(self._given)
        value = self.columns[column].sort or self.columns[column].value
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(rows, key=lambda row: _SortKey(value(row)), reverse=descending)

    def text_of(self, row: int) -> str:
        """What a row shows in all its cells, in lower case, for finding it by typing."""
        record = self._rows[row]
        return "\0".join(shown(column.value(record)) for column in self.columns).lower()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def first_rows(self, count: int) -> list[Any]:
        """The first rows as the service listed them (whatever the order chosen)."""
        return self._given[:count]

    def row_of(self, record_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == record_id:
                self._show_up_to(number)
                return number
        return None

    def _show_up_to(self, row: int) -> None:
        if row >= self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, row)
            self._shown = row + 1
            self.endInsertRows()

    def total(self) -> int:
        return len(self._rows)

    # The lazy part: Qt asks for more as the view scrolls.
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        self._show_up_to(min(self._shown + BATCH, len(self._rows)) - 1)

    def fetch_all(self) -> None:
        self._show_up_to(len(self._rows) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].heading
        if orientation == Qt.Orientation.Horizontal and role == TOOLTIP:  # "ECM outcomes"
            return glossary_tips.tip_or_none(self.columns[section].heading)
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in ANSWERED or not index.isValid():
            return None
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if role in (DISPLAY, ACCESSIBLE):
            return shown(column.value(row))
        if role == ALIGNMENT:
            return RIGHT if column.numeric else None
        if role == TOOLTIP:  # the whole text of a cell cut short, abbreviations spelled out
            text = column.tip(row) if column.tip else shown(column.value(row))
            return glossary_tips.tip(str(text), str(text)) if text else text
        if column.highlight is None or not column.highlight(row):
            return None
        if role == FOREGROUND:
            return QBrush(QColor(WARNING))
        font = self.parent().font() if self.parent() else None  # FONT: bold
        if font is not None:
            font.setBold(True)
        return font


class _SortKey:
    """A cell's sort value, compared as the list always has: by value, and as text when the
    two cannot be compared (an empty cell, "", against a date)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = "" if value is None else value

    def __lt__(self, other: _SortKey) -> bool:
        try:
            return self.value < other.value
        except TypeError:
            return str(self.value) < str(other.value)


class _FindAll(QSortFilterProxyModel):
    """Finds rows by the text typed, in every column, and leaves their order to the rows'
    model (which sorts all of them, not only the batches shown so far)."""

    _find = ""

    def find(self, text: str) -> None:
        self._find = text.lower()
        self.setFilterFixedString(text)  # Qt finds the rows again, through filterAcceptsRow

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return not self._find or self._find in self.sourceModel().text_of(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class RecordList(QWidget):
    """A filter box above a sortable table. Typing in the box filters every column; Down
    moves from the box into the table; Enter on a row activates it."""

    current_changed = Signal(object)  # the row, or None
    activated = Signal(object)

    def __init__(self, columns: Sequence[Column], what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.model = RecordTableModel(columns, self)
        self._widths: dict[int, tuple[int, int]] = {}  # column: (narrowest, wanted)
        self.proxy = _FindAll(self)
        self.proxy.setSourceModel(self.model)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(f"Type to find {what}\u2026")
        clear_button(self.filter, "Clear the search")
        self.filter.setAccessibleName(f"Find {what}")
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self._focus_table)
        self.count = QLabel(self)  # "340 young people": its words are what it says
        self.count.setAccessibleDescription(f"Number of {what}")

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(what.capitalize())
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        self.table.viewport().installEventFilter(self)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # Every column is sized here (see _fit_columns), none by Qt's Stretch mode: a stretched
        # column is what is left once the others are sized, so it was cut to a few letters.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tip says the whole
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda index: self.activated.emit(self._row(index)))

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.filter)

    def set_rows(self, rows: Sequence[Any], keep: int | None = None) -> None:
        """Show these rows; keep (or move to) the record with id ``keep`` selected."""
        self.model.set_rows(rows)
        if self.filter.text() or QAccessible.isActive():  # found among all, or all heard
            self.model.fetch_all()
        self._size_columns()
        self._update_count()
        if keep is not None:
            self.select_id(keep)
        else:
            self.current_changed.emit(self.current())

    def _size_columns(self) -> None:
        """Measure each column: as wide as its heading and longest cell (of the first rows)
        need, and the narrowest it may be made: the whole of a short value (a date, a
        number), else room for IDENTIFYING_CHARS characters in a stretching column (a title,
        a name) and TEXT_CHARS in another column of words. A ``hide_if_same`` column whose
        rows all say the same is hidden."""
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        header = self.table.horizontalHeader()
        self._widths = {}
        first = self.model.first_rows(SAMPLE)
        for number, column in enumerate(self.model.columns):
            sample = [shown(column.value(row)) for row in first]
            same = column.hide_if_same and len(first) > 1 and len(set(sample)) == 1
            header.setSectionHidden(number, same)
            if same:
                continue
            heading = metrics.horizontalAdvance(column.heading) + 28
            widest = max([heading, *(metrics.horizontalAdvance(s) + 20 for s in set(sample))])
            widest = min(widest, WIDEST)  # a stretching column also gets what is left over
            least = (IDENTIFYING_CHARS if column.stretch else TEXT_CHARS) * char + 20
            self._widths[number] = (max(heading, min(widest, least)), widest)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the list's width: short columns (a date, a number) all they want; the rest
        (titles, names, a type) the same fraction of what they want, as large as fits, but
        never less than their narrowest; the stretching columns whatever is left over. When
        even the narrowest widths do not fit, the list scrolls sideways rather than cut the
        columns that identify a row."""
        columns = self.model.columns
        widths = self._widths
        room = self.table.viewport().width()

        def sized(fraction: float) -> dict[int, int]:
            return {
                n: wanted
                if wanted <= SHORT_COLUMN and not columns[n].stretch
                else max(least, int(wanted * fraction))
                for n, (least, wanted) in widths.items()
            }

        fraction = 1.0
        sizes = sized(fraction)
        while fraction > 0 and sum(sizes.values()) > room:
            fraction -= 0.02
            sizes = sized(fraction)
        spare = room - sum(sizes.values())
        stretching = [n for n in sizes if columns[n].stretch]
        for index, n in enumerate(stretching):  # the list is wider than all want
            share = max(0, spare) // (len(stretching) - index)
            sizes[n] += share
            spare -= share
        header = self.table.horizontalHeader()
        for number, width in sizes.items():
            header.resizeSection(number, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()  # the list's width is known only once it is laid out
        return super().eventFilter(watched, event)

    def select_id(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the filter: clear it to show the record
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def current(self) -> Any:
        return self._row(self.table.currentIndex())

    def _row(self, index: QModelIndex) -> Any:
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self._row(current))

    def _filter_changed(self, text: str) -> None:
        if text:
            self.model.fetch_all()
        self.proxy.find(text)
        self._update_count()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _update_count(self) -> None:
        total = self.model.total()
        if self.filter.text():
            self.count.setText(f"{self.proxy.rowCount():,} of {total:,}")
            found = f"{self.proxy.rowCount():,} of {total:,} {self.what} found"
            self.table.setAccessibleDescription(found)
        else:
            self.count.setText(f"{total:,} {self.what}")
            self.table.setAccessibleDescription(f"{total:,} {self.what}")

    def _focus_table(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def keyPressEvent(self, event) -> None:  # noqa: ANN001
        if event.key() == Qt.Key.Key_Down and self.filter.hasFocus():
            self._focus_table()
            return
        super().keyPressEvent(event)

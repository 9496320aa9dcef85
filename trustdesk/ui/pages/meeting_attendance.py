"""Which partners came to a meeting, as the Meetings page's attendance table shows it: one row
a partner, their attendance in words in the last column, chosen from a list (F2) or set with
a key (P present, A apologies then absent, N or Delete not expected, Left/Right to step)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from trustdesk.services.meetings import AttendanceRow
from trustdesk.services.partners import partner_label
from trustdesk.ui import glossary_tips
from trustdesk.ui.fields import choose_value

# (what the table shows, what the service stores), in the order Left/Right step through.
ATTENDANCE = (("Present", "present"), ("Apologies", "apologies"), ("Absent", "absent"))
NOT_EXPECTED = "Not expected"
ATTENDANCE_WORDS = {code: word for word, code in ATTENDANCE} | {None: NOT_EXPECTED}
STATUS_COLUMN = 2
CODE = Qt.ItemDataRole.UserRole  # a partner's id in the name; the attendance code in its cell
OTHER_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
Step = Callable[[str | None, int], None]  # set the current partner's code, or step by ±1


def prepare_attendance(table: QTableWidget, step: Step) -> None:
    """The list and the keys on the attendance column; the name stretches, the attendance
    column is as wide as its widest choice."""
    table.setItemDelegateForColumn(STATUS_COLUMN, AttendanceDelegate(table))
    table.installEventFilter(AttendanceKeys(table, step))
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # Sized once to the widest choice rather than to the contents at every change, which
    # would measure the whole table again for each of its cells as they are filled in.
    words = (*ATTENDANCE_WORDS.values(), "Attendance")
    width = max(table.fontMetrics().horizontalAdvance(w) for w in words) + 36
    header.resizeSection(STATUS_COLUMN, width)


def show_attendance(table: QTableWidget, rows: Sequence[AttendanceRow]) -> None:
    """One row a partner (marked if no longer active), telling nobody of the change."""
    table.blockSignals(True)
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        name = partner_label(row.name, row.active)
        for column, text in enumerate((name, row.partner_type)):
            item = QTableWidgetItem(text)
            item.setToolTip(glossary_tips.tip(text))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setData(CODE, row.id)
            table.setItem(number, column, item)
        table.setItem(number, STATUS_COLUMN, QTableWidgetItem())
        show_status(table.item(number, STATUS_COLUMN), row.status)
    table.blockSignals(False)
    table.resizeColumnToContents(1)
    if rows and not table.currentIndex().isValid():
        table.setCurrentCell(0, 0)  # typing a partner's first letters finds it


def attendance_of(table: QTableWidget) -> dict[int, str | None]:
    """Each partner's attendance code (None: not expected), by the partner's id."""
    return {
        table.item(r, 0).data(CODE): table.item(r, STATUS_COLUMN).data(CODE)
        for r in range(table.rowCount())
    }


def step_attendance(table: QTableWidget, code: str | None, step: int) -> bool:
    """The current partner's attendance: set to ``code``, or stepped through the choices.
    True if it changed."""
    item = table.item(table.currentRow(), STATUS_COLUMN)
    if item is None:
        return False
    if step:
        codes = [c for _, c in ATTENDANCE] + [None]
        code = codes[(codes.index(item.data(CODE)) + step) % len(codes)]
    if code == item.data(CODE):
        return False
    show_status(item, code)
    return True


def show_status(item: QTableWidgetItem, code: str | None) -> None:
    """Show an attendance code in its cell ("Not expected" in grey), telling nobody."""
    table = item.tableWidget()
    blocked = table.blockSignals(True) if table is not None else False
    item.setData(CODE, code)
    item.setText(ATTENDANCE_WORDS[code])
    item.setForeground(QBrush(QColor("#616e7c")) if code is None else QBrush())
    if table is not None:
        table.blockSignals(blocked)


class AttendanceDelegate(QStyledItemDelegate):
    """Choose a partner's attendance from a list (F2, or a double click)."""

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Attendance")
        for word, code in (*ATTENDANCE, (NOT_EXPECTED, None)):
            combo.addItem(word, code)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        choose_value(editor, index.data(CODE))
        if index.data(CODE) is None:
            editor.setCurrentIndex(editor.count() - 1)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), CODE)


class AttendanceKeys(QObject):
    """Keys on the attendance table: P present, A apologies (again: absent), N or Delete not
    expected, Left/Right step through the choices, F2 opens the list of them. Up/Down move
    between partners and other letters find a partner by name, as in any table."""

    LETTERS = {Qt.Key.Key_P: "present", Qt.Key.Key_N: None, Qt.Key.Key_Delete: None}

    def __init__(self, table: QAbstractItemView, step: Step) -> None:
        super().__init__(table)
        self.table = table
        self.step = step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or self.table.state() == self.table.State.EditingState
        ):
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & OTHER_MODIFIERS:
            return False
        key = event.key()
        if key == Qt.Key.Key_F2:
            self.table.edit(self.table.currentIndex().siblingAtColumn(STATUS_COLUMN))
        elif key in self.LETTERS:
            self.step(self.LETTERS[key], 0)
        elif key == Qt.Key.Key_A:
            item = self.table.currentIndex().siblingAtColumn(STATUS_COLUMN)
            self.step("absent" if item.data(CODE) == "apologies" else "apologies", 0)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.step(None, 1 if key == Qt.Key.Key_Right else -1)
        else:
            return False
        return True

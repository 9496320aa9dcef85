"""The people on a session's register, as the Registers page lists them: the line of the
sign-in sheet each regular is printed on, a tick box each, the ticked shown shaded, and how
often each came to the activity before."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from trustdesk.ui.record_table import (
    ACCESSIBLE,
    DISPLAY,
    FOREGROUND,
    Column,
    Index,
    RecordTableModel,
)

SHEET, TICK, NAME = 0, 1, 2  # the sheet's line, the tick box, the name
COLUMNS = (
    Column("Sheet", lambda r: "", numeric=True),  # shown from RegisterModel.lines
    Column("Here", lambda r: ""),
    Column("Name", lambda r: r.name, stretch=True),
    Column("Age", lambda r: r.age),
    Column("Recent", lambda r: r.recent, numeric=True),
    Column("Sessions", lambda r: r.sessions, numeric=True),
)
HEADER_TIPS = {
    "Sheet": "The line this session's printed sign-in sheet names them on",
    "Recent": "Sessions of this activity they came to in the 12 weeks before this one",
    "Sessions": "Sessions of this activity they came to before this one",
}
TICKED_BACKGROUND, TICKED_TEXT = QColor("#e7f4f1"), QColor("#1f2933")
CHECK = Qt.ItemDataRole.CheckStateRole.value
BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
OWN_ROLES = frozenset((CHECK, ACCESSIBLE, BACKGROUND, FOREGROUND))  # the rest: a plain list's


class RegisterModel(RecordTableModel):
    """The people listed, with a tick box each; ``ticked`` holds who is ticked now, and
    ``lines`` the sign-in sheet's line of each regular it names, by young person's id."""

    tick_changed = Signal(int, bool)  # young person id, ticked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self.ticked: set[int] = set()
        self.lines: dict[int, int] = {}

    def set_ticked(self, person_id: int, ticked: bool) -> None:
        if (person_id in self.ticked) == ticked:
            return
        (self.ticked.add if ticked else self.ticked.discard)(person_id)
        row = next((n for n in range(self.rowCount()) if self.row_at(n).id == person_id), None)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.tick_changed.emit(person_id, ticked)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == TICK else flags

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if index.isValid() and index.column() == SHEET and role in (DISPLAY, ACCESSIBLE):
            line = self.lines.get(self.row_at(index.row()).id)
            return "" if line is None else str(line)
        if role not in OWN_ROLES or not index.isValid():
            return super().data(index, role)
        here = self.row_at(index.row()).id in self.ticked
        if index.column() == TICK:
            if role == CHECK:
                return Qt.CheckState.Checked if here else Qt.CheckState.Unchecked
            if role == ACCESSIBLE:
                return "ticked" if here else "not ticked"
        if here and role == BACKGROUND:
            return QBrush(TICKED_BACKGROUND)
        if here and role == FOREGROUND:
            return QBrush(TICKED_TEXT)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != TICK or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_ticked(self.row_at(index.row()).id, checked)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(COLUMNS[section].heading)
        return super().headerData(section, orientation, role)

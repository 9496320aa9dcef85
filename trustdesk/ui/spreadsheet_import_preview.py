"""The third step of File > Import from a spreadsheet…: what bringing the file in will do, row
by row (added, already in TrustDesk, refused, passed over: in words, a colour and an icon), and
when rows are refused, what to do about them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trustdesk.spreadsheets.plan import Preview, RowOutcome
from trustdesk.ui.record_table import compact_rows
from trustdesk.ui.spreadsheet_import_steps import note

# Each outcome's colour (4.5:1 or more on white) and the mark drawn in its icon.
OUTCOME_LOOK = {
    "add": ("#1d7036", "+"),
    "match": ("#2c5d87", "="),
    "refuse": ("#b42318", "\u00d7"),
    "pass": ("#616e7c", "\u2013"),
}


class PreviewModel(QAbstractTableModel):
    """The preview's rows: the row's number, what happens (in words, a colour and an icon),
    the record and why."""

    HEADINGS = ("Row", "What happens", "Record", "Why")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RowOutcome] = []
        self.icons: dict[str, QIcon] = {}

    def show(self, rows: Sequence[RowOutcome]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADINGS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADINGS[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (str(row.row), row.words, row.what, row.why)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column >= 2:
            return (row.what, row.why)[column - 2] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (column == 1 or row.outcome == "refuse"):
            return QBrush(QColor(OUTCOME_LOOK[row.outcome][0]))
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return self._icon(row.outcome)
        if role == Qt.ItemDataRole.FontRole and column == 1 and row.outcome == "refuse":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _icon(self, outcome: str) -> QIcon:
        """A round badge in the outcome's colour with its mark (+ = × –), drawn once."""
        icon = self.icons.get(outcome)
        if icon is None:
            colour, mark = OUTCOME_LOOK[outcome]
            pixmap = QPixmap(32, 32)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRectF(1, 1, 30, 30))
            font = QFont()
            font.setPixelSize(26)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(QRectF(0, -1, 32, 32), Qt.AlignmentFlag.AlignCenter, mark)
            painter.end()
            icon = self.icons[outcome] = QIcon(pixmap)
        return icon


class PreviewStep(QWidget):
    """Step 3: the summary, what to do about refused rows, and every row's outcome."""

    read_again_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found: Preview | None = None
        self.summary = note("", self, "")
        self.summary.setAccessibleName("What bringing the file in will do")
        self.refused = note("", self, "formProblem")
        self.read_again = QPushButton("&Read the file again", self)
        self.read_again.setAccessibleName("Read the file again, keeping the columns chosen")
        self.read_again.setAutoDefault(False)
        self.read_again.clicked.connect(self.read_again_requested)
        self.only_refused = QCheckBox("Show only the &refused rows", self)
        self.only_refused.toggled.connect(self._show_rows)
        refused_row = QHBoxLayout()
        refused_row.addWidget(self.refused, 1)
        refused_row.addWidget(self.read_again, 0, Qt.AlignmentFlag.AlignTop)
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("What happens to each row")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(refused_row)
        layout.addWidget(self.only_refused)
        layout.addWidget(self.table, 1)

    def show_preview(self, found: Preview) -> None:
        self.found = found
        refused = found.refused
        self.summary.setText(found.summary())
        if refused:
            one = len(refused) == 1
            them = "it" if one else "them"
            self.refused.setText(
                (
                    f"Row {refused[0].row} is refused"
                    if one
                    else f"{len(refused):,} rows are refused"
                )
                + f", so nothing can be brought in yet. Put {them} right in {found.file_name} "
                f"(or take {them} out) and save the file, then press Read the file again, or go "
                "Back and choose the file again: the columns you set are kept."
            )
        self.refused.setVisible(bool(refused))
        self.read_again.setVisible(bool(refused))
        self.only_refused.setVisible(bool(refused))
        self.only_refused.setChecked(False)
        self._show_rows()
        self._size_columns()

    def _show_rows(self) -> None:
        if self.found is None:
            return
        rows = self.found.refused if self.only_refused.isChecked() else self.found.rows
        self.model.show(rows)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        words = max(metrics.horizontalAdvance(w) for w in ("Already in TrustDesk", "What happens"))
        last = max((r.row for r in self.model.rows), default=0)
        self.table.setColumnWidth(0, metrics.horizontalAdvance(f"{max(last, 100):,}") + 28)
        self.table.setColumnWidth(1, words + 52)
        shown_what = [metrics.horizontalAdvance(r.what) for r in self.model.rows[:300]]
        self.table.setColumnWidth(2, min(max(shown_what + [160]) + 24, 360))

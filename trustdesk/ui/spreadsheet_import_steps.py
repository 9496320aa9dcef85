"""The first two steps of File > Import from a spreadsheet… (run by
:mod:`trustdesk.ui.spreadsheet_import_dialog`): the file and what is in it, and which column
holds what (each with its first values, so that the user knows it again). The third, the
preview, is in :mod:`trustdesk.ui.spreadsheet_import_preview`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from trustdesk.ops.spreadsheet_import import Columns, Options
from trustdesk.spreadsheets.kinds import KINDS
from trustdesk.ui.record_table import shown

FIRST_VALUES = 3  # values shown under each heading
EMPTY_INK = "#616e7c"  # a column with nothing in it (4.5:1 on white)
TIPS = {
    "people": "One row for each young person: a first name (or a full name) and, if you have "
    "them, the date of birth, gender, ethnicity and postcode.",
    "partners": "One row for each partner, or one for each contact person with the partner's "
    "name repeated. A partner new to TrustDesk needs its type, e.g. Voluntary sector.",
    "activities": "One row for each activity, or one for each session with the activity's "
    "name repeated, the session's date and its times.",
    "registers": "Names down and session dates across with a tick where someone came, or one "
    "row for each time someone came. The young people must be in TrustDesk already: bring "
    "them in first.",
}
LEFT_OUT = (
    "A column set to Leave out is not brought in. TrustDesk keeps no young person's address, "
    "phone number or school: leave those columns out."
)


def cell_text(cell: Any) -> str:
    """A cell as a spreadsheet shows it: dates as day/month/year, whole numbers without .0."""
    if isinstance(cell, dt.datetime):
        return f"{cell:%d/%m/%Y}" if cell.time() == dt.time() else f"{cell:%d/%m/%Y %H:%M}"
    if isinstance(cell, dt.date):
        return f"{cell:%d/%m/%Y}"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return shown(cell)


def first_values(columns: Columns, column: int) -> str:
    """The first few values under a heading, as the user typed them."""
    found: list[str] = []
    for row in columns.table.rows:
        text = cell_text(row.get(column)).strip()
        if text:
            found.append(" ".join(text.split()))
            if len(found) == FIRST_VALUES:
                break
    return " \u00b7 ".join(found)


def note(text: str, parent: QWidget, name: str = "formNote") -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class FileStep(QWidget):
    """Step 1: what the file holds, the file, and for a register its activity and the times
    of the sessions it adds."""

    changed = Signal()
    choose_requested = Signal()

    def __init__(self, activities: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.kind = QComboBox(self)
        self.kind.setPlaceholderText("Choose what the file holds")
        for kind, words in KINDS.items():
            self.kind.addItem(words[0].upper() + words[1:], kind)
        self.kind.setCurrentIndex(-1)  # never a guess: the user says
        self.kind.setAccessibleName("What is in the file")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        kind_label = QLabel("&What is in it?", self)
        kind_label.setBuddy(self.kind)
        self.tip = note("", self)

        self.file = QLineEdit(self)
        self.file.setReadOnly(True)
        self.file.setPlaceholderText("No file chosen yet")
        self.file.setAccessibleName("The file chosen")
        self.choose_button = QPushButton("&Choose file\u2026", self)
        self.choose_button.setAccessibleName("Choose the spreadsheet file")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_requested)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)
        file_label = QLabel("The file:", self)
        file_label.setBuddy(self.file)

        self.register_box = QGroupBox("The register", self)
        self.activity = QComboBox(self.register_box)
        self.activity.addItem("The one named in the sheet's title", "")
        for title in dict.fromkeys(activities):
            self.activity.addItem(title, title)
        self.activity.setAccessibleName("The register's activity")
        self.activity.currentIndexChanged.connect(self.changed)
        activity_label = QLabel("&Activity:", self.register_box)
        activity_label.setBuddy(self.activity)
        self.set_times = QCheckBox("&Sessions it adds are held from", self.register_box)
        self.set_times.setAccessibleName("Give the times of the sessions it adds")
        self.start = self._time_edit(QTime(18, 30), "Sessions start at")
        self.end = self._time_edit(QTime(20, 30), "Sessions end at")
        self.set_times.toggled.connect(self._times_toggled)
        times_row = QHBoxLayout()
        times_row.addWidget(self.set_times)
        times_row.addWidget(self.start)
        times_row.addWidget(QLabel("to", self.register_box))
        times_row.addWidget(self.end)
        times_row.addStretch(1)
        box = QFormLayout(self.register_box)
        box.addRow(activity_label, self.activity)
        box.addRow(times_row)
        box.addRow(
            note(
                "A date with no session of the activity adds one, at the activity's usual "
                "times; give the times here for an activity with no sessions yet.",
                self.register_box,
            )
        )
        self.problem = note("", self, "formProblem")
        self.problem.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        kind_box = QVBoxLayout()
        kind_box.setSpacing(4)
        kind_box.addWidget(self.kind)
        kind_box.addWidget(self.tip)
        form.addRow(kind_label, kind_box)
        form.addRow(file_label, file_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            note(
                "TrustDesk reads an Excel workbook (.xlsx) or a CSV file, shows which column "
                "holds what, then what will happen to each row. Nothing is saved until you "
                "press Bring in, and then only if every row can be brought in.",
                self,
            )
        )
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.register_box)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self._kind_changed()
        self._times_toggled(False)

    def _time_edit(self, time: QTime, name: str) -> QTimeEdit:
        edit = QTimeEdit(time, self.register_box)
        edit.setDisplayFormat("HH:mm")
        edit.setAccessibleName(name)
        edit.timeChanged.connect(self.changed)
        return edit

    def _kind_changed(self) -> None:
        kind = self.chosen_kind()
        self.tip.setText(TIPS.get(kind, ""))
        self.tip.setVisible(bool(kind))
        self.register_box.setVisible(kind == "registers")
        self.changed.emit()

    def _times_toggled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        self.changed.emit()

    def chosen_kind(self) -> str:
        return self.kind.currentData() or ""

    def set_path(self, path: Path) -> None:
        self.path = path
        self.file.setText(str(path))
        self.file.setCursorPosition(0)
        self.file.setToolTip(str(path))
        self.changed.emit()

    def options(self) -> Options:
        if self.chosen_kind() != "registers":
            return Options()
        times = None
        if self.set_times.isChecked():
            times = (_time(self.start.time()), _time(self.end.time()))
        return Options(activity=self.activity.currentData() or "", times=times)

    def ready(self) -> bool:
        """Whether the step is complete; says what is wrong with the times if they are."""
        wrong = self.chosen_kind() == "registers" and self.set_times.isChecked()
        wrong = wrong and self.end.time() <= self.start.time()
        self.problem.setText("The sessions must end after they start." if wrong else "")
        self.problem.setVisible(wrong)
        return bool(self.chosen_kind()) and self.path is not None and not wrong


class ColumnsStep(QWidget):
    """Step 2: a row for each heading in the file, its first values, and what it is brought
    in as (the guess chosen); a field chosen for two columns is said at once."""

    changed = Signal()
    HEADINGS = ("Column in the file", "First values under it", "Brought in as")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: Columns | None = None
        self.combos: list[QComboBox] = []
        self.about = note("", self, "")
        self.table = QTableWidget(0, len(self.HEADINGS), self)
        self.table.setHorizontalHeaderLabels(self.HEADINGS)
        self.table.setAccessibleName("Columns in the file")
        self.table.setAccessibleDescription(
            "Each column of the file, the first values under it, and what it is brought in as"
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes from one "Brought in as" to the next
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problem = note("", self, "formProblem")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.about)
        layout.addWidget(self.table, 1)
        layout.addWidget(note(LEFT_OUT, self))
        layout.addWidget(self.problem)

    def show_columns(self, columns: Columns, mapping: dict[str, str]) -> None:
        self.columns = columns
        table = columns.table
        rows = len(table.rows)
        where = f"{table.file_name}" + (f", sheet \u201c{table.sheet}\u201d" if table.sheet else "")
        title = f" Its title: \u201c{table.title}\u201d." if table.title else ""
        self.about.setText(
            f"{where}: {len(table.headings)} columns, {rows:,} {'row' if rows == 1 else 'rows'} "
            f"under the headings.{title} Check what each column is brought in as."
        )
        self.table.setRowCount(0)
        self.combos.clear()
        self.table.setRowCount(len(table.headings))
        bold = QFont(self.font())
        bold.setBold(True)
        for number, heading in enumerate(table.headings):
            name = QTableWidgetItem(heading)
            name.setFont(bold)
            values = first_values(columns, number)
            under = QTableWidgetItem(values or "(empty)")
            under.setToolTip(values)
            if not values:
                under.setForeground(QBrush(QColor(EMPTY_INK)))
            self.table.setItem(number, 0, name)
            self.table.setItem(number, 1, under)
            combo = QComboBox(self.table)
            for label, field in columns.choices:
                combo.addItem(label, field)
            combo.setCurrentIndex(max(combo.findData(mapping.get(heading, "")), 0))
            combo.setAccessibleName(f"Bring in the column {heading} as")
            combo.setAccessibleDescription(f"First values: {values}" if values else "Empty")
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(number, 2, combo)
            if self.combos:
                QWidget.setTabOrder(self.combos[-1], combo)
            self.combos.append(combo)
        self._size_columns()
        self._changed()

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        widest_heading = max(
            [metrics.horizontalAdvance(self.HEADINGS[0])]
            + [metrics.horizontalAdvance(h) for h in self.columns.table.headings]
            if self.columns
            else [0]
        )
        self.table.setColumnWidth(0, min(widest_heading + 40, 280))
        widest_choice = max((c.sizeHint().width() for c in self.combos), default=160)
        header.resizeSection(2, max(widest_choice + 8, 220))
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)

    def mapping(self) -> dict[str, str]:
        assert self.columns is not None
        return {
            heading: combo.currentData() or ""
            for heading, combo in zip(self.columns.table.headings, self.combos, strict=True)
        }

    def _changed(self) -> None:
        self.changed.emit()

    def twice(self) -> str:
        """What is wrong with the columns chosen ("" if nothing): a field chosen twice."""
        seen: dict[str, str] = {}
        for heading, field in self.mapping().items():
            if not field:
                continue
            if field in seen:
                combo = self.combos[self.columns.table.headings.index(heading)]  # type: ignore[union-attr]
                return (
                    f"The columns \u201c{seen[field]}\u201d and \u201c{heading}\u201d are both "
                    f"brought in as {combo.currentText()}: set one of them to Leave out."
                )
            seen[field] = heading
        return ""

    def ready(self) -> bool:
        problem = self.twice() if self.columns is not None else ""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        return self.columns is not None and not problem


def _time(time: QTime) -> dt.time:
    return dt.time(time.hour(), time.minute())

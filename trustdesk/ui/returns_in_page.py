"""The Returns in page of a district or county workspace: which returns the units below have
sent for the last few quarters (accepted, queried, in on time or late, missing, not due yet),
the return of the cell chosen with Accept and Query…, the returns' import (buttons, or files
and folders dropped on the page), and for the chosen quarter a ready-to-send reminder to each
unit whose return is missing.

Everything is read through the returns services (completeness, received, review); a district
workspace holds a few hundred figures a return, so the page reads them on the UI thread in a
few milliseconds. The import runs in its own dialog (:mod:`trustdesk.ui.import_dialog`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from trustdesk.config import Period
from trustdesk.errors import UserError
from trustdesk.returns.catalogue import format_value, measure
from trustdesk.returns.completeness import (
    STATUSES,
    Cell,
    Chase,
    Grid,
    completeness,
    messages_to_send,
    periods_to_show,
)
from trustdesk.returns.received import current_record, load_returns
from trustdesk.returns.review import accept, query
from trustdesk.store.context import trust
from trustdesk.ui import messages, preferences
from trustdesk.ui.dialogs import ServiceDialog, StandardButton, service_call
from trustdesk.ui.forms.ui_returns_in_page import Ui_ReturnsInPage
from trustdesk.ui.import_dialog import ImportDialog
from trustdesk.ui.pages.page import Page
from trustdesk.ui.returns_page import local_time
from trustdesk.words import counted

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

PERIODS_SHOWN = 5  # the last quarter that ended and the four before it
IMPORT_FOLDER_KEY = "returns/importFolder"
# What a status means, for the legend's tooltips and the chosen return.
STATUS_MEANING = {
    "accepted": "Accepted: reviewed, and its figures go into the consolidation as they are.",
    "queried": "Queried: reviewed, with a note of what the coordinator should look at.",
    "on time": "On time: in by the due date, not reviewed yet.",
    "late": "Late: came in after the due date, not reviewed yet.",
    "missing": "Missing: not received, and the due date has passed.",
    "not due yet": "Not due yet: not received, and the due date has not come.",
}
# Background and text colour of each status (the words say it too: colour is never the only
# cue). Both are set, so that a dark system theme never puts light text on these.
STATUS_COLOURS = {
    "accepted": ("#d7f0dd", "#14532d"),
    "queried": ("#ece1f7", "#4a1d6b"),
    "on time": ("#dcebfb", "#1e3a8a"),
    "late": ("#ffe3c7", "#7c2d12"),
    "missing": ("#fbd5d5", "#8b1a1a"),
    "not due yet": ("#eef1f4", "#3e4c59"),
}
CHOSEN_FRAME = "#16425b"  # the sidebar's blue
# The headline figures shown for a return chosen in the grid.
HEADLINE = (
    "sessions",
    "attendances",
    "participants",
    "contacts",
    "recorded_outcomes",
    "accredited_outcomes",
    "case_studies",
    "spend_pence",
)


def chip_style(status: str) -> str:
    """A label on the status's colours (both set, so a dark theme cannot hide the text)."""
    background, colour = STATUS_COLOURS[status]
    return (
        f"QLabel {{ background: {background}; color: {colour}; padding: 2px 6px; "
        "border-radius: 3px; }"
    )


def day(value: dt.date) -> str:
    return f"{value:%d %b %Y}"


def cell_text(cell: Cell) -> str:
    """What a grid cell says: "Accepted", "Late (r2)", "Missing"; a return reviewed keeps
    its late mark: "Accepted \u00b7 late"."""
    words = cell.status.capitalize()
    if cell.days_late and cell.status in ("accepted", "queried"):
        words += " \u00b7 late"
    if cell.revision and cell.revision > 1:
        words += f" (r{cell.revision})"
    return words


def cell_description(cell: Cell, today: dt.date) -> str:
    """A cell in a sentence, for its tooltip and a screen reader."""
    where = f"{cell.unit.name}, {cell.period.label}"
    if not cell.in_hand:
        if cell.status == "missing":
            late = (today - cell.due).days
            return f"{where}: missing; it was due on {day(cell.due)}, {counted(late, 'day')} ago."
        return f"{where}: not due yet; it is due on {day(cell.due)}."
    words = f"{where}: {cell.status.capitalize().lower()}, revision {cell.revision}"
    if cell.days_late and cell.status in ("accepted", "queried"):
        words += f", late by {counted(cell.days_late, 'day')}"
    if cell.sent_on:
        words += f", first sent {day(cell.sent_on)} (due {day(cell.due)})"
    if cell.edited:
        words += "; edited after export"
    if cell.note:
        words += f". Note: {cell.note}"
    return words + "."


def sent_words(cell: Cell) -> str:
    """ "01 Nov 2026, 17 days after the due date (15 Oct 2026)"."""
    if cell.sent_on is None:
        return ""
    days = (cell.sent_on - cell.due).days
    if days > 0:
        return f"{day(cell.sent_on)}, {counted(days, 'day')} after the due date ({day(cell.due)})"
    return f"{day(cell.sent_on)}, on time (due {day(cell.due)})"


def period_summary(grid: Grid, period: Period) -> str:
    """ "Q2 2026-27 (Jul–Sep 2026), due 15 Oct 2026: 3 of 6 in (1 accepted, 1 queried,
    1 late); 3 missing.\""""
    cells = grid.column(period)
    if not cells:
        return f"{period.label}: no unit reports here."
    counts = {status: grid.count(period, status) for status in STATUSES}
    received = [f"{counts[s]} {s}" for s in ("accepted", "queried", "on time", "late") if counts[s]]
    in_hand = sum(c.in_hand for c in cells)
    text = f"{period.label}, due {day(cells[0].due)}: {in_hand} of {len(cells)} in"
    if received:
        text += f" ({', '.join(received)})"
    rest = [f"{counts[s]} {s}" for s in ("missing", "not due yet") if counts[s]]
    return text + (f"; {', '.join(rest)}." if rest else ".")


# What the page reads -------------------------------------------------------------------------


@dataclass
class ReturnsIn:
    """The grid of returns and, for each quarter shown, the reminders to send."""

    grid: Grid
    chases: dict[Period, list[Chase]]


@dataclass(frozen=True)
class ReturnDetail:
    """The chosen return's file and headline figures, as plain values."""

    record_id: int
    made_at: dt.datetime | None
    file_name: str
    figures: list[tuple[str, str]]  # (label, value as the return prints it)


def load_returns_in(session: Any, today: dt.date) -> ReturnsIn:
    periods = periods_to_show(session, today, PERIODS_SHOWN)
    grid = completeness(session, periods, today)
    return ReturnsIn(
        grid, {period: messages_to_send(session, period, today, grid) for period in periods}
    )


def load_detail(session: Any, cell: Cell) -> ReturnDetail | None:
    """The current return of the cell's unit and period, if one is in."""
    record = current_record(session, cell.unit.code, cell.period)
    if record is None or record.id is None:
        return None
    ret = load_returns(session, [record], trust(session))[record.id]
    figures = [
        (measure(code).label, format_value(measure(code).unit, ret.value(code)))
        for code in HEADLINE
    ]
    return ReturnDetail(record.id, record.made_at, record.file_name, figures)


# The grid ------------------------------------------------------------------------------------


_ROOT = QModelIndex()


class GridModel(QAbstractTableModel):
    """Units (rows) by quarters (columns, newest first); each cell a unit's return for a
    quarter, its status in words on the status's colour, a warning sign if it was edited
    after export."""

    def __init__(self, parent: QWidget, today: Callable[[], dt.date]) -> None:
        super().__init__(parent)
        self.grid: Grid | None = None
        self.today = today
        self.edited_icon: QIcon = parent.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )

    def set_grid(self, grid: Grid) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.units)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.periods)

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> Cell | None:
        if self.grid is None or not index.isValid():
            return None
        unit = self.grid.units[index.row()]
        return self.grid.cell(unit.code, self.grid.periods[index.column()])

    def index_of(self, unit_code: str, period: Period) -> QModelIndex:
        if self.grid is None:
            return QModelIndex()
        rows = [u.code for u in self.grid.units]
        if unit_code not in rows or period not in self.grid.periods:
            return QModelIndex()
        return self.index(rows.index(unit_code), self.grid.periods.index(period))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_description(cell, self.today())
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS[cell.status][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS[cell.status][1])
        if role == Qt.ItemDataRole.DecorationRole and cell.edited:
            return self.edited_icon
        if role == Qt.ItemDataRole.FontRole and cell.status in ("missing", "late"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            period = self.grid.periods[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return period.label.replace(" (", "\n").rstrip(")")  # "Q2 2026-27\nJul–Sep 2026"
            if role == Qt.ItemDataRole.ToolTipRole:
                due = self.grid.column(period)[0].due if self.grid.units else None
                return period.label + (f", due {day(due)}" if due else "")
            return None
        unit = self.grid.units[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return unit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{unit.name} ({unit.code})"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class StatusDelegate(QStyledItemDelegate):
    """A cell keeps its status colour when chosen; a dark frame shows which one is."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        chosen = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, plain, index)
        if chosen:
            painter.save()
            painter.setPen(QPen(QColor(CHOSEN_FRAME), 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


# Query dialog --------------------------------------------------------------------------------


class QueryDialog(ServiceDialog):
    """The note saying what the coordinator should look at; Query saves it with the return."""

    def __init__(self, parent: QWidget, save: Any, *, who: str, note: str) -> None:
        super().__init__(parent, save, title=f"Query {who}'s return", ok=StandardButton.Ok)
        self.ok_button.setText("&Query")
        explain = QLabel(
            "Say what the coordinator should look at. The note is kept with the return; "
            "send it to them as well.",
            self,
        )
        explain.setWordWrap(True)
        explain.setObjectName("formNote")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, explain)
        self.note = self.add_row("&Note", "note", QPlainTextEdit(self), "Query note")
        self.note.setPlaceholderText("e.g. Attendances look low for September")
        self.note.setTabChangesFocus(True)
        self.note.setPlainText(note)
        self.note.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText()}


# The page ------------------------------------------------------------------------------------


DROP_HINT = "or drop files or folders on this page"


class ReturnsInPage(Page):
    """Returns received from the units below this workspace's unit: the completeness grid,
    the chosen return with Accept and Query…, importing, and reminders for missing returns."""

    title = "Returns in"
    record_kinds = ("return",)  # a check on the Returns page opens the return it is about

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.ui = Ui_ReturnsInPage()
        self.ui.setupUi(self)
        self.setAcceptDrops(True)
        self.data: ReturnsIn | None = None
        self.detail: ReturnDetail | None = None
        self.import_dialog: ImportDialog | None = None
        self.query_dialog: QueryDialog | None = None
        self._shown_period: Period | None = None
        self.model = GridModel(self, self.today)
        self._prepare()
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)

    def _prepare(self) -> None:
        ui = self.ui
        here = self.workspace.unit
        below = {"county": "districts", "district": "localities"}.get(here.level, "units")
        ui.introLabel.setText(
            f"Returns sent to {here.name} by its {below}. Choose a return in the grid to see "
            "it, accept it or query it."
        )
        ui.detailHeading.setObjectName("formHeading")  # the stylesheet's form heading
        ui.dropHint.setObjectName("formNote")
        view = ui.gridView
        view.setModel(self.model)
        view.setItemDelegate(StatusDelegate(view))
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
        view.selectionModel().currentChanged.connect(self._current_changed)
        self._add_legend()
        # Files dropped on the reminder go to the page (the page imports them).
        ui.chaseText.viewport().setAcceptDrops(False)
        ui.chaseList.currentRowChanged.connect(self._show_chase)
        ui.copyButton.clicked.connect(self.copy_text)
        ui.copySubjectButton.clicked.connect(self.copy_subject)
        ui.acceptButton.clicked.connect(self.accept_current)
        ui.queryButton.clicked.connect(self.query_current)
        ui.importButton.clicked.connect(self.choose_files)
        ui.folderButton.clicked.connect(self.choose_folder)
        why = self.workspace.read_only_because
        for button in (ui.importButton, ui.folderButton):
            button.setEnabled(why is None)
            if why:
                button.setToolTip(f"Read-only: {why}")

    def _add_legend(self) -> None:
        legend = self.ui.legendLayout
        for status in STATUSES:
            chip = QLabel(status.capitalize(), self)
            chip.setToolTip(STATUS_MEANING[status])
            chip.setStyleSheet(chip_style(status))
            legend.addWidget(chip)
        icon = QLabel(self)
        icon.setPixmap(self.model.edited_icon.pixmap(16, 16))
        edited = QLabel("edited after export;  (r2): revision 2", self)
        edited.setObjectName("formNote")
        legend.addSpacing(6)
        legend.addWidget(icon)
        legend.addWidget(edited)
        legend.addStretch(1)

    # Reading

    @Slot()
    def refresh(self) -> None:
        """Read the grid and the reminders again, keeping the chosen cell."""
        self.stale = False
        chosen = self.current_cell()
        with self.workspace.session() as session:
            data = load_returns_in(session, self.today())
        self.data = data
        self._shown_period = None  # its summary and reminders are read again
        self.model.set_grid(data.grid)
        self._fit_grid()
        index = self.model.index_of(chosen.unit.code, chosen.period) if chosen else QModelIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        if index.isValid():
            self.ui.gridView.setCurrentIndex(index)  # shows the cell (currentChanged)
        else:  # no unit reports here
            self._show_cell(None)
            self._show_period(data.grid.periods[0])

    def _fit_grid(self) -> None:
        """The grid as tall as its rows (no scroll bar of its own), the unit names at most a
        third or so of its width."""
        view = self.ui.gridView
        rows = self.model.rowCount()
        header = view.horizontalHeader()
        view.verticalHeader().setMaximumWidth(max(view.width() * 7 // 20, 160))
        height = header.sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
        view.setFixedHeight(height + 2 * view.frameWidth() + 2)

    def current_cell(self) -> Cell | None:
        return self.model.cell(self.ui.gridView.currentIndex())

    def current_period(self) -> Period | None:
        cell = self.current_cell()
        return cell.period if cell else None

    def select_cell(self, unit_code: str, period: Period) -> None:
        """Choose a unit's return for a quarter, as a click on its cell does."""
        index = self.model.index_of(unit_code, period)
        if index.isValid():
            self.ui.gridView.setCurrentIndex(index)

    def show_record(self, kind: str, record_id: int) -> None:
        """Choose the cell of a return received (from a check on the Returns page)."""
        grid = self.model.grid
        if self.stale or grid is None:
            self.refresh()
            grid = self.model.grid
        found = (
            next((c for c in grid.cells.values() if c.record_id == record_id), None)
            if grid
            else None
        )
        if found is not None:
            self.select_cell(found.unit.code, found.period)

    def cell_texts(self) -> dict[tuple[str, str], str]:
        """What each cell says, by (unit code, period code): for tests and the self-test."""
        grid = self.model.grid
        if grid is None:
            return {}
        return {
            (unit.code, period.code): cell_text(grid.cell(unit.code, period))
            for unit in grid.units
            for period in grid.periods
        }

    # The chosen cell

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_cell(self.model.cell(current))

    def _show_cell(self, cell: Cell | None) -> None:
        previous_period = self._shown_period
        self.detail = None
        if cell is None:
            self.ui.detailHeading.setText("")
            no_units = self.model.grid is not None and not self.model.grid.units
            self.ui.absentLabel.setText(
                f"No unit reports to {self.workspace.unit.name}."
                if no_units
                else "Choose a return in the grid."
            )
            self.ui.detailStack.setCurrentWidget(self.ui.absentPage)
            self._update_review_buttons()
            return
        self.ui.detailHeading.setText(f"{cell.unit.name} \u2014 {cell.period.label}")
        if cell.in_hand:
            with self.workspace.session() as session:
                self.detail = load_detail(session, cell)
            self._show_return(cell)
        else:
            self._show_absent(cell)
        if cell.period != previous_period:
            self._shown_period = cell.period
            self._show_period(cell.period)
        if cell.status == "missing":
            self._choose_chase(cell.unit.code)
        self._update_review_buttons()

    def _show_return(self, cell: Cell) -> None:
        meaning = STATUS_MEANING[cell.status]
        if cell.days_late and cell.status in ("accepted", "queried"):
            meaning += f" It came in late, by {counted(cell.days_late, 'day')}."
        self.ui.statusLabel.setText(meaning)
        self.ui.statusLabel.setStyleSheet(chip_style(cell.status))
        detail = self.detail
        made = local_time(detail.made_at) if detail else ""
        revision = str(cell.revision)
        if cell.revision and cell.revision > 1 and made:
            revision += f" (made {made})"
        self.ui.revisionLabel.setText(revision)
        self.ui.sentLabel.setText(sent_words(cell))
        self.ui.fileLabel.setText(detail.file_name if detail else "")
        review = {
            "accepted": "Accepted",
            "queried": "Queried",
        }.get(cell.status, "Not reviewed yet")
        self.ui.noteLabel.setText(f"{review}: {cell.note}" if cell.note else review)
        self.ui.editedWarning.setVisible(cell.edited)
        while self.ui.figuresLayout.rowCount():
            self.ui.figuresLayout.removeRow(0)
        for label, value in detail.figures if detail else []:
            shown = QLabel(value, self.ui.figuresBox)
            self.ui.figuresLayout.addRow(f"{label}:", shown)  # "Sessions:", its buddy
        self.ui.detailStack.setCurrentWidget(self.ui.returnPage)

    def _show_absent(self, cell: Cell) -> None:
        if cell.status == "missing":
            days = (self.today() - cell.due).days
            text = (
                f"No return from {cell.unit.name} for {cell.period.label} has come in. It was "
                f"due on {day(cell.due)}, {counted(days, 'day')} ago.\n\nThe reminder to send "
                "is below; import the return when it arrives."
            )
        else:
            text = (
                f"No return from {cell.unit.name} for {cell.period.label} yet. It is due on "
                f"{day(cell.due)}."
            )
        self.ui.absentLabel.setText(text)
        self.ui.detailStack.setCurrentWidget(self.ui.absentPage)

    def _update_review_buttons(self) -> None:
        cell = self.current_cell()
        in_hand = cell is not None and cell.in_hand and self.detail is not None
        writable = not self.workspace.read_only
        self.ui.acceptButton.setEnabled(
            in_hand and writable and cell is not None and cell.status != "accepted"
        )
        self.ui.queryButton.setEnabled(in_hand and writable)
        if cell is not None and cell.status == "accepted":
            self.ui.acceptButton.setToolTip("This return is accepted already.")
        elif not writable:
            self.ui.acceptButton.setToolTip(self.workspace.read_only_because or "")
        else:
            self.ui.acceptButton.setToolTip(
                "Accept the return: its figures go into the consolidation"
            )

    # The chosen quarter: summary and reminders

    def _show_period(self, period: Period) -> None:
        data = self.data
        if data is None:
            return
        self.ui.summaryLabel.setText(period_summary(data.grid, period))
        chases = data.chases.get(period, []) if data.grid.units else []
        queries = any(c.kind == "query" for c in chases)
        self.ui.chaseBox.setTitle(
            f"{'Reminders and queries' if queries else 'Reminders'} for {period.label}"
        )
        self.ui.chaseList.blockSignals(True)
        self.ui.chaseList.clear()
        for chase in chases:
            item = QListWidgetItem(
                chase.unit.name + (" \u2013 query" if chase.kind == "query" else "")
            )
            item.setToolTip(chase.subject)
            self.ui.chaseList.addItem(item)
        self.ui.chaseList.blockSignals(False)
        self.ui.chaseArea.setVisible(bool(chases))
        self.ui.chaseEmptyLabel.setVisible(not chases)
        if not data.grid.units:
            self.ui.chaseEmptyLabel.setText(f"No unit reports to {self.workspace.unit.name}.")
        elif not chases:
            due = data.grid.column(period)[0].due
            self.ui.chaseEmptyLabel.setText(
                f"No return for {period.label} is missing: nobody to remind."
                if self.today() > due
                else f"Returns for {period.label} are due on {day(due)}; reminders are made "
                "for those still missing after that."
            )
        self.ui.chaseList.setCurrentRow(0 if chases else -1)
        self._show_chase(self.ui.chaseList.currentRow())

    def chases(self) -> list[Chase]:
        period = self.current_period()
        if self.data is None or period is None:
            return []
        return self.data.chases.get(period, [])

    def _choose_chase(self, unit_code: str, kind: str = "reminder") -> None:
        for row, chase in enumerate(self.chases()):
            if chase.unit.code == unit_code and chase.kind == kind:
                self.ui.chaseList.setCurrentRow(row)

    @Slot(int)
    def _show_chase(self, row: int) -> None:
        chases = self.chases()
        chase = chases[row] if 0 <= row < len(chases) else None
        self.ui.subjectEdit.setText(chase.subject if chase else "")
        self.ui.subjectEdit.setCursorPosition(0)
        self.ui.chaseText.setPlainText(chase.text if chase else "")
        self.ui.copyButton.setEnabled(chase is not None)
        self.ui.copySubjectButton.setEnabled(chase is not None)

    def current_chase(self) -> Chase | None:
        chases = self.chases()
        row = self.ui.chaseList.currentRow()
        return chases[row] if 0 <= row < len(chases) else None

    @Slot()
    def copy_text(self) -> None:
        chase = self.current_chase()
        if chase is None:
            return
        QGuiApplication.clipboard().setText(chase.text)
        what = "query" if chase.kind == "query" else "reminder"
        self.status.emit(f"The {what} to {chase.unit.name} is copied: paste it into an e-mail.")

    @Slot()
    def copy_subject(self) -> None:
        chase = self.current_chase()
        if chase is None:
            return
        QGuiApplication.clipboard().setText(chase.subject)
        what = "query" if chase.kind == "query" else "reminder"
        self.status.emit(f"The subject of the {what} to {chase.unit.name} is copied.")

    # Review

    @Slot()
    def accept_current(self) -> None:
        cell = self.current_cell()
        if cell is None or self.detail is None or not self.ui.acceptButton.isEnabled():
            return
        try:
            with self.workspace.session() as session:
                accept(session, self.detail.record_id)
        except UserError as problem:
            messages.show_error(self, "The return was not accepted", str(problem))
            self.refresh()
            return
        self._reviewed(f"Accepted {cell.unit.name}'s return for {cell.period.label}.")

    @Slot()
    def query_current(self) -> None:
        cell = self.current_cell()
        if cell is None or self.detail is None or not self.ui.queryButton.isEnabled():
            return
        dialog = QueryDialog(
            self,
            service_call(self.workspace, query, self.detail.record_id),
            who=cell.unit.name,
            note=cell.note if cell.status == "queried" else "",
        )
        # Bound methods rather than lambdas: the dialog deletes itself once closed, and a
        # lambda slot of a deleted dialog has been seen to crash PySide at that moment.
        dialog.accepted.connect(self._queried)
        self.query_dialog = dialog
        dialog.open()

    @Slot()
    def _queried(self) -> None:
        cell = self.current_cell()
        if cell is None:
            self._reviewed("Queried.")
            return
        unit, period = cell.unit, cell.period
        self.refresh()
        self._choose_chase(unit.code, "query")  # its e-mail, ready to copy as a reminder is
        self.records_changed.emit()
        self.status.emit(
            f"Queried {unit.name}'s return for {period.label}. The e-mail to send them is "
            f"ready under {self.ui.chaseBox.title()}: copy it with Copy text."
        )

    def _reviewed(self, what: str) -> None:
        self.refresh()
        self.records_changed.emit()
        self.status.emit(what)

    # Importing

    @Slot()
    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            "Import returns",
            import_folder(),
            "Return workbooks (*.xlsx);;All files (*)",
        )
        if chosen:
            self.import_paths([Path(name) for name in chosen])

    @Slot()
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Import the returns in a folder", import_folder()
        )
        if chosen:
            self.import_paths([Path(chosen)])

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Check the files (or the returns in the folders) and open the import dialog."""
        if not paths:
            return
        if self.workspace.read_only:
            messages.show_error(
                self,
                "Returns cannot be imported",
                f"This workspace is open read-only: {self.workspace.read_only_because}.",
            )
            return
        if self.import_dialog is not None and self.import_dialog.task is not None:
            return  # one import at a time
        first = paths[0]
        set_import_folder(first if first.is_dir() else first.parent)
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        dialog = ImportDialog(self.workspace, paths, self, today=self.today())
        dialog.imported.connect(self._imported)
        dialog.finished.connect(self._import_finished)
        self.import_dialog = dialog
        dialog.start()

    @Slot(int)
    def _import_finished(self, _result: int) -> None:
        if self.import_dialog is not None and self.import_dialog.outcome:
            self.status.emit(self.import_dialog.outcome)

    @Slot(object)
    def _imported(self, report: Any) -> None:
        self.refresh()
        self.records_changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()
            self.ui.dropHint.setText("Drop to import these returns")
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.ui.dropHint.setText(DROP_HINT)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.ui.dropHint.setText(DROP_HINT)
        paths = _local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # The page's place in the window

    def focus_find(self) -> None:
        self.ui.gridView.setFocus()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.model.grid is not None:
            self._fit_grid()


def _local_paths(mime: Any) -> list[Path]:
    """The files and folders a drag carries (files on this computer only)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def import_folder() -> str:
    """Where the import dialogs start: the folder imported from last, else Documents."""
    value = preferences.settings().value(IMPORT_FOLDER_KEY)
    return str(value) if value else preferences.returns_folder()


def set_import_folder(folder: Path) -> None:
    preferences.settings().setValue(IMPORT_FOLDER_KEY, str(folder))

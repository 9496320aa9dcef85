"""The Returns page: at quarter end, choose the period, read the figures and the checks, fix
what the checks point at, and export the return (an Excel workbook and a PDF).

The page only reads through the returns services (compute, checks, tables, export); the
export itself runs in a worker thread with a session of its own (see ``background``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
    Slot,
)
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeWidgetItem,
    QWidget,
)

from trustdesk.config import Period
from trustdesk.errors import UserError
from trustdesk.files import explain_file_error
from trustdesk.returns.catalogue import format_value
from trustdesk.returns.checks import Check, checks_before_export
from trustdesk.returns.compute import compute_return
from trustdesk.returns.export import (
    ExportBlocked,
    ExportResult,
    FolderGone,
    default_period,
    export_return,
    exported_returns,
)
from trustdesk.returns.tables import Table, breakdown_tables, headline_table, reach_table
from trustdesk.ui import glossary_tips, messages, preferences
from trustdesk.ui.background import (
    ProgressDialog,
    Task,
    in_session,
    report_error,
)
from trustdesk.ui.clear_button import clear_button
from trustdesk.ui.forms.ui_returns_page import Ui_ReturnsPage
from trustdesk.ui.pages.counting_page import CountingPage
from trustdesk.ui.record_table import compact_rows
from trustdesk.words import counted

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

RECENT_QUARTERS = 8  # the quarter in progress and the seven before it

SEVERITY_TEXT = {"error": "Must fix", "warning": "Check"}
SEVERITY_HELP = {
    "error": "Must fix: the return cannot be exported until this is put right.",
    "warning": "Check: the return can be exported, but the figures may be weaker than "
    "they should be.",
}
NO_VALUE = "\u2013"  # a rate with nothing to divide by


# What the page shows for one period, read in one go ---------------------------------------


@dataclass(frozen=True)
class ExportEntry:
    """One earlier export, as plain values (no record bound to a session)."""

    period: str
    revision: int
    made_at: dt.datetime | None
    file_name: str
    is_current: bool


@dataclass
class PeriodView:
    headline: Table
    reach: Table
    breakdowns: list[Table]
    checks: list[Check]
    exports: list[ExportEntry]
    # A district's or county's return: the units whose return it is built from without
    # being accepted, as (unit name, what is wrong: "queried", "not accepted yet").
    unaccepted: list[tuple[str, str]] = field(default_factory=list)


def load_period(session: Any, workspace: Workspace, period: Period, today: dt.date) -> PeriodView:
    ret = compute_return(session, period)
    names = {u.code: u.name for u in workspace.config.units.values()}
    return PeriodView(
        headline=headline_table(ret),
        reach=reach_table(ret, workspace.config),
        breakdowns=breakdown_tables(ret, workspace.config),
        checks=checks_before_export(session, period, today),
        exports=load_exports(session),
        unaccepted=[
            (names.get(c.unit_code, c.unit_code), UNACCEPTED[c.status])
            for c in ret.constituents
            if c.status in UNACCEPTED
        ],
    )


# A constituent's return that is in but not accepted: what the question before export says.
UNACCEPTED = {"queried": "queried", "": "not accepted yet", "received": "not accepted yet"}


def load_exports(session: Any) -> list[ExportEntry]:
    return [
        ExportEntry(r.period, r.revision, r.made_at, r.file_name, r.is_current)
        for r in exported_returns(session)
    ]


def recent_periods(today: dt.date) -> list[Period]:
    """The quarter in progress first, then the ones before it, newest first."""
    periods = [Period.containing(today)]
    while len(periods) < RECENT_QUARTERS:
        periods.append(periods[-1].previous())
    return periods


def format_cell(unit: str, value: float | None) -> str:
    if value is None:
        return NO_VALUE
    if unit == "rate":
        return f"{int(value * 100 + 0.5)}%"
    return format_value(unit, int(value))  # type: ignore[arg-type]


def local_time(moment: dt.datetime | None) -> str:
    """When an export was made, in the computer's time (stored in UTC)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return f"{moment.astimezone():%d %b %Y %H:%M}"


# The figures ---------------------------------------------------------------------------------


_ROOT = QModelIndex()


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
        return 0 if parent.isValid() or self.table is None else 1 + len(self.table.columns)

    def text(self, row: int, column: int) -> str:
        assert self.table is not None
        line = self.table.rows[row]
        if column == 0:
            return line.label
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
        if role == Qt.ItemDataRole.FontRole and line.is_total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return glossary_tips.tip(line.label, line.label)
            if line.values[column - 1] is None:
                if self.table.columns[column - 1].heading == "Benchmark":
                    return "There is no benchmark for this measure."
                return "Cannot be worked out: there is nothing to divide by."
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if self.table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.table.label_heading
            heading = self.table.columns[section - 1].heading
            if len(self.table.columns) > 3:  # narrower columns, so that the labels fit
                heading = heading.replace(" ", "\n", 1)
            return heading
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self.table.columns[section - 1].heading
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _PaddedDelegate(QStyledItemDelegate):
    """Room either side of a value, so that neighbouring columns' figures do not run together."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + option.fontMetrics.averageCharWidth() * 2, size.height())


def _prepare_table_view(view: QTableView, model: TableModel) -> None:
    view.setModel(model)
    view.setItemDelegate(_PaddedDelegate(view))
    compact_rows(view)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setMinimumSectionSize(view.fontMetrics().averageCharWidth() * 6)
    header.setStretchLastSection(False)
    model.modelReset.connect(lambda: _fit_columns(view))


def _fit_columns(view: QTableView) -> None:
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


def _fit_height(view: QTableView) -> None:
    """A short table as tall as its rows, so it needs no scroll bar of its own."""
    rows = view.model().rowCount()
    height = (
        view.horizontalHeader().sizeHint().height()
        + rows * view.verticalHeader().defaultSectionSize()
    )
    view.setFixedHeight(height + 2 * view.frameWidth())


# The page ----------------------------------------------------------------------------------


class ReturnsPage(CountingPage):
    """The quarterly return of the open workspace's unit. A check's record opens through
    ``open_record_requested(kind, id)`` (kind: session, action, activity, case_study or
    voice). The figures are counted off the UI thread (about a second on ten years of
    records); ``figures_shown`` says they are on screen."""

    title = "Returns"

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, parent)
        self.ui = Ui_ReturnsPage()
        self.ui.setupUi(self)

        self._view: PeriodView | None = None
        self.task: Task | None = None
        self.progress_dialog: ProgressDialog | None = None
        self.last_result: ExportResult | None = None

        self.headline_model = TableModel(self)
        self.reach_model = TableModel(self)
        self.breakdown_model = TableModel(self)
        _prepare_table_view(self.ui.headlineView, self.headline_model)
        _prepare_table_view(self.ui.reachView, self.reach_model)
        _prepare_table_view(self.ui.breakdownView, self.breakdown_model)
        self.checks_model = QStandardItemModel(self)
        self.ui.checksList.setModel(self.checks_model)
        self.ui.checksList.setSpacing(2)
        self._prepare_history()

        for period in recent_periods(self.today()):
            label = period.label
            if period == Period.containing(self.today()):
                label += " \u2014 in progress"
            self.ui.periodCombo.addItem(label, period.code)
            self.ui.periodCombo.setItemData(
                self.ui.periodCombo.count() - 1, period.spelled_out, Qt.ItemDataRole.ToolTipRole
            )
        self.select_period(default_period(self.today()))
        self.ui.folderEdit.setText(preferences.returns_folder(workspace.path))
        clear_button(self.ui.folderEdit, "Clear the folder")
        self.ui.resultFrame.hide()

        self.ui.periodCombo.currentIndexChanged.connect(self._period_changed)
        self.ui.breakdownCombo.currentIndexChanged.connect(self._show_breakdown)
        self.ui.checksList.activated.connect(self._open_check)
        self.ui.chooseButton.clicked.connect(self.choose_folder)
        self.ui.folderEdit.textChanged.connect(self._update_export_state)
        self.ui.workbookCheck.toggled.connect(self._update_export_state)
        self.ui.pdfCheck.toggled.connect(self._update_export_state)
        self.ui.exportButton.clicked.connect(self.export)
        self.ui.openFolderButton.clicked.connect(self.open_folder)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)
        self._update_export_state()

    # Period and figures

    def current_period(self) -> Period:
        return Period.parse(self.ui.periodCombo.currentData())

    def select_period(self, period: Period) -> None:
        index = self.ui.periodCombo.findData(period.code)
        if index < 0:  # older than the recent quarters: add it at the end
            self.ui.periodCombo.addItem(period.label, period.code)
            index = self.ui.periodCombo.count() - 1
        self.ui.periodCombo.setCurrentIndex(index)

    @Slot()
    def _period_changed(self) -> None:
        self.ui.resultFrame.hide()
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    @Slot()
    def refresh(self) -> None:
        """Count the period's figures and run the checks again, in the background."""
        if self.task is None and not self.ui.folderEdit.isModified():
            self.ui.folderEdit.setText(preferences.returns_folder(self.workspace.path))
        period, today, workspace = self.current_period(), self.today(), self.workspace
        self.count(lambda session: load_period(session, workspace, period, today))

    def show_counting(self, busy: bool) -> None:
        if busy:  # the figures' own status line comes back with them
            label = self.current_period().label
            self.ui.periodStatusLabel.setText(f"Counting the figures for {label}\u2026")

    def count_failed(self, error: BaseException) -> None:
        self.stale = True
        self.ui.periodStatusLabel.setText("The figures could not be counted.")
        super().count_failed(error)

    def show_counted(self, view: PeriodView) -> None:
        self._view = view
        self.headline_model.set_table(view.headline)
        self.reach_model.set_table(view.reach)
        _fit_height(self.ui.reachView)
        self.ui.reachNote.setText(view.reach.note)
        chosen = max(self.ui.breakdownCombo.currentIndex(), 0)
        self.ui.breakdownCombo.blockSignals(True)
        self.ui.breakdownCombo.clear()
        self.ui.breakdownCombo.addItems([table.title for table in view.breakdowns])
        self.ui.breakdownCombo.setCurrentIndex(min(chosen, len(view.breakdowns) - 1))
        self.ui.breakdownCombo.blockSignals(False)
        self._show_breakdown()
        self._show_checks(view.checks)
        self._show_history(view.exports)
        self._update_export_state()

    @Slot()
    def _show_breakdown(self) -> None:
        if self._view is None or not self._view.breakdowns:
            self.breakdown_model.set_table(None)
            self.ui.breakdownNote.clear()
            return
        table = self._view.breakdowns[max(self.ui.breakdownCombo.currentIndex(), 0)]
        self.breakdown_model.set_table(table)
        self.ui.breakdownNote.setText(table.note)
        self.ui.breakdownNote.setVisible(bool(table.note))

    def _show_status(self, exports: list[ExportEntry]) -> None:
        period = self.current_period()
        today = self.today()
        if today > period.end:
            when = f"ended {period.end:%d %b %Y}"
        else:
            when = f"in progress, ends {period.end:%d %b %Y}"
        mine = [e for e in exports if e.period == period.code]
        if mine:
            latest = max(mine, key=lambda e: e.revision)
            done = f"exported as revision {latest.revision} on {local_time(latest.made_at)}"
        else:
            done = "not exported yet"
        self.ui.periodStatusLabel.setText(f"{period.code} \u00b7 {when} \u00b7 {done}")
        self.ui.periodStatusLabel.setToolTip(f"{period.code} is {period.spelled_out}.")

    # Checks

    def _show_checks(self, checks: list[Check]) -> None:
        self.checks_model.clear()
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for check in sorted(checks, key=lambda c: not c.blocks):
            item = QStandardItem(
                icons[check.severity], f"{SEVERITY_TEXT[check.severity]}: {check.message}"
            )
            item.setEditable(False)
            item.setData((check.record_kind, check.record_id), Qt.ItemDataRole.UserRole)
            item.setToolTip(
                f"{SEVERITY_HELP[check.severity]}\n\n{check.message}\n\n"
                "Double-click, or press Enter, to open the record."
            )
            if check.blocks:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.checks_model.appendRow(item)
        errors = sum(c.blocks for c in checks)
        warnings = len(checks) - errors
        if not checks:
            summary = "Nothing to fix: the return is ready to export."
        elif errors:
            summary = (
                f"{counted(errors, 'problem')} must be fixed before the return can be exported"
                + (f"; {counted(warnings, 'other thing')} to check." if warnings else ".")
            )
        else:
            summary = (
                f"{counted(warnings, 'thing')} to check. They do not stop the export, but the "
                "figures may be weaker for them."
            )
        self.ui.checksSummaryLabel.setText(summary)
        self.ui.checksList.setVisible(bool(checks))
        self.ui.checksHintLabel.setVisible(bool(checks))

    @Slot(QModelIndex)
    def _open_check(self, index: QModelIndex) -> None:
        target = index.data(Qt.ItemDataRole.UserRole)
        if target:
            kind, record_id = target
            self.open_record_requested.emit(kind, int(record_id))

    # Earlier exports

    def _prepare_history(self) -> None:
        view = self.ui.historyView
        header = view.header()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        view.headerItem().setTextAlignment(
            1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

    def _show_history(self, exports: list[ExportEntry]) -> None:
        view = self.ui.historyView
        view.clear()
        for entry in exports:
            item = QTreeWidgetItem(
                [entry.period, str(entry.revision), local_time(entry.made_at), entry.file_name]
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            note = "" if entry.is_current else " (replaced by a later revision)"
            item.setToolTip(3, entry.file_name + note)
            if not entry.is_current:
                for column in range(4):
                    item.setForeground(column, view.palette().placeholderText())
            view.addTopLevelItem(item)
        if not exports:
            empty = QTreeWidgetItem(["", "", "", "Nothing exported yet"])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            view.addTopLevelItem(empty)
        self._show_status(exports)

    def export_history(self) -> list[tuple[str, int, str]]:
        """(period, revision, file name) of each earlier export shown, newest first."""
        view = self.ui.historyView
        rows = []
        for row in range(view.topLevelItemCount()):
            item = view.topLevelItem(row)
            if item.text(1):
                rows.append((item.text(0), int(item.text(1)), item.text(3)))
        return rows

    # Export

    def formats(self) -> list[str]:
        chosen = []
        if self.ui.workbookCheck.isChecked():
            chosen.append("xlsx")
        if self.ui.pdfCheck.isChecked():
            chosen.append("pdf")
        return chosen

    def export_blocker(self) -> str | None:
        """Why the Export button is disabled, or None when it is not."""
        if self.task is not None:
            return "Exporting\u2026"
        if self._view is None:
            return "The figures have not been counted yet."
        blocking = [c for c in self._view.checks if c.blocks]
        if blocking:
            first = blocking[0].message.split(". ")[0].rstrip(".")
            more = f" and {counted(len(blocking) - 1, 'more problem')}" if len(blocking) > 1 else ""
            return f"Cannot export yet: {first}. Fix it{more} first (marked Must fix above)."
        if not self.formats():
            return "Tick Workbook, PDF or both."
        if not self.ui.folderEdit.text().strip():
            return "Choose the folder to save the return in."
        return None

    @Slot()
    def _update_export_state(self) -> None:
        reason = self.export_blocker()
        self.ui.exportButton.setEnabled(reason is None)
        self.ui.exportReasonLabel.setText(reason or "")
        self.ui.exportButton.setToolTip(reason or "Write the return's files into the folder")
        self.ui.exportButton.setAccessibleDescription(reason or "")
        self.ui.publicationCheck.setEnabled(self.ui.pdfCheck.isChecked())

    def _folder(self) -> Path | None:
        """The folder typed or chosen, or None (having said why) if it cannot be one."""
        text = self.ui.folderEdit.text().strip()
        folder = Path(text).expanduser()
        problem = None
        if not folder.is_absolute():
            problem = UserError(
                f"{text} is not a full folder path.",
                hint="Choose the folder with Choose\u2026, or type its whole path.",
            )
        elif folder.exists() and not folder.is_dir():
            problem = UserError(f"{folder} is a file, not a folder.", hint="Choose a folder.")
        elif not folder.exists():
            if folder == preferences.documents_folder():
                return self._make_documents(folder)
            # Never made again without a word: on a USB stick taken out, it would be made
            # on the laptop's own disk, and the return would not be where it is looked for.
            problem = (
                UserError(
                    f"The folder {folder} does not exist.",
                    hint="Make it first (Choose\u2026 can make a new folder), or choose "
                    "another folder.",
                )
                if self.ui.folderEdit.isModified()  # typed here, not the one used last
                else FolderGone(folder)
            )
        if problem:
            messages.show_error(self, "The return was not exported", str(problem))
            return None
        return folder

    def _make_documents(self, documents: Path) -> Path | None:
        """The Documents folder is not there: make it only if the user says so, else save
        in the workspace's own folder (which is there), or stop."""
        answer = messages.choose(
            self,
            QMessageBox.Icon.Question,
            "Export the return",
            f"Your Documents folder ({documents}) is not there.\n\nMake it and save the "
            f"return in it, or save the return in the workspace's folder "
            f"({self.workspace.path})?",
            ["Make the Documents folder", "Use the workspace's folder", "Cancel"],
            0,
        )
        if answer == 0:
            try:
                documents.mkdir(parents=True)
            except OSError as exc:
                messages.show_error(
                    self, "The return was not exported", str(explain_file_error(exc, documents))
                )
                return None
            return documents
        if answer == 1:
            self.ui.folderEdit.setText(str(self.workspace.path))
            return self.workspace.path
        return None

    def _may_export(self, period: Period) -> bool:
        """Ask first before exporting a quarter that has not ended (both files then say it
        is a part quarter), or a district's return built from returns not accepted."""
        today = self.today()
        if today <= period.end:
            asked = messages.choose(
                self,
                QMessageBox.Icon.Question,
                "Export a part quarter?",
                f"{period.label} has not ended: it ends on {period.end.day} "
                f"{period.end:%b %Y}.\n\nExport the figures so far? The workbook and the PDF "
                f"will both say \u201cPart quarter: figures to {today.day} {today:%b %Y}\u201d.",
                ["Export the figures so far", "Cancel"],
                1,
            )
            if asked != 0:
                return False
        unaccepted = self._view.unaccepted if self._view is not None else []
        if unaccepted:
            names = "\n".join(f"\u2022 {name}: {why}" for name, why in unaccepted)
            asked = messages.choose(
                self,
                QMessageBox.Icon.Question,
                "Export with returns not accepted?",
                f"The {self.workspace.unit.level} return for {period.label} would be added up "
                f"from {counted(len(unaccepted), 'return')} not accepted:\n{names}\n\n"
                "Export it anyway? (Its figures count as they are; accept or query them on "
                "the Returns in page first to be sure of them.)",
                ["Export anyway", "Cancel"],
                1,
            )
            if asked != 0:
                return False
        return True

    @Slot()
    def export(self) -> None:
        """Check, compute and write the return in a worker thread, with progress and Cancel."""
        if self.export_blocker() is not None:
            return
        folder = self._folder()
        if folder is None:
            return
        period = self.current_period()
        if not self._may_export(period):
            return
        formats = self.formats()
        publication = "pdf" in formats and self.ui.publicationCheck.isChecked()

        def work(session: Any, progress: Any, cancelled: Any) -> ExportResult:
            return export_return(
                session,
                period,
                folder,
                formats=formats,
                publication=publication,
                progress=progress,
                cancelled=cancelled,
                make_folder=False,  # a folder gone since it was chosen is refused
            )

        self.ui.resultFrame.hide()
        task = Task(in_session(self.workspace, work))
        task.finished.connect(self._exported)
        task.failed.connect(self._export_failed)
        task.cancelled.connect(self._export_cancelled)
        task.ended.connect(self._export_ended)
        self.task = task
        self.progress_dialog = ProgressDialog(
            task, "Exporting the return", f"Exporting the return for {period.label}\u2026", self
        )
        self._update_export_state()
        task.start()

    @Slot()
    def _export_ended(self) -> None:
        self.task = None
        self.progress_dialog = None
        self._update_export_state()

    @Slot(object)
    def _exported(self, result: ExportResult) -> None:
        self.last_result = result
        folder = result.paths[0].parent
        preferences.set_returns_folder(folder, self.workspace.path)
        names = "\n".join(f"  {path.name}" for path in result.paths)
        text = (
            f"Exported revision {result.ret.revision} of the return for "
            f"{result.ret.period.label} into {folder}:\n{names}"
        )
        warnings = [c for c in result.checks if not c.blocks]
        if warnings:
            text += f"\n{counted(len(warnings), 'check')} to look at before the next export."
        self._show_result(text, can_open=True)
        with self.workspace.session() as session:
            exports = load_exports(session)
        if self._view is not None:
            self._view.exports = exports
        self._show_history(exports)

    @Slot(object)
    def _export_cancelled(self, error: BaseException) -> None:
        self._show_result(str(error) or "The export was cancelled.", can_open=False)

    @Slot(object)
    def _export_failed(self, error: BaseException) -> None:
        report_error(self, "The return was not exported", error)
        if isinstance(error, ExportBlocked):
            self.refresh()  # something changed since the page last looked

    def _show_result(self, text: str, *, can_open: bool) -> None:
        self.ui.resultLabel.setText(text)
        self.ui.openFolderButton.setVisible(can_open)
        self.ui.resultFrame.show()

    @Slot()
    def open_folder(self) -> None:
        if self.last_result is None or not self.last_result.paths:
            return
        folder = self.last_result.paths[0].parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            messages.show_error(
                self,
                "The folder cannot be opened",
                f"No program opened {folder}.\nOpen it from your file manager instead.",
            )

    # The export folder

    @Slot()
    def choose_folder(self) -> None:
        start = self.ui.folderEdit.text().strip() or preferences.returns_folder(self.workspace.path)
        chosen = QFileDialog.getExistingDirectory(self, "Save the return in", start)
        if chosen:
            self.ui.folderEdit.setText(str(Path(chosen)))
            preferences.set_returns_folder(Path(chosen), self.workspace.path)

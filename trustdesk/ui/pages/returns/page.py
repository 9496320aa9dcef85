"""The Returns page: at quarter end, choose the period, read the figures and the checks, fix
what the checks point at, and export the return (an Excel workbook and a PDF).

The page reads and exports only through :mod:`trustdesk.ops.returns`: the figures are
counted in the background (see ``CountingPage``) and the export runs as a background
``Task`` calling the export operation, one transaction in a worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QWidget

from trustdesk.config.periods import Period
from trustdesk.ops import returns as returns_ops
from trustdesk.ops.returns import ExportEntry, PeriodView
from trustdesk.returns.export import ExportBlocked, ExportResult, default_period
from trustdesk.ui import messages, preferences
from trustdesk.ui.background import Progress, ProgressDialog, Task, report_error
from trustdesk.ui.clear_button import clear_button
from trustdesk.ui.forms.ui_returns_page import Ui_ReturnsPage
from trustdesk.ui.pages.counting_page import CountingPage
from trustdesk.ui.pages.returns.checks_list import ChecksList
from trustdesk.ui.pages.returns.export_questions import export_folder, may_export
from trustdesk.ui.pages.returns.figures import TableModel, fit_height, prepare_table_view
from trustdesk.ui.pages.returns.history import (
    local_time,
    prepare_history,
    show_history,
    shown_history,
)
from trustdesk.words import counted

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

RECENT_QUARTERS = 8  # the quarter in progress and the seven before it
RECENT_YEARS = 3  # the year in progress and the two before it


def recent_periods(today: dt.date) -> list[Period]:
    """The quarter in progress first, then the ones before it, newest first; then this
    year's years to date that have ended, the year in progress and the years before it."""
    periods = [Period.containing(today)]
    while len(periods) < RECENT_QUARTERS:
        periods.append(periods[-1].previous())
    year = periods[0].year
    to_date = [Period(year, q, first=1) for q in (3, 2) if q < periods[0].quarter]
    return [*periods, *to_date, *(Period.financial_year(year - i) for i in range(RECENT_YEARS))]


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
        prepare_table_view(self.ui.headlineView, self.headline_model)
        prepare_table_view(self.ui.reachView, self.reach_model)
        prepare_table_view(self.ui.breakdownView, self.breakdown_model)
        self.checks = ChecksList(
            self.ui.checksList, self.ui.checksSummaryLabel, self.ui.checksHintLabel
        )
        self.checks_model = self.checks.model
        prepare_history(self.ui.historyView)

        for period in recent_periods(self.today()):
            label = period.label
            if self.today() in period:
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
        self.count(returns_ops.period_reader(self.current_period(), self.today()))

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
        fit_height(self.ui.reachView)
        self.ui.reachNote.setText(view.reach.note)
        chosen = max(self.ui.breakdownCombo.currentIndex(), 0)
        self.ui.breakdownCombo.blockSignals(True)
        self.ui.breakdownCombo.clear()
        self.ui.breakdownCombo.addItems([table.title for table in view.breakdowns])
        self.ui.breakdownCombo.setCurrentIndex(min(chosen, len(view.breakdowns) - 1))
        self.ui.breakdownCombo.blockSignals(False)
        self._show_breakdown()
        self.checks.show(view.checks)
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

    @Slot(QModelIndex)
    def _open_check(self, index: QModelIndex) -> None:
        target = index.data(Qt.ItemDataRole.UserRole)
        if target:
            kind, record_id = target
            self.open_record_requested.emit(kind, int(record_id))

    # Earlier exports

    def _show_history(self, exports: list[ExportEntry]) -> None:
        show_history(self.ui.historyView, exports)
        self._show_status(exports)

    def export_history(self) -> list[tuple[str, int, str]]:
        """(period, revision, file name) of each earlier export shown, newest first."""
        return shown_history(self.ui.historyView)

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

    @Slot()
    def export(self) -> None:
        """Check, compute and write the return in a worker thread, with progress and Cancel."""
        if self.export_blocker() is not None:
            return
        folder = export_folder(self, self.ui.folderEdit, self.workspace)
        if folder is None:
            return
        period = self.current_period()
        unaccepted = self._view.unaccepted if self._view is not None else []
        if not may_export(self, period, self.today(), unaccepted, self.workspace.unit.level):
            return
        formats = self.formats()
        publication = "pdf" in formats and self.ui.publicationCheck.isChecked()
        workspace = self.workspace

        def work(progress: Progress, cancelled: Callable[[], bool]) -> ExportResult:
            return returns_ops.export_return(
                workspace,
                period,
                folder,
                formats=formats,
                publication=publication,
                progress=progress,
                cancelled=cancelled,
                make_folder=False,  # a folder gone since it was chosen is refused
            )

        self.ui.resultFrame.hide()
        task = Task(work)
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
        exports = returns_ops.exports(self.workspace)
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

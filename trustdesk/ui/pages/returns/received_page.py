"""The Returns in page of a district or county workspace: which returns the units below have
sent for the last few quarters (accepted, queried, in on time or late, missing, not due yet),
the return of the cell chosen with Accept and Query…, the returns' import (buttons, or files
and folders dropped on the page), and for the chosen quarter a ready-to-send reminder to each
unit whose return is missing.

Everything is read and changed through :mod:`trustdesk.ops.returns`; a district workspace
holds a few hundred figures a return, so the page reads them on the UI thread in a few
milliseconds. The import runs in its own dialog (:mod:`.import_dialog`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Slot
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QHeaderView, QLabel, QWidget

from trustdesk.config.periods import Period
from trustdesk.errors import UserError
from trustdesk.ops import returns as returns_ops
from trustdesk.ops.returns import ReturnDetail, ReturnsIn
from trustdesk.returns.completeness import STATUSES, Cell, Chase
from trustdesk.returns.importer import ImportReport
from trustdesk.returns.targets import Standing
from trustdesk.ui import messages
from trustdesk.ui.forms.ui_returns_in_page import Ui_ReturnsInPage
from trustdesk.ui.pages.page import Page
from trustdesk.ui.pages.returns.hand_returns import HandReturns
from trustdesk.ui.pages.returns.history import local_time
from trustdesk.ui.pages.returns.import_dialog import ImportDialog, import_folder, set_import_folder
from trustdesk.ui.pages.returns.received_model import (
    STATUS_MEANING,
    GridModel,
    StatusDelegate,
    cell_text,
    chip_style,
    day,
    made_how_words,
    sent_words,
    verdict_chip_style,
)
from trustdesk.ui.pages.returns.reminders import Reminders
from trustdesk.ui.pages.returns.review_dialog import QueryDialog
from trustdesk.words import counted

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

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
        self.reminders = Reminders(self)
        self.hand = HandReturns(self)  # Enter this return…, Blank return to fill in…
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
        edited.setToolTip(
            "\u00b7 by hand: a return filled in by hand, or entered on the unit's behalf"
        )
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
        data = returns_ops.returns_in(self.workspace, self.today())
        self.data = data
        self._shown_period = None  # its summary and reminders are read again
        self.model.set_grid(data.grid, data.targets)
        lines = 2 if data.targets else 1  # a line for the targets under the status
        view = self.ui.gridView
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() * lines + 14)
        self._fit_grid()
        index = self.model.index_of(chosen.unit.code, chosen.period) if chosen else QModelIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        if index.isValid():
            self.ui.gridView.setCurrentIndex(index)  # shows the cell (currentChanged)
        else:  # no unit reports here
            self._show_cell(None)
            self.reminders.show_period(data.grid.periods[0])

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
        self.hand.show(cell)
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
            self.detail = returns_ops.return_detail(self.workspace, cell)
            self._show_return(cell)
        else:
            self._show_absent(cell)
        if cell.period != previous_period:
            self._shown_period = cell.period
            self.reminders.show_period(cell.period)
        if cell.status == "missing":
            self.reminders.choose(cell.unit.code)
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
        review = {"accepted": "Accepted", "queried": "Queried"}.get(cell.status, "Not reviewed yet")
        self.ui.noteLabel.setText(f"{review}: {cell.note}" if cell.note else review)
        self.ui.editedWarning.setVisible(cell.edited)
        self.ui.madeHowLabel.setText(made_how_words(cell, self.workspace.unit.name))
        self.ui.madeHowLabel.setVisible(bool(cell.made_how))
        while self.ui.figuresLayout.rowCount():
            self.ui.figuresLayout.removeRow(0)
        for label, value in detail.figures if detail else []:
            shown = QLabel(value, self.ui.figuresBox)
            self.ui.figuresLayout.addRow(f"{label}:", shown)  # "Sessions:", its buddy
        targets = self.model.targets_of(cell)
        if targets:
            heading = QLabel("Against its targets", self.ui.figuresBox)
            heading.setFont(self.ui.figuresTitle.font())
            self.ui.figuresLayout.addRow(heading)
        for standing in targets:
            self.ui.figuresLayout.addRow(_standing_row(standing, self.ui.figuresBox))
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

    # The chosen quarter's reminders (see Reminders)

    def chases(self) -> list[Chase]:
        return self.reminders.chases()

    def current_chase(self) -> Chase | None:
        return self.reminders.current_chase()

    # Review

    @Slot()
    def accept_current(self) -> None:
        cell = self.current_cell()
        if cell is None or self.detail is None or not self.ui.acceptButton.isEnabled():
            return
        try:
            returns_ops.accept_return(self.workspace, self.detail.record_id)
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
            self.workspace,
            self.detail.record_id,
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
        self.reminders.choose(unit.code, "query")  # its e-mail, ready to copy as a reminder is
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
    def _imported(self, report: ImportReport | None) -> None:
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.model.grid is not None:
            self._fit_grid()


def _standing_row(standing: Standing, parent: QWidget) -> QWidget:
    """ "Sessions: 78 against at least 70 (Q1 2026-27)" and its verdict on its colours."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    words = QLabel(
        f"{standing.title}: {standing.actual_words} against {standing.target_words} "
        f"({standing.measured_on.short_label})",
        row,
    )
    words.setWordWrap(True)
    verdict = QLabel(standing.verdict, row)
    verdict.setStyleSheet(verdict_chip_style(standing.verdict))
    layout.addWidget(words, 1)
    layout.addWidget(verdict, 0, Qt.AlignmentFlag.AlignTop)
    return row


def _local_paths(mime: QMimeData | None) -> list[Path]:
    """The files and folders a drag carries (files on this computer only)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

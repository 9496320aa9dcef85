"""The Returns in page's two ways to a return of a unit without TrustDesk, under a missing
return: "Enter this return…" (the officer keys its figures in, :mod:`.enter_return`) and
"Blank return to fill in…" (a return workbook the group fills in by hand, saved off the UI
thread like any file a page makes, then imported as any return is)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from trustdesk.ops import hand_returns
from trustdesk.returns import made_how
from trustdesk.returns.completeness import Cell
from trustdesk.ui.background import Task
from trustdesk.ui.pages.returns.enter_return import EnterReturnDialog
from trustdesk.ui.save_file import WORKBOOK, save_file, say_saved

if TYPE_CHECKING:
    from trustdesk.ui.pages.returns.received_page import ReturnsInPage


class HandReturns(QObject):
    """The buttons under a return not in; ``show(cell)`` as a cell is chosen."""

    def __init__(self, page: ReturnsInPage) -> None:
        super().__init__(page)
        self.page = page
        self.cell: Cell | None = None
        self.dialog: EnterReturnDialog | None = None
        self.task: Task | None = None
        page.ui.enterButton.clicked.connect(self.enter)
        page.ui.templateButton.clicked.connect(self.blank)

    def show(self, cell: Cell | None) -> None:
        """Offer both for a return not in (of a period that has begun); neither while the
        workspace is read-only or a blank workbook is being written."""
        self.cell = cell
        ui, workspace = self.page.ui, self.page.workspace
        offered = cell is not None and not cell.in_hand
        ui.enterButton.setVisible(offered)
        ui.templateButton.setVisible(offered)
        why = workspace.read_only_because
        ui.enterButton.setEnabled(offered and why is None)
        ui.templateButton.setEnabled(offered and self.task is None)
        if why:
            ui.enterButton.setToolTip(f"Read-only: {why}")

    @Slot()
    def enter(self) -> None:
        cell = self.cell
        if cell is None or cell.in_hand or not self.page.ui.enterButton.isEnabled():
            return
        page = self.page
        dialog = EnterReturnDialog(page, page.workspace, cell.unit, cell.period, page.today())
        dialog.accepted.connect(self._entered)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def _entered(self) -> None:
        cell = self.cell
        self.dialog = None
        if cell is None:
            return
        by = made_how.words(made_how.ENTERED, cell.unit.level)
        self.page.refresh()
        self.page.records_changed.emit()
        self.page.status.emit(
            f"Saved {cell.unit.name}'s return for {cell.period.label}, marked as {by}."
        )

    @Slot()
    def blank(self) -> None:
        cell = self.cell
        if cell is None or cell.in_hand or self.task is not None:
            return
        page, workspace, today = self.page, self.page.workspace, self.page.today()
        unit, period = cell.unit, cell.period
        self.task = save_file(
            page,
            title=f"Save a blank return for {unit.name} to fill in",
            name=hand_returns.template_name(unit.code, period),
            write=lambda target: (
                hand_returns.make_template(workspace, unit.code, period, target, today=today).path
            ),
            saved=lambda path: say_saved(
                page,
                f"The blank return of {unit.name} for {period.label}",
                path,
                f"\n\nSend it to {unit.name} to fill in in Excel or LibreOffice. When it comes "
                "back, import it with Import returns: it is marked as filled in by hand.",
            ),
            kind=WORKBOOK,
        )
        if self.task is not None:
            self.task.ended.connect(self._ended)
            self.show(cell)

    @Slot()
    def _ended(self) -> None:
        self.task = None
        self.show(self.page.current_cell())

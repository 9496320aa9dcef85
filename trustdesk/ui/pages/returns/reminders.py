"""The Returns in page's chosen quarter: its summary line, and the reminders (for returns
missing) and query e-mails (for returns queried) ready to copy and send."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidgetItem

from trustdesk.config.periods import Period
from trustdesk.returns.completeness import Chase
from trustdesk.ui.pages.returns.received_model import day, period_summary

if TYPE_CHECKING:
    from trustdesk.ui.pages.returns.received_page import ReturnsInPage


class Reminders:
    """The summary, the list of reminders and queries, and the chosen one's subject and text
    with their Copy buttons, on the page's form."""

    def __init__(self, page: ReturnsInPage) -> None:
        self.page = page
        ui = page.ui
        # Files dropped on the reminder go to the page (the page imports them).
        ui.chaseText.viewport().setAcceptDrops(False)
        ui.chaseList.currentRowChanged.connect(self.show_chase)
        ui.copyButton.clicked.connect(self.copy_text)
        ui.copySubjectButton.clicked.connect(self.copy_subject)

    def show_period(self, period: Period) -> None:
        page, ui = self.page, self.page.ui
        data = page.data
        if data is None:
            return
        ui.summaryLabel.setText(period_summary(data.grid, period, data.targets))
        chases = data.chases.get(period, []) if data.grid.units else []
        queries = any(c.kind == "query" for c in chases)
        ui.chaseBox.setTitle(
            f"{'Reminders and queries' if queries else 'Reminders'} for {period.label}"
        )
        ui.chaseList.blockSignals(True)
        ui.chaseList.clear()
        for chase in chases:
            item = QListWidgetItem(
                chase.unit.name + (" \u2013 query" if chase.kind == "query" else "")
            )
            item.setToolTip(chase.subject)
            ui.chaseList.addItem(item)
        ui.chaseList.blockSignals(False)
        ui.chaseArea.setVisible(bool(chases))
        ui.chaseEmptyLabel.setVisible(not chases)
        if not data.grid.units:
            ui.chaseEmptyLabel.setText(f"No unit reports to {page.workspace.unit.name}.")
        elif not chases:
            due = data.grid.column(period)[0].due
            ui.chaseEmptyLabel.setText(
                f"No return for {period.label} is missing: nobody to remind."
                if page.today() > due
                else f"Returns for {period.label} are due on {day(due)}; reminders are made "
                "for those still missing after that."
            )
        ui.chaseList.setCurrentRow(0 if chases else -1)
        self.show_chase(ui.chaseList.currentRow())

    def chases(self) -> list[Chase]:
        period = self.page.current_period()
        if self.page.data is None or period is None:
            return []
        return self.page.data.chases.get(period, [])

    def choose(self, unit_code: str, kind: str = "reminder") -> None:
        for row, chase in enumerate(self.chases()):
            if chase.unit.code == unit_code and chase.kind == kind:
                self.page.ui.chaseList.setCurrentRow(row)

    @Slot(int)
    def show_chase(self, row: int) -> None:
        ui = self.page.ui
        chases = self.chases()
        chase = chases[row] if 0 <= row < len(chases) else None
        ui.subjectEdit.setText(chase.subject if chase else "")
        ui.subjectEdit.setCursorPosition(0)
        ui.chaseText.setPlainText(chase.text if chase else "")
        ui.copyButton.setEnabled(chase is not None)
        ui.copySubjectButton.setEnabled(chase is not None)

    def current_chase(self) -> Chase | None:
        chases = self.chases()
        row = self.page.ui.chaseList.currentRow()
        return chases[row] if 0 <= row < len(chases) else None

    @Slot()
    def copy_text(self) -> None:
        chase = self.current_chase()
        if chase is None:
            return
        QGuiApplication.clipboard().setText(chase.text)
        what = "query" if chase.kind == "query" else "reminder"
        self.page.status.emit(
            f"The {what} to {chase.unit.name} is copied: paste it into an e-mail."
        )

    @Slot()
    def copy_subject(self) -> None:
        chase = self.current_chase()
        if chase is None:
            return
        QGuiApplication.clipboard().setText(chase.subject)
        what = "query" if chase.kind == "query" else "reminder"
        self.page.status.emit(f"The subject of the {what} to {chase.unit.name} is copied.")

"""Tools > Retention review: how long young people's identifying details are kept, who is
past that time, and removing their details (after saying how many, and that it is for good).

The period is saved as soon as it is changed (through the retention service) and the list
follows it. Removing runs in a worker thread with a progress box: on a ten-year workspace it
changes hundreds of records, each written to the audit trail.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trustdesk import ops
from trustdesk.errors import UserError
from trustdesk.ops.settings import set_retention_years
from trustdesk.ops.young_people import remove_details_due
from trustdesk.services.retention import (
    FEWEST_YEARS,
    MOST_YEARS,
    RemovalReport,
    removal_report,
    retention_years,
)
from trustdesk.ui import announce, messages
from trustdesk.ui.background import ProgressDialog, Task, report_error
from trustdesk.ui.record_table import Column, RecordList

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

COLUMNS = (
    Column("Name", lambda r: r.name, stretch=True),
    Column("Ref", lambda r: r.local_ref),
    Column("Last seen", lambda r: r.last_seen),
)
INTRO = (
    "A young person's name, local reference, date of birth and postcode district are kept "
    "for a set time after they were last seen (at a session, gaining an outcome, or being "
    "added). After that they are removed; the sessions they came to and the outcomes they "
    "gained stay in the counts without their name, so no return changes."
)


class RetentionReview(QDialog):
    """The retention period, the young people past it, and "Remove details now"."""

    records_changed = Signal()  # details were removed: pages showing young people are stale

    def __init__(self, workspace: Workspace, parent: QWidget | None, *, today: dt.date) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.report: RemovalReport | None = None
        self.task: Task | None = None
        self.setWindowTitle("Retention review")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.years = QSpinBox(self)
        self.years.setRange(FEWEST_YEARS, MOST_YEARS)
        self.years.setSuffix(" years")
        self.years.setKeyboardTracking(False)  # save what is typed once, not digit by digit
        self.years.setAccessibleName("Years to keep identifying details after last seen")
        self.years.setValue(ops.query(workspace, retention_years))
        self.years.valueChanged.connect(self.save_years)
        caption = QLabel("&Keep identifying details for", self)
        caption.setBuddy(self.years)
        period = QHBoxLayout()
        period.addWidget(caption)
        period.addWidget(self.years)
        period.addWidget(QLabel("after a young person was last seen.", self))
        period.addStretch(1)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription("Who is due for removal")
        self.list = RecordList(COLUMNS, "young people due", self)
        self.problem = QLabel(self)
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.remove_button = QPushButton("Remove &details now\u2026", self)
        self.remove_button.setObjectName("deleteButton")
        self.remove_button.setAccessibleName("Remove the identifying details of everyone listed")
        self.remove_button.clicked.connect(self.remove_now)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():  # Enter in the period must never start a removal
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(period)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth()
        self.resize(width * 112, self.fontMetrics().lineSpacing() * 34)
        self.show_report()

    def show_report(self) -> None:
        """Read who is due today under the period, and show them."""
        report = self.report = ops.query(self.workspace, removal_report, today=self.today)
        self.list.set_rows(report.people)
        count = len(report.people)
        before = f"{report.cut_off.day} {report.cut_off:%B %Y}"
        if count:
            self.summary.setText(
                f"{_people(count)} {'was' if count == 1 else 'were'} last seen before "
                f"{before}: their details are due for removal."
            )
        else:
            self.summary.setText(f"Nobody is due: everyone was last seen on or after {before}.")
        self.remove_button.setEnabled(count > 0 and self.task is None)

    @Slot(int)
    def save_years(self, years: int) -> None:
        self.problem.hide()
        try:
            set_retention_years(self.workspace, years)
        except UserError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            announce.announce(self.problem, str(exc), assertive=True)
            return
        self.show_report()

    @Slot()
    def remove_now(self) -> None:
        report = self.report
        if report is None or not report.people or self.task is not None:
            return
        count = len(report.people)
        before = f"{report.cut_off.day} {report.cut_off:%B %Y}"
        question = (
            f"Remove the identifying details of {_people(count)} last seen before {before}?\n\n"
            "Their names, local references, dates of birth and postcode districts will be "
            "removed. The sessions they came to and the outcomes they gained stay in the "
            "counts, so no return changes.\n\nThis cannot be undone."
        )
        if not messages.confirm(self, "Remove identifying details", question, "Remove details"):
            return
        today, workspace = self.today, self.workspace
        task = Task(lambda _p, _c: remove_details_due(workspace, today))
        task.finished.connect(self._removed)
        task.failed.connect(lambda error: report_error(self, "The details were not removed", error))
        task.ended.connect(self._ended)
        self.task = task
        self.remove_button.setEnabled(False)
        ProgressDialog(
            task, "Removing details", f"Removing the details of {_people(count)}\u2026", self
        )
        task.start()

    @Slot(object)
    def _removed(self, count: int) -> None:
        self.records_changed.emit()
        messages.present(
            self,
            QMessageBox.Icon.Information,
            "Details removed",
            f"Removed the identifying details of {_people(count)}. Their attendance and "
            "outcomes stay in the counts.",
        )

    @Slot()
    def _ended(self) -> None:
        self.task = None
        self.show_report()


def _people(count: int) -> str:
    return f"{count:,} young {'person' if count == 1 else 'people'}"


def open_retention_review(
    parent: QWidget | None, workspace: Workspace, today: dt.date
) -> RetentionReview:
    """Open the retention review over ``parent`` (window-modal); act on its
    ``records_changed`` to refresh the pages."""
    dialog = RetentionReview(workspace, parent, today=today)
    dialog.open()
    return dialog

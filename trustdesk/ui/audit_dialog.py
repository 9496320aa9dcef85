"""Tools > Audit trail: who added, edited or deleted which record and when, newest first,
narrowed by dates, kind of record and user, with what changed in the entry chosen; and
"Export…" to a CSV file for the data protection officer (it opens in Excel).

The list shows the newest entries that match (at most SHOWN of them); the export writes
every one, in a worker thread, since a trail of years can hold a hundred thousand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk import clock, ops
from trustdesk.errors import UserError
from trustdesk.services.audit import (
    AuditRow,
    audit_choices,
    export_audit_csv,
    newest_audit,
)
from trustdesk.ui import announce
from trustdesk.ui.background import ProgressDialog, Task, report_error
from trustdesk.ui.dialogs import date_edit
from trustdesk.ui.fields import from_qdate, set_choices
from trustdesk.ui.record_table import Column, RecordList

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

SHOWN = 1000  # entries listed; narrow the filters (or export) for the rest
CSV_FILES = "CSV files (*.csv);;All files (*)"
COLUMNS = (
    Column("When", lambda r: r.at),
    Column("User", lambda r: r.user),
    Column("Kind", lambda r: r.kind),
    Column("Record", lambda r: r.record_id, numeric=True, sort=lambda r: _number(r.record_id)),
    Column("What changed", lambda r: r.description, stretch=True, tip=lambda r: r.details),
)
INTRO = (
    "Every record added, edited or deleted in this workspace: when, by which user of the "
    "computer, and what changed. A young person's name, local reference, date of birth and "
    "postcode district are never copied here; the trail says only that they changed."
)
NO_ENTRY = "Choose an entry to see what changed."


def _number(record_id: str) -> Any:
    return int(record_id) if record_id.isdigit() else record_id


class AuditTrail(QDialog):
    """The trail with its filters, the chosen entry's changes, and Export…."""

    def __init__(self, workspace: Workspace, parent: QWidget | None, *, today: dt.date) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.task: Task | None = None
        self.setWindowTitle("Audit trail")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        choices = ops.query(workspace, audit_choices)

        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        self.since = date_edit(min(choices.first_day or today, today))
        self.since.setAccessibleName("From date")
        self.until = date_edit(today)
        self.until.setAccessibleName("To date")
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind of record")
        set_choices(self.kind, choices.kinds, empty="All kinds")
        self.user = QComboBox(self)
        self.user.setAccessibleName("User")
        set_choices(self.user, [(name, name) for name in choices.users], empty="Everyone")
        filters = QHBoxLayout()
        for caption, field in (
            ("&From", self.since),
            ("&To", self.until),
            ("&Kind of record", self.kind),
            ("&User", self.user),
        ):
            label = QLabel(caption, self)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field)
        filters.addStretch(1)

        self.list = RecordList(COLUMNS, "audit entries", self)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("What changed in the chosen entry")
        self.details.setPlaceholderText(NO_ENTRY)
        self.details.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.details.setTabChangesFocus(True)
        self.more = QLabel(self)
        self.more.setWordWrap(True)
        self.more.setAccessibleDescription("How many entries are listed")
        self.problem = QLabel(self)
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton("&Export\u2026", self)
        self.export_button.setAccessibleName("Export the entries to a CSV file")
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            "Close the audit trail"
        )
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.more)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth()
        self.resize(width * 150, self.fontMetrics().lineSpacing() * 38)

        for field in (self.since, self.until):
            field.dateChanged.connect(self.refresh)
        for combo in (self.kind, self.user):
            combo.currentIndexChanged.connect(self.refresh)
        self.list.current_changed.connect(self._show_details)
        self.refresh()

    def filters(self) -> dict[str, Any]:
        """The filters as the audit service takes them."""
        return {
            "since": from_qdate(self.since.date()),
            "until": from_qdate(self.until.date()),
            "table": self.kind.currentData(),
            "user": self.user.currentData(),
        }

    @Slot()
    def refresh(self) -> None:
        """List the newest entries that match the filters."""
        self.problem.hide()
        try:
            rows, total = ops.query(self.workspace, newest_audit, limit=SHOWN, **self.filters())
        except UserError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            announce.announce(self.problem, str(exc), assertive=True)
            rows, total = [], 0
        self.list.set_rows(rows)
        if total > len(rows):
            self.more.setText(
                f"Showing the newest {len(rows):,} of {total:,} entries: choose a later "
                "From date or one kind of record to see older ones. Export\u2026 writes them all."
            )
        else:
            self.more.setText("" if rows else "No changes were recorded with these filters.")
        self.export_button.setEnabled(bool(rows) and self.task is None)

    @Slot(object)
    def _show_details(self, row: AuditRow | None) -> None:
        self.details.setPlainText(row.details if row is not None else "")

    def default_export_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"audit-trail-{self.workspace.unit.code}-{self.today.isoformat()}.csv"
        return Path(folder or Path.home()) / name

    @Slot()
    def export(self) -> Task | None:
        """Ask where, then write every entry that matches to a CSV file in the background.
        Returns the task (tests wait on it), or None if nothing was chosen."""
        if self.task is not None:
            return None
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export the audit trail", str(self.default_export_path()), CSV_FILES
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        filters, workspace = self.filters(), self.workspace
        task = Task(lambda _p, _c: ops.query(workspace, export_audit_csv, path, **filters))
        task.finished.connect(lambda count: self._exported(count, path))
        task.failed.connect(lambda error: report_error(self, "The trail was not exported", error))
        task.ended.connect(self._ended)
        self.task = task
        self.export_button.setEnabled(False)
        ProgressDialog(task, "Exporting the audit trail", f"Writing {path.name}\u2026", self)
        task.start()
        return task

    def _exported(self, count: int, path: Path) -> None:
        entries = f"{count:,} entr{'y' if count == 1 else 'ies'}"
        self.more.setText(f"Exported {entries} to {path}.")

    @Slot()
    def _ended(self) -> None:
        self.task = None
        self.export_button.setEnabled(self.list.model.total() > 0)

    def reject(self) -> None:
        if self.task is not None:  # the export finishes first: its file is whole or not there
            return
        super().reject()


def open_audit_trail(parent: QWidget | None, workspace: Workspace) -> AuditTrail:
    """Open the audit trail over ``parent`` (window-modal)."""
    dialog = AuditTrail(workspace, parent, today=clock.today())
    dialog.open()
    return dialog

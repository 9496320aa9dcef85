"""Importing the returns the units below sent, as a dialog: the files are checked off the UI
thread (progress and Cancel), then the officer sees what taking each in would do — a new
return, a corrected revision with the figures it changes, a file already imported, or a file
refused and why — and decides about any file whose figures or texts were changed after export. Import
takes the files in, again off the UI thread and cancellable between files (each file is
taken in whole or not at all, one transaction each), and the dialog ends with the import
report, which can be copied or saved as text to send on.

The checking and the taking in are the operations :func:`trustdesk.ops.returns.check_files`
and :func:`~trustdesk.ops.returns.take_in`; this dialog only shows what they say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trustdesk import clock
from trustdesk.errors import UserError
from trustdesk.files import write_atomically
from trustdesk.ops.returns import check_files, take_in
from trustdesk.returns.importer import CHECK_CANCELLED, Checked, ImportCancelled, ImportReport
from trustdesk.ui import messages, preferences
from trustdesk.ui.background import Progress, ProgressDialog, Task, report_error
from trustdesk.ui.pages.returns.import_report import (
    EDITED_WARNING,
    IMPORTS,
    PLAN_EDGES,
    TAKE_IT_IN,
    bold,
    changes_text,
    plain_label,
    plan_text,
    preview_summary,
    report_summary,
    report_text,
)
from trustdesk.words import counted

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

IMPORT_FOLDER_KEY = "returns/importFolder"
Cancel = Callable[[], bool]


def import_folder() -> str:
    """Where the import dialogs start: the folder imported from last, else Documents."""
    value = preferences.settings().value(IMPORT_FOLDER_KEY)
    return str(value) if value else preferences.returns_folder()


def set_import_folder(folder: Path) -> None:
    preferences.settings().setValue(IMPORT_FOLDER_KEY, str(folder))


# The dialog ----------------------------------------------------------------------------------


class ImportDialog(QDialog):
    """Check ``paths`` (files, or folders of files), show what would happen, take them in and
    report. Start it with :meth:`start`: the dialog opens (window-modal) once the files are
    checked. ``imported(report)`` is sent once files have been taken in (also when the import
    was cancelled part-way: what was taken in stays)."""

    imported = Signal(object)  # the ImportReport

    def __init__(
        self,
        workspace: Workspace,
        paths: Sequence[Path],
        parent: QWidget,
        *,
        today: dt.date,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.paths = list(paths)
        self.today = today
        self.checked: list[Checked] = []
        self.boxes: dict[int, QCheckBox] = {}  # the edited files' boxes, by position
        self.report: ImportReport | None = None
        self.task: Task | None = None
        self.progress_dialog: ProgressDialog | None = None
        self.outcome = ""  # what happened, in a sentence, once the dialog is done
        self.was_cancelled = False  # the last task stopped because Cancel was pressed

        self.setWindowTitle("Import returns")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAccessibleName("Import returns")
        self.stack = QStackedWidget(self)
        self._build_preview()
        self._build_report()
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        chars = self.fontMetrics().averageCharWidth()
        self.resize(chars * 120, self.fontMetrics().lineSpacing() * 36)

    # Building

    def _build_preview(self) -> None:
        page = QWidget(self.stack)
        self.preview_summary = bold(plain_label("", page, selectable=True))
        self.preview_summary.setAccessibleDescription("What the import would do")
        self.preview_hint = plain_label("", page, name="formNote")
        self.files_area = QScrollArea(page)
        self.files_area.setWidgetResizable(True)
        self.files_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.files_area.setAccessibleName("The files and what would happen to each")
        self.files_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what is in it
        self.files = QWidget(self.files_area)
        self.files_layout = QVBoxLayout(self.files)
        self.files_layout.setSpacing(8)
        self.files_area.setWidget(self.files)
        self.preview_buttons = QDialogButtonBox(page)
        self.import_button = QPushButton("&Import", page)
        self.import_button.setAccessibleName("Import")
        self.preview_buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.preview_buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.preview_buttons.accepted.connect(self.import_files)
        self.preview_buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview_summary)
        layout.addWidget(self.preview_hint)
        layout.addWidget(self.files_area, 1)
        layout.addWidget(self.preview_buttons)
        self.stack.addWidget(page)

    def _build_report(self) -> None:
        page = QWidget(self.stack)
        self.report_summary = bold(plain_label("", page, selectable=True))
        self.report_summary.setAccessibleDescription("Import summary")
        self.report_view = QPlainTextEdit(page)
        self.report_view.setReadOnly(True)
        self.report_view.setAccessibleName("Import report")
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.report_note = plain_label("", page, name="formNote")
        self.report_buttons = QDialogButtonBox(page)
        self.copy_button = QPushButton("&Copy report", page)
        self.copy_button.setAccessibleName("Copy report")
        self.save_button = QPushButton("&Save report\u2026", page)
        self.save_button.setAccessibleName("Save report")
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.report_buttons.addButton(self.copy_button, role)
        self.report_buttons.addButton(self.save_button, role)
        self.close_button = self.report_buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        self.copy_button.clicked.connect(self.copy_report)
        self.save_button.clicked.connect(self.save_report)
        self.report_buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.report_summary)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.report_note)
        layout.addWidget(self.report_buttons)
        self.stack.addWidget(page)

    # Checking

    def start(self) -> None:
        """Check the files in a worker thread, with progress and Cancel; the dialog opens
        with what would happen once they are checked."""
        workspace, paths, today = self.workspace, self.paths, self.today

        def work(progress: Progress, cancelled: Cancel) -> list[Checked]:
            return check_files(
                workspace, paths, today=today, progress=progress, cancelled=cancelled
            )

        task = Task(work)
        task.finished.connect(self._checked)
        task.failed.connect(self._check_failed)
        task.cancelled.connect(self._check_cancelled)
        task.ended.connect(self._task_ended)
        self.task = task
        self.progress_dialog = ProgressDialog(
            task, "Checking the returns", "Looking for return files\u2026", self.parentWidget()
        )
        task.start()

    @Slot()
    def _task_ended(self) -> None:
        self.was_cancelled = self.task is not None and self.task.cancel_requested()
        self.task = None
        self.progress_dialog = None

    @Slot(object)
    def _checked(self, found: list[Checked]) -> None:
        if self.was_cancelled:  # Cancel pressed as the last file was checked
            self._give_up(CHECK_CANCELLED)
            return
        if not found:
            where = ", ".join(str(p) for p in self.paths)
            messages.show_error(
                self.parentWidget(),
                "Nothing to import",
                f"There is no return file in {where}.\nChoose the return workbooks (.xlsx) the "
                "coordinators sent, or the folder they are in.",
            )
            self._give_up("There was nothing to import.")
            return
        self.show_preview(found)
        self.open()
        if self.import_button.isEnabled():
            self.import_button.setFocus()

    @Slot(object)
    def _check_failed(self, error: BaseException) -> None:
        report_error(self.parentWidget(), "The returns could not be checked", error)
        self._give_up("The returns could not be checked; nothing was taken in.")

    @Slot(object)
    def _check_cancelled(self, _error: BaseException) -> None:
        self._give_up(CHECK_CANCELLED)

    def _give_up(self, outcome: str) -> None:
        self.outcome = outcome
        self.reject()

    # The preview

    def show_preview(self, checked: list[Checked]) -> None:
        """List each file with what taking it in would do."""
        self.checked = checked
        self.boxes.clear()
        while self.files_layout.count():
            taken = self.files_layout.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()
        for number, item in enumerate(checked):
            self.files_layout.addWidget(self._file_card(number, item))
        self.files_layout.addStretch(1)
        self.preview_summary.setText(preview_summary(checked))
        self._update_import_button()
        self.stack.setCurrentIndex(0)

    def _file_card(self, number: int, item: Checked) -> QFrame:
        card = QFrame(self.files)
        card.setObjectName("importFile")
        edge = PLAN_EDGES["edited" if item.edited and item.plan in IMPORTS else item.plan]
        card.setStyleSheet(
            f"QFrame#importFile {{ background: #ffffff; color: #1f2933; "
            f"border: 1px solid #d3dde3; border-left: 5px solid {edge}; }}"
        )
        layout = QVBoxLayout(card)
        layout.setSpacing(4)
        name = bold(plain_label(item.path.name, card))
        what = plain_label(plan_text(item), card, selectable=True)
        what.setAccessibleDescription(f"{item.path.name}: what would happen")
        if item.plan == "refused":
            what.setObjectName("fieldError")  # the stylesheet's colour for a problem
        layout.addWidget(name)
        layout.addWidget(what)
        if item.changes:
            changes = plain_label(changes_text(item.changes, indent="    "), card, selectable=True)
            changes.setAccessibleDescription(f"{item.path.name}: figures changed")
            layout.addWidget(changes)
        if item.edited and item.plan in IMPORTS:
            warning = plain_label(EDITED_WARNING, card, name="fieldError")
            box = QCheckBox(TAKE_IT_IN, card)
            box.setAccessibleName(f"{TAKE_IT_IN}: {item.path.name}")
            box.toggled.connect(self._update_import_button)
            self.boxes[number] = box
            layout.addWidget(warning)
            layout.addWidget(box)
        return card

    def to_take_in(self) -> list[Checked]:
        """The files Import would take in (an edited one only with its box ticked)."""
        return [
            item
            for number, item in enumerate(self.checked)
            if item.plan in IMPORTS and (number not in self.boxes or self.boxes[number].isChecked())
        ]

    @Slot()
    def _update_import_button(self) -> None:
        count = len(self.to_take_in())
        self.import_button.setEnabled(count > 0)
        self.import_button.setText(f"&Import {counted(count, 'return')}" if count else "&Import")
        waiting = len(self.boxes) - sum(box.isChecked() for box in self.boxes.values())
        if count == 0 and waiting:
            hint = "Nothing would be taken in unless you tick the box of an edited file."
        elif count == 0:
            hint = "None of these files would change anything: there is nothing to import."
        else:
            hint = (
                "Import takes in the files marked New or Replaces, each whole or not at all; "
                "the others are listed in the report."
            )
            if waiting:
                hint += f" {counted(waiting, 'edited file')} left unticked will be refused."
        self.preview_hint.setText(hint)

    # Taking in

    @Slot()
    def import_files(self) -> None:
        """Take the files in, in a worker thread; Cancel stops between files."""
        if self.task is not None or not self.to_take_in():
            return
        workspace, checked = self.workspace, list(self.checked)
        ticked = {id(self.checked[n]) for n, box in self.boxes.items() if box.isChecked()}

        def work(progress: Progress, cancelled: Cancel) -> ImportReport:
            return take_in(
                workspace,
                checked,
                accept_edited=lambda item: id(item) in ticked,
                progress=progress,
                cancelled=cancelled,
            )

        task = Task(work)
        task.finished.connect(self._imported)
        task.failed.connect(self._import_failed)
        task.cancelled.connect(self._import_cancelled)
        task.ended.connect(self._task_ended)
        self.task = task
        self.import_button.setEnabled(False)
        self.progress_dialog = ProgressDialog(
            task,
            "Importing the returns",
            f"Importing {counted(len(checked), 'file')}\u2026",
            self,
        )
        task.start()

    @Slot(object)
    def _imported(self, report: ImportReport) -> None:
        self.show_report(report)
        self.outcome = report_summary(report, self.checked)
        self.imported.emit(report)

    @Slot(object)
    def _import_cancelled(self, error: BaseException) -> None:
        """Cancel stopped the import between files: the report of those dealt with."""
        if isinstance(error, ImportCancelled):
            self._imported(error.report)
        else:
            self._import_failed(error)

    @Slot(object)
    def _import_failed(self, error: BaseException) -> None:
        report_error(self, "The returns were not all imported", error)
        self.outcome = (
            "The import stopped with a problem; the files taken in before it stay taken in."
        )
        self.imported.emit(None)
        self.reject()

    # The report

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.report_summary.setText(report_summary(report, self.checked))
        when = clock.local_now()
        self.report_view.setPlainText(
            report_text(report, self.checked, self.workspace.unit.name, when)
        )
        self.report_note.setText(
            "Copy the report into an e-mail, or save it, to tell coordinators what was refused."
            if report.any_refused
            else ""
        )
        self.report_note.setVisible(report.any_refused)
        self.report_view.moveCursor(QTextCursor.MoveOperation.Start)
        self.stack.setCurrentIndex(1)
        self.close_button.setDefault(True)
        self.report_view.setFocus()

    @Slot()
    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_view.toPlainText())
        self.report_note.setText("The report is copied: paste it where you need it.")
        self.report_note.show()

    @Slot()
    def save_report(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Save the import report",
            str(self._report_folder() / f"import-report-{self.today:%Y-%m-%d}.txt"),
            "Text files (*.txt);;All files (*)",
        )
        if not chosen:
            return
        path = Path(chosen)
        text = self.report_view.toPlainText().encode("utf-8")
        try:
            write_atomically(path, lambda file: file.write(text))
        except (UserError, OSError) as problem:
            messages.show_error(self, "The report was not saved", str(problem))
            return
        self.report_note.setText(f"The report is saved as {path}.")
        self.report_note.show()

    def _report_folder(self) -> Path:
        """Beside the returns imported, else the Documents folder."""
        if self.paths:
            first = self.paths[0]
            return first if first.is_dir() else first.parent
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        return Path(QStandardPaths.writableLocation(documents))

    def reject(self) -> None:
        if self.task is not None:  # the progress box is in charge until the task stops
            return
        if not self.outcome:
            self.outcome = "Nothing was imported."
        super().reject()

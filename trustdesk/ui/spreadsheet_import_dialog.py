"""File > Import from a spreadsheet…: bring in the young people, partners, activities or past
registers a group already keeps in Excel, in three steps — the file, its columns, the preview —
then Bring in, which saves every row or (when any row is refused) none.

Reading the file, the preview and bringing it in each run in the background
(:class:`trustdesk.ui.background.Task`) with a progress box whose Cancel stops them; the work
is :mod:`trustdesk.ops.spreadsheet_import`'s, the same the command line does. Nothing is saved
before Bring in: the preview is the import done and rolled back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trustdesk import ops
from trustdesk.ops import spreadsheet_import
from trustdesk.ops.spreadsheet_import import Brought, Columns
from trustdesk.services.activities import activity_choices
from trustdesk.spreadsheets.plan import Preview
from trustdesk.ui import messages, preferences
from trustdesk.ui.background import Progress, ProgressDialog, Task, report_error
from trustdesk.ui.spreadsheet_import_preview import PreviewStep
from trustdesk.ui.spreadsheet_import_steps import ColumnsStep, FileStep, note
from trustdesk.words import counted, listed

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace
    from trustdesk.ui.main_window import MainWindow

FILE_FILTER = "Spreadsheets (*.xlsx *.csv)"
STEPS = ("The file", "The columns", "The preview")
STEP_NOTES = (
    "What the file holds, and where it is.",
    "Which column holds what. TrustDesk has guessed from the headings: put right any guess "
    "that is wrong.",
    "What bringing the file in will do, row by row. Nothing has been saved yet.",
)


def activity_titles(workspace: Workspace) -> list[str]:
    """The activities a register can be for, newest first (a read of its own)."""
    return [title for title, _ in ops.query(workspace, activity_choices)]


def rows_done(progress: Progress, cancelled: Callable[[], bool]) -> Callable[[int, int], bool]:
    """The engine's ``progress(done, total)``, said in the progress box ("Row 50 of 1,200");
    False (stop) once Cancel has been pressed."""

    def report(done: int, total: int) -> bool:
        progress(done, total, f"Row {done:,} of {total:,}")
        return not cancelled()

    return report


def done_words(found: Preview) -> str:
    """What was brought in, once it has been: "Added 2 partners and 3 contact people."."""
    added = [f"{n:,} {what}" for what, n in found.added.items() if n]
    said = f"Added {listed(added)}" if added else "Nothing new was added"
    matched = found.count("match")
    there = f" {counted(matched, 'row')} {'was' if matched == 1 else 'were'} already in TrustDesk."
    there = there if matched else ""
    return f"From {found.file_name}: {said}.{there}"


class SpreadsheetImportDialog(QDialog):
    """The three steps, and Back, Next, Bring in and Cancel. ``brought_in(brought)`` once
    the file is in, for the window to read again the pages that show what was added."""

    brought_in = Signal(object)

    def __init__(self, workspace: Workspace, *, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.columns: Columns | None = None
        self.read_from: tuple[str, Path] | None = None  # (kind, file) the columns came from
        self.found: Preview | None = None
        self.task: Task | None = None
        self.setWindowTitle("Import from a spreadsheet")
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.heading = QLabel(self)
        self.heading.setObjectName("formHeading")
        self.step_count = QLabel(self)
        self.step_count.setObjectName("formNote")
        self.step_note = note("", self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.step_count)

        self.file_step = FileStep(activity_titles(workspace), self)
        self.columns_step = ColumnsStep(self)
        self.preview_step = PreviewStep(self)
        self.stack = QStackedWidget(self)
        for step in (self.file_step, self.columns_step, self.preview_step):
            self.stack.addWidget(step)
        self.file_step.changed.connect(self._update_buttons)
        self.file_step.choose_requested.connect(self.choose_file)
        self.columns_step.changed.connect(self._update_buttons)
        self.preview_step.read_again_requested.connect(self.read_again)

        self.status = note("", self)
        self.status.hide()
        self.back_button = self._button("< &Back", "Back to the step before", self.go_back)
        self.next_button = self._button("&Next >", "Next step", self.go_next)
        self.bring_button = self._button(
            "Bring &in", "Bring the file in: every row, or none", self.bring_in
        )
        self.cancel_button = self._button("Cancel", "Cancel: nothing is brought in", self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.bring_button, self.cancel_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addWidget(self.step_note)
        layout.addSpacing(4)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(980, 620)
        self._show_step(0)

    def _button(self, text: str, name: str, pressed: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.clicked.connect(pressed)
        return button

    # ----- moving between the steps -------------------------------------------------------------

    def _show_step(self, number: int) -> None:
        self.stack.setCurrentIndex(number)
        self.heading.setText(STEPS[number])
        self.heading.setAccessibleName(f"Step {number + 1} of 3: {STEPS[number]}")
        self.step_count.setText(f"Step {number + 1} of {len(STEPS)}")
        self.step_note.setText(STEP_NOTES[number])
        self._update_buttons()
        if number == 0:
            self.file_step.kind.setFocus()
        elif number == 1 and self.columns_step.combos:
            self.columns_step.combos[0].setFocus()
        elif number == 2:
            button = self.bring_button
            (button if button.isEnabled() else self.preview_step.table).setFocus()

    def _update_buttons(self) -> None:
        step = self.stack.currentIndex()
        idle = self.task is None
        self.back_button.setEnabled(idle and step > 0)
        self.next_button.setVisible(step < 2)
        self.bring_button.setVisible(step == 2)
        ready = (self.file_step.ready, self.columns_step.ready)[step]() if step < 2 else False
        self.next_button.setEnabled(idle and ready)
        found = self.found
        self.bring_button.setEnabled(idle and step == 2 and found is not None and not found.refused)
        default = self.next_button if step < 2 else self.bring_button
        default.setDefault(default.isEnabled())
        (self.bring_button if step < 2 else self.next_button).setDefault(False)

    def go_back(self) -> None:
        if self.stack.currentIndex() > 0:
            self._say("")
            self._show_step(self.stack.currentIndex() - 1)

    def go_next(self) -> None:
        step = self.stack.currentIndex()
        if step == 0 and self.file_step.ready():
            self._read(then=lambda: self._show_step(1))
        elif step == 1 and self.columns_step.ready():
            self._preview()

    def choose_file(self) -> None:
        """Choose file…: an Excel workbook or a CSV file; read (again) on Next, even if it is
        the same file, which may have been put right meanwhile."""
        start = (
            self.file_step.path.parent if self.file_step.path else preferences.documents_folder()
        )
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Choose the spreadsheet to bring in", str(start), FILE_FILTER
        )
        if chosen:
            self.read_from = None
            self.file_step.set_path(Path(chosen))
            self.next_button.setFocus()

    def read_again(self) -> None:
        """The file as it is now (put right since it was read), with the columns as set."""
        self.read_from = None
        self._read(then=self._preview)

    # ----- the three pieces of work -------------------------------------------------------------

    def _read(self, then: Callable[[], None]) -> None:
        kind, path = self.file_step.chosen_kind(), self.file_step.path
        assert path is not None
        if self.columns is not None and self.read_from == (kind, path):
            then()
            return

        def work(_progress: Progress, _cancelled: Callable[[], bool]) -> Columns:
            return spreadsheet_import.read_columns(self.workspace, kind, path)

        def read(columns: Columns) -> None:
            mapping = columns.mapping
            before = self.columns
            if before is not None and (before.kind, before.table.headings) == (
                kind,
                columns.table.headings,
            ):
                mapping = self.columns_step.mapping()  # the same columns: kept as set
            self.columns, self.read_from, self.found = columns, (kind, path), None
            self.columns_step.show_columns(columns, mapping)
            then()

        self._run(work, "Reading the file", f"Reading {path.name}\u2026", read)

    def _preview(self) -> None:
        columns, mapping = self.columns, self.columns_step.mapping()
        options = self.file_step.options()
        assert columns is not None

        def work(progress: Progress, cancelled: Callable[[], bool]) -> Preview:
            return spreadsheet_import.preview(
                self.workspace,
                columns,
                mapping,
                options=options,
                today=self.today,
                progress=rows_done(progress, cancelled),
            )

        def previewed(found: Preview) -> None:
            self.found = found
            self.preview_step.show_preview(found)
            self._show_step(2)

        self._run(work, "Checking every row", "Checking every row\u2026", previewed)

    def bring_in(self) -> None:
        columns, found, options = self.columns, self.found, self.file_step.options()
        if columns is None or found is None or found.refused:
            return
        mapping = dict(found.mapping)

        def work(progress: Progress, cancelled: Callable[[], bool]) -> Brought:
            return spreadsheet_import.bring_in(
                self.workspace,
                columns,
                mapping,
                options=options,
                today=self.today,
                progress=rows_done(progress, cancelled),
            )

        self._run(
            work,
            "Bringing in",
            f"Bringing in {columns.table.file_name}\u2026",
            self._brought,
            bringing=True,
        )

    def _brought(self, brought: Brought) -> None:
        assert brought.preview is not None
        if brought:  # something was added: the pages showing it read again
            self.brought_in.emit(brought)
        self.accept()
        messages.present(
            self.parentWidget(),
            QMessageBox.Icon.Information,
            "Brought in",
            done_words(brought.preview),
        )

    def _run(
        self,
        work: Callable[[Progress, Callable[[], bool]], Any],
        title: str,
        text: str,
        done: Callable[[Any], None],
        *,
        bringing: bool = False,
    ) -> None:
        """``work`` in the background with a progress box; ``done(result)`` unless it failed
        or was cancelled (a read or a preview cancelled when nearly done is dropped too; an
        import that finished is not: it is in)."""
        task = Task(work, self)
        self.task = task

        def finished(result: Any) -> None:
            if bringing or not task.cancel_requested():
                done(result)

        def ended() -> None:
            self.task = None
            self._update_buttons()

        task.ended.connect(ended)
        task.finished.connect(finished)
        task.cancelled.connect(lambda error: self._say(str(error).split("\n")[0]))
        failed = "Nothing was brought in" if bringing else "The file cannot be brought in"
        task.failed.connect(lambda error: report_error(self, failed, error))
        self._say("")
        self._update_buttons()
        ProgressDialog(task, title, text, self)
        task.start()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def reject(self) -> None:
        if self.task is None:  # while work runs, its progress box answers Cancel
            super().reject()


def import_spreadsheet(window: MainWindow) -> SpreadsheetImportDialog | None:
    """File > Import from a spreadsheet…: the three steps (window-modal, not waited for);
    once a file is brought in, the pages that show what it added read again."""
    workspace = window.workspace
    if workspace is None or not window.writable or not window.settle_unsaved():
        return None
    dialog = SpreadsheetImportDialog(workspace, today=window.today(), parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.brought_in.connect(window.records_changed_elsewhere)
    dialog.open()
    return dialog

"""Young people: the few details kept about each one (a name or local reference, a date of
birth or only an age band, equality monitoring, the postcode district) and the recorded and
accredited outcomes they gained. Nothing here leaves the laptop in a return.

Their rights are two buttons under the form: export everything held about them as a PDF (a
subject access request) and erase them on request, which keeps the anonymous counts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustdesk import ops
from trustdesk.errors import UserError
from trustdesk.ops import Changed
from trustdesk.ops.young_people import (
    delete_outcome,
    erase_young_person,
    export_what_we_hold,
    save_outcome,
    save_young_person,
)
from trustdesk.services.activities import activity_choices
from trustdesk.services.outcomes import OutcomeRow, outcome_rows, preview_outcome_delete
from trustdesk.services.validation import get
from trustdesk.services.young_people import list_young_people
from trustdesk.store.models import RecordedOutcome, YoungPerson
from trustdesk.ui import messages
from trustdesk.ui.background import Task
from trustdesk.ui.binding import Bindings
from trustdesk.ui.dialogs import Save, operation
from trustdesk.ui.fields import (
    allow_empty_date,
    choose_value,
    optional_date,
    set_choices,
    set_optional_date,
    to_qdate,
    trust_choices,
)
from trustdesk.ui.forms.ui_young_person_form import Ui_YoungPersonForm
from trustdesk.ui.pages.outcome_dialog import OutcomeDialog
from trustdesk.ui.pages.record_page import RecordPage
from trustdesk.ui.record_table import Column, compact_rows, shown
from trustdesk.ui.save_file import save_file, say_saved

OUTCOME_COLUMNS = ("Date", "Kind", "Title / accreditation", "Activity")


class YoungPeoplePage(RecordPage):
    title = "Young people"
    kind = "young_person"
    what = "young person"
    plural = "young people"
    list_share = (5, 4)  # names need the width more than the form does
    record_model = YoungPerson
    shows = frozenset({"young_person", "outcome", "register", "activity"})
    columns = (
        Column("Name", lambda r: r.name, stretch=True),
        Column("Ref", lambda r: r.local_ref),
        Column("Age", lambda r: r.age, sort=lambda r: r.age_years),
        Column("Gender", lambda r: r.gender),
        Column("Sessions", lambda r: r.sessions, numeric=True),
        Column("Last seen", lambda r: r.last_seen, sort=lambda r: r.last_seen or ""),
    )

    GENDER_WIDTH = 120  # "Describes themselves another way" may be cut: the name matters more

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Built after the record page has watched the form: an outcome saves at once and is
        # not an unsaved change of the young person.
        self.editor.layout().addWidget(self._build_outcomes())
        self.editor.layout().addWidget(self._build_rights())
        self.editor.layout().addStretch(1)
        self.outcome_dialog: OutcomeDialog | None = None
        self.export_task: Task | None = None
        self._show_outcomes()
        self._show_rights(None)

    # ----- the young person ----------------------------------------------------------------

    def build_form(self) -> QWidget:
        editor = QWidget(self)
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form_widget = QWidget(editor)
        self.ui = Ui_YoungPersonForm()
        self.ui.setupUi(self.form_widget)
        layout.addWidget(self.form_widget)
        config = self.workspace.config
        set_choices(self.ui.ageBandCombo, trust_choices(config, "age_bands"), empty="(choose)")
        set_choices(self.ui.genderCombo, trust_choices(config, "genders"))
        set_choices(self.ui.ethnicityCombo, trust_choices(config, "ethnicity_groups"))
        self.ui.birthUnknownCheck.toggled.connect(self._birth_unknown)
        # Empty until typed: a date starting at today was a wrong value kept by a hurried
        # Save. Its calendar opens on a young person's age (12) rather than on the empty 1899.
        allow_empty_date(
            self.ui.birthDateEdit,
            dt.date(1900, 1, 1),
            lambda: self.today() - dt.timedelta(days=12 * 365),
        )
        return editor

    def _birth_unknown(self, unknown: bool) -> None:
        self.ui.birthDateEdit.setEnabled(not unknown)
        self.ui.ageBandCombo.setEnabled(unknown)

    def refresh(self) -> None:
        super().refresh()
        header = self.list.table.horizontalHeader()
        gender = 3
        header.resizeSection(gender, min(header.sectionSize(gender), self.GENDER_WIDTH))
        self._show_outcomes(self.record_id)  # e.g. an outcome put back by Undo delete

    def bind_fields(self) -> Bindings:
        return Bindings(
            {
                "first_name": self.ui.firstNameEdit,
                "last_name": self.ui.lastNameEdit,
                "local_ref": self.ui.localRefEdit,
                "date_of_birth": self.ui.birthDateEdit,
                "age_band": self.ui.ageBandCombo,
                "gender": self.ui.genderCombo,
                "ethnicity": self.ui.ethnicityCombo,
                "postcode_district": self.ui.postcodeEdit,
            }
        )

    def describe(self, row: Any) -> str:
        if row.erased:
            return f"young person number {row.id} (details removed)"
        return f"young person {row.short_name!r}"

    def load_rows(self) -> list[Any]:
        return ops.query(self.workspace, list_young_people, today=self.today())

    def load_record(self, record_id: int) -> YoungPerson:
        return ops.query(self.workspace, get, YoungPerson, record_id, "young person")

    def fill_form(self, record: YoungPerson | None) -> None:
        self.ui.firstNameEdit.setText(record.first_name or "" if record else "")
        self.ui.lastNameEdit.setText(record.last_name or "" if record else "")
        self.ui.localRefEdit.setText(record.local_ref or "" if record else "")
        born = record.date_of_birth if record else None
        self.ui.birthDateEdit.setMaximumDate(to_qdate(self.today()))
        set_optional_date(self.ui.birthDateEdit, born)  # a new person's: "(not entered)"
        unknown = record is not None and born is None
        self.ui.birthUnknownCheck.setChecked(unknown)
        self._birth_unknown(unknown)
        choose_value(self.ui.ageBandCombo, record.age_band if record else None)
        choose_value(self.ui.genderCombo, record.gender if record else "not-stated")
        choose_value(self.ui.ethnicityCombo, record.ethnicity if record else "not-stated")
        self.ui.disabilityCheck.setChecked(bool(record and record.disability))
        self.ui.lookedAfterCheck.setChecked(bool(record and record.looked_after))
        self.ui.youngCarerCheck.setChecked(bool(record and record.young_carer))
        self.ui.teenageParentCheck.setChecked(bool(record and record.teenage_parent))
        self.ui.postcodeEdit.setText(record.postcode_district or "" if record else "")
        # Once the identifying details are removed there is nothing left to edit.
        self.form_widget.setEnabled(not (record and record.erased_at))
        if hasattr(self, "outcomes_table"):
            self._show_outcomes(record.id if record else None)
            self._show_rights(record)

    def save_record(self, record_id: int | None) -> Changed:
        unknown = self.ui.birthUnknownCheck.isChecked()
        values = {
            "first_name": self.ui.firstNameEdit.text(),
            "last_name": self.ui.lastNameEdit.text(),
            "local_ref": self.ui.localRefEdit.text(),
            "date_of_birth": None if unknown else optional_date(self.ui.birthDateEdit),
            "age_band": self.ui.ageBandCombo.currentData() if unknown else None,
            "gender": self.ui.genderCombo.currentData(),
            "ethnicity": self.ui.ethnicityCombo.currentData(),
            "disability": self.ui.disabilityCheck.isChecked(),
            "looked_after": self.ui.lookedAfterCheck.isChecked(),
            "young_carer": self.ui.youngCarerCheck.isChecked(),
            "teenage_parent": self.ui.teenageParentCheck.isChecked(),
            "postcode_district": self.ui.postcodeEdit.text(),
        }
        return save_young_person(self.workspace, record_id, values, today=self.today())

    # ----- outcomes ---------------------------------------------------------------------------

    def _build_outcomes(self) -> QWidget:
        box = QGroupBox("Outcomes", self.editor)
        layout = QVBoxLayout(box)
        table = self.outcomes_table = QTableWidget(0, len(OUTCOME_COLUMNS), box)
        table.setAccessibleName("Outcomes the young person gained")
        table.setHorizontalHeaderLabels(list(OUTCOME_COLUMNS))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        compact_rows(table)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for title_or_activity in (2, 3):  # share the width; a cut title shows in full as a tip
            header.setSectionResizeMode(title_or_activity, QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(120)
        table.itemSelectionChanged.connect(self._outcome_selected)
        table.itemActivated.connect(lambda _item: self.edit_outcome())
        layout.addWidget(table)

        self.add_outcome_button = QPushButton("Add &outcome\u2026", box)
        self.add_outcome_button.setAccessibleName("Add an outcome the young person gained")
        self.add_outcome_button.clicked.connect(self.add_outcome)
        self.edit_outcome_button = QPushButton("Edit outcome\u2026", box)
        self.edit_outcome_button.setAccessibleName("Edit the chosen outcome")
        self.edit_outcome_button.clicked.connect(self.edit_outcome)
        self.delete_outcome_button = QPushButton("Delete o&utcome\u2026", box)
        self.delete_outcome_button.setAccessibleName("Delete the chosen outcome")
        self.delete_outcome_button.clicked.connect(self.delete_chosen_outcome)
        buttons = QHBoxLayout()
        for button in (self.add_outcome_button, self.edit_outcome_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_outcome_button)
        layout.addLayout(buttons)
        self.outcomes_note = QLabel(box)
        self.outcomes_note.setWordWrap(True)
        self.outcomes_note.setObjectName("formNote")
        layout.addWidget(self.outcomes_note)
        return box

    def _show_outcomes(self, young_person_id: int | None = None) -> None:
        rows: list[OutcomeRow] = []
        if young_person_id is not None:
            rows = ops.query(self.workspace, outcome_rows, young_person_id)
        self.outcome_list = rows
        table = self.outcomes_table
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, value in enumerate((row.date, row.kind, row.gained, row.activity)):
                item = QTableWidgetItem(shown(value))
                item.setToolTip(item.text())
                table.setItem(number, column, item)
        editable = young_person_id is not None and self.form_widget.isEnabled()
        self.add_outcome_button.setEnabled(editable)
        self.outcomes_note.setText(
            ""
            if young_person_id is not None
            else "Save the young person first, then add the outcomes they gain."
        )
        self.outcomes_note.setVisible(young_person_id is None)
        self._outcome_selected()

    def _outcome_selected(self) -> None:
        chosen = self._chosen_outcome() is not None and self.form_widget.isEnabled()
        self.edit_outcome_button.setEnabled(chosen)
        self.delete_outcome_button.setEnabled(chosen)

    def _chosen_outcome(self) -> OutcomeRow | None:
        rows = self.outcomes_table.selectionModel().selectedRows()
        return self.outcome_list[rows[0].row()] if rows else None

    def add_outcome(self) -> None:
        if self.record_id is None:
            return
        self._open_outcome_dialog(
            None, operation(self.workspace, save_outcome, None, young_person_id=self.record_id)
        )

    def edit_outcome(self) -> None:
        chosen = self._chosen_outcome()
        if chosen is None or not self.form_widget.isEnabled():
            return
        outcome = ops.query(self.workspace, get, RecordedOutcome, chosen.id, "outcome")
        self._open_outcome_dialog(outcome, operation(self.workspace, save_outcome, chosen.id))

    def _open_outcome_dialog(self, outcome: RecordedOutcome | None, save: Save) -> None:
        activities = ops.query(self.workspace, activity_choices)
        dialog = OutcomeDialog(
            self,
            save,
            config=self.workspace.config,
            activities=activities,
            outcome=outcome,
            today=self.today(),
        )
        dialog.accepted.connect(lambda: self._outcome_saved(dialog.saved))
        self.outcome_dialog = dialog
        dialog.open()

    def _outcome_saved(self, changed: Changed) -> None:
        self._show_outcomes(self.record_id)
        self.status.emit("Saved the outcome.")
        self.tell_changed(changed)

    def delete_chosen_outcome(self) -> None:
        chosen = self._chosen_outcome()
        if chosen is None:
            return
        preview = ops.query(self.workspace, preview_outcome_delete, chosen.id)
        if not messages.confirm(self, "Delete outcome", preview.question, "Delete"):
            return
        deleted = delete_outcome(self.workspace, chosen.id)
        self._show_outcomes(self.record_id)
        self.deleted.emit(deleted.record)
        self.tell_changed(deleted)
        self.status.emit(f"Deleted the {deleted.what}. Undo with Ctrl+Z.")

    # ----- their rights: what we hold, and erasure ------------------------------------------

    def _build_rights(self) -> QWidget:
        box = QGroupBox("Their rights", self.editor)
        layout = QHBoxLayout(box)
        self.export_button = QPushButton("E&xport what we hold\u2026", box)
        self.export_button.setAccessibleName("Export everything held about the young person")
        self.export_button.setToolTip(
            "Save a PDF of everything held about them: their record, sessions, outcomes and "
            "any note that names them (a subject access request)"
        )
        self.export_button.clicked.connect(self.export_held)
        self.erase_button = QPushButton("Erase on re&quest\u2026", box)
        self.erase_button.setAccessibleName("Erase the young person on their request")
        self.erase_button.setToolTip(
            "Remove their identifying details for good; their attendance and outcomes stay "
            "in the counts without their name"
        )
        self.erase_button.clicked.connect(self.erase_on_request)
        layout.addWidget(self.export_button)
        layout.addStretch(1)
        layout.addWidget(self.erase_button)
        return box

    def _show_rights(self, record: YoungPerson | None) -> None:
        identified = record is not None and record.erased_at is None
        self.export_button.setEnabled(identified and self.export_task is None)
        self.erase_button.setEnabled(identified)

    def _who(self) -> str:
        row = self.list.current()
        return row.name if row is not None and row.id == self.record_id else "this young person"

    def export_held(self) -> None:
        """Ask where, then write the subject access PDF in the background."""
        person_id = self.record_id
        if person_id is None or self.export_task is not None:
            return
        row = self.list.current()
        ref = row.local_ref if row is not None and row.id == person_id else ""
        label = re.sub(r"[^\w-]+", "-", ref).strip("-") or str(person_id)  # safe in a file name
        workspace = self.workspace
        self.export_task = save_file(
            self,
            title=f"Save what we hold about {self._who()}",
            name=f"what-we-hold-{label}-{self.today():%Y-%m-%d}.pdf",
            write=lambda target: export_what_we_hold(workspace, person_id, target),
            saved=self._exported,
        )
        if self.export_task is not None:
            self.export_task.ended.connect(self._export_ended)
            self.export_button.setEnabled(False)

    def _export_ended(self) -> None:
        self.export_task = None
        self.export_button.setEnabled(self.form_widget.isEnabled() and self.record_id is not None)

    def _exported(self, path: Path) -> None:
        self.status.emit(f"Saved what we hold to {path}")
        say_saved(
            self,
            "Everything held about them",
            path,
            "\n\nRead it before handing it over: a note that names them may also be about "
            "other people.",
        )

    def erase_on_request(self) -> None:
        """Ask, then remove their identifying details for good; the counts stay."""
        person_id = self.record_id
        if person_id is None:
            return
        question = (
            f"Erase {self._who()} on their request?\n\n"
            "Their name, local reference, date of birth and postcode district are removed for "
            "good, and any note that names them has the name taken out. The sessions they came "
            "to and the outcomes they gained stay in the counts without their name, so no "
            "return changes.\n\nThis cannot be undone. Backups made before now still hold "
            "their details until they are replaced by newer ones."
        )
        if not messages.confirm(self, "Erase young person", question, "Erase"):
            return
        try:
            erased = erase_young_person(self.workspace, person_id)
        except UserError as exc:
            messages.show_error(self, "Not erased", str(exc))
            return
        self._set_dirty(False)
        self.refresh()
        self._load(person_id)
        self.tell_changed(erased)
        notes = erased.mentions_replaced
        self.status.emit(
            f"Erased young person number {person_id}; their counts stay."
            + (f" Their name was taken out of {notes} text(s)." if notes else "")
        )

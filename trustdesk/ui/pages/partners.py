"""Partners: the organisations the locality works with, and the people in them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustdesk.errors import UserError, ValidationError
from trustdesk.services import Session
from trustdesk.services.partners import (
    add_partner_contact,
    create_partner,
    list_partner_rows,
    partner_contacts,
    update_partner,
)
from trustdesk.services.validation import get
from trustdesk.store.models import Partner
from trustdesk.ui.fields import CHOOSE, choose_value, set_choices, trust_choices
from trustdesk.ui.forms.ui_partner_form import Ui_PartnerForm
from trustdesk.ui.pages.record_page import RecordPage
from trustdesk.ui.record_table import Column

CONTACT_FIELDS = (("Name", "name"), ("Role", "role"), ("Phone", "phone"), ("E-mail", "email"))


class PartnersPage(RecordPage):
    title = "Partners"
    kind = "partner"
    what = "partner"
    plural = "partners"
    record_model = Partner
    travelling_fields = ("Name",)  # a partner may be a person or a family
    columns = (
        Column("Name", lambda r: r.name, stretch=True),
        Column("Type", lambda r: r.partner_type),
        Column("Active", lambda r: r.active, hide_if_same=True),
        Column("Contact people", lambda r: r.contacts, numeric=True),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Built after the record page has watched the form: adding a contact person saves at
        # once and is not an unsaved change of the partner.
        self.editor.layout().addWidget(self._build_contacts())
        self.editor.layout().addStretch(1)
        self._show_contacts()

    def build_form(self) -> QWidget:
        editor = QWidget(self)
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QWidget(editor)
        self.form = Ui_PartnerForm()
        self.form.setupUi(form)
        layout.addWidget(form)
        set_choices(
            self.form.typeCombo,
            trust_choices(self.workspace.config, "partner_types"),
            placeholder=CHOOSE,
        )
        return editor

    def _build_contacts(self) -> QWidget:
        box = QGroupBox("Contact people", self.editor)
        layout = QVBoxLayout(box)
        self.contacts_table = QTableWidget(0, len(CONTACT_FIELDS), box)
        self.contacts_table.setAccessibleName("Contact people at the partner")
        self.contacts_table.setTabKeyNavigation(False)  # Tab leaves it; the arrows move in it
        self.contacts_table.setHorizontalHeaderLabels([h for h, _ in CONTACT_FIELDS])
        self.contacts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts_table.verticalHeader().hide()
        self.contacts_table.setWordWrap(False)
        header = self.contacts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(CONTACT_FIELDS) - 1, QHeaderView.ResizeMode.Stretch)
        self.contacts_table.setMinimumHeight(110)
        layout.addWidget(self.contacts_table)

        fields = QFormLayout()
        self.contact_edits: dict[str, QLineEdit] = {}
        self.contact_errors: dict[str, QLabel] = {}
        for heading, key in CONTACT_FIELDS:
            edit = QLineEdit(box)
            edit.setAccessibleName(f"Contact person's {heading.lower()}")
            edit.returnPressed.connect(self.add_contact)
            error = QLabel(box)
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            self.contact_edits[key] = edit
            self.contact_errors[heading] = error
            fields.addRow(heading, edit)
            fields.addRow("", error)
        layout.addLayout(fields)
        self.add_contact_button = QPushButton("Add contact person", box)
        self.add_contact_button.setAccessibleName("Add the contact person to the partner")
        self.add_contact_button.clicked.connect(self.add_contact)
        self.contacts_note = QLabel(box)
        self.contacts_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_contact_button)
        row.addWidget(self.contacts_note, 1)
        layout.addLayout(row)
        return box

    def field_widgets(self) -> dict[str, QWidget]:
        return {
            "Name": self.form.nameEdit,
            "Partner type": self.form.typeCombo,
            "Address": self.form.addressEdit,
            "Notes": self.form.notesEdit,
        }

    def describe(self, row: Any) -> str:
        return f"partner {row.name!r}"

    def load_rows(self, session: Session) -> list[Any]:
        return list_partner_rows(session)

    def load_record(self, session: Session, record_id: int) -> Partner:
        return get(session, Partner, record_id, "partner")

    def fill_form(self, record: Partner | None) -> None:
        f = self.form
        f.nameEdit.setText(record.name if record else "")
        choose_value(f.typeCombo, record.partner_type if record else None)
        f.addressEdit.setPlainText(record.address if record else "")
        f.notesEdit.setPlainText(record.notes if record else "")
        f.activeCheck.setChecked(record.active if record else True)
        if hasattr(self, "contacts_table"):
            self._show_contacts(record.id if record else None)

    def save_record(self, session: Session, record_id: int | None) -> int:
        f = self.form
        values = {
            "name": f.nameEdit.text(),
            "partner_type": f.typeCombo.currentData(),
            "address": f.addressEdit.toPlainText(),
            "notes": f.notesEdit.toPlainText(),
            "active": f.activeCheck.isChecked(),
        }
        if record_id is None:
            return create_partner(session, **values).id  # type: ignore[return-value]
        return update_partner(session, record_id, **values).id  # type: ignore[return-value]

    # ----- contact people ------------------------------------------------------------------

    def _show_contacts(self, partner_id: int | None = None) -> None:
        people = []
        if partner_id is not None:
            with self.workspace.session() as session:
                people = partner_contacts(session, partner_id)
        table = self.contacts_table
        table.setRowCount(len(people))
        for number, person in enumerate(people):
            for column, (_heading, key) in enumerate(CONTACT_FIELDS):
                table.setItem(number, column, QTableWidgetItem(getattr(person, key)))
        saved = partner_id is not None
        for edit in self.contact_edits.values():
            edit.clear()
            edit.setEnabled(saved)
        self._clear_contact_errors()
        self.add_contact_button.setEnabled(saved)
        self.contacts_note.setText(
            "" if saved else "Save the partner first, then add the people you deal with."
        )

    def _clear_contact_errors(self) -> None:
        for label in self.contact_errors.values():
            label.hide()

    def add_contact(self) -> None:
        if self.record_id is None:
            return
        self._clear_contact_errors()
        values = {key: edit.text() for key, edit in self.contact_edits.items()}
        try:
            with self.workspace.session() as session:
                person = add_partner_contact(session, partner_id=self.record_id, **values)
        except ValidationError as exc:
            label = self.contact_errors.get(exc.field)
            if label is not None:
                label.setText(exc.problem)
                label.show()
                self.contact_edits[dict(CONTACT_FIELDS)[exc.field]].setFocus()
            self.status.emit(f"Not added: {exc}")
            return
        except UserError as exc:
            self.status.emit(f"Not added: {exc}")
            return
        self._show_contacts(self.record_id)
        self.contact_edits["name"].setFocus()
        self.status.emit(f"Added {person.name} to the partner.")
        self.refresh()  # the number of contact people in the list
        self.records_changed.emit()

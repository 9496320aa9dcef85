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

from trustdesk import field_labels, ops
from trustdesk.errors import UserError, ValidationError
from trustdesk.ops import Changed
from trustdesk.ops.partners import add_contact_person, save_partner
from trustdesk.services.partners import list_partner_rows, partner_contacts
from trustdesk.services.validation import get
from trustdesk.store.models import Partner
from trustdesk.ui.binding import Bindings
from trustdesk.ui.fields import CHOOSE, set_choices, trust_choices
from trustdesk.ui.forms.ui_partner_form import Ui_PartnerForm
from trustdesk.ui.pages.record_page import RecordPage
from trustdesk.ui.record_table import Column

CONTACT_FIELDS = ("name", "role", "phone", "email")  # a contact person's, in its table's order


class PartnersPage(RecordPage):
    title = "Partners"
    kind = "partner"
    what = "partner"
    plural = "partners"
    record_model = Partner
    shows = frozenset({"partner", "contact_person"})
    travelling_fields = ("name",)  # a partner may be a person or a family
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
        self.ui = Ui_PartnerForm()
        self.ui.setupUi(form)
        layout.addWidget(form)
        set_choices(
            self.ui.typeCombo,
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
        self.contacts_table.setHorizontalHeaderLabels(
            [field_labels.label(key) for key in CONTACT_FIELDS]
        )
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
        self.contact_fields = Bindings()
        for key in CONTACT_FIELDS:
            heading = field_labels.label(key)
            edit = QLineEdit(box)
            edit.setAccessibleName(f"Contact person's {heading.lower()}")
            edit.returnPressed.connect(self.add_contact)
            self.contact_fields.bind(key, edit)
            fields.addRow(heading, edit)
            fields.addRow("", self.contact_fields.error_line(key, box))
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

    def bind_fields(self) -> Bindings:
        return Bindings(
            {
                "name": self.ui.nameEdit,
                "partner_type": self.ui.typeCombo,
                "address": self.ui.addressEdit,
                "notes": self.ui.notesEdit,
                "active": self.ui.activeCheck,
            },
            defaults={"active": True},
        )

    def describe(self, row: Any) -> str:
        return f"partner {row.name!r}"

    def load_rows(self) -> list[Any]:
        return ops.query(self.workspace, list_partner_rows)

    def load_record(self, record_id: int) -> Partner:
        return ops.query(self.workspace, get, Partner, record_id, "partner")

    def fill_form(self, record: Partner | None) -> None:
        self.fields.fill(record)
        if hasattr(self, "contacts_table"):
            self._show_contacts(record.id if record else None)

    def save_record(self, record_id: int | None) -> Changed:
        return save_partner(self.workspace, record_id, self.fields.read())

    # ----- contact people ------------------------------------------------------------------

    def _show_contacts(self, partner_id: int | None = None) -> None:
        people = []
        if partner_id is not None:
            people = ops.query(self.workspace, partner_contacts, partner_id)
        table = self.contacts_table
        table.setRowCount(len(people))
        for number, person in enumerate(people):
            for column, key in enumerate(CONTACT_FIELDS):
                table.setItem(number, column, QTableWidgetItem(getattr(person, key)))
        saved = partner_id is not None
        self.contact_fields.fill(None)  # empty
        for edit in self.contact_fields.values():
            edit.setEnabled(saved)
        self._clear_contact_errors()
        self.add_contact_button.setEnabled(saved)
        self.contacts_note.setText(
            "" if saved else "Save the partner first, then add the people you deal with."
        )

    def _clear_contact_errors(self) -> None:
        self.contact_fields.hide_problems()

    def add_contact(self) -> None:
        if self.record_id is None:
            return
        self._clear_contact_errors()
        values = self.contact_fields.read()
        try:
            changed = add_contact_person(self.workspace, self.record_id, values)
        except ValidationError as exc:
            if exc.field in self.contact_fields.errors:
                self.contact_fields.show_problem(exc, self.contacts_note)
            self.status.emit(f"Not added: {exc}")
            return
        except UserError as exc:
            self.status.emit(f"Not added: {exc}")
            return
        self._show_contacts(self.record_id)
        self.contact_fields["name"].setFocus()
        self.status.emit(f"Added {values['name'].strip()} to the partner.")
        self.refresh()  # the number of contact people in the list
        self.tell_changed(changed)

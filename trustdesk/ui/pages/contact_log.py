"""Contact log: calls, e-mails and meetings with partners, and the follow-ups they need."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.ops.partners import save_contact
from trustdesk.services.contact_log import ContactLogRow, list_contact_log
from trustdesk.services.partners import partner_choices, partner_contacts
from trustdesk.services.validation import get
from trustdesk.store.models import ContactLogEntry
from trustdesk.ui.binding import Bindings
from trustdesk.ui.fields import (
    CHOOSE,
    choose_value,
    from_qdate,
    set_choices,
    to_qdate,
    trust_choices,
)
from trustdesk.ui.forms.ui_contact_form import Ui_ContactForm
from trustdesk.ui.pages.record_page import RecordPage
from trustdesk.ui.record_table import Column


class ContactLogPage(RecordPage):
    title = "Contact log"
    kind = "contact"
    what = "contact"
    plural = "contacts"
    list_share = (13, 7)  # a short form
    record_model = ContactLogEntry
    shows = frozenset({"contact", "partner", "contact_person"})

    @property  # type: ignore[override]  # Qt's property of the same name is replaced by a plain Python property
    def columns(self) -> Sequence[Column]:
        overdue = self._overdue
        return (
            Column("Date", lambda r: r.date),
            Column("Partner", lambda r: r.partner, stretch=True),
            Column("How", lambda r: r.method),
            Column(
                "Summary", lambda r: r.summary.splitlines()[0] if r.summary else "", stretch=True
            ),
            Column(
                "Follow up by",
                lambda r: r.follow_up_date,
                highlight=overdue,
                sort=lambda r: r.follow_up_date or "",
            ),
            Column(
                "Done",
                lambda r: r.follow_up_done if r.follow_up_date else None,
                hide_if_same=True,
            ),
        )

    def _overdue(self, row: ContactLogRow) -> bool:
        return row.overdue(self.today())

    def build_form(self) -> QWidget:
        editor = QWidget(self)
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QWidget(editor)
        self.ui = Ui_ContactForm()
        self.ui.setupUi(form)
        layout.addWidget(form)
        layout.addStretch(1)  # the rows keep their height rather than spread over the page
        set_choices(
            self.ui.methodCombo,
            trust_choices(self.workspace.config, "contact_methods"),
            placeholder=CHOOSE,
        )
        self.ui.summaryEdit.setMaximumHeight(160)
        # The follow-up row keeps its height; the form does not spread out over the page.
        self.ui.followUpBox.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.ui.partnerCombo.currentIndexChanged.connect(self._partner_changed)
        self.ui.followUpCheck.toggled.connect(self._follow_up_toggled)
        return editor

    def reload_choices(self) -> None:
        partners = ops.query(self.workspace, partner_choices)
        set_choices(self.ui.partnerCombo, partners, placeholder=CHOOSE)
        self._partner_changed()

    def _partner_changed(self, *_: Any) -> None:
        partner_id = self.ui.partnerCombo.currentData()
        people = []
        if partner_id is not None:
            people = ops.query(self.workspace, partner_contacts, partner_id)
        choices = [(p.name, p.id) for p in people]
        set_choices(self.ui.personCombo, choices, empty="(nobody in particular)")

    def _follow_up_toggled(self, on: bool) -> None:
        self.ui.followUpEdit.setEnabled(on)
        self.ui.followUpDoneCheck.setEnabled(on)

    def bind_fields(self) -> Bindings:
        return Bindings(
            {
                "date": self.ui.dateEdit,
                "partner_id": self.ui.partnerCombo,
                "contact_id": self.ui.personCombo,
                "method": self.ui.methodCombo,
                "summary": self.ui.summaryEdit,
                "follow_up_date": self.ui.followUpEdit,
            },
            custom={"partner_id", "contact_id", "follow_up_date"},  # the people follow the partner
            defaults={"date": self.today},
        )

    def describe(self, row: Any) -> str:
        return f"contact with {row.partner} on {row.date:%d %b %Y}"

    def load_rows(self) -> list[Any]:
        return ops.query(self.workspace, list_contact_log)

    def load_record(self, record_id: int) -> ContactLogEntry:
        return ops.query(self.workspace, get, ContactLogEntry, record_id, "contact log entry")

    def fill_form(self, record: ContactLogEntry | None) -> None:
        self.fields.fill(record)
        choose_value(self.ui.partnerCombo, record.partner_id if record else None)
        self._partner_changed()
        choose_value(self.ui.personCombo, record.contact_id if record else None)
        follow_up = record.follow_up_date if record else None
        self.ui.followUpCheck.setChecked(follow_up is not None)
        self.ui.followUpEdit.setDate(to_qdate(follow_up or self.today()))
        self.ui.followUpDoneCheck.setChecked(bool(record and record.follow_up_done))
        self._follow_up_toggled(follow_up is not None)

    def save_record(self, record_id: int | None) -> Changed:
        follow_up = self.ui.followUpCheck.isChecked()
        values = {
            **self.fields.read(),
            "partner_id": self.ui.partnerCombo.currentData(),
            "contact_id": self.ui.personCombo.currentData(),
            "follow_up_date": from_qdate(self.ui.followUpEdit.date()) if follow_up else None,
            "follow_up_done": follow_up and self.ui.followUpDoneCheck.isChecked(),
        }
        return save_contact(self.workspace, record_id, values)

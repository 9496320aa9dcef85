"""Contact log: calls, e-mails and meetings with partners, and the follow-ups they need."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from trustdesk.services import Session
from trustdesk.services.contact_log import (
    ContactLogRow,
    list_contact_log,
    log_contact,
    update_contact_log_entry,
)
from trustdesk.services.partners import partner_choices, partner_contacts
from trustdesk.services.validation import get
from trustdesk.store.models import ContactLogEntry
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

    @property  # type: ignore[override]
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
        self.form = Ui_ContactForm()
        self.form.setupUi(form)
        layout.addWidget(form)
        layout.addStretch(1)  # the rows keep their height rather than spread over the page
        set_choices(
            self.form.methodCombo,
            trust_choices(self.workspace.config, "contact_methods"),
            placeholder=CHOOSE,
        )
        self.form.summaryEdit.setMaximumHeight(160)
        # The follow-up row keeps its height; the form does not spread out over the page.
        self.form.followUpBox.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.form.partnerCombo.currentIndexChanged.connect(self._partner_changed)
        self.form.followUpCheck.toggled.connect(self._follow_up_toggled)
        return editor

    def reload_choices(self, session: Session) -> None:
        set_choices(self.form.partnerCombo, partner_choices(session), placeholder=CHOOSE)
        self._partner_changed()

    def _partner_changed(self, *_: Any) -> None:
        partner_id = self.form.partnerCombo.currentData()
        people = []
        if partner_id is not None:
            with self.workspace.session() as session:
                people = partner_contacts(session, partner_id)
        choices = [(p.name, p.id) for p in people]
        set_choices(self.form.personCombo, choices, empty="(nobody in particular)")

    def _follow_up_toggled(self, on: bool) -> None:
        self.form.followUpEdit.setEnabled(on)
        self.form.followUpDoneCheck.setEnabled(on)

    def field_widgets(self) -> dict[str, QWidget]:
        return {
            "Date": self.form.dateEdit,
            "Partner": self.form.partnerCombo,
            "Person": self.form.personCombo,
            "Method": self.form.methodCombo,
            "Summary": self.form.summaryEdit,
            "Follow-up date": self.form.followUpEdit,
        }

    def describe(self, row: Any) -> str:
        return f"contact with {row.partner} on {row.date:%d %b %Y}"

    def load_rows(self, session: Session) -> list[Any]:
        return list_contact_log(session)

    def load_record(self, session: Session, record_id: int) -> ContactLogEntry:
        return get(session, ContactLogEntry, record_id, "contact log entry")

    def fill_form(self, record: ContactLogEntry | None) -> None:
        f = self.form
        f.dateEdit.setDate(to_qdate(record.date if record else self.today()))
        choose_value(f.partnerCombo, record.partner_id if record else None)
        self._partner_changed()
        choose_value(f.personCombo, record.contact_id if record else None)
        choose_value(f.methodCombo, record.method if record else None)
        f.summaryEdit.setPlainText(record.summary if record else "")
        follow_up = record.follow_up_date if record else None
        f.followUpCheck.setChecked(follow_up is not None)
        f.followUpEdit.setDate(to_qdate(follow_up or self.today()))
        f.followUpDoneCheck.setChecked(bool(record and record.follow_up_done))
        self._follow_up_toggled(follow_up is not None)

    def save_record(self, session: Session, record_id: int | None) -> int:
        f = self.form
        follow_up = f.followUpCheck.isChecked()
        values = {
            "date": from_qdate(f.dateEdit.date()),
            "partner_id": f.partnerCombo.currentData(),
            "contact_id": f.personCombo.currentData(),
            "method": f.methodCombo.currentData(),
            "summary": f.summaryEdit.toPlainText(),
            "follow_up_date": from_qdate(f.followUpEdit.date()) if follow_up else None,
            "follow_up_done": follow_up and f.followUpDoneCheck.isChecked(),
        }
        if record_id is None:
            return log_contact(session, **values).id  # type: ignore[return-value]
        return update_contact_log_entry(session, record_id, **values).id  # type: ignore[return-value]

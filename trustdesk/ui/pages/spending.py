"""Spending: payments from the locality's small flexible budget."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from trustdesk.services import Session
from trustdesk.services.activities import activity_choices
from trustdesk.services.spending import list_spending, record_spend, update_spend
from trustdesk.services.validation import get
from trustdesk.store.models import Spend
from trustdesk.ui.fields import (
    CHOOSE,
    choose_value,
    from_qdate,
    set_choices,
    to_qdate,
    trust_choices,
)
from trustdesk.ui.forms.ui_spend_form import Ui_SpendForm
from trustdesk.ui.pages.record_page import RecordPage
from trustdesk.ui.record_table import Column


class SpendingPage(RecordPage):
    title = "Spending"
    kind = "spend"
    what = "payment"
    plural = "payments"
    record_model = Spend
    columns = (
        Column("Date", lambda r: r.date),
        Column("Amount", lambda r: r.amount, numeric=True, sort=lambda r: r.amount_pence),
        Column("Purpose", lambda r: r.purpose),
        Column("Activity", lambda r: r.activity, hide_if_same=True),
        Column("Note", lambda r: r.note, stretch=True),
    )

    def build_form(self) -> QWidget:
        form = QWidget(self)
        self.form = Ui_SpendForm()
        self.form.setupUi(form)
        config = self.workspace.config
        set_choices(
            self.form.purposeCombo,
            trust_choices(config, "spending_purposes"),
            placeholder=CHOOSE,
        )
        return form

    def reload_choices(self, session: Session) -> None:
        set_choices(self.form.activityCombo, activity_choices(session), empty="(none)")

    def field_widgets(self) -> dict[str, QWidget]:
        return {
            "Date": self.form.dateEdit,
            "Amount": self.form.amountEdit,
            "Purpose": self.form.purposeCombo,
            "Note": self.form.noteEdit,
        }

    def describe(self, row: Any) -> str:
        return f"payment of {row.amount} on {row.date:%d %b %Y}"

    def load_rows(self, session: Session) -> list[Any]:
        return list_spending(session)

    def load_record(self, session: Session, record_id: int) -> Spend:
        return get(session, Spend, record_id, "payment")

    def fill_form(self, record: Spend | None) -> None:
        f = self.form
        f.dateEdit.setDate(to_qdate(record.date if record else self.today()))
        f.amountEdit.setText(f"{record.amount_pence / 100:.2f}" if record else "")
        choose_value(f.purposeCombo, record.purpose if record else None)
        choose_value(f.activityCombo, record.activity_id if record else None)
        f.noteEdit.setPlainText(record.note if record else "")

    def save_record(self, session: Session, record_id: int | None) -> int:
        f = self.form
        values = {
            "date": from_qdate(f.dateEdit.date()),
            "amount": f.amountEdit.text().strip().lstrip("\u00a3"),
            "purpose": f.purposeCombo.currentData(),
            "activity_id": f.activityCombo.currentData(),
            "note": f.noteEdit.toPlainText(),
        }
        if record_id is None:
            return record_spend(session, **values).id  # type: ignore[return-value]
        return update_spend(session, record_id, **values).id  # type: ignore[return-value]

"""Spending: payments from the locality's small flexible budget."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.ops.evidence import save_spend
from trustdesk.services.activities import activity_choices
from trustdesk.services.spending import list_spending
from trustdesk.services.validation import get
from trustdesk.store.models import Spend
from trustdesk.ui.binding import Bindings
from trustdesk.ui.fields import (
    CHOOSE,
    set_choices,
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
    shows = frozenset({"spend", "activity"})
    columns = (
        Column("Date", lambda r: r.date),
        Column("Amount", lambda r: r.amount, numeric=True, sort=lambda r: r.amount_pence),
        Column("Purpose", lambda r: r.purpose),
        Column("Activity", lambda r: r.activity, hide_if_same=True),
        Column("Note", lambda r: r.note, stretch=True),
    )

    def build_form(self) -> QWidget:
        form = QWidget(self)
        self.ui = Ui_SpendForm()
        self.ui.setupUi(form)
        config = self.workspace.config
        set_choices(
            self.ui.purposeCombo,
            trust_choices(config, "spending_purposes"),
            placeholder=CHOOSE,
        )
        return form

    def reload_choices(self) -> None:
        activities = ops.query(self.workspace, activity_choices)
        set_choices(self.ui.activityCombo, activities, empty="(none)")

    def bind_fields(self) -> Bindings:
        return Bindings(
            {
                "date": self.ui.dateEdit,
                "amount": self.ui.amountEdit,  # pounds; the record holds pence
                "purpose": self.ui.purposeCombo,
                "activity_id": self.ui.activityCombo,
                "note": self.ui.noteEdit,
            },
            custom={"amount"},
            defaults={"date": self.today},
            labels={"note": "Note"},  # as the service's message says (not in the table)
        )

    def describe(self, row: Any) -> str:
        return f"payment of {row.amount} on {row.date:%d %b %Y}"

    def load_rows(self) -> list[Any]:
        return ops.query(self.workspace, list_spending)

    def load_record(self, record_id: int) -> Spend:
        return ops.query(self.workspace, get, Spend, record_id, "payment")

    def fill_form(self, record: Spend | None) -> None:
        self.fields.fill(record)
        self.ui.amountEdit.setText(f"{record.amount_pence / 100:.2f}" if record else "")

    def save_record(self, record_id: int | None) -> Changed:
        values = {
            **self.fields.read(),
            "amount": self.ui.amountEdit.text().strip().lstrip("\u00a3"),
        }
        return save_spend(self.workspace, record_id, values)

"""The small flexible budget for material needs (clothing, travel, course fees ...)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TypedDict, Unpack

from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import Activity, Spend, key


class SpendFields(TypedDict, total=False):
    """One payment from the small budget; the same for a new one and an edit."""

    date: dt.date | str
    amount: Decimal | str | int  # pounds ("12.50" or a Decimal), or an int of pence
    purpose: str
    activity_id: int | None
    note: str


def _save_spend(session: Session, spend: Spend, fields: SpendFields) -> Spend:
    v.known_fields(fields, SpendFields)
    activity_id = fields.get("activity_id")
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    pence = v.pence("amount", fields.get("amount"))
    if pence == 0:
        raise ValidationError("amount", "must be more than £0.00.")
    values = {
        "date": v.required_date("date", fields.get("date")),
        "amount_pence": pence,
        "purpose": v.choice(session, "purpose", fields.get("purpose"), "spending_purposes"),
        "activity_id": activity_id,
        "note": v.text("note", fields.get("note"), required=False, max_length=2000, label="Note"),
    }
    return v.save(session, v.apply(spend, values))


def record_spend(session: Session, **fields: Unpack[SpendFields]) -> Spend:
    return _save_spend(session, Spend(), fields)  # type: ignore[call-arg]  # filled and checked by _save_spend


def update_spend(session: Session, spend_id: int, **fields: Unpack[SpendFields]) -> Spend:
    return _save_spend(session, v.get(session, Spend, spend_id, "payment"), fields)


@dataclass(frozen=True)
class SpendRow:
    id: int
    date: dt.date
    amount_pence: int
    purpose: str  # the purpose's name
    activity: str
    note: str

    @property
    def amount(self) -> str:
        return f"\u00a3{self.amount_pence / 100:,.2f}"


def list_spending(session: Session) -> list[SpendRow]:
    """Every payment, newest first, with names for people."""
    config = v.trust(session)
    query = (
        sa_select(
            key(Spend.id),
            col(Spend.date),
            col(Spend.amount_pence),
            col(Spend.purpose),
            col(Activity.title),
            col(Spend.note),
        )
        .outerjoin(Activity, col(Activity.id) == Spend.activity_id)
        .order_by(col(Spend.date).desc(), col(Spend.id).desc())
    )
    return [
        SpendRow(i, day, pence, config.name_of("spending_purposes", purpose), title or "", note)
        for i, day, pence, purpose, title, note in session.execute(query)
    ]

"""The small flexible budget for material needs (clothing, travel, course fees ...)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session, select

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import Activity, Spend


def _spend_fields(
    session: Session, date: Any, amount: Any, purpose: Any, activity_id: Any, note: Any
) -> dict[str, Any]:
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    pence = v.pence("Amount", amount)
    if pence == 0:
        raise ValidationError("Amount", "must be more than £0.00.")
    return {
        "date": v.required_date("Date", date),
        "amount_pence": pence,
        "purpose": v.choice(session, "Purpose", purpose, "spending_purposes"),
        "activity_id": activity_id,
        "note": v.text("Note", note, required=False, max_length=2000),
    }


def record_spend(
    session: Session,
    *,
    date: dt.date | str,
    amount: Decimal | str | int,
    purpose: str,
    activity_id: int | None = None,
    note: str = "",
) -> Spend:
    """``amount`` in pounds (``"12.50"`` or ``Decimal``), or an int of pence."""
    return v.save(
        session, Spend(**_spend_fields(session, date, amount, purpose, activity_id, note))
    )


def update_spend(
    session: Session,
    spend_id: int,
    *,
    date: dt.date | str,
    amount: Decimal | str | int,
    purpose: str,
    activity_id: int | None = None,
    note: str = "",
) -> Spend:
    spend = v.get(session, Spend, spend_id, "payment")
    fields = _spend_fields(session, date, amount, purpose, activity_id, note)
    return v.save(session, v.apply(spend, fields))


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
        select(Spend.id, Spend.date, Spend.amount_pence, Spend.purpose, Activity.title, Spend.note)
        .outerjoin(Activity, Activity.id == Spend.activity_id)
        .order_by(Spend.date.desc(), Spend.id.desc())  # type: ignore[attr-defined]
    )
    return [
        SpendRow(i, day, pence, config.name_of("spending_purposes", purpose), title or "", note)
        for i, day, pence, purpose, title, note in session.exec(query)
    ]

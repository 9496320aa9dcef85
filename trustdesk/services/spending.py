"""The small flexible budget for material needs (clothing, travel, course fees ...)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import Activity, Spend


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
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    pence = v.pence("Amount", amount)
    if pence == 0:
        raise ValidationError("Amount", "must be more than £0.00.")
    spend = Spend(
        date=v.required_date("Date", date),
        amount_pence=pence,
        purpose=v.choice(session, "Purpose", purpose, "spending_purposes"),
        activity_id=activity_id,
        note=v.text("Note", note, required=False, max_length=2000),
    )
    return v.save(session, spend)

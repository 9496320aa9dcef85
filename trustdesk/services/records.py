"""What every kind of record shares: deleting one, and counting them all."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from trustdesk.services import validation as v
from trustdesk.store.models import RECORD_KINDS


def delete_record(session: Session, model: type[SQLModel], record_id: int, what: str) -> None:
    """Delete one record; the database removes what belongs to it (e.g. a session's register)."""
    session.delete(v.get(session, model, record_id, what))
    session.flush()


def count_records(session: Session) -> list[tuple[str, int]]:
    """Every kind of record with how many the workspace holds, for ``trustdesk info``."""
    return [
        (label, session.exec(select(func.count()).select_from(model)).one())
        for label, model in RECORD_KINDS
    ]

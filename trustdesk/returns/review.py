"""An officer's review of a return received: accepted, or queried with a note saying what
to look at. A new revision arrives unreviewed (it is a different return to look at)."""

from __future__ import annotations

from sqlmodel import Session

from trustdesk.errors import UserError
from trustdesk.returns.received import RECEIVED
from trustdesk.services import validation as v
from trustdesk.store.models import ReturnRecord


def accept(session: Session, record_id: int, note: str = "") -> ReturnRecord:
    """Accept the return: its figures go into the consolidation as they are."""
    return _review(
        session, record_id, "accepted", v.text("note", note, required=False, max_length=2000)
    )


def query(session: Session, record_id: int, note: str) -> ReturnRecord:
    """Query the return with a note saying what the coordinator should look at."""
    return _review(session, record_id, "queried", v.text("note", note, max_length=2000))


def _review(session: Session, record_id: int, status: str, note: str) -> ReturnRecord:
    record = session.get(ReturnRecord, record_id)
    if record is None or record.direction != RECEIVED:
        raise UserError("That return is no longer in the workspace.", hint="Refresh the list.")
    if not record.is_current:
        raise UserError(
            f"Revision {record.revision} has been replaced by a newer one; review that instead."
        )
    record.review_status, record.review_note = status, note
    session.add(record)
    session.commit()
    session.refresh(record)
    return record

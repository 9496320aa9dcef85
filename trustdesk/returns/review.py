"""An officer's review of a return received: accepted, or queried with a note saying what
to look at. A new revision arrives unreviewed (it is a different return to look at).

These validate and flush; :mod:`trustdesk.ops.returns` commits each review as one action."""

from __future__ import annotations

from sqlmodel import Session

from trustdesk.errors import UserError, ValidationError
from trustdesk.returns.received import RECEIVED
from trustdesk.store.models import ReturnRecord


def accept(session: Session, record_id: int, note: str = "") -> ReturnRecord:
    """Accept the return: its figures go into the consolidation as they are."""
    return _review(session, record_id, "accepted", _note(note, required=False))


def query(session: Session, record_id: int, note: str) -> ReturnRecord:
    """Query the return with a note saying what the coordinator should look at."""
    return _review(session, record_id, "queried", _note(note, required=True))


NOTE_LENGTH = 2000


def _note(note: str | None, *, required: bool) -> str:
    """The review note, trimmed, checked as a service checks a text field (the services
    are beside the returns package, not below it)."""
    cleaned = (note or "").strip()
    if required and not cleaned:
        raise ValidationError("note", "is required.")
    if len(cleaned) > NOTE_LENGTH:
        raise ValidationError(
            "note", f"is too long ({len(cleaned)} characters; at most {NOTE_LENGTH})."
        )
    return cleaned


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
    session.flush()  # the operation that asked commits (trustdesk.ops.returns)
    return record

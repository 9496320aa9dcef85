"""Recorded and accredited outcomes young people gain: recorded (e.g. led a session) or
accredited (e.g. Duke of Edinburgh Bronze). Counted in a return, never named."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict, Unpack

from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.services.deletion import (
    DeletedRecord,
    DeletionPreview,
    delete_with_undo,
    preview_delete,
)
from trustdesk.store.models import Activity, RecordedOutcome, YoungPerson, key

KINDS = ("recorded", "accredited")


class OutcomeFields(TypedDict, total=False):
    """What is kept about an outcome: the same for a new one and an edit."""

    kind: str
    title: str
    date: dt.date | str
    accreditation: str | None
    activity_id: int | None
    ecm_outcome: str | None


def _save(session: Session, outcome: RecordedOutcome, fields: OutcomeFields) -> RecordedOutcome:
    v.known_fields(fields, OutcomeFields)
    activity_id = fields.get("activity_id")
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    kind = v.one_of("kind", fields.get("kind"), KINDS)
    title = fields.get("title") or ""
    accreditation = fields.get("accreditation") or None
    if accreditation:
        accreditation = v.choice(session, "accreditation", accreditation, "accreditations")
    elif kind == "accredited" and not title.strip():
        raise ValidationError("accreditation", "choose the award or certificate gained.")
    if not title.strip() and accreditation:
        title = v.trust(session).name_of("accreditations", accreditation)
    ecm = fields.get("ecm_outcome") or None
    details = {
        "activity_id": activity_id,
        "kind": kind,
        "title": v.text("title", title),
        "accreditation": accreditation,
        "ecm_outcome": v.choice(session, "ecm_outcome", ecm, "ecm_outcomes") if ecm else None,
        "date": v.required_date("date", fields.get("date")),
    }
    return v.save(session, v.apply(outcome, details))


def record_outcome(
    session: Session, *, young_person_id: int, **fields: Unpack[OutcomeFields]
) -> RecordedOutcome:
    """A new outcome for a young person: a kind, a date and a title (which, for an
    accredited outcome, is the accreditation's name unless another is given)."""
    v.get(session, YoungPerson, young_person_id, "young person")
    return _save(session, RecordedOutcome(young_person_id=young_person_id), fields)  # type: ignore[call-arg]  # filled and checked by _save


def update_outcome(
    session: Session, outcome_id: int, **fields: Unpack[OutcomeFields]
) -> RecordedOutcome:
    """Replace an outcome's details with what the form holds now."""
    return _save(session, v.get(session, RecordedOutcome, outcome_id, "outcome"), fields)


@dataclass(frozen=True)
class OutcomeRow:
    id: int
    date: dt.date
    kind: str  # "Recorded" or "Accredited"
    title: str
    accreditation: str  # the accreditation's name, or ""
    activity: str  # the activity's title, or ""

    @property
    def gained(self) -> str:
        """The title, and the accreditation when it says more than the title."""
        if self.accreditation and self.accreditation != self.title:
            return f"{self.title} ({self.accreditation})"
        return self.title


def outcome_rows(session: Session, young_person_id: int) -> list[OutcomeRow]:
    """A young person's outcomes, newest first, with names for the accreditation and activity."""
    config = v.trust(session)
    query = (
        sa_select(
            key(RecordedOutcome.id),
            col(RecordedOutcome.date),
            col(RecordedOutcome.kind),
            col(RecordedOutcome.title),
            col(RecordedOutcome.accreditation),
            col(Activity.title),
        )
        .outerjoin(Activity, col(Activity.id) == RecordedOutcome.activity_id)
        .where(col(RecordedOutcome.young_person_id) == young_person_id)
        .order_by(col(RecordedOutcome.date).desc(), col(RecordedOutcome.id).desc())
    )
    return [
        OutcomeRow(
            i,
            day,
            kind.capitalize(),
            title,
            config.name_of("accreditations", code) if code else "",
            activity or "",
        )
        for i, day, kind, title, code, activity in session.execute(query)
    ]


def _what(session: Session, outcome_id: int) -> str:
    """The outcome in words, for the question and for Undo: "outcome 'First aid' of 14 Apr 2026"."""
    outcome = v.get(session, RecordedOutcome, outcome_id, "outcome")
    return f"outcome {outcome.title!r} of {outcome.date:%d %b %Y}"


def preview_outcome_delete(session: Session, outcome_id: int) -> DeletionPreview:
    """The question to ask before deleting an outcome."""
    return preview_delete(session, RecordedOutcome, outcome_id, _what(session, outcome_id))


def delete_outcome(session: Session, outcome_id: int) -> DeletedRecord:
    """Delete an outcome; the returned record puts it back (deletion.undo_delete)."""
    return delete_with_undo(session, RecordedOutcome, outcome_id, _what(session, outcome_id))

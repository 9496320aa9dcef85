"""Recorded and accredited outcomes young people gain."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import Activity, RecordedOutcome, YoungPerson

KINDS = ("recorded", "accredited")


def record_outcome(
    session: Session,
    *,
    young_person_id: int,
    kind: str,
    title: str,
    date: dt.date | str,
    accreditation: str | None = None,
    activity_id: int | None = None,
    ecm_outcome: str | None = None,
) -> RecordedOutcome:
    v.get(session, YoungPerson, young_person_id, "young person")
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    kind = v.one_of("Kind", kind, KINDS)
    if accreditation:
        accreditation = v.choice(session, "Accreditation", accreditation, "accreditations")
    elif kind == "accredited" and not title:
        raise ValidationError("Accreditation", "choose the award or certificate gained.")
    if not title and accreditation:
        title = v.trust(session).name_of("accreditations", accreditation)
    outcome = RecordedOutcome(
        young_person_id=young_person_id,
        activity_id=activity_id,
        kind=kind,
        title=v.text("Title", title),
        accreditation=accreditation or None,
        ecm_outcome=v.choice(session, "ECM outcome", ecm_outcome, "ecm_outcomes")
        if ecm_outcome
        else None,
        date=v.required_date("Date", date),
    )
    return v.save(session, outcome)

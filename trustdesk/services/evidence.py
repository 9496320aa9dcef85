"""Evidence of impact: what young people said and what changed, and case studies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlmodel import Session

from trustdesk.services import validation as v
from trustdesk.store.models import Activity, CaseStudy, CaseStudyOutcome, VoiceEntry


def record_voice(
    session: Session,
    *,
    date: dt.date | str,
    method: str,
    who: str,
    said: str,
    group_size: int | str | None = None,
    change_made: str = "",
    change_date: dt.date | str | None = None,
    activity_id: int | None = None,
) -> VoiceEntry:
    """What young people said (``who`` in aggregate terms, never a name) and what changed."""
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    day = v.required_date("Date", date)
    changed_on = v.a_date("Date of change", change_date, required=False)
    v.date_order("Date", day, "Date of change", changed_on)
    entry = VoiceEntry(
        date=day,
        method=v.choice(session, "Method", method, "voice_methods"),
        who=v.text("Who", who),
        group_size=v.whole_number("Group size", group_size, minimum=1, required=False),
        said=v.text("What was said", said, max_length=10000),
        change_made=v.text("What changed", change_made, required=False, max_length=10000),
        change_date=changed_on,
        activity_id=activity_id,
    )
    return v.save(session, entry)


def create_case_study(
    session: Session,
    *,
    date: dt.date | str,
    title: str,
    narrative: str,
    ecm_outcomes: Iterable[str] = (),
    activity_id: int | None = None,
) -> CaseStudy:
    """An anonymised case study. (Checking it names nobody on record is a return check.)"""
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    outcomes = dict.fromkeys(
        v.choice(session, "ECM outcomes", code, "ecm_outcomes") for code in ecm_outcomes
    )
    study = CaseStudy(
        date=v.required_date("Date", date),
        title=v.text("Title", title),
        narrative=v.text("Narrative", narrative, max_length=50000),
        activity_id=activity_id,
    )
    session.add(study)
    session.flush()
    session.add_all(CaseStudyOutcome(case_study_id=study.id, ecm_outcome=code) for code in outcomes)
    return v.save(session, study)

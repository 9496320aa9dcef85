"""Evidence of impact: what young people said and what changed, and case studies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, delete, select

from trustdesk.services import validation as v
from trustdesk.store.models import Activity, CaseStudy, CaseStudyOutcome, VoiceEntry

# ----- voice -------------------------------------------------------------------------------


def _voice_fields(
    session: Session,
    date: Any,
    method: Any,
    who: Any,
    said: Any,
    group_size: Any,
    change_made: Any,
    change_date: Any,
    activity_id: Any,
) -> dict[str, Any]:
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    day = v.required_date("Date", date)
    changed_on = v.a_date("Date of change", change_date, required=False)
    v.date_order("Date", day, "Date of change", changed_on)
    return {
        "date": day,
        "method": v.choice(session, "Method", method, "voice_methods"),
        "who": v.text("Who", who),
        "group_size": v.whole_number("Group size", group_size, minimum=1, required=False),
        "said": v.text("What was said", said, max_length=10000),
        "change_made": v.text("What changed", change_made, required=False, max_length=10000),
        "change_date": changed_on,
        "activity_id": activity_id,
    }


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
    fields = _voice_fields(
        session, date, method, who, said, group_size, change_made, change_date, activity_id
    )
    return v.save(session, VoiceEntry(**fields))


def update_voice(
    session: Session,
    voice_id: int,
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
    entry = v.get(session, VoiceEntry, voice_id, "voice entry")
    fields = _voice_fields(
        session, date, method, who, said, group_size, change_made, change_date, activity_id
    )
    return v.save(session, v.apply(entry, fields))


@dataclass(frozen=True)
class VoiceRow:
    id: int
    date: dt.date
    method: str  # the method's name
    who: str
    group_size: int | None
    said: str
    change_made: str
    change_date: dt.date | None
    activity: str

    @property
    def changed(self) -> bool:
        return bool(self.change_made)


def list_voice(session: Session) -> list[VoiceRow]:
    """Every voice entry, newest first, with names for methods and activities."""
    config = v.trust(session)
    query = (
        select(
            VoiceEntry.id,
            VoiceEntry.date,
            VoiceEntry.method,
            VoiceEntry.who,
            VoiceEntry.group_size,
            VoiceEntry.said,
            VoiceEntry.change_made,
            VoiceEntry.change_date,
            Activity.title,
        )
        .outerjoin(Activity, Activity.id == VoiceEntry.activity_id)
        .order_by(VoiceEntry.date.desc(), VoiceEntry.id.desc())  # type: ignore[attr-defined]
    )
    return [
        VoiceRow(
            i,
            day,
            config.name_of("voice_methods", method),
            who,
            size,
            said,
            change,
            change_day,
            title or "",
        )
        for i, day, method, who, size, said, change, change_day, title in session.exec(query)
    ]


# ----- case studies ------------------------------------------------------------------------


def _case_study_fields(
    session: Session,
    date: Any,
    title: Any,
    narrative: Any,
    ecm_outcomes: Iterable[str],
    activity_id: Any,
) -> tuple[dict[str, Any], list[str]]:
    """The case study's own fields, and its ECM outcome codes (each once, in order)."""
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    outcomes = list(
        dict.fromkeys(
            v.choice(session, "ECM outcomes", code, "ecm_outcomes") for code in ecm_outcomes
        )
    )
    fields = {
        "date": v.required_date("Date", date),
        "title": v.text("Title", title),
        "narrative": v.text("Narrative", narrative, max_length=50000),
        "activity_id": activity_id,
    }
    return fields, outcomes


def _save_case_study(session: Session, study: CaseStudy, outcomes: list[str]) -> CaseStudy:
    session.add(study)
    session.flush()
    session.exec(delete(CaseStudyOutcome).where(CaseStudyOutcome.case_study_id == study.id))  # type: ignore[arg-type]
    session.add_all(CaseStudyOutcome(case_study_id=study.id, ecm_outcome=code) for code in outcomes)
    return v.save(session, study)


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
    fields, outcomes = _case_study_fields(
        session, date, title, narrative, ecm_outcomes, activity_id
    )
    return _save_case_study(session, CaseStudy(**fields), outcomes)


def update_case_study(
    session: Session,
    case_study_id: int,
    *,
    date: dt.date | str,
    title: str,
    narrative: str,
    ecm_outcomes: Iterable[str] = (),
    activity_id: int | None = None,
) -> CaseStudy:
    """Change a case study; its ECM outcomes become exactly ``ecm_outcomes``."""
    study = v.get(session, CaseStudy, case_study_id, "case study")
    fields, outcomes = _case_study_fields(
        session, date, title, narrative, ecm_outcomes, activity_id
    )
    return _save_case_study(session, v.apply(study, fields), outcomes)


def case_study_outcomes(session: Session, case_study_id: int) -> list[str]:
    """The ECM outcome codes a case study shows, in the trust's order."""
    order = v.trust(session).codes("ecm_outcomes")
    query = select(CaseStudyOutcome.ecm_outcome).where(
        CaseStudyOutcome.case_study_id == case_study_id
    )
    codes = set(session.exec(query))
    return [code for code in order if code in codes]


@dataclass(frozen=True)
class CaseStudyRow:
    id: int
    date: dt.date
    title: str
    ecm_outcomes: tuple[str, ...]  # the outcomes' names, in the trust's order
    activity: str

    @property
    def outcomes(self) -> str:
        return ", ".join(self.ecm_outcomes)


def list_case_studies(session: Session) -> list[CaseStudyRow]:
    """Every case study, newest first, with names for its ECM outcomes and activity."""
    config = v.trust(session)
    order = config.codes("ecm_outcomes")
    links: dict[int, set[str]] = {}
    for study_id, code in session.exec(
        select(CaseStudyOutcome.case_study_id, CaseStudyOutcome.ecm_outcome)
    ):
        links.setdefault(study_id, set()).add(code)
    query = (
        select(CaseStudy.id, CaseStudy.date, CaseStudy.title, Activity.title)
        .outerjoin(Activity, Activity.id == CaseStudy.activity_id)
        .order_by(CaseStudy.date.desc(), CaseStudy.id.desc())  # type: ignore[attr-defined]
    )
    rows = []
    for i, day, title, activity in session.exec(query):
        codes = links.get(i, set())
        names = tuple(config.name_of("ecm_outcomes", c) for c in order if c in codes)
        rows.append(CaseStudyRow(i, day, title, names, activity or ""))
    return rows

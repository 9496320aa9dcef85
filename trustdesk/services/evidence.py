"""Evidence of impact: what young people said and what changed, and case studies."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypedDict, Unpack

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, delete, select

from trustdesk.errors import ValidationError
from trustdesk.limits import SPREADSHEET_CELL_MAX
from trustdesk.services import validation as v
from trustdesk.store.models import (
    Activity,
    CaseStudy,
    CaseStudyOutcome,
    VoiceEntry,
    key,
    saved_id,
)

# ----- voice -------------------------------------------------------------------------------


class VoiceFields(TypedDict, total=False):
    """What young people said and what changed; the same for a new entry and an edit."""

    date: dt.date | str
    method: str
    who: str  # in aggregate terms ("Year 9 group"), never a name
    said: str
    group_size: int | str | None
    change_made: str
    change_date: dt.date | str | None
    activity_id: int | None


def _save_voice(session: Session, entry: VoiceEntry, fields: VoiceFields) -> VoiceEntry:
    v.known_fields(fields, VoiceFields)
    activity_id = fields.get("activity_id")
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    day = v.required_date("date", fields.get("date"))
    changed_on = v.a_date("change_date", fields.get("change_date"), required=False)
    v.date_order("date", day, "change_date", changed_on)
    values = {
        "date": day,
        "method": v.choice(session, "method", fields.get("method"), "voice_methods"),
        "who": v.text("who", fields.get("who")),
        "group_size": v.whole_number(
            "group_size", fields.get("group_size"), minimum=1, required=False
        ),
        "said": v.text("said", fields.get("said"), max_length=10000),
        "change_made": v.text(
            "change_made", fields.get("change_made"), required=False, max_length=10000
        ),
        "change_date": changed_on,
        "activity_id": activity_id,
    }
    return v.save(session, v.apply(entry, values))


def record_voice(session: Session, **fields: Unpack[VoiceFields]) -> VoiceEntry:
    """What young people said (``who`` in aggregate terms, never a name) and what changed."""
    return _save_voice(session, VoiceEntry(), fields)  # type: ignore[call-arg]  # filled and checked by _save_voice


def update_voice(session: Session, voice_id: int, **fields: Unpack[VoiceFields]) -> VoiceEntry:
    return _save_voice(session, v.get(session, VoiceEntry, voice_id, "voice entry"), fields)


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
        sa_select(
            key(VoiceEntry.id),
            col(VoiceEntry.date),
            col(VoiceEntry.method),
            col(VoiceEntry.who),
            col(VoiceEntry.group_size),
            col(VoiceEntry.said),
            col(VoiceEntry.change_made),
            col(VoiceEntry.change_date),
            col(Activity.title),
        )
        .outerjoin(Activity, col(Activity.id) == VoiceEntry.activity_id)
        .order_by(col(VoiceEntry.date).desc(), col(VoiceEntry.id).desc())
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
        for i, day, method, who, size, said, change, change_day, title in session.execute(query)
    ]


# ----- case studies ------------------------------------------------------------------------


class CaseStudyFields(TypedDict, total=False):
    """An anonymised case study; the same for a new one and an edit."""

    date: dt.date | str
    title: str
    narrative: str
    ecm_outcomes: Iterable[str]
    activity_id: int | None


def _save_case_study(session: Session, study: CaseStudy, fields: CaseStudyFields) -> CaseStudy:
    """Its ECM outcomes become exactly ``ecm_outcomes`` (each once, in order)."""
    v.known_fields(fields, CaseStudyFields)
    activity_id = fields.get("activity_id")
    if activity_id is not None:
        v.get(session, Activity, activity_id, "activity")
    outcomes = dict.fromkeys(
        v.choice(session, "ecm_outcomes", code, "ecm_outcomes")
        for code in fields.get("ecm_outcomes", ())
    )
    v.apply(
        study,
        {
            "date": v.required_date("date", fields.get("date")),
            "title": v.text("title", fields.get("title")),
            "narrative": _narrative(fields.get("narrative")),
            "activity_id": activity_id,
        },
    )
    session.add(study)
    session.flush()
    study_id = saved_id(study)
    session.exec(delete(CaseStudyOutcome).where(col(CaseStudyOutcome.case_study_id) == study_id))
    session.add_all(CaseStudyOutcome(case_study_id=study_id, ecm_outcome=code) for code in outcomes)
    return v.save(session, study)


def _narrative(value: object) -> str:
    """A narrative that fits the one spreadsheet cell it travels in, in a return."""
    narrative = v.text("narrative", value, max_length=sys.maxsize)  # the limit is below, with why
    if len(narrative) > SPREADSHEET_CELL_MAX:
        raise ValidationError(
            "narrative",
            f"is {len(narrative):,} characters long; a return carries it in one spreadsheet "
            f"cell, which holds at most {SPREADSHEET_CELL_MAX:,}. Shorten it, or tell the "
            "story in two case studies.",
        )
    return narrative


def create_case_study(session: Session, **fields: Unpack[CaseStudyFields]) -> CaseStudy:
    """An anonymised case study. (Checking it names nobody on record is a return check.)"""
    return _save_case_study(session, CaseStudy(), fields)  # type: ignore[call-arg]  # filled and checked by _save_case_study


def update_case_study(
    session: Session, case_study_id: int, **fields: Unpack[CaseStudyFields]
) -> CaseStudy:
    study = v.get(session, CaseStudy, case_study_id, "case study")
    return _save_case_study(session, study, fields)


def case_study_outcomes(session: Session, case_study_id: int) -> list[str]:
    """The ECM outcome codes a case study shows, in the trust's order."""
    order = v.trust(session).codes("ecm_outcomes")
    query = select(CaseStudyOutcome.ecm_outcome).where(
        CaseStudyOutcome.case_study_id == case_study_id
    )
    codes = set(session.exec(query))
    return [code for code in order if code in codes]


def case_study_with_outcomes(session: Session, case_study_id: int) -> tuple[CaseStudy, list[str]]:
    """A case study and the ECM outcome codes it shows, as the form shows them."""
    study = v.get(session, CaseStudy, case_study_id, "case study")
    return study, case_study_outcomes(session, case_study_id)


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
        select(key(CaseStudy.id), col(CaseStudy.date), col(CaseStudy.title), col(Activity.title))
        .outerjoin(Activity, col(Activity.id) == CaseStudy.activity_id)
        .order_by(col(CaseStudy.date).desc(), col(CaseStudy.id).desc())
    )
    rows = []
    for i, day, title, activity in session.exec(query):
        codes = links.get(i, set())
        names = tuple(config.name_of("ecm_outcomes", c) for c in order if c in codes)
        rows.append(CaseStudyRow(i, day, title, names, activity or ""))
    return rows

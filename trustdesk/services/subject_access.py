"""A young person's rights over what TrustDesk holds about them: everything held about one
person, found in one place (a subject access request, exported as a PDF by
``trustdesk.reports.subject_access_pdf``), and erasing them on request.

Erasing keeps the anonymous counts: the person's row stays without anything that identifies
them, with their register ticks and outcomes, so no return changes (see
``trustdesk.services.retention``). Free text is not linked to a young person (voice entries
and case studies are anonymous by design), but a coordinator may have typed a name into a
note: every text that mentions the person by full name, short name ("Kyle H.") or local
reference is listed with what is held, and the mention is replaced on erasure.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select as sa_select
from sqlalchemy import update
from sqlmodel import Session, SQLModel, col, or_, select

from trustdesk.errors import UserError
from trustdesk.services import validation as v
from trustdesk.services.retention import (
    clear_identifying_details,
    full_name,
    keep_age_bands,
    last_seen,
)
from trustdesk.services.young_people import short_name
from trustdesk.store import audit
from trustdesk.store.models import (
    ActionReview,
    Activity,
    ActivitySession,
    Attendance,
    AuditEntry,
    CaseStudy,
    ContactLogEntry,
    Meeting,
    MeetingAction,
    Partner,
    RecordedOutcome,
    Spend,
    VoiceEntry,
    YoungPerson,
)

NAME_REMOVED = "[name removed]"

# Where a coordinator may have typed a young person's name: the record, what it is called in
# words, its date (if it has one) and its free-text fields with their labels.
FREE_TEXT: list[tuple[type[SQLModel], str, str | None, dict[str, str]]] = [
    (ActivitySession, "Session notes", "date", {"notes": "Notes"}),
    (Activity, "Activity", "start_date", {"title": "Title", "description": "Description"}),
    (RecordedOutcome, "Outcome", "date", {"title": "Title"}),
    (
        VoiceEntry,
        "What young people said",
        "date",
        {"who": "Who", "said": "What they said", "change_made": "What changed"},
    ),
    (CaseStudy, "Case study", "date", {"title": "Title", "narrative": "Story"}),
    (Spend, "Spending", "date", {"note": "Note"}),
    (ContactLogEntry, "Contact log", "date", {"summary": "Summary"}),
    (Meeting, "Meeting", "date", {"notes": "Notes"}),
    (MeetingAction, "Meeting action", "due_date", {"text": "Action", "owner": "Owner"}),
    (ActionReview, "Action follow-up", None, {"note": "Note"}),
    (Partner, "Partner", None, {"notes": "Notes"}),
    # Texts as they were before an edit or a delete, kept by the audit trail.
    (AuditEntry, "Audit trail", "at", {"changes": "What changed"}),
]


@dataclass(frozen=True)
class SessionAttended:
    date: dt.date
    start: dt.time
    end: dt.time
    activity: str
    venue: str


@dataclass(frozen=True)
class OutcomeGained:
    date: dt.date
    kind: str  # Recorded | Accredited
    title: str
    accreditation: str  # the award's name, or ""
    ecm_outcome: str  # the ECM outcome's name, or ""
    activity: str  # the activity's title, or ""


@dataclass(frozen=True)
class Mention:
    """A free text that names the young person: which record, which field, and the text."""

    where: str  # "Case study", "Session notes", ...
    date: dt.date | None
    field: str
    text: str


@dataclass(frozen=True)
class HeldAboutPerson:
    """Everything TrustDesk holds about one young person, in words."""

    young_person_id: int
    name: str  # as a coordinator knows them; "" once erased
    details: list[tuple[str, str]]  # the record's fields, labelled, every one of them
    attended: list[SessionAttended]  # oldest first
    outcomes: list[OutcomeGained]  # oldest first
    mentions: list[Mention]  # free texts that may name them: check before sending
    last_seen: dt.date | None
    erased_at: dt.datetime | None


def everything_held(session: Session, young_person_id: int) -> HeldAboutPerson:
    """The young person's record, every session they came to (date, time, activity, venue),
    every outcome they gained, and every free text that may mention them. Headcounts are
    anonymous (numbers by age band and gender) and hold nothing about one person."""
    person = v.get(session, YoungPerson, young_person_id, "young person")
    return HeldAboutPerson(
        young_person_id=young_person_id,
        name=full_name(person.first_name, person.last_name, person.local_ref),
        details=_details(session, person),
        attended=_attended(session, young_person_id),
        outcomes=_outcomes(session, young_person_id),
        mentions=[mention for *_, mention in _mentions(session, person)],
        last_seen=last_seen(session, young_person_id),
        erased_at=person.erased_at,
    )


def _yes(value: bool) -> str:
    return "Yes" if value else "No"


def _details(session: Session, person: YoungPerson) -> list[tuple[str, str]]:
    config = v.trust(session)
    born = person.date_of_birth
    band = config.name_of("age_bands", person.age_band) if person.age_band else ""
    rows = [
        ("TrustDesk number", str(person.id)),
        ("Local reference", person.local_ref or ""),
        ("First name", person.first_name or ""),
        ("Last name", person.last_name or ""),
        ("Date of birth", f"{born:%d/%m/%Y}" if born else ""),
        ("Age band (when no date of birth is held)", band),
        ("Gender", config.name_of("genders", person.gender)),
        ("Ethnicity", config.name_of("ethnicity_groups", person.ethnicity)),
        ("Disability", _yes(person.disability)),
        ("Looked after", _yes(person.looked_after)),
        ("Young carer", _yes(person.young_carer)),
        ("Teenage parent", _yes(person.teenage_parent)),
        ("Postcode district", person.postcode_district or ""),
        ("Added to TrustDesk", f"{person.created_at:%d/%m/%Y}"),
    ]
    if person.erased_at is not None:
        rows.append(("Identifying details removed", f"{person.erased_at:%d/%m/%Y}"))
    return rows


def _attended(session: Session, young_person_id: int) -> list[SessionAttended]:
    query = (
        sa_select(
            col(ActivitySession.date),
            col(ActivitySession.start_time),
            col(ActivitySession.end_time),
            col(Activity.title),
            col(Activity.venue),
        )
        .join(Attendance, col(Attendance.session_id) == ActivitySession.id)
        .join(Activity, col(Activity.id) == ActivitySession.activity_id)
        .where(col(Attendance.young_person_id) == young_person_id)
        .order_by(col(ActivitySession.date), col(ActivitySession.start_time))
    )
    return [SessionAttended(*row) for row in session.execute(query)]


def _outcomes(session: Session, young_person_id: int) -> list[OutcomeGained]:
    config = v.trust(session)
    query = (
        select(RecordedOutcome, Activity.title)
        .outerjoin(Activity, col(Activity.id) == RecordedOutcome.activity_id)
        .where(RecordedOutcome.young_person_id == young_person_id)
        .order_by(col(RecordedOutcome.date), col(RecordedOutcome.id))
    )
    return [
        OutcomeGained(
            date=outcome.date,
            kind=outcome.kind.capitalize(),
            title=outcome.title,
            accreditation=config.name_of("accreditations", outcome.accreditation)
            if outcome.accreditation
            else "",
            ecm_outcome=config.name_of("ecm_outcomes", outcome.ecm_outcome)
            if outcome.ecm_outcome
            else "",
            activity=activity or "",
        )
        for outcome, activity in session.exec(query)
    ]


# ----- free text that mentions them -------------------------------------------------------


def _names(person: YoungPerson) -> list[str]:
    """How a note would name the person: full name, short name ("Kyle H.") or local
    reference. A first name alone names too many people to search for (and to hand over
    texts about someone else), so it is not searched for."""
    terms = set()
    if person.first_name and person.last_name:
        terms.add(full_name(person.first_name, person.last_name, person.local_ref))
        terms.add(short_name(person.first_name, person.last_name, None))
    if person.local_ref:
        terms.add(person.local_ref)
    return sorted(terms, key=len, reverse=True)  # the longest first: "Kyle Hughes" before "Kyle H."


def _like(term: str) -> str:
    """A LIKE pattern matching the term anywhere, its own % and _ taken literally."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _naming(person: YoungPerson) -> re.Pattern[str] | None:
    """The person's names as whole words, in any case; None if they have none to look for."""
    names = _names(person)
    if not names:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)", re.IGNORECASE)


def _mentions(session: Session, person: YoungPerson) -> Iterator[tuple[Any, str, Mention]]:
    """Each (record, field, mention) naming the person. SQLite's LIKE narrows each table to
    the rows containing one of the names, in one query per table; the pattern then checks
    that it is there as whole words."""
    naming, names = _naming(person), _names(person)
    if naming is None:
        return
    for model, where, date_field, fields in FREE_TEXT:
        columns = [getattr(model, name) for name in fields]
        found = session.exec(
            select(model)
            .where(or_(*(col(c).ilike(_like(n), escape="\\") for c in columns for n in names)))
            .order_by(col(model.id))  # type: ignore[attr-defined]  # the model is one of several, chosen at run time
        )
        for record in found:
            day = getattr(record, date_field) if date_field else None
            for name, label in fields.items():
                value = getattr(record, name) or ""
                if not naming.search(value):
                    continue
                if isinstance(record, AuditEntry):
                    yield record, name, _in_trail(record, naming)
                else:
                    yield record, name, Mention(where, day, label, value)


def _in_trail(entry: AuditEntry, naming: re.Pattern[str]) -> Mention:
    """An audit entry that names the person, as words: which record was added, changed or
    deleted, and its fields that name them ("narrative: (empty) \u2192 When Kyle ...")."""
    done = {"create": "added", "update": "changed", "delete": "deleted"}.get(entry.action, "")
    what = f"{entry.table_name.replace('_', ' ')} {entry.record_id} {done}".strip()
    lines = []
    for field, change in json.loads(entry.changes).items():
        values = change if isinstance(change, list) else [change]
        shown = " \u2192 ".join("(empty)" if v is None else str(v) for v in values)
        if naming.search(shown):
            lines.append(f"{field}: {shown}")
    return Mention(f"Audit trail: {what}", entry.at.date(), "What changed", "\n".join(lines))


# ----- erasure ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Erased:
    young_person_id: int
    mentions_replaced: int  # free-text fields whose mention of the person was replaced


def erase_young_person(session: Session, young_person_id: int) -> Erased:
    """Erase a young person on their request: their name, local reference, date of birth and
    postcode district are removed for good, and every mention of them in free text is
    replaced by "[name removed]". The sessions they came to and the outcomes they gained
    stay, without who they were, so the anonymous counts (and every return) stay the same.
    One transaction; the audit trail records each change (never the details removed)."""
    person = v.get(session, YoungPerson, young_person_id, "young person")
    removed = person.erased_at
    if removed is not None:
        raise UserError(
            f"Young person number {young_person_id} was already erased: their identifying "
            f"details were removed on {removed.day} {removed:%B %Y}, so nothing is left "
            "that names them."
        )
    changed = _replace_mentions(session, person)
    keep_age_bands(session, [young_person_id])
    clear_identifying_details(session, person, last_seen(session, young_person_id))
    session.flush()
    return Erased(young_person_id, changed)


def _replace_mentions(session: Session, person: YoungPerson) -> int:
    """Replace every mention of the person in free text, the audit trail's copies included,
    by "[name removed]"; returns how many texts changed. Each record is changed by a statement
    whose audit entry says that the text changed and what it says now, but not what it said
    (which named the person): the trail must not become a copy that outlives the erasure."""
    naming = _naming(person)
    if naming is None:
        return 0
    changes: dict[tuple[type[SQLModel], int], dict[str, str]] = {}
    for record, field, _mention in list(_mentions(session, person)):
        key = (type(record), record.id)
        changes.setdefault(key, {})[field] = naming.sub(NAME_REMOVED, getattr(record, field))
    for (model, record_id), fields in changes.items():
        table = model.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__; its stubs do not declare it
        session.execute(
            update(table).where(table.c.id == record_id).values(fields),
            execution_options=audit.RECORDED_SEPARATELY,
        )
        if model is not AuditEntry:
            audit.record(
                session,
                "update",
                table.name,
                record_id,
                before=dict.fromkeys(fields, audit.NOT_RECORDED),
                after=fields,
                note="a young person's name taken out when they were erased on request",
            )
    in_trail = sum(1 for model, _ in changes if model is AuditEntry)
    audit.record(
        session,
        "update",
        YoungPerson.__tablename__,
        person.id,
        note=f"erased on request; their name taken out of {len(changes) - in_trail} "
        f"record(s) and {in_trail} audit entr{'y' if in_trail == 1 else 'ies'}",
    )
    return sum(len(fields) for fields in changes.values())

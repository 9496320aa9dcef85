"""Checks before a return is exported: what the coordinator should fix, and what stops it.

A warning points at something that makes the figures weaker (a session with no register);
an error stops the export. Only one thing is an error: a case study or a voice entry that
names a young person on record, because the texts travel in the return and no child's
identity may leave the laptop.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import exists
from sqlmodel import Session, select

from trustdesk.config import Period
from trustdesk.returns.completeness import completeness
from trustdesk.returns.reach import within
from trustdesk.store.models import (
    Activity,
    ActivityOutcome,
    ActivitySession,
    Attendance,
    CaseStudy,
    Headcount,
    Meeting,
    MeetingAction,
    VoiceEntry,
    YoungPerson,
)

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Check:
    severity: Severity
    message: str
    record_kind: str  # session | action | activity | case_study | voice | return
    record_id: int

    @property
    def blocks(self) -> bool:
        return self.severity == "error"


def checks_before_export(session: Session, period: Period, today: dt.date) -> list[Check]:
    """Everything to look at before exporting, errors first, each pointing at its record."""
    if session.info["unit"].level != "locality":
        return _constituents_to_look_at(session, period, today)
    found = [
        *_identities_in_texts(session, period),
        *_sessions_without_register(session, period, today),
        *_activities_without_outcome(session, period),
        *_overdue_actions(session, today),
    ]
    return sorted(found, key=lambda c: c.severity != "error")


def _constituents_to_look_at(session: Session, period: Period, today: dt.date) -> list[Check]:
    """A consolidated return may go with returns missing or not yet accepted: it says so,
    and so does the list of what to look at before exporting it."""
    found = []
    for cell in completeness(session, [period], today).column(period):
        name = cell.unit.name
        if cell.status == "accepted":
            continue
        if cell.status in ("missing", "not due yet"):
            due = f"due {cell.due:%d %b %Y}"
            message = (
                f"{name}: no return yet ({'overdue, ' if cell.status == 'missing' else ''}{due})."
            )
        elif cell.status == "queried":
            message = f"{name}: revision {cell.revision} is queried" + (
                f" ({cell.note})." if cell.note else "."
            )
        else:
            message = f"{name}: revision {cell.revision} is not accepted yet."
        found.append(Check("warning", message, "return", cell.record_id or 0))
    return found


def _sessions_without_register(session: Session, period: Period, today: dt.date) -> list[Check]:
    last = min(period.end, today)
    query = (
        select(ActivitySession.id, ActivitySession.date, Activity.title)
        .join(Activity, Activity.id == ActivitySession.activity_id)
        .where(ActivitySession.date.between(period.start, last))  # type: ignore[attr-defined]
        .where(~exists().where(Attendance.session_id == ActivitySession.id))
        .where(~exists().where(Headcount.session_id == ActivitySession.id))
        .order_by(ActivitySession.date)  # type: ignore[arg-type]
    )
    return [
        Check(
            "warning",
            f"{title}, {day:%a %d %b %Y}: no register or headcount has been recorded.",
            "session",
            session_id,
        )
        for session_id, day, title in session.exec(query)
    ]


def _activities_without_outcome(session: Session, period: Period) -> list[Check]:
    held = select(ActivitySession.activity_id).where(within(ActivitySession.date, period))
    query = (
        select(Activity.id, Activity.title)
        .where(Activity.id.in_(held))  # type: ignore[union-attr]
        .where(~exists().where(ActivityOutcome.activity_id == Activity.id))
        .order_by(Activity.title)
    )
    return [
        Check(
            "warning",
            f"{title}: no Every Child Matters outcome is chosen, so its sessions count in no "
            "outcome's figures.",
            "activity",
            activity_id,
        )
        for activity_id, title in session.exec(query)
    ]


def _overdue_actions(session: Session, today: dt.date) -> list[Check]:
    query = (
        select(MeetingAction.id, MeetingAction.text, MeetingAction.owner, MeetingAction.due_date)
        .join(Meeting, Meeting.id == MeetingAction.meeting_id)
        .where(MeetingAction.status == "open", MeetingAction.due_date < today)  # type: ignore[operator]
        .order_by(MeetingAction.due_date)  # type: ignore[arg-type]
    )
    return [
        Check(
            "warning",
            f"Action overdue since {due:%d %b %Y} ({owner}): {_clip(text)}",
            "action",
            action_id,
        )
        for action_id, text, owner, due in session.exec(query)
    ]


def _identities_in_texts(session: Session, period: Period) -> list[Check]:
    """Case studies and voice entries of the period that contain the full name or the local
    reference of a young person on record."""
    people = session.exec(
        select(YoungPerson.first_name, YoungPerson.last_name, YoungPerson.local_ref).where(
            YoungPerson.erased_at.is_(None)  # type: ignore[union-attr]
        )
    ).all()
    identities = {f"{first} {last}".lower() for first, last, _ in people if first and last}
    identities |= {ref.lower() for _, _, ref in people if ref}
    if not identities:
        return []
    texts: list[tuple[str, int, str, str]] = []
    for study in session.exec(select(CaseStudy).where(within(CaseStudy.date, period))):
        texts.append(
            (
                "case_study",
                study.id,
                f"Case study {study.title!r}",
                f"{study.title}\n{study.narrative}",
            )
        )
    for entry in session.exec(select(VoiceEntry).where(within(VoiceEntry.date, period))):
        texts.append(
            (
                "voice",
                entry.id,
                f"What young people said on {entry.date:%d %b %Y}",
                f"{entry.who}\n{entry.said}\n{entry.change_made}",
            )
        )
    # One pattern for all of them, longest first: a pattern each would be compiled again for
    # every text once there are more than the regex cache holds (the large demo has 5,200).
    alternatives = "|".join(re.escape(i) for i in sorted(identities, key=len, reverse=True))
    anyone = re.compile(rf"\b(?:{alternatives})\b")
    checks = []
    for kind, record_id, what, text in texts:
        words = " ".join(re.findall(r"[\w'-]+", text.lower()))
        named = sorted(set(anyone.findall(words)))
        if named:
            checks.append(
                Check(
                    "error",
                    f"{what} names a young person on record ({_hide(named[0])}). Texts travel "
                    "in the return: describe them without their name or reference.",
                    kind,
                    record_id,  # type: ignore[arg-type]
                )
            )
    return checks


def _hide(identity: str) -> str:
    """Enough of a name to find it in the text, without repeating it in full on screen."""
    return " ".join(part[:1].upper() + "\u2026" for part in identity.split())


def _clip(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "\u2026"


def count_blocking(checks: list[Check]) -> int:
    return sum(c.blocks for c in checks)

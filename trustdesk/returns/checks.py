"""Checks before a return is exported: what the coordinator should fix, and what stops it.

A warning points at something that makes the figures weaker (a session with no register);
an error stops the export. Only one thing is an error: a text that travels in the return (a
case study, a voice entry, a partner's name; see :mod:`trustdesk.returns.texts`) and
identifies a young person on record or a household (:mod:`trustdesk.privacy`), because no
child's identity may leave the laptop. A first name alone is only a warning, and only when
the young person came to the activity the text is about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import exists
from sqlmodel import Session, col, select

from trustdesk.config.periods import Period
from trustdesk.privacy.identities import IdentityMatcher
from trustdesk.privacy.on_record import identity_matcher
from trustdesk.returns.actions import overdue_at_end_of
from trustdesk.returns.board_health import board_health, meeting_words, missing_words
from trustdesk.returns.completeness import completeness
from trustdesk.returns.texts import (
    TravellingText,
    advice,
    problems,
    received_texts,
    record_texts,
)
from trustdesk.store.context import context
from trustdesk.store.counting import within
from trustdesk.store.models import (
    Activity,
    ActivityOutcome,
    ActivitySession,
    Attendance,
    Headcount,
    MeetingAction,
    key,
)

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Check:
    severity: Severity
    message: str
    # session | action | activity | case_study | voice | partner | return
    record_kind: str
    record_id: int

    @property
    def blocks(self) -> bool:
        return self.severity == "error"


def checks_before_export(
    session: Session,
    period: Period,
    today: dt.date,
    *,
    matcher: IdentityMatcher | None = None,
) -> list[Check]:
    """Everything to look at before exporting, errors first, each pointing at its record.

    ``matcher`` is the workspace's (:func:`identity_matcher`), when the caller has one."""
    matcher = matcher or identity_matcher(session)
    if context(session).unit.level != "locality":
        found = [
            *_identities_in(received_texts(session, period), matcher),
            *_constituents_to_look_at(session, period, today),
            *_board(session, min(today, period.end)),
            *_overdue_actions(session, period, today),
        ]
        return sorted(found, key=lambda c: c.severity != "error")
    found = [
        *_identities_in(record_texts(session, period), matcher),
        *_sessions_without_register(session, period, today),
        *_activities_without_outcome(session, period),
        *_overdue_actions(session, period, today),
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
        select(key(ActivitySession.id), col(ActivitySession.date), col(Activity.title))
        .join(Activity, col(Activity.id) == ActivitySession.activity_id)
        .where(col(ActivitySession.date).between(period.start, last))
        .where(~exists().where(col(Attendance.session_id) == ActivitySession.id))
        .where(~exists().where(col(Headcount.session_id) == ActivitySession.id))
        .order_by(col(ActivitySession.date))
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
    held = select(col(ActivitySession.activity_id)).where(within(ActivitySession.date, period))
    query = (
        select(key(Activity.id), col(Activity.title))
        .where(col(Activity.id).in_(held))
        .where(~exists().where(col(ActivityOutcome.activity_id) == Activity.id))
        .order_by(col(Activity.title))
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


def _board(session: Session, day: dt.date) -> list[Check]:
    """A board that has not met within the trust's interval, and the statutory partners that
    came to none of its last meetings, as they stood at the end of ``day``."""
    health = board_health(session, day)
    found = []
    if health.meeting_due:
        found.append(Check("warning", meeting_words(health), "meeting", 0))
    if health.missing:
        found.append(Check("warning", f"Missing partners: {missing_words(health)}", "meeting", 0))
    return found


def _overdue_actions(session: Session, period: Period, today: dt.date) -> list[Check]:
    """Actions overdue at the end of the period's last day, or of today while the period
    runs (:mod:`trustdesk.returns.actions`): the actions its "actions overdue" counts. An
    action that fell overdue after the period is a later period's matter."""
    day = min(today, period.end)
    query = (
        select(
            key(MeetingAction.id),
            col(MeetingAction.text),
            col(MeetingAction.owner),
            col(MeetingAction.due_date),
        )
        .where(overdue_at_end_of(day))
        .order_by(col(MeetingAction.due_date), col(MeetingAction.id))
    )
    return [
        Check("warning", f"{_overdue_words(due, day, today)} ({owner}): {_clip(text)}", "action", i)
        for i, text, owner, due in session.exec(query)
        if due is not None  # always: an action with no due date is never overdue
    ]


def _overdue_words(due: dt.date, day: dt.date, today: dt.date) -> str:
    """Overdue today, while the period runs; for a past period, on its last day."""
    since = f"Action overdue since {due:%d %b %Y}"
    return (
        since
        if day == today
        else f"{since} and still open on {day:%d %b %Y}, the period's last day"
    )


def _identities_in(texts: list[TravellingText], matcher: IdentityMatcher) -> list[Check]:
    """A check for each text that identifies someone (an error) or may (a warning), pointing
    at the record it is in."""
    checks = []
    for text in texts:
        findings = matcher.find(text.text, activity_id=text.activity_id)
        errors = [f for f in findings if f.blocks]
        warnings = [f for f in findings if not f.blocks]
        name = text.name(findings)
        if errors:
            message = f"{name} {problems(errors)}. Texts travel in the return. {advice(errors)}"
            checks.append(Check("error", message, text.record_kind, text.record_id))
        if warnings:
            message = f"{name} {problems(warnings)}. {advice(warnings)}"
            checks.append(Check("warning", message, text.record_kind, text.record_id))
    return checks


def _clip(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "\u2026"


def count_blocking(checks: list[Check]) -> int:
    return sum(c.blocks for c in checks)

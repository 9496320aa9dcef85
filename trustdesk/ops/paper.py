"""Paper out: a session's sign-in sheet, a meeting's agenda and minutes, as PDFs to print or
e-mail, and the group's lists as a workbook. Each reads the workspace once and writes its
file; they only read, so they may run in a worker thread."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session

from trustdesk import ops
from trustdesk.errors import UserError
from trustdesk.privacy.on_record import identity_matcher
from trustdesk.reports.lists_workbook import Sheet, without_spans, write_lists
from trustdesk.reports.meeting_papers import write_agenda, write_minutes
from trustdesk.reports.sign_in_sheet import SheetSession, write_sign_in_sheets
from trustdesk.services.activities import (
    activity_sessions,
    activity_with_outcomes,
    list_activities,
    session_rows,
)
from trustdesk.services.attendance import RegisterPerson, register_people, register_session
from trustdesk.services.contact_log import list_contact_log
from trustdesk.services.meetings import MeetingShown, meeting_shown
from trustdesk.services.partners import list_partner_rows, partner_contacts
from trustdesk.store.workspace import Workspace

# The most regulars a sheet lists: those who came in the last weeks, most often first.
MOST_REGULARS = 40


def regulars(people: list[RegisterPerson]) -> list[RegisterPerson]:
    """The register's regulars that a sheet names: those who came in the 12 weeks before the
    session (all who came before it, for an activity with none so recent), at most
    MOST_REGULARS, in the register's order: the first of the people the Registers page
    lists. Only earlier sessions count, so ticking this session's register does not change
    who is on its sheet or their lines."""
    recent = [p for p in people if p.recent] or [p for p in people if p.sessions]
    return recent[:MOST_REGULARS]


def sheet_code(lines: list[RegisterPerson]) -> str:
    """Four characters for who is on which line of a session's sheet ("3F9A"), printed on
    the sheet and shown by the Registers page: the same code, the same lines. The code
    differs when a register before the session changed after the sheet was printed (a
    term's later sheets, printed weeks ahead), when the numbers no longer match."""
    ids = ",".join(str(person.id) for person in lines)  # the sheet's lines: its regulars
    return hashlib.sha256(ids.encode()).hexdigest()[:4].upper()


def _sheets(session: Session, session_ids: Sequence[int]) -> list[SheetSession]:
    sheets = []
    for session_id in session_ids:
        held = register_session(session, session_id)
        activity, _ = activity_with_outcomes(session, held.activity_id)
        lines = regulars(register_people(session, session_id))
        sheets.append(
            SheetSession(
                held.activity,
                activity.venue,
                held.date,
                held.start_time,
                held.end_time,
                [(p.name, p.age) for p in lines],
                sheet_code(lines),
            )
        )
    return sheets


def print_sign_in(workspace: Workspace, session_ids: Sequence[int], target: Path) -> Path:
    """One sign-in sheet for each session, in the order given, in one PDF; returns where."""
    if not session_ids:
        raise UserError("Choose at least one session to print a sign-in sheet for.")
    sheets = ops.query(workspace, _sheets, list(session_ids))
    return write_sign_in_sheets(
        sheets, target, trust_name=workspace.config.trust_name, unit=workspace.unit
    )


TERM = dt.timedelta(weeks=12)


def _term(session: Session, session_id: int) -> list[int]:
    held = register_session(session, session_id)
    return [
        s.id
        for s in activity_sessions(session, held.activity_id)
        if s.id is not None and held.date <= s.date < held.date + TERM
    ]


def term_sessions(workspace: Workspace, session_id: int) -> list[int]:
    """A session and its activity's next ones over the 12 weeks from it: a term's sheets."""
    return ops.query(workspace, _term, session_id)


def _shown(workspace: Workspace, meeting_id: int, today: dt.date) -> MeetingShown:
    return ops.query(workspace, meeting_shown, meeting_id, today=today)


def print_agenda(workspace: Workspace, meeting_id: int, target: Path, today: dt.date) -> Path:
    """A meeting's agenda, with the actions carried over to it; returns where."""
    shown = _shown(workspace, meeting_id, today)
    return write_agenda(shown, target, trust_name=workspace.config.trust_name, unit=workspace.unit)


def print_minutes(workspace: Workspace, meeting_id: int, target: Path, today: dt.date) -> Path:
    """A meeting's minutes: who came, its notes, its follow-up and its actions; returns where."""
    shown = _shown(workspace, meeting_id, today)
    return write_minutes(shown, target, trust_name=workspace.config.trust_name, unit=workspace.unit)


def _lists(session: Session) -> list[Sheet]:
    partners: list[tuple[object, ...]] = []
    for row in list_partner_rows(session):
        partner = (row.name, row.partner_type, "yes" if row.active else "no")
        people = [(p.name, p.role, p.phone, p.email) for p in partner_contacts(session, row.id)]
        partners += [(*partner, *person) for person in people or [("", "", "", "")]]
    matcher = identity_matcher(session)

    def summary(text: str) -> str:
        found = [span for f in matcher.find(text) if f.blocks for span in f.spans]
        return without_spans(text, found) if found else text

    log = [
        (
            r.date,
            r.partner,
            r.person,
            r.method,
            summary(r.summary),
            r.follow_up_date,
            "yes" if r.follow_up_done else ("" if r.follow_up_date is None else "no"),
        )
        for r in list_contact_log(session)
    ]
    activities = list_activities(session)
    held = [
        (a.title, s.date, s.times, s.register, s.headcount)
        for a in activities
        for s in session_rows(session, a.id)
    ]
    return [
        Sheet(
            "Partners",
            ("Partner", "Type", "Active", "Contact person", "Role", "Phone", "E-mail"),
            partners,
        ),
        Sheet(
            "Contact log",
            ("Date", "Partner", "Person", "How", "Summary", "Follow up by", "Followed up"),
            log,
        ),
        Sheet(
            "Activities",
            (
                "Activity",
                "Category",
                "From",
                "To",
                "Sessions",
                "Last session",
                "ECM outcomes",
                "Lead partner",
            ),
            [
                (
                    a.title,
                    a.category,
                    a.start_date,
                    a.end_date,
                    a.sessions,
                    a.last_session,
                    a.outcomes,
                    a.lead_partner,
                )
                for a in activities
            ],
        ),
        Sheet(
            "Sessions",
            ("Activity", "Date", "Time", "Young people on the register", "Headcount"),
            held,
        ),
    ]


def save_lists(workspace: Workspace, target: Path) -> Path:
    """The group's partners and contacts, contact log, activities and sessions as one
    workbook (no young person's details); returns where."""
    return write_lists(ops.query(workspace, _lists), target)

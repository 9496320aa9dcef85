"""Partnership figures: partners engaged and what they put in, contacts with them, the
locality group's meetings and actions, young people's voice, case studies and spending."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, or_, select, union
from sqlmodel import Session

from trustdesk.config import Period
from trustdesk.returns.model import PartnerLine
from trustdesk.returns.reach import Put, within
from trustdesk.store.models import (
    Activity,
    ActivitySession,
    CaseStudy,
    CaseStudyOutcome,
    ContactLogEntry,
    Meeting,
    MeetingAction,
    MeetingAttendance,
    Partner,
    PartnerContribution,
    Spend,
    VoiceEntry,
)


def count_partnership(session: Session, period: Period, put: Put) -> None:
    def rows(query: Any) -> list[tuple[Any, Any]]:
        return [(key, value or 0) for key, value in session.execute(query)]

    engaged = _engaged(period)
    _per_type(session, put, "partners_engaged", engaged.c.partner, func.count())

    contributions = (
        select(PartnerContribution).where(within(PartnerContribution.date, period)).subquery()
    )
    for code, column in (
        ("contribution_staff_minutes", contributions.c.staff_minutes),
        ("contribution_money_pence", contributions.c.money_pence),
        ("contribution_in_kind_pence", contributions.c.in_kind_value_pence),
    ):
        _per_type(session, put, code, contributions.c.partner_id, func.sum(column))

    contacts = select(ContactLogEntry).where(within(ContactLogEntry.date, period)).subquery()
    _per_type(session, put, "contact_log_entries", contacts.c.partner_id, func.count())
    put(
        "contact_log_entries",
        "method",
        rows(select(contacts.c.method, func.count()).group_by(contacts.c.method)),
    )

    # Meetings, who came, and the actions agreed at them.
    meetings = select(Meeting.id).where(within(Meeting.date, period))
    put(
        "meetings_held",
        "",
        [("", session.execute(select(func.count()).select_from(meetings.subquery())).scalar_one())],
    )
    places = select(MeetingAttendance).where(MeetingAttendance.meeting_id.in_(meetings)).subquery()
    for code, condition in (
        ("meeting_places", True),
        ("meeting_present", places.c.status == "present"),
        ("meeting_apologies", places.c.status == "apologies"),
    ):
        _per_type(session, put, code, places.c.partner_id, func.count(), condition)

    def count(*conditions: Any) -> list[tuple[str, int]]:
        query = select(func.count()).select_from(MeetingAction).where(*conditions)
        return [("", session.execute(query).scalar_one())]

    put("actions_opened", "", count(MeetingAction.meeting_id.in_(meetings)))
    put(
        "actions_completed",
        "",
        count(MeetingAction.status == "done", within(MeetingAction.done_date, period)),
    )
    agreed_by_end = select(Meeting.id).where(Meeting.date <= period.end)
    put(
        "actions_overdue",
        "",
        count(
            MeetingAction.meeting_id.in_(agreed_by_end),
            MeetingAction.due_date < period.end,
            or_(
                MeetingAction.status == "open",
                (MeetingAction.status == "done") & (MeetingAction.done_date > period.end),
            ),
        ),
    )

    # Voice, case studies and the small budget.
    voice = select(VoiceEntry).where(within(VoiceEntry.date, period)).subquery()
    changed = func.trim(voice.c.change_made, " \t\r\n") != ""
    for code, condition in (("voice_entries", True), ("voice_changes", changed)):
        query = select(voice.c.method, func.count()).where(condition).group_by(voice.c.method)
        by_method = rows(query)
        put(code, "method", by_method)
        put(code, "", [("", sum(n for _, n in by_method))])

    studies = select(CaseStudy.id).where(within(CaseStudy.date, period))
    put(
        "case_studies",
        "",
        [("", session.execute(select(func.count()).select_from(studies.subquery())).scalar_one())],
    )
    by_ecm = (
        select(CaseStudyOutcome.ecm_outcome, func.count())
        .where(CaseStudyOutcome.case_study_id.in_(studies))
        .group_by(CaseStudyOutcome.ecm_outcome)
    )
    put("case_studies", "ecm_outcome", rows(by_ecm))

    spend = select(Spend).where(within(Spend.date, period)).subquery()
    for code, value in (
        ("spend_items", func.count()),
        ("spend_pence", func.sum(spend.c.amount_pence)),
    ):
        by_purpose = rows(select(spend.c.purpose, value).group_by(spend.c.purpose))
        put(code, "purpose", by_purpose)
        put(code, "", [("", sum(n for _, n in by_purpose))])


def _engaged(period: Period) -> Any:
    """Partners engaged in the period: led an activity that met, contributed to one, came to
    a locality group meeting, or were contacted."""

    return union(
        select(Activity.lead_partner_id.label("partner"))
        .join(ActivitySession, ActivitySession.activity_id == Activity.id)
        .where(within(ActivitySession.date, period), Activity.lead_partner_id.is_not(None)),
        select(PartnerContribution.partner_id).where(within(PartnerContribution.date, period)),
        select(MeetingAttendance.partner_id)
        .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
        .where(within(Meeting.date, period), MeetingAttendance.status == "present"),
        select(ContactLogEntry.partner_id).where(within(ContactLogEntry.date, period)),
    ).subquery()


def partner_lines(session: Session, period: Period, unit_code: str) -> list[PartnerLine]:
    """Each partner engaged in the period with what it put in, by name."""
    engaged = _engaged(period)
    partners = session.execute(
        select(Partner.id, Partner.name, Partner.partner_type)
        .where(Partner.id.in_(select(engaged.c.partner)))
        .order_by(Partner.partner_type, Partner.name)
    ).all()

    def per_partner(query: Any) -> dict[int, tuple[int, ...]]:
        return {row[0]: tuple(int(x or 0) for x in row[1:]) for row in session.execute(query)}

    given = per_partner(
        select(
            PartnerContribution.partner_id,
            func.sum(PartnerContribution.staff_minutes),
            func.sum(PartnerContribution.money_pence),
            func.sum(PartnerContribution.in_kind_value_pence),
        )
        .where(within(PartnerContribution.date, period))
        .group_by(PartnerContribution.partner_id)
    )
    came = per_partner(
        select(
            MeetingAttendance.partner_id,
            func.sum(case((MeetingAttendance.status == "present", 1), else_=0)),
            func.count(),
        )
        .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
        .where(within(Meeting.date, period))
        .group_by(MeetingAttendance.partner_id)
    )
    contacted = per_partner(
        select(ContactLogEntry.partner_id, func.count())
        .where(within(ContactLogEntry.date, period))
        .group_by(ContactLogEntry.partner_id)
    )
    return [
        PartnerLine(
            name,
            kind,
            *given.get(partner_id, (0, 0, 0)),
            *came.get(partner_id, (0, 0)),
            *contacted.get(partner_id, (0,)),
            unit_code,
        )
        for partner_id, name, kind in partners
    ]


def _per_type(
    session: Session, put: Put, code: str, partner: Any, value: Any, condition: Any = True
) -> None:
    """A measure's total and its partner-type breakdown, from rows that name a partner."""
    query = (
        select(Partner.partner_type, value)
        .select_from(partner.table)
        .join(Partner, Partner.id == partner)
        .where(condition)
        .group_by(Partner.partner_type)
    )
    by_type = [(kind, n or 0) for kind, n in session.execute(query)]
    put(code, "partner_type", by_type)
    put(code, "", [("", sum(n for _, n in by_type))])

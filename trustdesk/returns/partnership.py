"""Partnership figures: partners engaged and what they put in, contacts with them, the
locality group's meetings and actions, young people's voice, case studies and spending.

Like the reach figures, each kind of record is counted by every breakdown in one statement
(see :func:`trustdesk.returns.tally.tally`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, case, func, select, union
from sqlmodel import Session, col

from trustdesk.config.periods import Period
from trustdesk.returns.actions import overdue_at_end_of
from trustdesk.returns.catalogue import BOARD_PREFIX
from trustdesk.returns.model import PartnerLine
from trustdesk.returns.tally import Put, by, tally
from trustdesk.store.counting import count, within
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
    engaged = engaged_partners(period)
    tally(session, put, ("partners_engaged",), _by_type(engaged.c.partner, count()))

    tally(
        session,
        put,
        ("contribution_staff_minutes", "contribution_money_pence", "contribution_in_kind_pence"),
        _by_type(
            PartnerContribution.partner_id,
            func.sum(PartnerContribution.staff_minutes),
            func.sum(PartnerContribution.money_pence),
            func.sum(PartnerContribution.in_kind_value_pence),
            where=within(PartnerContribution.date, period),
        ),
    )

    contacted = within(ContactLogEntry.date, period)
    tally(
        session,
        put,
        ("contact_log_entries",),
        [
            *_by_type(ContactLogEntry.partner_id, count(), where=contacted),
            by("method", ContactLogEntry.method, count()).where(contacted),
        ],
    )

    count_meetings_and_voice(session, period, put)

    studies = select(col(CaseStudy.id)).where(within(CaseStudy.date, period))
    tally(
        session,
        put,
        ("case_studies",),
        [
            by("", None, count()).select_from(studies.subquery()),
            by("ecm_outcome", CaseStudyOutcome.ecm_outcome, count()).where(
                col(CaseStudyOutcome.case_study_id).in_(studies)
            ),
        ],
    )

    paid = within(Spend.date, period)
    tally(
        session,
        put,
        ("spend_items", "spend_pence"),
        [
            by(breakdown, category, count(), func.sum(Spend.amount_pence))
            .select_from(Spend)
            .where(paid)
            for breakdown, category in (("", None), ("purpose", Spend.purpose))
        ],
    )


def count_meetings_and_voice(session: Session, period: Period, put: Put) -> None:
    """The meetings held, who came, the actions agreed at them, and the voice heard: a
    locality group's, or a board's own (:func:`count_board`)."""
    # Meetings, who came, and the actions agreed at them.
    meetings = select(col(Meeting.id)).where(within(Meeting.date, period))
    status = col(MeetingAttendance.status)
    tally(
        session,
        put,
        ("meeting_places", "meeting_present", "meeting_apologies"),
        _by_type(
            MeetingAttendance.partner_id,
            count(),
            func.sum(case((status == "present", 1), else_=0)),
            func.sum(case((status == "apologies", 1), else_=0)),
            where=col(MeetingAttendance.meeting_id).in_(meetings),
        ),
    )

    def actions(*conditions: Any) -> Any:
        return select(count()).select_from(MeetingAction).where(*conditions).scalar_subquery()

    tally(
        session,
        put,
        ("meetings_held", "actions_opened", "actions_completed", "actions_overdue"),
        [
            by(
                "",
                None,
                select(count()).select_from(meetings.subquery()).scalar_subquery(),
                actions(col(MeetingAction.meeting_id).in_(meetings)),
                actions(
                    col(MeetingAction.status) == "done", within(MeetingAction.closed_on, period)
                ),
                actions(overdue_at_end_of(period.end)),
            )
        ],
    )

    # Voice, case studies and the small budget.
    heard = within(VoiceEntry.date, period)
    changed = case((func.trim(VoiceEntry.change_made, " \t\r\n") != "", 1), else_=0)
    tally(
        session,
        put,
        ("voice_entries", "voice_changes"),
        [
            by(breakdown, category, count(), func.sum(changed)).select_from(VoiceEntry).where(heard)
            for breakdown, category in (("", None), ("method", VoiceEntry.method))
        ],
    )


def count_board(session: Session, period: Period, put: Put) -> None:
    """A district's or county's board's own figures, counted from its own records as a
    locality group's are, under the catalogue's board measures."""

    def put_board(measure: str, breakdown: str, values: Any) -> None:
        put(BOARD_PREFIX + measure, breakdown, values)

    count_meetings_and_voice(session, period, put_board)


def engaged_partners(period: Period) -> Any:
    """Partners engaged in the period: led an activity that met, contributed to one, came to
    a locality group meeting, or were contacted."""

    return union(
        select(col(Activity.lead_partner_id).label("partner"))
        .join(ActivitySession, col(ActivitySession.activity_id) == Activity.id)
        .where(within(ActivitySession.date, period), col(Activity.lead_partner_id).is_not(None)),
        select(col(PartnerContribution.partner_id)).where(within(PartnerContribution.date, period)),
        select(col(MeetingAttendance.partner_id))
        .join(Meeting, col(Meeting.id) == MeetingAttendance.meeting_id)
        .where(within(Meeting.date, period), col(MeetingAttendance.status) == "present"),
        select(col(ContactLogEntry.partner_id)).where(within(ContactLogEntry.date, period)),
    ).subquery()


def partner_lines(session: Session, period: Period, unit_code: str) -> list[PartnerLine]:
    """Each partner engaged in the period with what it put in, by name."""
    engaged = engaged_partners(period)
    given = (
        select(
            col(PartnerContribution.partner_id),
            func.sum(PartnerContribution.staff_minutes).label("staff_minutes"),
            func.sum(PartnerContribution.money_pence).label("money_pence"),
            func.sum(PartnerContribution.in_kind_value_pence).label("in_kind_pence"),
        )
        .where(within(PartnerContribution.date, period))
        .group_by(col(PartnerContribution.partner_id))
        .subquery()
    )
    came = (
        select(
            col(MeetingAttendance.partner_id),
            func.sum(case((col(MeetingAttendance.status) == "present", 1), else_=0)).label(
                "present"
            ),
            count().label("places"),
        )
        .join(Meeting, col(Meeting.id) == MeetingAttendance.meeting_id)
        .where(within(Meeting.date, period))
        .group_by(col(MeetingAttendance.partner_id))
        .subquery()
    )
    contacted = (
        select(col(ContactLogEntry.partner_id), count().label("contacts"))
        .where(within(ContactLogEntry.date, period))
        .group_by(col(ContactLogEntry.partner_id))
        .subquery()
    )
    lines = (
        select(
            col(Partner.name),
            col(Partner.partner_type),
            given.c.staff_minutes,
            given.c.money_pence,
            given.c.in_kind_pence,
            came.c.present,
            came.c.places,
            contacted.c.contacts,
        )
        .outerjoin(given, given.c.partner_id == Partner.id)
        .outerjoin(came, came.c.partner_id == Partner.id)
        .outerjoin(contacted, contacted.c.partner_id == Partner.id)
        .where(col(Partner.id).in_(select(engaged.c.partner)))
        .order_by(Partner.partner_type, Partner.name)
    )
    return [
        PartnerLine(
            name,
            kind,
            int(staff or 0),
            int(money or 0),
            int(in_kind or 0),
            int(present or 0),
            int(places or 0),
            int(contacts or 0),
            unit_code,
        )
        for name, kind, staff, money, in_kind, present, places, contacts in session.execute(lines)
    ]


def _by_type(partner: Any, *values: Any, where: Any = True) -> list[Select[Any]]:
    """The parts of a tally giving the values of rows that name a partner: in all, and for
    each partner type."""
    return [
        by(breakdown, category, *values)
        .select_from(partner.table)
        .join(Partner, col(Partner.id) == partner)
        .where(where)
        for breakdown, category in (("", None), ("partner_type", Partner.partner_type))
    ]

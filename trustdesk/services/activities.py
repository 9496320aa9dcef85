"""Activities, their sessions, the ECM outcomes they serve and what partners contribute."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, delete, func, select

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import (
    Activity,
    ActivityOutcome,
    ActivitySession,
    Attendance,
    Headcount,
    Partner,
    PartnerContribution,
    key,
    saved_id,
)


class ActivityFields(TypedDict, total=False):
    """What a coordinator fills in for an activity; the same for a new one and an edit."""

    title: str
    category: str
    start_date: dt.date | str
    end_date: dt.date | str | None
    ecm_outcomes: Iterable[str]
    venue: str
    lead_partner_id: int | None
    description: str


def _save_activity(session: Session, activity: Activity, fields: ActivityFields) -> Activity:
    v.known_fields(fields, ActivityFields)
    start = v.required_date("start_date", fields.get("start_date"))
    end = v.a_date("end_date", fields.get("end_date"), required=False)
    v.date_order("start_date", start, "end_date", end)
    lead = fields.get("lead_partner_id")
    if lead is not None:
        v.get(session, Partner, lead, "lead partner")
    outcomes = dict.fromkeys(
        v.choice(session, "ecm_outcomes", code, "ecm_outcomes")
        for code in fields.get("ecm_outcomes", ())
    )
    v.apply(
        activity,
        {
            "title": v.text("title", fields.get("title")),
            "category": v.choice(
                session, "category", fields.get("category"), "activity_categories"
            ),
            "venue": v.text("venue", fields.get("venue"), required=False),
            "description": v.text(
                "description", fields.get("description"), required=False, max_length=5000
            ),
            "lead_partner_id": lead,
            "start_date": start,
            "end_date": end,
        },
    )
    session.add(activity)
    session.flush()
    activity_id = saved_id(activity)
    session.exec(delete(ActivityOutcome).where(col(ActivityOutcome.activity_id) == activity_id))
    session.add_all(ActivityOutcome(activity_id=activity_id, ecm_outcome=code) for code in outcomes)
    return v.save(session, activity)


def create_activity(session: Session, **fields: Unpack[ActivityFields]) -> Activity:
    """A new activity: title, category and start date are required; ECM outcomes it serves."""
    return _save_activity(session, Activity(), fields)  # type: ignore[call-arg]  # filled and checked by _save_activity


def update_activity(
    session: Session, activity_id: int, **fields: Unpack[ActivityFields]
) -> Activity:
    """Replace an activity's details (and its ECM outcomes) with what the form holds now."""
    return _save_activity(session, v.get(session, Activity, activity_id, "activity"), fields)


def activity_outcomes(session: Session, activity_id: int) -> list[str]:
    query = select(ActivityOutcome.ecm_outcome).where(ActivityOutcome.activity_id == activity_id)
    return list(session.exec(query))


def activity_with_outcomes(session: Session, activity_id: int) -> tuple[Activity, list[str]]:
    """An activity and the ECM outcome codes it serves, as the form shows them."""
    return v.get(session, Activity, activity_id, "activity"), activity_outcomes(
        session, activity_id
    )


def _dates_text(activity: Activity) -> str:
    start = f"{activity.start_date:%d %b %Y}"
    return f"{start} to {activity.end_date:%d %b %Y}" if activity.end_date else f"{start} onwards"


def _within_dates(activity: Activity, day: dt.date) -> bool:
    return activity.start_date <= day and (activity.end_date is None or day <= activity.end_date)


def _session_values(
    activity: Activity, date: Any, start_time: Any, end_time: Any, notes: str
) -> dict[str, Any]:
    """A session's date, times and notes, checked, and the date within the activity's dates:
    the same checks for a new session, a weekly run and an edit."""
    start, end = v.a_time("start_time", start_time), v.a_time("end_time", end_time)
    if end <= start:
        raise ValidationError("end_time", "must be after the start time.")
    day = v.required_date("date", date)
    if not _within_dates(activity, day):
        raise ValidationError(
            "date", f"{day:%d %b %Y} is outside the activity's dates ({_dates_text(activity)})."
        )
    return {
        "date": day,
        "start_time": start,
        "end_time": end,
        "notes": v.text("notes", notes, required=False, max_length=2000),
    }


def add_session(
    session: Session,
    *,
    activity_id: int,
    date: dt.date | str,
    start_time: dt.time | str,
    end_time: dt.time | str,
    notes: str = "",
) -> ActivitySession:
    activity = v.get(session, Activity, activity_id, "activity")
    fields = _session_values(activity, date, start_time, end_time, notes)
    return v.save(session, ActivitySession(activity_id=activity_id, **fields))


def update_session(
    session: Session,
    session_id: int,
    *,
    date: dt.date | str,
    start_time: dt.time | str,
    end_time: dt.time | str,
    notes: str = "",
) -> ActivitySession:
    """Move a session or change its times or notes; its register stays with it."""
    held = v.get(session, ActivitySession, session_id, "session")
    activity = v.get(session, Activity, held.activity_id, "activity")
    fields = _session_values(activity, date, start_time, end_time, notes)
    return v.save(session, v.apply(held, fields))


def add_weekly_sessions(
    session: Session,
    *,
    activity_id: int,
    first_date: dt.date | str,
    weeks: int,
    start_time: dt.time | str,
    end_time: dt.time | str,
) -> list[ActivitySession]:
    """The same slot every week, e.g. a Tuesday youth club for a term. All or none: a week
    that falls outside the activity's dates adds nothing, and says how many weeks fit."""
    activity = v.get(session, Activity, activity_id, "activity")
    count = v.whole_number("weeks", weeks, minimum=1)
    assert count is not None
    first = v.required_date("first_date", first_date)
    if not _within_dates(activity, first):
        raise ValidationError(
            "first_date",
            f"{first:%d %b %Y} is outside the activity's dates ({_dates_text(activity)}).",
        )
    days = [first + dt.timedelta(weeks=week) for week in range(count)]
    fit = sum(1 for day in days if _within_dates(activity, day))
    if fit < count:
        raise ValidationError(
            "weeks",
            f"week {fit + 1} would be on {days[fit]:%d %b %Y}, outside the activity's dates "
            f"({_dates_text(activity)}); {fit} week{'' if fit == 1 else 's'} fit.",
        )
    added = [
        ActivitySession(
            activity_id=activity_id, **_session_values(activity, day, start_time, end_time, "")
        )
        for day in days
    ]
    session.add_all(added)
    session.flush()
    for held in added:
        session.refresh(held)
    return added


def activity_sessions(session: Session, activity_id: int) -> list[ActivitySession]:
    query = select(ActivitySession).where(ActivitySession.activity_id == activity_id)
    return list(
        session.exec(query.order_by(col(ActivitySession.date), col(ActivitySession.start_time)))
    )


def add_contribution(
    session: Session,
    *,
    activity_id: int,
    partner_id: int,
    date: dt.date | str,
    staff_hours: str | int = 0,
    money: str | int = 0,
    in_kind: str = "",
    in_kind_value: str | int = 0,
) -> PartnerContribution:
    """What a partner put in: staff hours, money (pounds as text, or int pence), in kind."""
    v.get(session, Activity, activity_id, "activity")
    if partner_id is None:
        raise ValidationError("partner_id", "is required.")
    v.get(session, Partner, partner_id, "partner")
    contribution = PartnerContribution(
        activity_id=activity_id,
        partner_id=partner_id,
        date=v.required_date("date", date),
        staff_minutes=v.hours_to_minutes("staff_hours", staff_hours),
        money_pence=v.pence("money", money),
        in_kind=v.text("in_kind", in_kind, required=False, max_length=500),
        in_kind_value_pence=v.pence("in_kind_value", in_kind_value),
    )
    if not (contribution.staff_minutes or contribution.money_pence or contribution.in_kind):
        raise ValidationError("contribution", "give staff hours, money or something in kind.")
    return v.save(session, contribution)


def activity_choices(session: Session) -> list[tuple[str, int]]:
    """(title, id) of every activity, newest first, for choosing one in a form."""
    query = select(col(Activity.title), key(Activity.id)).order_by(
        col(Activity.start_date).desc(),
        col(Activity.title),
    )
    return [(title, activity_id) for title, activity_id in session.exec(query)]


@dataclass(frozen=True)
class ActivityRow:
    id: int
    title: str
    category: str  # the category's name
    start_date: dt.date
    end_date: dt.date | None
    sessions: int
    last_session: dt.date | None
    outcomes: str  # the ECM outcomes it serves, by name, in the trust's order
    lead_partner: str  # the lead partner's name, or ""


def list_activities(session: Session) -> list[ActivityRow]:
    """Every activity, newest first, with how many sessions it has had and the last one."""
    config = v.trust(session)
    held = (
        select(
            ActivitySession.activity_id,
            func.count(col(ActivitySession.id)).label("sessions"),
            func.max(ActivitySession.date).label("last"),
        )
        .group_by(col(ActivitySession.activity_id))
        .subquery()
    )
    query = (
        sa_select(
            key(Activity.id),
            col(Activity.title),
            col(Activity.category),
            col(Activity.start_date),
            col(Activity.end_date),
            func.coalesce(held.c.sessions, 0),
            held.c.last,
            col(Partner.name),
        )
        .outerjoin(held, held.c.activity_id == Activity.id)
        .outerjoin(Partner, col(Partner.id) == Activity.lead_partner_id)
        .order_by(col(Activity.start_date).desc(), col(Activity.title), col(Activity.id))
    )
    serves: dict[int, set[str]] = {}
    for activity_id, code in session.exec(
        select(ActivityOutcome.activity_id, ActivityOutcome.ecm_outcome)
    ):
        serves.setdefault(activity_id, set()).add(code)
    order = config.codes("ecm_outcomes")
    return [
        ActivityRow(
            i,
            title,
            config.name_of("activity_categories", category),
            start,
            end,
            sessions,
            last,
            ", ".join(
                config.name_of("ecm_outcomes", code)
                for code in sorted(serves.get(i, ()), key=order.index)
            ),
            lead or "",
        )
        for i, title, category, start, end, sessions, last, lead in session.execute(query)
    ]


@dataclass(frozen=True)
class SessionRow:
    id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    notes: str
    register: int  # young people ticked in the register
    headcount: int  # people counted without names, for a big event

    @property
    def times(self) -> str:
        return f"{self.start_time:%H:%M}\u2013{self.end_time:%H:%M}"


def session_rows(session: Session, activity_id: int) -> list[SessionRow]:
    """An activity's sessions in date order, with the size of each one's register and
    headcount."""
    mine = col(ActivitySession.activity_id) == activity_id
    ticks = (
        select(Attendance.session_id, func.count(col(Attendance.id)).label("n"))
        .join(ActivitySession, col(ActivitySession.id) == Attendance.session_id)
        .where(mine)
        .group_by(col(Attendance.session_id))
        .subquery()
    )
    counted = (
        select(Headcount.session_id, func.sum(Headcount.count).label("n"))
        .join(ActivitySession, col(ActivitySession.id) == Headcount.session_id)
        .where(mine)
        .group_by(col(Headcount.session_id))
        .subquery()
    )
    query = (
        sa_select(
            key(ActivitySession.id),
            col(ActivitySession.date),
            col(ActivitySession.start_time),
            col(ActivitySession.end_time),
            col(ActivitySession.notes),
            func.coalesce(ticks.c.n, 0),
            func.coalesce(counted.c.n, 0),
        )
        .outerjoin(ticks, ticks.c.session_id == ActivitySession.id)
        .outerjoin(counted, counted.c.session_id == ActivitySession.id)
        .where(mine)
        .order_by(
            col(ActivitySession.date), col(ActivitySession.start_time), col(ActivitySession.id)
        )
    )
    return [SessionRow(*row) for row in session.execute(query)]


def _pounds(pence: int) -> str:
    return f"\u00a3{pence / 100:,.2f}" if pence else ""


@dataclass(frozen=True)
class ContributionRow:
    id: int
    partner: str  # the partner's name
    date: dt.date
    staff_minutes: int
    money_pence: int
    in_kind: str
    in_kind_value_pence: int

    @property
    def staff_hours(self) -> str:
        """Hours as people write them: 2.5, 0.75, 3; empty for none."""
        hours = f"{self.staff_minutes / 60:.2f}".rstrip("0").rstrip(".")
        return hours if self.staff_minutes else ""

    @property
    def money(self) -> str:
        return _pounds(self.money_pence)

    @property
    def in_kind_text(self) -> str:
        value = _pounds(self.in_kind_value_pence)
        return f"{self.in_kind} ({value})" if self.in_kind and value else self.in_kind or value


def contribution_rows(session: Session, activity_id: int) -> list[ContributionRow]:
    """What each partner put into an activity, in date order."""
    query = (
        sa_select(
            key(PartnerContribution.id),
            col(Partner.name),
            col(PartnerContribution.date),
            col(PartnerContribution.staff_minutes),
            col(PartnerContribution.money_pence),
            col(PartnerContribution.in_kind),
            col(PartnerContribution.in_kind_value_pence),
        )
        .join(Partner, col(Partner.id) == PartnerContribution.partner_id)
        .where(col(PartnerContribution.activity_id) == activity_id)
        .order_by(col(PartnerContribution.date), col(PartnerContribution.id))
    )
    return [ContributionRow(*row) for row in session.execute(query)]

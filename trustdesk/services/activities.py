"""Activities, their sessions, the ECM outcomes they serve and what partners contribute."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypedDict, Unpack

from sqlmodel import Session, delete, select

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import (
    Activity,
    ActivityOutcome,
    ActivitySession,
    Partner,
    PartnerContribution,
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
    start = v.required_date("Start date", fields.get("start_date"))
    end = v.a_date("End date", fields.get("end_date"), required=False)
    v.date_order("Start date", start, "End date", end)
    lead = fields.get("lead_partner_id")
    if lead is not None:
        v.get(session, Partner, lead, "lead partner")
    outcomes = dict.fromkeys(
        v.choice(session, "ECM outcomes", code, "ecm_outcomes")
        for code in fields.get("ecm_outcomes", ())
    )
    v.apply(
        activity,
        {
            "title": v.text("Title", fields.get("title")),
            "category": v.choice(
                session, "Category", fields.get("category"), "activity_categories"
            ),
            "venue": v.text("Venue", fields.get("venue"), required=False),
            "description": v.text(
                "Description", fields.get("description"), required=False, max_length=5000
            ),
            "lead_partner_id": lead,
            "start_date": start,
            "end_date": end,
        },
    )
    session.add(activity)
    session.flush()
    session.exec(delete(ActivityOutcome).where(ActivityOutcome.activity_id == activity.id))
    session.add_all(ActivityOutcome(activity_id=activity.id, ecm_outcome=code) for code in outcomes)
    return v.save(session, activity)


def create_activity(session: Session, **fields: Unpack[ActivityFields]) -> Activity:
    """A new activity: title, category and start date are required; ECM outcomes it serves."""
    return _save_activity(session, Activity(), fields)


def update_activity(
    session: Session, activity_id: int, **fields: Unpack[ActivityFields]
) -> Activity:
    """Replace an activity's details (and its ECM outcomes) with what the form holds now."""
    return _save_activity(session, v.get(session, Activity, activity_id, "activity"), fields)


def activity_outcomes(session: Session, activity_id: int) -> list[str]:
    query = select(ActivityOutcome.ecm_outcome).where(ActivityOutcome.activity_id == activity_id)
    return list(session.exec(query))


def _session_fields(date: Any, start_time: Any, end_time: Any, notes: str) -> dict[str, Any]:
    start, end = v.a_time("Start time", start_time), v.a_time("End time", end_time)
    if end <= start:
        raise ValidationError("End time", "must be after the start time.")
    return {
        "date": v.required_date("Date", date),
        "start_time": start,
        "end_time": end,
        "notes": v.text("Notes", notes, required=False, max_length=2000),
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
    fields = _session_fields(date, start_time, end_time, notes)
    if fields["date"] < activity.start_date or (
        activity.end_date and fields["date"] > activity.end_date
    ):
        raise ValidationError("Date", f"is outside the activity's dates ({activity.title}).")
    return v.save(session, ActivitySession(activity_id=activity_id, **fields))


def add_weekly_sessions(
    session: Session,
    *,
    activity_id: int,
    first_date: dt.date | str,
    weeks: int,
    start_time: dt.time | str,
    end_time: dt.time | str,
) -> list[ActivitySession]:
    """The same slot every week, e.g. a Tuesday youth club for a term."""
    count = v.whole_number("Weeks", weeks, minimum=1)
    assert count is not None
    first = v.required_date("First date", first_date)
    return [
        add_session(
            session,
            activity_id=activity_id,
            date=first + dt.timedelta(weeks=week),
            start_time=start_time,
            end_time=end_time,
        )
        for week in range(count)
    ]


def activity_sessions(session: Session, activity_id: int) -> list[ActivitySession]:
    query = select(ActivitySession).where(ActivitySession.activity_id == activity_id)
    return list(session.exec(query.order_by(ActivitySession.date, ActivitySession.start_time)))


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
    v.get(session, Partner, partner_id, "partner")
    contribution = PartnerContribution(
        activity_id=activity_id,
        partner_id=partner_id,
        date=v.required_date("Date", date),
        staff_minutes=v.hours_to_minutes("Staff hours", staff_hours),
        money_pence=v.pence("Money", money),
        in_kind=v.text("In kind", in_kind, required=False, max_length=500),
        in_kind_value_pence=v.pence("In-kind value", in_kind_value),
    )
    if not (contribution.staff_minutes or contribution.money_pence or contribution.in_kind):
        raise ValidationError("Contribution", "give staff hours, money or something in kind.")
    return v.save(session, contribution)


def activity_choices(session: Session) -> list[tuple[str, int]]:
    """(title, id) of every activity, newest first, for choosing one in a form."""
    query = select(Activity.title, Activity.id).order_by(
        Activity.start_date.desc(),  # type: ignore[attr-defined]
        Activity.title,
    )
    return [(title, activity_id) for title, activity_id in session.exec(query)]

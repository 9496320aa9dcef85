"""How a district's or county's board is doing as a partnership: whether it meets often
enough, which statutory partners stay away, and its actions.

The Audit Commission's briefing found that boards should meet at least every two months,
and that some partners (the police most of all) were the least likely to come. The trust
sets both rules in its configuration (``[boards]``): how many months may pass between
meetings, and after how many meetings in a row a statutory partner type that came to none
of them is named as missing. A locality group's meetings are counted the same way, but
only a board is held to these rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlmodel import Session, col

from trustdesk.config.periods import Period
from trustdesk.returns.actions import actions_on
from trustdesk.returns.completeness import Cell, completeness
from trustdesk.returns.compute import compute_to_judge
from trustdesk.returns.tables import Table
from trustdesk.returns.target_tables import targets_table
from trustdesk.returns.targets import Standing, received_standings
from trustdesk.store.context import trust
from trustdesk.store.counting import count
from trustdesk.store.models import Meeting, MeetingAttendance, Partner
from trustdesk.words import listed


@dataclass(frozen=True)
class BoardHealth:
    """The board's state on one day."""

    day: dt.date
    last_met: dt.date | None  # the last meeting held on or before ``day``
    meet_by: dt.date | None  # the last day the next meeting is due by
    every_months: int  # the configured most months between meetings
    meetings_looked_at: int  # the last meetings the missing partners are judged over
    missing: tuple[str, ...]  # statutory partner types present at none of them
    open_actions: int
    overdue_actions: int
    present: int  # partner places filled at the meetings looked at
    places: int

    @property
    def overdue_meeting(self) -> bool:
        return self.meet_by is not None and self.day > self.meet_by

    @property
    def meeting_due(self) -> bool:
        """The board has never met, or not within the trust's interval: it is warned."""
        return self.last_met is None or self.overdue_meeting

    @property
    def attendance(self) -> float | None:
        return self.present / self.places if self.places else None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day where it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def board_health(session: Session, day: dt.date) -> BoardHealth:
    """The board's meetings, missing partners and actions as they stood at the end of ``day``."""
    config = trust(session)
    rules = config.boards
    held = select(col(Meeting.id), col(Meeting.date)).where(col(Meeting.date) <= day)
    last = list(session.execute(held.order_by(col(Meeting.date).desc()).limit(rules.missing_after)))
    ids = [meeting_id for meeting_id, _ in last]
    last_met = last[0][1] if last else None
    came = {
        kind
        for (kind,) in session.execute(
            select(col(Partner.partner_type))
            .join(MeetingAttendance, col(MeetingAttendance.partner_id) == Partner.id)
            .where(
                col(MeetingAttendance.meeting_id).in_(ids),
                col(MeetingAttendance.status) == "present",
            )
            .distinct()
        )
    }
    missing = (
        tuple(p.name for p in config.partner_types if p.statutory and p.code not in came)
        if ids
        else ()
    )
    present, places = session.execute(
        select(
            func.coalesce(func.sum(case((col(MeetingAttendance.status) == "present", 1))), 0),
            count(),
        ).where(col(MeetingAttendance.meeting_id).in_(ids))
    ).one()

    open_actions, overdue_actions = actions_on(session, day)
    return BoardHealth(
        day=day,
        last_met=last_met,
        meet_by=add_months(last_met, rules.meet_every_months) if last_met else None,
        every_months=rules.meet_every_months,
        meetings_looked_at=len(ids),
        missing=missing,
        open_actions=open_actions,
        overdue_actions=overdue_actions,
        present=int(present),
        places=int(places),
    )


def meeting_words(health: BoardHealth) -> str:
    """Whether the board meets often enough, in a sentence."""
    every = "month" if health.every_months == 1 else f"{health.every_months} months"
    if health.last_met is None:
        return f"The board has no meeting recorded yet; it should meet at least every {every}."
    last = f"{health.last_met:%d %b %Y}"
    assert health.meet_by is not None
    if health.overdue_meeting:
        return (
            f"The board last met on {last}, more than {every} ago: its next meeting was due "
            f"by {health.meet_by:%d %b %Y}."
        )
    return f"The board last met on {last}; its next meeting is due by {health.meet_by:%d %b %Y}."


def missing_words(health: BoardHealth) -> str:
    """The statutory partners that stayed away, in a sentence ("" when none did)."""
    if not health.missing:
        return ""
    n = health.meetings_looked_at
    meetings = "the last board meeting" if n == 1 else f"any of the last {n} board meetings"
    return f"{listed(list(health.missing))}: no one came to {meetings}."


@dataclass(frozen=True)
class BoardOverview:
    """What a district's or county's Dashboard shows: its board's health, and how the
    returns of the units below stand for the quarter being collected."""

    health: BoardHealth
    period: Period
    returns: list[Cell]
    # The workspace's own return for the period against its targets, and each unit's
    # return in against the unit's, by unit code.
    targets: Table | None = None
    unit_targets: dict[str, list[Standing]] = field(default_factory=dict)


def board_overview(session: Session, today: dt.date) -> BoardOverview:
    """The board's health today, and the returns of the quarter that ended last: the
    units' as they came in, and its own, each against its targets."""
    period = Period.containing(today).previous()
    grid = completeness(session, [period], today)
    own = compute_to_judge(session, period)
    return BoardOverview(
        board_health(session, today),
        period,
        grid.column(period),
        targets_table(own, trust(session), today),
        {code: found for (code, _), found in received_standings(session, [period]).items()},
    )

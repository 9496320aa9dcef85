"""What a coordinator does with activities: their details and ECM outcomes, their sessions
(dated occasions, each with a register) and what partners put into them.

Here "session" is the database session; an activity's dated session is an ``occasion``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.ops.records import save_with
from trustdesk.services import activities

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace


def save_activity(
    workspace: Workspace, activity_id: int | None, values: Mapping[str, Any]
) -> Changed:
    """A new activity or changed details (title, dates, ECM outcomes…)."""
    return save_with(
        workspace,
        "activity",
        activities.create_activity,
        activities.update_activity,
        activity_id,
        values,
    )


def add_occasion(workspace: Workspace, activity_id: int, values: Mapping[str, Any]) -> Changed:
    """One dated session of an activity (date, times, notes)."""

    def work(session: Session) -> Changed:
        occasion = activities.add_session(session, activity_id=activity_id, **values)
        return Changed.of("session", record_id=occasion.id)

    return ops.change(workspace, work)


def add_weekly_occasions(
    workspace: Workspace, activity_id: int, values: Mapping[str, Any]
) -> Changed:
    """A weekly run of sessions of an activity: all of them, or none if one does not fit."""

    def work(session: Session) -> Changed:
        added = activities.add_weekly_sessions(session, activity_id=activity_id, **values)
        return Changed.of("session", record_id=added[0].id if added else None)

    return ops.change(workspace, work)


def update_occasion(workspace: Workspace, occasion_id: int, values: Mapping[str, Any]) -> Changed:
    """A session's changed date, times or notes."""

    def work(session: Session) -> Changed:
        occasion = activities.update_session(session, occasion_id, **values)
        return Changed.of("session", record_id=occasion.id)

    return ops.change(workspace, work)


def add_contribution(workspace: Workspace, activity_id: int, values: Mapping[str, Any]) -> Changed:
    """What a partner put into an activity: staff time, money, something in kind."""

    def work(session: Session) -> Changed:
        given = activities.add_contribution(session, activity_id=activity_id, **values)
        return Changed.of("contribution", record_id=given.id)

    return ops.change(workspace, work)

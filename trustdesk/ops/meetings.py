"""What a coordinator does with locality group meetings: the meeting with who came, the
actions agreed at it, and a later meeting's review of an action."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.services import meetings

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace


def save_meeting(
    workspace: Workspace,
    meeting_id: int | None,
    values: Mapping[str, Any],
    attendance: Mapping[int, str | None],
) -> Changed:
    """A meeting's details and the partners' attendance at it, saved together or not at all."""

    def work(session: Session) -> Changed:
        if meeting_id is None:
            meeting = meetings.create_meeting(session, **values)
        else:
            meeting = meetings.update_meeting(session, meeting_id, **values)
        assert meeting.id is not None
        meetings.set_partner_attendance(session, meeting_id=meeting.id, attendance=dict(attendance))
        return Changed.of("meeting", record_id=meeting.id)

    return ops.change(workspace, work)


def add_action(workspace: Workspace, meeting_id: int, values: Mapping[str, Any]) -> Changed:
    """An action agreed at a meeting."""

    def work(session: Session) -> Changed:
        action = meetings.add_action(session, meeting_id=meeting_id, **values)
        return Changed.of("action", record_id=action.id)

    return ops.change(workspace, work)


def update_action(workspace: Workspace, action_id: int, values: Mapping[str, Any]) -> Changed:
    """An action corrected, or marked done or dropped outside a meeting on the day given."""

    def work(session: Session) -> Changed:
        action = meetings.update_action(session, action_id, **values)
        return Changed.of("action", record_id=action.id)

    return ops.change(workspace, work)


def review_action(
    workspace: Workspace, action_id: int, meeting_id: int, values: Mapping[str, Any]
) -> Changed:
    """What a later meeting found of an action: still open, done or dropped."""

    def work(session: Session) -> Changed:
        action = meetings.review_action(
            session, action_id=action_id, meeting_id=meeting_id, **values
        )
        return Changed.of("action", record_id=action.id)

    return ops.change(workspace, work)

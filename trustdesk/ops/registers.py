"""Saving a session's register: the names ticked and, for a big event, the headcount, in one
transaction (a headcount refused saves no ticks either).

Here "session" is the database session; the activity's dated session is the ``occasion``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from sqlmodel import Session

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.services import attendance

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

Counts = Mapping[tuple[str, str], int]


def save_register(
    workspace: Workspace,
    occasion_id: int,
    *,
    ticked: Iterable[int] | None = None,
    counts: Counts | None = None,
) -> Changed:
    """Save who came (``ticked``: the young people's ids) and the headcount (``counts`` by
    age band and gender; empty removes it); None leaves that part as it was."""

    def work(session: Session) -> Changed:
        if counts is not None:
            if counts:
                attendance.record_headcount(session, session_id=occasion_id, counts=dict(counts))
            else:
                attendance.clear_headcount(session, session_id=occasion_id)
        if ticked is not None:
            attendance.set_register(session, session_id=occasion_id, young_person_ids=ticked)
        return Changed.of("register", record_id=occasion_id)

    return ops.change(workspace, work)

"""The workspace's own settings a coordinator changes: how many automatic backups are kept,
and how long young people's identifying details are kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.services import retention, workspace_info

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace


def set_backups_kept(workspace: Workspace, count: object) -> Changed:
    """Keep the newest ``count`` automatic backups of each kind; nothing changes (and
    nothing is said to) when that is already the number kept."""

    def work(session: Session) -> Changed:
        kept = workspace_info.backups_kept(session)
        if workspace_info.set_backups_kept(session, count) == kept:
            return Changed()
        return Changed.of("settings")

    return ops.change(workspace, work)


def set_retention_years(workspace: Workspace, years: int | str) -> Changed:
    """Keep identifying details this many whole years after a young person was last seen."""

    def work(session: Session) -> Changed:
        retention.set_retention_years(session, years=years)
        return Changed.of("settings")

    return ops.change(workspace, work)

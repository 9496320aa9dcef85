"""What ``trustdesk info`` shows: which unit a workspace belongs to and what it holds; and
the workspace's own settings (how many backups it keeps)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from trustdesk import __version__
from trustdesk.services import validation as v
from trustdesk.services.records import count_records
from trustdesk.store import backups
from trustdesk.store.models import ActivitySession, WorkspaceSetting
from trustdesk.store.schema import head_schema, read_schema
from trustdesk.store.workspace import Workspace, read_settings


@dataclass
class WorkspaceInfo:
    path: str
    trust: str
    unit_code: str
    unit_name: str
    level: str
    parent: str | None
    schema: int
    schema_supported: int
    created_at: str
    created_by: str
    first_session: str | None
    last_session: str | None
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def describe_workspace(workspace: Workspace) -> WorkspaceInfo:
    parent = workspace.config.units.get(workspace.unit.parent_code or "")
    with workspace.session() as session:
        settings = read_settings(session)
        first, last = session.exec(
            select(func.min(ActivitySession.date), func.max(ActivitySession.date))
        ).one()
        counts = dict(count_records(session))
    return WorkspaceInfo(
        path=str(workspace.path),
        trust=workspace.config.trust_name,
        unit_code=workspace.unit.code,
        unit_name=workspace.unit.name,
        level=workspace.unit.level,
        parent=f"{parent.name} ({parent.code})" if parent else None,
        schema=read_schema(workspace.db_path),
        schema_supported=head_schema(),
        created_at=settings.get("created_at", ""),
        created_by=settings.get("created_by", f"TrustDesk {__version__}"),
        first_session=first.isoformat() if first else None,
        last_session=last.isoformat() if last else None,
        counts=counts,
    )


MOST_BACKUPS_KEPT = 100


def backups_kept(session: Session) -> int:
    """How many automatic backups of each kind (at opening, daily, before a restore) are kept;
    backups made by hand or before an upgrade are never removed."""
    value = read_settings(session).get(backups.KEPT_SETTING, "")
    return int(value) if value.isdigit() and int(value) > 0 else backups.KEEP


def set_backups_kept(session: Session, count: object) -> int:
    kept = v.whole_number("backups_kept", count, minimum=1, maximum=MOST_BACKUPS_KEPT)
    assert kept is not None
    set_setting(session, backups.KEPT_SETTING, str(kept))
    return kept


def set_setting(session: Session, key: str, value: str) -> None:
    """Write one of the workspace's own settings (the operation commits)."""
    row = session.get(WorkspaceSetting, key) or WorkspaceSetting(key=key, value=value)
    row.value = value
    session.add(row)
    session.flush()

"""What ``trustdesk info`` shows: which unit a workspace belongs to and what it holds."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import func
from sqlmodel import select

from trustdesk import __version__
from trustdesk.services.records import count_records
from trustdesk.store import migrate
from trustdesk.store.models import ActivitySession
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

    def as_dict(self) -> dict:
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
        schema=migrate.read_schema(workspace.db_path),
        schema_supported=migrate.head_schema(),
        created_at=settings.get("created_at", ""),
        created_by=settings.get("created_by", f"TrustDesk {__version__}"),
        first_session=first.isoformat() if first else None,
        last_session=last.isoformat() if last else None,
        counts=counts,
    )

"""What every session of a workspace knows about where it works: the trust's configuration
and the unit the workspace belongs to. :meth:`Workspace.session` puts it in the session, and
services, returns and operations read it here, typed, rather than from ``session.info``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from trustdesk.config.trust import TrustConfig, Unit

_KEY = "workspace"


@dataclass(frozen=True)
class WorkspaceContext:
    trust: TrustConfig
    unit: Unit

    def attach(self, session: Session) -> Session:
        session.info[_KEY] = self
        return session


def context(session: Session) -> WorkspaceContext:
    """The workspace context of a session opened by ``Workspace.session()``."""
    found: WorkspaceContext | None = session.info.get(_KEY)
    if found is None:
        raise RuntimeError("open sessions with Workspace.session() so they know the workspace")
    return found


def trust(session: Session) -> TrustConfig:
    """The trust configuration of the workspace this session belongs to."""
    return context(session).trust


def unit(session: Session) -> Unit:
    """The unit (locality, district or county) whose workspace this session belongs to."""
    return context(session).unit

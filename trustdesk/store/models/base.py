"""What every table shares: constraint names Alembic can find again, and small column helpers."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import SQLModel

from trustdesk import clock

# Named constraints, so batch migrations on SQLite can drop and re-create them by name.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    """An aware UTC timestamp (SQLModel stores datetimes in UTC and refuses naive ones)."""
    return clock.now()

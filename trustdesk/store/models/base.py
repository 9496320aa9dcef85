"""What every table shares: constraint names Alembic can find again, and small column helpers."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, cast

from sqlalchemy import Table
from sqlalchemy.orm import Mapped
from sqlmodel import SQLModel, col

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


def key(column: int | None) -> Mapped[int]:
    """A table's ``id`` as a SQL expression of ints: ``col(Model.id)`` is typed ``int | None``
    (None until the row is first flushed), but a row read back from the database has one."""
    return cast(Mapped[int], col(column))


class _Row(Protocol):
    id: int | None


def saved_id(row: _Row) -> int:
    """A row's id once it is in the database (read back, or flushed): the model's
    ``int | None`` is None only before then."""
    return cast(int, row.id)


def table_of(model: type[SQLModel]) -> Table:
    """A table model's Core table, for statements that skip the ORM."""
    table: Table = model.__table__  # type: ignore[attr-defined]  # set by SQLModel, not in its stubs
    return table

"""Operations: one function for each thing a user does that reads or changes a workspace.

The window and the command line call an operation with the workspace and plain values; the
operation opens the session, runs the services (which validate and flush, never commit),
commits once and says what changed, so the window refreshes only the pages that show it.
A user action is therefore one transaction: all of it is saved, or none of it.

    changed = ops.partners.save_partner(workspace, partner_id, values)
    window.records_changed(changed)

Reads go through :func:`query`, so no page ever holds a database session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

if TYPE_CHECKING:  # only named here: the window imports this module before SQLAlchemy
    from sqlmodel import Session

    from trustdesk.store.workspace import Workspace

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True)
class Changed:
    """What one operation changed: the kinds of record (``"partner"``, ``"young_person"``,
    ``"activity"``…) and, for a save, the id of the record saved."""

    kinds: frozenset[str] = field(default_factory=frozenset)
    record_id: int | None = None

    @classmethod
    def of(cls, *kinds: str, record_id: int | None = None) -> Changed:
        return cls(frozenset(kinds), record_id)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changed) -> Changed:
        return Changed(self.kinds | other.kinds, other.record_id or self.record_id)


def change(workspace: Workspace, work: Callable[[Session], T]) -> T:
    """Run ``work(session)`` as one transaction: committed once if it returns, rolled back
    (nothing saved) if it raises."""
    with workspace.session() as session:
        result = work(session)
        session.commit()
        return result


def query(
    workspace: Workspace,
    read: Callable[Concatenate[Session, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """``read(session, *args, **kwargs)`` in a session of its own that changes nothing.
    What it returns must be plain values or records no longer needing the session."""
    with workspace.session() as session:
        return read(session, *args, **kwargs)


def call(
    workspace: Workspace,
    work: Callable[Concatenate[Session, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """``work(session, *args, **kwargs)`` as one transaction (see :func:`change`): a service
    that writes, called for a user action that has no operation of its own yet."""
    return change(workspace, lambda session: work(session, *args, **kwargs))

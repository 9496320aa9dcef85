"""What every kind of record shares: the kinds of record an action changes, saving a record
of a kind through its service, deleting one with what belongs to it, and putting it back.

A kind is the word the pages use for what they show (``"partner"``, ``"session"``): a page
declares the kinds it shows, an operation says which kinds it changed (:class:`Changed`),
and the window reads again only the pages that show one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, SQLModel

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.services import deletion

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

# The kind of record each table's rows are part of.
KIND_OF_TABLE = {
    "partner": "partner",
    "partner_contact": "contact_person",
    "contact_log_entry": "contact",
    "voice_entry": "voice",
    "case_study": "case_study",
    "case_study_outcome": "case_study",
    "spend": "spend",
    "activity": "activity",
    "activity_outcome": "activity",
    "activity_session": "session",
    "attendance": "register",
    "headcount": "register",
    "partner_contribution": "contribution",
    "meeting": "meeting",
    "meeting_attendance": "meeting",
    "meeting_action": "action",
    "action_review": "action",
    "young_person": "young_person",
    "recorded_outcome": "outcome",
    "workspace_setting": "settings",
    "return_record": "return",
    "return_figure": "return",
    "return_constituent": "return",
    "return_text": "return",
}
EVERY_KIND = frozenset(KIND_OF_TABLE.values())


def kind_of(model: type[SQLModel]) -> str:
    table: str = model.__tablename__  # type: ignore[assignment]  # SQLModel's stubs type __tablename__ as a declared_attr
    return KIND_OF_TABLE.get(table, table)


Create = Callable[..., SQLModel]
Update = Callable[..., SQLModel]


def save_with(
    workspace: Workspace,
    kind: str,
    create: Create,
    update: Update,
    record_id: int | None,
    values: Mapping[str, Any],
    **known: Any,
) -> Changed:
    """Create (``record_id`` None) or update one record through its service, in one
    transaction; says the kind changed and the record's id."""

    def work(session: Session) -> Changed:
        if record_id is None:
            record = create(session, **known, **values)
        else:
            record = update(session, record_id, **known, **values)
        return Changed.of(kind, record_id=record.id)  # type: ignore[attr-defined]  # any saved record has an id; the model is chosen at run time

    return ops.change(workspace, work)


@dataclass(frozen=True)
class Deleted(Changed):
    """A delete: what it changed, and what puts it back (for Edit > Undo delete)."""

    record: deletion.DeletedRecord | None = None

    @property
    def what(self) -> str:
        return self.record.what if self.record is not None else ""


def _deleted(record: deletion.DeletedRecord) -> Deleted:
    kinds = {KIND_OF_TABLE.get(table, table) for table, _rows in record.rows}
    kinds |= {KIND_OF_TABLE.get(table, table) for table, *_ in record.unlinked}
    return Deleted(frozenset(kinds), None, record)


def delete_record(
    workspace: Workspace, model: type[SQLModel], record_id: int, what: str
) -> Deleted:
    """Delete a record with what belongs to it (a session's register ticks) in one
    transaction; the result says what went and puts it back (:func:`undo_delete`)."""
    return ops.change(
        workspace,
        lambda session: _deleted(deletion.delete_with_undo(session, model, record_id, what)),
    )


def delete_with(
    workspace: Workspace, delete: Callable[[Session], deletion.DeletedRecord]
) -> Deleted:
    """A delete made by a service of its own (an outcome), as one transaction."""
    return ops.change(workspace, lambda session: _deleted(delete(session)))


def undo_delete(workspace: Workspace, deleted: deletion.DeletedRecord) -> Changed:
    """Put back a deleted record and what went with it, all or nothing."""

    def work(session: Session) -> Changed:
        deletion.undo_delete(session, deleted)
        return Changed(_deleted(deleted).kinds)

    return ops.change(workspace, work)


def preview_delete(
    workspace: Workspace, model: type[SQLModel], record_id: int, what: str
) -> deletion.DeletionPreview:
    """What a delete would remove, to ask about first."""
    return ops.query(workspace, deletion.preview_delete, model, record_id, what)

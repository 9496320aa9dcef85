"""Deleting a record with what belongs to it, saying first what will go, and undoing it.

The database's foreign keys already say what belongs to what: rows that reference a record
with ``ON DELETE CASCADE`` go with it (an activity's sessions, their registers); rows that
reference it with ``ON DELETE SET NULL`` lose the link (an outcome keeps its young person but
forgets the activity). This module reads those rules from the metadata, so a new table is
covered without a change here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from trustdesk.errors import UserError
from trustdesk.services import validation as v
from trustdesk.store import audit

# What people call the rows of each table, for "this also deletes 12 sessions" and for the
# audit trail ("Edited young person #12").
TABLE_WORDS = {
    "young_person": ("young person", "young people"),
    "partner": ("partner", "partners"),
    "meeting": ("meeting", "meetings"),
    "voice_entry": ("voice entry", "voice entries"),
    "case_study": ("case study", "case studies"),
    "spend": ("spending entry", "spending entries"),
    "return_record": ("return", "returns"),
    "org_unit": ("unit", "units"),
    "workspace_setting": ("setting", "settings"),
    "activity": ("activity", "activities"),
    "activity_session": ("session", "sessions"),
    "activity_outcome": ("ECM outcome link", "ECM outcome links"),
    "attendance": ("register tick", "register ticks"),
    "headcount": ("headcount", "headcounts"),
    "partner_contribution": ("partner contribution", "partner contributions"),
    "partner_contact": ("contact person", "contact people"),
    "contact_log_entry": ("contact log entry", "contact log entries"),
    "meeting_attendance": ("meeting attendance", "meeting attendances"),
    "meeting_action": ("action", "actions"),
    "action_review": ("action follow-up", "action follow-ups"),
    "recorded_outcome": ("outcome", "outcomes"),
    "case_study_outcome": ("ECM outcome link", "ECM outcome links"),
    "return_figure": ("figure", "figures"),
    "return_constituent": ("constituent", "constituents"),
}
# Links that are part of a record rather than records of their own: not worth a mention.
_QUIET = {"activity_outcome", "case_study_outcome", "return_figure", "return_constituent"}


def _words(table: str, count: int) -> str:
    one, many = TABLE_WORDS.get(table, (table.replace("_", " "),) * 2)
    return f"{count:,} {one if count == 1 else many}"


@dataclass
class DeletedRecord:
    """Everything a delete removed or changed, enough to put it back."""

    what: str
    rows: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)  # parents first
    unlinked: list[tuple[str, str, list[Any], Any]] = field(default_factory=list)


@dataclass(frozen=True)
class DeletionPreview:
    what: str
    goes_with_it: list[str]  # "12 sessions", "340 register ticks"
    loses_link: list[str]  # "3 outcomes"

    @property
    def question(self) -> str:
        text = f"Delete {self.what}?"
        if self.goes_with_it:
            text += f"\n\nThis also deletes {_join(self.goes_with_it)}."
        if self.loses_link:
            text += f"\n\n{_join(self.loses_link).capitalize()} will be kept but no longer linked to it."
        return text + "\n\nYou can undo this with Edit \u203a Undo delete (Ctrl+Z)."


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _referencing(table: Table) -> Iterator[tuple[Table, Any, str]]:
    """(child table, its column, ondelete rule) for every foreign key pointing at ``table``."""
    for child in SQLModel.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                yield child, fk.parent, (fk.ondelete or "").upper()


def _walk(session: Session, table: Table, ids: list[Any], record: DeletedRecord) -> None:
    for child, column, rule in _referencing(table):
        if rule == "CASCADE":
            found = [
                dict(r._mapping) for r in session.execute(select(child).where(column.in_(ids)))
            ]
            if found:
                record.rows.append((child.name, found))
                keys = [c for c in child.primary_key.columns]
                if len(keys) == 1:
                    _walk(session, child, [r[keys[0].name] for r in found], record)
        elif rule == "SET NULL":
            keys = list(child.primary_key.columns)
            found = [r[0] for r in session.execute(select(keys[0]).where(column.in_(ids)))]
            if found:
                record.unlinked.append((child.name, column.name, found, ids[0]))


def _collect(session: Session, model: type[SQLModel], record_id: int, what: str) -> DeletedRecord:
    v.get(session, model, record_id, what)
    table: Table = model.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__; its stubs do not declare it
    key = next(iter(table.primary_key.columns))
    record = DeletedRecord(what)
    record.rows.append(
        (table.name, [dict(session.execute(select(table).where(key == record_id)).one()._mapping)])
    )
    _walk(session, table, [record_id], record)
    return record


def preview_delete(
    session: Session, model: type[SQLModel], record_id: int, what: str
) -> DeletionPreview:
    """What deleting this record would take with it, before anything is deleted."""
    return DeletionPreview(what, *_consequences(_collect(session, model, record_id, what)))


def _consequences(record: DeletedRecord) -> tuple[list[str], list[str]]:
    """What goes with a record ("12 sessions") and what only loses its link to it."""
    totals: dict[str, int] = {}
    for name, rows in record.rows[1:]:
        totals[name] = totals.get(name, 0) + len(rows)
    goes = [_words(name, n) for name, n in totals.items() if name not in _QUIET]
    unlinked = [_words(name, len(ids)) for name, _, ids, _ in record.unlinked]
    return goes, unlinked


def _audit(session: Session, record: DeletedRecord, action: str, how: str) -> None:
    """One entry in the audit trail for the record, saying what went (or came back) with it,
    rather than one for each of its sessions and register ticks."""
    table, rows = record.rows[0]
    goes, unlinked = _consequences(record)
    parts = [how] if how else []
    if goes:
        parts.append(f"with {_join(goes)}")
    if unlinked:
        parts.append(_join(unlinked) + (" linked again" if action == "create" else " unlinked"))
    row = rows[0]
    key = next(iter(SQLModel.metadata.tables[table].primary_key.columns)).name
    before, after = (row, None) if action == "delete" else (None, row)
    audit.record(
        session, action, table, row[key], before=before, after=after, note="; ".join(parts)
    )


def delete_with_undo(
    session: Session, model: type[SQLModel], record_id: int, what: str
) -> DeletedRecord:
    """Delete the record (the database removes what belongs to it) and return what undoes it."""
    record = _collect(session, model, record_id, what)
    table: Table = model.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__; its stubs do not declare it
    key = next(iter(table.primary_key.columns))
    session.execute(
        delete(table).where(key == record_id), execution_options=audit.RECORDED_SEPARATELY
    )
    _audit(session, record, "delete", "")
    session.flush()
    session.expire_all()
    return record


def undo_delete(session: Session, record: DeletedRecord) -> None:
    """Put back a deleted record, what went with it and the links it lost, all or nothing:
    when something recorded since is in its place this raises, and the operation's
    transaction (trustdesk.ops.records.undo_delete) is rolled back, putting back none of it."""
    tables = {t.name: t for t in SQLModel.metadata.sorted_tables}
    quietly = audit.RECORDED_SEPARATELY  # one entry for all of it, below
    try:
        for name, rows in record.rows:
            session.execute(insert(tables[name]), rows, execution_options=quietly)
        for name, column, ids, value in record.unlinked:
            table = tables[name]
            key = next(iter(table.primary_key.columns))
            change = update(table).where(key.in_(ids)).values({column: value})
            session.execute(change, execution_options=quietly)
        _audit(session, record, "create", "put back by Undo delete")
        session.flush()
    except IntegrityError:
        raise UserError(
            f"The deleted {record.what} cannot be put back: something recorded since then "
            "is in its place.",
            hint="Enter it again by hand.",
        ) from None
    session.expire_all()

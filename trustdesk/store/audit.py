"""The audit trail: every create, edit and delete made through a workspace session is
written to ``audit_entry`` with the OS user and the time, in the same transaction as the
change, so a change rolled back leaves no entry and a change saved always has one.

What an entry holds (``changes``, JSON):

- an edit: ``{"field": [old, new]}`` for each field that changed; a new record: ``[None,
  value]`` for each field given; a deleted record: ``[value, None]`` for each it held.
- Parts of a record are not records of their own (a session's register and headcount, the
  ECM outcomes of an activity or case study, the partners at a meeting, a return's figures):
  a change to them is an edit of the record they belong to, saying what was taken out and
  what was put in, e.g. ``{"register": [[7], [12, 15]]}`` (young people's ids, never names).
- ``"(note)"``: a sentence from the service that made the change, e.g. what a delete took
  with it ("with 12 sessions and 300 register ticks").
- A young person's identifying details are never copied into the trail (it must not become
  a second copy of children's details that outlives their erasure): the entry says that the
  field changed, with ``"(not recorded)"`` for the value. Long text is cut short.
- Free text (notes, a case study's story) is kept, cut short, as the record holds it; erasing
  a young person on request replaces their name in the trail too
  (trustdesk.services.subject_access).

How changes are seen: objects added, changed or deleted through the session (``after_flush``,
with each attribute's history); statements run through the session (``delete(...)``,
``update(...)``, ``insert(...)``), whose rows are read before and, for an update, after the
statement (``do_orm_execute``). A service that writes its own entry for a statement (delete
with undo) runs it with ``RECORDED_SEPARATELY`` and calls :func:`record`. Entries gather
per transaction and are written just before it commits.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Delete, Table, Update, event, insert, inspect, select, tuple_
from sqlalchemy.orm import ORMExecuteState, SessionTransaction, UOWTransaction
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, SQLModel

from trustdesk.store.models import AuditEntry, utc_now

NOT_RECORDED = "(not recorded)"
UNKNOWN = "(unknown)"  # an old value the session had not read before it was changed
NOTE = "(note)"
MAX_TEXT = 200  # characters of a value kept
MAX_ITEMS = 50  # items of a part (register ticks, figures) listed, then "…and N more"
_WATCHED = "trustdesk_audit"
# For statements whose caller writes the entry itself with record().
RECORDED_SEPARATELY = {_WATCHED: "recorded separately"}

# What identifies a young person: its change is recorded, its value never.
PRIVATE = {
    "young_person": frozenset(
        {"local_ref", "first_name", "last_name", "date_of_birth", "postcode_district"}
    )
}
_SKIPPED = frozenset({"id", "created_at"})  # the entry's own record id and time say these


@dataclass(frozen=True)
class Part:
    """Rows that are part of another record: a change to them edits that record."""

    parent: str  # the table of the record they belong to
    key: str  # their column holding that record's id
    label: str  # what the record calls them
    item: Callable[[Mapping[str, Any]], Any]  # one row as the entry lists it


PARTS = {
    "attendance": Part(
        "activity_session", "session_id", "register", lambda r: r["young_person_id"]
    ),
    "headcount": Part(
        "activity_session",
        "session_id",
        "headcount",
        lambda r: f"{r['age_band']} {r['gender']}: {r['count']}",
    ),
    "activity_outcome": Part("activity", "activity_id", "ECM outcomes", lambda r: r["ecm_outcome"]),
    "case_study_outcome": Part(
        "case_study", "case_study_id", "ECM outcomes", lambda r: r["ecm_outcome"]
    ),
    "meeting_attendance": Part(
        "meeting", "meeting_id", "partners", lambda r: f"partner #{r['partner_id']}: {r['status']}"
    ),
    "return_figure": Part(
        "return_record",
        "return_record_id",
        "figures",
        lambda r: (
            " ".join(filter(None, (r["measure"], r["breakdown"], r["category"])))
            + f": {r['value']}"
        ),
    ),
    "return_constituent": Part(
        "return_record",
        "return_record_id",
        "constituents",
        lambda r: f"{r['unit_code']} revision {r['revision']}: {r['status']}",
    ),
    "return_text": Part(
        "return_record", "return_record_id", "texts", lambda r: f"{r['kind']} {r['position']}"
    ),
}


def watch(session: Session) -> None:
    """Record every change this session makes in the audit trail."""
    if _WATCHED in session.info:
        return
    session.info[_WATCHED] = _Trail()
    event.listen(session, "before_flush", _before_flush)
    event.listen(session, "after_flush", _after_flush)
    event.listen(session, "do_orm_execute", _on_execute)
    event.listen(session, "before_commit", _before_commit)
    event.listen(session, "after_transaction_end", _after_transaction_end)


def record(
    session: Session,
    action: str,
    table: str,
    record_id: Any,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    note: str = "",
) -> None:
    """An entry for a change made with ``RECORDED_SEPARATELY`` statements: ``action``
    (create, update or delete) of one record, its values ``before`` and ``after`` (either
    None for a create or delete), and a sentence saying more. Written when the session
    commits, with everything else it changed; nothing if the session is not watched."""
    trail = session.info.get(_WATCHED)
    if trail is not None:
        trail.add(action, table, str(record_id), before, after, note)


def os_user() -> str:
    """Who is making the change: the computer's user name ("unknown" if it cannot be told)."""
    try:
        name = getpass.getuser()
    except Exception:  # no user name in the environment nor the password database
        name = ""
    return (name or "unknown")[:100]


# ----- gathering a transaction's changes ----------------------------------------------------------


@dataclass
class _Change:
    action: str
    table: str
    record_id: str
    fields: dict[str, list[Any]] = field(default_factory=dict)  # name: [old, new], as stored
    taken_out: dict[str, list[Any]] = field(default_factory=dict)  # part label: items
    put_in: dict[str, list[Any]] = field(default_factory=dict)
    note: str = ""


# What two changes to one record in one transaction add up to (None: nothing happened).
_MERGED = {
    ("create", "update"): "create",
    ("create", "delete"): None,
    ("update", "update"): "update",
    ("update", "delete"): "delete",
    ("delete", "create"): "update",
}


class _Trail:
    """The changes of one session's transaction, by record, until it commits."""

    def __init__(self) -> None:
        self.changes: dict[tuple[str, str], _Change] = {}
        self.unread: dict[int, dict[str, Any]] = {}  # old values read just before a flush

    def add(
        self,
        action: str,
        table: str,
        record_id: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        note: str = "",
    ) -> None:
        fields = _differences(table, before, after)
        known = self.changes.get((table, record_id))
        if known is None:
            self.changes[table, record_id] = _Change(action, table, record_id, fields, note=note)
            return
        merged = _MERGED.get((known.action, action), action)
        if merged is None:
            del self.changes[table, record_id]
            return
        for name, (old, new) in fields.items():
            first = known.fields.get(name)
            known.fields[name] = [first[0] if first else old, new]
        known.action = merged
        known.note = note or known.note

    def row(self, action: str, table: str, row: Mapping[str, Any]) -> None:
        """A row created or deleted: a record of its own, or part of one."""
        part = PARTS.get(table)
        if part is None:
            before, after = (row, None) if action == "delete" else (None, row)
            self.add(action, table, _record_id(table, row), before, after)
            return
        parent = row.get(part.key)
        if parent is None:
            return
        known = self.changes.get((part.parent, str(parent)))
        if known is None:
            known = self.changes[part.parent, str(parent)] = _Change(
                "update", part.parent, str(parent)
            )
        items = known.taken_out if action == "delete" else known.put_in
        items.setdefault(part.label, []).append(part.item(row))

    def changed(self, table: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
        if table in PARTS:
            self.row("delete", table, before)
            self.row("create", table, after)
        else:
            self.add("update", table, _record_id(table, after), before, after)

    def entries(self, user: str, at: dt.datetime) -> list[dict[str, Any]]:
        rows = []
        for change in self.changes.values():
            changes: dict[str, Any] = {
                name: pair
                for name, pair in change.fields.items()
                if change.action != "update" or pair[0] != pair[1] or NOT_RECORDED in pair
            }
            for label in dict.fromkeys([*change.taken_out, *change.put_in]):
                out, put = set(change.taken_out.get(label, ())), set(change.put_in.get(label, ()))
                if out - put or put - out:
                    changes[label] = [_items(out - put), _items(put - out)]
            if change.action == "update" and not changes and not change.note:
                continue  # saved as it was
            if change.note:
                changes[NOTE] = change.note
            rows.append(
                {
                    "at": at,
                    "os_user": user,
                    "action": change.action,
                    "table_name": change.table,
                    "record_id": change.record_id[:40],
                    "changes": json.dumps(changes, ensure_ascii=False, default=str),
                }
            )
        return rows

    def clear(self) -> None:
        self.changes.clear()
        self.unread.clear()


def _differences(
    table: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` as stored: identifying values hidden, long text cut short;
    a new or deleted record's empty fields and its id left out."""
    names = dict.fromkeys([*(before or {}), *(after or {})])
    found = {}
    for name in names:
        if name in _SKIPPED:
            continue
        old = None if before is None else before.get(name)
        new = None if after is None else after.get(name)
        if before is not None and after is not None and old == new:
            continue
        if old in (None, "") and new in (None, ""):
            continue
        found[name] = [_stored(table, name, old), _stored(table, name, new)]
    return found


def _stored(table: str, name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in PRIVATE.get(table, ()):
        return NOT_RECORDED
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.time):
        value = value.isoformat(timespec="minutes" if not value.second else "seconds")
    elif isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "\u2026"


def _items(items: Iterable[Any]) -> list[Any]:
    ordered = sorted(items, key=lambda item: (isinstance(item, str), item))
    if len(ordered) > MAX_ITEMS:
        return [*ordered[:MAX_ITEMS], f"\u2026and {len(ordered) - MAX_ITEMS:,} more"]
    return ordered


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _record_id(table: str, row: Mapping[str, Any]) -> str:
    return "/".join(str(row.get(column.name, "")) for column in _table(table).primary_key.columns)


# ----- the session's events -----------------------------------------------------------------------


def _trail(session: OrmSession) -> _Trail | None:
    return session.info.get(_WATCHED)


def _before_flush(session: Session, _context: UOWTransaction, _objects: Any) -> None:
    """Read what the session has not read of the records it is about to change or delete
    (a record not loaded again since a commit), while the database still holds it."""
    trail = _trail(session)
    if trail is None:
        return
    for obj in (*session.dirty, *session.deleted):
        state = inspect(obj)
        unread = [
            attr
            for attr in state.mapper.column_attrs
            if attr.key not in state.dict
            or ((history := state.attrs[attr.key].history).added and not history.deleted)
        ]
        if unread and state.key is not None:
            table = state.mapper.local_table
            keys = tuple_(*table.primary_key.columns)
            query = select(*(attr.columns[0] for attr in unread))
            found = session.connection().execute(query.where(keys == tuple_(*state.key[1])))
            values = found.first()
            if values is not None:
                trail.unread[id(state)] = dict(zip([a.key for a in unread], values, strict=True))


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    """Objects added, changed and deleted by this flush (the session still lists them, with
    each attribute's history, and new rows have their ids)."""
    trail = _trail(session)
    if trail is None:
        return
    for action, objects in (
        ("create", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            state = inspect(obj)
            table = state.mapper.local_table.name
            if table == AuditEntry.__tablename__:
                continue
            unread = trail.unread.pop(id(state), {})
            values = {**unread, **_values(state)}
            if action != "update":
                trail.row(action, table, values)
                continue
            before, after = dict(values), values
            for attr in state.mapper.column_attrs:
                history = state.attrs[attr.key].history
                if history.has_changes():
                    old = history.deleted[0] if history.deleted else unread.get(attr.key, UNKNOWN)
                    before[attr.key] = old
                    after[attr.key] = history.added[0] if history.added else None
            if before != after:
                trail.changed(table, before, after)


def _values(state: Any) -> dict[str, Any]:
    """An object's column values as far as they are loaded (nothing is read for this)."""
    loaded = state.dict
    return {attr.key: loaded[attr.key] for attr in state.mapper.column_attrs if attr.key in loaded}


def _on_execute(state: ORMExecuteState) -> Any:
    """A delete, update or insert statement run through the session: the rows it changes
    are read before (and, for an update, after) it runs."""
    if state.is_select or not (state.is_delete or state.is_update or state.is_insert):
        return None
    table = getattr(state.statement, "table", None)
    trail = _trail(state.session)
    if (
        trail is None
        or not isinstance(table, Table)
        or table.name == AuditEntry.__tablename__
        or state.execution_options.get(_WATCHED)
    ):
        return None
    if state.is_insert:
        result = state.invoke_statement()
        for row in _inserted(state, table, result):
            trail.row("create", table.name, row)
        return result
    keys = tuple_(*table.primary_key.columns)
    before = _matching(state, table)
    result = state.invoke_statement()
    if state.is_delete:
        for row in before:
            trail.row("delete", table.name, row)
    elif before:
        connection = state.session.connection()
        query = select(table).where(keys.in_([_key(table, row) for row in before]))
        after = {_key(table, row): row for row in map(_mapping, connection.execute(query))}
        for row in before:
            now = after.get(_key(table, row))
            if now is not None and now != row:
                trail.changed(table.name, row, now)
    return result


def _inserted(state: ORMExecuteState, table: Table, result: Any) -> list[dict[str, Any]]:
    """The rows an insert statement added, with their ids when the database gave them."""
    given = state.parameters
    if isinstance(given, list):
        return [dict(row) for row in given]
    # One statement's parameters (not a list of them): a mapping.
    row = dict(cast(Mapping[str, Any], given or {}))
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and row.get(keys[0].name) is None and result.inserted_primary_key:
        row[keys[0].name] = result.inserted_primary_key[0]
    return [row]


def _matching(state: ORMExecuteState, table: Table) -> list[dict[str, Any]]:
    """The rows a delete or update statement is about to change, as they are now: those
    its WHERE clause matches, or for rows given one by one (a bulk update by primary key)
    those with the keys given."""
    connection = state.session.connection()
    given = state.parameters
    if isinstance(given, list):
        names = [column.name for column in table.primary_key.columns]
        wanted = [tuple(row[name] for name in names) for row in given if set(names) <= set(row)]
        query = select(table).where(tuple_(*table.primary_key.columns).in_(wanted))
        return [_mapping(row) for row in connection.execute(query)]
    where = cast(Delete | Update, state.statement).whereclause  # only these are read before
    query = select(table) if where is None else select(table).where(where)
    return [_mapping(row) for row in connection.execute(query, given or {})]


def _mapping(row: Any) -> dict[str, Any]:
    return dict(row._mapping)


def _key(table: Table, row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[column.name] for column in table.primary_key.columns)


def _before_commit(session: Session) -> None:
    trail = _trail(session)
    if trail is None:
        return
    session.flush()  # what is still pending is part of this commit
    rows = trail.entries(os_user(), utc_now())
    trail.clear()
    if rows:
        session.connection().execute(insert(_table(AuditEntry.__tablename__)), rows)


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    """Committed or rolled back: either way nothing gathered so far is still to be written."""
    trail = _trail(session)
    if trail is not None and transaction.parent is None:
        trail.clear()

"""The audit trail as a coordinator (or the council's data protection officer) reads it: who
added, edited or deleted which record and when, newest first, in plain words ("Edited young
person #12: postcode district"), filtered by dates, kind of record, user or record, and
exported to a spreadsheet (CSV that Excel opens as it is).

The entries are written by trustdesk.store.audit as records change; nothing here changes them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypedDict, Unpack

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from trustdesk.errors import ValidationError
from trustdesk.files import write_atomically
from trustdesk.services import validation as v
from trustdesk.services.deletion import TABLE_WORDS
from trustdesk.store.audit import NOT_RECORDED, NOTE
from trustdesk.store.models import AuditEntry, key

ACTIONS = {"create": "Added", "update": "Edited", "delete": "Deleted"}
CSV_HEADINGS = ["When", "User", "Action", "Kind of record", "Record", "What changed", "Details"]
# Fields whose column name says less than a word would.
FIELD_WORDS = {
    "money_pence": "money (pence)",
    "in_kind_value_pence": "in-kind value (pence)",
    "amount_pence": "amount (pence)",
    "staff_minutes": "staff time (minutes)",
    "erased_at": "details removed",
}


class AuditFilters(TypedDict, total=False):
    """Which entries to show: all of them unless narrowed."""

    since: dt.date | str | None  # from this day (local time), inclusive
    until: dt.date | str | None  # up to this day, inclusive
    table: str | None  # a kind of record: its table ("young_person") or its name ("young people")
    user: str | None  # the OS user who made the change
    record_id: int | str | None  # one record (with ``table``)


@dataclass(frozen=True)
class AuditRow:
    """One entry of the trail, as the Audit trail window and the export show it."""

    id: int
    at: dt.datetime  # local time
    user: str
    action: str  # Added | Edited | Deleted
    kind: str  # "Young person"
    record_id: str
    description: str  # "Edited young person #12: postcode district"
    details: str  # one line a field: "title: Youth club → Youth Club"


@dataclass(frozen=True)
class AuditChoices:
    """What the trail's filters can offer: the kinds of record and users it holds."""

    kinds: list[tuple[str, str]]  # (name, table)
    users: list[str]
    first_day: dt.date | None  # of the oldest entry, local time


def kind_of(table: str) -> str:
    """What people call one record of a table: "young person"."""
    return TABLE_WORDS.get(table, (table.replace("_", " "),))[0]


def audit_choices(session: Session) -> AuditChoices:
    """The kinds of record and the users that appear in the trail, by name."""
    tables = session.exec(select(AuditEntry.table_name).distinct()).all()
    users = session.exec(select(AuditEntry.os_user).distinct()).all()
    first = session.exec(select(func.min(AuditEntry.at))).one()
    kinds = sorted(((kind_of(t).capitalize(), t) for t in tables), key=lambda k: k[0].lower())
    return AuditChoices(
        kinds, sorted(users, key=str.lower), _local(first).date() if first else None
    )


def list_audit(
    session: Session, *, limit: int | None = 500, offset: int = 0, **filters: Unpack[AuditFilters]
) -> list[AuditRow]:
    """The entries that match, newest first: ``limit`` of them (None: all) after ``offset``."""
    query = (
        sa_select(
            key(AuditEntry.id),
            col(AuditEntry.at),
            col(AuditEntry.os_user),
            col(AuditEntry.action),
            col(AuditEntry.table_name),
            col(AuditEntry.record_id),
            col(AuditEntry.changes),
        )
        .where(*_conditions(filters))
        .order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
        .offset(offset)
        .limit(limit)
    )
    return [_row(*found) for found in session.execute(query)]


def count_audit(session: Session, **filters: Unpack[AuditFilters]) -> int:
    """How many entries match (the list may show only the newest of them)."""
    query = select(func.count()).select_from(AuditEntry).where(*_conditions(filters))
    return session.exec(query).one()


def newest_audit(
    session: Session, *, limit: int, **filters: Unpack[AuditFilters]
) -> tuple[list[AuditRow], int]:
    """The newest ``limit`` entries that match, and how many match in all."""
    rows = list_audit(session, limit=limit, **filters)
    return rows, count_audit(session, **filters) if len(rows) == limit else len(rows)


def export_audit_csv(session: Session, path: Path, **filters: Unpack[AuditFilters]) -> int:
    """Write every entry that matches to a CSV file (UTF-8 with a byte-order mark, so that
    Excel shows every character), newest first; returns how many. The file is whole or not
    there at all."""
    rows = list_audit(session, limit=None, **filters)

    def write(file: BinaryIO) -> None:
        text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(CSV_HEADINGS)
        for row in rows:
            cells = [
                f"{row.at:%Y-%m-%d %H:%M:%S}",
                row.user,
                row.action,
                row.kind,
                row.record_id,
                row.description,
                row.details,
            ]
            writer.writerow([_inert(cell) for cell in cells])
        text.flush()
        text.detach()

    write_atomically(Path(path), write)
    return len(rows)


# ----- filters ----------------------------------------------------------------------------------


def _conditions(filters: AuditFilters) -> list[Any]:
    v.known_fields(filters, AuditFilters)
    since = v.a_date("since", filters.get("since"), required=False)
    until = v.a_date("until", filters.get("until"), required=False)
    v.date_order("since", since, "until", until)
    conditions: list[Any] = []
    if since:
        conditions.append(col(AuditEntry.at) >= _utc_start(since))
    if until:
        conditions.append(col(AuditEntry.at) < _utc_start(until + dt.timedelta(days=1)))
    if filters.get("table"):
        conditions.append(col(AuditEntry.table_name) == _table_named(str(filters["table"])))
    if filters.get("user"):
        conditions.append(col(AuditEntry.os_user) == str(filters["user"]).strip())
    if filters.get("record_id") not in (None, ""):
        conditions.append(col(AuditEntry.record_id) == str(filters["record_id"]).strip())
    return conditions


def _table_named(text: str) -> str:
    """A kind of record by its table ("young_person") or by name ("Young people")."""
    wanted = text.strip().lower()
    for table, words in TABLE_WORDS.items():
        if wanted in (table, *words, table.replace("_", " ")):
            return table
    known = ", ".join(sorted(words[1] for words in TABLE_WORDS.values()))
    raise ValidationError("table", f"{text!r} is not a kind of record; try one of {known}.")


def _utc_start(day: dt.date) -> dt.datetime:
    """The start of a day on this computer's clock, in UTC (entries are kept in UTC)."""
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)


def _local(at: dt.datetime) -> dt.datetime:
    return (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone()


# ----- in words ---------------------------------------------------------------------------------


def _row(
    entry_id: int, at: dt.datetime, user: str, action: str, table: str, record_id: str, raw: str
) -> AuditRow:
    try:
        changes = json.loads(raw) if raw else {}
    except ValueError:
        changes = {}
    if not isinstance(changes, dict):
        changes = {}
    description, details = describe(action, table, record_id, changes)
    return AuditRow(
        id=entry_id,
        at=_local(at).replace(tzinfo=None),
        user=user,
        action=ACTIONS.get(action, action),
        kind=kind_of(table).capitalize(),
        record_id=record_id,
        description=description,
        details=details,
    )


def describe(action: str, table: str, record_id: str, changes: dict[str, Any]) -> tuple[str, str]:
    """An entry in words: one line ("Edited activity #3: title, ECM outcomes (+1 −1)") and
    the details, a line for each field."""
    number = f"#{record_id}" if record_id.isdigit() else repr(record_id) if record_id else ""
    subject = f"{kind_of(table)} {number}".strip()
    note = changes.get(NOTE)
    fields = {name: pair for name, pair in changes.items() if name != NOTE}
    if action == "update" and _erased(table, fields):
        line = f"Removed the identifying details of {subject}"
    elif action == "update":
        line = f"Edited {subject}: " + ", ".join(_summary(n, p) for n, p in fields.items())
    else:
        line = f"{ACTIONS.get(action, action.capitalize())} {subject}"
    details = [_detail(action, name, pair) for name, pair in fields.items()]
    if note:
        line += f" ({note})"
        details.insert(0, f"{str(note)[:1].upper()}{str(note)[1:]}.")
    return line, "\n".join(details)


def _erased(table: str, fields: dict[str, Any]) -> bool:
    pair = fields.get("erased_at")
    return table == "young_person" and isinstance(pair, list) and pair[:1] == [None]


def _label(name: str) -> str:
    if name in FIELD_WORDS:
        return FIELD_WORDS[name]
    return name.removesuffix("_id").replace("_", " ")


def _is_part(pair: Any) -> bool:
    """Parts of a record (a register, ECM outcomes) are stored as [taken out, put in]."""
    return isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, list) for p in pair)


def _summary(name: str, pair: Any) -> str:
    if _is_part(pair):
        counts = [f"+{len(pair[1])}" if pair[1] else "", f"\u2212{len(pair[0])}" if pair[0] else ""]
        return f"{_label(name)} ({' '.join(filter(None, counts))})"
    return _label(name)


def _detail(action: str, name: str, pair: Any) -> str:
    label = _label(name)
    if _is_part(pair):
        taken_out, put_in = (", ".join(_item(i) for i in items) for items in pair)
        said = [f"added {put_in}" if put_in else "", f"removed {taken_out}" if taken_out else ""]
        return f"{label}: {'; '.join(filter(None, said))}"
    if not isinstance(pair, list) or len(pair) != 2:
        return f"{label}: {_shown(pair)}"
    old, new = pair
    if NOT_RECORDED in pair:
        return f"{label}: {'changed' if action == 'update' else 'given'} {NOT_RECORDED}"
    if name.endswith("_id"):  # a link to another record
        old, new = (_item(value) if value is not None else None for value in pair)
    if action == "create":
        return f"{label}: {_shown(new)}"
    if action == "delete":
        return f"{label}: {_shown(old)}"
    return f"{label}: {_shown(old)} \u2192 {_shown(new)}"


def _item(item: Any) -> str:
    return f"#{item}" if isinstance(item, int) else str(item)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value[10:11] == "T" and value[4:5] == "-":
        try:  # a moment, kept in UTC: shown in local time
            return f"{_local(dt.datetime.fromisoformat(value)):%d %b %Y %H:%M}"
        except ValueError:
            pass
    return str(value)


def _inert(cell: str) -> str:
    """A cell that a spreadsheet would take for a formula is kept as text."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell

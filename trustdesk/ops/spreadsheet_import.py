"""Bringing in a spreadsheet a group already keeps, all of it or none.

The window and the command line take the same three steps: read the file and guess its
columns (:func:`read_columns`), show what would happen row by row (:func:`preview`: the
import done in a transaction that is then rolled back, so the preview is exactly what the
import will do), then :func:`bring_in`: the same, committed, unless a row is refused, when
nothing is saved and the message names the rows. The columns chosen are remembered for the
next file with the same headings, and the audit trail says what was brought in from where.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from trustdesk import ops
from trustdesk.errors import Cancelled, UserError
from trustdesk.ops import Changed
from trustdesk.spreadsheets import columns as cols
from trustdesk.spreadsheets.activities import Times, bring_in_activities
from trustdesk.spreadsheets.partners import bring_in_partners
from trustdesk.spreadsheets.people import bring_in_people
from trustdesk.spreadsheets.plan import Preview
from trustdesk.spreadsheets.registers import bring_in_registers
from trustdesk.spreadsheets.rows import Progress
from trustdesk.spreadsheets.table import Table, read_table
from trustdesk.store import audit
from trustdesk.store.models import WorkspaceSetting

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

CHANGES = {
    "people": ("young_person",),
    "partners": ("partner", "contact_person"),
    "activities": ("activity", "session"),
    "registers": ("session", "register"),
}
SHOWN_REFUSALS = 5


@dataclass(frozen=True)
class Columns:
    """A file read, and its columns' fields as guessed (or as chosen last time)."""

    kind: str
    table: Table
    mapping: dict[str, str]
    choices: list[tuple[str, str]]  # (label, field) a column can be set to


@dataclass(frozen=True)
class Options:
    """What a register needs beyond its file: its activity, when no column or title names
    it, and the times of sessions it adds, when the activity has none to copy."""

    activity: str = ""
    times: Times | None = None


@dataclass(frozen=True)
class Brought(Changed):
    preview: Preview | None = None


def read_columns(workspace: Workspace, kind: str, path: Path) -> Columns:
    """Read a file (checked as any file from outside is) and guess its columns. Reads only:
    it may run in a worker thread."""
    cols.checked_kind(kind)
    table = read_table(path)
    remembered = ops.query(workspace, _remembered, kind)
    return Columns(kind, table, cols.guess(kind, table, remembered), cols.choices(kind, table))


def preview(
    workspace: Workspace,
    columns: Columns,
    mapping: Mapping[str, str] | None = None,
    *,
    options: Options = Options(),
    today: dt.date,
    progress: Progress | None = None,
) -> Preview:
    """What bringing the file in would do, row by row; nothing is saved."""
    with workspace.session() as session:
        try:
            found = _go_through(session, columns, mapping, options, today, progress)
        except Cancelled:
            raise Cancelled(f"Checking {columns.table.file_name!r} was cancelled.") from None
        finally:
            session.rollback()
        return found


def bring_in(
    workspace: Workspace,
    columns: Columns,
    mapping: Mapping[str, str] | None = None,
    *,
    options: Options = Options(),
    today: dt.date,
    progress: Progress | None = None,
) -> Brought:
    """Bring the file in: everything in it, in one transaction, or (when a row is refused)
    nothing, with a message naming the rows."""

    def work(session: Session) -> Brought:
        found = _go_through(session, columns, mapping, options, today, progress)
        refused = found.refused
        if refused:
            raise UserError(
                f"Nothing was brought in from {columns.table.file_name!r}. " + _refusals(found),
                hint="Put these rows right in the file (or take them out), save it, and bring "
                "it in again.",
            )
        _remember(session, columns, found)
        kinds = CHANGES[columns.kind] if any(found.added.values()) else ()
        return Brought(frozenset(kinds), None, found)

    return ops.change(workspace, work)


def _go_through(
    session: Session,
    columns: Columns,
    mapping: Mapping[str, str] | None,
    options: Options,
    today: dt.date,
    progress: Progress | None,
) -> Preview:
    chosen = dict(columns.mapping if mapping is None else mapping)
    table, kind = columns.table, columns.kind
    where = cols.checked(kind, table, chosen)
    left_out = cols.left_out(chosen)
    found = Preview(kind, table.file_name, chosen, left_out=left_out)
    found.never_kept = cols.never_kept(kind, left_out)
    if kind == "people":
        bring_in_people(session, table, where, found, today=today, progress=progress)
    elif kind == "partners":
        bring_in_partners(session, table, where, found, progress=progress)
    elif kind == "activities":
        bring_in_activities(session, table, where, found, progress=progress)
    else:
        bring_in_registers(
            session,
            table,
            where,
            found,
            activity_title=options.activity,
            times=options.times,
            progress=progress,
        )
    return found


def _refusals(found: Preview) -> str:
    refused = found.refused
    said = " ".join(r.said for r in refused[:SHOWN_REFUSALS])
    more = len(refused) - SHOWN_REFUSALS
    return said + (f" And {more:,} more rows are refused." if more > 0 else "")


def _setting(kind: str) -> str:
    return f"spreadsheet_columns.{kind}"


def _remembered(session: Session, kind: str) -> dict[str, str]:
    setting = session.get(WorkspaceSetting, _setting(kind))
    if setting is None:
        return {}
    try:
        stored = json.loads(setting.value)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def _remember(session: Session, columns: Columns, found: Preview) -> None:
    """Keep the columns chosen for the next file like this one (dates across a register are
    the file's own, so not kept), and say in the audit trail what came in from where."""
    kept = _remembered(session, columns.kind) | {
        heading: name
        for heading, name in found.mapping.items()
        if not name.startswith(cols.DATE_COLUMN)
    }
    key = _setting(columns.kind)
    setting = session.get(WorkspaceSetting, key) or WorkspaceSetting(key=key, value="{}")
    before = setting.value
    setting.value = json.dumps(kept, sort_keys=True)
    session.add(setting)
    session.flush()
    audit.record(
        session,
        "update",
        "workspace_setting",
        key,
        before={"value": before},
        after={"value": setting.value},
        note=f"brought in {cols.KINDS[columns.kind]} from {columns.table.file_name}: "
        + found.summary(),
    )

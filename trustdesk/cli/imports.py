"""``trustdesk import people|partners|activities|registers``: bring in a spreadsheet a group
already keeps, from the command line.

trustdesk import partners --workspace DIR partners.csv --dry-run
trustdesk import registers --workspace DIR register.xlsx --activity "Friday youth club"

The columns are guessed from the headings (or taken as last chosen); ``--mapping FILE``
gives them instead, as JSON: ``{"Surname": "last_name", "Address": ""}`` ("" leaves a
column out). ``--dry-run`` shows what would happen row by row and saves nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from trustdesk import clock
from trustdesk.cli import folders
from trustdesk.errors import UserError
from trustdesk.ops import spreadsheet_import as spreadsheets
from trustdesk.spreadsheets.columns import field_label
from trustdesk.spreadsheets.plan import Preview
from trustdesk.spreadsheets.registers import GIVE_TIMES, ActivityNotNamed
from trustdesk.spreadsheets.values import BadValue, a_time
from trustdesk.store.migrate import open_to_look, open_workspace


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except ActivityNotNamed as exc:
        raise UserError(exc.message, hint='Name it with --activity "its name".') from None


def _run(args: argparse.Namespace) -> int:
    workspace_dir = folders.workspace_dir(args)
    mapping = _mapping(args.mapping) if args.mapping else None
    options = spreadsheets.Options(args.activity or "", _times(args.times))
    opener = open_to_look if args.dry_run else open_workspace
    with opener(workspace_dir) as workspace:
        columns = spreadsheets.read_columns(workspace, args.import_command, args.file)
        chosen = columns.mapping if mapping is None else mapping
        for heading, name in chosen.items():
            print(f"  {heading}: {field_label(args.import_command, name) if name else 'left out'}")
        if args.dry_run:
            found = spreadsheets.preview(
                workspace, columns, mapping, options=options, today=clock.today()
            )
            _show(found)
            print("Nothing was saved (--dry-run).")
            return 1 if found.refused else 0
        brought = spreadsheets.bring_in(
            workspace, columns, mapping, options=options, today=clock.today()
        )
    assert brought.preview is not None
    print(f"Brought in {args.file.name}. {brought.preview.summary()}")
    return 0


def _show(found: Preview) -> None:
    for row in found.rows:
        if row.outcome == "pass" and not row.what:
            continue
        reason = f" — {row.why}" if row.why else ""
        print(f"Row {row.row}: {row.words}: {row.what}{reason}")
    print(found.summary())
    if any(GIVE_TIMES in row.reason for row in found.refused):
        print("Give the times of the sessions it adds with --times, e.g. --times 18:30-20:30.")


def _mapping(path: Path) -> dict[str, str]:
    try:
        given = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserError(
            f"The mapping file {path.name!r} cannot be read ({exc.strerror or exc})."
        ) from None
    except ValueError as exc:
        raise UserError(
            f"The mapping file {path.name!r} is not JSON ({exc}).",
            hint='Write it as {"Heading in the file": "field", ...}; "" leaves a column out.',
        ) from None
    if not isinstance(given, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in given.items()
    ):
        raise UserError(
            f"The mapping file {path.name!r} must map each heading to a field, as text.",
            hint='Write it as {"Heading in the file": "field", ...}; "" leaves a column out.',
        )
    return given


def _times(given: str | None) -> tuple[dt.time, dt.time] | None:
    if not given:
        return None
    start, _, end = given.partition("-")
    try:
        times = a_time(start), a_time(end)
    except BadValue as exc:
        raise UserError(f"--times {given}: {exc}", hint="Write it as 18:30-20:30.") from None
    if times[0] is None or times[1] is None or times[1] <= times[0]:
        raise UserError(f"--times {given}: give a start and a later end, e.g. 18:30-20:30.")
    return times[0], times[1]

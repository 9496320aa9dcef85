"""Past registers: a grid of names down and session dates across with a tick where someone
came (how most groups keep them), or a row for each time someone came.

The names must be young people already in TrustDesk (bring the young people in first): a
register adds ticks, and the sessions they are for when the activity has none on that day,
never a young person. Whose register it is comes from an Activity column, or the activity
chosen, or the activity named in the sheet's title or its name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlmodel import Session

from trustdesk.errors import UserError
from trustdesk.services import attendance
from trustdesk.services.retention import full_name
from trustdesk.spreadsheets.activities import Activities, Times
from trustdesk.spreadsheets.columns import DATE_COLUMN
from trustdesk.spreadsheets.people import People, names_of
from trustdesk.spreadsheets.plan import Outcome, Preview
from trustdesk.spreadsheets.rows import Cells, Progress, Refused, go_through
from trustdesk.spreadsheets.table import Table
from trustdesk.spreadsheets.values import a_date, text, ticked
from trustdesk.store.models import Activity

GIVE_TIMES = "choose the times of its sessions"
TOTALS = ("total", "totals", "count", "number present", "headcount")


class ActivityNotNamed(UserError):
    """The register's activity is neither chosen nor named in the sheet."""


def bring_in_registers(
    session: Session,
    table: Table,
    columns: Mapping[str, int],
    preview: Preview,
    *,
    activity_title: str = "",
    times: Times | None = None,
    progress: Progress | None = None,
) -> None:
    people = People(session)
    known = Activities(session)
    chosen = _activity(known, table, activity_title) if "activity" not in columns else None
    dates = {
        dt.date.fromisoformat(name[len(DATE_COLUMN) :]): column
        for name, column in columns.items()
        if name.startswith(DATE_COLUMN)
    }

    def each(cells: Cells) -> tuple[Outcome, str, str]:
        first, last = names_of(cells)
        if _is_totals(first, last):
            return "pass", first, "a totals row"
        if not first:
            if not any(ticked_cell(cells, c) for c in dates.values()):
                return "pass", "", "no name and no ticks"
            raise Refused(
                "ticks with no name.",
                cells.heading("first_name" if cells.has("first_name") else "name"),
            )
        said = full_name(first, last, None)
        person = people.find(first, last, cells.read("date_of_birth", a_date))
        if person is None:
            raise Refused(
                f"no young person called {said} is in TrustDesk: bring in the young people "
                "first, or add them, then bring in the register again."
            )
        activity = chosen or _named(known, text(cells.raw("activity")))
        if cells.has("date"):
            came = cells.read("present", ticked) if cells.has("present") else True
            days = [cells.read("date", a_date)] if came else []
        else:
            days = [day for day, column in dates.items() if ticked_cell(cells, column)]
        ticks = 0
        for day in days:
            if day is None:
                raise Refused("no date.", cells.heading("date"))
            held, _ = known.session_on(activity, day, times, preview, GIVE_TIMES)
            assert held.id is not None
            ticks += attendance.add_to_register(
                session, session_id=held.id, young_person_ids=[person]
            )
        if ticks:
            preview.added["register ticks"] += ticks
        if not days:
            return "pass", said, "no ticks"
        if ticks:
            return "add", f"{said}: {ticks} {'session' if ticks == 1 else 'sessions'}", ""
        return "match", said, "these ticks are in TrustDesk"

    def ticked_cell(cells: Cells, column: int) -> bool:
        heading = cells.table.headings[column]
        try:
            return ticked(cells.row.get(column))
        except ValueError as exc:
            raise Refused(str(exc), heading) from None

    go_through(session, table, columns, preview, each, progress=progress)


def _activity(known: Activities, table: Table, title: str) -> Activity:
    """The activity chosen, or the one the sheet's title or name names."""
    if title:
        found = known.named(title)
        if found is None:
            raise UserError(
                f"There is no activity called {title!r} in TrustDesk.",
                hint="Add the activity first (or bring in your activities), then its register.",
            )
        return found
    said = f"{table.title} {table.sheet}".casefold()
    named = [a for key, a in known.by_title.items() if key and key in said]
    if len(named) == 1:
        return named[0]
    raise UserError(
        f"Which activity is the register in {table.file_name!r} for? Its title does not name "
        "one activity in TrustDesk.",
        hint='Choose the activity (on the command line: --activity "its name"), or add an '
        "Activity column.",
    )


def _named(known: Activities, title: str) -> Activity:
    found = known.named(title)
    if found is None:
        raise Refused(f"there is no activity called {title!r} in TrustDesk.", "")
    return found


def _is_totals(first: str, last: str) -> bool:
    words = f"{first} {last}".strip().casefold().rstrip(":")
    return words in TOTALS or words.startswith("total")

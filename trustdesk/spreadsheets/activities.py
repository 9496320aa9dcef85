"""Activities and their sessions from a spreadsheet: a row for each activity, or a row for
each session with the activity's name repeated. An activity already in TrustDesk (the same
name) is matched, and so is a session it already has on that day at that time."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

from sqlmodel import Session, select

from trustdesk.services import activities
from trustdesk.spreadsheets.plan import Outcome, Preview
from trustdesk.spreadsheets.rows import Cells, Progress, Refused, go_through
from trustdesk.spreadsheets.table import Table
from trustdesk.spreadsheets.values import BadValue, a_date, a_time, choice, text
from trustdesk.store.context import trust
from trustdesk.store.models import Activity, ActivitySession

Times = tuple[dt.time, dt.time]


class Activities:
    """The workspace's activities by name and their sessions by day, kept up to date as rows
    add more."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_title = {_key(a.title): a for a in session.exec(select(Activity))}
        self.sessions: dict[tuple[int, dt.date], list[ActivitySession]] = {}
        for held in session.exec(select(ActivitySession)):
            self.sessions.setdefault((held.activity_id, held.date), []).append(held)

    def named(self, title: str) -> Activity | None:
        return self.by_title.get(_key(title))

    def usual_times(self, activity_id: int) -> Times | None:
        """The times most of the activity's sessions are held at, if it has any."""
        held = Counter(
            (s.start_time, s.end_time)
            for (owner, _), found in self.sessions.items()
            if owner == activity_id
            for s in found
        )
        return held.most_common(1)[0][0] if held else None

    def session_on(
        self,
        activity: Activity,
        day: dt.date,
        times: Times | None,
        preview: Preview,
        give_times: str = "add a Start time and an End time column",
    ) -> tuple[ActivitySession, bool]:
        """The activity's session on the day (at these times, if given), added if there is
        none; and whether it was added. ``give_times``: how to say the times, if none are
        known."""
        assert activity.id is not None
        found = self.sessions.get((activity.id, day), [])
        same = [s for s in found if times is None or (s.start_time, s.end_time) == times]
        if same:
            return same[0], False
        times = times or self.usual_times(activity.id)
        if times is None:
            raise Refused(
                f"{activity.title} has no session on {day:%d/%m/%Y}, and nothing says what time "
                f"to add one at: {give_times}, or add the sessions in TrustDesk first."
            )
        held = activities.add_session(
            self.session,
            activity_id=activity.id,
            date=day,
            start_time=times[0],
            end_time=times[1],
        )
        self.sessions.setdefault((activity.id, day), []).append(held)
        preview.added["sessions"] += 1
        return held, True


def bring_in_activities(
    session: Session,
    table: Table,
    columns: Mapping[str, int],
    preview: Preview,
    *,
    progress: Progress | None = None,
) -> None:
    kinds = trust(session).names("activity_categories")
    known = Activities(session)
    first_sessions = _first_sessions(table, columns)

    def each(cells: Cells) -> tuple[Outcome, str, str]:
        title = text(cells.raw("title"))
        if not title:
            raise Refused("no activity's name.", cells.heading("title"))
        activity = known.named(title)
        outcome: Outcome = "match"
        if activity is None:
            category = cells.read("category", lambda cell: choice(cell, kinds, "categories"))
            if category is None:
                raise Refused(
                    f"{title} is new to TrustDesk and needs its category: one of "
                    + ", ".join(kinds.values())
                    + ".",
                    cells.heading("category"),
                )
            starts = cells.read("start_date", a_date) or first_sessions.get(_key(title))
            if starts is None:
                raise Refused(
                    f"{title} is new to TrustDesk and needs the day it starts: add a Start date "
                    "column, or a Session date column.",
                    cells.heading("start_date"),
                )
            activity = activities.create_activity(
                session,
                title=title,
                category=category,
                start_date=starts,
                end_date=cells.read("end_date", a_date),
                venue=text(cells.raw("venue")),
                description=text(cells.raw("description")),
            )
            known.by_title[_key(title)] = activity
            preview.added["activities"] += 1
            outcome = "add"
        day = cells.read("session_date", a_date)
        if day is None:
            return outcome, title, "" if outcome == "add" else "the activity is in TrustDesk"
        start, end = cells.read("start_time", a_time), cells.read("end_time", a_time)
        times = (start, end) if start and end else None
        held, added = known.session_on(activity, day, times, preview)
        said = f"{title}, {day:%d/%m/%Y} {held.start_time:%H:%M}"
        if added or outcome == "add":
            return "add", said, ""
        return "match", said, "the activity and this session are in TrustDesk"

    fields = {"date": "session_date", "start_time": "start_time", "end_time": "end_time"}
    go_through(session, table, columns, preview, each, fields=fields, progress=progress)


def _first_sessions(table: Table, columns: Mapping[str, int]) -> dict[str, dt.date]:
    """Each activity's first session in the file: its start, when no column gives one."""
    first: dict[str, dt.date] = {}
    title, day = columns.get("title"), columns.get("session_date")
    if title is None or day is None:
        return first
    for row in table.rows:
        try:
            held = a_date(row.get(day))
        except BadValue:
            continue
        key = _key(text(row.get(title)))
        if held is not None and (key not in first or held < first[key]):
            first[key] = held
    return first


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()

"""How the Registers page words a day and a session of an activity in its chooser."""

from __future__ import annotations

import datetime as dt

from trustdesk.services.attendance import RegisterSession


def short_date(day: dt.date, today: dt.date) -> str:
    """ "20 Nov", or "20 Nov 2025" in another year than today's."""
    return f"{day.day} {day:%b}" + ("" if day.year == today.year else f" {day.year}")


def day_words(day: dt.date, today: dt.date) -> str:
    """ "Today, Mon 23 Nov", "Yesterday, Sun 22 Nov", "Fri 20 Nov" or "Fri 20 Nov 2025"."""
    words = f"{day:%a} {short_date(day, today)}"
    if day == today:
        return f"Today, {words}"
    if day == today - dt.timedelta(days=1):
        return f"Yesterday, {words}"
    return words


def session_words(row: RegisterSession, today: dt.date) -> str:
    """How the chooser lists a session: when, the activity, how many are on its register."""
    marked = f"{row.ticked} ticked" if row.ticked or not row.headcount else ""
    counted = f"{row.headcount} counted" if row.headcount else ""
    figures = ", ".join(part for part in (marked, counted) if part)
    return (
        f"{day_words(row.date, today)}, {row.start_time:%H:%M}\u2013{row.end_time:%H:%M} "
        f"\u00b7 {row.activity} \u00b7 {figures}"
    )

"""The one clock TrustDesk reads.

Every date and time TrustDesk uses — "today" on a page, the quarter in hand, when a record was
saved, when an audit entry or a backup was made — comes from here, so the day a window shows
and the day its records are stamped can never disagree. Nothing else in the package calls
``date.today()`` or ``datetime.now()`` (tests/test_shape.py checks).

The clock can be set to another moment (:func:`set_to`) and then runs on from it: the tests pin
the day they are about, ``trustdesk screenshots --today`` draws the pages as of a given day,
and the audit trail and the records saved meanwhile carry that day too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

_offset = dt.timedelta(0)  # how far this clock is set from the computer's


def now() -> dt.datetime:
    """The moment now, in UTC (records and audit entries are stamped in UTC)."""
    return dt.datetime.now(dt.UTC) + _offset


def local_now() -> dt.datetime:
    """The moment now, in this computer's time zone (what a person is shown)."""
    return now().astimezone()


def today() -> dt.date:
    """Today's date on this computer's calendar."""
    return local_now().date()


def _moment(when: dt.date | dt.datetime) -> dt.datetime:
    """A day is taken at noon local time: the middle of the day, whatever the time zone."""
    if isinstance(when, dt.datetime):
        return when if when.tzinfo else when.astimezone()
    return dt.datetime.combine(when, dt.time(12, 0)).astimezone()


@contextmanager
def set_to(when: dt.date | dt.datetime) -> Iterator[None]:
    """Run the clock from ``when`` (a day: its noon) until the block ends; it keeps ticking."""
    global _offset
    before = _offset
    _offset = _moment(when) - dt.datetime.now(dt.UTC)
    try:
        yield
    finally:
        _offset = before

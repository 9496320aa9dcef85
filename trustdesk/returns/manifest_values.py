"""The values a return's Manifest identifies it by, checked before anything is kept.

A Manifest's values are text the coordinator's TrustDesk wrote, but the file may have been
changed on its way, by hand or on purpose. Whatever a value says must be safe to keep and to
show, so each is held to what TrustDesk itself writes:

- no value is longer than :data:`MAX_VALUE` characters, and none holds a control character
  or a line or paragraph separator (a value is printed in the import report, one line a
  file: a value with a line break in it could forge a second line);
- a key is there once (two ``revision`` rows would leave it to chance which one counts);
- a revision is plain digits 0-9, from 1 to :data:`MAX_REVISION` (Python's ``int()`` would
  also take "+3", "1_0" and Arabic-Indic digits, and SQLite no number past 2**63 - 1);
- a return id is a UUID as TrustDesk makes them (``uuid4``, 36 characters);
- made_at, when there is one (a return made without one is dated when it is taken in), is
  an ISO date and time with its UTC offset, from :data:`FIRST_MOMENT` to :data:`LAST_MOMENT`;
  the importer, which knows the period and the time, refuses one made before the period
  began or after now (:func:`made_at_refusal`: a return of a quarter's figures is made once
  the quarter has begun, and a day's grace covers a clock wrong by hours or a time zone);
- figures_to, when there is one (a part quarter), is a day of the return's quarter;
- the unit's name, level and parent are the trust configuration's for its code.

When the figures do not match the fingerprint, :func:`not_moved` tells a file whose figures
are untouched but whose unit or period was changed (its figures match the fingerprint under
another unit of the trust or another period): that is never an edit to take in.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from trustdesk.config.periods import FIRST_YEAR, LAST_YEAR, Period
from trustdesk.config.trust import TrustConfig, Unit
from trustdesk.errors import UserError
from trustdesk.returns.model import Key, Return, fingerprint

# A return is exported again for each correction, each export the next revision: even one a
# day for a whole year is 365. 9,999 is far beyond any real return, and keeps revisions short
# in file names (EST-BTC_2026-27Q2_r12.xlsx) and far below SQLite's 2**63 - 1.
MAX_REVISION = 9_999
# The longest value TrustDesk writes in a Manifest is the trust's name (at most 120
# characters); a fingerprint is 64.
MAX_VALUE = 200
# The moments a return may say it was made in: from the first period's start to the end of
# the year after the last period ends.
FIRST_MOMENT = dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.UTC)
LAST_MOMENT = dt.datetime(LAST_YEAR + 2, 1, 1, tzinfo=dt.UTC)
# A day's grace for a coordinator's clock that is wrong by hours, or in another time zone.
CLOCK_GRACE = dt.timedelta(days=1)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DIGITS = re.compile(r"[0-9]+")
# The reader's hint (reader.AGAIN: the reader imports this module, so not the other way).
AGAIN = "Ask the coordinator to make the return again in TrustDesk and send the new file."
CONFIG_HINT = (
    "If the unit was renamed or moved in a newer trust configuration, make sure this "
    "workspace and the coordinator's have the same one (Trust configuration, Update); "
    "otherwise ask the coordinator to make the return again in TrustDesk and send the new file."
)


class Where(Protocol):
    """Where a value is (reader.Place): it makes the message naming the sheet, row and column."""

    def fail(self, problem: str) -> UserError: ...


def shown(text: str, most: int = 40) -> str:
    """A value as a message quotes it: escaped, and cut short when long."""
    return repr(text if len(text) <= most else text[:most] + "\u2026")


def plain(text: str, where: Where) -> str:
    """A Manifest value that is safe to keep and to show on a line of its own."""
    if len(text) > MAX_VALUE:
        raise where.fail(
            f"the value is {len(text):,} characters long, and TrustDesk never writes one "
            f"longer than {MAX_VALUE}"
        )
    odd = next((c for c in text if _breaks_lines(c)), None)
    if odd is not None:
        raise where.fail(
            f"{shown(text)} holds a character TrustDesk never writes there "
            f"(U+{ord(odd):04X}, {unicodedata.name(odd, 'a control character').lower()})"
        )
    return text


def _breaks_lines(char: str) -> bool:
    """A control or format character, or a line or paragraph separator."""
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def once(key: str, seen: dict[str, int], row: int, where: Where) -> None:
    """A Manifest key is written once; a second one is refused, naming both rows."""
    if key in seen:
        raise where.fail(
            f"the Manifest has {shown(key)} twice (rows {seen[key]} and {row}), so it "
            "cannot tell which one is right"
        )
    seen[key] = row


def revision(text: str, where: Where) -> int:
    """A revision number: plain digits, from 1 to MAX_REVISION."""
    digits = text.strip(" ")
    if DIGITS.fullmatch(digits) and len(digits) <= 9 and 1 <= int(digits) <= MAX_REVISION:
        return int(digits)
    raise where.fail(
        f"{shown(text)} is not a revision number: TrustDesk numbers a return's revisions "
        f"1, 2, 3 and so on, up to {MAX_REVISION:,}"
    )


def return_id(text: str, where: Where) -> str:
    """A return id as TrustDesk makes them (a UUID), in small letters."""
    cleaned = text.strip(" ").lower()
    if UUID.fullmatch(cleaned):
        return cleaned
    what = "there is no return id" if not cleaned else f"{shown(text)} is not a return id"
    raise where.fail(
        f"{what}: TrustDesk gives every return an id of 32 letters and digits in five "
        "groups, such as 3f0c1d52-8d3e-4d6f-9a51-0c1e2b3a4d5e"
    )


def period(text: str, where: Where) -> Period:
    try:
        return Period.parse(text)
    except UserError:
        years = text.strip()[:4]
        beyond = years.isascii() and years.isdigit() and not FIRST_YEAR <= int(years) <= LAST_YEAR
        raise where.fail(
            f"{shown(text)} is not a reporting period"
            + (
                f" TrustDesk keeps (the financial years of returns start in {FIRST_YEAR} to "
                f"{LAST_YEAR})"
                if beyond
                else ""
            )
        ) from None


def made_at(text: str, where: Where) -> dt.datetime:
    """When the return was made: an ISO date and time with its UTC offset, in the years
    TrustDesk keeps (the importer then holds it to its period and to now)."""
    try:
        moment = dt.datetime.fromisoformat(text.strip(" "))
    except ValueError:
        raise where.fail(f"{shown(text)} is not a date and time") from None
    if moment.utcoffset() is None:
        raise where.fail(
            f"{shown(text)} has no time zone (such as +01:00), and TrustDesk always writes one"
        )
    if not FIRST_MOMENT <= moment < LAST_MOMENT:
        raise where.fail(
            f"it says the return was made on {_day(moment)}, a date TrustDesk cannot have "
            "written (the clock of the computer that made it may be wrong)"
        )
    return moment


def figures_to(text: str, where: Where, of: Period) -> dt.date:
    """A part period's last day of figures: a day of its period."""
    try:
        day = dt.date.fromisoformat(text.strip(" ")[:10])
    except ValueError:
        raise where.fail(f"{shown(text)} is not a date") from None
    if day not in of:
        raise where.fail(
            f"it says the figures run to {_day(day)}, but a part {of.noun}'s figures run to a "
            f"day of {of.label}"
        )
    return day


def _day(moment: dt.datetime | dt.date) -> str:
    return f"{moment.day} {moment:%B} {moment.year}"


def made_at_refusal(moment: dt.datetime, of: Period, now: dt.datetime) -> UserError | None:
    """The refusal of a return made before its period began or after now (each with a
    day's grace for a computer's clock that is wrong by hours, or in another time zone)."""
    began = dt.datetime.combine(of.start, dt.time(), dt.UTC)
    if moment < began - CLOCK_GRACE:
        problem = f"before {of.label} began, and a return of a {of.noun}'s figures is made "
        problem += f"once the {of.noun} has begun"
    elif moment > now + CLOCK_GRACE:
        problem = "which is after today"
    else:
        return None
    return UserError(
        f"It says it was made on {_day(moment)}, {problem}: the date on the computer that made "
        "it may be wrong.",
        hint="Ask the coordinator to check the date and time on their computer, then make the "
        "return again in TrustDesk and send the new file.",
    )


def as_configured(unit: Unit, given: Sequence[tuple[str, Where]]) -> None:
    """The unit's name, level and parent, as the Manifest gives them (each with its place),
    are the trust configuration's for its code."""
    configured = (unit.name, unit.level, unit.parent_code or "")
    what = ("name", "level", "parent unit")
    for (value, where), expected, called in zip(given, configured, what, strict=True):
        if value != expected:
            problem = where.fail(
                f"the return says the {called} of {unit.code} is {shown(value)}, but in this "
                f"workspace's trust configuration it is {expected!r}"
            )
            raise UserError(problem.message, hint=CONFIG_HINT)


def not_moved(
    ret: Return,
    figures: Iterable[tuple[Key, int]],
    manifest: Mapping[str, tuple[str, object]],
    version: str,
    config: TrustConfig,
) -> None:
    """For a return whose figures do not match the fingerprint under its Manifest's unit and
    period: refused when they match it under another unit of the trust (same period) or
    another period (same unit), i.e. when the unit or period was changed, not the figures."""
    if not ret.edited_after_export:
        return
    expected = manifest.get("fingerprint", ("", None))[0]
    rows = list(figures)
    found: tuple[str, Period] | None = None
    for code in config.units:
        if code != ret.unit_code and fingerprint(code, ret.period.code, rows, version) == expected:
            found = (code, ret.period)
    for year in range(FIRST_YEAR, LAST_YEAR + 1) if found is None else ():
        for other in Period.every_period_of(year):
            if other != ret.period and fingerprint(ret.unit_code, other.code, rows, version) == (
                expected
            ):
                found = (ret.unit_code, other)
    if found is None:
        return
    code, made_for = found
    raise UserError(
        f"The return was made as {config.units[code].name}'s ({code}) for {made_for.label}, but "
        f"its Manifest now says it is {ret.unit_name}'s ({ret.unit_code}) for "
        f"{ret.period.label}: its unit or period has been changed since it was exported, so it "
        "cannot be taken in.",
        hint=AGAIN,
    )

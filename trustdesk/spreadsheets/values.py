"""A cell as TrustDesk keeps it: a date, a time, yes or no, a tick on a register, or one of
the trust's choices by its name or its code. Each says what is wrong in words that name
the value, so the row's refusal can name the row and the column too."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y")
TIME_FORMATS = ("%H:%M", "%H.%M", "%H:%M:%S", "%I:%M%p", "%I%p", "%I.%M%p")
TICKS = {"/", "\\", "✓", "✔", "x", "1", "y", "yes", "p", "present", "true", "attended"}
NOT_THERE = {"", "0", "-", "n", "no", "a", "absent", "false", "o"}
YES = {"y", "yes", "true", "1", "x", "✓", "✔"}
NO = {"", "n", "no", "false", "0", "-"}
# A full UK postcode: its outward part (the district), a space or not, and the inward part.
FULL_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})$")


class BadValue(ValueError):
    """A cell that cannot be what its column holds; the message says why, in words."""


def text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def a_date(cell: Any) -> dt.date | None:
    if cell is None or text(cell) == "":
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    written = text(cell)
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(written, form).date()
        except ValueError:
            continue
    raise BadValue(f"{written!r} is not a date: write it as day/month/year, e.g. 04/09/2025.")


def a_time(cell: Any) -> dt.time | None:
    if cell is None or text(cell) == "":
        return None
    if isinstance(cell, dt.datetime):
        return cell.time()
    if isinstance(cell, dt.time):
        return cell
    written = text(cell).upper().replace(" ", "")
    for form in TIME_FORMATS:
        try:
            return dt.datetime.strptime(written, form).time()
        except ValueError:
            continue
    raise BadValue(f"{text(cell)!r} is not a time: write it as hours:minutes, e.g. 18:30.")


def yes_or_no(cell: Any) -> bool:
    said = text(cell).lower()
    if said in YES or cell is True:
        return True
    if said in NO or cell is False:
        return False
    raise BadValue(f"{text(cell)!r} is not yes or no.")


def ticked(cell: Any) -> bool:
    """A mark on a register: a tick, a cross or a 1 is there; blank, 0, a dash or an A
    (absent) is not."""
    if isinstance(cell, bool):
        return cell
    said = text(cell).lower()
    if said in TICKS:
        return True
    if said in NOT_THERE:
        return False
    raise BadValue(
        f"{text(cell)!r} is not a mark TrustDesk knows: use a tick, / or 1 if they came."
    )


def postcode_district(cell: Any) -> tuple[str, bool]:
    """The district (outward part) of a postcode, and whether the rest was dropped: a full
    postcode becomes its district, as TrustDesk keeps no more."""
    written = text(cell).upper()
    full = FULL_POSTCODE.match(written)
    if full:
        return full.group(1), True
    return written.replace(" ", ""), False


def choice(cell: Any, choices: dict[str, str], what: str) -> str | None:
    """The code of one of the trust's choices (``choices``: code to name), written as its name
    or its code in any case, or shortened so that only one name fits ("Voluntary sector" for
    "Voluntary and community sector", "F" for "Female")."""
    said = text(cell)
    if not said:
        return None
    wanted = said.casefold()
    for code, name in choices.items():
        if wanted in (code.casefold(), name.casefold()):
            return code
    words = re.findall(r"\w+", wanted)
    fits = [
        code
        for code, name in choices.items()
        if words
        and all(any(w.startswith(x) for w in re.findall(r"\w+", name.casefold())) for x in words)
    ]
    if len(fits) == 1:
        return fits[0]
    names = ", ".join(choices.values())
    raise BadValue(f"{said!r} is not one of the {what}: {names}.")

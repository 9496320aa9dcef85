"""How a return received was made, when not by the unit's own TrustDesk.

Some groups have no TrustDesk yet. Their district (or, for a district, the county) gives them
a blank return workbook that a person fills in by hand in Excel or LibreOffice
(:mod:`trustdesk.returns.template`), or its officer keys their figures in on their behalf
(:mod:`trustdesk.returns.hand_entry`). Either return counts like any other, but it was not
counted from records, so it says so wherever an edited return's mark appears: the Returns in
grid, the completeness, the consolidated return's constituents (its workbook's Manifest, so
that the county sees how each unit's return was made) and its PDF.

A constituent carries the marks of its own return and of those it was added up from, as
``unit_code:how`` pairs (the Manifest's ``made_how`` column, added after format version 4's
first files: blank there).
"""

from __future__ import annotations

from collections.abc import Iterable

from trustdesk.config.trust import TrustConfig
from trustdesk.returns.model import Constituent

FILLED_IN = "filled_in"  # a blank return workbook filled in by hand
ENTERED = "entered"  # keyed in by the officer of the unit above, on the unit's behalf
HOWS = (FILLED_IN, ENTERED)
ABOVE = {"locality": "district", "district": "county"}
SEPARATOR = ":"

Marks = tuple[tuple[str, str], ...]  # (unit code, how)


def words(how: str, level: str) -> str:
    """ "filled in by hand", "entered by the district" (for a locality's return), or ""
    for a return TrustDesk made from the unit's records."""
    if how == FILLED_IN:
        return "filled in by hand"
    if how == ENTERED:
        return f"entered by the {ABOVE.get(level, 'unit above')}"
    return ""


def written(marks: Iterable[tuple[str, str]]) -> str:
    """The Manifest's (and the workspace's) column: "EST-BTC:filled_in EST-UTT:entered"."""
    return " ".join(f"{code}{SEPARATOR}{how}" for code, how in marks)


def parsed(text: str) -> Marks:
    """The marks a column holds; ValueError names the first pair that is not one."""
    marks = []
    for pair in text.split():
        code, _, how = pair.partition(SEPARATOR)
        if not code or how not in HOWS:
            raise ValueError(pair)
        marks.append((code, how))
    return tuple(marks)


def carried(unit_code: str, how: str, below: Iterable[Marks]) -> Marks:
    """A constituent's marks: its own return's (when it was not made by TrustDesk from
    records), then those of the returns it was added up from, each unit once."""
    own = [(unit_code, how)] if how else []
    return tuple(dict.fromkeys([*own, *(mark for marks in below for mark in marks)]))


def described(config: TrustConfig, marks: Iterable[tuple[str, str]]) -> list[str]:
    """Each mark in words: "Burton Town (filled in by hand)", "Uttoxeter (entered by the
    district)"; a unit the configuration no longer has by its code."""
    out = []
    for code, how in marks:
        unit = config.units.get(code)
        name = unit.name if unit else code
        out.append(f"{name} ({words(how, unit.level if unit else '')})")
    return out


def marks_of(constituents: Iterable[Constituent]) -> Marks:
    """Every mark a consolidated return's constituents carry, each unit once."""
    return tuple(dict.fromkeys(mark for c in constituents for mark in c.made_how))

"""Full dates written the ways people write them in Britain, read back into dates: a date
of birth next to a young person's name identifies them as surely as their surname does.

23/11/2011, 23-11-2011, 23.11.11, 23 November 2011, 23rd Nov 2011, 23rd of November 2011,
23-Nov-2011, November 23, 2011 and 2011-11-23. Days come before months (a British text);
a two-digit year may be in either century, so both are tried.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?:[0-2]?\d|3[01])"
_ORDINAL = r"(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"""(?<![\w/.\-])(?:
        (?P<nd>{_DAY})\s?(?P<sep>[/.\-])\s?(?P<nm>[01]?\d)\s?(?P=sep)\s?(?P<ny>\d{{4}}|\d{{2}})
      | (?P<iy>\d{{4}})(?P<isep>[/.\-])(?P<im>[01]?\d)(?P=isep)(?P<id>{_DAY})
      | (?P<wd>{_DAY}){_ORDINAL}(?:\s+of)?[\s\-]+(?P<wm>{_MONTH})\.?,?[\s\-]+(?P<wy>\d{{4}}|\d{{2}})
      | (?P<md>{_MONTH})\.?\s+(?P<mdd>{_DAY}){_ORDINAL},?\s+(?P<mdy>\d{{4}})
    )(?![\w/\-]|\.\d)""",
    re.IGNORECASE | re.VERBOSE,
)


_DIGIT = re.compile(r"\d")


def dates_in(text: str) -> list[tuple[int, int, set[dt.date]]]:
    """Each full date in the text: where it is and the dates it may mean."""
    found: list[tuple[int, int, set[dt.date]]] = []
    if not _DIGIT.search(text):
        return found
    for match in DATE.finditer(text):
        g = match.groupdict()
        if g["nd"]:
            day, month, year = g["nd"], g["nm"], g["ny"]
        elif g["iy"]:
            day, month, year = g["id"], g["im"], g["iy"]
        elif g["wd"]:
            day, month, year = g["wd"], _MONTHS[g["wm"].lower()], g["wy"]
        else:
            day, month, year = g["mdd"], _MONTHS[g["md"].lower()], g["mdy"]
        years = [int(year)] if len(year) == 4 else [2000 + int(year), 1900 + int(year)]
        days = set()
        for y in years:
            with contextlib.suppress(ValueError):  # 31/02/2011 is no day
                days.add(dt.date(y, int(month), int(day)))
        if days:
            found.append((match.start(), match.end(), days))
    return found

"""The abbreviations a user meets in TrustDesk, spelled out.

The window shows these where they appear, at least as a tooltip (``trustdesk.ui.glossary_tips``
adds one to any label, button or column heading that uses one), and the Guide lists them.
Qt-free, so the returns and the command line can use the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trustdesk.config.periods import Period

#: Abbreviation -> what it stands for, in the order the Guide lists them.
ABBREVIATIONS: dict[str, str] = {
    "ECM": "Every Child Matters: the five outcomes every activity serves (Be healthy, Stay "
    "safe, Enjoy and achieve, Make a positive contribution, Achieve economic well-being)",
    "REYS": "Resourcing Excellent Youth Services (2002): the youth-service reach benchmarks "
    "(of the 13 to 19 population, 25% contacted and 15% participating; of participants, 60% "
    "with a recorded outcome and 30% with an accredited one)",
    "SEND": "special educational needs and disabilities",
    "CYPP": "Children and Young People's Plan",
    "LAA": "Local Area Agreement",
    "VCS": "voluntary and community sector",
    "FE": "further education",
    "JCP": "Jobcentre Plus",
    "YOT": "youth offending team",
    "DofE": "the Duke of Edinburgh's Award",
    "ASDAN": "Award Scheme Development and Accreditation Network",
    "AQA": "Assessment and Qualifications Alliance (an exam board)",
    "Q1": "the first quarter of the financial year: April to June",
    "Q2": "the second quarter of the financial year: July to September",
    "Q3": "the third quarter of the financial year: October to December",
    "Q4": "the fourth quarter of the financial year: January to March",
}

# "2026-27": a financial year, April 2026 to March 2027.
_FINANCIAL_YEAR = re.compile(r"(?<![\d-])(\d{4})-(\d{2})(?![\d-])")
_WORD = re.compile(r"(?<![A-Za-z])(" + "|".join(map(re.escape, ABBREVIATIONS)) + r")(?![A-Za-z])")


def financial_year(start_year: int) -> str:
    """ "2026-27 is the financial year April 2026 to March 2027"."""
    return (
        f"{start_year}-{(start_year + 1) % 100:02d} is the financial year "
        f"April {start_year} to March {start_year + 1}"
    )


def found_in(text: str) -> list[str]:
    """The abbreviations (and financial years, as "2026-27") in a text, in order, once each."""
    found: list[str] = []
    for match in _WORD.finditer(text):
        if match[1] not in found:
            found.append(match[1])
    for match in _FINANCIAL_YEAR.finditer(text):
        start, end = int(match[1]), int(match[2])
        if (start + 1) % 100 == end and match[0] not in found:
            found.append(match[0])
    return found


def meaning(abbreviation: str) -> str:
    """What one abbreviation (or financial year such as "2026-27") stands for."""
    if abbreviation in ABBREVIATIONS:
        return ABBREVIATIONS[abbreviation]
    match = _FINANCIAL_YEAR.fullmatch(abbreviation)
    if match:
        return financial_year(int(match[1])).split(" is ", 1)[1]
    raise KeyError(abbreviation)


def explain(text: str) -> str:
    """One line for each abbreviation in the text, e.g. "ECM: Every Child Matters: …";
    empty if it has none."""
    return "\n".join(f"{word}: {meaning(word)}" for word in found_in(text))


def explained(text: str, tooltip: str) -> bool:
    """Whether a tooltip already spells out every abbreviation in a text."""
    return all(spelled_out_in(word, tooltip) for word in found_in(text))


def spelled_out_in(word: str, tooltip: str) -> bool:
    """Whether a tooltip spells out one abbreviation (its meaning's first words are in it)."""
    words = meaning(word)
    if word in ABBREVIATIONS and word.startswith("Q"):
        # A quarter is spelled out by its months, as Period.spelled_out does.
        first, last = words.rsplit(": ", 1)[1].split(" to ")
        return first in tooltip and last in tooltip
    head = words.split(":")[0].split(" (")[0]
    return head.lower() in tooltip.lower()


def quarter(period: Period) -> str:
    """ "Q3 2026-27: October to December 2026, the third quarter of the financial year
    April 2026 to March 2027"."""
    return period.spelled_out


def every(texts: Iterable[str]) -> list[str]:
    """The abbreviations used in any of some texts, in order, once each."""
    seen: list[str] = []
    for text in texts:
        seen.extend(w for w in found_in(text) if w not in seen)
    return seen

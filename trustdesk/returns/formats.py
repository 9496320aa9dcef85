"""The return format versions this TrustDesk reads, and how an older one maps onto today's.

A return file says which format version it is written in. Version 1 is the first; version 2
added the fingerprint of the texts (:mod:`trustdesk.returns.model`); version 3 added the
young carer and teenage parent breakdowns of the people measures, which an older return did
not report: read, its young people are "not recorded" in them (:func:`fill_unreported`);
version 4 added a district's and a county's board's own figures (the catalogue's board
measures), which an older district's or county's return does not hold: it is read without
them, and says so wherever they would be shown (:func:`catalogue.reports_board`). When a
later TrustDesk renames a measure, the format version goes up and the version before gets an
entry in ``OLDER``: its measure codes and what each is called now. A code an older file
carries that its mapping does not name, and that the catalogue does not know, is not dropped
on the way: the importer refuses the file and names the code and its row
(:mod:`trustdesk.returns.data_checks`).
"""

from __future__ import annotations

from trustdesk.returns import catalogue
from trustdesk.returns.model import FORMAT_VERSION, Key
from trustdesk.store.counting import NOT_RECORDED

# format version -> {measure code in that version: measure code now}
OLDER: dict[str, dict[str, str]] = {
    # Version 1 had the same measures, and no texts fingerprint in the Manifest: its texts
    # are only checked against the limits every return's texts keep to.
    "1": {},
    # Version 2 had the same measures, without the breakdowns of ADDED_BREAKDOWNS.
    "2": {},
    # Version 3 had the same measures, without the board measures.
    "3": {},
}
# Breakdowns of the catalogue that returns of earlier format versions do not carry.
ADDED_BREAKDOWNS = (catalogue.YOUNG_CARER, catalogue.TEENAGE_PARENT)


def has_texts_fingerprint(version: str) -> bool:
    """Whether a return of this format version carries the texts' fingerprint."""
    return version.isdigit() and int(version) >= 2  # added by version 2


def readable(version: str) -> bool:
    return version == FORMAT_VERSION or version in OLDER


def to_current(
    version: str, figures: dict[Key, int], rows: dict[Key, int]
) -> tuple[dict[Key, int], dict[Key, int]]:
    """The figures (and their rows) with today's measure codes and breakdowns."""
    renames = OLDER.get(version, {})

    def now(key: Key) -> Key:
        return (renames.get(key[0], key[0]), key[1], key[2])

    figures = {now(k): v for k, v in figures.items()}
    return fill_unreported(figures), {now(k): r for k, r in rows.items()}


def fill_unreported(figures: dict[Key, int]) -> dict[Key, int]:
    """The figures with every breakdown a return of an earlier format version did not report
    (ADDED_BREAKDOWNS) added: a measure's whole total "not recorded" in it, since nobody was
    asked. A return that reports the breakdown keeps its own figures."""
    reported = {(m, b) for m, b, _ in figures}
    added: dict[Key, int] = {}
    for measure in catalogue.MEASURES:
        for breakdown in measure.breakdowns:
            if breakdown in ADDED_BREAKDOWNS and (measure.code, breakdown.code) not in reported:
                total = figures.get((measure.code, "", ""), 0)
                for category in breakdown.fixed:
                    value = total if category == NOT_RECORDED else 0
                    added[measure.code, breakdown.code, category] = value
    return figures | added if added else figures

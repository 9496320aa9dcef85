"""The return format versions this TrustDesk reads, and how an older one maps onto today's.

A return file says which format version it is written in. Version 1 is the first; version 2
added the fingerprint of the texts (:mod:`trustdesk.returns.model`). When a
later TrustDesk renames a measure, the format version goes up and the version before gets an
entry in ``OLDER``: its measure codes and what each is called now. A code an older file
carries that its mapping does not name, and that the catalogue does not know, is not dropped
on the way: the importer refuses the file and names the code and its row
(:mod:`trustdesk.returns.data_checks`).
"""

from __future__ import annotations

from trustdesk.returns.model import FORMAT_VERSION, Key

# format version -> {measure code in that version: measure code now}
OLDER: dict[str, dict[str, str]] = {
    # Version 1 had the same measures, and no texts fingerprint in the Manifest: its texts
    # are only checked against the limits every return's texts keep to.
    "1": {},
}


def has_texts_fingerprint(version: str) -> bool:
    """Whether a return of this format version carries the texts' fingerprint."""
    return version not in OLDER


def readable(version: str) -> bool:
    return version == FORMAT_VERSION or version in OLDER


def to_current(
    version: str, figures: dict[Key, int], rows: dict[Key, int]
) -> tuple[dict[Key, int], dict[Key, int]]:
    """The figures (and their rows) with today's measure codes."""
    renames = OLDER.get(version, {})
    if not renames:
        return figures, rows

    def now(key: Key) -> Key:
        return (renames.get(key[0], key[0]), key[1], key[2])

    return {now(k): v for k, v in figures.items()}, {now(k): r for k, r in rows.items()}

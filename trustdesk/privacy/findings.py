"""What the matcher found in a text: one thing to change, where it is, and what to write
instead. Shared by the matcher's parts (names, references, dates, households)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from trustdesk.privacy.words import APOSTROPHES, MARKS

Severity = Literal["error", "warning"]

ELLIPSIS = "\u2026"
GAP = f" {ELLIPSIS} "  # between words found apart ("Keira … Baxter")
# A word of what was found: letters and digits, with any accents and apostrophes in it.
_WORDS = re.compile(f"(?:[^\\W_]|[{MARKS}{APOSTROPHES}])+")

ADVICE = {
    "name": 'Write "the young person" or their initials.',
    "first_name": "A first name alone is allowed; if it is this young person's, \"a young "
    'person" or their initials is safer.',
    "reference": "Leave out the local reference: the return never needs it.",
    "birth_date": 'Give their age (e.g. "aged 14") rather than their date of birth.',
    "postcode": 'Give only the first part of the postcode (e.g. "WS7") or the area\'s name.',
    "email": "Leave out the e-mail address.",
    "phone": "Leave out the phone number.",
}


@dataclass(frozen=True)
class Finding:
    """One thing in a text that identifies (error) or may identify (warning) someone.

    ``spans`` are character offsets into the text exactly as it was given, so the words can
    be highlighted where they are; ``words`` are those words as written."""

    severity: Severity  # an error blocks the export; a warning does not
    kind: str  # name | first_name | reference | birth_date | postcode | email | phone
    spans: tuple[tuple[int, int], ...]
    words: str
    advice: str
    person_id: int | None  # None for a household's details, or when several people match

    @property
    def blocks(self) -> bool:
        return self.severity == "error"

    @property
    def hidden(self) -> str:
        """The words cut to their first letters ("K… B…"): enough to find them in the
        text, without repeating a name in full on screen or in a message."""
        return " ".join(word[:1].upper() + ELLIPSIS for word in _WORDS.findall(self.words))


def finding(
    kind: str,
    text: str,
    spans: list[tuple[int, int]],
    *,
    severity: Severity = "error",
    person_id: int | None = None,
) -> Finding:
    """A finding whose words are read from the text at its spans, in order."""
    ordered = tuple(sorted(set(spans)))
    words = GAP.join(dict.fromkeys(text[s:e] for s, e in ordered))
    return Finding(severity, kind, ordered, words, ADVICE[kind], person_id)

"""Local references, however they are written: "LIC/2024/017" is found as written, as
"lic 2024 017", "LIC-2024-017" or "LIC2024017" — the reference's letters and digits in the
same order, with any separators (up to three characters, on one line) between its parts, or
none. A part is a run of letters or a run of digits, so "BW0042" is also "BW-0042".

One dictionary for the whole workspace, from a reference's letters and digits to the people
holding it, and the words of a text looked up in it a few at a time: no pattern per person.

A reference is looked for only when it has four letters or digits or more and is not just a
number of up to four digits: "017" or "2024" alone would be found in any text with a year or
a count in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trustdesk.privacy.findings import Finding, finding
from trustdesk.privacy.words import fold

_PART = re.compile(r"[^\W\d_]+|\d+")
_MAX_GAP = 3
_FEW = 40  # first parts of references, to look for in a text one by one


def reference_parts(reference: str) -> list[str]:
    """ "LIC/2024/017" → ["lic", "2024", "017"]."""
    if reference.isascii():
        return _PART.findall(reference.lower())
    return [fold(p) for p in _PART.findall(reference)]


def searchable(key: str) -> bool:
    return len(key) >= 4 and not (key.isdigit() and len(key) <= 4)


class ReferenceIndex:
    def __init__(self, references: Iterable[tuple[int, str]]) -> None:
        self.people: dict[str, list[int]] = {}
        # The references' first parts, first two parts and so on, run together: a text's
        # parts are looked up while what they make so far is one of these.
        self.beginnings: set[str] = set()
        self.longest = 0
        firsts: set[str] = set()
        for person_id, reference in references:
            parts = reference_parts(reference)
            key = "".join(parts)
            if not searchable(key):
                continue
            self.people.setdefault(key, []).append(person_id)
            self.longest = max(self.longest, len(parts))
            firsts.add(parts[0])
            begun = ""
            for part in parts[:-1]:
                begun += part
                self.beginnings.add(begun)
        # References often share their first part ("BUR-00042"): when they do, a text without
        # any of them has no reference in it, and is passed over at once.
        self.firsts = firsts if len(firsts) <= _FEW else None

    def find(self, text: str) -> list[Finding]:
        if not self.people:
            return []
        if self.firsts is not None:
            folded = text.lower() if text.isascii() else fold.__wrapped__(text)
            if not any(first in folded for first in self.firsts):
                return []  # no reference's first part is anywhere in the text
        if text.isascii():  # folding is lowering, and keeps the offsets
            parts = [(*m.span(), m.group()) for m in _PART.finditer(text.lower())]
        else:
            parts = [(*m.span(), fold(m.group())) for m in _PART.finditer(text)]
        found = []
        for i, (start, _, first) in enumerate(parts):
            if first not in self.beginnings and first not in self.people:
                continue
            if i and parts[i - 1][1] == start:  # glued to the part before: inside a word
                continue
            key = ""
            for j in range(i, min(i + self.longest, len(parts))):
                if j > i:
                    gap = text[parts[j - 1][1] : parts[j][0]]
                    if len(gap) > _MAX_GAP or "\n" in gap:
                        break
                key += parts[j][2] if j > i else first
                end = parts[j][1]
                glued = j + 1 < len(parts) and parts[j + 1][0] == end
                if key in self.people and not glued:
                    people = self.people[key]
                    person = people[0] if len(people) == 1 else None
                    found.append(finding("reference", text, [(start, end)], person_id=person))
                    break
                if key not in self.beginnings:
                    break
        return found

"""The matcher: everything that identifies a young person on record, or a household, in one
free text, found the way people write it.

Built once for a workspace (:meth:`IdentityMatcher.build`: tens of milliseconds for the
2,600 young people of the large demo) and then run over every text a return carries. Each
part holds one index for everybody (names, references, dates of birth) or one pattern for
everything (postcodes, e-mail addresses, phone numbers), never a pattern per person, so a
text costs the same however many young people there are (a millisecond or two for a page).

Errors block the export: a name (first name and surname, or initial and surname), a local
reference, a date of birth next to the person's name, a full postcode, an e-mail address or
a phone number. Warnings do not: a first name alone, when the text is about an activity that
young person came to, and a name whose words are also ordinary words ("Will", "young").
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from trustdesk.privacy.birth_dates import dates_in
from trustdesk.privacy.findings import ADVICE, Finding, Severity, finding
from trustdesk.privacy.household import household_details
from trustdesk.privacy.names import Found, NameIndex
from trustdesk.privacy.naming import first_names, people_named
from trustdesk.privacy.references import ReferenceIndex
from trustdesk.privacy.words import Words

__all__ = ["ADVICE", "Finding", "IdentityMatcher", "PersonIdentity"]

NEAR = 5  # words between a date of birth and the name it belongs to, at most


class PersonIdentity(NamedTuple):
    """What identifies one young person on record (a tuple: thousands are made at once)."""

    id: int
    first_name: str | None = None
    last_name: str | None = None
    local_ref: str | None = None
    date_of_birth: dt.date | None = None


class IdentityMatcher:
    def __init__(
        self,
        names: NameIndex,
        references: ReferenceIndex,
        births: dict[dt.date, list[int]],
        activity_people: Mapping[int, set[int]],
    ) -> None:
        self._names = names
        self._references = references
        self._births = births
        self._activity_people = activity_people
        self._entry_of = {pid: n for n, named in enumerate(names.named) for pid in named.people}
        self._activity_entries: dict[int, dict[int, set[int]]] = {}

    @classmethod
    def build(
        cls,
        people: Iterable[PersonIdentity],
        activity_people: Mapping[int, set[int]] | None = None,
    ) -> IdentityMatcher:
        """The matcher for these young people. ``activity_people`` says who came to each
        activity (activity id → young people's ids), for the first-name warnings; it is
        read only for the activities asked about, so it may fetch them as they are."""
        people = list(people)
        births: dict[dt.date, list[int]] = {}
        for p in people:
            if p.date_of_birth is not None:
                births.setdefault(p.date_of_birth, []).append(p.id)
        return cls(
            NameIndex((p.id, p.first_name, p.last_name) for p in people),
            ReferenceIndex((p.id, p.local_ref) for p in people if p.local_ref),
            births,
            activity_people if activity_people is not None else {},
        )

    def find(self, text: str, *, activity_id: int | None = None) -> list[Finding]:
        """What in ``text`` identifies someone: errors first, then in the order they are
        written; spans are offsets into ``text`` as given. With ``activity_id``, a first
        name alone of a young person who came to that activity is a warning."""
        if not text or text.isspace():
            return []
        found = self._names.occurrences(Words(text))
        findings, named = people_named(text, self._names, found)
        findings += self._references.find(text)
        findings += self._birth_dates(text, found)
        findings += household_details(text)
        if activity_id is not None:
            findings += first_names(text, found, self._attended(activity_id), named)
        return sorted(_merged(_outside_addresses(findings)), key=lambda f: (not f.blocks, f.spans))

    def _attended(self, activity_id: int) -> dict[int, set[int]]:
        """The name index's entries of the young people who came to the activity."""
        if activity_id not in self._activity_entries:
            entries: dict[int, set[int]] = {}
            for pid in self._activity_people.get(activity_id, ()):
                if pid in self._entry_of:
                    entries.setdefault(self._entry_of[pid], set()).add(pid)
            self._activity_entries[activity_id] = entries
        return self._activity_entries[activity_id]

    def _birth_dates(self, text: str, found: Found) -> list[Finding]:
        """Dates of birth within a few words of the same young person's first name or
        surname."""
        if not self._births:
            return []
        starts = found.words.starts
        findings = []
        for start, end, days in dates_in(text):
            before = bisect.bisect_left(starts, start) - 1  # the last word before the date
            after = bisect.bisect_left(starts, end)  # the first word after it
            for pid in (pid for day in days for pid in self._births.get(day, ())):
                entry = self._entry_of.get(pid, -1)
                near = [
                    o
                    for o in (*found.firsts.get(entry, ()), *found.lasts.get(entry, ()))
                    if 0 <= before - (o.last - 1) <= NEAR or 0 <= o.first - after <= NEAR
                ]
                if near:
                    spans = [(start, end), *((o.start, o.end) for o in near)]
                    findings.append(finding("birth_date", text, spans, person_id=pid))
        return findings


def _outside_addresses(findings: list[Finding]) -> list[Finding]:
    """Without the names inside an e-mail address ("kai.brown@…"): the address is found."""
    addresses = [f.spans[0] for f in findings if f.kind == "email"]
    if not addresses:
        return findings
    return [
        f
        for f in findings
        if f.kind == "email"
        or not all(any(s <= a and b <= e for s, e in addresses) for a, b in f.spans)
    ]


def _merged(findings: list[Finding]) -> list[Finding]:
    """One finding for the same words found twice (two young people with the same name, or
    "K. Brown" when Kai and Keira Brown are both on record): an error if either was, and
    no person when they were different people."""
    by_place: dict[tuple[str, tuple[tuple[int, int], ...]], Finding] = {}
    for f in findings:
        key = (f.kind, f.spans)
        earlier = by_place.get(key)
        if earlier is None:
            by_place[key] = f
            continue
        person = earlier.person_id if earlier.person_id == f.person_id else None
        severity: Severity = "error" if earlier.blocks or f.blocks else "warning"
        by_place[key] = Finding(severity, f.kind, f.spans, f.words, f.advice, person)
    return list(by_place.values())

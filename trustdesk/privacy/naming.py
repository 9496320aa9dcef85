"""Whether the names found in a text (:mod:`trustdesk.privacy.names`) name someone.

A young person is named when their first name and their surname (or a part of it) are both
in the text, together or apart, in any order ("Keira … the Baxter family", "Brown, Kai");
when their surname follows their initial ("K. Brown", "T Lee"); or when a rare part of their
double-barrelled surname is there on its own.

A surname that is an ordinary word ("Young", "Hall") or a first name that is one ("Will")
counts as written as a name only with a capital mid-sentence (:mod:`.common_words`). A pair
where both are written as names, or that stand next to each other with one of them (or both
with a capital) written so, is an error. A pair where one is only an ordinary word ("Daisy"
with "young people" further on) is a warning, for the coordinator to look at, not a block:
otherwise a young person called Will Young would stop every text with "will" and "young".
The initial and surname rule wants the surname written as a name ("K. Brown", not "a young
person"), and an initial without a full stop to be a capital other than "A" or "I".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from trustdesk.privacy.findings import Finding, finding
from trustdesk.privacy.names import Found, NameIndex, Occurrence

_COMMA = re.compile(r"\s*,\s*")  # "Brown, Kai"
_NEXT_TO = re.compile(r"\s*,?\s*")  # "Keira Baxter", "Brown, Kai": one span
_AFTER_INITIAL = re.compile(r"\s*\.\s*|\s{1,2}")  # "K. Brown", "K.Brown", "T Lee"

Spans = list[tuple[int, int]]


def people_named(text: str, index: NameIndex, found: Found) -> tuple[list[Finding], set[int]]:
    """The findings, and the index's entries they are about."""
    named: dict[int, Finding] = {}
    for number in sorted(found.firsts.keys() & found.lasts.keys()):
        pair = _pair(text, index, found, number)
        if pair is not None:
            named[number] = pair
    others = [
        *_initials(index, found).items(),
        *((number, [(o.start, o.end) for o in places]) for number, places in found.rare.items()),
    ]
    for number, spans in others:
        if number not in named or not named[number].blocks:
            named[number] = finding("name", text, spans, person_id=index.named[number].person)
    return list(named.values()), set(named)


def _pair(text: str, index: NameIndex, found: Found, number: int) -> Finding | None:
    words = found.words
    firsts, lasts = found.firsts[number], found.lasts[number]
    pairs = [(f, s) for f in firsts for s in lasts if f.last <= s.first or s.last <= f.first]
    if not pairs:
        return None

    def adjacent(f: Occurrence, s: Occurrence) -> bool:
        if f.last == s.first:
            return not words.gap(s.first).strip()
        return s.last == f.first and bool(_COMMA.fullmatch(words.gap(f.first)))

    def capital(o: Occurrence) -> bool:
        return o.name_like or words.capital(o.first)

    sure = [
        (f, s)
        for f, s in pairs
        if (f.name_like and s.name_like)
        or (adjacent(f, s) and (f.name_like or s.name_like or (capital(f) and capital(s))))
    ]
    person = index.named[number].person
    if not sure:
        spans = [(o.start, o.end) for pair in pairs for o in pair]
        return finding("name", text, spans, severity="warning", person_id=person)
    spans = [(o.start, o.end) for pair in sure for o in pair]
    spans += [(o.start, o.end) for o in (*firsts, *lasts) if o.name_like]
    return finding("name", text, _merge(text, spans), person_id=person)


def _initials(index: NameIndex, found: Found) -> dict[int, Spans]:
    """ "K. Brown", "T Lee": a surname written as a name right after the initial of the
    person's first name."""
    words = found.words
    named: dict[int, Spans] = {}
    for number, places in found.lasts.items():
        for place in places:
            i = place.first - 1
            if i < 0 or not place.name_like or len(words.keys[i]) != 1:
                continue
            gap = words.gap(place.first)
            if not _AFTER_INITIAL.fullmatch(gap):
                continue
            if "." not in gap and (not words.capital(i) or words.keys[i] in "ai"):
                continue  # "a Young Carers' group", "I Hall" …
            if index.named[number].initial == words.keys[i]:
                named.setdefault(number, []).append((words.starts[i], place.end))
    return named


def _merge(text: str, spans: Spans) -> Spans:
    """Spans next to each other ("Brown" ", " "Kai") as one span ("Brown, Kai")."""
    merged: Spans = []
    for start, end in sorted(set(spans)):
        if merged and (start <= merged[-1][1] or _NEXT_TO.fullmatch(text[merged[-1][1] : start])):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def first_names(
    text: str, found: Found, entries: Mapping[int, set[int]], named: set[int]
) -> list[Finding]:
    """Warnings for the first names of these entries (the young people who came to the
    activity the text is about) written as a name or with a capital ("Grace said…"), unless
    already found with their surname."""
    places: dict[tuple[tuple[int, int], ...], set[int]] = {}
    for number in found.firsts.keys() & entries.keys():
        if number in named:
            continue
        spans = tuple(
            sorted(
                {
                    (o.start, o.end)
                    for o in found.firsts[number]
                    if o.name_like or found.words.capital(o.first)
                }
            )
        )
        if spans:
            places.setdefault(spans, set()).update(entries[number])
    return [
        finding(
            "first_name",
            text,
            list(spans),
            severity="warning",
            person_id=next(iter(people)) if len(people) == 1 else None,
        )
        for spans, people in places.items()
    ]

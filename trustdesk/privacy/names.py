"""Where young people's first names and surnames stand in a text, however they are written.

One index for the whole workspace: each folded first name, surname and part of a surname
points at the people who have it (people with the same first name and surname are one
entry). A text's words are looked up in it one, two, three or four at a time, so "Smith
Baxter", "Smith–Baxter" and "SmithBaxter" all find Smith-Baxter, and "O Brien" finds
O'Brien; a surname with an s after it is found too ("the Baxters"). Whether what was found
names someone is :mod:`trustdesk.privacy.naming`'s part.

A part of a double-barrelled surname, or the whole of one, is *rare* when it has three
letters or more, is not an ordinary word (:mod:`.common_words`), is nobody's first name, and
belongs to one family only: every young person whose surname has it has the same surname
("Baxter" when the Smith-Baxters are the only ones with a Baxter in their name). A rare part
found alone points at that family as surely as the full name does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from trustdesk.privacy.common_words import PARTICLES, is_common
from trustdesk.privacy.words import Words, name_parts

JOIN = re.compile(r"\s{0,2}[-\u2010-\u2015\u2212]?\s{0,2}")  # "Smith-Baxter", "Smith – Baxter"
MOST_WORDS = 4  # in one first name or surname


@lru_cache(maxsize=4096)
def _first_name(name: str | None) -> tuple[str, ...] | None:
    """A first name's keys: the whole, folded ("maryjane"), then each of its words."""
    parts = name_parts(name)
    return (
        (cat := "".join(parts), *(p for p in parts if len(p) > 1 and p != cat)) if parts else None
    )


@lru_cache(maxsize=4096)
def _surname(name: str | None) -> tuple[str, ...] | None:
    """A surname's keys: the whole, folded ("smithbaxter"), then each word of a
    double-barrelled one (not "van", "de"…, nor two letters or fewer)."""
    parts = name_parts(name)
    if not parts:
        return None
    cat = "".join(parts)
    words = [p for p in parts if len(p) > 2 and p not in PARTICLES] if len(parts) > 1 else []
    return (cat, *dict.fromkeys(p for p in words if p != cat))


@dataclass
class Named:
    """The people sharing one first name and surname."""

    people: list[int]
    initial: str  # of the first name, folded

    @property
    def person(self) -> int | None:
        """The young person, or None when several share the name."""
        return self.people[0] if len(self.people) == 1 else None


@dataclass(frozen=True, slots=True)
class Occurrence:
    first: int  # index of its first word
    last: int  # index after its last word
    start: int
    end: int
    name_like: bool  # written as a name (see Words.name_like)


@dataclass
class Found:
    """Where each entry's first name, surname and rare surname parts are in one text."""

    words: Words
    firsts: dict[int, list[Occurrence]] = field(default_factory=dict)
    lasts: dict[int, list[Occurrence]] = field(default_factory=dict)
    rare: dict[int, list[Occurrence]] = field(default_factory=dict)


class NameIndex:
    def __init__(self, people: Iterable[tuple[int, str | None, str | None]]) -> None:
        self.named: list[Named] = []
        self.firsts: dict[str, set[int]] = {}
        self.lasts: dict[str, set[int]] = {}
        self.rare: dict[str, set[int]] = {}
        entries: dict[tuple[str | None, str | None], int] = {}  # as written
        surnames: dict[str, set[str]] = {}  # a surname or a part of one: the surnames with it
        double: set[str] = set()  # double-barrelled surnames and their parts
        for person_id, first_name, last_name in people:
            number = entries.get((first_name, last_name))
            if number is None:
                first, last = _first_name(first_name), _surname(last_name)
                if first is None or last is None:
                    continue
                number = entries[first_name, last_name] = len(self.named)
                self.named.append(Named([], first[0][:1]))
                for part in first:
                    self.firsts.setdefault(part, set()).add(number)
                for part in last:
                    self.lasts.setdefault(part, set()).add(number)
                    surnames.setdefault(part, set()).add(last[0])
                if len(last) > 1:
                    double.update(last)
            self.named[number].people.append(person_id)
        for part in double:
            if len(surnames[part]) == 1 and not is_common(part) and part not in self.firsts:
                self.rare[part] = self.lasts[part]
        self.names = {*self.firsts, *self.lasts}
        # Every beginning of a name, so that a look-up stops as soon as none can follow.
        self.beginnings = {key[:n] for key in self.names for n in range(1, len(key))}
        self.known = self.names | self.beginnings

    def occurrences(self, words: Words) -> Found:
        """Every first name, surname and rare part of one among the text's words."""
        found = Found(words)
        keys, bares, known, names = words.keys, words.bares, self.known, self.names
        for i in range(len(keys)):
            if keys[i] not in known and bares[i] not in known and keys[i][:-1] not in known:
                continue  # most words: no name begins with them
            key = ""
            for j in range(i, min(i + MOST_WORDS, len(keys))):
                if j > i and not JOIN.fullmatch(words.gap(j)):
                    break
                whole, bare = key + keys[j], key + bares[j]
                if whole in names:
                    self._record(found, whole, i, j)
                if bare != whole and bare in names:
                    self._record(found, bare, i, j)
                if j == i and len(whole) > 3 and whole[-1] == "s" and whole[:-1] in self.lasts:
                    self._record(found, whole[:-1], i, j, surname=True)  # "the Baxters"
                key = whole
                if key not in self.beginnings:
                    break
        return found

    def _record(self, found: Found, key: str, i: int, j: int, *, surname: bool = False) -> None:
        places = (
            (None if surname else self.firsts.get(key), found.firsts),
            (self.lasts.get(key), found.lasts),
            (self.rare.get(key), found.rare),
        )
        words = found.words
        name_like = words.name_like(i) if i == j else not is_common(key)
        here = Occurrence(i, j + 1, words.starts[i], words.ends[j], name_like)
        for entries, into in places:
            for number in entries or ():
                into.setdefault(number, []).append(here)

"""Young people from a spreadsheet, and knowing who a name on a register is.

Only what TrustDesk keeps is brought in (:mod:`trustdesk.store.models.people`): a full
postcode becomes its district, and an address, a phone number or a school are left out.
Someone already in TrustDesk (the same local reference, or the same name and date of birth)
is matched, not added again, so bringing in the same file twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from trustdesk.services import young_people
from trustdesk.services.retention import full_name
from trustdesk.spreadsheets.plan import Outcome, Preview
from trustdesk.spreadsheets.rows import Cells, Progress, Refused, go_through
from trustdesk.spreadsheets.table import Table
from trustdesk.spreadsheets.values import a_date, choice, postcode_district, text, yes_or_no
from trustdesk.store.context import trust
from trustdesk.store.models import YoungPerson

FLAGS = ("disability", "looked_after", "young_carer", "teenage_parent")
CHOICES = {"age_band": ("age_bands", "age bands"), "gender": ("genders", "genders")}
CHOICES["ethnicity"] = ("ethnicity_groups", "ethnic groups")


@dataclass(frozen=True)
class Known:
    id: int
    born: dt.date | None
    local_ref: str


class People:
    """The young people in the workspace by name and by local reference, kept up to date as
    rows add more."""

    def __init__(self, session: Session) -> None:
        self.by_name: dict[tuple[str, str], list[Known]] = defaultdict(list)
        self.by_ref: dict[str, int] = {}
        for person in session.exec(select(YoungPerson)):
            assert person.id is not None
            self.add(
                person.id,
                person.first_name,
                person.last_name,
                person.date_of_birth,
                person.local_ref,
            )

    def add(
        self,
        person_id: int,
        first: str | None,
        last: str | None,
        born: dt.date | None,
        ref: str | None,
    ) -> None:
        if first:
            self.by_name[_key(first, last)].append(Known(person_id, born, ref or ""))
        if ref:
            self.by_ref[ref.casefold()] = person_id

    def find(self, first: str, last: str, born: dt.date | None, ref: str = "") -> int | None:
        """The one young person these details are, None if nobody; refused if two could be."""
        if ref and ref.casefold() in self.by_ref:
            return self.by_ref[ref.casefold()]
        named = self.by_name.get(_key(first, last), [])
        if born is not None:
            named = [k for k in named if k.born in (born, None)]
        if len(named) > 1:
            said = full_name(first, last, None)
            raise Refused(
                f"{said} could be {len(named)} young people in TrustDesk; add a Date of birth "
                "column so TrustDesk can tell them apart.",
                "",
            )
        return named[0].id if named else None


def names_of(cells: Cells) -> tuple[str, str]:
    """First and last name, from their own columns or split from a full name ("Amir Khan";
    "Khan, Amir")."""
    if cells.has("first_name"):
        return text(cells.raw("first_name")), text(cells.raw("last_name"))
    full = text(cells.raw("name"))
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    first, _, last = full.partition(" ")
    return first, last


def bring_in_people(
    session: Session,
    table: Table,
    columns: Mapping[str, int],
    preview: Preview,
    *,
    today: dt.date,
    progress: Progress | None = None,
) -> None:
    people = People(session)
    config = trust(session)
    lists = {name: config.names(list_name) for name, (list_name, _) in CHOICES.items()}

    def chooser(name: str) -> Callable[[Any], str | None]:
        return lambda cell: choice(cell, lists[name], CHOICES[name][1])

    def each(cells: Cells) -> tuple[Outcome, str, str]:
        first, last = names_of(cells)
        born = cells.read("date_of_birth", a_date)
        ref = text(cells.raw("local_ref"))
        said = full_name(first, last, ref)
        if people.find(first, last, born, ref) is not None:
            return "match", said, "the same young person is in TrustDesk"
        district, shortened = cells.read("postcode", postcode_district)
        values = {name: cells.read(name, chooser(name)) for name in CHOICES}
        values |= {flag: cells.read(flag, yes_or_no) for flag in FLAGS}
        added = young_people.add_young_person(
            session,
            today=today,
            first_name=first or None,
            last_name=last or None,
            local_ref=ref or None,
            date_of_birth=born,
            postcode_district=district or None,
            **values,
        )
        assert added.id is not None
        people.add(added.id, added.first_name, added.last_name, added.date_of_birth, ref)
        preview.added["young people"] += 1
        preview.shortened += shortened
        return "add", said, ""

    fields = {"postcode_district": "postcode"}
    if "first_name" not in columns:
        fields |= {"first_name": "name", "last_name": "name"}
    go_through(session, table, columns, preview, each, fields=fields, progress=progress)


def _key(first: str, last: str | None) -> tuple[str, str]:
    return " ".join(first.split()).casefold(), " ".join((last or "").split()).casefold()

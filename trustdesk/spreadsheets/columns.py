"""Which column holds what: the fields each kind of spreadsheet can fill, guessed from the
headings (or from what the user chose last time for the same headings), and checked.

A mapping is ``{heading: field}``, with ``""`` for a column left out. A register laid out as
a grid (names down, session dates across) has a column for each date: its field is
``date:2025-09-04``, guessed from a heading that is a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from trustdesk.errors import UserError
from trustdesk.spreadsheets.kinds import KINDS
from trustdesk.spreadsheets.table import Table
from trustdesk.spreadsheets.values import BadValue, a_date

LEAVE_OUT = ""
DATE_COLUMN = "date:"


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    headings: tuple[str, ...]  # headings it is guessed from, compared without case or marks


NAME = Field("name", "Full name", ("name", "full name", "young person", "young persons name"))
FIRST = Field("first_name", "First name", ("first name", "forename", "given name", "first"))
LAST = Field("last_name", "Last name", ("last name", "surname", "family name", "last"))
BORN = Field("date_of_birth", "Date of birth", ("date of birth", "dob", "born", "birth date"))
FIELDS: dict[str, tuple[Field, ...]] = {
    "people": (
        FIRST,
        LAST,
        NAME,
        BORN,
        Field("age_band", "Age band", ("age band", "age group")),
        Field("gender", "Gender", ("gender", "sex")),
        Field("ethnicity", "Ethnicity", ("ethnicity", "ethnic group", "ethnic origin")),
        Field("postcode", "Postcode (kept as its district)", ("postcode", "post code")),
        Field("local_ref", "Local reference", ("reference", "ref", "local ref", "id", "ref no")),
        Field("disability", "Disability", ("disability", "disabled")),
        Field("looked_after", "Looked after", ("looked after", "lac", "in care")),
        Field("young_carer", "Young carer", ("young carer",)),
        Field("teenage_parent", "Teenage parent", ("teenage parent", "young parent")),
    ),
    "partners": (
        Field("partner", "Partner", ("partner", "organisation", "organization", "agency")),
        Field("partner_type", "Type of partner", ("type", "partner type", "sector")),
        Field("address", "Partner's address", ("address", "office address")),
        Field("notes", "Notes", ("notes", "comments")),
        Field("contact", "Contact person", ("contact", "contact name", "contact person", "name")),
        Field("role", "Their role", ("role", "job title", "position")),
        Field("phone", "Their phone", ("phone", "telephone", "tel", "phone number", "mobile")),
        Field("email", "Their e-mail", ("email", "e mail", "email address")),
    ),
    "activities": (
        Field("title", "Activity", ("activity", "title", "activity name", "name")),
        Field("category", "Category", ("category", "type", "activity type")),
        Field("venue", "Venue", ("venue", "where", "location", "place")),
        Field("start_date", "Activity starts", ("start date", "starts", "from")),
        Field("end_date", "Activity ends", ("end date", "ends", "until")),
        Field("description", "Description", ("description", "about", "notes")),
        Field("session_date", "Session date", ("date", "session date", "session")),
        Field("start_time", "Session starts", ("start", "start time", "time from")),
        Field("end_time", "Session ends", ("end", "end time", "finish", "time to")),
    ),
    "registers": (
        FIRST,
        LAST,
        NAME,
        BORN,
        Field("activity", "Activity", ("activity", "club", "group")),
        Field("date", "Session date", ("date", "session date")),
        Field("present", "Came (a tick)", ("present", "attended", "came")),
    ),
}
# Columns TrustDesk never keeps about a young person, named in the preview as left out.
NOT_KEPT = ("address", "phone", "mobile", "email", "school", "parent", "guardian", "doctor", "gp")


def field_label(kind: str, name: str) -> str:
    if name.startswith(DATE_COLUMN):
        return f"Session on {dt.date.fromisoformat(name[len(DATE_COLUMN) :]):%d/%m/%Y}"
    return next(f.label for f in FIELDS[kind] if f.name == name)


def choices(kind: str, table: Table) -> list[tuple[str, str]]:
    """What a column can be set to, as (label, field): "Leave out" first."""
    found = [("Leave out", LEAVE_OUT)] + [(f.label, f.name) for f in FIELDS[kind]]
    if kind == "registers":
        found += [(field_label(kind, name), name) for name in _date_fields(table).values()]
    return found


def guess(kind: str, table: Table, remembered: Mapping[str, str] = {}) -> dict[str, str]:
    """A field for each heading: what was chosen last time for it, or the field whose usual
    headings it matches, or left out."""
    known = {f.name for f in FIELDS[kind]}
    dates = _date_fields(table) if kind == "registers" else {}
    mapping: dict[str, str] = {}
    for heading in table.headings:
        was = remembered.get(heading)
        if was is not None and (was in known or was == LEAVE_OUT):
            mapping[heading] = was
        elif heading in dates:
            mapping[heading] = dates[heading]
        else:
            mapping[heading] = _by_heading(kind, heading)
    taken: set[str] = set()
    for heading, name in mapping.items():  # a guess is never made twice
        if name and not name.startswith(DATE_COLUMN) and name in taken:
            mapping[heading] = LEAVE_OUT
        taken.add(name)
    return mapping


def _by_heading(kind: str, heading: str) -> str:
    said = _plain(heading)
    return next((f.name for f in FIELDS[kind] if said in f.headings), LEAVE_OUT)


def _plain(heading: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", heading.casefold().replace("'", "")).split())


def _date_fields(table: Table) -> dict[str, str]:
    found = {}
    for heading, cell in zip(table.headings, table.heading_cells, strict=False):
        try:
            day = a_date(cell)
        except BadValue:
            continue
        if day is not None:
            found[heading] = DATE_COLUMN + day.isoformat()
    return found


def checked(kind: str, table: Table, mapping: Mapping[str, str]) -> dict[str, int]:
    """Each field's column, once the mapping is whole: every heading known, no field twice,
    and what the kind needs there."""
    checked_kind(kind)
    allowed = {name for _, name in choices(kind, table)}
    columns: dict[str, int] = {}
    for heading, name in mapping.items():
        if heading not in table.headings:
            raise UserError(
                f"The column {heading!r} is not in {table.file_name!r}; its columns are "
                + ", ".join(repr(h) for h in table.headings)
                + ".",
                hint="Check the mapping's headings against the file's.",
            )
        if name not in allowed:
            raise UserError(
                f"The column {heading!r} is set to {name!r}, which is not something TrustDesk "
                f"keeps for {KINDS[kind]}.",
                hint="Set it to one of: " + ", ".join(label for label, _ in choices(kind, table)),
            )
        if not name:
            continue
        if name in columns:
            first = table.headings[columns[name]]
            raise UserError(
                f"The columns {first!r} and {heading!r} are both set to {field_label(kind, name)}.",
                hint="Set one of them to Leave out.",
            )
        columns[name] = table.column_of(heading)
    _needed(kind, columns)
    return columns


def checked_kind(kind: str) -> None:
    if kind not in FIELDS:
        raise UserError(
            f"TrustDesk cannot bring in {kind!r}: it brings in "
            + ", ".join(f"{k} ({what})" for k, what in KINDS.items())
            + "."
        )


def _needed(kind: str, columns: Mapping[str, int]) -> None:
    has = columns.keys()
    names = {"name", "first_name"}
    missing = {
        "people": None if has & (names | {"local_ref"}) else "a first name (or a full name)",
        "partners": None if "partner" in has else "the partner's name",
        "activities": None if "title" in has else "the activity's name",
        "registers": None if has & names else "the young people's names",
    }[kind]
    if missing is None and kind == "registers":
        dated = "date" in has or any(n.startswith(DATE_COLUMN) for n in has)
        missing = None if dated else "the session dates (a Date column, or dates as headings)"
    if missing is not None:
        raise UserError(
            f"No column is set to {missing}, which TrustDesk needs for {KINDS[kind]}.",
            hint="Set the column that holds it, in the step that matches columns.",
        )


def left_out(mapping: Mapping[str, str]) -> list[str]:
    """The headings of the columns left out: their contents are not brought in."""
    return [heading for heading, name in mapping.items() if not name]


def never_kept(kind: str, headings: list[str]) -> list[str]:
    """Of those left out, the ones about a young person that TrustDesk never keeps."""
    if kind not in ("people", "registers"):
        return []
    return [h for h in headings if any(word in _plain(h).split() for word in NOT_KEPT)]

"""The return object: one unit's figures for one period, with what identifies them.

It holds aggregates and the texts a coordinator wrote for the board (case studies and what
young people said), never a young person's identity. Computation makes one, the writers turn
one into files, and the importer reads one back from a file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from trustdesk.config.periods import Period
from trustdesk.config.trust import Unit

FORMAT_NAME = "trustdesk-return"
# Version 2 added the texts' fingerprint to the Manifest (a version 1 return has none);
# version 3 the young carer and teenage parent breakdowns (see returns/formats.py).
FORMAT_VERSION = "4"
# The format version each version's figures fingerprint is made as: version 2 changed
# nothing in the figures, so a return's fingerprint, which the workspaces that took it in
# keep, stays what it was; version 3 added figures, so its own.
FIGURES_AS = {"2": "1"}

Key = tuple[str, str, str]  # measure, breakdown, category

# The list sheets of the workbook, and their headings: people's columns first; the codes
# the importer reads back come last.
CASE_STUDIES, VOICE, PARTNERS = "Case studies", "Voice", "Partners"
CASE_STUDY_HEADER = ("Date", "Title", "ECM outcomes", "Narrative", "Unit", "ecm_outcome_codes")
VOICE_HEADER = ("Date", "How", "Who", "What they said", "What changed", "Unit", "method_code")
PARTNER_HEADER: tuple[str, ...] = ("Partner", "Type", "Staff hours", "Money", "In kind", "Contacts")
PARTNER_HEADER += ("Meeting places", "Present", "Unit", "partner_type")
# The Partners sheet's number columns by index; hours and pounds read back as minutes and pence.
PARTNER_UNITS = {2: "minutes", 3: "pence", 4: "pence", 5: "count", 6: "count", 7: "count"}
CODE_SEPARATOR = " "  # between ECM outcome codes, which never contain spaces
# The control characters XML cannot hold: the workbook writer drops them from a text.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class CaseStudyText:
    date: dt.date
    title: str
    narrative: str
    ecm_outcomes: tuple[str, ...]
    unit_code: str


@dataclass(frozen=True)
class VoiceText:
    date: dt.date
    method: str
    who: str
    said: str
    change_made: str
    unit_code: str


@dataclass(frozen=True)
class PartnerLine:
    """One partner organisation engaged in the period and what it did: organisations are
    named in a return (a board asks which partners came), young people never are."""

    name: str
    partner_type: str
    staff_minutes: int
    money_pence: int
    in_kind_pence: int
    meetings_present: int
    meeting_places: int
    contacts: int
    unit_code: str


@dataclass(frozen=True)
class Constituent:
    """A return a consolidated return was built from, or a unit whose return is missing."""

    unit_code: str
    return_id: str
    revision: int | None
    fingerprint: str
    status: str  # accepted | received | queried | missing
    # The units whose returns were edited after export and taken in as they were, among
    # this constituent's own and those it was added up from (so the mark reaches the county).
    edited: tuple[str, ...] = ()
    # How this constituent's own return, and those it was added up from, were made when not
    # by TrustDesk from records: (unit code, how) pairs (see returns/made_how.py).
    made_how: tuple[tuple[str, str], ...] = ()


@dataclass
class Return:
    trust_name: str
    unit_code: str
    unit_name: str
    unit_level: str
    parent_code: str | None
    period: Period
    figures: dict[Key, int]
    case_studies: list[CaseStudyText] = field(default_factory=list)
    voice: list[VoiceText] = field(default_factory=list)
    partners: list[PartnerLine] = field(default_factory=list)
    constituents: list[Constituent] = field(default_factory=list)
    return_id: str = ""
    revision: int = 0
    made_at: dt.datetime | None = None
    made_by: str = ""
    # For a quarter exported before it ended: the last day its figures run to (a part
    # quarter). Like made_at it is about the file, not the figures, so not in the fingerprint.
    figures_to: dt.date | None = None
    # Set when the Data sheet's figures do not match the Manifest's fingerprint (someone
    # changed them after export) and the importer was told to take the file in anyway.
    edited_after_export: bool = False
    # How a return received was made when not by its unit's TrustDesk from records: a blank
    # return workbook filled in by hand, or entered by the officer above (returns/made_how.py).
    made_how: str = ""
    # For a consolidated return: the constituents' own returns it was added up from (for the
    # PDF's comparison); not part of the file, so not compared.
    parts: list[Return] = field(default_factory=list, compare=False, repr=False)
    # For a return read from a file: the Data sheet row of each figure, for messages (the
    # Figures sheet's, for a return filled in by hand: figures_sheet).
    data_rows: dict[Key, int] = field(default_factory=dict, compare=False, repr=False)
    figures_sheet: str = field(default="Data", compare=False, repr=False)
    # For a quarter's return as its unit makes it: the return of the year to the end of the
    # quarter, whose reach the yearly benchmarks measure (None when not to hand, e.g. a
    # district without every locality's year to date). Not part of the file.
    year_to_date: Return | None = field(default=None, compare=False, repr=False)
    # For a district's or county's quarter whose year to date is left out (a unit's return of
    # it missing): that year to date all the same, for its board's own figures, which come
    # from its own records and are whole. Not part of the file.
    board_to_date: Return | None = field(default=None, compare=False, repr=False)
    # For a return as its unit makes it: the returns of the periods before it that its first
    # page and its trends set it beside (None when not to hand, e.g. a return read from a
    # file). Not part of the file.
    history: History | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of_unit(
        cls, trust_name: str, unit: Unit, period: Period, figures: dict[Key, int], **rest: Any
    ) -> Return:
        """A return of one of the trust's units: its name, level and parent as configured."""
        return cls(
            trust_name=trust_name,
            unit_code=unit.code,
            unit_name=unit.name,
            unit_level=unit.level,
            parent_code=unit.parent_code,
            period=period,
            figures=figures,
            **rest,
        )

    def value(self, measure: str, breakdown: str = "", category: str = "") -> int:
        return self.figures.get((measure, breakdown, category), 0)

    def breakdown(self, measure: str, breakdown: str) -> dict[str, int]:
        """The categories of one breakdown with their values, in catalogue order."""
        return {c: v for (m, b, c), v in self.figures.items() if m == measure and b == breakdown}

    def rows(self) -> list[tuple[str, str, str, int]]:
        """The Data sheet's rows: one per figure, in the order they were computed."""
        return [(m, b, c, v) for (m, b, c), v in self.figures.items()]

    # For a return read from a file: where each text was, for messages, by (sheet, index in
    # its list, heading): (row, column).
    text_places: dict[tuple[str, int, str], tuple[int, int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    # For a return read from a file: the fingerprint of its figures as the file holds them,
    # in the file's format version (an older file's figures gain rows when read, see
    # returns/formats.py, but stay the return they were).
    read_fingerprint: str = field(default="", compare=False, repr=False)

    @property
    def fingerprint(self) -> str:
        if self.read_fingerprint:
            return self.read_fingerprint
        return fingerprint(self.unit_code, self.period.code, self.figures.items())

    @property
    def texts_fingerprint(self) -> str:
        return texts_fingerprint(
            self.unit_code, self.period.code, self.case_studies, self.voice, self.partners
        )

    @property
    def part_quarter_note(self) -> str:
        """ "Part quarter: figures to 4 Dec 2026" ("Part year: …" for a year's return made
        before the year ended), or "" once the period had ended."""
        if self.figures_to is None:
            return ""
        day = f"{self.figures_to.day} {self.figures_to:%b %Y}"
        return f"Part {self.period.noun}: figures to {day}"

    @property
    def file_stem(self) -> str:
        return f"{self.unit_code}_{self.period.code}_r{self.revision}"

    # The REYS rates, as fractions, or None when the figures to divide by are missing.

    def reach_rates(self, reach_bands: list[str]) -> dict[str, float | None]:
        population = self.value("population_13_19")
        contacts = sum(self.value("contacts", "age_band", band) for band in reach_bands)
        participants = sum(self.value("participants", "age_band", band) for band in reach_bands)
        all_participants = self.value("participants")
        return {
            "contacts": _share(contacts, population),
            "participants": _share(participants, population),
            "recorded": _share(self.value("participants_recorded_outcome"), all_participants),
            "accredited": _share(self.value("participants_accredited_outcome"), all_participants),
        }

    def attendance_rate(self, partner_type: str = "") -> float | None:
        breakdown = "partner_type" if partner_type else ""
        return _share(
            self.value("meeting_present", breakdown, partner_type),
            self.value("meeting_places", breakdown, partner_type),
        )


@dataclass(frozen=True)
class History:
    """The returns of the periods before a return, as its unit makes them, oldest first: the
    quarters up to the return's last quarter (eight at most, from the first with any
    figures) and the financial years up to its own (three at most, the last one to the
    return's end; those with figures); and the two periods its first page compares it with,
    where they have figures."""

    quarters: tuple[Return, ...]
    years: tuple[Return, ...]
    previous: Return | None  # the quarter before a quarter (a year's is a year before)
    a_year_earlier: Return | None  # the same period of the year before

    def compared(self) -> list[tuple[str, Return]]:
        """What the first page sets the return beside, named as its columns are."""
        out = []
        if self.previous is not None:
            out.append(("The quarter before", self.previous))
        if self.a_year_earlier is not None:
            out.append(("A year before", self.a_year_earlier))
        return out


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def fingerprint(
    unit_code: str,
    period: str,
    figures: Iterable[tuple[Key, int]],
    version: str = FORMAT_VERSION,
) -> str:
    """SHA-256 of the canonical Data rows, bound to the unit and period they are for.

    Canonical: one line per figure, ``measure TAB breakdown TAB category TAB value``, sorted,
    so that the order rows happen to be in (or a spreadsheet's re-sorting) does not matter,
    while any change to a code or a value does."""
    made_as = FIGURES_AS.get(version, version)
    digest = hashlib.sha256(f"{FORMAT_NAME}/{made_as}\t{unit_code}\t{period}\n".encode())
    for line in sorted(f"{m}\t{b}\t{c}\t{v}\n" for (m, b, c), v in figures):
        digest.update(line.encode())
    return digest.hexdigest()


def texts_fingerprint(
    unit_code: str,
    period: str,
    case_studies: Iterable[CaseStudyText],
    voice: Iterable[VoiceText],
    partners: Iterable[PartnerLine],
    version: str = FORMAT_VERSION,
) -> str:
    """SHA-256 of the canonical text rows (case studies, voice, partner lines with their
    amounts), bound to the unit and period, as the figures' fingerprint is.

    Canonical: each row as a JSON list of its values as the workbook holds them (the control
    characters XML cannot hold dropped), one a line, sorted; so a re-sort does not matter
    and a change to any text, code, date or amount does."""
    lines = [
        _canonical(
            "case", c.date, c.title, c.narrative, CODE_SEPARATOR.join(c.ecm_outcomes), c.unit_code
        )
        for c in case_studies
    ]
    lines += [
        _canonical("voice", v.date, v.method, v.who, v.said, v.change_made, v.unit_code)
        for v in voice
    ]
    lines += [
        _canonical(
            "partner",
            p.name,
            p.partner_type,
            p.staff_minutes,
            p.money_pence,
            p.in_kind_pence,
            p.contacts,
            p.meeting_places,
            p.meetings_present,
            p.unit_code,
        )
        for p in partners
    ]
    digest = hashlib.sha256(f"{FORMAT_NAME}/{version}/texts\t{unit_code}\t{period}\n".encode())
    for line in sorted(lines):
        digest.update(line.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _canonical(*values: object) -> str:
    shown = [
        v.isoformat()
        if isinstance(v, dt.date)
        else NOT_IN_XML.sub("", v)
        if isinstance(v, str)
        else v
        for v in values
    ]
    return json.dumps(shown, ensure_ascii=False) + "\n"


def empty_figures(keys: Iterable[Key]) -> dict[Key, int]:
    return dict.fromkeys(keys, 0)

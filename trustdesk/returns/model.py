"""The return object: one unit's figures for one period, with what identifies them.

It holds aggregates and the texts a coordinator wrote for the board (case studies and what
young people said), never a young person's identity. Computation makes one, the writers turn
one into files, and the importer reads one back from a file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from trustdesk.config.periods import Period
from trustdesk.config.trust import Unit

FORMAT_NAME = "trustdesk-return"
FORMAT_VERSION = "1"

Key = tuple[str, str, str]  # measure, breakdown, category


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
    # For a consolidated return: the constituents' own returns it was added up from (for the
    # PDF's comparison); not part of the file, so not compared.
    parts: list[Return] = field(default_factory=list, compare=False, repr=False)
    # For a return read from a file: the Data sheet row of each figure, for messages.
    data_rows: dict[Key, int] = field(default_factory=dict, compare=False, repr=False)

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

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.unit_code, self.period.code, self.figures.items())

    @property
    def part_quarter_note(self) -> str:
        """ "Part quarter: figures to 4 Dec 2026", or "" for a whole quarter."""
        if self.figures_to is None:
            return ""
        return f"Part quarter: figures to {self.figures_to.day} {self.figures_to:%b %Y}"

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


# REYS benchmarks (Resourcing Excellent Youth Services, 2002).
REYS_BENCHMARKS = {"contacts": 0.25, "recorded": 0.60, "accredited": 0.30}


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
    digest = hashlib.sha256(f"{FORMAT_NAME}/{version}\t{unit_code}\t{period}\n".encode())
    for line in sorted(f"{m}\t{b}\t{c}\t{v}\n" for (m, b, c), v in figures):
        digest.update(line.encode())
    return digest.hexdigest()


def empty_figures(keys: Iterable[Key]) -> dict[Key, int]:
    return dict.fromkeys(keys, 0)

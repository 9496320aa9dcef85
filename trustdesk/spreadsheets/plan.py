"""What bringing in a spreadsheet does, row by row: the preview a user checks before
anything is saved, and what the import did once it has."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from trustdesk.words import counted, listed

Outcome = Literal["add", "match", "refuse", "pass"]
OUTCOME_WORDS = {
    "add": "Will be added",
    "match": "Already in TrustDesk",
    "refuse": "Refused",
    "pass": "Passed over",
}


@dataclass(frozen=True)
class RowOutcome:
    row: int  # as the spreadsheet program numbers it
    outcome: Outcome
    what: str  # the record, in words: "Amir Khan", "Burton YMCA: Jo Bloggs (youth worker)"
    reason: str = ""  # why it was matched, refused or passed over
    column: str = ""  # the heading of the column a refusal is about, if one

    @property
    def words(self) -> str:
        return OUTCOME_WORDS[self.outcome]

    @property
    def why(self) -> str:
        """The reason, with the column it is about: "Column 'DOB': '31/02/2010' is not…"."""
        return f"Column {self.column!r}: {self.reason}" if self.column else self.reason

    @property
    def said(self) -> str:
        """The row, the column and the reason: "Row 5, column 'DOB': '31/02/2010' is not…"."""
        where = f"Row {self.row}, column {self.column!r}" if self.column else f"Row {self.row}"
        return f"{where}: {self.reason}"


@dataclass
class Preview:
    """Every row of one file and what becomes of it; ``added`` counts the records that would
    be (or were) added, by kind ("young people", "sessions", "register ticks"...)."""

    kind: str
    file_name: str
    mapping: dict[str, str]
    rows: list[RowOutcome] = field(default_factory=list)
    added: Counter[str] = field(default_factory=Counter)
    left_out: list[str] = field(default_factory=list)  # headings of columns not brought in
    never_kept: list[str] = field(default_factory=list)  # of those, about a young person
    shortened: int = 0  # full postcodes kept as their district

    def say(
        self, row: int, outcome: Outcome, what: str, reason: str = "", column: str = ""
    ) -> None:
        self.rows.append(RowOutcome(row, outcome, what, reason, column))

    @property
    def refused(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.outcome == "refuse"]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    def summary(self) -> str:
        """One paragraph: what would be added, what is there already, what is refused."""
        added = listed([_many(n, what) for what, n in self.added.items() if n] or [""])
        parts = [f"Adds {added}." if added else "Adds nothing new."]
        counted_rows: tuple[tuple[Outcome, str], ...] = (
            ("match", "already in TrustDesk"),
            ("pass", "passed over (blank lines, totals, no ticks)"),
        )
        for outcome, said in counted_rows:
            if self.count(outcome):
                parts.append(f"{_rows(self.count(outcome))} {said}.")
        if self.refused:
            parts.append(
                f"{_rows(len(self.refused))} refused: nothing is brought in until they are put "
                "right or taken out of the file."
            )
        if self.left_out:
            parts.append(f"Left out: {listed(self.left_out)}.")
        if self.never_kept:
            kept = listed([h.lower() for h in self.never_kept]).replace(" and ", " or ")
            parts.append(f"TrustDesk does not keep a young person's {kept}.")
        if self.shortened:
            parts.append(
                f"{counted(self.shortened, 'full postcode')} kept as the district only "
                "(ST14 2AB as ST14)."
            )
        return " ".join(parts)


ONE = {"young people": "young person", "contact people": "contact person"}
ONE |= {"activities": "activity"}


def _many(number: int, what: str) -> str:
    """ "1 activity", "2 activities": ``what`` is the plural."""
    return f"{number:,} {what}" if number != 1 else f"1 {ONE.get(what, what.removesuffix('s'))}"


def _rows(number: int) -> str:
    return "1 row is" if number == 1 else f"{number:,} rows are"

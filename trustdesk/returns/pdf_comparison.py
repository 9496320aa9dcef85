"""The comparison of the constituents in the PDF of a consolidated return.

A district's return adds up its localities' returns, a county's its districts'. A board member
reading one asks which of them did what, and which are not in yet: this section says in words
which returns are missing or not yet accepted, then lists every constituent the trust
configuration gives, in its order, missing ones included, with the state and revision of its
return, a few key figures and the rates worked out from its own figures, and charts the reach
rate against the REYS benchmark. The total row is the consolidated return itself, its rates
worked out from the added-up figures, never averaged.

In a publication copy the counts are suppressed with the rest of the return: the table of
counts is one more additive table for ``suppression.publication_cells`` (its rows add up to
the return's totals, which the headline and the breakdowns show). The rates are hidden by the
counts they are worked out from (``rate_cells``), with the same rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from trustdesk.config.trust import TrustConfig
from trustdesk.returns import catalogue, charts, made_how, numbers
from trustdesk.returns.benchmarks import RATES, benchmarks, in_words
from trustdesk.returns.model import Constituent, Return
from trustdesk.returns.pdf_page import FRAME_WIDTH
from trustdesk.returns.pdf_tables import NOTHING, STYLES, figure_table, para
from trustdesk.returns.pdf_units import unit_name
from trustdesk.returns.suppression import (
    HIDDEN_RATE,
    Cell,
    hide_one_category,
    suppressed_cells,
)
from trustdesk.returns.tables import LEVEL_WORDS, Column, Row, Table, reach_counts
from trustdesk.words import listed

# The key figures of each constituent, in the order of the headline table.
KEY_MEASURES = ("sessions", "contact_minutes", "attendances", "contacts", "participants")
SHORT_HEADINGS = {"contacts": "Contacts"}

RATE_HEADINGS = ("Contacts 13-19", "Participants 13-19", "Recorded outcome", "Accredited outcome")
# The measures of the counts the rates divide (the first two: their 13-19 age bands).
NUMERATORS = (
    "contacts",
    "participants",
    "participants_recorded_outcome",
    "participants_accredited_outcome",
)
# What a board member reads for each state of a constituent's return.
STATES = {
    "accepted": "accepted",
    "received": "received, not yet accepted",
    "queried": "queried",
    "missing": "missing: no return yet",
}


@dataclass
class ComparedUnit:
    """One row of the comparison: a constituent, its name, and its return if it came in."""

    constituent: Constituent
    name: str
    part: Return | None
    level: str = ""  # the constituent's unit's level, for how its return was made

    @property
    def label(self) -> str:
        state = STATES.get(self.constituent.status, self.constituent.status)
        if self.constituent.revision is not None and self.constituent.status != "missing":
            state += f" \u00b7 revision {self.constituent.revision}"
        if self.part is None and self.constituent.status != "missing":
            state += " \u00b7 figures not to hand"
        if self.constituent.unit_code in self.constituent.edited:
            state += " \u00b7 edited after export"
        elif self.constituent.edited:
            state += " \u00b7 includes edited returns"
        own = dict(self.constituent.made_how).get(self.constituent.unit_code)
        if own:
            state += f" \u00b7 {made_how.words(own, self.level)}"
        elif self.constituent.made_how:
            state += " \u00b7 includes returns made by hand"
        return f"{self.name}\n{state}"


def _rates(ret: Return, bands: list[str]) -> list[int | float | None]:
    rates = ret.reach_rates(bands)
    return [ret.value("population_13_19"), *(rates[k] for k in RATES), ret.attendance_rate()]


@dataclass
class Comparison:
    """The tables of the comparison of one consolidated return."""

    units: list[ComparedUnit]
    singular: str
    plural: str
    counts: Table  # shown: the key figures, an additive table
    numerators: Table  # not shown: what the rates divide, for suppressing the rates
    rates: Table  # shown
    edited: list[str]  # the units whose returns were edited after export, by name
    # The yearly reach benchmark the chart draws: for a year's or a year to date's return
    # only (a quarter's reach is not measured against a year's benchmark).
    benchmark: float | None = None
    # The returns made by hand rather than counted from records, in words (made_how).
    by_hand: list[str] = field(default_factory=list)

    @property
    def total_row(self) -> int:
        return len(self.units)

    def state_in_words(self) -> str:
        """Which returns are missing or not yet accepted, in plain words."""
        named: dict[str, list[str]] = {}
        for unit in self.units:
            named.setdefault(unit.constituent.status, []).append(unit.name)
        n = len(self.units)
        accepted = len(named.get("accepted", []))
        if accepted == n:
            return " ".join(
                [
                    f"The returns of all {n} {self.plural} are in and accepted.",
                    *self._edited_words(),
                ]
            )
        out = [f"Returns accepted: {accepted} of the {n} {self.plural}."]
        if named.get("missing"):
            out.append(f"No return yet from {listed(named['missing'])}.")
        if named.get("received"):
            out.append(f"Received but not yet accepted: {listed(named['received'])}.")
        if named.get("queried"):
            out.append(f"Queried, waiting for an answer: {listed(named['queried'])}.")
        others = [s for s in named if s not in STATES]
        for status in others:
            out.append(f"{status.capitalize()}: {listed(named[status])}.")
        if any(named.get(s) for s in ("received", "queried", *others)):
            out.append("The figures of this return include the returns not yet accepted.")
        out += self._edited_words()
        if named.get("missing"):
            out.append(f"A missing {self.singular} adds nothing to them.")
        return " ".join(out)

    def _edited_words(self) -> list[str]:
        words = []
        if self.by_hand:
            listed_by_hand = listed(self.by_hand)
            words.append(f"Made by hand, not counted by TrustDesk from records: {listed_by_hand}.")
        if self.edited:
            words.append(
                f"Edited after export and taken in as it was: {listed(self.edited)} (the figures "
                "are as the file had them, not as TrustDesk made them)."
            )
        return words

    def numerator_cells(self, reach: Table, reach_hidden: set[Cell]) -> set[Cell]:
        """The hidden cells of ``numerators``, the counts the rates are worked out from.

        They are suppressed as one more additive table, whose total row is the reach table's
        first column: a total hidden there is hidden here (with a constituent, so that the
        others do not add up to it), and one this table hides is hidden there too
        (``reach_hidden`` is updated)."""
        hidden = suppressed_cells(self.numerators)
        total = self.total_row
        for j in range(len(RATES)):
            if (j, 0) in reach_hidden and (total, j) not in hidden:
                hidden.add((total, j))
                hide_one_category(self.numerators, j, hidden)
            elif (total, j) in hidden and (j, 0) not in reach_hidden:
                reach_hidden.add((j, 0))
                if reach.rows[j].values[1] is not None:
                    reach_hidden.add((j, 1))
        return hidden

    def rate_cells(
        self, counts_hidden: set[Cell], reach: Table, reach_hidden: set[Cell]
    ) -> set[Cell]:
        """The hidden cells of the rates table of a publication copy: a rate and what it is
        divided by give back the count it was worked out from, so a rate is hidden where that
        count is hidden (see ``numerator_cells``, which can add to ``reach_hidden``), and an
        outcome rate where the participants it divides by are hidden (``counts_hidden``)."""
        hidden = self.numerator_cells(reach, reach_hidden)
        total = self.total_row
        participants = KEY_MEASURES.index("participants")
        out: set[Cell] = set()
        for r, row in enumerate(self.rates.rows):
            for j in range(len(RATES)):
                shares = j >= 2  # the outcome rates are shares of all participants
                if (
                    (r, j) in hidden
                    or (shares and (r, participants) in counts_hidden)
                    or (r == total and (j, 1) in reach_hidden)
                ) and row.values[j + 1] is not None:
                    out.add((r, j + 1))
        return out

    def section(
        self,
        counts_hidden: set[Cell],
        reach: Table,
        reach_hidden: set[Cell],
        publication: bool,
    ) -> list[Flowable]:
        """The section's flowables. In a publication copy, ``counts_hidden`` are the hidden
        cells of ``counts`` (from publication_cells) and ``reach_hidden`` those of the reach
        table, which this may add to: make the section before laying out the reach table."""
        rates_hidden = self.rate_cells(counts_hidden, reach, reach_hidden) if publication else set()
        lead = [
            Paragraph(f"Comparison of the {self.plural}", STYLES["h1"]),
            para(self.state_in_words()),
        ]
        if not any(unit.part for unit in self.units):
            note = (
                f"The figures of each {self.singular} are not in this copy of the return (a "
                f"return read from a file holds the added-up figures only): make the PDF where "
                f"the return was consolidated to compare them."
            )
            return [KeepTogether([*lead, para(note, "note")])]
        return [
            figure_table(self.counts, counts_hidden, FRAME_WIDTH, lead=lead),
            figure_table(self.rates, rates_hidden, FRAME_WIDTH),
            self._chart(rates_hidden, publication),
        ]

    def _chart(self, rates_hidden: set[Cell], publication: bool) -> Flowable:
        labels: list[str] = []
        rates: list[float | None] = []
        texts: list[str] = []
        for r, row in enumerate(self.rates.rows):
            rate = row.values[1]
            unit = self.units[r] if r < len(self.units) else None
            labels.append(row.label if unit is None else unit.name)
            if unit is not None and unit.part is None:
                rates.append(None)
                texts.append("missing" if unit.constituent.status == "missing" else NOTHING)
            elif (r, 1) in rates_hidden:
                rates.append(None)
                texts.append(HIDDEN_RATE)
            else:
                rates.append(rate)
                texts.append(NOTHING if rate is None else numbers.percent(rate))
        benchmark = self.benchmark
        drawing = charts.comparison_chart(
            labels,
            rates,
            texts,
            width=FRAME_WIDTH,
            axis_title="Young people aged 13-19 reached, as a share of the 13-19 population",
            category_title=self.singular.capitalize(),
            benchmark=None
            if benchmark is None
            else (benchmark, f"REYS benchmark {numbers.percent(benchmark)} a year"),
        )
        note = f"The light bar is the {self.plural} together" + (
            "; the benchmark for reach is for a year, so a quarter's reach is not drawn "
            "against it (the year-to-date return is)."
            if benchmark is None
            else "; the dashed line is the REYS benchmark for reach in a year."
        )
        if publication and rates_hidden:
            note += f" A rate shown as {HIDDEN_RATE} is worked out from a number from 1 to 4."
        return KeepTogether(
            [
                Paragraph(f"Reach of each {self.singular}", STYLES["h2"]),
                drawing,
                para(note, "note"),
            ]
        )


def _name(config: TrustConfig, code: str, part: Return | None) -> str:
    return part.unit_name if part is not None and part.unit_name else unit_name(config, code)


def compare(ret: Return, config: TrustConfig) -> Comparison | None:
    """The comparison of a consolidated return's constituents; None for a return that has
    none (a locality's own return)."""
    if not ret.constituents:
        return None
    singular, plural = LEVEL_WORDS.get(ret.unit_level, ("unit", "units"))
    bands = catalogue.reach_age_bands(config)
    parts = {part.unit_code: part for part in ret.parts}
    units = [
        ComparedUnit(
            c,
            _name(config, c.unit_code, parts.get(c.unit_code)),
            None,
            config.units[c.unit_code].level if c.unit_code in config.units else "",
        )
        for c in ret.constituents
    ]
    for unit in units:
        if unit.constituent.status != "missing":
            unit.part = parts.get(unit.constituent.unit_code)
    total_label = f"{ret.unit_name} (total)"

    def table(
        title: str,
        columns: list[Column],
        values: Callable[[Return], list[int | float | None]],
        *,
        additive: bool,
        note: str,
    ) -> Table:
        rows = [
            Row(unit.label, values(unit.part) if unit.part else [None] * len(columns))
            for unit in units
        ]
        rows.append(Row(total_label, values(ret), is_total=True))
        return Table(
            title, columns, rows, label_heading=singular.capitalize(), additive=additive, note=note
        )

    missing_note = (
        f"A {singular} whose return is missing is shown with \u2013 and adds nothing to the total."
        if any(unit.part is None for unit in units)
        else ""
    )
    counts = table(
        f"Key figures of each {singular}",
        [
            Column(
                SHORT_HEADINGS.get(code, catalogue.measure(code).label),
                catalogue.measure(code).unit,
                code,
            )
            for code in KEY_MEASURES
        ],
        lambda r: [r.value(code) for code in KEY_MEASURES],
        additive=True,
        note=missing_note,
    )
    numerators = table(
        "Counts the rates are worked out from",
        [Column(h, "count", code) for h, code in zip(RATE_HEADINGS, NUMERATORS, strict=True)],
        lambda r: list(reach_counts(r, bands)),
        additive=True,
        note="",
    )
    rates = table(
        f"Rates of each {singular}",
        [
            Column("Population 13-19", "count"),
            *(Column(h, "rate") for h in RATE_HEADINGS),
            Column("Partner attendance", "rate"),
        ],
        lambda r: _rates(r, bands),
        additive=False,
        note=f"Contacts and participants aged 13-19 as a share of the 13-19 population; outcomes "
        f"as a share of all participants; partner attendance as a share of the places at "
        f"locality group meetings. Each {singular}'s rates are worked out from its own figures "
        f"and the total's from the added-up figures. {in_words(config)}"
        + (" A quarter's rates are not measured against them." if ret.period.is_quarter else ""),
    )
    edited = [_name(config, code, None) for u in units for code in u.constituent.edited]
    benchmark = None if ret.period.is_quarter else benchmarks(config)["contacts"]
    return Comparison(
        units,
        singular,
        plural,
        counts,
        numerators,
        rates,
        list(dict.fromkeys(edited)),
        benchmark,
        made_how.described(config, made_how.marks_of(ret.constituents)),
    )

"""The tables a person reads in a return, shared by the workbook's Summary sheet and the PDF.

Both writers lay out the same tables, so a board member sees the same figures whichever file
they open. Values stay numbers here (counts, minutes, pence, or a rate as a fraction): the PDF
turns them into text with :mod:`trustdesk.returns.numbers`, and the workbook stores them with
the number formats that show that same text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trustdesk.config.periods import calendar_month
from trustdesk.config.trust import TrustConfig
from trustdesk.privacy.words import fold
from trustdesk.returns import catalogue, numbers
from trustdesk.returns.benchmarks import RATES, benchmarks, verdict
from trustdesk.returns.catalogue import measure
from trustdesk.returns.model import PartnerLine, Return
from trustdesk.words import counted

ColumnUnit = numbers.Unit  # a measure's unit, or a rate


@dataclass(frozen=True)
class Column:
    heading: str
    unit: ColumnUnit
    measure: str | None = None  # where the values come from, for suppression
    # False for values the return's own figures do not make (a quarter's year to date, from
    # the records when it was exported): the importer's Summary check passes them over.
    from_data: bool = True
    # The heading spelled out, where it is short ("Q2 2026-27": which months), for a tooltip.
    spelled_out: str = ""

    @property
    def disclosive(self) -> bool:
        return self.measure is not None and catalogue.measure(self.measure).disclosive


@dataclass
class Row:
    label: str
    values: list[int | float | None]
    is_total: bool = False
    unit: ColumnUnit | None = None  # for a row whose unit differs from its columns'
    measure: str | None = None  # likewise, where the row's values come from
    # The row's words, one for each of the table's ``words`` columns: whether its figure
    # meets its benchmark ("Met", "Not met"), or how it changed ("\u25b2 up 12%"); "" when
    # there is nothing to say.
    words: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Words:
    """A column of words after a table's figures: a benchmark's verdict, or how a figure
    changed from one column to another."""

    heading: str
    about: tuple[int, ...]  # the value columns the words speak of (hidden with any of them)


@dataclass
class Table:
    title: str
    columns: list[Column]  # the value columns; the first, unnamed column holds row labels
    rows: list[Row]
    label_heading: str = ""
    note: str = ""
    # The category rows split the total row (for suppression: a lone hidden cell could be
    # worked out from the total and the others).
    additive: bool = False
    # Columns of words after the figures (each row's ``words``, in order).
    words: tuple[Words, ...] = ()

    def unit_of(self, row: Row, column: int) -> ColumnUnit:
        return row.unit or self.columns[column].unit

    def disclosive(self, row: Row, column: int) -> bool:
        if row.measure is not None:
            return catalogue.measure(row.measure).disclosive
        return self.columns[column].disclosive


def measure_column(code: str, heading: str | None = None) -> Column:
    m = measure(code)
    return Column(heading or m.label, m.unit, code)


HEADLINE = (
    "sessions",
    "contact_minutes",
    "attendances",
    "contacts",
    "participants",
    "recorded_outcomes",
    "accredited_outcomes",
    "partners_engaged",
    "meetings_held",
    "actions_opened",
    "actions_completed",
    "actions_overdue",
    "contact_log_entries",
    "voice_entries",
    "voice_changes",
    "case_studies",
    "spend_pence",
)
PARTNER_ATTENDANCE = "Partner attendance at meetings"


def headline_rows() -> list[tuple[str, ColumnUnit, str | None]]:
    """The headline table's rows: label, unit and the measure they come from."""
    rows: list[tuple[str, ColumnUnit, str | None]] = [
        (measure(code).label, measure(code).unit, code) for code in HEADLINE
    ]
    return [*rows, (PARTNER_ATTENDANCE, "rate", None)]


def headline_values(ret: Return) -> list[int | float | None]:
    """The headline figures of a return, in the headline table's order of rows."""
    return [*(ret.value(code) for code in HEADLINE), ret.attendance_rate()]


def headline_table(ret: Return) -> Table:
    """The headline figures and, where the return was made with its history (see
    ``Return.history``), beside them the period before and the same period a year before,
    with how each figure changed, in words."""
    compared = ret.history.compared() if ret.history else []
    columns = [Column(f"This {ret.period.noun}", "count")]
    columns += [
        Column(p.period.short_label, "count", from_data=False, spelled_out=p.period.spelled_out)
        for _, p in compared
    ]
    values = [headline_values(ret), *(headline_values(p) for _, p in compared)]
    rows = []
    for i, (label, unit, code) in enumerate(headline_rows()):
        now, before = values[0][i], [v[i] for v in values[1:]]
        words = [numbers.change(unit, now, then) for then in before]
        rows.append(Row(label, [now, *before], unit=unit, measure=code, words=words))
    note = " ".join(n for n in (consolidated_note(ret), _unlike(ret, compared)) if n)
    if compared and ret.figures_to:
        note = (
            f"This {ret.period.noun} is not over: its figures to "
            f"{ret.figures_to.day} {ret.figures_to:%B} are set against whole periods. {note}"
        ).strip()
    return Table(
        "Headline figures",
        columns,
        rows,
        label_heading="Measure",
        note=note,
        words=tuple(
            Words(f"Against {name.lower()}", (0, i)) for i, (name, _) in enumerate(compared, 1)
        ),
    )


def _unlike(ret: Return, compared: list[tuple[str, Return]]) -> str:
    """For a district or county, whether the periods compared add up as many units' returns:
    a fall may be a missing return, not less work."""
    if not ret.constituents:
        return ""
    _, below = LEVEL_WORDS.get(ret.unit_level, ("unit", "units"))
    periods = [ret, *(p for _, p in compared)]
    added = [sum(c.status != "missing" for c in p.constituents) for p in periods]
    if len(set(added)) < 2:
        return ""
    said = ", ".join(f"{p.period.short_label} {n}" for p, n in zip(periods, added, strict=True))
    return (
        f"Not like for like: the periods add up different numbers of {below}' returns "
        f"({said} of {len(ret.constituents)})."
    )


# A consolidated return's level, and what its units below are called.
LEVEL_WORDS = {"district": ("locality", "localities"), "county": ("district", "districts")}


def organisation_key(line: PartnerLine) -> tuple[str, str]:
    """What makes two localities' partners one organisation: the same type and the same name
    once case, accents, apostrophes, punctuation, "&" and spacing are set aside ("St. Mary's
    C of E School" and "st marys c of e school")."""
    name = fold(line.name.replace("&", " and "))
    return line.partner_type, " ".join("".join(c if c.isalnum() else " " for c in name).split())


def consolidated_note(ret: Return) -> str:
    """How a district's or county's people and partners are counted: added up unit by unit,
    and, for partner organisations, also once each across the units."""
    if not ret.constituents:
        return ""
    one, below = LEVEL_WORDS.get(ret.unit_level, ("unit", "units"))
    organisations = len({organisation_key(line) for line in ret.partners})
    return (
        f"These figures are the {below}' own added up: a young person active in two "
        f"{below} is counted in each, and so is a partner organisation. Counted once by its "
        f"name and type, {counted(organisations, 'different partner organisation')} "
        f"{'was' if organisations == 1 else 'were'} engaged, against "
        f"{numbers.count(ret.value('partners_engaged'))} added up {one} by {one}."
    )


BENCHMARK = "Benchmark for a year"  # a reference column: fixed, published values
VERDICT = "Against the benchmark"
REACH_ROWS = (
    "Contacts aged 13-19",
    "Participants aged 13-19",
    "Participants with a recorded outcome",
    "Participants with an accredited outcome",
)


def reach_counts(ret: Return, bands: list[str]) -> list[int]:
    """The counts the four reach rates divide (see Return.reach_rates), in RATES' order."""
    return [
        sum(ret.value("contacts", "age_band", band) for band in bands),
        sum(ret.value("participants", "age_band", band) for band in bands),
        ret.value("participants_recorded_outcome"),
        ret.value("participants_accredited_outcome"),
    ]


def reach_table(ret: Return, config: TrustConfig) -> Table:
    """Reach against the REYS benchmarks. The benchmarks are for a year: a year's or a year
    to date's rates are measured against them; a quarter shows its own rates and, beside
    them, its year to date's, which are what is measured."""
    bands = catalogue.reach_age_bands(config)
    marks = benchmarks(config)
    quarter = ret.period.is_quarter
    measured = ret.year_to_date if quarter else ret
    own = list(zip(reach_counts(ret, bands), ret.reach_rates(bands).values(), strict=True))
    to_date: list[tuple[int | None, float | None]]
    if measured is not None:
        rates = measured.reach_rates(bands).values()
        to_date = list(zip(reach_counts(measured, bands), rates, strict=True))
    else:
        to_date = [(None, None)] * len(RATES)
    rows = []
    for label, rate, (count, share), (ytd_count, ytd_share) in zip(
        REACH_ROWS, RATES, own, to_date, strict=True
    ):
        values: list[int | float | None] = [count, share]
        if quarter:
            values += [ytd_count, ytd_share]
        rows.append(Row(label, [*values, marks[rate]], words=[verdict(ytd_share, marks[rate])]))
    population = ret.value("population_13_19")
    note = (
        f"Reach is against a 13-19 population of {numbers.count(population)}."
        if population
        else "The trust configuration gives no 13-19 population for this unit, so reach "
        "rates cannot be worked out."
    )
    note += " Outcome rates are shares of all participants."
    columns = [Column("Young people", "count", "contacts"), Column("Rate", "rate")]
    if quarter:
        columns = [
            Column("Young people this quarter", "count", "contacts"),
            Column("Rate this quarter", "rate"),
            Column("Young people, year to date", "count", "contacts", from_data=False),
            Column("Rate, year to date", "rate", from_data=False),
        ]
        end = ret.period.end
        note += (
            f" The benchmarks are for a year, so the year to date (April {ret.period.year} to "
            f"{calendar_month(end.month)} {end.year}) is measured against them, not the quarter."
        )
        if measured is None:
            note += (
                " The year to date's figures are not to hand (a unit's return of it is "
                "missing), so it is not measured."
            )
    return Table(
        "Reach against the REYS benchmarks",
        [*columns, Column(BENCHMARK, "rate")],
        rows,
        label_heading="Measure",
        note=note,
        words=(Words(VERDICT, (len(columns) - 1,)),),
    )


def breakdown_table(
    ret: Return,
    config: TrustConfig,
    title: str,
    breakdown: catalogue.Breakdown,
    columns: list[Column],
    *,
    rate: tuple[str, str] | None = None,
) -> Table:
    """One row per category of a breakdown, one column per measure, and a total row."""
    rows = []
    for category in breakdown.categories(config):
        values: list[int | float | None] = [
            ret.value(c.measure, breakdown.code, category) for c in columns if c.measure
        ]
        if rate:
            values.append(rate_of(ret, rate, breakdown.code, category))
        rows.append(Row(breakdown.category_label(config, category), values))
    total: list[int | float | None] = [ret.value(c.measure) for c in columns if c.measure]
    if rate:
        total.append(rate_of(ret, rate, "", ""))
    rows.append(Row("All", total, is_total=True))
    return Table(
        title,
        columns,
        rows,
        label_heading=breakdown.label,
        additive=breakdown.additive,
        note="" if breakdown.additive else "A record can count in more than one row.",
    )


def rate_of(ret: Return, rate: tuple[str, str], breakdown: str, category: str) -> float | None:
    part, whole = (ret.value(code, breakdown, category) for code in rate)
    return part / whole if whole else None


def breakdown_tables(ret: Return, config: TrustConfig) -> list[Table]:
    people = [
        measure_column("attendances"),
        measure_column("contacts", "Contacts"),
        measure_column("participants"),
        measure_column("recorded_outcomes", "Recorded outcomes"),
        measure_column("accredited_outcomes", "Accredited outcomes"),
    ]
    tables = [
        breakdown_table(ret, config, b.title or f"Young people by {b.label.lower()}", b, people)
        for b in catalogue.PROFILE
    ]
    tables.append(
        breakdown_table(
            ret,
            config,
            "Delivery by activity category",
            catalogue.CATEGORY,
            [
                measure_column("sessions"),
                measure_column("contact_minutes", "Contact hours"),
                measure_column("attendances"),
            ],
        )
    )
    tables.append(
        breakdown_table(
            ret,
            config,
            "Reach by ECM outcome",
            catalogue.ECM,
            [
                measure_column("sessions"),
                measure_column("attendances"),
                measure_column("contacts", "Contacts"),
                measure_column("participants"),
                measure_column("case_studies"),
            ],
        )
    )
    tables.append(
        breakdown_table(
            ret,
            config,
            "Accredited outcomes by award",
            catalogue.ACCREDITATION,
            [measure_column("accredited_outcomes", "Awards gained")],
        )
    )
    tables.append(
        breakdown_table(
            ret,
            config,
            "Partners by type",
            catalogue.PARTNER_TYPE,
            [
                measure_column("partners_engaged", "Engaged"),
                measure_column("contribution_staff_minutes", "Staff hours"),
                measure_column("contribution_money_pence", "Money"),
                measure_column("contribution_in_kind_pence", "In kind"),
                measure_column("contact_log_entries", "Contacts"),
                measure_column("meeting_places", "Meeting places"),
                measure_column("meeting_present", "Present"),
                Column("Attendance", "rate"),
            ],
            rate=("meeting_present", "meeting_places"),
        )
    )
    tables.append(
        breakdown_table(
            ret,
            config,
            "Voice of young people",
            catalogue.VOICE_METHOD,
            [
                measure_column("voice_entries", "Times heard"),
                measure_column("voice_changes", "Changes made"),
            ],
        )
    )
    tables.append(
        breakdown_table(
            ret,
            config,
            "Small-budget spending",
            catalogue.PURPOSE,
            [measure_column("spend_items", "Payments"), measure_column("spend_pence", "Spent")],
        )
    )
    return tables


def missing_partner_types(ret: Return, config: TrustConfig) -> list[str]:
    """Statutory partner types with no partner engaged in the period: the "missing partners"
    a board asks about."""
    return [
        p.name
        for p in config.partner_types
        if p.statutory and not ret.value("partners_engaged", "partner_type", p.code)
    ]

"""The comparison of the constituents in the PDF of a consolidated return: every locality of
the district is listed, a missing one as missing, with its own figures and rates; the total
row is the district's return; a publication copy hides small numbers there as everywhere."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from itertools import count

import pytest

from tests.returns.conftest import made_up_return
from tests.returns.test_pdf import pages, pdf_bytes
from tests.returns.test_suppression import all_tables, consistent_return, equations, worked_out
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.returns.model import Constituent, PartnerLine, Return
from trustdesk.returns.pdf_comparison import RATES, compare
from trustdesk.returns.suppression import is_small, publication_cells

DISTRICT = "EST"
MISSING = "EST-UTT"
STATUSES = {
    "EST-BTC": ("accepted", 2),
    "EST-BNO": ("accepted", 1),
    "EST-BSO": ("received", 1),
    "EST-UTT": ("missing", None),
    "EST-TUT": ("queried", 3),
    "EST-BAR": ("accepted", 4),
}
SECTION = "Comparison of the localities"


def unit_return(trust: TrustConfig, code: str, seed: int, **figures: int) -> Return:
    """A made-up return of a locality (or district) with the configuration's 13-19
    population and the given totals."""
    ret = made_up_return(trust, seed=seed, unit_code=code)
    ret.figures[("population_13_19", "", "")] = trust.unit(code).population_13_19 or 0
    ret.figures.update({(m, "", ""): v for m, v in figures.items()})
    return ret


def consolidated(trust: TrustConfig, code: str, parts: list[Return], statuses: dict) -> Return:
    """A unit's return added up from its children's, with a constituent for every child:
    missing where there is no part, else with the status and revision ``statuses`` gives it
    (accepted revision 1 if it gives none)."""
    figures: Counter = Counter()
    for part in parts:
        figures.update(part.figures)
    unit = trust.unit(code)
    by_code = {part.unit_code: part for part in parts}
    constituents = []
    for child in trust.children(code):
        default = ("accepted", 1) if child.code in by_code else ("missing", None)
        status, revision = statuses.get(child.code, default)
        part = by_code.get(child.code)
        constituents.append(
            Constituent(
                child.code,
                part.return_id if part else "",
                revision,
                part.fingerprint if part else "",
                status,
            )
        )
    base = parts[0]
    return dataclasses.replace(
        base,
        unit_code=unit.code,
        unit_name=unit.name,
        unit_level=unit.level,
        parent_code=unit.parent_code,
        figures=dict(figures),
        constituents=constituents,
        parts=parts,
        case_studies=[],
        voice=[],
        partners=[],
    )


def district_return(trust: TrustConfig) -> Return:
    parts = [
        unit_return(trust, child.code, seed)
        for seed, child in enumerate(trust.children(DISTRICT), start=20)
        if child.code != MISSING
    ]
    # Burton North: distinctive key figures, and 3 young people reached.
    parts[1] = unit_return(
        trust,
        "EST-BNO",
        41,
        sessions=1234,
        contact_minutes=6150,  # 102.5 hours
        attendances=987,
        contacts=3,
        participants=144,
        participants_recorded_outcome=72,  # 50% of the participants
        participants_accredited_outcome=36,  # 25%
    )
    return consolidated(trust, DISTRICT, parts, STATUSES)


@pytest.fixture
def district(trust: TrustConfig) -> Return:
    return district_return(trust)


def section_lines(text: str) -> list[str]:
    """The lines of the comparison section, up to the next section."""
    start = text.index(SECTION)
    end = text.index("Figures in detail", start)
    return [line.strip() for line in text[start:end].splitlines()]


def row_after(lines: list[str], label: str, n: int, start: int = 0) -> list[str]:
    """The n cells after a row label (pypdf gives a table's cells one per line), skipping the
    line under the name that says how the return stands."""
    i = lines.index(label, start)
    return lines[i + 2 : i + 2 + n]


def test_every_locality_is_listed_in_configuration_order_with_its_return_state(
    district, trust
) -> None:
    lines = section_lines("\n".join(pages(pdf_bytes(district, trust))))
    names = [child.name for child in trust.children(DISTRICT)]
    assert "Burton North (Horninglow and Stretton)" in names
    where = [lines.index(name) for name in names]
    assert where == sorted(where)
    assert lines[lines.index("Burton Town") + 1] == "accepted \u00b7 revision 2"
    assert lines[lines.index("Uttoxeter") + 1] == "missing: no return yet"
    assert lines[lines.index("Tutbury and Rolleston") + 1] == "queried \u00b7 revision 3"


def test_the_missing_locality_is_said_to_be_missing_not_shown_as_zeros(district, trust) -> None:
    text = "\n".join(pages(pdf_bytes(district, trust)))
    words = " ".join(section_lines(text))
    assert "No return yet from Uttoxeter." in words
    assert "Received but not yet accepted: Burton South (Stapenhill and Winshill)." in words
    assert "Queried, waiting for an answer: Tutbury and Rolleston." in words
    assert "Returns accepted: 3 of the 6 localities." in words
    lines = section_lines(text)
    assert row_after(lines, "Uttoxeter", 5) == ["\u2013"] * 5
    assert "0" not in row_after(lines, "Uttoxeter", 5)


def test_a_locality_shows_its_own_figures_and_rates(district, trust) -> None:
    lines = section_lines("\n".join(pages(pdf_bytes(district, trust))))
    name = "Burton North (Horninglow and Stretton)"
    assert row_after(lines, name, 5) == ["1,234", "102.5", "987", "3", "144"]
    rates = lines.index("Rates of each locality")
    population, _, _, recorded, accredited, _ = row_after(lines, name, 6, rates)
    assert population == "2,100"
    assert (recorded, accredited) == ("50%", "25%")


def test_the_total_row_is_the_district_return_with_rates_from_its_own_figures(
    district, trust
) -> None:
    lines = section_lines("\n".join(pages(pdf_bytes(district, trust))))
    total = "East Staffordshire (total)"
    i = lines.index(total)
    v = district.value
    assert lines[i + 1 : i + 6] == [
        f"{v('sessions'):,}",
        f"{v('contact_minutes') / 60:,.1f}",
        f"{v('attendances'):,}",
        f"{v('contacts'):,}",
        f"{v('participants'):,}",
    ]
    j = lines.index(total, i + 1)
    recorded = v("participants_recorded_outcome") / v("participants")
    assert lines[j + 1] == f"{v('population_13_19'):,}" == "8,700"  # Uttoxeter's 1,700 missing
    assert lines[j + 4] == f"{recorded:.0%}"
    # not the average of the localities' rates
    shares = [
        p.value("participants_recorded_outcome") / p.value("participants") for p in district.parts
    ]
    assert f"{sum(shares) / len(shares):.0%}" != f"{recorded:.0%}"


def test_a_chart_compares_the_reach_of_the_localities(district, trust) -> None:
    """Against the yearly benchmark for a year's return; a quarter's reach is not set
    against a year's benchmark (every locality would look as if it were failing)."""
    text = "\n".join(pages(pdf_bytes(district, trust)))
    chart = text[text.index("Reach of each locality") :]
    assert "REYS benchmark" not in chart
    assert "a quarter's reach is not drawn against it" in " ".join(chart.split())
    assert "missing" in chart.splitlines()
    year = dataclasses.replace(district, period=Period.parse("2026-27"))
    text = "\n".join(pages(pdf_bytes(year, trust)))
    chart = text[text.index("Reach of each locality") :]
    assert "REYS benchmark 25% a year" in chart
    assert "missing" in chart.splitlines()


def test_the_publication_copy_hides_a_locality_figure_of_3(district, trust) -> None:
    full = section_lines("\n".join(pages(pdf_bytes(district, trust))))
    public = section_lines("\n".join(pages(pdf_bytes(district, trust, publication=True))))
    name = "Burton North (Horninglow and Stretton)"
    assert row_after(full, name, 5)[3] == "3"
    sessions, hours, attendances, contacts, participants = row_after(public, name, 5)
    assert contacts == "<5"
    assert (sessions, hours, attendances, participants) == ("1,234", "102.5", "987", "144")
    # and it cannot be worked out from the total: another locality's contacts are hidden too
    names = [child.name for child in trust.children(DISTRICT) if child.code != MISSING]
    hidden = [n for n in names if row_after(public, n, 5)[3] == "<5"]
    total = public[public.index("East Staffordshire (total)") + 4]
    assert len(hidden) >= 2 or total == "<5"


def test_a_locality_return_has_no_comparison(trust) -> None:
    text = "\n".join(pages(pdf_bytes(made_up_return(trust), trust)))
    assert "Comparison of the" not in text
    assert "Key figures of each" not in text


# Suppression across a whole consolidated return, by the reader of test_suppression.py.


def consistent_district(trust: TrustConfig, seed: int) -> Return:
    """A district whose returns from 2 to 5 of its 6 localities have consistent, mostly
    small figures; the other localities' returns are missing."""
    rng = random.Random(seed)
    children = trust.children(DISTRICT)
    missing = {c.code for c in rng.sample(children, rng.randint(1, 4))}
    parts = []
    for i, child in enumerate(children):
        if child.code in missing:
            continue
        part = consistent_return(trust, seed * 10 + i)
        part.unit_code, part.unit_name = child.code, child.name
        part.figures[("population_13_19", "", "")] = child.population_13_19 or 0
        parts.append(part)
    return consolidated(trust, DISTRICT, parts, {})


def comparison_equations(compared, t_numerators: int):
    """A rate and what it divides by give its count back: the reader knows every count whose
    rate is shown, and that the localities' counts add up to the reach table's."""
    total = compared.total_row
    for j in range(len(RATES)):
        parts = [(t_numerators, (r, j)) for r in range(total) if compared.units[r].part]
        yield (-2, (j, 0)), parts


@pytest.mark.parametrize("seed", range(60))
def test_nothing_hidden_in_the_comparison_can_be_worked_out(trust, seed) -> None:
    ret = consistent_district(trust, seed)
    compared = compare(ret, trust)
    headline, reach, breakdowns, labels = all_tables(ret, trust)
    tables = [*breakdowns, compared.counts]
    head, reach_hidden, hidden = publication_cells(headline, reach, tables, labels)
    rates_hidden = compared.rate_cells(hidden[-1], reach, reach_hidden)
    t_numerators = len(tables)
    value, cells = {}, set()
    shown = [(-1, headline, head), (-2, reach, reach_hidden), *zip(count(), tables, hidden)]
    for t, table, h in shown:
        for r, row in enumerate(table.rows):
            for c, v in enumerate(row.values):
                value[(t, (r, c))] = v
                if (r, c) in h and table.unit_of(row, c) != "rate":
                    cells.add((t, (r, c)))
    # A count behind a rate is protected where suppression hid it. The reader knows the
    # others where their rate is shown, and is told every zero (more than they know: a rate
    # hidden because its denominator is can hide a zero, which the reader's rules would take
    # for 1 to 4). The rest (a rate with nothing to divide by, or hidden for its denominator)
    # the reader cannot know, but they are not protected.
    protected = compared.numerator_cells(reach, reach_hidden)
    unknown = set()
    for r, row in enumerate(compared.numerators.rows):
        for j, v in enumerate(row.values):
            value[(t_numerators, (r, j))] = v
            if not v:
                continue
            if (r, j) in protected:
                assert (r, j + 1) in rates_hidden or compared.rates.rows[r].values[j + 1] is None
                cells.add((t_numerators, (r, j)))
            elif (r, j + 1) in rates_hidden or compared.rates.rows[r].values[j + 1] is None:
                unknown.add((t_numerators, (r, j)))
    eqs = [
        *equations(headline, reach, tables, labels),
        *comparison_equations(compared, t_numerators),
    ]
    known = worked_out(eqs, value, cells | unknown) - unknown
    assert known == set(), known
    # every small count of a locality is hidden, and every rate worked out from one
    for r, row in enumerate(compared.counts.rows):
        for c, v in enumerate(row.values):
            if compared.counts.disclosive(row, c) and is_small(v):
                assert (r, c) in hidden[-1]
    for r, row in enumerate(compared.numerators.rows):
        for j, v in enumerate(row.values):
            if is_small(v) and compared.rates.rows[r].values[j + 1] is not None:
                assert (r, j + 1) in rates_hidden


def test_a_county_compares_its_eight_districts(trust) -> None:
    parts = [unit_return(trust, d.code, seed) for seed, d in enumerate(trust.children("STAFFS"))]
    county = consolidated(trust, "STAFFS", parts, {})
    text = "\n".join(pages(pdf_bytes(county, trust)))
    lines = [line.strip() for line in text.splitlines()]
    assert "Comparison of the districts" in lines
    assert "The returns of all 8 districts are in and accepted." in " ".join(lines)
    for district in trust.children("STAFFS"):
        assert lines.count(district.name) >= 3  # key figures, rates and chart


def test_a_return_read_from_a_file_lists_the_states_without_figures(district, trust) -> None:
    read_back = dataclasses.replace(district, parts=[])
    text = "\n".join(pages(pdf_bytes(read_back, trust)))
    words = " ".join(section_lines(text))
    assert "No return yet from Uttoxeter." in words
    assert "not in this copy of the return" in words
    assert "Key figures of each locality" not in text


# The texts and partners of a consolidated return name the unit they came from.

STATUTORY = ("council", "youth", "school", "health", "police", "fire", "fe", "connexions", "jcp")
STATUTORY += ("yot",)


def with_texts_and_partners(trust: TrustConfig, ret: Return) -> Return:
    """``ret`` carrying its parts' texts, each case study titled after its locality, a partner
    line for each part, and every statutory partner type engaged in every part but those
    ``lacking`` gives: Burton Town has no Jobcentre Plus and no Police partner, which Burton
    North has two of each (so the district, added up, has some)."""
    lacking = {"EST-BTC": ("jcp", "police")}
    for part in ret.parts:
        name = trust.unit(part.unit_code).name
        part.case_studies = [
            dataclasses.replace(c, title=f"Study of {name}") for c in part.case_studies
        ]
        part.voice = [dataclasses.replace(v, who=f"Forum of {name}") for v in part.voice]
        part.partners = [
            PartnerLine(f"Partner of {name}", "school", 90, 1000, 0, 1, 2, 3, part.unit_code)
        ]
        for code in STATUTORY:
            engaged = 0 if code in lacking.get(part.unit_code, ()) else 1
            part.figures[("partners_engaged", "partner_type", code)] = engaged
    bno = next(p for p in ret.parts if p.unit_code == "EST-BNO")
    bno.figures[("partners_engaged", "partner_type", "jcp")] = 2
    bno.figures[("partners_engaged", "partner_type", "police")] = 2
    figures: Counter = Counter()
    for part in ret.parts:
        figures.update(part.figures)
    return dataclasses.replace(
        ret,
        figures=dict(figures),
        case_studies=[c for p in ret.parts for c in p.case_studies],
        voice=[v for p in ret.parts for v in p.voice],
        partners=[line for p in ret.parts for line in p.partners],
    )


def words_of(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines())


def test_each_text_of_a_district_names_its_locality(district, trust) -> None:
    text = words_of("\n".join(pages(pdf_bytes(with_texts_and_partners(trust, district), trust))))
    for part in district.parts:
        name = trust.unit(part.unit_code).name
        # The case study's title, then its line of facts led by the locality's name.
        assert f"Study of {name} {name} \u00b7 12 May 2026" in text
        assert f"{name} \u00b7 20 April 2026 \u00b7 Youth forum \u00b7 Forum of {name}" in text
        # Its partners under a heading of its name.
        assert f"{name} Partner and type" in text
        assert f"Partner of {name}" in text


def test_a_locality_pdf_names_no_locality_next_to_its_texts(trust) -> None:
    text = words_of("\n".join(pages(pdf_bytes(made_up_return(trust), trust))))
    assert "Food growing at Chase Terrace 12 May 2026 \u00b7 ECM outcomes" in text
    assert "Partner and type" not in text  # no partners: no section, as before


def test_missing_statutory_partners_are_listed_per_locality_not_from_the_sum(
    district, trust
) -> None:
    ret = with_texts_and_partners(trust, district)
    assert ret.value("partners_engaged", "partner_type", "jcp") > 0  # the sum hides it
    for publication in (False, True):
        text = words_of("\n".join(pages(pdf_bytes(ret, trust, publication=publication))))
        section = text[text.index("Missing partners") :]
        assert "Burton Town: no Police, no Jobcentre Plus" in section
        assert "Every other locality engaged every statutory partner type." in section
        assert "No return yet from Uttoxeter: its partners are not known." in section
        assert "Uttoxeter: no" not in section
        assert "Burton North" not in section.split("Case studies")[0]


def test_a_county_names_the_district_and_locality_of_each_text(district, trust) -> None:
    east = with_texts_and_partners(trust, district)
    parts = [east] + [
        unit_return(trust, d.code, seed)
        for seed, d in enumerate(trust.children("STAFFS"))
        if d.code != DISTRICT
    ]
    county = dataclasses.replace(
        consolidated(trust, "STAFFS", parts, {}),
        case_studies=east.case_studies,
        voice=east.voice,
        partners=east.partners,
    )
    text = words_of("\n".join(pages(pdf_bytes(county, trust))))
    assert "Study of Burton Town Burton Town, East Staffordshire \u00b7 12 May 2026" in text
    # The county's partners: East Staffordshire's by type, five of them schools.
    assert "East Staffordshire Partner type" in text
    assert "Partner of Burton Town" not in text
    assert "East Staffordshire: no" not in text  # the district, added up, lacks none

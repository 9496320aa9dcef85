"""The REYS benchmarks: in the configuration, measured only against a year's or a year to
date's figures, and met or not met in words and colour in the PDF, the workbook and the
window's table."""

from __future__ import annotations

import dataclasses
import io

import openpyxl
import pytest

from tests.returns.conftest import made_up_return
from tests.returns.test_pdf import pages
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.returns.benchmarks import COLOURS, MET, NOT_MET, benchmarks, verdict
from trustdesk.returns.model import Constituent, PartnerLine
from trustdesk.returns.pdf import write_pdf
from trustdesk.returns.tables import BENCHMARK, VERDICT, headline_table, reach_table
from trustdesk.returns.workbook import SUMMARY, write_workbook

YEAR = Period.parse("2026-27")


def test_the_benchmarks_are_the_configurations(tmp_path):
    trust = load_trust_config(example_trust_path())
    assert benchmarks(trust) == {
        "contacts": 0.25, "participants": 0.15, "recorded": 0.60, "accredited": 0.30
    }  # fmt: skip
    text = (
        example_trust_path()
        .read_text(encoding="utf-8")
        .replace("participants = 15 ", "participants = 12.5 ")
    )
    (tmp_path / "trust.toml").write_text(text, encoding="utf-8")
    assert benchmarks(load_trust_config(tmp_path / "trust.toml"))["participants"] == 0.125


@pytest.mark.parametrize(
    ("rate", "expected"),
    [(0.25, MET), (0.2451, MET), (0.2449, NOT_MET), (0.08, NOT_MET), (0.9, MET), (None, "")],
)
def test_a_rate_meets_its_benchmark_as_the_reader_sees_it(rate, expected):
    """24.51% is shown as 25% and meets 25%; 24.49% is shown as 24% and does not."""
    assert verdict(rate, 0.25) == expected


def _reach(ret, trust) -> dict[str, tuple[list, str]]:
    table = reach_table(ret, trust)
    return {row.label: (row.values, row.words[0]) for row in table.rows}


def test_a_year_is_measured_against_the_benchmarks(trust):
    ret = dataclasses.replace(made_up_return(trust), period=YEAR)
    table = reach_table(ret, trust)
    assert [c.heading for c in table.columns] == ["Young people", "Rate", BENCHMARK]
    assert [w.heading for w in table.words] == [VERDICT]
    rates = ret.reach_rates(["13-15", "16-19"])
    rows = _reach(ret, trust)
    assert rows["Participants aged 13-19"][0][2] == 0.15  # the participation benchmark is there
    for (label, (values, said)), rate in zip(rows.items(), rates.values(), strict=True):
        assert values[1] == rate, label
        assert said == verdict(rate, values[2]) != "", label


def test_a_quarter_shows_its_year_to_date_and_only_that_is_measured(trust):
    """A quarter's reach is a quarter of a year's: Burntwood's "8% against 25%" looked like
    failing. The quarter's own rates are shown, and the year to date's are measured."""
    quarter = made_up_return(trust)
    assert quarter.period.is_quarter
    to_date = dataclasses.replace(quarter, period=Period.year_to(quarter.period))
    to_date.figures = {k: v * 3 for k, v in quarter.figures.items()}
    to_date.figures[("population_13_19", "", "")] = quarter.value("population_13_19")
    quarter.year_to_date = to_date
    table = reach_table(quarter, trust)
    assert [c.heading for c in table.columns] == [
        "Young people this quarter", "Rate this quarter", "Young people, year to date",
        "Rate, year to date", BENCHMARK,
    ]  # fmt: skip
    contacts = table.rows[0]
    own, ytd = quarter.reach_rates(["13-15", "16-19"]), to_date.reach_rates(["13-15", "16-19"])
    assert contacts.values[1] == own["contacts"] and contacts.values[3] == ytd["contacts"]
    assert contacts.words[0] == verdict(ytd["contacts"], 0.25)
    assert "year to date" in table.note and "not the quarter" in table.note
    # Without its year to date to hand, a quarter is not measured at all.
    quarter.year_to_date = None
    assert {row.words[0] for row in reach_table(quarter, trust).rows} == {""}
    assert "not to hand" in reach_table(quarter, trust).note


def test_met_and_not_met_are_in_words_and_colour_in_the_pdf_and_the_workbook(trust, tmp_path):
    ret = dataclasses.replace(made_up_return(trust), period=YEAR)
    ret.figures[("population_13_19", "", "")] = 1_000_000  # reach far below 25% and 15%
    said = {row.label: row.words[0] for row in reach_table(ret, trust).rows}
    assert set(said.values()) == {MET, NOT_MET}, said  # both show in this return

    buffer = io.BytesIO()
    write_pdf(ret, trust, buffer)
    text = "\n".join(pages(buffer.getvalue()))
    lines = [line.strip() for line in text.splitlines()]
    lines = lines[lines.index("Reach against the REYS benchmarks") :]
    for label, words in said.items():
        row = lines[lines.index(label) :][:5]  # pypdf gives a table's cells one per line
        assert row[-1] == words, row

    path = tmp_path / "year.xlsx"
    write_workbook(ret, trust, path)
    ws = openpyxl.load_workbook(path)[SUMMARY]
    title = next(c.row for c in ws["A"] if c.value == "Reach against the REYS benchmarks")
    heading = [c.value for c in ws[title + 1]]
    column = heading.index(VERDICT) + 1
    for row in range(title + 2, title + 6):
        cell = ws.cell(row, column)
        assert cell.value == said[ws.cell(row, 1).value]
        ink, fill = COLOURS[cell.value]
        assert cell.font.color.rgb.endswith(ink.lstrip("#"))
        assert cell.fill.fgColor.rgb.endswith(fill.lstrip("#"))


def test_a_consolidated_return_says_how_people_and_organisations_are_counted(trust):
    """Partners engaged adds up the localities' counts; the note also counts each
    organisation once, by its type and its name however it was written."""
    district = dataclasses.replace(made_up_return(trust), unit_level="district")
    assert headline_table(district).note == ""  # a locality's own return
    line = PartnerLine("St. Mary's C of E School", "school", 0, 0, 0, 1, 1, 0, "EST-BTC")
    district.partners = [
        line,
        dataclasses.replace(line, name="st marys  c of e school", unit_code="EST-BNO"),
        dataclasses.replace(line, name="St Mary’s C of E School", unit_code="EST-BSO"),
        dataclasses.replace(line, name="Gŵyl Łódź Youth Club", partner_type="youth"),
        dataclasses.replace(
            line, name="Gwyl Lodz Youth Club", partner_type="youth", unit_code="EST-UTT"
        ),
        dataclasses.replace(line, name="Gwyl Lodz Youth Club", partner_type="vcs"),
    ]
    district.figures[("partners_engaged", "", "")] = 6
    district.constituents = [Constituent("EST-BTC", "r", 1, "f", "accepted")]
    note = " ".join(headline_table(district).note.split())
    assert "a young person active in two localities is counted in each" in note
    assert "3 different partner organisations were engaged, against 6 added up" in note

"""Trends and the first page's comparisons: every return is read beside the quarters and
years before it, each period's figures being that period's own return (young people counted
once in a period), and a district or county compares its units over the quarters."""

from __future__ import annotations

import datetime as dt
import io
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import DEMO_DAY
from tests.returns.test_pdf import pages
from trustdesk.config.periods import Period
from trustdesk.returns import numbers
from trustdesk.returns.compute import compute_return, compute_to_read
from trustdesk.returns.export import export_return
from trustdesk.returns.pdf import write_pdf
from trustdesk.returns.suppression import HIDDEN, suppressed_cells
from trustdesk.returns.tables import headline_table
from trustdesk.returns.trends import QUARTERS_TITLE, YEARS_TITLE, trend_tables, unit_tables
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.young_people import add_young_person
from trustdesk.store.migrate import open_workspace

Q2 = Period.parse("2026-27Q2")


@pytest.mark.parametrize(
    ("unit", "now", "before", "said"),
    [
        ("count", 112, 100, "\u25b2 up 12%"),
        ("count", 95, 100, "\u25bc down 5%"),
        ("count", 100, 100, "= no change"),
        ("count", 5, 0, "\u25b2 up from 0"),
        ("count", 0, 7, "\u25bc down 100%"),
        ("count", 1001, 1000, "\u25b2 up under 1%"),
        ("count", 1005, 1000, "\u25b2 up 1%"),  # 0.5% rounds up, as the figures do
        ("minutes", 1514, 1512, "= no change"),  # both read 25.2 hours
        ("rate", Fraction(57, 100), Fraction(69, 100), "\u25bc down 12 points"),
        ("rate", 0.124, 0.123, "= no change"),  # both read 12%
        ("rate", 0.5, 0.49, "\u25b2 up 1 point"),
        ("count", 3, None, ""),
        ("rate", None, 0.5, ""),
    ],
)
def test_a_change_reads_in_an_arrow_and_words(unit, now, before, said) -> None:
    assert numbers.change(unit, now, before) == said


def _club_with(session, days: list[str], people: int = 1) -> None:
    club = create_activity(
        session, title="Youth club", category="youth-work", start_date="2025-04-01",
        ecm_outcomes=["enjoy"],
    ).id  # fmt: skip
    ids = [
        add_young_person(session, first_name=f"P{n}", age_band="13-15", gender="male").id
        for n in range(people)
    ]
    for day in days:
        held = add_session(
            session, activity_id=club, date=day, start_time="18:00", end_time="20:00"
        )
        set_register(session, session_id=held.id, young_person_ids=ids)
    session.commit()


@pytest.mark.today(dt.date(2026, 12, 20))
def test_the_trend_starts_at_the_first_period_with_figures_and_counts_each_period_once(workspace):
    """Records from Q4 2025-26: the quarter trend of Q2 2026-27 runs Q4 2025-26 to Q2 2026-27
    (no leading quarters of zeros), each column is that quarter's own return, and the year
    column counts the same young person once however many quarters they came in."""
    with workspace.session() as s:
        _club_with(s, ["2026-02-02", "2026-05-04", "2026-08-03", "2026-08-10"], people=3)
    with workspace.session() as s:
        ret = compute_to_read(s, Q2)
        by_quarter, by_year = trend_tables(ret)
        own = {p: compute_return(s, p) for p in (Period.parse("2025-26Q4"), Q2.previous())}
    assert [c.heading for c in by_quarter.columns] == ["Q4 2025-26", "Q1 2026-27", "Q2 2026-27"]
    assert [c.heading for c in by_year.columns] == ["2025-26", "2026-27 to Sep"]
    rows = {row.label: row.values for row in by_quarter.rows}
    assert rows["Sessions"] == [1, 1, 2]
    assert rows["Young people reached (contacts)"] == [3, 3, 3]
    assert rows["Attendances"][:2] == [own[p].value("attendances") for p in own]
    years = {row.label: row.values for row in by_year.rows}
    assert years["Young people reached (contacts)"] == [3, 3]  # once each year, not 3 + 3
    assert years["Sessions"] == [1, 3]
    # The first page compares with the quarter before and with Q2 2025-26, which has nothing.
    assert ret.history is not None and ret.history.a_year_earlier is None
    headline = headline_table(ret)
    assert [c.heading for c in headline.columns] == ["This quarter", "Q1 2026-27"]
    assert [w.heading for w in headline.words] == ["Against the quarter before"]
    sessions = next(r for r in headline.rows if r.label == "Sessions")
    assert sessions.values == [2, 1] and sessions.words == ["\u25b2 up 100%"]


@pytest.mark.today(dt.date(2026, 12, 20))
def test_a_new_workspace_has_no_comparisons_and_no_year_trend(workspace):
    with workspace.session() as s:
        _club_with(s, ["2026-08-03"])
    with workspace.session() as s:
        ret = compute_to_read(s, Q2)
    assert [t.title for t in trend_tables(ret)] == [QUARTERS_TITLE]  # one year repeats Q2
    assert [c.heading for c in trend_tables(ret)[0].columns] == ["Q2 2026-27"]
    assert [c.heading for c in headline_table(ret).columns] == ["This quarter"]
    assert headline_table(ret).words == ()


@pytest.mark.today(dt.date(2026, 12, 20))
def test_a_publication_copy_hides_small_numbers_in_the_trends(trust, workspace) -> None:
    """Three young people in a quarter is a count from 1 to 4: hidden in the trend table of
    a publication copy, as in the return's own tables, and shown in the full copy."""
    with workspace.session() as s:
        _club_with(s, ["2026-05-04", "2026-08-03"], people=3)
        ret = compute_to_read(s, Q2)
    table = trend_tables(ret)[0]
    contacts = next(r for r, row in enumerate(table.rows) if row.measure == "contacts")
    assert (contacts, 0) in suppressed_cells(table)
    full, public = io.BytesIO(), io.BytesIO()
    write_pdf(ret, trust, full)
    write_pdf(ret, trust, public, publication=True)
    for data, shown in ((full.getvalue(), "3"), (public.getvalue(), HIDDEN)):
        text = "\n".join(pages(data))
        lines = text[text.index(QUARTERS_TITLE) :].splitlines()  # a line a table cell
        at = lines.index("Young people reached (contacts)")
        assert lines[at + 1 : at + 3] == [shown, shown], lines[at : at + 3]


@pytest.mark.today(DEMO_DAY)
def test_the_exported_files_carry_the_trends_and_the_comparisons(demo_of, tmp_path: Path):
    """The large demo's Q2 2026-27: the PDF's trend page and the workbook's Trends sheet show
    the last eight quarters and three years, and the first page sets the quarter beside Q1
    2026-27 and Q2 2025-26 with how each figure changed."""
    with open_workspace(demo_of("large")) as workspace, workspace.session() as session:
        result = export_return(session, Q2, tmp_path)
        session.rollback()  # the demo is shared
        quarters = [compute_return(session, q) for q in (Period.parse("2024-25Q3"), Q2.previous())]
    files = {p.suffix: p for p in result.paths}
    book = openpyxl.load_workbook(files[".xlsx"])
    assert book.sheetnames[0] == "Summary" and book.sheetnames[-1] == "Trends"
    cells = [[c.value for c in row] for row in book["Trends"].iter_rows()]
    heads = next(row for row in cells if row[1] == "Q3 2024-25")
    assert heads[1:9] == [
        "Q3 2024-25", "Q4 2024-25", "Q1 2025-26", "Q2 2025-26",
        "Q3 2025-26", "Q4 2025-26", "Q1 2026-27", "Q2 2026-27",
    ]  # fmt: skip
    contacts = next(row for row in cells if row[0] == "Young people reached (contacts)")
    assert contacts[1] == quarters[0].value("contacts")
    assert contacts[7] == quarters[1].value("contacts")
    assert contacts[8] == result.ret.value("contacts")
    assert any(row[0] == YEARS_TITLE for row in cells)
    text = "\n".join(pages(files[".pdf"].read_bytes()))
    first = " ".join(text[: text.index("Reach against")].split())  # headings wrap
    assert "Against the quarter before" in first and "Against a year before" in first
    assert "Q1 2026-27" in first and "Q2 2025-26" in first
    assert "\u25b2" in first or "\u25bc" in first
    assert "Trends" in text and QUARTERS_TITLE in text and YEARS_TITLE in text


@pytest.mark.today(DEMO_DAY)
def test_a_district_compares_its_localities_over_the_quarters(district_demo):
    """Lichfield's demo: a table a key figure, a row a locality and the district's total
    last, a column a quarter; each locality's figure is its own return's."""
    with open_workspace(district_demo) as workspace, workspace.session() as session:
        ret = compute_to_read(session, Q2)
        config = workspace.config
    tables = unit_tables(ret, config)
    assert [t.title for t in tables][:3] == [
        "Sessions by locality", "Attendances by locality",
        "Young people reached (contacts) by locality",
    ]  # fmt: skip
    assert tables[-1].title == "Partner attendance at meetings by locality"
    contacts = tables[2]
    quarters = [q.period.short_label for q in ret.history.quarters]  # from its first returns
    assert [c.heading for c in contacts.columns] == quarters and quarters[-1] == "Q2 2026-27"
    assert len(quarters) > 1
    assert [r.label for r in contacts.rows][-1] == "All"
    by_unit = {p.unit_code: p for p in ret.parts}
    for row, constituent in zip(contacts.rows, ret.constituents, strict=False):
        assert row.label == config.unit(constituent.unit_code).name
        part = by_unit.get(constituent.unit_code)
        assert row.values[-1] == (part.value("contacts") if part else None)
    assert contacts.rows[-1].values[-1] == ret.value("contacts")
    # The trend has a row of how many localities' returns each quarter adds up.
    by_quarter = trend_tables(ret)[0]
    added = next(r for r in by_quarter.rows if r.label == "Localities' returns added up")
    assert added.values[-1] == sum(c.status != "missing" for c in ret.constituents)


@pytest.mark.today(dt.date(2026, 12, 20))
def test_a_publication_copy_hides_a_small_earlier_figure_and_its_change(trust, workspace):
    """Three young people last quarter and six this: the first page of a publication copy
    shows the six, hides the three, and hides the change ("up 100%" would give it back)."""
    with workspace.session() as s:
        _club_with(s, ["2026-05-04"], people=3)
        _club_with(s, ["2026-08-03"], people=6)
        ret = compute_to_read(s, Q2)
    public = io.BytesIO()
    write_pdf(ret, trust, public, publication=True)
    lines = pages(public.getvalue())[0].splitlines()
    at = lines.index("Young people reached (contacts)")
    assert lines[at + 1 : at + 4] == ["6", HIDDEN, "*"], lines[at : at + 4]
    full = headline_table(ret)
    row = next(r for r in full.rows if r.measure == "contacts")
    assert row.values == [6, 3] and row.words == ["\u25b2 up 100%"]

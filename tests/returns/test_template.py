"""Done when: a blank return workbook for a locality without TrustDesk, filled in (by
openpyxl, and by LibreOffice), is imported by its district, counts in the district's
consolidation, and is marked "filled in by hand" in the district's return and in the
county's view of it; a figure that is not one, negative, or a breakdown that does not add up
is refused with a message naming the sheet, the row and the measure, and nothing is written.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func
from sqlmodel import SQLModel, select

from tests.conftest import DEMO_DAY
from tests.returns.hand_filled import fill_in, resaved_by_libreoffice, row_of, typed
from trustdesk.cli import main
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path
from trustdesk.errors import UserError
from trustdesk.ops import hand_returns
from trustdesk.ops import returns as returns_ops
from trustdesk.returns.completeness import completeness
from trustdesk.returns.compute import compute_return
from trustdesk.returns.model import Key
from trustdesk.returns.pdf_comparison import compare
from trustdesk.returns.reader import read_workbook
from trustdesk.returns.template import FIGURES
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.store.workspace import Workspace

pytestmark = pytest.mark.today(DEMO_DAY)
PERIOD = Period.parse("2026-27Q2")  # July to September 2026: over, and due by DEMO_DAY
LOCALITY, DISTRICT, COUNTY = "LIC-BUR", "LIC", "STAFFS"
HAND = ("LIC-BUR", "filled_in")


@pytest.fixture(scope="module")
def own_figures(demo_of) -> dict[Key, int]:  # noqa: ANN001  (the session's fixture)
    """Burntwood's figures for the quarter as its records make them: what its coordinator
    would have typed, had Burntwood no TrustDesk."""
    with open_workspace(demo_of("small")) as workspace, workspace.session() as session:
        return compute_return(session, PERIOD).figures


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / DISTRICT, DISTRICT, config_path=example_trust_path()) as ws:
        yield ws


def blank(district: Workspace, folder: Path) -> Path:
    made = hand_returns.make_template(district, LOCALITY, PERIOD, folder, today=DEMO_DAY)
    assert made.path == folder / f"{LOCALITY}_{PERIOD.code}_to_fill_in.xlsx"
    assert made.revision == 1
    return made.path


def rows_kept(workspace: Workspace) -> dict[str, int]:
    with workspace.session() as session:
        return {
            table.name: session.exec(select(func.count()).select_from(table)).one()
            for table in SQLModel.metadata.sorted_tables
        }


def test_the_blank_workbook_is_locked_but_for_its_yellow_cells(district: Workspace, tmp_path):
    path = blank(district, tmp_path)
    book = openpyxl.load_workbook(path)
    figures = book[FIGURES]
    assert book.sheetnames[0] == FIGURES and book.active.title == FIGURES
    assert figures.protection.sheet and not figures.protection.password
    assert book.security.lockStructure and not book.security.workbookPassword
    assert all(book[name].sheet_state == "hidden" for name in book.sheetnames[1:])
    row = row_of(path, ("attendances", "age_band", "13-15"))
    assert figures.cell(row, 4).protection.locked is False  # the yellow cell
    assert figures.cell(row, 3).protection.locked is not False  # its label
    kinds = {v.type for v in figures.data_validations.dataValidation}
    assert kinds == {"whole", "decimal"}
    first = row_of(path, ("attendances", "age_band", "u11"))
    assert str(figures.cell(first, 5).value).startswith("=IF(SUM(D")
    assert dict(book["Manifest"].iter_rows(values_only=True))["made_how"] == "filled_in"


def test_filled_in_it_is_counted_and_marked_up_to_the_county(
    district: Workspace, own_figures: dict[Key, int], tmp_path: Path
):
    path = fill_in(blank(district, tmp_path / "blank"), typed(own_figures))
    report = returns_ops.import_returns(district, [path], today=DEMO_DAY)
    (line,) = report.lines
    assert line.outcome == "imported"
    assert line.summary == (
        "imported: Burntwood (LIC-BUR), Q2 2026-27 (Jul\u2013Sep 2026), revision 1 "
        "(filled in by hand)"
    )
    with district.session() as session:
        cell = completeness(session, [PERIOD], DEMO_DAY).cell(LOCALITY, PERIOD)
    assert cell.in_hand and cell.made_how == "filled_in"

    # The district's return adds it up, and says how it was made.
    sent = returns_ops.export_return(district, PERIOD, tmp_path / "district", formats=["xlsx"])
    ret = sent.ret
    assert ret.value("sessions") == own_figures[("sessions", "", "")] > 0
    assert ret.value("contact_minutes") == own_figures[("contact_minutes", "", "")]
    burntwood = next(c for c in ret.constituents if c.unit_code == LOCALITY)
    assert burntwood.made_how == (HAND,)
    assert "Burntwood (filled in by hand)" in _summary_words(sent.paths[0])
    comparison = compare(ret, district.config)
    assert comparison is not None
    assert (
        "Made by hand, not counted by TrustDesk from records: Burntwood (filled in by hand)."
        in (comparison.state_in_words())
    )
    assert "filled in by hand" in next(u for u in comparison.units if u.name == "Burntwood").label

    # The county takes the district's return in and sees how Burntwood's was made.
    read = read_workbook(sent.paths[0], district.config)
    assert next(c for c in read.constituents if c.unit_code == LOCALITY).made_how == (HAND,)
    with create_workspace(tmp_path / COUNTY, COUNTY, config_path=example_trust_path()) as county:
        assert not returns_ops.import_returns(county, sent.paths, today=DEMO_DAY).any_refused
        county_return = returns_ops.export_return(
            county, PERIOD, tmp_path / "county", formats=["xlsx"]
        )
    lichfield = next(c for c in county_return.ret.constituents if c.unit_code == DISTRICT)
    assert lichfield.made_how == (HAND,)
    assert "Burntwood (filled in by hand)" in _summary_words(county_return.paths[0])
    compared = compare(county_return.ret, district.config)
    assert compared is not None
    assert (
        "includes returns made by hand"
        in next(u for u in compared.units if u.name == "Lichfield").label
    )


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_filled_in_and_saved_by_libreoffice_it_is_taken_in(
    district: Workspace, own_figures: dict[Key, int], tmp_path: Path
):
    typed_in = fill_in(blank(district, tmp_path / "blank"), typed(own_figures), tmp_path / "t.xlsx")
    path = resaved_by_libreoffice(typed_in, tmp_path / "libreoffice")
    checks = [
        row[4]
        for row in openpyxl.load_workbook(path, data_only=True)[FIGURES].iter_rows(values_only=True)
        if row[4] not in (None, "Check")
    ]
    worked_out = {"Adds up", "None above the total", "From the trust configuration"}
    assert checks and set(checks) <= worked_out  # the formulas were worked out
    report = returns_ops.import_returns(district, [path], today=DEMO_DAY)
    assert [line.outcome for line in report.lines] == ["imported"], report.lines[0].reason
    sent = returns_ops.export_return(district, PERIOD, tmp_path / "out", formats=["xlsx"])
    ret = sent.ret
    assert ret.value("attendances") == own_figures[("attendances", "", "")]
    assert ret.value("contact_minutes") == own_figures[("contact_minutes", "", "")]
    assert ret.value("spend_pence") == own_figures[("spend_pence", "", "")]
    assert next(c for c in ret.constituents if c.unit_code == LOCALITY).made_how == (HAND,)
    assert "Burntwood (filled in by hand)" in _summary_words(sent.paths[0])
    with create_workspace(tmp_path / COUNTY, COUNTY, config_path=example_trust_path()) as county:
        assert not returns_ops.import_returns(county, sent.paths, today=DEMO_DAY).any_refused
        county_return = returns_ops.export_return(
            county, PERIOD, tmp_path / "county", formats=["xlsx"]
        )
    lichfield = next(c for c in county_return.ret.constituents if c.unit_code == DISTRICT)
    assert lichfield.made_how == (HAND,)
    assert "Burntwood (filled in by hand)" in _summary_words(county_return.paths[0])


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        (
            ("sessions", "activity_category", "sport"),
            -2,
            "Figures sheet, row {row}, column D (Sessions by activity category: Sport and "
            "physical activity): -2 is negative; a figure is 0 or more.",
        ),
        (
            ("attendances", "gender", "female"),
            "twelve",
            "Figures sheet, row {row}, column D (Attendances by gender: Female): 'twelve' is "
            "not a number.",
        ),
        (
            ("contacts", "", ""),
            2.5,
            "Figures sheet, row {row}, column D (Young people reached (contacts)): 2.5 is not "
            "a whole number, and a count is.",
        ),
    ],
)
def test_a_figure_that_is_not_one_is_refused_and_nothing_is_written(
    district: Workspace,
    own_figures: dict[Key, int],
    tmp_path: Path,
    key: Key,
    value: object,
    problem: str,
):
    path = fill_in(blank(district, tmp_path), {**typed(own_figures), key: value})
    before = rows_kept(district)
    (line,) = returns_ops.import_returns(district, [path], today=DEMO_DAY).lines
    assert line.outcome == "refused"
    assert line.reason == (
        f"The return cannot be read: {problem.format(row=row_of(path, key))}\n"
        "Correct it on the Figures sheet (its yellow cells; the Check column shows a "
        "breakdown that does not add up), save the workbook and import it again."
    )
    assert rows_kept(district) == before


def test_a_breakdown_that_does_not_add_up_is_refused(
    district: Workspace, own_figures: dict[Key, int], tmp_path: Path
):
    figures = typed(own_figures)
    total = figures[("attendances", "", "")]
    path = fill_in(blank(district, tmp_path), {**figures, ("attendances", "", ""): total + 3})
    before = rows_kept(district)
    (line,) = returns_ops.import_returns(district, [path], today=DEMO_DAY).lines
    first = row_of(path, ("attendances", "recording", "register"))
    assert line.reason.splitlines()[0] == (
        f"The return cannot be read: Figures sheet, row {first}, column D (Attendances by how "
        f"recorded): the figures by how recorded add up to {total:,}, but the total is "
        f"{total + 3:,}."
    )
    assert rows_kept(district) == before


def test_a_blank_workbook_left_empty_is_refused(district: Workspace, tmp_path: Path):
    (line,) = returns_ops.import_returns(
        district, [blank(district, tmp_path)], today=DEMO_DAY
    ).lines
    assert line.reason.splitlines()[0] == (
        "The return to fill in by hand has no figure on its Figures sheet: every yellow cell "
        "is empty or 0."
    )


def test_the_command_line_writes_it_imports_it_and_says_how_it_was_made(
    district: Workspace, own_figures: dict[Key, int], tmp_path: Path, capsys
):
    folder = district.path
    district.close()
    out = tmp_path / "burntwood.xlsx"
    arguments = ["--unit", LOCALITY, "--period", PERIOD.code, "--out", str(out)]
    assert main(["return", "template", "--workspace", str(folder), *arguments]) == 0
    assert out.exists() and "revision 1" in capsys.readouterr().out
    fill_in(out, typed(own_figures))
    assert main(["return", "import", "--workspace", str(folder), str(out)]) == 0
    assert "revision 1 (filled in by hand)" in capsys.readouterr().out
    assert main(["return", "status", "--workspace", str(folder), "--period", PERIOD.code]) == 0
    burntwood = next(line for line in capsys.readouterr().out.splitlines() if LOCALITY in line)
    assert burntwood.endswith(", filled in by hand")

    arguments = ["--unit", "EST-BTC", "--period", PERIOD.code, "--out", str(out)]
    assert main(["return", "template", "--workspace", str(folder), *arguments]) != 0
    err = capsys.readouterr().err
    assert "Burton Town (EST-BTC) does not report to Lichfield" in err
    arguments = ["--unit", LOCALITY, "--period", "2027-28Q1", "--out", str(out)]
    assert main(["return", "template", "--workspace", str(folder), *arguments]) != 0
    assert "Q1 2027-28 (Apr\u2013Jun 2027) has not begun yet" in capsys.readouterr().err


def _summary_words(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return "\n".join(str(r[0]) for r in book["Summary"].iter_rows(values_only=True) if r[0])
    finally:
        book.close()


def test_the_units_own_return_takes_the_place_of_one_made_by_hand(
    district: Workspace, own_figures: dict[Key, int], demo_of, tmp_path: Path
):
    path = fill_in(blank(district, tmp_path / "blank"), typed(own_figures))
    assert not returns_ops.import_returns(district, [path], today=DEMO_DAY).any_refused
    shutil.copytree(demo_of("small"), tmp_path / "burntwood")
    with open_workspace(tmp_path / "burntwood") as burntwood:
        own = returns_ops.export_return(burntwood, PERIOD, tmp_path / "own", formats=["xlsx"])
    (line,) = returns_ops.import_returns(district, own.paths, today=DEMO_DAY).lines
    assert (line.outcome, line.replaces, line.by_hand) == ("replaced", 1, "")
    assert line.changes == ()  # the same figures, now counted from the records
    with district.session() as session:
        cell = completeness(session, [PERIOD], DEMO_DAY).cell(LOCALITY, PERIOD)
    assert cell.made_how == "" and cell.revision == own.ret.revision


def test_an_older_consolidated_return_without_the_column_still_imports(
    district: Workspace, own_figures: dict[Key, int], tmp_path: Path
):
    """A district's return made before the Manifest's made_how column (its constituents'
    header and lines end at edited_after_export) reads with no marks."""
    path = fill_in(blank(district, tmp_path / "blank"), typed(own_figures))
    assert not returns_ops.import_returns(district, [path], today=DEMO_DAY).any_refused
    sent = returns_ops.export_return(district, PERIOD, tmp_path / "district", formats=["xlsx"])
    book = openpyxl.load_workbook(sent.paths[0])
    manifest = book["Manifest"]
    header = next(r for r in manifest.iter_rows() if r[0].value == "constituent_unit")
    assert header[6].value == "made_how"
    for row in manifest.iter_rows(min_row=header[0].row):
        row[6].value = None
    older = tmp_path / "older.xlsx"
    book.save(older)
    read = read_workbook(older, district.config)
    assert [c.made_how for c in read.constituents] == [()] * len(read.constituents)
    assert read.figures == sent.ret.figures


def test_a_mark_that_is_not_one_is_refused_with_its_place(
    district: Workspace, own_figures: dict[Key, int], tmp_path: Path
):
    path = fill_in(blank(district, tmp_path / "blank"), typed(own_figures))
    assert not returns_ops.import_returns(district, [path], today=DEMO_DAY).any_refused
    sent = returns_ops.export_return(district, PERIOD, tmp_path / "district", formats=["xlsx"])
    book = openpyxl.load_workbook(sent.paths[0])
    manifest = book["Manifest"]
    line = next(r for r in manifest.iter_rows() if r[0].value == LOCALITY)
    line[6].value = "LIC-BUR:typed_by_a_cat"
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    with pytest.raises(UserError) as refused:
        read_workbook(changed, district.config)
    assert refused.value.message == (
        f"The return cannot be read: Manifest sheet, row {line[0].row}, column G (made_how): "
        "'LIC-BUR:typed_by_a_cat' is not a unit code and how its return was made."
    )


def test_a_return_is_not_entered_over_the_units_own(district: Workspace, demo_of, tmp_path: Path):
    shutil.copytree(demo_of("small"), tmp_path / "burntwood")
    with open_workspace(tmp_path / "burntwood") as burntwood:
        own = returns_ops.export_return(burntwood, PERIOD, tmp_path / "own", formats=["xlsx"])
    assert not returns_ops.import_returns(district, own.paths, today=DEMO_DAY).any_refused
    before = rows_kept(district)
    with pytest.raises(UserError) as refused:
        hand_returns.enter_return(
            district, LOCALITY, PERIOD, {("sessions", "", ""): 1}, today=DEMO_DAY
        )
    assert str(refused.value) == (
        "Burntwood has sent its own return for Q2 2026-27 (Jul\u2013Sep 2026) already "
        f"(revision {own.ret.revision}), so it is not entered here.\n"
        "Query that return if its figures need correcting."
    )
    assert rows_kept(district) == before

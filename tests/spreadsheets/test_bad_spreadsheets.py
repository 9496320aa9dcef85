"""Bad input to the spreadsheet import (issue 20, point 4): each gets a plain message naming
the row and the column, and nothing is written."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import func, select

from trustdesk.cli import main
from trustdesk.errors import UserError
from trustdesk.ops import spreadsheet_import as spreadsheets
from trustdesk.services.activities import create_activity
from trustdesk.services.young_people import add_young_person
from trustdesk.store.models import Attendance, Partner, YoungPerson
from trustdesk.store.workspace import Workspace

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.today(TODAY)


def refusal(
    workspace: Workspace, kind: str, path: Path, mapping: dict[str, str] | None = None
) -> str:
    """The message of bringing in a bad file, once it is clear nothing was written."""
    before = counts(workspace)
    with pytest.raises(UserError) as refused:
        columns = spreadsheets.read_columns(workspace, kind, path)
        spreadsheets.bring_in(workspace, columns, mapping, today=TODAY)
    assert counts(workspace) == before
    return refused.value.message


def counts(workspace: Workspace) -> tuple[int, ...]:
    with workspace.session() as session:
        return tuple(
            session.exec(select(func.count()).select_from(table)).one()
            for table in (YoungPerson, Partner, Attendance)
        )


def csv_file(tmp_path: Path, text: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_in_the_wrong_shape(workspace: Workspace, tmp_path: Path):
    notes = csv_file(tmp_path, "Notes from the club\nWe had a good night\n\nSee you Friday\n")
    assert refusal(workspace, "people", notes) == (
        "'list.csv' has no row of headings: TrustDesk looks for a row naming the columns (such "
        "as First name, Last name) in its first 20 rows."
    )
    old = tmp_path / "register.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    assert refusal(workspace, "registers", old) == (
        "'register.xls' is an old-style Excel file (.xls); TrustDesk brings in Excel workbooks "
        "(.xlsx) and CSV files."
    )
    pdf = tmp_path / "partners.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(500))
    assert refusal(workspace, "partners", pdf) == "'partners.xlsx' is a PDF, not a spreadsheet."


def test_a_date_that_is_not_a_date(workspace: Workspace, tmp_path: Path):
    path = csv_file(tmp_path, "First name,Surname,DOB\nAmy,Hill,2011-03-02\nBen,Ward,next May\n")
    assert refusal(workspace, "people", path) == (
        "Nothing was brought in from 'list.csv'. Row 3, column 'DOB': 'next May' is not a "
        "date: write it as day/month/year, e.g. 04/09/2025."
    )


def test_a_name_matching_two_people(workspace: Workspace, tmp_path: Path):
    with workspace.session() as session:
        for born in ("2011-01-05", "2012-06-30"):
            add_young_person(session, first_name="Jordan", last_name="Smith", date_of_birth=born)
        session.commit()
    path = csv_file(tmp_path, "Name,Activity,Date\nJordan Smith,Friday youth club,04/09/2026\n")
    assert refusal(workspace, "registers", path) == (
        "Nothing was brought in from 'list.csv'. Row 2: Jordan Smith could be 2 young people in "
        "TrustDesk; add a Date of birth column so TrustDesk can tell them apart."
    )


def test_a_column_mapped_twice(workspace: Workspace, tmp_path: Path):
    path = csv_file(tmp_path, "First name,Surname,DOB,Born\nAmy,Hill,02/03/2011,02/03/2011\n")
    mapping = {"First name": "first_name", "Surname": "last_name"}
    mapping |= {"DOB": "date_of_birth", "Born": "date_of_birth"}
    assert refusal(workspace, "people", path, mapping) == (
        "The columns 'DOB' and 'Born' are both set to Date of birth."
    )


def test_a_column_the_kind_needs_is_missing(workspace: Workspace, tmp_path: Path):
    path = csv_file(tmp_path, "Type,Phone\nSchools,01543 000000\n")
    assert refusal(workspace, "partners", path) == (
        "No column is set to the partner's name, which TrustDesk needs for partners and their "
        "contact people."
    )


def test_a_new_partner_without_its_type(workspace: Workspace, tmp_path: Path):
    path = csv_file(tmp_path, "Organisation,Type\nChase Academy,Schools\nNew Hope Trust,\n")
    message = refusal(workspace, "partners", path)
    assert message.startswith(
        "Nothing was brought in from 'list.csv'. Row 3, column 'Type': New Hope Trust is new to "
        "TrustDesk and needs its type of partner: one of Council children's services, "
    )


def test_a_sheet_of_50000_rows(workspace: Workspace, tmp_path: Path):
    rows = "".join(f"Person{n},Test,01/01/2012\n" for n in range(50_000))
    path = csv_file(tmp_path, "First name,Surname,DOB\n" + rows, "everyone.csv")
    assert refusal(workspace, "people", path) == (
        "'everyone.csv' has more than 10,000 rows under its headings; TrustDesk brings in at "
        "most 10,000 at a time."
    )


@pytest.mark.slow
def test_a_workbook_of_50000_rows(workspace: Workspace, tmp_path: Path):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Everyone")
    sheet.append(["First name", "Surname", "DOB"])
    for n in range(50_000):
        sheet.append([f"Person{n}", "Test", dt.datetime(2012, 1, 1)])
    path = tmp_path / "everyone.xlsx"
    book.save(path)
    assert refusal(workspace, "people", path) == (
        "'everyone.xlsx' has more than 10,000 rows under its headings; TrustDesk brings in at "
        "most 10,000 at a time."
    )


def test_a_register_tick_that_is_not_a_tick(workspace: Workspace, tmp_path: Path):
    with workspace.session() as session:
        add_young_person(session, first_name="Amy", last_name="Hill", date_of_birth="2011-03-02")
        create_activity(session, title="Drop-in", category="youth-work", start_date="2026-09-01")
        session.commit()
    path = csv_file(tmp_path, "Name,Activity,04/09/2026\nAmy Hill,Drop-in,late?\n")
    message = refusal(workspace, "registers", path)
    assert message == (
        "Nothing was brought in from 'list.csv'. Row 2, column '04/09/2026': 'late?' is not a "
        "mark TrustDesk knows: use a tick, / or 1 if they came."
    )


def test_the_command_line_says_what_is_wrong_with_a_mapping_file(
    workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    path = csv_file(tmp_path, "Organisation,Type\nChase Academy,Schools\n")
    mapping = tmp_path / "columns.json"
    mapping.write_text("{'Organisation': 'partner'}", encoding="utf-8")
    folder = str(workspace.path)
    workspace.close()
    code = main(["import", "partners", "--workspace", folder, str(path), "--mapping", str(mapping)])
    assert code == 1
    said = capsys.readouterr().err
    assert said.startswith("trustdesk: The mapping file 'columns.json' is not JSON (")
    mapping.write_text(json.dumps({"Organisation": "partner", "Kind": "partner_type"}))
    assert (
        main(["import", "partners", "--workspace", folder, str(path), "--mapping", str(mapping)])
        == 1
    )
    assert capsys.readouterr().err.startswith(
        "trustdesk: The column 'Kind' is not in 'list.csv'; its columns are 'Organisation', 'Type'."
    )


def test_a_workbook_openpyxl_cannot_read(workspace: Workspace, tmp_path: Path):
    """It passes every check on its bytes, yet its sheet's cells are not what a sheet holds."""
    path = tmp_path / "odd.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["First name", "Surname"])
    book.save(path)
    with zipfile.ZipFile(path) as old:
        parts = {info.filename: old.read(info) for info in old.infolist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b'r="A1"', b'r="not a cell"'
    )
    with zipfile.ZipFile(path, "w") as new:
        for name, content in parts.items():
            new.writestr(name, content)
    assert refusal(workspace, "people", path) == (
        "'odd.xlsx' cannot be read: it holds something TrustDesk does not expect in a spreadsheet."
    )

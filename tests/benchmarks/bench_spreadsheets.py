"""Bring in a spreadsheet: 2,000 young people from a workbook, read through the
untrusted-file checks, matched and checked row by row through the services, each row in a
savepoint (the preview: the whole import, rolled back), next to the floor — openpyxl in
read-only mode reading the same rows and SQLModel adding the same 2,000 records in one
flush, rolled back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.benchmarks.conftest import ROUNDS, data_folder
from trustdesk import clock
from trustdesk.ops import spreadsheet_import
from trustdesk.store.migrate import create_workspace
from trustdesk.store.models import YoungPerson
from trustdesk.store.workspace import Workspace

PEOPLE = 2_000
TODAY = dt.date(2026, 11, 20)


def born(number: int) -> dt.datetime:
    return dt.datetime(2008 + number % 8, 1 + number % 12, 1 + number % 28)


@pytest.fixture(scope="module")
def members() -> Path:
    """Members of a big club, as a coordinator keeps them: names, dates of birth, gender,
    a full postcode, and an address TrustDesk leaves out."""
    folder = data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "members.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["First name", "Surname", "DOB", "Gender", "Postcode", "Address"])
    for n in range(PEOPLE):
        gender = "F" if n % 2 else "M"
        sheet.append([f"Name{n}", f"Family{n % 300}", born(n), gender, "WS7 1AB", f"{n} Road"])
    book.save(path)
    return path


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with clock.set_to(TODAY), create_workspace(tmp_path / "ws", "LIC-BUR") as made:
        yield made


@pytest.mark.benchmark(group="spreadsheet")
def test_preview_young_people(benchmark, members: Path, workspace: Workspace) -> None:
    def preview() -> None:
        columns = spreadsheet_import.read_columns(workspace, "people", members)
        found = spreadsheet_import.preview(workspace, columns, today=TODAY)
        assert found.added["young people"] == PEOPLE

    benchmark.pedantic(preview, rounds=ROUNDS, warmup_rounds=1)
    benchmark.extra_info.update(measure="spreadsheet", side="trustdesk")


@pytest.mark.benchmark(group="spreadsheet")
def test_spreadsheet_floor(benchmark, members: Path, workspace: Workspace) -> None:
    def floor() -> None:
        book = openpyxl.load_workbook(members, read_only=True, data_only=True)
        rows = list(book.active.iter_rows(min_row=2, values_only=True))
        book.close()
        with workspace.session() as session:
            session.add_all(
                YoungPerson(
                    first_name=first,
                    last_name=last,
                    date_of_birth=day.date(),
                    gender="female" if gender == "F" else "male",
                    postcode_district=postcode.split()[0],
                )
                for first, last, day, gender, postcode, _ in rows
            )
            session.flush()
            session.rollback()

    benchmark.pedantic(floor, rounds=ROUNDS, warmup_rounds=1)
    benchmark.extra_info.update(measure="spreadsheet", side="floor")

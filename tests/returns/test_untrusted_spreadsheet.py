"""A spreadsheet a coordinator imports (a register, a list of partners) passes the same checks
as a return that came from outside, and a file that fails one is refused in words about a
spreadsheet, not a return: each case checks the exact message and hint.

The files are made as tests/returns/hostile_files.py makes them, from an ordinary workbook
that openpyxl wrote rather than from a return.
"""

from __future__ import annotations

import io
import random
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from tests.returns import hostile_files as make
from trustdesk.errors import UserError
from trustdesk.returns import untrusted_kind
from trustdesk.returns.untrusted import (
    HOSTILE,
    SPREADSHEET,
    open_checked_workbook,
)

MB = 1024 * 1024
ROWS = 2_000
HEADINGS = ["Name", "Date of birth", "Postcode", "Sessions", "Notes"]
WRONG_FILE = (
    "Save it from Excel or LibreOffice as an Excel workbook (.xlsx) or as CSV, and choose that "
    "file."
)
DAMAGED = (
    "It may be damaged: open it in Excel or LibreOffice, save it again, and choose the new file."
)
AGAIN = (
    "Open it in Excel or LibreOffice, keep only the rows and columns to import, save it as an "
    "Excel workbook (.xlsx) or as CSV, and choose the new file."
)


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> Path:
    """A register of 2,000 young people, as openpyxl writes it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet.append(HEADINGS)
    rng = random.Random(11)
    for number in range(ROWS):
        sheet.append(
            [
                f"Young person {number}",
                f"2010-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}",
                f"WS{rng.randrange(1, 15)} {rng.randrange(1, 10)}AB",
                rng.randrange(0, 40),
                "Came with a friend" if number % 7 == 0 else None,
            ]
        )
    path = tmp_path_factory.mktemp("register") / "register.xlsx"
    book.save(path)
    return path


def refused(path: Path) -> UserError:
    with pytest.raises(UserError) as raised:
        open_checked_workbook(path, SPREADSHEET)
    return raised.value


def over_twenty_mb(base: Path, folder: Path) -> Path:
    """A workbook that goes on to 21 MB (sparse where the disk allows, so quick to make)."""
    path = Path(shutil.copy(base, folder / "over_twenty_mb.xlsx"))
    with path.open("r+b") as file:
        file.truncate(21 * MB)
    return path


def ratio_of(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    return f"{max(i.file_size / max(i.compress_size, 1) for i in infos):,.0f}"


CASES: list[tuple[Callable[[Path, Path], Path], str, str]] = [
    (
        make.zip_bomb,
        "{name} cannot be a spreadsheet to import: one part of it (xl/worksheets/sheet1.xml) "
        "is packed {ratio} times smaller than what it holds, far tighter than any workbook's.",
        HOSTILE,
    ),
    (make.pdf_instead, "{name} is a PDF, not a spreadsheet.", WRONG_FILE),
    (
        make.macro_enabled,
        "{name} is a macro-enabled workbook (.xlsm): TrustDesk does not open files with "
        "macros, even to import their cells.",
        WRONG_FILE,
    ),
    (
        make.ods_renamed,
        "{name} is an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx).",
        WRONG_FILE,
    ),
    (
        over_twenty_mb,
        "{name} is 21 MB; TrustDesk imports spreadsheets of up to 20 MB, far more than one of "
        "10,000 rows needs.",
        WRONG_FILE,
    ),
    (make.zero_bytes, "{name} is empty (0 bytes).", DAMAGED),
]


@pytest.mark.parametrize(
    ("maker", "message", "hint"), CASES, ids=[maker.__name__ for maker, _, _ in CASES]
)
def test_a_file_that_fails_a_check_is_refused_in_a_spreadsheets_words(
    register, tmp_path, maker, message, hint
):
    path = maker(register, tmp_path)
    error = refused(path)
    ratio = ratio_of(path) if "{ratio}" in message else ""
    assert error.message == message.format(name=repr(path.name), ratio=ratio)
    assert error.hint == hint


def test_an_ordinary_workbook_passes_and_openpyxl_reads_it(register):
    checked = open_checked_workbook(register, SPREADSHEET)
    book = openpyxl.load_workbook(checked, read_only=True, data_only=True)
    rows = list(book["Register"].iter_rows(values_only=True))
    book.close()
    assert len(rows) == ROWS + 1
    assert list(rows[0]) == HEADINGS
    assert rows[-1][0] == f"Young person {ROWS - 1}"


def test_a_sheet_of_ten_thousand_rows_and_thirty_columns_is_inside_every_limit(tmp_path):
    """The sheet the limits are sized for, with a different text in most cells, passes with
    room to spare in each (half as many rows again would still pass)."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Register")
    sheet.append([f"Column {c}" for c in range(30)])
    rng = random.Random(3)
    for number in range(10_000):
        texts = [f"text {rng.randrange(1_000_000)}" for _ in range(14)]
        sheet.append(
            [f"Name {number}", rng.randrange(100), *texts, *(rng.random() for _ in range(14))]
        )
    path = tmp_path / "big_register.xlsx"
    book.save(path)

    within = replace(
        SPREADSHEET,
        max_file_bytes=SPREADSHEET.max_file_bytes // 5,
        max_part_bytes=SPREADSHEET.max_part_bytes // 2,
        max_unpacked_bytes=SPREADSHEET.max_unpacked_bytes // 3,
        max_part_elements=SPREADSHEET.max_part_elements * 2 // 3,
        max_elements=SPREADSHEET.max_elements // 2,
    )
    assert open_checked_workbook(path, within).read() == path.read_bytes()


def test_a_surprise_still_gets_a_spreadsheets_words(register, monkeypatch):
    def surprised(*args, **kwargs):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(untrusted_kind, "as_openpyxl_reads", surprised)
    error = refused(register)
    assert error.message == (
        f"{register.name!r} cannot be read: it holds something TrustDesk does not expect in a "
        "spreadsheet to import."
    )
    assert error.hint == AGAIN


def test_the_checked_workbook_is_the_file_as_it_was(register):
    assert open_checked_workbook(register, SPREADSHEET).read() == register.read_bytes()
    assert isinstance(open_checked_workbook(register, SPREADSHEET), io.BytesIO)


def test_a_part_openpyxl_keeps_whole_has_a_returns_kind_of_limit(register, tmp_path):
    """A sheet may hold a million elements (openpyxl streams it), but the styles are read
    whole: 300,000 cell formats (1 MB, packed) would cost openpyxl half a minute and most of a
    gigabyte, so they are refused at the styles' own limit."""
    formats = b"<xf numFmtId='0' fontId='0' fillId='0' borderId='0'/>" * 300_000

    def bloated(styles: bytes) -> bytes:
        return styles.replace(b"</cellXfs>", formats + b"</cellXfs>", 1)

    path = make.rezip(
        register,
        tmp_path / "styled.xlsx",
        {"xl/styles.xml": bloated},
        compression=zipfile.ZIP_STORED,
    )
    error = refused(path)
    assert error.message == (
        f"{path.name!r} cannot be a spreadsheet to import: one part of it (xl/styles.xml) holds "
        "more than 250,000 XML elements, far more than a spreadsheet of 10,000 rows has."
    )
    assert error.hint == AGAIN

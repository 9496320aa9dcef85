"""The workbook prints well: a continuation page repeats its header row, the codes the
importer reads stay off the page, and the Data sheet is not printed with the workbook."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string

from tests.returns.test_workbook import PARTNERS
from trustdesk.returns.model import Return
from trustdesk.returns.reader import read_workbook
from trustdesk.returns.workbook import write_workbook

TABLES = ("Data", "Case studies", "Voice", "Partners")
# The last column each list sheet prints: the one before "Unit" unless texts of other units.
PRINTED = {"Case studies": "D", "Voice": "E", "Partners": "H"}


@pytest.fixture
def written(made_up: Return, trust, tmp_path: Path) -> Path:
    made_up.partners = list(PARTNERS)
    path = tmp_path / f"{made_up.file_stem}.xlsx"
    write_workbook(made_up, trust, path)
    return path


def test_every_table_repeats_its_header_row(written):
    book = openpyxl.load_workbook(written)
    for name in TABLES:
        assert book[name].print_title_rows == "$1:$1", name
    assert book["Summary"].print_title_rows is None  # its tables have their own headings


def test_print_areas_leave_out_the_codes(made_up, written):
    book = openpyxl.load_workbook(written)
    for name, last in PRINTED.items():
        ws = book[name]
        assert ws.print_area == f"'{name}'!$A$1:${last}${ws.max_row}"
        after = [c.value for c in ws[1]][column_index_from_string(last) :]
        assert after[0] == "Unit" and after[-1].islower()  # the codes, not printed
    assert not book["Data"].print_area  # LibreOffice would print it, hidden or not


def test_unit_column_printed_when_texts_come_from_other_units(made_up, trust, tmp_path):
    made_up.voice = [dataclasses.replace(made_up.voice[0], unit_code="LIC-CHA"), made_up.voice[1]]
    write_workbook(made_up, trust, tmp_path / "x.xlsx")
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    assert book["Voice"].print_area == "'Voice'!$A$1:$F$3"  # What changed, then Unit
    assert book["Case studies"].print_area == "'Case studies'!$A$1:$D$3"


def test_data_sheet_not_printed_but_still_read(made_up, trust, written):
    book = openpyxl.load_workbook(written)
    states = {ws.title: ws.sheet_state for ws in book.worksheets}
    assert states == {
        "Summary": "visible",
        "Data": "hidden",
        "Case studies": "visible",
        "Voice": "visible",
        "Partners": "visible",
        "Manifest": "hidden",
    }
    back = read_workbook(written, trust)
    assert back.figures == made_up.figures and back.partners == PARTNERS


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_people_sheets_without_codes(made_up, trust, tmp_path):
    """Many voice lines, so the Voice sheet runs over several pages."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    line = made_up.voice[0]
    made_up.voice = [dataclasses.replace(line, who=f"Forum {n}") for n in range(60)]
    made_up.partners = list(PARTNERS)
    path = tmp_path / "long.xlsx"
    write_workbook(made_up, trust, path)
    profile = (tmp_path / "lo-profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
    command += ["pdf", "--outdir", str(tmp_path / "pdf"), str(path)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    result = subprocess.run(
        [pdftotext, "-layout", str(tmp_path / "pdf" / "long.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    pages = result.stdout.split("\f")
    voice = [p for p in pages if "Forum " in p]
    assert len(voice) > 1
    assert all("What they said" in p for p in voice)  # the header row on every page
    text = result.stdout
    for code in ("method_code", "partner_type", "ecm_outcome_codes", "youth-forum", "vcs"):
        assert code not in text
    assert not re.search(r"\bmeasure\b", text) and "breakdown" not in text  # the Data's header
    assert "Burntwood Leisure Centre" in text and "Food growing" in text

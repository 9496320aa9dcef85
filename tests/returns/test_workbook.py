"""The return workbook: what TrustDesk writes, it reads back unchanged; people see tables with
formatted numbers; and nothing a coordinator typed can become a formula."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.returns.conftest import made_up_return
from trustdesk.errors import UserError
from trustdesk.returns.model import FORMAT_NAME, Constituent, PartnerLine, Return, fingerprint
from trustdesk.returns.reader import read_workbook
from trustdesk.returns.workbook import DATA_HEADER, NUMBER_FORMATS, write_workbook

IDENTITY = (
    "trust_name",
    "unit_code",
    "unit_name",
    "unit_level",
    "parent_code",
    "period",
    "return_id",
    "revision",
    "made_at",
    "made_by",
    "constituents",
)
FORMULA_ELEMENT = re.compile(rb"<(\w+:)?f[\s/>]")


PARTNERS = [
    PartnerLine('=HYPERLINK("http://x","y")', "vcs", 90, 12_345, 0, 1, 2, 3, "LIC-BUR"),
    PartnerLine("Burntwood Leisure Centre", "council", 37, 1, 99_999_999, 0, 0, 0, "LIC-BUR"),
]


@pytest.fixture
def written(made_up: Return, trust, tmp_path: Path) -> Path:
    made_up.partners = list(PARTNERS)  # the shared made-up return names no partners
    path = tmp_path / f"{made_up.file_stem}.xlsx"
    write_workbook(made_up, trust, path)
    return path


def _manifest(path: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)["Manifest"]
    return {row[0].value: row[1].value for row in ws.iter_rows(max_row=16)}


# Round trip


def test_every_figure_comes_back_in_order(made_up, trust, written):
    back = read_workbook(written, trust)
    assert back.figures == made_up.figures
    assert back.rows() == made_up.rows()
    assert all(type(v) is int for v in back.figures.values())


def test_identity_and_texts_come_back(made_up, trust, written):
    back = read_workbook(written, trust)
    for name in IDENTITY:
        assert getattr(back, name) == getattr(made_up, name), name
    assert back.case_studies == made_up.case_studies
    assert back.voice == made_up.voice
    assert back.partners == PARTNERS


def test_fingerprint_of_read_figures_matches_manifest(made_up, trust, written):
    manifest = _manifest(written)
    back = read_workbook(written, trust)
    recomputed = fingerprint(back.unit_code, back.period.code, back.figures.items())
    assert recomputed == manifest["fingerprint"] == made_up.fingerprint
    assert manifest["figure_count"] == str(len(made_up.figures))
    assert manifest["format"] == FORMAT_NAME


def test_written_to_an_open_file(made_up, trust):
    buffer = io.BytesIO()
    write_workbook(made_up, trust, buffer)
    buffer.seek(0)
    assert read_workbook(buffer, trust).fingerprint == made_up.fingerprint


def test_consolidated_return_with_constituents(trust, tmp_path):
    county = made_up_return(trust, unit_code="STAFFS")
    county.made_at = None
    county.constituents = [
        Constituent("CAN", "a1", 3, "f" * 64, "accepted"),
        Constituent("LIC", "", None, "", "missing"),
    ]
    path = tmp_path / "county.xlsx"
    write_workbook(county, trust, path)
    back = read_workbook(path, trust)
    assert back.parent_code is None and back.made_at is None
    assert back.constituents == county.constituents


def test_tabs_and_carriage_returns_kept_exactly(made_up, trust, tmp_path):
    """XML readers turn a bare CR into a line feed; the writer keeps it as it was typed."""
    case = dataclasses.replace(made_up.case_studies[0], narrative="One\r\nTwo\rThree\x07")
    voice = dataclasses.replace(made_up.voice[0], who="\tYear 9", change_made="\rnothing")
    made_up.case_studies, made_up.voice = [case], [voice]
    write_workbook(made_up, trust, tmp_path / "x.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["Voice"]
    assert (sheet["C2"].value, sheet["E2"].value) == ("\tYear 9", "\rnothing")
    back = read_workbook(tmp_path / "x.xlsx", trust)
    assert back.case_studies[0].narrative == "One\r\nTwo\rThree"  # the bell cannot be stored
    assert back.voice == [voice]


# Layout


def test_sheets_in_order_summary_first(written):
    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["Summary", "Data", "Case studies", "Voice", "Partners", "Manifest"]
    assert book.active.title == "Summary"


def test_manifest_hidden_protected_and_text_only(written):
    ws = openpyxl.load_workbook(written)["Manifest"]
    assert ws.sheet_state == "hidden"
    assert ws.protection.sheet
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in cells)
    assert _manifest(written)["revision"] == "2"
    assert _manifest(written)["made_at"] == "2026-07-10T09:30:00+00:00"


def test_data_sheet_holds_only_the_figures(made_up, written):
    ws = openpyxl.load_workbook(written)["Data"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == DATA_HEADER
    assert [(m, b or "", c or "", v) for m, b, c, v in rows[1:]] == made_up.rows()
    assert ws.max_column == 4
    assert ws.freeze_panes == "A2"


def test_summary_shows_formatted_numbers(made_up, written):
    ws = openpyxl.load_workbook(written)["Summary"]
    by_label = {row[0].value: row for row in ws.iter_rows() if isinstance(row[0].value, str)}
    assert ws["A1"].value == made_up.trust_name
    spend = by_label["Small-budget spend"][1]
    assert spend.value == made_up.value("spend_pence") / 100
    assert spend.number_format == NUMBER_FORMATS["pence"] == "£#,##0.00"
    hours = by_label["Contact hours"][1]
    assert hours.value == pytest.approx(made_up.value("contact_minutes") / 60)
    assert hours.number_format == "#,##0.0"
    assert by_label["Partner attendance at meetings"][1].number_format == "0%"
    assert by_label["Sessions"][1].number_format == "#,##0"
    assert by_label["All"][0].font.bold
    assert "Statutory partner types not engaged this period" in by_label
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert "&P of &N" in ws.oddFooter.right.text
    assert made_up.unit_name in ws.oddHeader.center.text


def test_partners_sheet_shows_hours_and_pounds(written):
    ws = openpyxl.load_workbook(written)["Partners"]
    assert [c.value for c in ws[1]][:3] == ["Partner", "Type", "Staff hours"]
    hours, money, kind = ws["C2"], ws["D2"], ws["B2"]
    assert (hours.value, hours.number_format) == (1.5, "#,##0.0")
    assert (money.value, money.number_format) == (123.45, "£#,##0.00")
    assert kind.value == "Voluntary and community sector"


# Safety


def test_formula_like_texts_stay_plain_text(written):
    book = openpyxl.load_workbook(written)
    case = book["Case studies"]
    assert case["B3"].value == '=HYPERLINK("http://x","y")'
    assert case["D3"].value == "+cmd /c calc"
    voice = book["Voice"]
    assert (voice["C3"].value, voice["D3"].value) == ("@everyone", "-2 stars")
    partner = book["Partners"]["A2"]
    assert partner.value == '=HYPERLINK("http://x","y")'
    for cell in (case["B3"], case["D3"], voice["C3"], voice["D3"], partner):
        assert cell.data_type == "s"
        assert cell.quotePrefix
    with zipfile.ZipFile(written) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            assert not FORMULA_ELEMENT.search(archive.read(name)), name


def test_document_properties_name_the_program_not_the_user(made_up, written):
    properties = openpyxl.load_workbook(written).properties
    assert properties.creator == properties.lastModifiedBy == "TrustDesk 0.1.0"
    assert properties.title == "Burntwood return 2026-27Q1"
    user = getpass.getuser()
    with zipfile.ZipFile(written) as archive:
        for name in ("docProps/core.xml", "docProps/app.xml"):
            assert f">{user}<".encode() not in archive.read(name)
    assert user not in (properties.creator, properties.lastModifiedBy)


# Refusals


def _edited(path: Path, sheet: str, cell: str, value) -> Path:
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(path)
    return path


def test_not_a_workbook(trust, tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("not a spreadsheet")
    with pytest.raises(UserError, match="cannot be read as an Excel workbook"):
        read_workbook(path, trust)


def test_missing_sheet(trust, written):
    book = openpyxl.load_workbook(written)
    del book["Data"]
    book.save(written)
    with pytest.raises(UserError, match="no Data sheet"):
        read_workbook(written, trust)


def test_value_not_a_whole_number(trust, written):
    _edited(written, "Data", "D5", "lots")
    with pytest.raises(UserError, match=r"Data sheet, row 5, column D \(value\).*'lots'"):
        read_workbook(written, trust)


def test_changed_figure_is_refused(trust, written):
    _edited(written, "Data", "D5", openpyxl.load_workbook(written)["Data"]["D5"].value + 1)
    with pytest.raises(UserError, match="fingerprint"):
        read_workbook(written, trust)


def test_not_a_return(trust, written):
    _edited(written, "Manifest", "B1", "something-else")
    with pytest.raises(UserError, match="not a TrustDesk return"):
        read_workbook(written, trust)


def test_bad_date(trust, written):
    _edited(written, "Voice", "A2", "someday")
    with pytest.raises(UserError, match=r"Voice sheet, row 2, column A \(Date\)"):
        read_workbook(written, trust)


# Through LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_resaved_by_libreoffice_reads_back_the_same(made_up, trust, written, tmp_path):
    out = tmp_path / "resaved"
    profile = (tmp_path / "lo-profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
    command += ["xlsx", "--outdir", str(out), str(written)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    back = read_workbook(out / written.name, trust)
    assert back.figures == made_up.figures
    assert back.fingerprint == made_up.fingerprint
    assert [getattr(back, n) for n in IDENTITY] == [getattr(made_up, n) for n in IDENTITY]
    assert back.case_studies == made_up.case_studies and back.voice == made_up.voice
    assert back.partners == PARTNERS
    assert back.case_studies[1].date == dt.date(2026, 6, 2)

"""Nothing personal leaves the laptop, and nothing a person typed becomes a formula."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlmodel import select

from trustdesk.config.periods import Period
from trustdesk.demo.generator import build_demo
from trustdesk.returns.export import export_return
from trustdesk.services.activities import add_contribution, create_activity
from trustdesk.services.evidence import create_case_study, record_voice
from trustdesk.services.partners import create_partner
from trustdesk.store.models import YoungPerson

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def _workbook_text(path: Path) -> str:
    """Every cell of every sheet (hidden ones too), the document properties and, to be sure,
    every XML part of the file as stored."""
    book = openpyxl.load_workbook(path)
    parts = [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    properties = book.properties
    parts += [
        str(getattr(properties, name))
        for name in ("title", "subject", "creator", "lastModifiedBy", "keywords", "description")
    ]
    with zipfile.ZipFile(path) as archive:  # properties, shared strings and the like as stored
        parts += [
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if not name.startswith(
                "xl/worksheets/"
            )  # cells were read above; refs like B78 are not postcodes
        ]
    return "\n".join(parts)


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    meta = reader.metadata or {}
    return "\n".join([*(page.extract_text() for page in reader.pages), *map(str, meta.values())])


def _date_forms(day: dt.date) -> list[str]:
    return [day.isoformat(), f"{day:%d/%m/%Y}", f"{day.day} {day:%B %Y}", f"{day:%d %b %Y}"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("privacy")
    with (
        build_demo(
            root / "demo",
            unit_code="LIC-BUR",
            size="small",
            seed=1,
            as_of=NOW.date(),
            config_path=None,
        ) as ws,
        ws.session() as session,
    ):
        people = [p.model_copy() for p in session.exec(select(YoungPerson))]
        texts = {}
        for period in ("2026-27Q1", "2026-27Q2"):
            result = export_return(session, Period.parse(period), root / "out", now=NOW)
            texts[period] = [_workbook_text(result.paths[0]), _pdf_text(result.paths[1])]
            publication = export_return(
                session,
                Period.parse(period),
                root / "out",
                formats=["pdf"],
                publication=True,
                now=NOW,
            )
            texts[period].append(_pdf_text(publication.paths[0]))
    return people, texts


def test_no_young_persons_name_birth_date_postcode_or_reference_is_in_either_file(exported) -> None:
    people, texts = exported
    assert len(people) > 300
    everything = "\n".join(t for period in texts.values() for t in period)
    assert "Burntwood" in everything and "LIC-BUR" in everything  # the text was read
    found = []
    for person in people:
        identities = [
            f"{person.first_name} {person.last_name}",
            f"{person.last_name}, {person.first_name}",
            person.local_ref,
        ]
        if person.date_of_birth:
            identities += _date_forms(person.date_of_birth)
        for identity in identities:
            if identity and identity.lower() in everything.lower():
                found.append(identity)
        if person.postcode_district and re.search(rf"\b{person.postcode_district}\b", everything):
            found.append(person.postcode_district)
    assert found == []


def test_typed_text_that_looks_like_a_formula_stays_text(session, tmp_path: Path) -> None:
    partner = create_partner(session, name='=HYPERLINK("http://x","y")', partner_type="vcs")
    club = create_activity(
        session,
        title="Football",
        category="sport",
        start_date="2026-04-01",
        ecm_outcomes=["healthy"],
    )
    add_contribution(
        session, activity_id=club.id, partner_id=partner.id, date="2026-05-01", staff_hours=2
    )
    create_case_study(
        session, date="2026-05-02", title="-1+1", narrative="+cmd /c calc", ecm_outcomes=["enjoy"]
    )
    record_voice(
        session,
        date="2026-05-03",
        method="survey",
        who="Year 9",
        said="=1+1",
        change_made="@nothing",
    )

    result = export_return(session, Period.parse("2026-27Q1"), tmp_path, formats=["xlsx"], now=NOW)

    book = openpyxl.load_workbook(result.paths[0])
    typed = {'=HYPERLINK("http://x","y")', "-1+1", "+cmd /c calc", "=1+1", "@nothing"}
    cells = {
        cell.value: cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value in typed
    }
    assert set(cells) == typed
    assert {cell.data_type for cell in cells.values()} == {"s"}
    with zipfile.ZipFile(result.paths[0]) as archive:
        sheets = [
            archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")
        ]
    assert not any("<f>" in sheet or "<f " in sheet for sheet in sheets)

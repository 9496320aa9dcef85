"""Bringing in the spreadsheets a group already keeps (issue 20, point 1): a register laid out
as names × dates with a merged title, a totals row and blank lines; a partner list saved by
Excel on Windows (Windows-1252, semicolons); previewed, brought in, and brought in again
adding nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import select

from trustdesk.errors import UserError
from trustdesk.ops import spreadsheet_import as spreadsheets
from trustdesk.services.activities import add_session, create_activity
from trustdesk.store.models import (
    ActivitySession,
    Attendance,
    AuditEntry,
    Partner,
    PartnerContact,
    YoungPerson,
)
from trustdesk.store.workspace import Workspace

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.today(TODAY)
FRIDAYS = [dt.datetime(2026, 9, 4) + dt.timedelta(weeks=week) for week in range(4)]


def people_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Members"
    sheet.append(["Burntwood youth club members 2026"])
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append(
        ["First name", "Surname", "DOB", "Gender", "Postcode", "Address", "Phone", "School"]
    )
    sheet.append(
        [
            "Amir",
            "Khan",
            dt.datetime(2011, 3, 2),
            "M",
            "WS7 1AB",
            "1 High St",
            "07700 900001",
            "Chase Terrace",
        ]
    )
    sheet.append(["Beth", "Jones", dt.datetime(2010, 7, 15), "Female", "ws7", "", "", ""])
    sheet.append(["Cal", "Evans", "21/11/2009", "", "", "", "", ""])
    book.save(path)
    return path


def register_workbook(path: Path) -> Path:
    """As a club keeps it: a merged title, a blank line, names down and dates across with a
    tick where someone came, a blank line in the middle and a totals row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Autumn"
    sheet.append(["Friday youth club — register, autumn term 2026"])
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["First name", "Surname", *FRIDAYS])
    sheet.append(["Amir", "Khan", "/", "/", None, "✓"])
    sheet.append(["Beth", "Jones", "/", None, "x", "/"])
    sheet.append([])
    sheet.append(["Cal", "Evans", None, None, None, "1"])
    sheet.append(["Total", None, 2, 1, 1, 3])
    book.save(path)
    return path


PARTNERS_CSV = (
    "Organisation;Type;Contact;Role;Phone;Email;Notes\r\n"
    "Café Bar Youth Project;Voluntary sector;Zoë Price;Project lead;01543 123456;zoe@example.org;"
    "Grant £500 a year\r\n"
    "Café Bar Youth Project;Voluntary sector;Sam O’Neill;Volunteer;;;\r\n"
    "Chase Terrace Academy;Schools;Mr R. Patel;Head of year 9;01543 654321;;\r\n"
)


def partners_csv(path: Path) -> Path:
    path.write_bytes(PARTNERS_CSV.encode("cp1252"))
    return path


def friday_club(workspace: Workspace) -> int:
    with workspace.session() as session:
        club = create_activity(
            session, title="Friday youth club", category="youth-work", start_date="2026-09-01"
        )
        add_session(
            session, activity_id=club.id, date="2026-09-04", start_time="18:30", end_time="20:30"
        )
        session.commit()
        assert club.id is not None
        return club.id


def bring(workspace: Workspace, kind: str, path: Path, **options: object) -> spreadsheets.Brought:
    columns = spreadsheets.read_columns(workspace, kind, path)
    return spreadsheets.bring_in(
        workspace,
        columns,
        options=spreadsheets.Options(**options),
        today=TODAY,  # type: ignore[arg-type]
    )


def test_young_people_keep_only_what_trustdesk_keeps(workspace: Workspace, tmp_path: Path):
    columns = spreadsheets.read_columns(
        workspace, "people", people_workbook(tmp_path / "members.xlsx")
    )
    assert columns.mapping == {
        "First name": "first_name",
        "Surname": "last_name",
        "DOB": "date_of_birth",
        "Gender": "gender",
        "Postcode": "postcode",
        "Address": "",
        "Phone": "",
        "School": "",
    }
    found = spreadsheets.preview(workspace, columns, today=TODAY)
    assert [(r.row, r.outcome, r.what) for r in found.rows] == [
        (4, "add", "Amir Khan"),
        (5, "add", "Beth Jones"),
        (6, "add", "Cal Evans"),
    ]
    assert found.summary() == (
        "Adds 3 young people. Left out: Address, Phone and School. TrustDesk does not keep a "
        "young person's address, phone or school. 1 full postcode kept as the district only "
        "(ST14 2AB as ST14)."
    )
    with workspace.session() as session:  # a preview saves nothing
        assert session.exec(select(YoungPerson)).all() == []

    brought = spreadsheets.bring_in(workspace, columns, today=TODAY)
    assert brought.preview is not None and brought.preview.added["young people"] == 3
    with workspace.session() as session:
        kept = {
            (p.first_name, p.last_name, p.date_of_birth, p.gender, p.postcode_district)
            for p in session.exec(select(YoungPerson))
        }
    assert kept == {
        ("Amir", "Khan", dt.date(2011, 3, 2), "male", "WS7"),
        ("Beth", "Jones", dt.date(2010, 7, 15), "female", "WS7"),
        ("Cal", "Evans", dt.date(2009, 11, 21), "not-stated", None),
    }
    again = bring(workspace, "people", tmp_path / "members.xlsx")
    assert again.preview is not None and not again.preview.added
    assert [r.outcome for r in again.preview.rows] == ["match"] * 3
    assert not again  # nothing changed: no page needs refreshing


def test_a_register_grid_with_a_title_a_totals_row_and_blank_lines(
    workspace: Workspace, tmp_path: Path
):
    bring(workspace, "people", people_workbook(tmp_path / "members.xlsx"))
    club = friday_club(workspace)
    path = register_workbook(tmp_path / "register.xlsx")
    columns = spreadsheets.read_columns(workspace, "registers", path)
    assert columns.table.title == "Friday youth club — register, autumn term 2026"
    assert list(columns.mapping.values()) == [
        "first_name",
        "last_name",
        *(f"date:{day.date().isoformat()}" for day in FRIDAYS),
    ]
    found = spreadsheets.preview(workspace, columns, today=TODAY)
    assert [(r.row, r.outcome, r.what, r.reason) for r in found.rows] == [
        (4, "add", "Amir Khan: 3 sessions", ""),
        (5, "add", "Beth Jones: 3 sessions", ""),
        (6, "pass", "", "a blank line"),
        (7, "add", "Cal Evans: 1 session", ""),
        (8, "pass", "Total", "a totals row"),
    ]
    assert found.added == {"register ticks": 7, "sessions": 3}

    spreadsheets.bring_in(workspace, columns, today=TODAY)
    with workspace.session() as session:
        held = session.exec(
            select(ActivitySession).where(ActivitySession.activity_id == club)
        ).all()
        ticks = session.exec(select(Attendance)).all()
        names = {p.id: p.first_name for p in session.exec(select(YoungPerson))}
    assert sorted(s.date for s in held) == [day.date() for day in FRIDAYS]
    assert {(s.start_time, s.end_time) for s in held} == {(dt.time(18, 30), dt.time(20, 30))}
    day_of = {s.id: s.date.day for s in held}
    assert sorted((names[t.young_person_id], day_of[t.session_id]) for t in ticks) == [
        ("Amir", 4),
        ("Amir", 11),
        ("Amir", 25),
        ("Beth", 4),
        ("Beth", 18),
        ("Beth", 25),
        ("Cal", 25),
    ]
    again = bring(workspace, "registers", path)
    assert again.preview is not None and not again.preview.added
    assert again.preview.count("match") == 3


def test_partners_from_a_windows_csv_with_semicolons(workspace: Workspace, tmp_path: Path):
    path = partners_csv(tmp_path / "partners.csv")
    columns = spreadsheets.read_columns(workspace, "partners", path)
    assert columns.mapping == {
        "Organisation": "partner",
        "Type": "partner_type",
        "Contact": "contact",
        "Role": "role",
        "Phone": "phone",
        "Email": "email",
        "Notes": "notes",
    }
    found = spreadsheets.preview(workspace, columns, today=TODAY)
    assert [(r.row, r.outcome, r.what) for r in found.rows] == [
        (2, "add", "Café Bar Youth Project: Zoë Price"),
        (3, "add", "Café Bar Youth Project: Sam O’Neill"),
        (4, "add", "Chase Terrace Academy: Mr R. Patel"),
    ]
    spreadsheets.bring_in(workspace, columns, today=TODAY)
    with workspace.session() as session:
        partners = {p.id: (p.name, p.partner_type, p.notes) for p in session.exec(select(Partner))}
        people = sorted(
            (partners[c.partner_id][0], c.name, c.role, c.phone)
            for c in session.exec(select(PartnerContact))
        )
        audited = session.exec(
            select(AuditEntry.changes).where(AuditEntry.record_id == "spreadsheet_columns.partners")
        ).all()
    assert sorted(partners.values()) == [
        ("Café Bar Youth Project", "vcs", "Grant £500 a year"),
        ("Chase Terrace Academy", "school", ""),
    ]
    assert people == [
        ("Café Bar Youth Project", "Sam O’Neill", "Volunteer", ""),
        ("Café Bar Youth Project", "Zoë Price", "Project lead", "01543 123456"),
        ("Chase Terrace Academy", "Mr R. Patel", "Head of year 9", "01543 654321"),
    ]
    assert len(audited) == 1
    assert (
        "partners and their contact people from partners.csv: Adds 2 partners and 3 contact people."
        in audited[0]
    )

    again = bring(workspace, "partners", path)
    assert again.preview is not None and not again.preview.added
    assert [r.outcome for r in again.preview.rows] == ["match"] * 3


def test_the_columns_chosen_are_remembered(workspace: Workspace, tmp_path: Path):
    path = people_workbook(tmp_path / "members.xlsx")
    columns = spreadsheets.read_columns(workspace, "people", path)
    chosen = columns.mapping | {"Gender": "", "School": ""}
    spreadsheets.bring_in(workspace, columns, chosen, today=TODAY)
    assert spreadsheets.read_columns(workspace, "people", path).mapping == chosen


def test_activities_with_their_sessions(workspace: Workspace, tmp_path: Path):
    path = tmp_path / "activities.csv"
    path.write_text(
        "Activity,Category,Venue,Date,Start,End\n"
        "Street dance,Arts,Burntwood Youth Centre,14/10/2026,18:00,19:30\n"
        "Street dance,Arts,Burntwood Youth Centre,07/10/2026,18:00,19:30\n"
        "Duke of Edinburgh,Outdoor,Chasewater,10/10/2026,10:00,16:00\n",
        encoding="utf-8",
    )
    brought = bring(workspace, "activities", path)
    assert brought.preview is not None
    assert brought.preview.added == {"activities": 2, "sessions": 3}
    with workspace.session() as session:
        held = sorted(
            (s.date.isoformat(), s.start_time.isoformat("minutes"))
            for s in session.exec(select(ActivitySession))
        )
    assert held == [("2026-10-07", "18:00"), ("2026-10-10", "10:00"), ("2026-10-14", "18:00")]
    again = bring(workspace, "activities", path)
    assert again.preview is not None and not again.preview.added


def test_a_refused_row_means_nothing_is_saved(workspace: Workspace, tmp_path: Path):
    path = tmp_path / "people.csv"
    path.write_text(
        "First name,Last name,Date of birth\nAmy,Hill,02/03/2011\nBen,Ward,31/02/2010\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError) as refused:
        bring(workspace, "people", path)
    assert refused.value.message == (
        "Nothing was brought in from 'people.csv'. Row 3, column 'Date of birth': "
        "'31/02/2010' is not a date: write it as day/month/year, e.g. 04/09/2025."
    )
    with workspace.session() as session:
        assert session.exec(select(YoungPerson)).all() == []


def test_a_register_needs_its_sessions_times_when_the_activity_has_none(
    workspace: Workspace, tmp_path: Path
):
    bring(workspace, "people", people_workbook(tmp_path / "members.xlsx"))
    with workspace.session() as session:
        create_activity(
            session, title="Friday youth club", category="youth-work", start_date="2026-09-01"
        )
        session.commit()
    path = register_workbook(tmp_path / "register.xlsx")
    columns = spreadsheets.read_columns(workspace, "registers", path)
    found = spreadsheets.preview(workspace, columns, today=TODAY)
    assert found.refused[0].said == (
        "Row 4: Friday youth club has no session on 04/09/2026, and nothing says what time to "
        "add one at: choose the times of its sessions, or add the sessions in TrustDesk first."
    )
    times = (dt.time(19), dt.time(21))
    brought = bring(workspace, "registers", path, times=times)
    assert brought.preview is not None
    assert brought.preview.added == {"sessions": 4, "register ticks": 7}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_register_saved_by_libreoffice(workspace: Workspace, tmp_path: Path):
    """The same register re-saved by LibreOffice Calc: its own parts, styles and merged cells."""
    bring(workspace, "people", people_workbook(tmp_path / "members.xlsx"))
    friday_club(workspace)
    register_workbook(tmp_path / "register.xlsx")
    saved = tmp_path / "saved"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(saved)]
        + [str(tmp_path / "register.xlsx"), f"-env:UserInstallation=file://{tmp_path}/lo"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    brought = bring(workspace, "registers", saved / "register.xlsx")
    assert brought.preview is not None
    assert brought.preview.added == {"sessions": 3, "register ticks": 7}

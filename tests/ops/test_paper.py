"""Paper out (issue 20): a session's sign-in sheet, a meeting's agenda and its minutes, as
PDFs a coordinator prints or sends to the partners."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pypdf
import pytest

from trustdesk.cli import main
from trustdesk.errors import UserError
from trustdesk.ops import paper
from trustdesk.services.activities import add_session, add_weekly_sessions, create_activity
from trustdesk.services.attendance import register_people, register_session, set_register
from trustdesk.services.contact_log import log_contact
from trustdesk.services.meetings import (
    add_action,
    create_meeting,
    review_action,
    set_partner_attendance,
)
from trustdesk.services.partners import add_partner_contact, create_partner
from trustdesk.services.young_people import add_young_person
from trustdesk.store.workspace import Workspace

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.today(TODAY)


def text_of(path: Path) -> list[str]:
    pages = pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
    return [" ".join(page.extract_text().split()) for page in pages]


@pytest.fixture
def club(workspace: Workspace) -> list[int]:
    return make_club(workspace)


def make_club(workspace: Workspace) -> list[int]:
    """A youth club's six weekly sessions: Amy at five, Ben at two, Cal at one long ago."""
    with workspace.session() as session:
        activity = create_activity(
            session,
            title="Friday youth club",
            category="youth-work",
            start_date="2026-01-01",
            venue="Burntwood Youth Centre",
        )
        old, held = (
            add_weekly_sessions(
                session,
                activity_id=activity.id,
                first_date=first,
                weeks=weeks,
                start_time="18:30",
                end_time="20:30",
            )
            for first, weeks in (("2026-02-06", 1), ("2026-10-02", 6))
        )
        people = {
            name: add_young_person(
                session,
                first_name=name,
                last_name="Lowe",
                date_of_birth="2011-05-04",
                local_ref=f"REF-{name}",
                postcode_district="WS7",
            ).id
            for name in ("Amy", "Ben", "Cal")
        }
        set_register(session, session_id=old[0].id, young_person_ids=[people["Cal"]])
        for number, sitting in enumerate(held[:5]):
            came = [people["Amy"]] + ([people["Ben"]] if number < 2 else [])
            set_register(session, session_id=sitting.id, young_person_ids=came)
        session.commit()
        return [s.id for s in held]


def test_a_sign_in_sheet_names_the_regulars_most_recent_first_and_nothing_else_about_them(
    workspace: Workspace, club: list[int], tmp_path: Path
) -> None:
    out = paper.print_sign_in(workspace, [club[-1]], tmp_path / "sheet.pdf")
    [page] = text_of(out)
    assert "Sign-in sheet: Friday youth club" in page
    assert "Friday 6 November 2026, 18:30\u201320:30 \u00b7 Burntwood Youth Centre" in page
    # Amy came five times in the last weeks, Ben twice; Cal, months ago, is not a regular.
    assert page.index("Amy Lowe") < page.index("Ben Lowe") and "Cal Lowe" not in page
    assert "1 Amy Lowe 15" in page  # her number, name and age on the day
    for never in ("REF-", "WS7", "2011", "04/05"):  # no reference, postcode or birthday
        assert never not in page
    assert (
        "30 \u2610" in page and "31 \u2610" not in page
    )  # blank numbered lines fill the page, each with its box
    assert "shred it once the register is entered" in page


def test_a_sheet_names_only_those_who_came_before_its_session(
    workspace: Workspace, club: list[int], tmp_path: Path
) -> None:
    """Nobody came in the 12 weeks before June's session: the sheet falls back to those who
    came before it at all (Cal, in February), never those who only came later (Amy and Ben,
    in the autumn), so ticking this or a later register never changes its lines."""
    with workspace.session() as session:
        activity_id = register_session(session, club[0]).activity_id
        june = add_session(
            session,
            activity_id=activity_id,
            date="2026-06-05",
            start_time="18:30",
            end_time="20:30",
        ).id
        session.commit()
        listed = register_people(session, june)
    assert [p.name for p in paper.regulars(listed)] == ["Cal Lowe"]
    [page] = text_of(paper.print_sign_in(workspace, [june], tmp_path / "june.pdf"))
    assert "1 Cal Lowe" in page and "Amy Lowe" not in page and "Ben Lowe" not in page


def test_a_terms_sheets_print_in_one_file_a_session_a_page(
    workspace: Workspace, club: list[int], tmp_path: Path
) -> None:
    out = paper.print_sign_in(workspace, club[:3], tmp_path / "term.pdf")
    pages = text_of(out)
    assert len(pages) == 3
    assert ["2 October" in pages[0], "9 October" in pages[1], "16 October" in pages[2]] == [
        True
    ] * 3
    with pytest.raises(UserError, match="Choose at least one session"):
        paper.print_sign_in(workspace, [], tmp_path / "none.pdf")


@pytest.fixture
def meetings(workspace: Workspace) -> tuple[int, int]:
    return make_meetings(workspace)


def make_meetings(workspace: Workspace) -> tuple[int, int]:
    """Two meetings: at the first an action due in October; at the second the police sent
    apologies, the school stayed away, the action was carried on and a new one agreed."""
    with workspace.session() as session:
        council = create_partner(session, name="Lichfield District Council", partner_type="council")
        police = create_partner(session, name="Staffordshire Police", partner_type="police")
        school = create_partner(session, name="Chase Terrace Academy", partner_type="school")
        first = create_meeting(session, date="2026-09-08", venue="Burntwood Library")
        set_partner_attendance(
            session,
            meeting_id=first.id,
            attendance={council.id: "present", police.id: "present", school.id: "present"},
        )
        carried = add_action(
            session,
            meeting_id=first.id,
            text="Invite the police to present crime figures",
            owner="Sam Cooper (Scouts)",
            due_date="2026-10-20",
        )
        second = create_meeting(
            session, date="2026-11-10", venue="Burntwood Library", notes="Agreed a summer scheme."
        )
        set_partner_attendance(
            session,
            meeting_id=second.id,
            attendance={council.id: "present", police.id: "apologies", school.id: "absent"},
        )
        review_action(
            session, action_id=carried.id, meeting_id=second.id, status="open", note="Next time"
        )
        add_action(
            session,
            meeting_id=second.id,
            text="Book the hall for the summer scheme",
            owner="Tilly Khan",
            due_date="2026-12-01",
        )
        session.commit()
        return first.id, second.id


def test_the_agenda_lists_who_is_expected_and_the_actions_carried_over(
    workspace: Workspace, meetings: tuple[int, int], tmp_path: Path
) -> None:
    out = paper.print_agenda(workspace, meetings[1], tmp_path / "agenda.pdf", TODAY)
    [page] = text_of(out)
    assert "Locality group meeting: agenda" in page
    assert "Tuesday 10 November 2026 \u00b7 Burntwood Library" in page
    assert "Chase Terrace Academy (Schools)" in page and "Staffordshire Police (Police)" in page
    assert (
        "Invite the police to present crime figures Sam Cooper (Scouts) 8 Sep 2026 20 Oct 2026 Overdue"
        in page
    )
    assert "Any other business" in page


def test_the_minutes_say_who_came_what_was_decided_and_the_actions(
    workspace: Workspace, meetings: tuple[int, int], tmp_path: Path
) -> None:
    out = paper.print_minutes(workspace, meetings[1], tmp_path / "minutes.pdf", TODAY)
    [page] = text_of(out)
    assert "Present Lichfield District Council (Council children's services)" in page
    assert "Apologies Staffordshire Police (Police)" in page
    assert "Absent Chase Terrace Academy (Schools)" in page
    assert "Agreed a summer scheme." in page
    assert "Carried on; overdue: Next time" in page
    assert "Book the hall for the summer scheme Tilly Khan 1 Dec 2026" in page


def test_the_command_line_prints_and_names_a_wrong_number_plainly(
    workspace: Workspace, meetings: tuple[int, int], tmp_path: Path, capsys
) -> None:
    folder = str(workspace.path)
    workspace.close()
    out = tmp_path / "minutes.pdf"
    assert (
        main(
            [
                "print",
                "minutes",
                "--workspace",
                folder,
                "--meeting",
                str(meetings[1]),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert f"Wrote the minutes to {out}" in capsys.readouterr().out
    code = main(["print", "sign-in", "--workspace", folder, "--session", "999", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "The session you asked for (number 999) no longer exists." in err
    assert "Traceback" not in err


def test_the_lists_workbook_holds_the_groups_lists_and_no_young_persons_details(
    workspace: Workspace, club: list[int], tmp_path: Path
) -> None:
    with workspace.session() as session:
        school = create_partner(session, name="Chase Terrace Academy", partner_type="school")
        create_partner(session, name="Burntwood Library", partner_type="council")
        person = add_partner_contact(
            session,
            partner_id=school.id,
            name="Jo Baker",
            role="Head of Year 9",
            email="jo.baker@chase.example",
        )
        log_contact(
            session,
            date="2026-11-02",
            partner_id=school.id,
            contact_id=person.id,
            method="phone",
            summary="Talked about Amy Lowe's place on the course.",
            follow_up_date="2026-11-30",
        )
        session.commit()
    out = paper.save_lists(workspace, tmp_path / "lists.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Partners", "Contact log", "Activities", "Sessions"]
    rows = {
        name: [tuple(r) for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames
    }
    assert (
        "Chase Terrace Academy",
        "Schools",
        "yes",
        "Jo Baker",
        "Head of Year 9",
        None,
        "jo.baker@chase.example",
    ) in rows["Partners"]
    assert (
        "Burntwood Library",
        "Council children's services",
        "yes",
        None,
        None,
        None,
        None,
    ) in rows["Partners"]
    [entry] = rows["Contact log"][1:]
    assert entry[:5] == (
        dt.datetime(2026, 11, 2),
        "Chase Terrace Academy",
        "Jo Baker",
        "Telephone",
        "Talked about [removed] place on the course.",  # the name and its 's
    )
    assert entry[5:] == (dt.datetime(2026, 11, 30), "no")
    assert rows["Activities"][1][:2] == ("Friday youth club", "Open-access youth work")
    assert rows["Sessions"][0] == (
        "Activity",
        "Date",
        "Time",
        "Young people on the register",
        "Headcount",
    )
    assert [r[3] for r in rows["Sessions"][1:]] == [1, 2, 2, 1, 1, 1, 0]  # how many, never who
    everything = " ".join(str(v) for sheet in rows.values() for row in sheet for v in row)
    for young in ("Amy", "Ben", "Cal", "Lowe", "REF-", "WS7"):
        assert young not in everything
    assert book["Sessions"].freeze_panes == "A2" and book["Sessions"].print_title_rows == "$1:$1"

"""Quick paper entry (issue 20): a printed sign-in sheet typed back into the register by its
line numbers, keyboard alone (number, Enter, number, Enter), the page listing the regulars
in the sheet's order with the sheet's numbers, and that order holding while it is filled."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleStateChangeEvent

from trustdesk.ops import paper
from trustdesk.services import activities, attendance
from trustdesk.services import young_people as people
from trustdesk.ui.pages.register_list import NAME, SHEET, TICK
from trustdesk.ui.pages.registers import RegistersPage

TODAY = dt.date(2026, 11, 20)  # a Friday: youth club night
pytestmark = pytest.mark.today(TODAY)

FIRSTS = ("Amir", "Bethany", "Callum", "Daisy", "Ethan", "Freya", "Grace")
LASTS = ("Ahmed", "Baker", "Clarke", "Dixon", "Evans", "Khan")


@pytest.fixture
def club(workspace) -> dict[str, int]:
    """A youth club on Fridays and 42 young people who came to both of the last two, so all
    tie on Recent: a sheet prints 40 of them. Those with a spring session too come first;
    under the counts' old meaning (tonight included) a tick tonight broke such ties."""
    with workspace.session() as session:
        club = activities.create_activity(
            session, title="Youth Club", category="youth-work", start_date="2026-01-09"
        ).id

        def held(day: str) -> int:
            return activities.add_session(
                session, activity_id=club, date=day, start_time="18:30", end_time="20:30"
            ).id

        spring, *autumn = (held(day) for day in ("2026-03-06", "2026-11-06", "2026-11-13"))
        ids = {
            f"{first} {last}": people.add_young_person(
                session, first_name=first, last_name=last, age_band="13-15"
            ).id
            for last in LASTS
            for first in FIRSTS
        }
        for friday in autumn:
            attendance.set_register(session, session_id=friday, young_person_ids=ids.values())
        attendance.set_register(
            session, session_id=spring, young_person_ids=[ids["Grace Khan"], ids["Amir Khan"]]
        )
        ids["Zoe New"] = people.add_young_person(
            session, first_name="Zoe", last_name="New", age_band="13-15"
        ).id
        ids["tonight"] = held("2026-11-20")
        session.commit()
    return ids


@pytest.fixture
def page(qtbot, workspace, club):
    page = RegistersPage(workspace)
    qtbot.addWidget(page)
    page.resize(1150, 680)
    page.show()
    page.refresh()
    return page


def _sheet_column(page) -> list[tuple[str, str]]:
    """(the Sheet column, the name) of every row the page lists."""
    page.model.fetch_all()
    rows = range(page.model.rowCount())
    return [(page.model.index(r, SHEET).data(), page.model.index(r, NAME).data()) for r in rows]


def _ticked(page) -> list[str]:
    checked = Qt.CheckState.Checked
    return [
        page.model.index(r, NAME).data()
        for r in range(page.model.rowCount())
        if page.model.index(r, TICK).data(Qt.ItemDataRole.CheckStateRole) == checked
    ]


def _pdf_text(workspace, session_id: int, out: Path) -> str:
    """The sheet's words, read back from its PDF as test_paper reads them."""
    paper.print_sign_in(workspace, [session_id], out)
    pages = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages)


def _printed(workspace, session_id: int, out: Path) -> list[tuple[str, str]]:
    """The sheet's numbered names, in the sheet's order."""
    names = "|".join(f"{first} {last}" for first in FIRSTS for last in LASTS)
    return re.findall(rf"\b(\d+) ({names}) 13 to 15", _pdf_text(workspace, session_id, out))


def _saved(workspace, session_id: int) -> list[int]:
    with workspace.session() as session:
        return attendance.register(session, session_id)


def _type_lines(qtbot, page, *lines: str) -> None:
    box = page.ui.sheetEdit
    box.setFocus()
    for line in lines:
        qtbot.keyClicks(box, line)
        qtbot.keyClick(box, Qt.Key.Key_Return)


def test_the_page_lists_the_printed_sheets_names_in_its_order_with_its_numbers(
    page, workspace, club, tmp_path
) -> None:
    printed = _printed(workspace, club["tonight"], tmp_path / "sheet.pdf")

    assert len(printed) == paper.MOST_REGULARS == 40
    assert printed[:3] == [("1", "Amir Khan"), ("2", "Grace Khan"), ("3", "Amir Ahmed")]
    listed = _sheet_column(page)
    assert listed[:40] == printed
    assert [line for line, _name in listed[40:]] == ["", ""]  # came, but not on the sheet
    assert not page.ui.peopleTable.isColumnHidden(SHEET) and page.ui.sheetEdit.isVisible()
    [code] = re.findall(
        r"Sheet code (\w{4})\.", _pdf_text(workspace, club["tonight"], tmp_path / "c.pdf")
    )
    assert page.ui.sheetSaid.text().startswith(f"Sheet code {code}: type each ticked line")


def test_a_sheet_printed_before_earlier_registers_changed_shows_another_code(
    page, workspace, club, tmp_path
) -> None:
    """A term's later sheet is printed weeks ahead: when a register before its session is
    entered since, its numbers may name other people, and the codes tell the two apart."""
    printed = _pdf_text(workspace, club["tonight"], tmp_path / "ahead.pdf")
    with workspace.session() as session:
        tonight = attendance.register_session(session, club["tonight"])
        earlier = activities.add_session(
            session,
            activity_id=tonight.activity_id,
            date="2026-11-19",
            start_time="18:30",
            end_time="20:30",
        ).id
        attendance.set_register(session, session_id=earlier, young_person_ids=[club["Freya Evans"]])
        session.commit()
    page.refresh()

    [code] = re.findall(r"Sheet code (\w{4})\.", printed)
    assert _sheet_column(page)[0] == ("1", "Freya Evans")  # three sessions now: first
    assert not page.ui.sheetSaid.text().startswith(f"Sheet code {code}")
    assert page.ui.sheetSaid.text().startswith("Sheet code ")


def test_a_sheet_is_typed_in_by_its_numbers_and_the_order_holds(
    qtbot, page, workspace, club, tmp_path
) -> None:
    printed = dict(_printed(workspace, club["tonight"], tmp_path / "sheet.pdf"))
    before = _sheet_column(page)
    with workspace.session() as session:
        order = [p.id for p in attendance.register_people(session, club["tonight"])]

    _type_lines(qtbot, page, "40", "3", "17", "1")

    assert page.ui.sheetSaid.text() == "Line 1: Amir Khan present \u2014 4 ticked"
    assert page.ui.sheetEdit.text() == "" and page.ui.sheetEdit.hasFocus()  # the next one
    assert page.model.row_at(page.ui.peopleTable.currentIndex().row()).name == "Amir Khan"
    assert _sheet_column(page) == before  # nobody moved
    qtbot.keyClick(page.ui.sheetEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wanted = [club[printed[line]] for line in ("40", "3", "17", "1")]
    assert _saved(workspace, club["tonight"]) == sorted(wanted)

    # Read again from the workspace (as after another page's change): the same order, the
    # same lines, and the next numbers tick the right people still.
    page.refresh()
    assert _sheet_column(page) == before
    with workspace.session() as session:
        assert [p.id for p in attendance.register_people(session, club["tonight"])] == order
    _type_lines(qtbot, page, "28", "3")  # 3 again: a slip put right, unticked
    assert page.ui.sheetSaid.text() == f"Line 3: {printed['3']} not present \u2014 4 ticked"
    page.save()
    wanted = [club[printed[line]] for line in ("40", "17", "1", "28")]
    assert _saved(workspace, club["tonight"]) == sorted(wanted)
    assert _sheet_column(page) == before
    assert printed == dict(_printed(workspace, club["tonight"], tmp_path / "again.pdf"))


def test_a_number_not_on_the_sheet_is_told_plainly_and_ticks_nobody(
    qtbot, page, workspace, club
) -> None:
    said: list[str] = []
    page.status.connect(said.append)

    _type_lines(qtbot, page, "41")

    expected = (
        "Line 41 names nobody: this session's sign-in sheet prints names on lines 1 to 40. "
        "Type a name written on a blank line in \u201cFind or add a young person\u201d."
    )
    assert page.ui.sheetSaid.text() == expected and said[-1] == expected
    _type_lines(qtbot, page, "0", "999")
    assert page.ui.sheetSaid.text().startswith("Line 999 names nobody")
    qtbot.keyClicks(page.ui.sheetEdit, "x7")  # only digits go in the box
    assert page.ui.sheetEdit.text() == "7"
    assert _ticked(page) == [] and page.unsaved() is None


def test_a_line_is_heard_by_a_screen_reader(qtbot, page, monkeypatch) -> None:
    sent: list[tuple[object, ...]] = []

    def record(event) -> None:  # noqa: ANN001
        if isinstance(event, QAccessibleStateChangeEvent):
            sent.append(("state", event.changedStates().checked))
        elif hasattr(event, "message"):
            sent.append(("said", event.message()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)

    _type_lines(qtbot, page, "2", "55")

    assert sent == [
        ("state", True),  # the tick box's cell
        ("said", "Line 2: Grace Khan present \u2014 1 ticked"),  # said once, not twice
        ("said", page.ui.sheetSaid.text()),
    ]
    assert page.ui.sheetSaid.text().startswith("Line 55 names nobody")
    assert page.ui.sheetEdit.accessibleName() == "Sign-in sheet line"


def test_the_find_box_takes_a_line_number_and_a_handwritten_name(
    qtbot, page, workspace, club, tmp_path
) -> None:
    printed = dict(_printed(workspace, club["tonight"], tmp_path / "sheet.pdf"))
    find = page.ui.findEdit
    find.setFocus()
    qtbot.keyClicks(find, "12")
    assert [name for _line, name in _sheet_column(page)] == [printed["12"]]
    assert page.ui.hintLabel.text() == f"Enter ticks line 12 of the sign-in sheet: {printed['12']}."
    assert not page.ui.addNewButton.isVisible()  # a number is nobody's name

    qtbot.keyClick(find, Qt.Key.Key_Return)
    assert find.text() == "" and _ticked(page) == [printed["12"]]

    qtbot.keyClicks(find, "Zoe")  # written by hand on a blank line: on record, never came
    qtbot.keyClick(find, Qt.Key.Key_Return)
    listed = _sheet_column(page)
    assert listed[40] == ("", "Zoe New")  # after the sheet's names, as on the paper
    assert listed[:40] == sorted(
        ((line, name) for line, name in printed.items()), key=lambda row: int(row[0])
    )
    _type_lines(qtbot, page, "5")
    qtbot.keyClicks(find, "77")
    qtbot.keyClick(find, Qt.Key.Key_Return)  # not on the sheet: told, nobody added
    assert page.ui.sheetSaid.text().startswith("Line 77 names nobody")
    assert not page.new_person.isVisible()
    page.save()
    wanted = [club[printed["12"]], club["Zoe New"], club[printed["5"]]]
    assert _saved(workspace, club["tonight"]) == sorted(wanted)


def test_a_session_whose_activity_nobody_came_to_before_has_no_sheet_lines(
    qtbot, workspace, club
) -> None:
    with workspace.session() as session:
        first = activities.create_activity(
            session, title="Cookery", category="youth-work", start_date="2026-11-01"
        ).id
        activities.add_session(
            session, activity_id=first, date=TODAY, start_time="10:00", end_time="12:00"
        )
        session.commit()
    page = RegistersPage(workspace)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.current is not None and page.current.activity == "Cookery"  # 10:00 first

    assert not page.ui.sheetEdit.isVisible() and page.ui.peopleTable.isColumnHidden(SHEET)

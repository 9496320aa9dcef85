"""The boards' own work (issue 18): a district officer keeps the district board's partners,
meetings and actions in TrustDesk, and its return carries them beside, never inside, the
localities' sums; the county's consolidation keeps each board's figures apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt

from tests.returns.forging import as_older_version
from tests.ui.desktop_runs import shown
from tests.ui.test_meetings_page import _click_row, _dialog, _show_tab, _type_date
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path
from trustdesk.returns.board_tables import boards_tables
from trustdesk.returns.checks import checks_before_export
from trustdesk.returns.compute import compute_return
from trustdesk.returns.export import export_return
from trustdesk.returns.importer import import_returns
from trustdesk.returns.reader import read_workbook
from trustdesk.services.meetings import (
    add_action,
    create_meeting,
    meeting_actions,
    set_partner_attendance,
)
from trustdesk.services.partners import create_partner
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import Workspace
from trustdesk.ui.pages.meetings import MeetingsPage
from trustdesk.ui.pages.partners import PartnersPage

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.today(TODAY)
LEFT = Qt.MouseButton.LeftButton
Q2, Q3 = Period.parse("2026-27Q2"), Period.parse("2026-27Q3")
MADE = dt.datetime(2026, 10, 20, 9, tzinfo=dt.UTC)


def board(ret, *codes: str) -> list[int]:
    return [ret.value("board_" + code) for code in codes]


@pytest.fixture
def district(tmp_path: Path):
    with create_workspace(tmp_path / "EST", "EST", config_path=example_trust_path()) as ws:
        yield ws


def test_a_district_officer_keeps_the_boards_meetings_and_its_return_carries_them(
    qtbot, district: Workspace, tmp_path: Path
) -> None:
    with district.session() as session:
        create_partner(session, name="East Staffordshire Council", partner_type="council")
        session.commit()

    # A partner, typed in on the Partners page.
    partners = shown(qtbot, PartnersPage(district))
    qtbot.mouseClick(partners.new_button, LEFT)
    qtbot.keyClicks(partners.ui.nameEdit, "Staffordshire Police, East")
    partners.ui.typeCombo.setFocus()
    qtbot.keyClicks(partners.ui.typeCombo, "Police")
    qtbot.mouseClick(partners.save_button, LEFT)
    partners.close()

    # A board meeting with who came, and two actions.
    page = shown(qtbot, MeetingsPage(district))
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.mouseClick(page.new_button, LEFT)
    assert page.ui.titleEdit.text() == "East Staffordshire board"
    _type_date(qtbot, page.ui.dateEdit, "10092026")
    table = page.ui.attendanceTable
    _click_row(qtbot, table, 0)  # the council
    qtbot.keyClick(table, Qt.Key.Key_P)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the police
    qtbot.keyClick(table, Qt.Key.Key_A)
    qtbot.mouseClick(page.save_button, LEFT)
    _show_tab(qtbot, page, page.ui.actionsPage)
    for text, owner, due in (
        ("Report on the missing partners", "Board chair", "01102026"),
        ("Ask the police for a named lead", "Partnership manager", "30112026"),
    ):
        qtbot.mouseClick(page.ui.addActionButton, LEFT)
        dialog = _dialog(qtbot, page.dialog)
        qtbot.keyClicks(dialog.ui.textEdit, text)
        qtbot.keyClicks(dialog.ui.ownerEdit, owner)
        qtbot.mouseClick(dialog.ui.dueCheck, LEFT)
        _type_date(qtbot, dialog.ui.dueEdit, due)
        qtbot.mouseClick(dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok), LEFT)

    # The next meeting follows the first action up: done.
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.mouseClick(page.new_button, LEFT)
    _type_date(qtbot, page.ui.dateEdit, "12112026")
    qtbot.mouseClick(page.save_button, LEFT)
    _show_tab(qtbot, page, page.ui.followUpPage)
    _click_row(qtbot, page.ui.followUpTable, 0)
    qtbot.mouseClick(page.ui.reviewButton, LEFT)
    dialog = _dialog(qtbot, page.dialog)
    done = dialog.ui.doneRadio
    qtbot.mouseClick(done, LEFT, pos=QPoint(done.height() // 2, done.height() // 2))
    qtbot.mouseClick(dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok), LEFT)

    with district.session() as session:
        (september,) = [m for m in _meetings(session) if m[1] == dt.date(2026, 9, 10)]
        assert [(a.text, a.status) for a in meeting_actions(session, september[0])] == [
            ("Report on the missing partners", "done"),
            ("Ask the police for a named lead", "open"),
        ]
        q2, q3 = compute_return(session, Q2), compute_return(session, Q3)
        sent = export_return(session, Q2, tmp_path / "out", formats=["xlsx"], now=MADE)
        session.commit()
    codes = ("meetings_held", "meeting_places", "meeting_present", "meeting_apologies")
    codes += ("actions_opened", "actions_completed")
    assert board(q2, *codes) == [1, 2, 1, 1, 2, 0]
    assert board(q3, *codes) == [1, 0, 0, 0, 0, 1]
    assert q2.value("board_meeting_present", "partner_type", "council") == 1
    assert q2.value("board_meeting_apologies", "partner_type", "police") == 1
    # The localities' sums know nothing of the board: none of their returns is in.
    assert q2.value("meetings_held") == 0 and q2.value("meeting_places") == 0

    # The file the district sends holds the board's figures, and its Summary shows them.
    back = read_workbook(sent.paths[0], district.config)
    assert board(back, *codes) == [1, 2, 1, 1, 2, 0]
    summary = [
        r[0] for r in openpyxl.load_workbook(sent.paths[0])["Summary"].iter_rows(values_only=True)
    ]
    assert "The board's own work" in summary and "Board meetings held" in summary


def _meetings(session) -> list[tuple[int, dt.date]]:
    from trustdesk.services.meetings import list_meetings

    return [(m.id, m.date) for m in list_meetings(session)]


def _board_meeting(ws: Workspace, day: str, present: int, actions: int) -> None:
    """A board meeting on ``day`` with ``present`` partners there, and ``actions`` agreed."""
    with ws.session() as session:
        meeting = create_meeting(session, date=day, title=f"{ws.unit.name} board").id
        came = {
            create_partner(session, name=f"Partner {day} {n}", partner_type="council").id: "present"
            for n in range(present)
        }
        set_partner_attendance(session, meeting_id=meeting, attendance=came)
        for n in range(actions):
            add_action(session, meeting_id=meeting, text=f"Action {n}", owner="Chair")
        session.commit()


def _district_return(tmp_path: Path, code: str, meetings: int, older: bool = False) -> Path:
    """District ``code``'s Q2 return with ``meetings`` board meetings (two partners at each,
    an action agreed at each), as TrustDesk makes it or as an older one did."""
    with create_workspace(tmp_path / code, code, config_path=example_trust_path()) as ws:
        for n in range(meetings):
            _board_meeting(ws, f"2026-0{7 + n}-15", present=2, actions=1)
        with ws.session() as session:
            path = export_return(session, Q2, tmp_path / f"{code}-out", formats=["xlsx"], now=MADE)
            session.commit()
    if not older:
        return path.paths[0]
    book = openpyxl.load_workbook(path.paths[0])
    as_older_version(book, "3")
    old = tmp_path / f"{code}-old.xlsx"
    book.save(old)
    return old


def test_the_county_keeps_each_boards_work_apart_and_unsummed(tmp_path: Path) -> None:
    est = _district_return(tmp_path, "EST", meetings=2)
    lic = _district_return(tmp_path, "LIC", meetings=3)
    with create_workspace(tmp_path / "STAFFS", "STAFFS", config_path=example_trust_path()) as ws:
        _board_meeting(ws, "2026-08-20", present=4, actions=2)
        with ws.session() as session:
            report = import_returns(session, [est, lic], today=TODAY)
            assert [line.outcome for line in report.lines] == ["imported", "imported"]
            county = compute_return(session, Q2)
            session.commit()

    # The county board's own: one meeting, four partners, two actions; not 1 + 2 + 3.
    assert board(county, "meetings_held", "meeting_places", "actions_opened") == [1, 4, 2]
    parts = {p.unit_code: p for p in county.parts}
    assert board(parts["EST"], "meetings_held", "meeting_present") == [2, 4]
    assert board(parts["LIC"], "meetings_held", "meeting_present") == [3, 6]
    assert county.value("meetings_held") == 0  # the localities' meetings: none in these returns

    table = boards_tables(county, ws.config)[0]  # the meetings, then the actions
    rows = {row.label: row.values[:3] for row in table.rows}
    assert rows["East Staffordshire board"] == [2, 4, 4]
    assert rows["Lichfield board"] == [3, 6, 6]
    assert rows["Staffordshire board (the county's own)"] == [1, 4, 4]


def test_a_district_return_of_the_format_before_still_imports_and_consolidates(
    tmp_path: Path,
) -> None:
    old = _district_return(tmp_path, "EST", meetings=2, older=True)
    staffs = tmp_path / "STAFFS"
    with (
        create_workspace(staffs, "STAFFS", config_path=example_trust_path()) as ws,
        ws.session() as session,
    ):
        report = import_returns(session, [old], today=TODAY)
        assert [line.outcome for line in report.lines] == ["imported"], report.summary
        county = compute_return(session, Q2)
        session.commit()
    (est,) = [p for p in county.parts if p.unit_code == "EST"]
    assert board(est, "meetings_held") == [0]  # not carried: the table says so, not "0"
    table = boards_tables(county, ws.config)[1]
    (row,) = [r for r in table.rows if r.label == "East Staffordshire board"]
    assert row.values == [None] * len(table.columns)
    assert "East Staffordshire sent a return made by an earlier TrustDesk" in table.note


def test_a_board_that_has_not_met_or_whose_statutory_partners_stay_away_is_warned(
    district: Workspace,
) -> None:
    with district.session() as session:
        assert "The board has no meeting recorded yet" in _board_warnings(session)
    _board_meeting(district, "2026-08-20", present=2, actions=0)  # councils only
    with district.session() as session:
        warnings = _board_warnings(session)
    assert (
        "The board last met on 20 Aug 2026, more than 2 months ago: its next meeting was due "
        "by 20 Oct 2026." in warnings
    )
    assert "Police" in warnings and "no one came to the last board meeting" in warnings
    assert "Council children's services" not in warnings


def _board_warnings(session) -> str:
    return "\n".join(
        c.message for c in checks_before_export(session, Q3, TODAY) if c.record_kind == "meeting"
    )


def test_the_boards_dashboard_says_how_the_board_is_doing(qtbot, district: Workspace) -> None:
    from trustdesk.ui.pages.board_dashboard import BoardDashboardPage

    _board_meeting(district, "2026-08-20", present=2, actions=1)
    page = shown(qtbot, BoardDashboardPage(district))
    qtbot.waitUntil(lambda: page.overview is not None)

    assert page.meeting.text() == (
        "The board last met on 20 Aug 2026, more than 2 months ago: its next meeting was due "
        "by 20 Oct 2026."
    )
    assert page.missing.text().startswith("Missing partners: Youth service, Schools")
    assert page.attendance.text() == (
        "Partner attendance at the last board meeting: 100% (2 of 2 places)"
    )
    assert page.actions.text() == "Actions: 1 open, 0 of them overdue."
    assert page.returns_box.title() == (
        "The localities' returns for Q2 2026-27 (Jul\u2013Sep 2026), due 15 Oct 2026"
    )
    assert page.returns_grid.rowCount() == 6  # each of East Staffordshire's localities

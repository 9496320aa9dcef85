"""The Meetings & actions page, driven as a user would: typing a meeting, marking which
partners came, adding actions in their dialog, and following them up at later meetings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox

from trustdesk.services.meetings import (
    add_action,
    create_meeting,
    follow_up,
    list_meetings,
    meeting_actions,
    meeting_attendance,
    set_partner_attendance,
)
from trustdesk.services.partners import create_partner
from trustdesk.ui.pages.meetings import MeetingsPage

TODAY = dt.date(2026, 6, 20)
pytestmark = pytest.mark.today(TODAY)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def partners(workspace):
    """Four partners, listed by name: Alpha, Bravo, Charlie, Delta."""
    with workspace.session() as session:
        ids = {
            name: create_partner(session, name=name, partner_type=kind).id
            for name, kind in (
                ("Alpha Youth Club", "youth"),
                ("Bravo School", "school"),
                ("Charlie Police Team", "police"),
                ("Delta Health Centre", "health"),
            )
        }
        session.commit()
        return ids


@pytest.fixture
def page(qtbot, workspace, partners):
    page = MeetingsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1150, 680)
    page.show()
    page.refresh()
    return page


def _april_with_actions(workspace):
    """A meeting on 14 April with two actions: one due 1 May, one due 30 July."""
    with workspace.session() as session:
        april = create_meeting(session, date="2026-04-14").id
        late = add_action(
            session, meeting_id=april, text="Book the hall", owner="Jo", due_date="2026-05-01"
        ).id
        later = add_action(
            session, meeting_id=april, text="Print leaflets", owner="Sam", due_date="2026-07-30"
        ).id
        session.commit()
    return april, late, later


def _texts(model) -> list[str]:
    return [model.row_at(r).text for r in range(model.rowCount())]


def _show_tab(qtbot, page, tab) -> None:
    bar = page.ui.sectionTabs.tabBar()
    index = page.ui.sectionTabs.indexOf(tab)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert page.ui.sectionTabs.currentWidget() is tab


def _click_row(qtbot, view, row: int) -> None:
    where = view.visualRect(view.model().index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), LEFT, pos=where)


def _type_date(qtbot, edit, digits: str) -> None:
    """Type a date as a user does: the cursor in the field selects the day, and the digits
    move on to the month and the year (ddMMyyyy)."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, digits)


def _dialog(qtbot, dialog):
    """The dialog, open and active as the window system leaves it for the user."""
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_meeting_typed_in_with_its_partners_and_actions_is_saved(
    qtbot, page, workspace, partners
) -> None:
    qtbot.mouseClick(page.new_button, LEFT)
    f = page.ui
    assert f.dateEdit.hasFocus()
    qtbot.keyClicks(f.dateEdit, "14042026")
    qtbot.keyClick(f.titleEdit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(f.titleEdit, "Summer planning")
    qtbot.keyClicks(f.venueEdit, "Burntwood Library")

    table = f.attendanceTable
    _click_row(qtbot, table, 0)  # Alpha
    qtbot.keyClick(table, Qt.Key.Key_P)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # Bravo
    qtbot.keyClick(table, Qt.Key.Key_P)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # Charlie
    qtbot.keyClick(table, Qt.Key.Key_A)
    assert table.item(2, 2).text() == "Apologies"
    assert not f.addActionButton.isEnabled()  # an action belongs to a saved meeting

    qtbot.mouseClick(page.save_button, LEFT)

    with workspace.session() as session:
        rows = list_meetings(session)
        assert [(r.date, r.title, r.present, r.apologies) for r in rows] == [
            (dt.date(2026, 4, 14), "Summer planning", 2, 1)
        ]
        attendance = {a.name: a.status for a in meeting_attendance(session, rows[0].id)}
    assert attendance == {
        "Alpha Youth Club": "present",
        "Bravo School": "present",
        "Charlie Police Team": "apologies",
        "Delta Health Centre": None,
    }
    assert page.unsaved() is None

    _show_tab(qtbot, page, f.actionsPage)
    for text, owner, due in (
        ("Draft the risk assessment", "Sarah Cooper (Youth Service)", "05052026"),
        ("Invite the police to present", "PC Grant", "30062026"),
    ):
        qtbot.mouseClick(f.addActionButton, LEFT)
        dialog = _dialog(qtbot, page.dialog)
        qtbot.keyClicks(dialog.ui.textEdit, text)
        qtbot.keyClicks(dialog.ui.ownerEdit, owner)
        qtbot.mouseClick(dialog.ui.dueCheck, LEFT)
        _type_date(qtbot, dialog.ui.dueEdit, due)
        qtbot.mouseClick(dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok), LEFT)
        assert not dialog.isVisible()

    with workspace.session() as session:
        actions = meeting_actions(session, rows[0].id)
    assert [(a.text, a.owner, a.due_date, a.status) for a in actions] == [
        ("Draft the risk assessment", "Sarah Cooper (Youth Service)", dt.date(2026, 5, 5), "open"),
        ("Invite the police to present", "PC Grant", dt.date(2026, 6, 30), "open"),
    ]
    assert _texts(page.actions_model) == [a.text for a in actions]
    assert page.list.current().still_open == 2  # the list counts them at once


def test_a_due_date_before_the_meeting_is_refused_in_the_dialog(qtbot, page, workspace) -> None:
    with workspace.session() as session:
        meeting = create_meeting(session, date="2026-05-12").id
        session.commit()
    page.refresh()
    page.list.select_id(meeting)
    _show_tab(qtbot, page, page.ui.actionsPage)

    qtbot.mouseClick(page.ui.addActionButton, LEFT)
    dialog = _dialog(qtbot, page.dialog)
    qtbot.keyClicks(dialog.ui.textEdit, "Book the hall")
    qtbot.keyClicks(dialog.ui.ownerEdit, "Jo")
    qtbot.mouseClick(dialog.ui.dueCheck, LEFT)
    _type_date(qtbot, dialog.ui.dueEdit, "01052026")
    qtbot.keyClick(dialog.ui.ownerEdit, Qt.Key.Key_Return)  # Enter presses OK

    assert dialog.isVisible()
    assert dialog.ui.formProblem.isVisible()
    assert dialog.ui.formProblem.text() == "Due date: is before the meeting that agreed the action."
    assert dialog.ui.dueEdit.hasFocus()
    with workspace.session() as session:
        assert meeting_actions(session, meeting) == []


def test_open_actions_come_up_at_the_next_meeting_and_overdue_ones_stand_out(
    qtbot, page, workspace
) -> None:
    _april_with_actions(workspace)
    qtbot.mouseClick(page.new_button, LEFT)
    qtbot.keyClicks(page.ui.dateEdit, "12052026")
    qtbot.mouseClick(page.save_button, LEFT)
    _show_tab(qtbot, page, page.ui.followUpPage)

    model = page.follow_up_model
    assert _texts(model) == ["Book the hall", "Print leaflets"]
    due = [c.heading for c in model.columns].index("Due")
    late, later = model.index(0, due), model.index(1, due)
    assert late.data() == "01 May 2026 \u2014 overdue"  # said in words, not only in colour
    assert late.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert late.data(Qt.ItemDataRole.FontRole).bold()
    assert later.data() == "30 Jul 2026"
    assert later.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "1 overdue" in page.ui.sectionTabs.tabText(1)

    listed = page.list.model  # the April meeting, below May: its open actions, one overdue
    april_open = listed.index(1, [c.heading for c in listed.columns].index("Actions open"))
    assert april_open.data() == "2 (1 overdue)"
    assert april_open.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_an_action_marked_done_drops_out_of_later_meetings(qtbot, page, workspace) -> None:
    _april_with_actions(workspace)
    with workspace.session() as session:
        may = create_meeting(session, date="2026-05-12").id
        june = create_meeting(session, date="2026-06-09").id
        session.commit()
    page.refresh()
    page.list.select_id(may)
    _show_tab(qtbot, page, page.ui.followUpPage)

    _click_row(qtbot, page.ui.followUpTable, 0)  # Book the hall
    qtbot.mouseClick(page.ui.reviewButton, LEFT)
    dialog = _dialog(qtbot, page.dialog)
    done = dialog.ui.doneRadio  # clicked on its round button, at the left
    qtbot.mouseClick(done, LEFT, pos=QPoint(done.height() // 2, done.height() // 2))
    assert done.isChecked()
    qtbot.keyClicks(dialog.ui.noteEdit, "Booked for July")
    qtbot.keyClick(dialog.ui.noteEdit, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    # The May meeting still shows what it decided; June no longer lists the closed action.
    assert _texts(page.follow_up_model) == ["Book the hall", "Print leaflets"]
    review = [c.heading for c in page.follow_up_model.columns].index("At this meeting")
    assert page.follow_up_model.index(0, review).data() == "Done"
    page.list.select_id(june)
    assert _texts(page.follow_up_model) == ["Print leaflets"]
    with workspace.session() as session:
        assert [(r.text, r.review, r.note) for r in follow_up(session, may, today=TODAY)] == [
            ("Book the hall", "done", "Booked for July"),
            ("Print leaflets", None, ""),
        ]


def test_attendance_is_chosen_with_the_keyboard_and_can_be_reverted(
    qtbot, page, workspace, partners
) -> None:
    with workspace.session() as session:
        meeting = create_meeting(session, date="2026-05-12").id
        set_partner_attendance(
            session, meeting_id=meeting, attendance={partners["Delta Health Centre"]: "present"}
        )
        session.commit()
    page.refresh()
    page.list.select_id(meeting)
    table = page.ui.attendanceTable
    _click_row(qtbot, table, 0)

    qtbot.keyClick(table, Qt.Key.Key_A)
    qtbot.keyClick(table, Qt.Key.Key_A)  # A again: absent
    assert table.item(0, 2).text() == "Absent"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Right)  # steps through: present
    assert table.item(1, 2).text() == "Present"
    assert page.unsaved() == "the meeting"

    qtbot.mouseClick(page.revert_button, LEFT)
    assert [table.item(r, 2).text() for r in range(4)] == [
        "Not expected",
        "Not expected",
        "Not expected",
        "Present",
    ]

    _click_row(qtbot, table, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # the list of choices
    choices = table.viewport().findChild(QComboBox)
    assert choices is not None and choices.currentText() == "Not expected"
    qtbot.keyClick(choices, Qt.Key.Key_Up)
    qtbot.keyClick(choices, Qt.Key.Key_Return)  # the table takes the choice once idle
    qtbot.waitUntil(lambda: table.item(2, 2).text() == "Absent")
    assert page.unsaved() == "the meeting"

    _click_row(qtbot, table, 3)
    qtbot.keyClick(table, Qt.Key.Key_N)  # not expected after all
    _click_row(qtbot, table, 0)
    qtbot.keyClick(table, Qt.Key.Key_P)
    qtbot.mouseClick(page.save_button, LEFT)
    with workspace.session() as session:
        statuses = {a.name: a.status for a in meeting_attendance(session, meeting)}
    assert statuses == {
        "Alpha Youth Club": "present",
        "Bravo School": None,
        "Charlie Police Team": "absent",
        "Delta Health Centre": None,
    }


def test_leaving_changed_attendance_asks_first(qtbot, page, workspace, answers, shown_messages):
    with workspace.session() as session:
        first = create_meeting(session, date="2026-04-14").id
        create_meeting(session, date="2026-05-12")
        session.commit()
    page.refresh()
    page.list.select_id(first)
    _click_row(qtbot, page.ui.attendanceTable, 0)
    qtbot.keyClick(page.ui.attendanceTable, Qt.Key.Key_P)

    answers.append("Cancel")
    _click_row(qtbot, page.list.table, 0)  # the May meeting, newest first
    qtbot.wait(10)

    assert shown_messages[-1]["title"] == "Unsaved changes"
    assert page.record_id == first
    assert page.ui.attendanceTable.item(0, 2).text() == "Present"


def test_an_action_is_edited_in_its_dialog(qtbot, page, workspace, partners) -> None:
    april, late, _later = _april_with_actions(workspace)
    page.refresh()
    page.list.select_id(april)
    _show_tab(qtbot, page, page.ui.actionsPage)
    _click_row(qtbot, page.ui.actionsTable, 0)
    qtbot.keyClick(page.ui.actionsTable, Qt.Key.Key_Return)  # Enter edits the action

    dialog = _dialog(qtbot, page.dialog)
    assert dialog.ui.textEdit.text() == "Book the hall"
    dialog.ui.ownerEdit.clear()
    qtbot.keyClicks(dialog.ui.ownerEdit, "Jo Smith")
    dialog.ui.ownerPartnerCombo.setFocus()
    qtbot.keyClicks(dialog.ui.ownerPartnerCombo, "Bravo")
    dialog.ui.statusCombo.setFocus()
    qtbot.keyClicks(dialog.ui.statusCombo, "Done")
    qtbot.mouseClick(dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok), LEFT)

    with workspace.session() as session:
        action = meeting_actions(session, april)[0]
    assert (action.owner, action.owner_partner_id, action.status, action.closed_on) == (
        "Jo Smith",
        partners["Bravo School"],
        "done",
        TODAY,  # marked done outside a meeting: today, the day the dialog offered
    )
    assert page.ui.actionsTable.currentIndex().row() == 0


def test_showing_an_action_selects_its_meeting_and_the_action(qtbot, page, workspace) -> None:
    april, _late, later = _april_with_actions(workspace)
    with workspace.session() as session:
        create_meeting(session, date="2026-05-12")
        session.commit()
    page.stale = True

    page.show_record("action", later)

    assert page.record_id == april
    assert page.ui.sectionTabs.currentWidget() is page.ui.actionsPage
    current = page.ui.actionsTable.currentIndex()
    assert page.actions_model.row_at(current.row()).id == later
    assert page.ui.actionsTable.hasFocus()


def test_the_page_opens_on_a_new_meeting_with_every_partner_and_what_to_follow_up(
    qtbot, workspace, partners
) -> None:
    _april_with_actions(workspace)
    page = MeetingsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1150, 680)
    page.show()
    page.refresh()  # as the main window does when the page is first shown

    f = page.ui
    assert f.attendanceTable.rowCount() == len(partners)
    assert _texts(page.follow_up_model) == ["Book the hall", "Print leaflets"]
    assert f.sectionTabs.tabText(1) == "Follow-&up of earlier actions (2, 1 overdue)"
    assert f.sectionTabs.tabText(0) == "&Partners (0 present)"

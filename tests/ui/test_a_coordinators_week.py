"""A coordinator's week, through the main window as they would do it: pages chosen in the
sidebar, records typed into forms and dialogs, the register marked with the keyboard, a
meeting's actions followed up at the next meeting — and the Dashboard's figures following.

Dates are put into date fields with setDate: on the offscreen test platform typed digits do
not always reach a QDateEdit. Everything else is clicks and key presses."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox

from trustdesk.services.attendance import register
from trustdesk.services.contact_log import list_contact_log
from trustdesk.services.meetings import list_meetings
from trustdesk.services.partners import list_partner_rows
from trustdesk.services.young_people import add_young_person
from trustdesk.ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 23)  # a Monday, in Q3 2026-27
pytestmark = pytest.mark.today(TODAY)
CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, workspace):
    with workspace.session() as session:  # young people met before this week
        for first, last in (("Kyle", "Hart"), ("Amira", "Begum"), ("Josh", "Reid")):
            add_young_person(session, first_name=first, last_name=last, date_of_birth="2011-03-04")
        session.commit()
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def go(qtbot, window: MainWindow, label: str):
    """Click the page's entry in the sidebar; returns the page, with its figures shown."""
    sidebar = window.ui.sidebar
    item = sidebar.findItems(label, Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(sidebar.viewport(), CLICK, pos=sidebar.visualItemRect(item).center())
    page = window.current_page()
    assert page is not None and page.title == label
    qtbot.waitUntil(lambda: not page.busy())
    return page


def open_dialog(qtbot, page) -> QDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(QDialog)))
    return next(d for d in page.findChildren(QDialog) if d.isVisible())


def press_ok(qtbot, dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    ok = next(
        b
        for b in buttons.buttons()
        if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
    )
    qtbot.mouseClick(ok, CLICK)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def figure(page, code: str) -> int:
    return int(page.tiles[code].value.text().replace(",", ""))


def test_a_week_recorded_through_the_window(qtbot, window, workspace):
    dashboard = go(qtbot, window, "Dashboard")
    codes = ("sessions", "attendances", "contacts", "meetings_held", "open_actions")
    assert {code: figure(dashboard, code) for code in codes} == dict.fromkeys(codes, 0)

    # A partner, and a person there to deal with.
    partners = go(qtbot, window, "Partners")
    qtbot.mouseClick(partners.new_button, CLICK)
    qtbot.keyClicks(partners.ui.nameEdit, "Burntwood Youth Service")
    partners.ui.typeCombo.setFocus()
    qtbot.keyClicks(partners.ui.typeCombo, "Youth")
    qtbot.keyClick(partners.ui.nameEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert partners.unsaved() is None
    qtbot.keyClicks(partners.contact_fields["name"], "Sam Patel")
    qtbot.keyClicks(partners.contact_fields["role"], "Youth worker")
    qtbot.keyClick(partners.contact_fields["role"], Qt.Key.Key_Return)
    with workspace.session() as session:
        rows = list_partner_rows(session)
    assert [(r.name, r.contacts) for r in rows] == [("Burntwood Youth Service", 1)]

    # A contact made with them.
    contacts = go(qtbot, window, "Contact log")
    qtbot.mouseClick(contacts.new_button, CLICK)
    contacts.ui.partnerCombo.setFocus()
    qtbot.keyClicks(contacts.ui.partnerCombo, "Burntwood")
    contacts.ui.methodCombo.setFocus()  # starts at "(choose)", like the partner
    qtbot.keyClicks(contacts.ui.methodCombo, "Telephone")
    qtbot.keyClicks(contacts.ui.summaryEdit, "Agreed a youth worker for Friday nights")
    qtbot.mouseClick(contacts.save_button, CLICK)
    with workspace.session() as session:
        assert [r.partner for r in list_contact_log(session)] == ["Burntwood Youth Service"]

    # An activity with four weekly sessions, the last of them tonight.
    activities = go(qtbot, window, "Activities")
    qtbot.mouseClick(activities.new_button, CLICK)
    qtbot.keyClicks(activities.ui.titleEdit, "Monday youth club")
    activities.ui.categoryCombo.setFocus()  # starts at "(choose)"
    qtbot.keyClicks(activities.ui.categoryCombo, "Open")
    activities.ui.startEdit.setDate(QDate(2026, 11, 2))
    qtbot.mouseClick(activities.outcome_boxes["enjoy"], CLICK)
    qtbot.mouseClick(activities.save_button, CLICK)
    assert activities.unsaved() is None
    qtbot.mouseClick(activities.ui.addWeeklyButton, CLICK)
    weekly = open_dialog(qtbot, activities)
    weekly.fields["first_date"].setDate(QDate(2026, 11, 2))
    weekly.fields["weeks"].selectAll()
    qtbot.keyClicks(weekly.fields["weeks"], "4")
    press_ok(qtbot, weekly)
    assert activities.list.current().sessions == 4

    # Tonight's register, by keyboard alone: find each young person by typing, Enter ticks.
    registers = go(qtbot, window, "Registers")
    assert registers.ui.sessionCombo.currentText().startswith("Today")
    find = registers.ui.findEdit
    find.setFocus()
    for name in ("Kyle", "Amira"):
        qtbot.keyClicks(find, name)
        qtbot.waitUntil(lambda: registers.ui.peopleTable.model().rowCount() > 0)
        qtbot.keyClick(find, Qt.Key.Key_Return)
    qtbot.keyClick(find, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert registers.unsaved() is None
    tonight = registers.ui.sessionCombo.currentData()
    with workspace.session() as session:
        assert len(register(session, tonight)) == 2

    # A meeting with two actions, one due last week ...
    meetings = go(qtbot, window, "Meetings & actions")
    qtbot.mouseClick(meetings.new_button, CLICK)
    meetings.ui.dateEdit.setDate(QDate(2026, 11, 2))
    meetings.ui.titleEdit.selectAll()
    qtbot.keyClicks(meetings.ui.titleEdit, "Locality group meeting")
    attendance = meetings.ui.attendanceTable
    attendance.setFocus()
    attendance.setCurrentCell(0, 2)
    qtbot.keyClick(attendance, Qt.Key.Key_P)  # the youth service: present
    qtbot.mouseClick(meetings.save_button, CLICK)
    assert meetings.unsaved() is None
    for text, owner, due in (
        ("Book the sports hall for the spring", "Sam Patel", QDate(2026, 11, 16)),
        ("Ask the school about a Tuesday group", "Coordinator", None),
    ):
        qtbot.mouseClick(meetings.ui.addActionButton, CLICK)
        dialog = open_dialog(qtbot, meetings)
        qtbot.keyClicks(dialog.fields["text"], text)
        qtbot.keyClicks(dialog.fields["owner"], owner)
        if due is not None:
            qtbot.mouseClick(dialog.findChild(QCheckBox), CLICK)  # it has a due date
            dialog.fields["due_date"].setDate(due)
        press_ok(qtbot, dialog)

    # ... and at today's meeting both come up to be followed up, the late one marked.
    qtbot.mouseClick(meetings.new_button, CLICK)
    meetings.ui.dateEdit.setDate(QDate(2026, 11, 23))
    qtbot.mouseClick(meetings.save_button, CLICK)
    follow_up = meetings.ui.followUpTable.model()
    shown = [
        " ".join(
            str(follow_up.index(row, column).data() or "")
            for column in range(follow_up.columnCount())
        )
        for row in range(follow_up.rowCount())
    ]
    assert len(shown) == 2
    late = next(text for text in shown if "sports hall" in text)
    assert "overdue" in late
    assert "overdue" not in next(text for text in shown if "Tuesday group" in text)
    with workspace.session() as session:
        assert [m.date for m in list_meetings(session)] == [TODAY, dt.date(2026, 11, 2)]

    # The Dashboard has followed all of it.
    dashboard = go(qtbot, window, "Dashboard")
    assert figure(dashboard, "sessions") == 4
    assert figure(dashboard, "attendances") == 2
    assert figure(dashboard, "contacts") == 2
    assert figure(dashboard, "meetings_held") == 2
    assert figure(dashboard, "open_actions") == 2
    assert figure(dashboard, "actions_overdue") == 1

"""Marking an action done or dropped outside a meeting asks the day it happened: today
unless the coordinator says otherwise, never in the future nor before the action was agreed.
So the figures of a period that ended before that day still count the action as open."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit

from trustdesk.services.meetings import (
    add_action,
    create_meeting,
    meeting_actions,
    review_action,
)
from trustdesk.ui.pages.meetings import MeetingsPage

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def july(workspace) -> tuple[int, int, int]:
    """The meeting of 14 July, with two actions: one still open, one done at 13 October's."""
    with workspace.session() as session:
        july = create_meeting(session, date="2026-07-14").id
        hall = add_action(
            session, meeting_id=july, text="Book the hall", owner="Jo", due_date="2026-08-04"
        ).id
        leaflet = add_action(
            session, meeting_id=july, text="Leaflet", owner="Sam", due_date="2026-09-01"
        ).id
        october = create_meeting(session, date="2026-10-13").id
        review_action(session, action_id=leaflet, meeting_id=october, status="done")
        session.commit()
    return july, hall, leaflet


@pytest.fixture
def page(qtbot, workspace, july):
    page = MeetingsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1150, 680)
    page.show()
    page.refresh()
    page.list.select_id(july[0])
    page.ui.sectionTabs.setCurrentWidget(page.ui.actionsPage)
    return page


def _edit(qtbot, page, row: int):
    """The action dialog of the ``row``-th action agreed at the meeting, open and active."""
    table = page.ui.actionsTable
    table.setCurrentIndex(page.actions_model.index(row, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _choose_status(qtbot, dialog, word: str) -> None:
    dialog.ui.statusCombo.setFocus()
    qtbot.keyClicks(dialog.ui.statusCombo, word)


def _type_date(qtbot, edit: QDateEdit, ddmmyyyy: str) -> None:
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, ddmmyyyy)


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok), LEFT)


def _stored(workspace, meeting_id: int, action_id: int):
    with workspace.session() as session:
        (row,) = [r for r in meeting_actions(session, meeting_id) if r.id == action_id]
    return row


def test_dropping_an_action_asks_the_day_defaulting_to_today(
    qtbot, page, workspace, july, commits
) -> None:
    meeting, hall, _ = july
    dialog = _edit(qtbot, page, 0)
    f = dialog.ui
    assert not f.closedEdit.isVisibleTo(dialog)  # an open action has no such day

    _choose_status(qtbot, dialog, "Dropped")
    assert f.closedEdit.isVisibleTo(dialog) and f.closedEdit.isEnabled()
    assert f.closedLabel.text() == "Done or dropped &on"
    assert f.closedEdit.date().toPython() == TODAY
    assert "A period that ended before this day still counts" in f.closedNote.text()
    note = f.closedNote  # all its lines shown, none cut off at the dialog's edge
    assert note.height() >= note.heightForWidth(note.width()) > 0

    _type_date(qtbot, f.closedEdit, "10112026")
    assert f.closedEdit.date().toPython() == dt.date(2026, 11, 10)
    assert commits.during(lambda: _ok(qtbot, dialog)) == 1  # one user action, one commit

    stored = _stored(workspace, meeting, hall)
    assert (stored.status, stored.closed_on) == ("dropped", dt.date(2026, 11, 10))
    shown = page.actions_model.index(0, 3).data()
    assert shown == "Dropped 10 Nov 2026"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("24112026", "Done or dropped on: is after today (23 Nov 2026); give the day it was"),
        ("13072026", "Done or dropped on: is before the meeting of 14 Jul 2026, which agreed it."),
    ],
)
def test_a_day_in_the_future_or_before_the_action_was_agreed_is_explained(
    qtbot, page, workspace, july, typed, message
) -> None:
    meeting, hall, _ = july
    dialog = _edit(qtbot, page, 0)
    _choose_status(qtbot, dialog, "Done")
    _type_date(qtbot, dialog.ui.closedEdit, typed)
    _ok(qtbot, dialog)

    assert dialog.isVisible()  # kept open, what was typed still there
    assert message in dialog.problem.text()
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.ui.closedEdit.hasFocus()
    assert _stored(workspace, meeting, hall).status == "open"


def test_a_close_decided_at_a_meeting_shows_that_meetings_date(qtbot, page, july) -> None:
    dialog = _edit(qtbot, page, 1)
    f = dialog.ui
    assert f.statusCombo.currentData() == "done"
    assert f.closedEdit.isVisibleTo(dialog) and not f.closedEdit.isEnabled()
    assert f.closedEdit.date().toPython() == dt.date(2026, 10, 13)
    assert f.closedNote.text() == "Decided at the meeting of 13 Oct 2026: change its review there."
    assert "closed_on" not in dialog.values()  # editing its text leaves the day alone

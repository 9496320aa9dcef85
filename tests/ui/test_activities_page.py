"""The Activities page, driven as a coordinator would: typing an activity, adding its weekly
sessions through the dialog, a session outside the activity's dates refused in the dialog,
deleting a session (asked, and undone), and a partner's contribution."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from trustdesk.services.activities import (
    activity_sessions,
    add_session,
    contribution_rows,
    create_activity,
    list_activities,
)
from trustdesk.services.attendance import set_register
from trustdesk.services.deletion import undo_delete
from trustdesk.services.partners import create_partner
from trustdesk.services.young_people import add_young_person
from trustdesk.ui.pages.activities import ActivitiesPage
from trustdesk.ui.pages.activity_dialogs import ContributionDialog, SessionDialog

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def page(qtbot, workspace):
    page = ActivitiesPage(workspace)
    qtbot.addWidget(page)
    page.resize(1150, 680)
    page.show()
    page.refresh()
    return page


@pytest.fixture
def club(workspace, page):
    """A term-time youth club, selected on the page."""
    with workspace.session() as session:
        club = create_activity(
            session,
            title="Friday youth club",
            category="youth-work",
            start_date="2026-09-01",
            end_date="2026-12-18",
        ).id
        session.commit()
    page.refresh()
    page.list.select_id(club)
    return club


def _sessions(workspace, activity_id):
    with workspace.session() as session:
        return [
            (s.date.isoformat(), f"{s.start_time:%H:%M}", f"{s.end_time:%H:%M}")
            for s in activity_sessions(session, activity_id)
        ]


def _dialog(page, kind):
    """The dialog the page has just opened (window-modal, so the page waits for it)."""
    (dialog,) = [d for d in page.findChildren(kind) if d.isVisible()]
    return dialog


def test_an_activity_typed_into_the_form_is_saved_with_its_ecm_outcomes(
    qtbot, page, workspace
) -> None:
    with workspace.session() as session:
        create_partner(session, name="Burntwood Youth Centre", partner_type="youth")
        session.commit()
    page.refresh()
    qtbot.mouseClick(page.new_button, CLICK)
    f = page.ui
    assert not f.addSessionButton.isEnabled()
    assert f.addSessionButton.toolTip() == "Save the activity first"
    qtbot.keyClicks(f.titleEdit, "Summer street dance")
    f.categoryCombo.setFocus()
    qtbot.keyClicks(f.categoryCombo, "Arts")
    f.startEdit.setDate(QDate(2026, 7, 20))
    qtbot.mouseClick(f.endCheck, CLICK)
    f.endEdit.setDate(QDate(2026, 8, 28))
    qtbot.keyClicks(f.venueEdit, "Burntwood Leisure Centre")
    f.leadCombo.setFocus()
    qtbot.keyClicks(f.leadCombo, "Burntwood")
    qtbot.mouseClick(page.outcome_boxes["healthy"], CLICK)
    qtbot.mouseClick(page.outcome_boxes["enjoy"], CLICK)
    qtbot.keyClicks(f.descriptionEdit, "Two hours of street dance every week of the holiday.")

    qtbot.mouseClick(page.save_button, CLICK)

    with workspace.session() as session:
        rows = list_activities(session)
    assert [
        (r.title, r.category, r.start_date, r.end_date, r.outcomes, r.lead_partner) for r in rows
    ] == [
        (
            "Summer street dance",
            "Arts, music and dance",
            dt.date(2026, 7, 20),
            dt.date(2026, 8, 28),
            "Be healthy, Enjoy and achieve",
            "Burntwood Youth Centre",
        )
    ]
    assert page.list.count.text() == "1 activities"
    assert page.list.current().title == "Summer street dance"
    assert page.unsaved() is None
    assert f.addSessionButton.isEnabled()
    assert f.addSessionButton.toolTip() == ""


def test_a_missing_title_is_shown_under_the_title_and_nothing_is_saved(
    qtbot, page, workspace
) -> None:
    qtbot.mouseClick(page.new_button, CLICK)
    qtbot.keyClicks(page.ui.venueEdit, "Leisure centre")

    qtbot.mouseClick(page.save_button, CLICK)

    assert page.fields.errors["title"].isVisible()
    assert page.fields.errors["title"].text() == "is required."
    with workspace.session() as session:
        assert list_activities(session) == []


def test_weekly_sessions_are_added_through_the_dialog(qtbot, page, workspace, club) -> None:
    changed = []
    page.what_changed.connect(lambda _changed: changed.append(True))

    qtbot.mouseClick(page.ui.addWeeklyButton, CLICK)
    dialog = _dialog(page, SessionDialog)
    # No sessions yet: from the club's first day (issue 16: not today), as far as its end.
    assert dialog.date_edit.date() == QDate(2026, 9, 1)
    assert dialog.weeks_edit.value() == 16  # what fits before the club ends on 18 Dec
    assert (dialog.start_edit.time(), dialog.end_edit.time()) == (QTime(18, 0), QTime(20, 0))
    dialog.date_edit.setDate(QDate(2026, 9, 4))
    dialog.weeks_edit.selectAll()
    qtbot.keyClicks(dialog.weeks_edit, "6")
    dialog.start_edit.setTime(QTime(18, 30))
    qtbot.mouseClick(dialog.ok_button, CLICK)

    assert not dialog.isVisible()
    assert _sessions(workspace, club) == [
        (day, "18:30", "20:00")
        for day in (
            "2026-09-04",
            "2026-09-11",
            "2026-09-18",
            "2026-09-25",
            "2026-10-02",
            "2026-10-09",
        )
    ]
    assert page.sessions.count.text() == "6 sessions"
    assert page.list.current().sessions == 6
    assert page.list.current().last_session == dt.date(2026, 10, 9)
    assert changed


def test_a_session_outside_the_activitys_dates_is_refused_in_the_dialog(
    qtbot, page, workspace, club
) -> None:
    qtbot.mouseClick(page.ui.addSessionButton, CLICK)
    dialog = _dialog(page, SessionDialog)
    dialog.date_edit.setDate(QDate(2027, 1, 8))
    qtbot.keyClicks(dialog.notes_edit, "New year party")
    qtbot.mouseClick(dialog.ok_button, CLICK)

    assert dialog.isVisible()
    assert dialog.errors["date"].isVisible()  # under the date it is about
    assert dialog.errors["date"].text() == (
        "08 Jan 2027 is outside the activity's dates (01 Sep 2026 to 18 Dec 2026)."
    )
    assert _sessions(workspace, club) == []

    dialog.date_edit.setDate(QDate(2026, 12, 18))
    qtbot.mouseClick(dialog.ok_button, CLICK)
    assert not dialog.isVisible()
    assert _sessions(workspace, club) == [("2026-12-18", "18:00", "20:00")]


def test_too_many_weeks_add_no_session_and_say_how_many_fit(qtbot, page, workspace, club) -> None:
    qtbot.mouseClick(page.ui.addWeeklyButton, CLICK)
    dialog = _dialog(page, SessionDialog)
    dialog.date_edit.setDate(QDate(2026, 11, 23))  # it starts on the club's first day
    dialog.weeks_edit.selectAll()
    qtbot.keyClicks(dialog.weeks_edit, "10")
    qtbot.mouseClick(dialog.ok_button, CLICK)

    assert dialog.isVisible()
    assert "week 5 would be on 21 Dec 2026" in dialog.errors["weeks"].text()
    assert "4 weeks fit" in dialog.errors["weeks"].text()
    assert _sessions(workspace, club) == []

    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), CLICK)
    assert not dialog.isVisible()
    assert _sessions(workspace, club) == []


def test_a_session_is_edited_through_the_dialog(qtbot, page, workspace, club) -> None:
    with workspace.session() as session:
        add_session(
            session, activity_id=club, date="2026-09-04", start_time="18:00", end_time="20:00"
        )
        session.commit()
    page.refresh()
    assert not page.ui.editSessionButton.isEnabled()  # nothing chosen yet
    page.sessions.table.setCurrentIndex(page.sessions.proxy.index(0, 0))

    qtbot.mouseClick(page.ui.editSessionButton, CLICK)
    dialog = _dialog(page, SessionDialog)
    assert dialog.date_edit.date() == QDate(2026, 9, 4)
    dialog.date_edit.setDate(QDate(2026, 9, 5))
    dialog.end_edit.setTime(QTime(21, 0))
    qtbot.mouseClick(dialog.ok_button, CLICK)

    assert _sessions(workspace, club) == [("2026-09-05", "18:00", "21:00")]
    assert page.sessions.current().date == dt.date(2026, 9, 5)


def test_deleting_a_session_asks_says_what_goes_with_it_and_can_be_undone(
    qtbot, page, workspace, club, answers, shown_messages
) -> None:
    with workspace.session() as session:
        evening = add_session(
            session, activity_id=club, date="2026-09-04", start_time="18:00", end_time="20:00"
        ).id
        people = [add_young_person(session, first_name=n, age_band="13-15").id for n in "AB"]
        set_register(session, session_id=evening, young_person_ids=people)
        session.commit()
    page.refresh()
    page.sessions.table.setCurrentIndex(page.sessions.proxy.index(0, 0))
    assert page.sessions.current().register == 2
    deleted = []
    page.deleted.connect(deleted.append)

    answers.append("Cancel")
    qtbot.mouseClick(page.ui.deleteSessionButton, CLICK)
    assert _sessions(workspace, club) == [("2026-09-04", "18:00", "20:00")]

    answers.append("Delete")
    qtbot.mouseClick(page.ui.deleteSessionButton, CLICK)
    question = shown_messages[-1]["text"]
    assert "Delete session of 'Friday youth club' on 04 Sep 2026 (18:00\u201320:00)?" in question
    assert "This also deletes 2 register ticks." in question
    assert _sessions(workspace, club) == []
    assert page.sessions.count.text() == "0 sessions"
    assert page.list.current().sessions == 0

    with workspace.session() as session:
        undo_delete(session, deleted[0])
        session.commit()
    page.refresh()
    assert _sessions(workspace, club) == [("2026-09-04", "18:00", "20:00")]
    assert [row.register for row in page.sessions.model._rows] == [2]


def test_a_contribution_with_nothing_in_it_shows_the_services_message(
    qtbot, page, workspace, club, answers
) -> None:
    with workspace.session() as session:
        police = create_partner(session, name="Staffordshire Police", partner_type="police").id
        session.commit()
    page.refresh()

    qtbot.mouseClick(page.ui.addContributionButton, CLICK)
    dialog = _dialog(page, ContributionDialog)
    assert dialog.partner_combo.currentData() is None  # no lead partner: "(choose)" (issue 16)
    dialog.partner_combo.setCurrentIndex(dialog.partner_combo.findData(police))
    qtbot.mouseClick(dialog.ok_button, CLICK)

    assert dialog.isVisible()
    assert dialog.problem.text() == "Contribution: give staff hours, money or something in kind."
    with workspace.session() as session:
        assert contribution_rows(session, club) == []

    qtbot.keyClicks(dialog.hours_edit, "2.5")
    qtbot.keyClicks(dialog.in_kind_edit, "Use of the community room")
    qtbot.mouseClick(dialog.ok_button, CLICK)

    assert not dialog.isVisible()
    with workspace.session() as session:
        given = contribution_rows(session, club)
    assert [(r.partner, r.date, r.staff_hours, r.in_kind_text) for r in given] == [
        ("Staffordshire Police", TODAY, "2.5", "Use of the community room")
    ]
    assert page.contributions.count.text() == "1 contributions"

    page.contributions.table.setCurrentIndex(page.contributions.proxy.index(0, 0))
    answers.append("Delete")
    qtbot.mouseClick(page.ui.deleteContributionButton, CLICK)
    with workspace.session() as session:
        assert contribution_rows(session, club) == []


def test_changed_details_are_saved_before_a_session_is_added(
    qtbot, page, workspace, club, answers, shown_messages
) -> None:
    page.ui.endEdit.setDate(QDate(2027, 3, 31))  # the club now runs on into the spring
    assert page.unsaved() == "the activity"

    answers.append("Save")
    qtbot.mouseClick(page.ui.addSessionButton, CLICK)
    assert shown_messages[-1]["title"] == "Unsaved changes"
    dialog = _dialog(page, SessionDialog)
    dialog.date_edit.setDate(QDate(2027, 3, 5))
    qtbot.mouseClick(dialog.ok_button, CLICK)

    assert _sessions(workspace, club) == [("2027-03-05", "18:00", "20:00")]


def test_show_record_selects_the_activity(page, workspace, club) -> None:
    with workspace.session() as session:
        other = create_activity(
            session, title="Shadow board", category="participation", start_date="2026-10-01"
        ).id
        session.commit()
    page.stale = True
    page.show_record("activity", other)
    assert page.record_id == other
    assert page.ui.titleEdit.text() == "Shadow board"
    assert page.record_kinds == ("activity",)

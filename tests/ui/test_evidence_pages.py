"""The Voice and Case studies pages, driven as a user would: typing, ticking, saving,
a problem shown under its field, deleting and undoing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ui.desktop_runs import shown
from trustdesk.services.deletion import undo_delete
from trustdesk.services.evidence import create_case_study, list_case_studies, list_voice
from trustdesk.ui.pages.case_studies import CaseStudiesPage
from trustdesk.ui.pages.voice import VoicePage

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)


@pytest.fixture
def voice_page(qtbot, workspace):
    return shown(qtbot, VoicePage(workspace))


@pytest.fixture
def case_page(qtbot, workspace):
    return shown(qtbot, CaseStudiesPage(workspace))


def _studies(workspace):
    with workspace.session() as session:
        return [(r.title, r.ecm_outcomes) for r in list_case_studies(session)]


def test_a_voice_entry_with_a_change_is_recorded(qtbot, voice_page, workspace) -> None:
    f = voice_page.ui
    qtbot.mouseClick(voice_page.new_button, Qt.MouseButton.LeftButton)
    f.methodCombo.setFocus()
    qtbot.keyClicks(f.methodCombo, "Survey")
    qtbot.keyClicks(f.whoEdit, "Year 9 group")
    f.groupSizeSpin.selectAll()
    qtbot.keyClicks(f.groupSizeSpin, "12")
    qtbot.keyClicks(f.saidEdit, "More sport on Fridays")
    qtbot.keyClicks(f.changeEdit, "Friday football added")
    qtbot.mouseClick(f.changeDateCheck, Qt.MouseButton.LeftButton)
    assert f.changeDateEdit.isEnabled()

    qtbot.mouseClick(voice_page.save_button, Qt.MouseButton.LeftButton)

    with workspace.session() as session:
        rows = list_voice(session)
    assert [
        (r.date, r.method, r.who, r.group_size, r.said, r.change_made, r.change_date) for r in rows
    ] == [
        (
            TODAY,
            "Survey",
            "Year 9 group",
            12,
            "More sport on Fridays",
            "Friday football added",
            TODAY,
        )
    ]
    assert rows[0].changed
    assert voice_page.list.count.text() == "1 voice entries"
    assert not voice_page.save_button.isEnabled()


def test_a_case_study_without_a_title_shows_the_problem_under_title(
    qtbot, case_page, workspace
) -> None:
    qtbot.mouseClick(case_page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(case_page.ui.narrativeEdit, "A Year 10 girl led the first aid session.")

    qtbot.mouseClick(case_page.save_button, Qt.MouseButton.LeftButton)

    error = case_page.fields.errors["title"]
    assert error.isVisible()
    assert "required" in error.text()
    assert case_page.ui.titleEdit.hasFocus()
    assert _studies(workspace) == []
    assert case_page.unsaved() == "the new case study"


def test_a_narrative_longer_than_a_return_can_carry_is_refused_at_the_form(
    qtbot, case_page, workspace
) -> None:
    from trustdesk.limits import SPREADSHEET_CELL_MAX

    qtbot.mouseClick(case_page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(case_page.ui.titleEdit, "A long story")
    qtbot.mouseClick(case_page.outcome_boxes["enjoy"], Qt.MouseButton.LeftButton)
    case_page.ui.narrativeEdit.setPlainText("x" * (SPREADSHEET_CELL_MAX + 1))  # pasted

    qtbot.mouseClick(case_page.save_button, Qt.MouseButton.LeftButton)

    error = case_page.fields.errors["narrative"]
    assert error.isVisible() and "at most 32,767" in error.text()
    assert _studies(workspace) == []


def test_two_ticked_ecm_outcomes_are_stored(qtbot, case_page, workspace) -> None:
    f = case_page.ui
    qtbot.mouseClick(case_page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(f.titleEdit, "First aid at the club")
    qtbot.mouseClick(case_page.outcome_boxes["safe"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(case_page.outcome_boxes["contribute"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(f.narrativeEdit, "Two members trained and now help at sessions.")

    qtbot.mouseClick(case_page.save_button, Qt.MouseButton.LeftButton)

    assert _studies(workspace) == [
        ("First aid at the club", ("Stay safe", "Make a positive contribution"))
    ]
    # Shown again as saved; untick one and save: the link goes.
    assert case_page.outcome_boxes["safe"].isChecked()
    qtbot.mouseClick(case_page.outcome_boxes["safe"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(case_page.save_button, Qt.MouseButton.LeftButton)
    assert _studies(workspace) == [("First aid at the club", ("Make a positive contribution",))]


def test_deleting_a_case_study_asks_and_can_be_undone(
    qtbot, case_page, workspace, answers, shown_messages
) -> None:
    with workspace.session() as session:
        study = create_case_study(
            session,
            date="2026-09-15",
            title="First aid at the club",
            narrative="Two members trained.",
            ecm_outcomes=["safe", "healthy"],
        ).id
        session.commit()
    case_page.refresh()
    case_page.list.select_id(study)
    deleted = []
    case_page.deleted.connect(deleted.append)

    answers.append("Delete")
    qtbot.mouseClick(case_page.delete_button, Qt.MouseButton.LeftButton)

    assert "First aid at the club" in shown_messages[-1]["text"]
    assert _studies(workspace) == []
    with workspace.session() as session:
        undo_delete(session, deleted[0])
        session.commit()
    assert _studies(workspace) == [("First aid at the club", ("Be healthy", "Stay safe"))]

"""The Young people page, driven as a coordinator would: typing a young person in (with a
date of birth, or only an age band), a full postcode refused, outcomes added through the
dialog, deleted and put back, and what deleting a person says goes with them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.deletion import DeletedRecord, undo_delete
from trustdesk.services.outcomes import outcome_rows, record_outcome
from trustdesk.services.validation import get
from trustdesk.services.young_people import add_young_person, list_young_people
from trustdesk.store.models import RecordedOutcome, YoungPerson
from trustdesk.ui.pages.young_people import YoungPeoplePage

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)


@pytest.fixture
def page(qtbot, workspace):
    page = YoungPeoplePage(workspace)
    qtbot.addWidget(page)
    page.resize(1150, 680)
    with qtbot.waitActive(page):  # keyboard focus behaves as on a desktop (Tab selects)
        page.show()
        page.activateWindow()
    page.refresh()
    return page


def _people(workspace):
    with workspace.session() as session:
        return [(r.name, r.local_ref, r.age) for r in list_young_people(session, today=TODAY)]


def _shown_names(page):
    model = page.list.proxy
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _outcomes(session, person_id):
    return [
        get(session, RecordedOutcome, row.id, "outcome") for row in outcome_rows(session, person_id)
    ]


def _type_name(qtbot, page, first, last):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.ui.firstNameEdit, first)
    qtbot.keyClicks(page.ui.lastNameEdit, last)


def _type_date_of_birth(qtbot, page, digits):
    """Tab from the local reference into the date, as a person does, and type ddmmyyyy."""
    page.ui.localRefEdit.setFocus()
    qtbot.keyClick(page.ui.localRefEdit, Qt.Key.Key_Tab)
    assert page.ui.birthDateEdit.hasFocus()
    qtbot.keyClicks(page.ui.birthDateEdit, digits)


def _choose(qtbot, combo, text):
    """Type the start of a choice into a list, as a person does (a space would open it)."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def _kyle(workspace):
    """Kyle Hughes, who came to two sessions of the Friday club and led a game there."""
    with workspace.session() as session:
        club = create_activity(
            session, title="Friday club", category="youth-work", start_date="2026-04-01"
        )
        kyle = add_young_person(
            session, first_name="Kyle", last_name="Hughes", age_band="13-15", local_ref="BUR-7"
        )
        for day in ("2026-04-03", "2026-04-10"):
            held = add_session(
                session, activity_id=club.id, date=day, start_time="18:00", end_time="20:00"
            )
            set_register(session, session_id=held.id, young_person_ids=[kyle.id])
        record_outcome(
            session, young_person_id=kyle.id, kind="recorded", title="Led a game", date="2026-04-10"
        )
        session.commit()
        return club.id, kyle.id


def test_a_young_person_typed_in_with_a_date_of_birth_is_saved_and_listed(
    qtbot, page, workspace
) -> None:
    _type_name(qtbot, page, "Kyle", "Hughes")
    qtbot.keyClicks(page.ui.localRefEdit, "BUR-00123")
    _type_date_of_birth(qtbot, page, "05032012")
    _choose(qtbot, page.ui.genderCombo, "Male")
    qtbot.mouseClick(page.ui.youngCarerCheck, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.ui.postcodeEdit, "ws7")
    assert not page.add_outcome_button.isEnabled()  # save the young person first

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert _people(workspace) == [("Kyle Hughes", "BUR-00123", "14")]
    with workspace.session() as session:
        kyle = get(session, YoungPerson, page.record_id, "young person")
        assert (kyle.date_of_birth, kyle.gender, kyle.young_carer, kyle.postcode_district) == (
            dt.date(2012, 3, 5),
            "male",
            True,
            "WS7",
        )
    assert _shown_names(page) == ["Kyle Hughes"]
    assert page.heading.text() == "Young person 'Kyle H.'"
    assert page.add_outcome_button.isEnabled()
    assert page.unsaved() is None


def test_a_date_of_birth_left_untouched_is_not_saved(qtbot, page, workspace) -> None:
    _type_name(qtbot, page, "Kyle", "Hughes")
    assert page.ui.birthDateEdit.text() == "(not entered)"  # not today (issue 16)

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    error = page.fields.errors["date_of_birth"]
    assert error.isVisible()
    assert error.text() == "give a date of birth or, if it is not known, an age band."
    assert _people(workspace) == []


def test_a_date_of_birth_not_known_saves_the_age_band_instead(qtbot, page, workspace) -> None:
    _type_name(qtbot, page, "Amy", "")
    assert not page.ui.ageBandCombo.isEnabled()
    qtbot.mouseClick(page.ui.birthUnknownCheck, Qt.MouseButton.LeftButton)
    assert page.ui.ageBandCombo.isEnabled()
    assert not page.ui.birthDateEdit.isEnabled()
    _choose(qtbot, page.ui.ageBandCombo, "13")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert _people(workspace) == [("Amy", "", "13 to 15")]
    with workspace.session() as session:
        amy = get(session, YoungPerson, page.record_id, "young person")
        assert (amy.date_of_birth, amy.age_band) == (None, "13-15")
    assert page.ui.birthUnknownCheck.isChecked()  # shown again as saved


def test_a_full_postcode_is_refused_under_the_postcode_field(qtbot, page, workspace) -> None:
    _type_name(qtbot, page, "Kyle", "Hughes")
    _type_date_of_birth(qtbot, page, "05032012")
    qtbot.keyClicks(page.ui.postcodeEdit, "WS7 3AB")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    error = page.fields.errors["postcode_district"]
    assert error.isVisible()
    assert "never the full postcode" in error.text()
    assert page.ui.postcodeEdit.hasFocus()
    assert _people(workspace) == []
    assert page.unsaved() == "the new young person"


def test_an_accredited_outcome_added_through_the_dialog_is_listed_and_stored(
    qtbot, page, workspace
) -> None:
    club, kyle = _kyle(workspace)
    page.refresh()
    page.list.select_id(kyle)
    qtbot.mouseClick(page.add_outcome_button, Qt.MouseButton.LeftButton)
    dialog = page.outcome_dialog
    assert dialog is not None and dialog.isVisible()
    _choose(qtbot, dialog.kind, "Accredited")
    _choose(qtbot, dialog.accreditation, "First")
    _choose(qtbot, dialog.activity, "Friday")

    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )

    assert not dialog.isVisible()
    with workspace.session() as session:
        stored = [
            (r.kind, r.title, r.accreditation, r.activity_id, r.date)
            for r in _outcomes(session, kyle)
        ]
    assert stored == [
        ("accredited", "First aid certificate", "first-aid", club, TODAY),
        ("recorded", "Led a game", None, None, dt.date(2026, 4, 10)),
    ]
    table = page.outcomes_table
    assert [table.item(0, c).text() for c in range(4)] == [
        "23 Nov 2026",
        "Accredited",
        "First aid certificate",
        "Friday club",
    ]


def test_an_accredited_outcome_without_an_accreditation_keeps_the_dialog_open(
    qtbot, page, workspace
) -> None:
    _club, kyle = _kyle(workspace)
    page.refresh()
    page.list.select_id(kyle)
    qtbot.mouseClick(page.add_outcome_button, Qt.MouseButton.LeftButton)
    dialog = page.outcome_dialog
    _choose(qtbot, dialog.kind, "Accredited")

    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )

    assert dialog.isVisible()
    assert dialog.errors["accreditation"].isVisible()
    assert "choose the award" in dialog.errors["accreditation"].text()
    assert page.outcomes_table.rowCount() == 1


def test_a_deleted_outcome_can_be_put_back(qtbot, page, workspace, answers) -> None:
    _club, kyle = _kyle(workspace)
    page.refresh()
    page.list.select_id(kyle)
    table = page.outcomes_table
    assert not page.delete_outcome_button.isEnabled()  # nothing chosen yet
    first_row = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first_row)

    answers.append("Delete")
    with qtbot.waitSignal(page.deleted) as deleted:
        qtbot.mouseClick(page.delete_outcome_button, Qt.MouseButton.LeftButton)

    assert table.rowCount() == 0
    with workspace.session() as session:
        assert outcome_rows(session, kyle) == []
    undo = deleted.args[0]
    assert isinstance(undo, DeletedRecord)
    assert undo.what == "outcome 'Led a game' of 10 Apr 2026"

    with workspace.session() as session:
        undo_delete(session, undo)
        session.commit()
    page.refresh()  # as the main window does after Undo delete

    assert [table.item(0, c).text() for c in range(3)] == ["10 Apr 2026", "Recorded", "Led a game"]


def test_deleting_a_young_person_says_what_goes_with_them(
    qtbot, page, workspace, answers, shown_messages
) -> None:
    _club, kyle = _kyle(workspace)
    page.refresh()
    page.list.select_id(kyle)

    answers.append("Cancel")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    question = shown_messages[-1]["text"]
    assert question.startswith("Delete young person 'Kyle H.'?")
    assert "This also deletes 1 outcome and 2 register ticks." in question
    assert "Hughes" not in question
    assert _people(workspace) == [("Kyle Hughes", "BUR-7", "13 to 15")]


def test_typing_in_the_find_box_filters_the_list(qtbot, page, workspace) -> None:
    with workspace.session() as session:
        for first, ref in (("Kyle", "BUR-1"), ("Amy", "BUR-2"), ("Kylie", "BUR-3")):
            add_young_person(session, first_name=first, local_ref=ref, age_band="13-15")
        session.commit()
    page.refresh()

    qtbot.keyClicks(page.list.filter, "kyl")

    assert sorted(_shown_names(page)) == ["Kyle", "Kylie"]
    assert page.list.count.text() == "2 of 3"


def test_a_person_whose_details_were_removed_is_shown_but_not_editable(
    qtbot, page, workspace, answers, shown_messages
) -> None:
    _club, kyle = _kyle(workspace)
    with workspace.session() as session:
        person = session.get(YoungPerson, kyle)
        person.first_name = person.last_name = person.local_ref = None
        person.erased_at = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
        session.add(person)
        session.commit()
    page.refresh()
    page.list.select_id(kyle)

    assert _shown_names(page) == ["(details removed)"]
    assert not page.ui.firstNameEdit.isEnabled()
    assert not page.add_outcome_button.isEnabled()
    assert page.outcomes_table.rowCount() == 1  # the outcome still counts
    answers.append("Cancel")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert shown_messages[-1]["text"].startswith(
        f"Delete young person number {kyle} (details removed)?"
    )


def test_enter_on_an_outcome_edits_it(qtbot, page, workspace) -> None:
    _club, kyle = _kyle(workspace)
    page.refresh()
    page.list.select_id(kyle)
    table = page.outcomes_table
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualItemRect(table.item(0, 0)).center(),
    )
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = page.outcome_dialog
    assert dialog.title_edit.text() == "Led a game"
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Led the warm-up games")

    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )

    with workspace.session() as session:
        assert [r.title for r in outcome_rows(session, kyle)] == ["Led the warm-up games"]
    assert table.item(0, 2).text() == "Led the warm-up games"

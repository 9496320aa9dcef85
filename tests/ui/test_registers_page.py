"""The Registers page, driven from the keyboard as a coordinator would at the end of a
session: choose tonight's session, tick the regulars, find or add anyone else, count a big
event, and be asked before ticks are lost."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from trustdesk.services import activities, attendance
from trustdesk.services import young_people as people
from trustdesk.services.records import delete_record
from trustdesk.store.models import YoungPerson
from trustdesk.ui.pages.register_list import NAME, TICK
from trustdesk.ui.pages.registers import RegistersPage

TODAY = dt.date(2026, 11, 20)  # a Friday: youth club night
pytestmark = pytest.mark.today(TODAY)


@pytest.fixture
def club(workspace):
    """Youth Club on Fridays since October, a tour bus yesterday and next week, and young
    people who came before: Amy three times, Ben twice, Cal and Dee once; Zara never."""
    with workspace.session() as session:
        club = activities.create_activity(
            session, title="Youth Club", category="youth-work", start_date="2026-01-09"
        ).id
        bus = activities.create_activity(
            session, title="Tour bus", category="youth-work", start_date="2026-01-09"
        ).id

        def held(activity, day, start="18:30", end="20:30"):
            return activities.add_session(
                session, activity_id=activity, date=day, start_time=start, end_time=end
            ).id

        fridays = [held(club, day) for day in ("2026-10-30", "2026-11-06", "2026-11-13")]
        ids = {
            first: people.add_young_person(
                session, first_name=first, last_name=last, age_band="13-15"
            ).id
            for first, last in (
                ("Amy", "Ash"),
                ("Ben", "Birch"),
                ("Cal", "Cedar"),
                ("Dee", "Dale"),
                ("Zara", "Khan"),
            )
        }
        registers = (["Amy", "Ben", "Cal"], ["Amy", "Ben"], ["Amy", "Dee"])
        for friday, names in zip(fridays, registers, strict=True):
            attendance.set_register(
                session, session_id=friday, young_person_ids=[ids[n] for n in names]
            )
        ids["tonight"] = held(club, "2026-11-20")
        ids["yesterday"] = held(bus, "2026-11-19", "16:00", "18:00")
        ids["next week"] = held(bus, "2026-11-26", "16:00", "18:00")
        ids["last friday"], ids["two fridays ago"], ids["three fridays ago"] = fridays[::-1]
        ids["long ago"] = held(club, "2026-02-06")
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


def _listed(page) -> list[str]:
    return [page.model.index(row, NAME).data() for row in range(page.model.rowCount())]


def _ticked(page) -> list[str]:
    model = page.model
    return [
        model.index(row, NAME).data()
        for row in range(model.rowCount())
        if model.index(row, TICK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    ]


def _register(workspace, session_id) -> list[int]:
    with workspace.session() as session:
        return attendance.register(session, session_id)


def test_the_chooser_shows_todays_session_first_then_the_latest(page, club) -> None:
    combo = page.ui.sessionCombo
    assert [combo.itemData(i) for i in range(combo.count())] == [
        club["tonight"],
        club["yesterday"],
        club["last friday"],
        club["two fridays ago"],
        club["three fridays ago"],
        club["next week"],
    ]
    assert combo.currentText().startswith("Today, Fri 20 Nov, 18:30\u201320:30 \u00b7 Youth Club")
    assert combo.itemText(1).startswith("Yesterday, Thu 19 Nov")
    assert combo.itemText(2).endswith("2 ticked")
    assert club["long ago"] not in [combo.itemData(i) for i in range(combo.count())]
    assert _listed(page) == ["Amy Ash", "Ben Birch", "Cal Cedar", "Dee Dale"]
    assert page.ui.countLabel.text() == "0 ticked"


def test_a_register_is_marked_with_the_keyboard_only(qtbot, page, workspace, club) -> None:
    table = page.ui.peopleTable
    table.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_Down):
        qtbot.keyClick(table, key)
    qtbot.keyClick(table, Qt.Key.Key_Space)

    assert _ticked(page) == ["Ben Birch", "Dee Dale"]
    assert page.ui.countLabel.text().startswith("2 ticked")
    assert page.unsaved() == "the register for Youth Club on 20 Nov"
    assert _register(workspace, club["tonight"]) == []

    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert _register(workspace, club["tonight"]) == sorted([club["Ben"], club["Dee"]])
    assert page.unsaved() is None
    assert page.ui.sessionCombo.currentText().endswith("2 ticked")
    qtbot.keyClick(table, Qt.Key.Key_Space)  # Dee again: unticked
    assert _ticked(page) == ["Ben Birch"]


def test_a_tick_is_heard_by_a_screen_reader(qtbot, page, monkeypatch) -> None:
    from PySide6.QtGui import QAccessible, QAccessibleStateChangeEvent

    sent: list[tuple[str, object]] = []

    def record(event) -> None:  # noqa: ANN001
        if isinstance(event, QAccessibleStateChangeEvent):
            sent.append(("state", event.changedStates().checked, event.child()))
        elif hasattr(event, "message"):
            sent.append(("said", event.message()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    table = page.ui.peopleTable
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # Ben, on the second row
    qtbot.keyClick(table, Qt.Key.Key_Space)  # and unticked again

    states = [s for s in sent if s[0] == "state"]
    assert len(states) == 2 and all(checked for _, checked, _child in states)
    assert states[0][2] >= 0  # the cell, not the whole table
    said = [s[1] for s in sent if s[0] == "said"]
    assert said == ["Ben Birch ticked", "Ben Birch not ticked"]


def test_typing_a_name_and_enter_ticks_someone_who_never_came_before(
    qtbot, page, workspace, club
) -> None:
    table, find = page.ui.peopleTable, page.ui.findEdit
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z)  # typing in the list goes to the find box
    assert find.hasFocus() and find.text() == "z"
    qtbot.keyClicks(find, "ara")
    assert _listed(page) == ["Zara Khan"]

    qtbot.keyClick(find, Qt.Key.Key_Return)

    assert find.text() == "" and find.hasFocus()  # ready for the next name
    # Listed after the four the sign-in sheet names (lines 1 to 4), where her name would be
    # written by hand: not at the top, which would move every line of the sheet down a row.
    assert _listed(page) == ["Amy Ash", "Ben Birch", "Cal Cedar", "Dee Dale", "Zara Khan"]
    assert _ticked(page) == ["Zara Khan"]
    qtbot.keyClicks(find, "amy")
    qtbot.keyClick(find, Qt.Key.Key_Return)
    qtbot.keyClick(find, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _register(workspace, club["tonight"]) == sorted([club["Zara"], club["Amy"]])


def test_someone_new_is_added_beside_the_register_and_ticked(qtbot, page, workspace, club) -> None:
    find, panel = page.ui.findEdit, page.new_person
    qtbot.keyClicks(find, "Yusuf Ali")
    assert _listed(page) == []
    assert page.ui.addNewButton.text() == "Add \u201cYusuf Ali\u201d as a ne&w young person"

    qtbot.keyClick(find, Qt.Key.Key_Return)  # nobody matches: offers to add him

    assert panel.isVisible()
    assert (panel.first_name.text(), panel.last_name.text()) == ("Yusuf", "Ali")
    assert panel.born.hasFocus()
    qtbot.keyClicks(panel.born, "14/02/2013")
    panel.gender.setFocus()
    qtbot.keyClicks(panel.gender, "Male")
    qtbot.keyClick(panel.born, Qt.Key.Key_Return)

    assert not panel.isVisible()
    with workspace.session() as session:
        [yusuf] = people.find_young_people(session, "Yusuf")
    assert (yusuf.last_name, yusuf.date_of_birth, yusuf.gender) == (
        "Ali",
        dt.date(2013, 2, 14),
        "male",
    )
    assert _ticked(page) == ["Yusuf Ali"] and _listed(page)[4] == "Yusuf Ali"  # after the sheet
    assert find.hasFocus()
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert _register(workspace, club["tonight"]) == [yusuf.id]


@pytest.mark.parametrize(
    ("typed", "problem"),
    [("31/02/2013", "is not a date"), ("01/01/2030", "does not fit a young person")],
)
def test_a_bad_date_of_birth_is_shown_and_nobody_is_added(
    qtbot, page, workspace, typed, problem
) -> None:
    qtbot.keyClicks(page.ui.findEdit, "Yusuf Ali")
    qtbot.mouseClick(page.ui.addNewButton, Qt.MouseButton.LeftButton)
    panel = page.new_person
    qtbot.keyClicks(panel.born, typed)

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)

    error = panel.errors["date_of_birth"]
    assert error.isVisible() and problem in error.text()
    assert panel.isVisible() and panel.born.hasFocus()
    with workspace.session() as session:
        assert people.find_young_people(session, "Yusuf") == []
    assert _ticked(page) == []

    qtbot.keyClick(panel.born, Qt.Key.Key_Escape)
    assert not panel.isVisible() and page.ui.findEdit.hasFocus()


def test_a_headcount_for_a_big_event_is_saved(qtbot, page, workspace, club) -> None:
    qtbot.mouseClick(page.ui.headcountRadio, Qt.MouseButton.LeftButton)
    assert page.ui.modeStack.currentWidget() is page.ui.headcountPage
    for key, typed in ((("13-15", "female"), "30"), (("13-15", "male"), "25")):
        spin = page.spins[key]
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, typed)

    assert page.grand_total.text() == "55"
    assert page.row_totals["13-15"].text() == "55"
    assert page.unsaved() == "the headcount for Youth Club on 20 Nov"
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)

    with workspace.session() as session:
        assert attendance.headcount(session, club["tonight"]) == {
            ("13-15", "female"): 30,
            ("13-15", "male"): 25,
        }
    assert page.unsaved() is None
    fresh = RegistersPage(workspace)
    qtbot.addWidget(fresh)
    fresh.refresh()
    assert fresh.ui.headcountRadio.isChecked()  # a counted session opens on its headcount
    assert fresh.ui.sessionCombo.currentText().endswith("55 counted")


def test_leaving_unsaved_ticks_is_reported_and_asked_about(
    qtbot, page, workspace, club, answers, shown_messages
) -> None:
    table, combo = page.ui.peopleTable, page.ui.sessionCombo
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space)  # Amy
    assert page.unsaved() == "the register for Youth Club on 20 Nov"

    answers.append("Cancel")
    combo.setCurrentIndex(2)  # last Friday
    assert "the register for Youth Club on 20 Nov" in shown_messages[-1]["text"]
    assert combo.currentData() == club["tonight"] and _ticked(page) == ["Amy Ash"]

    answers.append("Discard changes")
    combo.setCurrentIndex(2)
    assert page.current.id == club["last friday"]
    assert _ticked(page) == ["Amy Ash", "Dee Dale"]  # as saved for that evening
    assert page.unsaved() is None
    assert _register(workspace, club["tonight"]) == []

    qtbot.keyClick(table, Qt.Key.Key_Space)  # Amy is not there after all
    page.refresh()  # records changed on another page: the ticks stay
    assert _ticked(page) == ["Dee Dale"]
    page.discard()
    assert _ticked(page) == ["Amy Ash", "Dee Dale"] and page.unsaved() is None


def test_an_old_session_can_be_opened_by_id(qtbot, page, club) -> None:
    page.show_record("session", club["long ago"])

    assert page.current.id == club["long ago"]
    assert page.ui.sessionCombo.currentData() == club["long ago"]
    assert page.ui.nearDateEdit.date().toString("yyyy-MM-dd") == "2026-02-06"
    assert page.ui.sessionCombo.currentText().startswith("Fri 6 Feb")


def test_an_older_session_is_found_by_choosing_a_date_near_it(qtbot, page, club) -> None:
    dates = page.ui.nearDateEdit
    dates.setFocus()
    dates.selectAll()
    qtbot.keyClicks(dates, "06/02/2026")
    assert page.current.id == club["tonight"]  # nothing changes while the date is typed

    qtbot.keyClick(dates, Qt.Key.Key_Return)

    assert page.ui.sessionCombo.currentData() == club["long ago"]
    assert page.current.id == club["long ago"]
    assert page.ui.sessionCombo.count() == 1


def test_a_register_that_cannot_be_saved_says_why_and_keeps_the_ticks(
    qtbot, page, workspace, club, shown_messages
) -> None:
    table = page.ui.peopleTable
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space)  # Amy
    with workspace.session() as session:
        delete_record(session, YoungPerson, club["Amy"], "young person")
        session.commit()

    assert page.save() is False

    assert shown_messages[-1]["title"] == "The register was not saved"
    assert "young person" in shown_messages[-1]["text"]
    assert page.unsaved() == "the register for Youth Club on 20 Nov"
    assert _register(workspace, club["tonight"]) == []


def test_with_several_matches_enter_ticks_nobody_until_the_arrows_choose(
    qtbot, page, workspace, club
) -> None:
    with workspace.session() as session:
        for last in ("Mason", "Moore"):
            people.add_young_person(session, first_name="Olivia", last_name=last, age_band="13-15")
        session.commit()
    said: list[str] = []
    page.status.connect(said.append)
    find = page.ui.findEdit
    find.setFocus()
    qtbot.keyClicks(find, "Olivia M")
    assert sorted(_listed(page)) == ["Olivia Mason", "Olivia Moore"]  # both shown

    qtbot.keyClick(find, Qt.Key.Key_Return)

    assert _ticked(page) == []  # not the first of them, silently
    assert said[-1] == (
        "2 young people match \u2018Olivia M\u2019: choose one with the arrow keys."
    )
    assert "choose one with the arrow keys" in page.ui.hintLabel.text()
    second = _listed(page)[1]
    qtbot.keyClick(find, Qt.Key.Key_Down)
    qtbot.keyClick(find, Qt.Key.Key_Down)
    assert find.hasFocus() and find.text() == "Olivia M"  # still typing in the box
    qtbot.keyClick(find, Qt.Key.Key_Return)

    assert _ticked(page) == [second]
    assert said[-1] == f"Ticked {second}."

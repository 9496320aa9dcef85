"""A young person named in a text that travels in the return is pointed out as it is typed,
under the field, with the words marked; saving is still allowed, the Returns page's blocking
check opens the record with the words selected."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from trustdesk.config.periods import Period
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.evidence import create_case_study, list_case_studies
from trustdesk.services.young_people import add_young_person
from trustdesk.ui.identity_watch import DELAY_MS

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

CLICK = Qt.MouseButton.LeftButton
PEOPLE = [
    {"first_name": "Keira", "last_name": "Baxter", "local_ref": "LIC/2024/017"},
    {"first_name": "Kai", "last_name": "Brown"},
    {"first_name": "Niamh", "last_name": "O\u2019Connor"},
    {"first_name": "Zo\u00eb", "last_name": "\u00c5ngstr\u00f6m"},
    {"first_name": "Tom", "last_name": "Lee"},
    {"first_name": "Leah", "last_name": "Ashworth-Okafor"},
]
NAMED = [
    "Keira came every week and the Baxter family said it helped",
    "KEIRA BAXTER",
    "Brown, Kai",
    "T. Lee",
    "Niamh O'Connor",
    "Zoe Angstrom",
    unicodedata.normalize("NFD", "Zo\u00eb \u00c5ngstr\u00f6m"),
    "Leah Ashworth Okafor",
    "LIC/2024/017",
    "They live at WS7 1AB",
]
# (page key, the field typed into, as the page binds it)
FORMS = [
    ("case_studies", "narrative"),
    ("voice", "said"),
    ("activities", "title"),
    ("partners", "name"),
]


@pytest.fixture
def people(workspace):
    with workspace.session() as session:
        for fields in PEOPLE:
            add_young_person(session, age_band="13-15", **fields)
        session.commit()
    return workspace


def page_of(qtbot, workspace, key: str):
    from trustdesk.ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page(key)
    qtbot.mouseClick(page.new_button, CLICK)
    return window, page


def typed(qtbot, page, field_name: str, text: str):
    field = page.fields[field_name]
    field.setFocus()
    if isinstance(field, QPlainTextEdit):
        field.setPlainText(text)  # as pasted; keyClicks cannot type decomposed accents
    else:
        field.setText(text)
    label = page.identity_watch.labels[page.fields.label(field_name)]  # its warning, by words
    qtbot.waitUntil(label.isVisible)
    return field, label


@pytest.mark.parametrize(("key", "field_name"), FORMS, ids=[f[0] for f in FORMS])
@pytest.mark.parametrize("text", NAMED)
def test_a_name_is_pointed_out_under_the_field_as_it_is_typed(qtbot, people, key, field_name, text):
    _window, page = page_of(qtbot, people, key)
    field, label = typed(qtbot, page, field_name, text)
    assert "\u26a0" in label.text()
    assert "cannot be exported until it is reworded" in label.text()
    assert page.identity_watch.blocking()
    if isinstance(field, QPlainTextEdit):
        marked = [s.cursor.selectedText() for s in field.extraSelections()]
        assert marked and all(m and m in field.toPlainText() for m in marked)


@pytest.mark.parametrize("text", NAMED[:3])
def test_a_meetings_notes_are_pointed_out_but_stop_nothing(qtbot, people, text):
    _window, page = page_of(qtbot, people, "meetings")
    _field, label = typed(qtbot, page, "notes", text)
    assert "\u26a0" in label.text() and "notes get shared" in label.text()
    assert "cannot be exported" not in label.text()
    assert page.identity_watch.blocking() == {}


def test_the_words_are_marked_where_they_are_and_saving_is_allowed(qtbot, people):
    _window, page = page_of(qtbot, people, "case_studies")
    qtbot.keyClicks(page.ui.titleEdit, "Growing confidence")
    page.outcome_boxes["enjoy"].setChecked(True)
    text = "Keira came every week and the Baxter family said it helped."
    field, label = typed(qtbot, page, "narrative", text)
    marked = sorted(s.cursor.selectedText() for s in field.extraSelections())
    assert marked == ["Baxter", "Keira"]
    assert "Names a young person on record" in label.text()

    qtbot.mouseClick(page.save_button, CLICK)
    assert page.unsaved() is None  # the coordinator's own records may name people
    with people.session() as session:
        assert [r.title for r in list_case_studies(session)] == ["Growing confidence"]


def test_rewording_takes_the_warning_away(qtbot, people):
    _window, page = page_of(qtbot, people, "voice")
    field, label = typed(qtbot, page, "said", "Kai Brown said the club helped")
    field.setPlainText("A young person said the club helped")
    qtbot.waitUntil(lambda: not label.isVisible())
    assert field.extraSelections() == []
    assert page.identity_watch.blocking() == {}


def test_a_first_name_alone_is_only_a_warning_when_they_come_to_the_activity(qtbot, people):
    with people.session() as session:
        club = create_activity(
            session, title="Climbing", category="outdoor", start_date="2026-04-01"
        )
        held = add_session(
            session, activity_id=club.id, date="2026-05-05", start_time="18:00", end_time="20:00"
        )
        keira = add_young_person(session, first_name="Keira", last_name="Ward", age_band="13-15")
        set_register(session, session_id=held.id, young_person_ids=[keira.id])
        session.commit()
        club_id = club.id
    _window, page = page_of(qtbot, people, "case_studies")
    index = page.ui.activityCombo.findData(club_id)
    page.ui.activityCombo.setCurrentIndex(index)
    field, label = typed(qtbot, page, "narrative", "Keira reached the top of the wall.")
    assert "May name a young person who comes to this activity" in label.text()
    assert "cannot be exported" not in label.text()
    assert page.identity_watch.blocking() == {}


def test_nothing_is_pointed_out_in_an_ordinary_text(qtbot, people):
    _window, page = page_of(qtbot, people, "case_studies")
    field = page.ui.narrativeEdit
    field.setPlainText("Young people from WS7 said the club helped; K. B. came every week.")
    qtbot.wait(DELAY_MS * 2)
    assert not page.identity_watch.labels["Narrative"].isVisible()


def test_the_blocking_check_opens_the_record_with_the_words_selected(qtbot, people):
    from trustdesk.ui.main_window import MainWindow

    with people.session() as session:
        study = create_case_study(
            session,
            date="2026-05-20",
            title="Climbing",
            narrative="It went well.\n\nIn the end Kai Brown reached the top.",
        )
        session.commit()
        study_id = study.id
    window = MainWindow(people)
    qtbot.addWidget(window)
    window.show()
    returns = window.show_page("returns")
    returns.select_period(Period.parse("2026-27Q1"))
    returns.refresh()
    qtbot.waitUntil(lambda: not returns.busy())

    window.show_record("case_study", study_id)

    page = window.current_page()
    field = page.ui.narrativeEdit
    assert page.record_id == study_id
    assert field.hasFocus()
    assert field.textCursor().selectedText() == "Kai Brown"
    assert page.identity_watch.labels["Narrative"].isVisible()

"""The retention review (Tools > Retention review…) and the young person's rights on the
Young people page, driven as a coordinator would: changing the period, removing details
after a confirmation that says how many, exporting what is held, erasing on request."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.services.test_retention import TODAY, build_club
from trustdesk.services.retention import retention_years
from trustdesk.services.subject_access import erase_young_person
from trustdesk.store.models import YoungPerson
from trustdesk.ui.audit_dialog import AuditTrail
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.pages.young_people import YoungPeoplePage
from trustdesk.ui.privacy_dialog import RetentionReview, open_retention_review

pytestmark = pytest.mark.today(TODAY)


@pytest.fixture
def club(workspace) -> dict[str, int]:
    return build_club(workspace)


@pytest.fixture
def review(qtbot, workspace, club):
    dialog = open_retention_review(None, workspace, TODAY)
    qtbot.addWidget(dialog)
    return dialog


def _listed(table_list) -> list[tuple[str, str, str]]:
    model = table_list.proxy
    return [
        tuple(model.index(row, column).data() for column in range(3))
        for row in range(model.rowCount())
    ]


def _first_name(workspace, person_id: int) -> str | None:
    with workspace.session() as session:
        return session.get(YoungPerson, person_id).first_name


def _type_years(qtbot, spin, years: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, years)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_the_review_lists_who_is_past_the_period_and_follows_a_new_period(
    qtbot, review, workspace, shown_messages
) -> None:
    assert review.years.value() == 6
    assert _listed(review.list) == [
        ("Cara Webb", "BUR-3", "01 Jan 2018"),
        ("Amy Lowe", "BUR-1", "20 Nov 2020"),
    ]
    assert review.summary.text() == (
        "2 young people were last seen before 23 November 2020: their details are due for removal."
    )
    assert review.remove_button.isEnabled()

    _type_years(qtbot, review.years, "10")
    with workspace.session() as session:
        assert retention_years(session) == 10  # saved through the service
    assert _listed(review.list) == []
    assert review.summary.text() == (
        "Nobody is due: everyone was last seen on or after 23 November 2016."
    )
    assert not review.remove_button.isEnabled()

    _type_years(qtbot, review.years, "7")
    assert [row[0] for row in _listed(review.list)] == ["Cara Webb"]
    assert shown_messages == []  # Enter saved the period; it never started a removal


def test_remove_details_now_says_how_many_and_that_it_cannot_be_undone(
    qtbot, review, workspace, club, answers, shown_messages
) -> None:
    answers.append("Remove details")
    with qtbot.waitSignal(review.records_changed):
        qtbot.mouseClick(review.remove_button, Qt.MouseButton.LeftButton)
    question = next(m for m in shown_messages if m["title"] == "Remove identifying details")
    assert question["text"].startswith(
        "Remove the identifying details of 2 young people last seen before 23 November 2020?"
    )
    assert question["text"].endswith("This cannot be undone.")
    assert question["buttons"] == ["Remove details", "Cancel"]
    qtbot.waitUntil(lambda: review.task is None)
    assert _first_name(workspace, club["amy"]) is None
    assert _first_name(workspace, club["cara"]) is None
    assert _first_name(workspace, club["ben"]) == "Ben"
    assert shown_messages[-1]["text"] == (
        "Removed the identifying details of 2 young people. Their attendance and outcomes "
        "stay in the counts."
    )
    assert _listed(review.list) == [] and not review.remove_button.isEnabled()


def test_cancelling_the_removal_removes_nothing(qtbot, review, workspace, club, answers) -> None:
    answers.append("Cancel")
    qtbot.mouseClick(review.remove_button, Qt.MouseButton.LeftButton)
    assert review.task is None
    assert _first_name(workspace, club["amy"]) == "Amy"
    assert len(_listed(review.list)) == 2


# ----- the Young people page ----------------------------------------------------------------


@pytest.fixture
def page(qtbot, workspace, club):
    page = YoungPeoplePage(workspace)
    qtbot.addWidget(page)
    page.resize(1150, 680)
    page.show()
    page.refresh()
    return page


def _choose(page, person_id: int) -> None:
    assert page.list.select_id(person_id)
    assert page.record_id == person_id


def test_export_what_we_hold_writes_the_pdf_in_the_background(
    qtbot, page, club, tmp_path, monkeypatch, shown_messages
) -> None:
    assert not page.export_button.isEnabled()  # nobody chosen yet
    _choose(page, club["amy"])
    asked = []

    def save_as(parent, title, suggested, kinds):
        asked.append((title, suggested))
        return str(tmp_path / "amy"), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(m["title"] == "Saved" for m in shown_messages))

    assert asked[0][0] == "Save what we hold about Amy Lowe"
    assert asked[0][1].endswith("what-we-hold-BUR-1-2026-11-23.pdf")
    text = " ".join(PdfReader(tmp_path / "amy.pdf").pages[0].extract_text().split())
    assert "What TrustDesk holds about Amy Lowe" in text and "20/11/2020" in text
    assert f"{tmp_path / 'amy.pdf'}" in shown_messages[-1]["text"]
    qtbot.waitUntil(lambda: page.export_task is None)
    assert page.export_button.isEnabled()


def test_erase_on_request_asks_then_erases_and_the_list_shows_it(
    qtbot, page, workspace, club, answers, shown_messages
) -> None:
    _choose(page, club["amy"])
    answers.append("Erase")
    with qtbot.waitSignal(page.what_changed):
        qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    question = shown_messages[-1]
    assert question["title"] == "Erase young person"
    assert question["text"].startswith("Erase Amy Lowe on their request?")
    assert "This cannot be undone." in question["text"]
    assert _first_name(workspace, club["amy"]) is None
    assert page.list.current().name == "(details removed)"
    assert not page.form_widget.isEnabled()
    assert not page.erase_button.isEnabled() and not page.export_button.isEnabled()


def test_erase_cancelled_keeps_them(qtbot, page, workspace, club, answers) -> None:
    _choose(page, club["amy"])
    answers.append("Cancel")
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert _first_name(workspace, club["amy"]) == "Amy"
    assert page.erase_button.isEnabled()


def test_erasing_someone_erased_meanwhile_is_refused_in_plain_words(
    qtbot, page, workspace, club, answers, shown_messages
) -> None:
    _choose(page, club["amy"])
    with workspace.session() as session:  # e.g. from the command line, since the page read
        erase_young_person(session, club["amy"])
        session.commit()
    answers.append("Erase")
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    refused = shown_messages[-1]
    assert refused["title"] == "Not erased"
    erased_on = TODAY  # the day the clock is set to
    assert refused["text"] == (
        f"Young person number {club['amy']} was already erased: their identifying details "
        f"were removed on {erased_on.day} {erased_on:%B %Y}, so nothing is left that names them."
    )


def test_tools_menu_reviews_retention_and_every_page_follows_a_removal(
    qtbot, workspace, club, answers
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    people = window.show_page("people")
    names = {people.list.model.row_at(r).name for r in range(people.list.model.total())}
    assert "Amy Lowe" in str(names)
    window.ui.actionRetentionReview.trigger()
    [review] = window.findChildren(RetentionReview)
    answers.append("Remove details")
    with qtbot.waitSignal(review.records_changed):
        qtbot.mouseClick(review.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.task is None)
    names = {people.list.model.row_at(r).name for r in range(people.list.model.total())}
    assert "Amy Lowe" not in str(names)  # the page shown read again at once


def test_tools_menu_shows_the_audit_trail_of_the_changes(qtbot, workspace, club) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.ui.actionAuditTrail.trigger()
    [trail] = window.findChildren(AuditTrail)
    assert trail.list.model.total() > 0

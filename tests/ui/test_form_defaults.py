"""A new record's fields start where a person would choose them (issue 16): a list with no
sensible default shows "(choose)" and saving without choosing says so under the field; a
date of birth starts empty; a weekly run of sessions starts where the activity's sessions
do, not today."""

from __future__ import annotations

import datetime as dt

import pytest

from trustdesk.services import activities
from trustdesk.services.partners import create_partner
from trustdesk.ui.fields import CHOOSE, NOT_ENTERED, from_qdate
from trustdesk.ui.pages.activities import ActivitiesPage
from trustdesk.ui.pages.activity_dialogs import SessionDialog
from trustdesk.ui.pages.contact_log import ContactLogPage
from trustdesk.ui.pages.partners import PartnersPage
from trustdesk.ui.pages.spending import SpendingPage
from trustdesk.ui.pages.voice import VoicePage
from trustdesk.ui.pages.young_people import YoungPeoplePage

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)


def _new(qtbot, page_class, workspace):
    with workspace.session() as session:  # "Aardvark" would be first alphabetically
        create_partner(session, name="Aardvark Arts", partner_type="youth")
        create_partner(session, name="Burntwood Youth Service", partner_type="youth")
        session.commit()
    page = page_class(workspace)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.new_record()
    return page


def _starts_unchosen(combo) -> None:
    assert combo.currentIndex() == -1 and combo.currentData() is None
    assert combo.placeholderText() == CHOOSE


@pytest.mark.parametrize(
    ("page_class", "combo", "field"),
    [
        (PartnersPage, "typeCombo", "partner_type"),
        (ContactLogPage, "partnerCombo", "partner_id"),
        (ContactLogPage, "methodCombo", "method"),
        (SpendingPage, "purposeCombo", "purpose"),
        (VoicePage, "methodCombo", "method"),
        (ActivitiesPage, "categoryCombo", "category"),
    ],
)
def test_a_list_with_no_sensible_default_starts_at_choose(
    qtbot, workspace, page_class, combo, field
) -> None:
    page = _new(qtbot, page_class, workspace)
    box = getattr(page.ui, combo)
    _starts_unchosen(box)  # not the first of the list, which a hurried Save kept

    assert not page.save()  # nothing in the form chosen: a plain problem under a field
    assert any(label.isVisibleTo(page) for label in page.fields.errors.values())
    assert box.currentIndex() == -1

    box.setCurrentIndex(0)  # choosing one is then an ordinary choice
    assert box.currentData() is not None and field in page.fields.errors


def test_saving_a_new_partner_without_a_type_says_choose_one(qtbot, workspace) -> None:
    page = _new(qtbot, PartnersPage, workspace)
    qtbot.keyClicks(page.ui.nameEdit, "Chase Terrace School")

    assert not page.save()

    label = page.fields.errors["partner_type"]
    assert label.isVisibleTo(page) and "required" in label.text()
    qtbot.keyClicks(page.ui.typeCombo, "Schools")
    assert page.save()


def test_a_new_contact_has_no_partner_until_one_is_chosen(qtbot, workspace) -> None:
    page = _new(qtbot, ContactLogPage, workspace)
    assert page.ui.partnerCombo.currentText() == ""  # not "Aardvark Arts"
    assert page.ui.personCombo.currentData() is None


def test_a_new_young_persons_date_of_birth_starts_empty(qtbot, workspace) -> None:
    page = _new(qtbot, YoungPeoplePage, workspace)
    born = page.ui.birthDateEdit
    assert born.text() == NOT_ENTERED  # not today's date
    qtbot.keyClicks(page.ui.firstNameEdit, "Zara")

    assert not page.save()
    assert page.fields.errors["date_of_birth"].isVisibleTo(page)

    born.setDate(born.date().fromString("14/02/2013", "dd/MM/yyyy"))
    assert page.save()
    page.new_record()
    assert born.text() == NOT_ENTERED


def test_weekly_sessions_start_on_the_activitys_first_day_then_after_the_last(
    qtbot, workspace, monkeypatch
) -> None:
    with workspace.session() as session:
        club = activities.create_activity(
            session, title="Street dance", category="youth-work", start_date="2026-11-06"
        ).id  # a Friday; today is a Monday, within the activity
        session.commit()
    page = ActivitiesPage(workspace)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.list.select_id(club)
    opened = []
    monkeypatch.setattr(SessionDialog, "open", lambda dialog: opened.append(dialog))

    page.add_weekly_sessions()
    assert from_qdate(opened[-1].date_edit.date()) == dt.date(2026, 11, 6)  # not today

    with workspace.session() as session:
        activities.add_session(
            session, activity_id=club, date="2026-11-13", start_time="19:00", end_time="21:00"
        )
        session.commit()
    page.refresh()
    page.add_weekly_sessions()
    dialog = opened[-1]
    assert from_qdate(dialog.date_edit.date()) == dt.date(2026, 11, 20)  # a week after the last
    assert dialog.start_edit.time().toString("HH:mm") == "19:00"

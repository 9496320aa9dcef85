"""The Partners and Contact log pages, driven as a user would: typing a partner and its
contact people, a problem shown under its field, logging a contact, unsaved changes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ui.desktop_runs import shown
from trustdesk.services.contact_log import list_contact_log, log_contact
from trustdesk.services.partners import (
    add_partner_contact,
    create_partner,
    list_partner_rows,
    partner_contacts,
)
from trustdesk.ui.pages.contact_log import ContactLogPage
from trustdesk.ui.pages.partners import PartnersPage

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)


@pytest.fixture
def partners(qtbot, workspace):
    return shown(qtbot, PartnersPage(workspace))


@pytest.fixture
def contacts(qtbot, workspace):
    return shown(qtbot, ContactLogPage(workspace))


def _partners(workspace):
    with workspace.session() as session:
        return [(r.name, r.partner_type, r.active, r.contacts) for r in list_partner_rows(session)]


def test_a_partner_and_a_contact_person_typed_in_are_saved(qtbot, partners, workspace) -> None:
    qtbot.mouseClick(partners.new_button, Qt.MouseButton.LeftButton)
    assert not partners.add_contact_button.isEnabled()  # save the partner first
    qtbot.keyClicks(partners.ui.nameEdit, "Oak Hill School")
    partners.ui.typeCombo.setFocus()
    qtbot.keyClicks(partners.ui.typeCombo, "Schools")
    qtbot.keyClicks(partners.ui.addressEdit, "Oak Lane, Burntwood")

    qtbot.mouseClick(partners.save_button, Qt.MouseButton.LeftButton)

    assert _partners(workspace) == [("Oak Hill School", "Schools", True, 0)]
    assert partners.add_contact_button.isEnabled()
    qtbot.keyClicks(partners.contact_fields["name"], "Ann Head")
    qtbot.keyClicks(partners.contact_fields["role"], "Headteacher")
    qtbot.keyClicks(partners.contact_fields["email"], "ann@oakhill.example")
    qtbot.mouseClick(partners.add_contact_button, Qt.MouseButton.LeftButton)

    with workspace.session() as session:
        people = partner_contacts(session, partners.record_id)
    assert [(p.name, p.role, p.email) for p in people] == [
        ("Ann Head", "Headteacher", "ann@oakhill.example")
    ]
    assert partners.contacts_table.rowCount() == 1
    assert partners.contact_fields["name"].text() == ""
    assert _partners(workspace) == [("Oak Hill School", "Schools", True, 1)]
    assert partners.unsaved() is None


def test_a_contact_person_with_a_bad_email_is_not_added(qtbot, partners, workspace) -> None:
    with workspace.session() as session:
        school = create_partner(session, name="Oak Hill School", partner_type="school").id
        session.commit()
    partners.refresh()
    partners.list.select_id(school)
    qtbot.keyClicks(partners.contact_fields["name"], "Ann Head")
    qtbot.keyClicks(partners.contact_fields["email"], "not an address")
    qtbot.mouseClick(partners.add_contact_button, Qt.MouseButton.LeftButton)

    assert partners.contact_fields.errors["email"].isVisible()
    assert "not an address" in partners.contact_fields.errors["email"].text()
    assert _partners(workspace) == [("Oak Hill School", "Schools", True, 0)]


def test_a_missing_name_is_shown_under_the_name_and_nothing_is_saved(
    qtbot, partners, workspace
) -> None:
    qtbot.mouseClick(partners.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(partners.ui.addressEdit, "Oak Lane")

    qtbot.mouseClick(partners.save_button, Qt.MouseButton.LeftButton)

    error = partners.fields.errors["name"]
    assert error.isVisible()
    assert error.text() == "is required."
    assert partners.ui.nameEdit.hasFocus()
    assert _partners(workspace) == []
    assert partners.unsaved() == "the new partner"


def test_a_contact_with_a_partner_is_logged(qtbot, contacts, workspace) -> None:
    with workspace.session() as session:
        school = create_partner(session, name="Oak Hill School", partner_type="school").id
        ann = add_partner_contact(session, partner_id=school, name="Ann Head").id
        session.commit()
    contacts.refresh()
    qtbot.mouseClick(contacts.new_button, Qt.MouseButton.LeftButton)
    contacts.ui.partnerCombo.setFocus()
    qtbot.keyClicks(contacts.ui.partnerCombo, "Oak")
    contacts.ui.personCombo.setFocus()
    qtbot.keyClicks(contacts.ui.personCombo, "Ann")
    contacts.ui.methodCombo.setFocus()
    qtbot.keyClicks(contacts.ui.methodCombo, "Telephone")
    qtbot.keyClicks(contacts.ui.summaryEdit, "Agreed dates for the sessions")
    assert not contacts.ui.followUpEdit.isEnabled()
    qtbot.mouseClick(contacts.ui.followUpCheck, Qt.MouseButton.LeftButton)
    assert contacts.ui.followUpEdit.isEnabled()
    contacts.ui.followUpEdit.setDate(contacts.ui.followUpEdit.date().addDays(7))

    qtbot.mouseClick(contacts.save_button, Qt.MouseButton.LeftButton)

    with workspace.session() as session:
        rows = list_contact_log(session)
    assert [(r.date, r.partner, r.person, r.method, r.summary, r.follow_up_date) for r in rows] == [
        (
            TODAY,
            "Oak Hill School",
            "Ann Head",
            "Telephone",
            "Agreed dates for the sessions",
            TODAY + dt.timedelta(days=7),
        ),
    ]
    assert contacts.record_id is not None
    assert contacts.ui.personCombo.currentData() == ann


def test_an_overdue_follow_up_is_highlighted(qtbot, contacts, workspace) -> None:
    with workspace.session() as session:
        school = create_partner(session, name="Oak Hill School", partner_type="school").id
        log_contact(
            session,
            date="2026-11-01",
            partner_id=school,
            method="phone",
            summary="Late",
            follow_up_date="2026-11-10",
        )
        log_contact(
            session,
            date="2026-11-02",
            partner_id=school,
            method="phone",
            summary="Soon",
            follow_up_date="2026-12-10",
        )
        session.commit()
    contacts.refresh()
    model = contacts.list.model
    column = [c.heading for c in model.columns].index("Follow up by")
    late = model.index(1, column)  # newest first: "Soon", then "Late"
    soon = model.index(0, column)
    assert late.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert soon.data(Qt.ItemDataRole.ForegroundRole) is None


def test_editing_then_clicking_another_partner_asks_about_unsaved_changes(
    qtbot, partners, workspace, answers, shown_messages
) -> None:
    with workspace.session() as session:
        first = create_partner(session, name="Alpha Club", partner_type="youth").id
        create_partner(session, name="Beta School", partner_type="school")
        session.commit()
    partners.refresh()
    partners.list.select_id(first)
    qtbot.keyClicks(partners.ui.notesEdit, "Meets on Tuesdays")

    answers.append("Cancel")
    second_row = partners.list.table.visualRect(partners.list.proxy.index(1, 0)).center()
    qtbot.mouseClick(partners.list.table.viewport(), Qt.MouseButton.LeftButton, pos=second_row)
    qtbot.wait(10)

    assert shown_messages[-1]["title"] == "Unsaved changes"
    assert "the partner" in shown_messages[-1]["text"]
    assert partners.record_id == first
    assert partners.ui.notesEdit.toPlainText() == "Meets on Tuesdays"

    answers.append("Discard changes")
    qtbot.mouseClick(partners.list.table.viewport(), Qt.MouseButton.LeftButton, pos=second_row)
    assert partners.ui.nameEdit.text() == "Beta School"
    assert _partners(workspace)[0] == ("Alpha Club", "Youth service", True, 0)

"""Partners and the contact log: the lists the pages show, and changing a logged contact."""

from __future__ import annotations

import datetime as dt

import pytest

from trustdesk.errors import ValidationError
from trustdesk.services.contact_log import (
    list_contact_log,
    log_contact,
    update_contact_log_entry,
)
from trustdesk.services.partners import (
    add_partner_contact,
    create_partner,
    list_partner_rows,
    update_partner,
)


def test_partner_rows_name_the_type_and_count_contact_people(session) -> None:
    school = create_partner(session, name="Oak Hill School", partner_type="school").id
    club = create_partner(session, name="burntwood club", partner_type="youth", active=False).id
    add_partner_contact(session, partner_id=school, name="Ann Head", role="Head")
    add_partner_contact(session, partner_id=school, name="Bob Deputy")

    rows = list_partner_rows(session)

    assert [(r.id, r.name, r.partner_type, r.active, r.contacts) for r in rows] == [
        (club, "burntwood club", "Youth service", False, 0),
        (school, "Oak Hill School", "Schools", True, 2),
    ]
    update_partner(session, club, name="Burntwood Club", partner_type="youth", active=True)
    assert list_partner_rows(session)[0].active


def test_a_logged_contact_can_be_changed_and_is_listed_newest_first(session) -> None:
    school = create_partner(session, name="Oak Hill School", partner_type="school").id
    ann = add_partner_contact(session, partner_id=school, name="Ann Head").id
    first = log_contact(
        session, date="2026-05-01", partner_id=school, method="phone", summary="Dates"
    ).id
    log_contact(session, date="2026-05-03", partner_id=school, method="email", summary="Venue")

    update_contact_log_entry(
        session,
        first,
        date="2026-05-02",
        partner_id=school,
        contact_id=ann,
        method="meeting",
        summary="Dates agreed",
        follow_up_date="2026-05-20",
        follow_up_done=True,
    )

    rows = list_contact_log(session)
    assert [r.summary for r in rows] == ["Venue", "Dates agreed"]
    changed = rows[1]
    assert (changed.date, changed.person, changed.method, changed.partner) == (
        dt.date(2026, 5, 2),
        "Ann Head",
        "Meeting in person",
        "Oak Hill School",
    )
    assert changed.follow_up_date == dt.date(2026, 5, 20)
    assert changed.follow_up_done
    assert not changed.overdue(dt.date(2026, 6, 1))


def test_changing_a_contact_checks_it_like_logging_one(session) -> None:
    school = create_partner(session, name="Oak Hill School", partner_type="school").id
    other = create_partner(session, name="Club", partner_type="youth").id
    bob = add_partner_contact(session, partner_id=other, name="Bob").id
    entry = log_contact(
        session, date="2026-05-01", partner_id=school, method="phone", summary="Dates"
    ).id

    with pytest.raises(ValidationError) as wrong_person:
        update_contact_log_entry(
            session,
            entry,
            date="2026-05-01",
            partner_id=school,
            contact_id=bob,
            method="phone",
            summary="Dates",
        )
    assert wrong_person.value.field == "contact_id"
    with pytest.raises(ValidationError) as early:
        update_contact_log_entry(
            session,
            entry,
            date="2026-05-01",
            partner_id=school,
            method="phone",
            summary="Dates",
            follow_up_date="2026-04-01",
        )
    assert early.value.field == "follow_up_date"
    with pytest.raises(ValidationError) as no_summary:
        update_contact_log_entry(
            session, entry, date="2026-05-01", partner_id=school, method="phone", summary=" "
        )
    assert no_summary.value.field == "summary"
    assert list_contact_log(session)[0].summary == "Dates"


def test_an_overdue_follow_up_is_one_not_done_whose_date_has_passed(session) -> None:
    school = create_partner(session, name="Oak Hill School", partner_type="school").id
    log_contact(
        session,
        date="2026-05-01",
        partner_id=school,
        method="phone",
        summary="Call back",
        follow_up_date="2026-05-10",
    )
    row = list_contact_log(session)[0]
    assert not row.overdue(dt.date(2026, 5, 10))
    assert row.overdue(dt.date(2026, 5, 11))

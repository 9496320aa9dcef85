"""A wrong value is refused with a message naming the field and what is wrong, and nothing
is saved."""

from __future__ import annotations

import pytest
from sqlalchemy import func
from sqlmodel import select

from trustdesk.errors import RecordNotFound, ValidationError
from trustdesk.services import (
    activities,
    attendance,
    contact_log,
    evidence,
    meetings,
    outcomes,
    partners,
    spending,
)
from trustdesk.services import young_people as people
from trustdesk.store import models as m


@pytest.fixture
def youth(session):
    return partners.create_partner(
        session, name="Staffordshire Youth Service", partner_type="youth"
    )


@pytest.fixture
def club(session, youth):
    return activities.create_activity(
        session,
        title="Friday youth club",
        category="youth-work",
        start_date="2026-04-01",
        ecm_outcomes=["enjoy"],
    )


def refused(call, field: str, problem: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field
    assert problem in caught.value.problem, caught.value.problem


def test_partner_needs_a_name_and_a_known_type(session):
    refused(
        lambda: partners.create_partner(session, name="  ", partner_type="youth"),
        "name",
        "is required",
    )
    refused(
        lambda: partners.create_partner(session, name="Acme", partner_type="charity"),
        "partner_type",
        "'charity' is not one of the choices: council (Council children's services), youth (Youth service)",
    )
    refused(
        lambda: partners.create_partner(session, name="x" * 201, partner_type="youth"),
        "name",
        "too long (201 characters; at most 200)",
    )
    assert session.exec(select(func.count()).select_from(m.Partner)).one() == 0


def test_contact_details_are_checked(session, youth):
    refused(
        lambda: partners.add_partner_contact(
            session, partner_id=youth.id, name="Sam", email="sam-at-youth"
        ),
        "email",
        "is not an e-mail address",
    )
    refused(
        lambda: partners.add_partner_contact(
            session, partner_id=youth.id, name="Sam", phone="call me"
        ),
        "phone",
        "is not a telephone number",
    )
    with pytest.raises(
        RecordNotFound, match="partner you asked for \\(number 999\\) no longer exists"
    ):
        partners.add_partner_contact(session, partner_id=999, name="Sam")


def test_dates_times_and_their_order(session, club):
    refused(
        lambda: activities.create_activity(
            session, title="X", category="sport", start_date="31/12/2026"
        ),
        "start_date",
        "is not a date; write it as YYYY-MM-DD",
    )
    refused(
        lambda: activities.create_activity(
            session, title="X", category="sport", start_date="2026-05-01", end_date="2026-04-01"
        ),
        "end_date",
        "is before the start date",
    )
    refused(
        lambda: activities.add_session(
            session, activity_id=club.id, date="2026-05-01", start_time="19:00", end_time="18:00"
        ),
        "end_time",
        "must be after the start time",
    )
    refused(
        lambda: activities.add_session(
            session, activity_id=club.id, date="2026-05-01", start_time="7pm", end_time="20:00"
        ),
        "start_time",
        "is not a time; write it as HH:MM",
    )
    refused(
        lambda: activities.add_session(
            session, activity_id=club.id, date="2026-03-01", start_time="18:00", end_time="20:00"
        ),
        "date",
        "outside the activity's dates",
    )
    refused(
        lambda: activities.create_activity(
            session, title="X", category="sport", start_date="2026-04-01", ecm_outcomes=["happy"]
        ),
        "ecm_outcomes",
        "'happy' is not one of the choices",
    )


def test_money_is_never_a_float_and_never_negative(session, club, youth):
    refused(
        lambda: spending.record_spend(session, date="2026-05-01", amount=12.5, purpose="travel"),
        "amount",
        "never a float",
    )
    refused(
        lambda: spending.record_spend(session, date="2026-05-01", amount="-3.00", purpose="travel"),
        "amount",
        "cannot be negative",
    )
    refused(
        lambda: spending.record_spend(
            session, date="2026-05-01", amount="12.345", purpose="travel"
        ),
        "amount",
        "more than two decimal places",
    )
    refused(
        lambda: spending.record_spend(
            session, date="2026-05-01", amount="twelve", purpose="travel"
        ),
        "amount",
        "is not an amount of money",
    )
    refused(
        lambda: spending.record_spend(session, date="2026-05-01", amount="0", purpose="travel"),
        "amount",
        "must be more than £0.00",
    )
    assert (
        spending.record_spend(
            session, date="2026-05-01", amount="£1,204.50", purpose="course-fees"
        ).amount_pence
        == 120450
    )
    refused(
        lambda: activities.add_contribution(
            session, activity_id=club.id, partner_id=youth.id, date="2026-05-01"
        ),
        "contribution",
        "give staff hours, money or something in kind",
    )


def test_young_person_details_are_kept_minimal(session):
    refused(
        lambda: people.add_young_person(session, first_name="Imogen"),
        "date_of_birth",
        "give a date of birth or, if it is not known, an age band",
    )
    refused(
        lambda: people.add_young_person(
            session, first_name="Imogen", age_band="13-15", postcode_district="WS7 1AB"
        ),
        "postcode_district",
        "never the full postcode",
    )
    refused(
        lambda: people.add_young_person(session, first_name="Imogen", date_of_birth="1960-01-01"),
        "date_of_birth",
        "does not fit a young person",
    )
    refused(
        lambda: people.add_young_person(session, age_band="13-15"),
        "first_name",
        "give a first name or a local reference",
    )
    refused(
        lambda: people.add_young_person(session, first_name="Imogen", age_band="13-15", gender="f"),
        "gender",
        "'f' is not one of the choices",
    )


def test_contact_log_person_must_belong_to_the_partner(session, youth):
    police = partners.create_partner(session, name="Police", partner_type="police")
    officer = partners.add_partner_contact(session, partner_id=police.id, name="PC Jones")
    refused(
        lambda: contact_log.log_contact(
            session,
            date="2026-05-01",
            partner_id=youth.id,
            contact_id=officer.id,
            method="phone",
            summary="Hi",
        ),
        "contact_id",
        "does not work for that partner",
    )
    refused(
        lambda: contact_log.log_contact(
            session, date="2026-05-01", partner_id=youth.id, method="carrier pigeon", summary="Hi"
        ),
        "method",
        "is not one of the choices",
    )


def test_other_records_refuse_bad_values(session, club):
    meeting = meetings.create_meeting(session, date="2026-05-12")
    refused(
        lambda: meetings.add_action(
            session, meeting_id=meeting.id, text="Do it", owner="", due_date="2026-06-01"
        ),
        "owner",
        "is required",
    )
    refused(
        lambda: meetings.add_action(
            session, meeting_id=meeting.id, text="Do it", owner="Sam", due_date="2026-05-01"
        ),
        "due_date",
        "before the meeting",
    )
    refused(
        lambda: evidence.record_voice(
            session, date="2026-05-01", method="survey", who="Year 9", said="", group_size=3
        ),
        "said",
        "is required",
    )
    refused(
        lambda: evidence.record_voice(
            session,
            date="2026-05-01",
            method="survey",
            who="Year 9",
            said="More",
            group_size="a dozen",
        ),
        "group_size",
        "is not a number",
    )
    kai = people.add_young_person(session, first_name="Kai", age_band="13-15")
    refused(
        lambda: outcomes.record_outcome(
            session, young_person_id=kai.id, kind="amazing", title="x", date="2026-05-01"
        ),
        "kind",
        "is not one of: recorded, accredited",
    )
    first = activities.add_session(
        session, activity_id=club.id, date="2026-05-01", start_time="18:00", end_time="20:00"
    )
    with pytest.raises(ValidationError) as caught:  # one cell of the grid, named in words
        attendance.record_headcount(session, session_id=first.id, counts={("13-15", "female"): -4})
    assert caught.value.field == "counts"
    assert str(caught.value) == "Headcount 13-15/female: must be at least 0."
    refused(
        lambda: attendance.record_headcount(
            session, session_id=first.id, counts={("13-15", "female"): 0}
        ),
        "counts",
        "at least one count above zero",
    )

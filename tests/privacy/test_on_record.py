"""The workspace's identity matcher: the young people on record (not those erased), and who
came to each activity, read when a text about it is first looked at."""

from __future__ import annotations

import datetime as dt

import pytest

from trustdesk.privacy.on_record import identity_matcher
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.services.young_people import add_young_person
from trustdesk.store.workspace import Workspace

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))


def test_the_matcher_knows_the_young_people_on_record(workspace: Workspace) -> None:
    with workspace.session() as session:
        keira = add_young_person(
            session, first_name="Keira", last_name="Baxter", date_of_birth="2011-11-23"
        )
        gone = add_young_person(session, first_name="Tom", last_name="Ward", age_band="13-15")
        gone.erased_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # as retention leaves it
        session.add(gone)
        session.commit()
        matcher = identity_matcher(session)

        keira_id = keira.id
    found = matcher.find("Keira Baxter, born 23/11/2011")
    assert {(f.kind, f.person_id) for f in found} == {("name", keira_id), ("birth_date", keira_id)}
    assert matcher.find("Tom Ward") == []


def test_who_came_is_read_when_needed_even_after_the_session_closed(workspace) -> None:
    with workspace.session() as session:
        club = create_activity(
            session, title="Climbing", category="outdoor", start_date="2026-04-01"
        )
        other = create_activity(
            session, title="Drama", category="youth-work", start_date="2026-04-01"
        )
        held = add_session(
            session, activity_id=club.id, date="2026-05-05", start_time="18:00", end_time="20:00"
        )
        keira = add_young_person(session, first_name="Keira", last_name="Baxter", age_band="13-15")
        set_register(session, session_id=held.id, young_person_ids=[keira.id])
        matcher = identity_matcher(session)
        ids = club.id, other.id, keira.id
        session.commit()
    club_id, other_id, keira_id = ids
    # The desktop keeps the matcher of a page it has read, after its session closed.
    (found,) = matcher.find("Keira reached the top.", activity_id=club_id)
    assert (found.severity, found.kind, found.person_id) == ("warning", "first_name", keira_id)
    assert matcher.find("Keira reached the top.", activity_id=other_id) == []
    assert matcher.find("Keira reached the top.") == []

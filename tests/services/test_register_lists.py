"""What the Registers page reads: the sessions to choose from (today's first), the regulars
of a session's activity (those who came lately first), anyone else found by name, and a
big event's headcount."""

from __future__ import annotations

import datetime as dt

import pytest

from trustdesk.errors import RecordNotFound
from trustdesk.services import activities, attendance
from trustdesk.services import young_people as people
from trustdesk.store.models import YoungPerson, utc_now

TODAY = dt.date(2026, 11, 20)  # a Friday


def _club(session, title="Youth Club", start="2026-01-02"):
    return activities.create_activity(
        session, title=title, category="youth-work", start_date=start
    ).id


def _session_on(session, activity_id, day, start="18:30", end="20:30"):
    return activities.add_session(
        session, activity_id=activity_id, date=day, start_time=start, end_time=end
    ).id


def test_the_chooser_lists_today_then_the_latest_then_the_next_sessions(session) -> None:
    club, bus = _club(session), _club(session, "Tour bus")
    long_ago = _session_on(session, club, "2026-06-05")
    last_week = _session_on(session, club, "2026-11-13")
    tonight = _session_on(session, club, "2026-11-20")
    this_morning = _session_on(session, bus, "2026-11-20", "10:00", "12:00")
    yesterday = _session_on(session, bus, "2026-11-19")
    next_week = _session_on(session, club, "2026-11-27")
    in_a_month = _session_on(session, club, "2026-12-18")
    amy = people.add_young_person(session, first_name="Amy", age_band="13-15").id
    attendance.set_register(session, session_id=last_week, young_person_ids=[amy])
    attendance.record_headcount(
        session, session_id=yesterday, counts={("13-15", "female"): 30, ("16-19", "male"): 12}
    )

    rows = attendance.register_sessions(session, today=TODAY)

    assert [row.id for row in rows] == [this_morning, tonight, yesterday, last_week, next_week]
    assert long_ago not in [row.id for row in rows] and in_a_month not in [r.id for r in rows]
    by_id = {row.id: row for row in rows}
    assert (by_id[last_week].ticked, by_id[last_week].headcount) == (1, 0)
    assert (by_id[yesterday].ticked, by_id[yesterday].headcount) == (0, 42)
    assert (by_id[tonight].activity, by_id[tonight].start_time) == ("Youth Club", dt.time(18, 30))

    older = attendance.register_sessions(session, today=dt.date(2026, 6, 5))
    assert older[0].id == long_ago
    assert attendance.register_session(session, long_ago).date == dt.date(2026, 6, 5)
    with pytest.raises(RecordNotFound):
        attendance.register_session(session, 9999)


def test_the_regulars_are_everyone_who_came_to_the_activity_latest_first(session) -> None:
    club, other = _club(session), _club(session, "Cookery")
    spring = [_session_on(session, club, f"2026-03-{day:02d}") for day in (6, 13, 20)]
    autumn = [_session_on(session, club, f"2026-11-{day:02d}") for day in (6, 13)]
    tonight = _session_on(session, club, "2026-11-20")
    cookery = _session_on(session, other, "2026-11-18")

    def person(first, **fields):
        return people.add_young_person(session, first_name=first, **fields).id

    old_hand = person("Olly", last_name="Hand", age_band="16-19")  # came a lot, in spring
    newer = person("Nia", last_name="Evans", date_of_birth="2012-11-10")  # 14 tonight, 13 before
    ben = person("Ben", age_band="13-15")
    cook = person("Cara", age_band="13-15")  # only ever at cookery
    erased = person("Gone", last_name="Away", age_band="13-15")
    for held in spring:
        attendance.set_register(session, session_id=held, young_person_ids=[old_hand, erased])
    for held in autumn:
        attendance.set_register(session, session_id=held, young_person_ids=[newer])
    attendance.set_register(session, session_id=tonight, young_person_ids=[ben])
    attendance.set_register(session, session_id=cookery, young_person_ids=[cook])
    gone = session.get(YoungPerson, erased)
    gone.first_name = gone.last_name = gone.local_ref = None
    gone.erased_at = utc_now()
    session.add(gone)
    session.commit()

    rows = attendance.register_people(session, tonight)

    # Ben is ticked tonight only: he is listed, but tonight is not one of his sessions. The
    # counts were "ever" (tonight included, 1) until issue 20's quick paper entry: counting
    # the session being entered let a tick reorder people tied on Recent while a printed
    # sheet was typed in, so now only the sessions before this one count.
    assert [(r.name, r.recent, r.sessions, r.ticked) for r in rows] == [
        ("Nia Evans", 2, 2, False),
        ("(details removed)", 0, 3, False),
        ("Olly Hand", 0, 3, False),
        ("Ben", 0, 0, True),
    ]
    ages = {row.name: row.age for row in rows}
    assert (ages["Nia Evans"], ages["Olly Hand"]) == ("14", "16 to 19")
    before_her_birthday = attendance.register_people(session, autumn[0])
    assert [row.age for row in before_her_birthday if row.id == newer] == ["13"]


def test_the_order_is_of_earlier_sessions_only_and_holds_while_the_register_is_filled(
    session,
) -> None:
    """A register is typed in from its sign-in sheet in the sheet's order: ticking tonight,
    or a later session, must not move anyone. Ties on Recent are broken by the sessions
    before tonight; a session earlier the same day is before tonight, one at the same time
    or later is not."""
    club = _club(session)
    autumn = [_session_on(session, club, f"2026-11-{day:02d}") for day in (6, 13)]
    spring = _session_on(session, club, "2026-03-06")
    morning = _session_on(session, club, "2026-11-20", "10:00", "12:00")
    tonight = _session_on(session, club, "2026-11-20")
    next_week = _session_on(session, club, "2026-11-27")

    def person(first):
        return people.add_young_person(session, first_name=first, age_band="13-15").id

    ada, bea, cy, dot = (person(n) for n in ("Ada", "Bea", "Cy", "Dot"))
    attendance.set_register(session, session_id=spring, young_person_ids=[bea])
    for held in autumn:
        attendance.set_register(session, session_id=held, young_person_ids=[ada, bea, cy])
    attendance.set_register(session, session_id=morning, young_person_ids=[cy])
    attendance.set_register(session, session_id=next_week, young_person_ids=[ada, dot])
    session.commit()

    def listed():
        return [
            (r.name, r.recent, r.sessions) for r in attendance.register_people(session, tonight)
        ]

    before = listed()
    assert before == [
        ("Cy", 3, 3),  # this morning's session is before tonight's
        ("Bea", 2, 3),  # tied with Ada on Recent: her spring session puts her first
        ("Ada", 2, 2),  # next week does not count
        ("Dot", 0, 0),  # only next week: listed last, counting nothing
    ]
    for ticked in ([ada], [ada, dot], [dot, cy, bea, ada]):
        attendance.set_register(session, session_id=tonight, young_person_ids=ticked)
        assert listed() == before
    ticks = {r.name: r.ticked for r in attendance.register_people(session, tonight)}
    assert ticks == {"Cy": True, "Bea": True, "Ada": True, "Dot": True}
    # Next week's register sees tonight's: Ada has come three times by then.
    nxt = {r.name: (r.recent, r.sessions) for r in attendance.register_people(session, next_week)}
    assert nxt["Ada"] == (3, 3) and nxt["Dot"] == (1, 1)


def test_anyone_can_be_found_by_name_for_a_register(session) -> None:
    club = _club(session)
    tonight = _session_on(session, club, "2026-11-20")
    earlier = _session_on(session, club, "2026-11-13")
    zara = people.add_young_person(session, first_name="Zara", last_name="Khan", age_band="u11")
    zac = people.add_young_person(session, first_name="Zac", local_ref="BUR-7", age_band="u11")
    people.add_young_person(session, first_name="Amy", age_band="u11")
    attendance.set_register(session, session_id=earlier, young_person_ids=[zac.id])

    found = attendance.find_for_register(session, "za", session_id=tonight)

    assert {(r.name, r.local_ref, r.sessions, r.ticked) for r in found} == {
        ("Zara Khan", "", 0, False),
        ("Zac", "BUR-7", 1, False),
    }
    assert [r.id for r in attendance.find_for_register(session, "khan", session_id=tonight)] == [
        zara.id
    ]
    assert attendance.find_for_register(session, "  ", session_id=tonight) == []


def test_a_headcount_is_read_back_and_can_be_cleared(session) -> None:
    event = _session_on(session, _club(session), "2026-08-01", "10:00", "16:00")
    assert attendance.headcount(session, event) == {}
    counts = {("13-15", "female"): 40, ("13-15", "male"): 35, ("u11", "not-stated"): 5}
    attendance.record_headcount(session, session_id=event, counts=counts)

    assert attendance.headcount(session, event) == counts

    attendance.clear_headcount(session, session_id=event)
    assert attendance.headcount(session, event) == {}

"""The audit trail's mechanics: every change a workspace session commits leaves one entry
(and a change rolled back none), with the OS user, the fields and their old and new values;
parts of a record are entries of that record; identifying details of a young person are
never copied into it."""

from __future__ import annotations

import datetime as dt
import getpass
import json

import pytest
from sqlalchemy import delete, insert, update
from sqlmodel import Session, select

from trustdesk.store import audit
from trustdesk.store.models import (
    Activity,
    ActivityOutcome,
    ActivitySession,
    Attendance,
    AuditEntry,
    Meeting,
    MeetingAttendance,
    Partner,
    YoungPerson,
)


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(getpass, "getuser", lambda: "sam.cooper")
    return "sam.cooper"


def entries(workspace) -> list[AuditEntry]:
    with workspace.session() as session:
        found = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
        session.expunge_all()
        return list(found)


def changes(entry: AuditEntry) -> dict:
    return json.loads(entry.changes)


def _partner(session: Session, name: str = "Burntwood Youth Club") -> Partner:
    partner = Partner(name=name, partner_type="vcs")
    session.add(partner)
    session.commit()
    return partner


def test_a_new_record_an_edit_and_a_delete_each_leave_one_entry(workspace, user) -> None:
    with workspace.session() as session:
        partner = _partner(session)
        partner.name = "Burntwood Youth Centre"
        partner.notes = "Meets on Tuesdays"
        session.commit()
        session.delete(partner)
        session.commit()

    made, edited, deleted = entries(workspace)
    assert [(e.action, e.table_name, e.record_id, e.os_user) for e in (made, edited, deleted)] == [
        ("create", "partner", str(partner.id), user),
        ("update", "partner", str(partner.id), user),
        ("delete", "partner", str(partner.id), user),
    ]
    assert changes(made)["name"] == [None, "Burntwood Youth Club"]
    assert changes(edited) == {
        "name": ["Burntwood Youth Club", "Burntwood Youth Centre"],
        "notes": ["", "Meets on Tuesdays"],
    }
    assert changes(deleted)["name"] == ["Burntwood Youth Centre", None]
    assert made.at.tzinfo is not None and made.at <= edited.at <= deleted.at


def test_a_record_not_read_again_since_a_commit_is_recorded_in_full(workspace) -> None:
    with workspace.session() as session:
        partner = _partner(session)  # the commit leaves it to be read again when next used
        partner.name = "Burntwood Youth Centre"
        session.commit()
        session.delete(partner)
        session.commit()
        meeting = Meeting(date=dt.date(2026, 3, 2))
        session.add(meeting)
        session.flush()
        present = MeetingAttendance(meeting_id=meeting.id, partner_id=_partner(session).id)
        present.status = "present"
        session.add(present)
        session.commit()
        present.status = "apologies"
        session.commit()
        ids = {"partner": partner.id, "meeting": meeting.id, "present": present.partner_id}

    _made, edited, deleted, *_rest, apologies = entries(workspace)
    assert changes(edited) == {"name": ["Burntwood Youth Club", "Burntwood Youth Centre"]}
    assert deleted.record_id == str(ids["partner"])
    assert changes(deleted)["name"] == ["Burntwood Youth Centre", None]
    assert (apologies.table_name, apologies.record_id) == ("meeting", str(ids["meeting"]))
    partner_id = ids["present"]
    assert changes(apologies) == {
        "partners": [[f"partner #{partner_id}: present"], [f"partner #{partner_id}: apologies"]]
    }


def test_a_change_rolled_back_leaves_no_entry(workspace) -> None:
    with workspace.session() as session:
        _partner(session, "Saved")
        session.add(YoungPerson(first_name="Never saved", age_band="13-15"))
        session.flush()  # written, but not committed
        session.execute(update(Partner).values(notes="nor this"))
        session.rollback()
        session.add(YoungPerson(first_name="Left unsaved when the session closed"))
        session.flush()
        session.close()
        session.add(Activity(title="Saved too", category="sport", start_date=dt.date(2026, 4, 1)))
        session.commit()

    assert [(e.action, e.table_name) for e in entries(workspace)] == [
        ("create", "partner"),
        ("create", "activity"),
    ]


def test_a_change_whose_commit_fails_leaves_no_entry(workspace) -> None:
    with workspace.session() as session:
        held = ActivitySession(
            activity_id=999, date=dt.date(2026, 4, 1), start_time=dt.time(18), end_time=dt.time(19)
        )  # of an activity that does not exist
        session.add(held)
        with pytest.raises(Exception, match="FOREIGN KEY"):
            session.commit()
    assert entries(workspace) == []


def test_saving_a_record_as_it_was_leaves_no_entry(workspace) -> None:
    with workspace.session() as session:
        partner = _partner(session)
        partner.name = "Burntwood Youth Club"  # the same again
        session.add(partner)
        session.commit()
    assert len(entries(workspace)) == 1


def test_nothing_is_recorded_for_a_session_that_is_not_watched(workspace) -> None:
    with Session(workspace.engine) as session:  # as creating a workspace does
        _partner(session)
    assert entries(workspace) == []


def test_statements_run_through_the_session_are_recorded_row_by_row(workspace) -> None:
    with workspace.session() as session:
        first, second = _partner(session, "A").id, _partner(session, "B").id
        session.execute(update(Partner).where(Partner.id == first).values(active=False))
        session.execute(insert(Partner), [{"name": "C", "partner_type": "youth"}])
        session.execute(delete(Partner).where(Partner.id == second))
        session.commit()

    *_, deactivated, added, removed = entries(workspace)
    assert (deactivated.action, deactivated.record_id) == ("update", str(first))
    assert changes(deactivated) == {"active": [True, False]}
    assert (added.action, changes(added)["name"]) == ("create", [None, "C"])
    assert (removed.action, removed.record_id) == ("delete", str(second))
    assert changes(removed)["name"] == ["B", None]


def test_a_statement_the_caller_records_itself_is_not_recorded_twice(workspace) -> None:
    with workspace.session() as session:
        partner = _partner(session)
        session.execute(
            delete(Partner).where(Partner.id == partner.id),
            execution_options=audit.RECORDED_SEPARATELY,
        )
        audit.record(session, "delete", "partner", partner.id, note="gone, said once")
        session.commit()

    made, deleted = entries(workspace)
    assert changes(deleted) == {"(note)": "gone, said once"}


def _session_with_register(session: Session, ticked: list[int]) -> ActivitySession:
    activity = Activity(title="Youth club", category="youth-work", start_date=dt.date(2026, 4, 1))
    session.add(activity)
    session.flush()
    held = ActivitySession(
        activity_id=activity.id,
        date=dt.date(2026, 4, 7),
        start_time=dt.time(18),
        end_time=dt.time(20),
    )
    session.add(held)
    session.flush()
    for person_id in ticked:
        session.add(Attendance(session_id=held.id, young_person_id=person_id))
    session.commit()
    return held


def _people(session: Session, count: int) -> list[int]:
    people = [YoungPerson(first_name=f"P{i}", age_band="13-15") for i in range(count)]
    session.add_all(people)
    session.commit()
    return [p.id for p in people]


def test_register_ticks_are_one_edit_of_their_session(workspace) -> None:
    with workspace.session() as session:
        a, b, c = _people(session, 3)
        held = _session_with_register(session, [a, b]).id
        session.exec(delete(Attendance).where(Attendance.young_person_id == a))
        session.add(Attendance(session_id=held, young_person_id=c))
        session.commit()

    *_, made, edited = entries(workspace)
    assert (made.action, made.table_name) == ("create", "activity_session")
    assert changes(made)["register"] == [[], [a, b]]
    assert (edited.action, edited.table_name, edited.record_id) == (
        "update",
        "activity_session",
        str(held),
    )
    assert changes(edited) == {"register": [[a], [c]]}
    assert not any(e.table_name == "attendance" for e in entries(workspace))


def test_links_taken_out_and_put_back_add_up_to_what_changed(workspace) -> None:
    with workspace.session() as session:
        activity = Activity(title="Club", category="youth-work", start_date=dt.date(2026, 4, 1))
        session.add(activity)
        session.flush()
        session.add_all(
            ActivityOutcome(activity_id=activity.id, ecm_outcome=code) for code in ("enjoy", "safe")
        )
        session.commit()
        for wanted in (["enjoy", "healthy"], ["enjoy", "healthy"]):  # changed, then saved again
            session.exec(delete(ActivityOutcome).where(ActivityOutcome.activity_id == activity.id))
            session.add_all(
                ActivityOutcome(activity_id=activity.id, ecm_outcome=code) for code in wanted
            )
            session.commit()

    made, edited = entries(workspace)
    assert changes(made)["ECM outcomes"] == [[], ["enjoy", "safe"]]
    assert changes(edited) == {"ECM outcomes": [["safe"], ["healthy"]]}


def test_a_long_list_of_parts_is_cut_short(workspace) -> None:
    with workspace.session() as session:
        people = _people(session, audit.MAX_ITEMS + 5)
        _session_with_register(session, people)
    ticked = changes(entries(workspace)[-1])["register"][1]
    assert ticked[: audit.MAX_ITEMS] == people[: audit.MAX_ITEMS]
    assert ticked[audit.MAX_ITEMS :] == ["\u2026and 5 more"]


def test_identifying_details_of_a_young_person_are_never_copied(workspace) -> None:
    secrets = ["Kayleigh", "Featherstonehaugh", "BUR-7781", "2011-02-03", "WS7"]
    with workspace.session() as session:
        person = YoungPerson(
            first_name="Kayleigh",
            last_name="Featherstonehaugh",
            local_ref="BUR-7781",
            date_of_birth=dt.date(2011, 2, 3),
            postcode_district="WS7",
        )
        session.add(person)
        session.commit()
        person.postcode_district = "WS8"
        person.gender = "female"
        session.commit()
        session.execute(update(YoungPerson).values(last_name="Smith", local_ref=None))
        session.commit()
        session.delete(person)
        session.commit()

    found = entries(workspace)
    assert [e.action for e in found] == ["create", "update", "update", "delete"]
    text = " ".join(f"{e.record_id} {e.changes}" for e in found)
    assert [secret for secret in secrets + ["WS8", "Smith"] if secret in text] == []
    assert changes(found[1]) == {
        "postcode_district": [audit.NOT_RECORDED, audit.NOT_RECORDED],
        "gender": ["not-stated", "female"],
    }
    assert changes(found[2]) == {
        "local_ref": [audit.NOT_RECORDED, None],
        "last_name": [audit.NOT_RECORDED, audit.NOT_RECORDED],
    }


def test_long_text_is_cut_short(workspace) -> None:
    with workspace.session() as session:
        session.add(Partner(name="P", partner_type="vcs", notes="x" * 5000))
        session.commit()
    kept = changes(entries(workspace)[0])["notes"][1]
    assert len(kept) == audit.MAX_TEXT and kept.endswith("\u2026")


def test_the_user_is_unknown_when_the_computer_cannot_tell(workspace, monkeypatch) -> None:
    def no_user() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_user)
    with workspace.session() as session:
        _partner(session)
    assert entries(workspace)[0].os_user == "unknown"

"""The self-test's steps on the records: one of every kind a coordinator keeps is written
through its service, as the desktop saves it, read back in a new session, and found in the
audit trail (which is then exported)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, select

from trustdesk import ops
from trustdesk.self_test.trial import PERIOD, TODAY, Step, Trial, Written, check
from trustdesk.services import (
    activities,
    attendance,
    contact_log,
    evidence,
    meetings,
    outcomes,
    partners,
    spending,
    young_people,
)
from trustdesk.services.audit import count_audit, export_audit_csv, list_audit
from trustdesk.services.records import count_records
from trustdesk.store import models as m
from trustdesk.store.audit import PARTS
from trustdesk.store.context import trust

BORN = dt.date(2011, 3, 4)  # the young person is 14 in the period


def _write_records(trial: Trial) -> str:
    trial.written, trial.young_person_id = ops.change(trial.workspace, write_every_kind)
    return f"{len(trial.written)} records"


def _read_records(trial: Trial) -> str:
    with trial.workspace.session() as session:  # a new session: read from the database
        read_back(session, trial.written)
        missing = kinds_not_written(session)
    check(not missing, f"the test wrote no {', '.join(missing)}: it must write every kind")
    return f"{len({model for model, _, _ in trial.written})} kinds"


def _audit_trail(trial: Trial) -> str:
    with trial.workspace.session() as session:
        for model, key, _ in trial.written:
            table, record_id = model.__tablename__, key
            part = PARTS.get(table)
            if part is not None:  # a register tick is an edit of its session, and so on
                table, record_id = part.parent, getattr(session.get(model, key), part.key)
            entries = list_audit(session, table=table, record_id=record_id, limit=None)
            if part is not None:
                entries = [e for e in entries if part.label in f"{e.description} {e.details}"]
            check(entries, f"the audit trail has no entry for {model.__tablename__} {key}")
        check(all(e.user for e in list_audit(session, limit=None)), "an entry names no user")
        total = count_audit(session)
        exported = export_audit_csv(session, trial.folder / "audit.csv")
    check(exported == total, f"the audit trail's CSV export has {exported} of {total} entries")
    return f"{total} entries"


WRITE_RECORDS = Step("every kind of record written", _write_records)
READ_RECORDS = Step("every kind of record read back", _read_records)
AUDIT_TRAIL = Step("audit trail written and exported", _audit_trail)


def write_every_kind(session: Session) -> tuple[Written, int]:
    """One record of every kind a coordinator keeps, each through its service as the
    desktop saves it; returns what to read back, and the young person's id."""
    config = trust(session)

    def first(list_name: str) -> str:
        return config.codes(list_name)[0]

    def day(month: int, number: int) -> dt.date:
        return dt.date(PERIOD.start.year, month, number)

    written: Written = []

    def wrote(record: Any, **expected: Any) -> Any:
        written.append((type(record), record.id, expected))
        return record

    partner = partners.create_partner(
        session, name="Self-test youth service", partner_type=first("partner_types")
    )
    wrote(partner, name="Self-test youth service")
    person_at = partners.add_partner_contact(
        session, partner_id=partner.id, name="Sam Tester", email="sam@example.org"
    )
    wrote(person_at, name="Sam Tester", partner_id=partner.id)
    logged = contact_log.log_contact(
        session, date=day(5, 6), partner_id=partner.id, contact_id=person_at.id,
        method=first("contact_methods"), summary="Planned the summer programme",
    )  # fmt: skip
    wrote(logged, summary="Planned the summer programme")
    club = activities.create_activity(
        session, title="Self-test youth club", category=first("activity_categories"),
        start_date=day(4, 1), end_date=day(6, 30), ecm_outcomes=config.codes("ecm_outcomes")[:2],
        lead_partner_id=partner.id,
    )  # fmt: skip
    wrote(club, title="Self-test youth club")
    evening = activities.add_session(
        session, activity_id=club.id, date=day(5, 7), start_time="18:30", end_time="20:30"
    )
    wrote(evening, date=day(5, 7), activity_id=club.id)
    event = activities.add_session(
        session, activity_id=club.id, date=day(6, 14), start_time="10:00", end_time="16:00"
    )
    wrote(event, date=day(6, 14))
    given = activities.add_contribution(
        session, activity_id=club.id, partner_id=partner.id, date=day(5, 7), staff_hours="2"
    )
    wrote(given, staff_minutes=120)
    person = young_people.add_young_person(
        session, today=TODAY, first_name="Alex", last_name="Selftest", date_of_birth=BORN,
        gender=first("genders"), postcode_district="WS7",
    )  # fmt: skip
    wrote(person, first_name="Alex", date_of_birth=BORN, postcode_district="WS7")
    attendance.set_register(session, session_id=evening.id, young_person_ids=[person.id])
    for tick in session.exec(select(m.Attendance).where(m.Attendance.session_id == evening.id)):
        wrote(tick, young_person_id=person.id)
    counts = {(first("age_bands"), first("genders")): 12}
    for row in attendance.record_headcount(session, session_id=event.id, counts=counts):
        wrote(row, session_id=event.id, count=12)
    gained = outcomes.record_outcome(
        session, young_person_id=person.id, kind="accredited", date=day(6, 14),
        accreditation=first("accreditations"), activity_id=club.id,
    )  # fmt: skip
    wrote(gained, kind="accredited", young_person_id=person.id)
    april = meetings.create_meeting(session, date=day(4, 15))
    wrote(april, date=day(4, 15))
    meetings.set_partner_attendance(
        session, meeting_id=april.id, attendance={partner.id: "present"}
    )
    written.append((m.MeetingAttendance, (april.id, partner.id), {"status": "present"}))
    action = meetings.add_action(
        session, meeting_id=april.id, text="Book the climbing wall", owner="Sam Tester",
        owner_partner_id=partner.id, due_date=day(5, 20),
    )  # fmt: skip
    may = meetings.create_meeting(session, date=day(5, 20))
    wrote(may, date=day(5, 20))
    meetings.review_action(session, action_id=action.id, meeting_id=may.id, status="done")
    wrote(action, text="Book the climbing wall", status="done")
    for review in session.exec(select(m.ActionReview).where(m.ActionReview.action_id == action.id)):
        wrote(review, status_after="done")
    said = evidence.record_voice(
        session, date=day(5, 7), method=first("voice_methods"), who="Year 9 group",
        said="Open the club on Fridays too.", change_made="It opens on Fridays.",
        change_date=day(6, 6), activity_id=club.id,
    )  # fmt: skip
    wrote(said, said="Open the club on Fridays too.")
    study = evidence.create_case_study(
        session, date=day(6, 20), title="Growing confidence",
        narrative="A young person who came to every session now helps to run it.",
        ecm_outcomes=config.codes("ecm_outcomes")[:1], activity_id=club.id,
    )  # fmt: skip
    wrote(study, title="Growing confidence")
    spent = spending.record_spend(
        session,
        date=day(6, 1),
        amount="12.50",
        purpose=first("spending_purposes"),
        activity_id=club.id,
    )
    wrote(spent, amount_pence=1250)
    return written, person.id


def read_back(session: Session, written: Written) -> None:
    """Every record written is in the database, by its id, holding what was written."""
    for model, key, expected in written:
        record = session.get(model, key)
        check(record is not None, f"the {model.__tablename__} #{key} written is not there")
        for name, value in expected.items():
            found = getattr(record, name)
            check(
                found == value, f"{model.__tablename__} #{key} has {name} {found!r}, not {value!r}"
            )


def kinds_not_written(session: Session) -> list[str]:
    """The kinds of record the workspace holds none of (returns and the audit trail, made
    later by steps of their own, apart)."""
    later = ("Returns", "Audit entries")
    return [kind for kind, count in count_records(session) if not count and kind not in later]

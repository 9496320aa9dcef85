"""The audit trail as a coordinator reads it: each create, edit and delete made through the
services, who made it and what changed, in words; filtered; exported to CSV. A young
person's identifying details never reach it."""

from __future__ import annotations

import csv
import datetime as dt
import getpass

import pytest
from sqlmodel import select

from tests.services.committed import committed
from trustdesk.errors import UserError, ValidationError
from trustdesk.services.activities import add_session, create_activity, update_activity
from trustdesk.services.attendance import record_headcount, set_register
from trustdesk.services.audit import (
    CSV_HEADINGS,
    audit_choices,
    count_audit,
    describe,
    export_audit_csv,
    list_audit,
)
from trustdesk.services.deletion import delete_with_undo, undo_delete
from trustdesk.services.partners import create_partner, update_partner
from trustdesk.services.young_people import add_young_person, update_young_person
from trustdesk.store import audit
from trustdesk.store.models import Activity, ActivitySession, AuditEntry, YoungPerson

# Each call is a user action of its own: one transaction, one set of audit entries.
add_session, create_activity, update_activity = map(
    committed, (add_session, create_activity, update_activity)
)
record_headcount, set_register = committed(record_headcount), committed(set_register)
delete_with_undo, undo_delete = committed(delete_with_undo), committed(undo_delete)
create_partner, update_partner = committed(create_partner), committed(update_partner)
add_young_person, update_young_person = committed(add_young_person), committed(update_young_person)

KYLE = {
    "first_name": "Kyle",
    "last_name": "Featherstonehaugh",
    "local_ref": "BUR-7781",
    "date_of_birth": "2011-02-03",
    "postcode_district": "WS7",
}
# Every way Kyle's details could be written down.
KYLE_DETAILS = ["Kyle", "Featherstonehaugh", "BUR-7781", "2011-02-03", "03/02/2011", "WS7"]


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(getpass, "getuser", lambda: "sam.cooper")
    return "sam.cooper"


def _club(session, **extra):
    fields = {"title": "Youth club", "category": "youth-work", "start_date": "2026-04-01"}
    return create_activity(session, **(fields | extra))


def _session_of(session, activity_id: int, day: str = "2026-04-07"):
    return add_session(
        session, activity_id=activity_id, date=day, start_time="18:00", end_time="20:00"
    )


def test_each_create_edit_and_delete_through_the_services_is_in_the_trail(session, user) -> None:
    partner = create_partner(session, name="Burntwood Youth Club", partner_type="vcs")
    update_partner(session, partner.id, name="Burntwood Youth Centre", partner_type="vcs")
    club = _club(session, ecm_outcomes=["enjoy", "safe"])
    update_activity(
        session,
        club.id,
        title="Friday youth club",
        category="youth-work",
        start_date="2026-04-01",
        ecm_outcomes=["enjoy", "healthy"],
    )
    held = _session_of(session, club.id).id
    delete_with_undo(session, ActivitySession, held, "session")

    rows = list_audit(session)
    assert [row.description for row in rows] == [
        f"Deleted session #{held}",
        f"Added session #{held}",
        f"Edited activity #{club.id}: title, ECM outcomes (+1 \u22121)",
        f"Added activity #{club.id}",
        f"Edited partner #{partner.id}: name",
        f"Added partner #{partner.id}",
    ]
    assert {row.user for row in rows} == {user}
    assert [row.action for row in rows[:3]] == ["Deleted", "Added", "Edited"]
    assert rows[2].kind == "Activity"
    assert rows[2].details.splitlines() == [
        "title: Youth club \u2192 Friday youth club",
        "ECM outcomes: added healthy; removed safe",
    ]
    assert "start time: 18:00" in rows[0].details.splitlines()
    assert all(row.at.tzinfo is None for row in rows)  # local time, as the window shows it


def test_a_young_persons_identifying_details_never_reach_the_trail(session, tmp_path) -> None:
    kyle = add_young_person(session, **KYLE)
    update_young_person(session, kyle.id, **(KYLE | {"postcode_district": "WS8"}))
    renamed = {"last_name": "Hughes", "local_ref": None, "postcode_district": "WS8"}
    update_young_person(session, kyle.id, **(KYLE | renamed))
    club = _club(session)
    set_register(session, session_id=_session_of(session, club.id).id, young_person_ids=[kyle.id])
    undo = delete_with_undo(session, YoungPerson, kyle.id, "young person")
    undo_delete(session, undo)
    export_audit_csv(session, tmp_path / "trail.csv")

    stored = session.exec(select(AuditEntry)).all()
    assert len(stored) == 8
    shown = list_audit(session)
    texts = [f"{e.record_id} {e.changes}" for e in stored]
    texts += [f"{row.description} {row.details}" for row in shown]
    texts.append((tmp_path / "trail.csv").read_text(encoding="utf-8-sig"))
    found = [
        secret for secret in [*KYLE_DETAILS, "WS8", "Hughes"] if any(secret in t for t in texts)
    ]
    assert found == []
    # ... yet the trail says what changed.
    edits = [row for row in shown if row.kind == "Young person" and row.action == "Edited"]
    assert [row.description for row in edits] == [
        f"Edited young person #{kyle.id}: local ref, last name",
        f"Edited young person #{kyle.id}: postcode district",
    ]
    assert edits[0].details.splitlines() == [
        "local ref: changed (not recorded)",
        "last name: changed (not recorded)",
    ]


def test_a_delete_and_its_undo_are_one_entry_each_saying_what_went_with_it(session) -> None:
    club = _club(session)
    people = [add_young_person(session, first_name=f"P{i}", age_band="13-15") for i in range(3)]
    for day in ("2026-04-07", "2026-04-14"):
        held = _session_of(session, club.id, day)
        set_register(session, session_id=held.id, young_person_ids=[p.id for p in people])
    before = count_audit(session)

    undo = delete_with_undo(session, Activity, club.id, "activity 'Youth club'")
    undo_delete(session, undo)

    put_back, deleted = list_audit(session, limit=2)
    assert count_audit(session) == before + 2
    assert deleted.description == (
        f"Deleted activity #{club.id} (with 2 sessions and 6 register ticks)"
    )
    assert deleted.details.splitlines()[:2] == [
        "With 2 sessions and 6 register ticks.",
        "title: Youth club",
    ]
    assert put_back.description == (
        f"Added activity #{club.id} (put back by Undo delete; with 2 sessions and 6 register ticks)"
    )


def test_an_undo_that_cannot_be_done_leaves_no_entry(session) -> None:
    club = _club(session)
    undo = delete_with_undo(session, Activity, club.id, "activity 'Youth club'")
    _club(session, title="Something new in its place")  # reuses the id
    with pytest.raises(UserError, match="cannot be put back"):
        undo_delete(session, undo)

    assert [row.action for row in list_audit(session)] == ["Added", "Deleted", "Added"]
    assert "put back" not in " ".join(row.description for row in list_audit(session))


def test_a_register_save_is_one_entry_and_saving_it_unchanged_none(session) -> None:
    club = _club(session)
    held = _session_of(session, club.id)
    people = [add_young_person(session, first_name=f"P{i}", age_band="13-15") for i in range(5)]
    ids = [p.id for p in people]
    set_register(session, session_id=held.id, young_person_ids=ids[:4])
    set_register(session, session_id=held.id, young_person_ids=ids[1:])
    set_register(session, session_id=held.id, young_person_ids=ids[1:])  # as it was

    second, first = list_audit(session, table="activity_session", limit=2)
    assert first.description == f"Edited session #{held.id}: register (+4)"
    assert second.description == f"Edited session #{held.id}: register (+1 \u22121)"
    assert second.details == f"register: added #{ids[4]}; removed #{ids[0]}"
    assert count_audit(session, table="activity_session") == 3  # with the session's creation


def test_a_headcount_changed_is_one_entry_of_its_session(session) -> None:
    held = _session_of(session, _club(session).id)
    record_headcount(session, session_id=held.id, counts={("13-15", "female"): 4})
    record_headcount(session, session_id=held.id, counts={("13-15", "female"): 5})

    latest = list_audit(session, limit=1)[0]
    assert latest.description == f"Edited session #{held.id}: headcount (+1 \u22121)"
    assert latest.details == "headcount: added 13-15 female: 5; removed 13-15 female: 4"


def _at(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """Changes made from now on are recorded at midday (UTC) of this day."""
    noon = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
    monkeypatch.setattr(audit, "utc_now", lambda: noon)


def test_the_trail_is_filtered_by_dates_kind_user_and_record(session, monkeypatch) -> None:
    _at(monkeypatch, dt.date(2026, 3, 1))
    partner = create_partner(session, name="Police", partner_type="police")
    _at(monkeypatch, dt.date(2026, 3, 2))
    monkeypatch.setattr(getpass, "getuser", lambda: "jo.baker")
    club = _club(session)
    _at(monkeypatch, dt.date(2026, 3, 3))
    monkeypatch.setattr(getpass, "getuser", lambda: "sam.cooper")
    update_partner(session, partner.id, name="Staffordshire Police", partner_type="police")

    def shown(**filters) -> list[str]:
        return [row.description for row in list_audit(session, **filters)]

    assert shown(since="2026-03-02") == [
        f"Edited partner #{partner.id}: name",
        f"Added activity #{club.id}",
    ]
    assert shown(since=dt.date(2026, 3, 2), until=dt.date(2026, 3, 2)) == [
        f"Added activity #{club.id}"
    ]
    assert shown(until="2026-03-01") == [f"Added partner #{partner.id}"]
    assert shown(table="partner") == shown(table="Partners") == shown(table="partner ")
    assert len(shown(table="partner")) == 2
    assert shown(user="jo.baker") == [f"Added activity #{club.id}"]
    assert shown(table="activity", record_id=club.id) == [f"Added activity #{club.id}"]
    assert shown(limit=1, offset=1) == [f"Added activity #{club.id}"]
    assert count_audit(session, table="partner", since="2026-03-03") == 1

    choices = audit_choices(session)
    assert choices.kinds == [("Activity", "activity"), ("Partner", "partner")]
    assert choices.users == ["jo.baker", "sam.cooper"]
    assert choices.first_day == dt.date(2026, 3, 1)


def test_filters_that_cannot_be_used_are_refused_in_plain_words(session) -> None:
    with pytest.raises(ValidationError, match="To date: is before the from date") as refused:
        list_audit(session, since="2026-03-02", until="2026-03-01")
    assert refused.value.field == "until"
    with pytest.raises(ValidationError, match="'unicorns' is not a kind of record") as refused:
        count_audit(session, table="unicorns")
    assert refused.value.field == "table"
    with pytest.raises(ValidationError, match="not a date"):
        list_audit(session, since="last Tuesday")


def test_an_empty_trail(session) -> None:
    assert list_audit(session) == []
    assert count_audit(session) == 0
    assert audit_choices(session).first_day is None


def test_the_export_is_a_csv_file_excel_opens(session, tmp_path) -> None:
    partner = create_partner(session, name="=HYPERLINK(1)", partner_type="vcs")
    update_partner(session, partner.id, name="Café Ünïcode", partner_type="vcs")
    club = _club(session)
    out = tmp_path / "audit.csv"

    assert export_audit_csv(session, out, table="partner") == 2
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel looks for
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == CSV_HEADINGS
    assert [row[5] for row in rows[1:]] == [
        f"Edited partner #{partner.id}: name",
        f"Added partner #{partner.id}",
    ]
    assert rows[1][1:5] == ["sam.cooper", "Edited", "Partner", str(partner.id)]
    assert rows[1][6] == "name: =HYPERLINK(1) \u2192 Café Ünïcode"
    dt.datetime.strptime(rows[1][0], "%Y-%m-%d %H:%M:%S")
    assert export_audit_csv(session, out) == 3  # everything, newest first
    with out.open(encoding="utf-8-sig", newline="") as file:
        assert next(iter(list(csv.reader(file))[1:]))[5] == f"Added activity #{club.id}"


def test_a_cell_that_looks_like_a_formula_stays_text(session, tmp_path) -> None:
    create_partner(session, name="P", partner_type="vcs")
    out = tmp_path / "audit.csv"
    export_audit_csv(session, out)
    text = out.read_text(encoding="utf-8-sig")
    assert "Added partner" in text
    session.exec(select(AuditEntry)).one().os_user = "=cmd|' /C calc'!A0"
    session.commit()
    export_audit_csv(session, out)
    with out.open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file))[1][1] == "'=cmd|' /C calc'!A0"


def test_an_export_that_cannot_be_written_says_so(session, tmp_path) -> None:
    create_partner(session, name="P", partner_type="vcs")
    blocked = tmp_path / "a file"
    blocked.write_text("")
    with pytest.raises(UserError, match="could not be written|is a file"):
        export_audit_csv(session, blocked / "audit.csv")
    assert not (blocked / "audit.csv").exists()


def test_removing_a_young_persons_details_is_said_in_words() -> None:
    changes = {
        "first_name": [audit.NOT_RECORDED, None],
        "erased_at": [None, "2032-01-01T12:00:00+00:00"],
        audit.NOTE: "retention period passed",
    }
    line, details = describe("update", "young_person", "12", changes)
    erased = dt.datetime(2032, 1, 1, 12, tzinfo=dt.UTC).astimezone()  # shown in local time
    assert line == "Removed the identifying details of young person #12 (retention period passed)"
    assert details.splitlines() == [
        "Retention period passed.",
        "first name: changed (not recorded)",
        f"details removed: (empty) \u2192 {erased:%d %b %Y %H:%M}",
    ]


def test_an_entry_of_an_unknown_table_or_a_text_key_still_reads() -> None:
    assert describe("create", "future_thing", "", {})[0] == "Added future thing"
    line, _ = describe("update", "workspace_setting", "retention_years", {"value": ["6", "7"]})
    assert line == "Edited setting 'retention_years': value"


def test_the_export_is_written_whole_or_not_at_all(session, tmp_path, monkeypatch) -> None:
    create_partner(session, name="P", partner_type="vcs")
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "audit.csv"
    out.write_text("the previous export")

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv, "writer", broken)
    with pytest.raises(UserError, match="disk is full"):
        export_audit_csv(session, out)
    assert out.read_text() == "the previous export"
    assert [p.name for p in folder.iterdir()] == ["audit.csv"]  # no half-written file


# ----- trustdesk audit ------------------------------------------------------------------------


def _run(workspace, *argv: str) -> int:
    import argparse

    from trustdesk.cli.audit import run_audit
    from trustdesk.cli.parsers import add_audit_commands

    parser = argparse.ArgumentParser()
    add_audit_commands(
        parser.add_subparsers(dest="command"), argparse.ArgumentParser(add_help=False)
    )
    return run_audit(parser.parse_args(["audit", *argv]), workspace.path)


def test_the_command_prints_the_newest_entries_while_the_workspace_is_open(
    workspace, session, capsys
) -> None:
    partner = create_partner(session, name="Police", partner_type="police")
    update_partner(session, partner.id, name="Staffordshire Police", partner_type="police")
    _club(session)

    assert _run(workspace, "--table", "partners", "--limit", "1") == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].endswith(f"sam.cooper    Edited partner #{partner.id}: name")
    assert printed[1].startswith("(the newest 1 of 2:")

    assert _run(workspace, "--user", "nobody") == 0
    assert capsys.readouterr().out == "No audit entries match.\n"


def test_the_command_writes_a_csv_file(workspace, session, tmp_path, capsys) -> None:
    create_partner(session, name="Police", partner_type="police")
    out = tmp_path / "audit.csv"
    assert _run(workspace, "--since", "2000-01-01", "--out", str(out)) == 0
    assert capsys.readouterr().out == f"Wrote 1 audit entry to {out}.\n"
    with out.open(encoding="utf-8-sig", newline="") as file:
        assert [row[5] for row in csv.reader(file)][1:] == ["Added partner #1"]


def test_the_command_refuses_a_filter_it_cannot_use(workspace) -> None:
    with pytest.raises(ValidationError, match="not a kind of record"):
        _run(workspace, "--table", "unicorns")

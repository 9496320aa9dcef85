"""One user action is one transaction: every action that writes commits exactly once, and an
action refused half-way (a ValidationError after part of it was done) saves nothing.

Driven through the operations the pages call (trustdesk/ops) and, for a partner and a
register, through the real pages."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func
from sqlmodel import select

from tests.ui.desktop_runs import shown
from trustdesk import ops
from trustdesk.errors import UserError, ValidationError
from trustdesk.ops import (
    Changed,
    activities,
    evidence,
    meetings,
    partners,
    records,
    registers,
    settings,
)
from trustdesk.ops import young_people as people
from trustdesk.services.attendance import headcount, register
from trustdesk.services.workspace_info import backups_kept
from trustdesk.store.models import (
    Activity,
    ActivitySession,
    AuditEntry,
    Meeting,
    MeetingAction,
    MeetingAttendance,
    Partner,
    YoungPerson,
)
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.pages.contact_log import ContactLogPage
from trustdesk.ui.pages.partners import PartnersPage
from trustdesk.ui.pages.registers import RegistersPage
from trustdesk.ui.pages.settings import SettingsPage
from trustdesk.ui.pages.voice import VoicePage

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
CLICK = Qt.MouseButton.LeftButton


def _count(workspace, model) -> int:
    with workspace.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _one(commits, action):
    """What ``action()`` returned, having checked that it committed exactly once."""
    result = []
    assert commits.during(lambda: result.append(action())) == 1
    return result[0]


@pytest.fixture
def club(workspace) -> dict[str, int]:
    """A partner, an activity with one session, and two young people."""
    partner = partners.save_partner(
        workspace, None, {"name": "Burntwood Youth Service", "partner_type": "youth"}
    ).record_id
    activity = activities.save_activity(
        workspace,
        None,
        {"title": "Friday club", "category": "youth-work", "start_date": "2026-09-01"},
    ).record_id
    evening = activities.add_occasion(
        workspace, activity, {"date": TODAY, "start_time": "18:00", "end_time": "20:00"}
    ).record_id
    amy, ben = (
        people.save_young_person(
            workspace, None, {"first_name": name, "age_band": "13-15"}, today=TODAY
        ).record_id
        for name in ("Amy", "Ben")
    )
    return {"partner": partner, "activity": activity, "evening": evening, "amy": amy, "ben": ben}


# ----- each action that writes commits once --------------------------------------------------


def test_saving_a_partner_and_a_contact_person_is_one_commit_each(workspace, commits) -> None:
    changed = _one(
        commits,
        lambda: partners.save_partner(
            workspace, None, {"name": "Police", "partner_type": "police"}
        ),
    )
    assert changed.kinds == {"partner"} and changed.record_id is not None
    _one(
        commits,
        lambda: partners.save_partner(
            workspace, changed.record_id, {"name": "Staffordshire Police", "partner_type": "police"}
        ),
    )
    added = _one(
        commits,
        lambda: partners.add_contact_person(workspace, changed.record_id, {"name": "PC Jones"}),
    )
    assert added.kinds == {"contact_person"}
    logged = _one(
        commits,
        lambda: partners.save_contact(
            workspace,
            None,
            {
                "date": TODAY,
                "partner_id": changed.record_id,
                "method": "phone",
                "summary": "Asked about the summer",
            },
        ),
    )
    assert logged.kinds == {"contact"}


def test_a_young_person_and_their_outcome_are_one_commit_each(workspace, club, commits) -> None:
    values = {"first_name": "Cara", "date_of_birth": "2012-03-04", "postcode_district": "WS7"}
    cara = _one(
        commits, lambda: people.save_young_person(workspace, None, values, today=TODAY)
    ).record_id
    _one(
        commits,
        lambda: people.save_young_person(
            workspace, cara, values | {"postcode_district": "WS8"}, today=TODAY
        ),
    )
    gained = {"kind": "recorded", "title": "Led a game", "date": TODAY}
    outcome = _one(
        commits, lambda: people.save_outcome(workspace, None, gained, young_person_id=cara)
    )
    assert outcome.kinds == {"outcome"}
    deleted = _one(commits, lambda: people.delete_outcome(workspace, outcome.record_id))
    assert "outcome" in deleted.kinds


def test_an_activity_with_its_sessions_and_a_contribution_is_one_commit_each(
    workspace, club, commits
) -> None:
    details = {"title": "Summer scheme", "category": "youth-work", "start_date": "2026-07-01"}
    scheme = _one(commits, lambda: activities.save_activity(workspace, None, details)).record_id
    weekly = {"first_date": "2026-07-06", "weeks": 4, "start_time": "10:00", "end_time": "15:00"}
    added = _one(commits, lambda: activities.add_weekly_occasions(workspace, scheme, weekly))
    assert added.kinds == {"session"}
    with workspace.session() as session:
        assert len(session.exec(select(ActivitySession).where(
            ActivitySession.activity_id == scheme)).all()) == 4  # fmt: skip
    moved = {"date": "2026-07-07", "start_time": "10:00", "end_time": "15:00"}
    _one(commits, lambda: activities.update_occasion(workspace, added.record_id, moved))
    given = {"partner_id": club["partner"], "date": "2026-07-06", "staff_hours": "3"}
    assert _one(commits, lambda: activities.add_contribution(workspace, scheme, given)).kinds == {
        "contribution"
    }


def test_a_meeting_with_its_attendance_and_actions_is_one_commit_each(
    workspace, club, commits
) -> None:
    attendance = {club["partner"]: "present"}
    saved = _one(
        commits,
        lambda: meetings.save_meeting(
            workspace, None, {"date": "2026-11-02", "title": "Locality group"}, attendance
        ),
    )
    assert saved.kinds == {"meeting"}
    assert _count(workspace, MeetingAttendance) == 1
    _one(
        commits,
        lambda: meetings.save_meeting(
            workspace,
            saved.record_id,
            {"date": "2026-11-02", "title": "Locality group", "notes": "Quorate"},
            {},
        ),
    )
    action = _one(
        commits,
        lambda: meetings.add_action(
            workspace, saved.record_id, {"text": "Book the hall", "owner": "Sam"}
        ),
    ).record_id
    _one(
        commits,
        lambda: meetings.update_action(
            workspace, action, {"text": "Book the big hall", "owner": "Sam"}
        ),
    )
    later = meetings.save_meeting(
        workspace, None, {"date": "2026-11-16", "title": "Locality group"}, {}
    ).record_id
    _one(commits, lambda: meetings.review_action(workspace, action, later, {"status": "done"}))


def test_a_register_with_its_headcount_is_one_commit(workspace, club, commits) -> None:
    saved = _one(
        commits,
        lambda: registers.save_register(
            workspace,
            club["evening"],
            ticked=[club["amy"], club["ben"]],
            counts={("13-15", "female"): 12},
        ),
    )
    assert saved.kinds == {"register"}
    with workspace.session() as session:
        assert register(session, club["evening"]) == [club["amy"], club["ben"]]
        assert headcount(session, club["evening"]) == {("13-15", "female"): 12}


def test_evidence_is_one_commit_each(workspace, club, commits) -> None:
    study = {
        "date": TODAY,
        "title": "Growing confidence",
        "narrative": "A young person now helps to run the club.",
        "ecm_outcomes": ["enjoy"],
    }
    assert _one(commits, lambda: evidence.save_case_study(workspace, None, study)).kinds == {
        "case_study"
    }
    spend = {"date": TODAY, "amount": "12.50", "purpose": "travel"}
    spent = _one(commits, lambda: evidence.save_spend(workspace, None, spend))
    _one(commits, lambda: evidence.save_spend(workspace, spent.record_id, spend | {"amount": "13"}))
    said = {"date": TODAY, "method": "youth-forum", "who": "Year 9", "said": "Open on Fridays."}
    assert _one(commits, lambda: evidence.save_voice(workspace, None, said)).kinds == {"voice"}


def test_a_delete_and_its_undo_are_one_commit_each(workspace, club, commits) -> None:
    registers.save_register(workspace, club["evening"], ticked=[club["amy"]])
    deleted = _one(
        commits,
        lambda: records.delete_record(workspace, Activity, club["activity"], "activity 'Friday'"),
    )
    assert {"activity", "session", "register"} <= deleted.kinds
    assert _count(workspace, ActivitySession) == 0
    put_back = _one(commits, lambda: records.undo_delete(workspace, deleted.record))
    assert "activity" in put_back.kinds
    assert _count(workspace, ActivitySession) == 1
    with workspace.session() as session:
        assert register(session, club["evening"]) == [club["amy"]]


def test_settings_changes_are_one_commit_each(workspace, commits) -> None:
    assert _one(commits, lambda: settings.set_backups_kept(workspace, 12)).kinds == {"settings"}
    assert ops.query(workspace, backups_kept) == 12
    assert not _one(commits, lambda: settings.set_backups_kept(workspace, 12))  # as it was
    assert _one(commits, lambda: settings.set_retention_years(workspace, 7))


def test_erasing_a_young_person_is_one_commit(workspace, club, commits) -> None:
    erased = _one(commits, lambda: people.erase_young_person(workspace, club["amy"]))
    assert "young_person" in erased.kinds
    with workspace.session() as session:
        assert session.get(YoungPerson, club["amy"]).first_name is None


# ----- through the pages ---------------------------------------------------------------------


def test_saving_a_partner_on_its_page_is_one_commit(qtbot, workspace, commits) -> None:
    page = shown(qtbot, PartnersPage(workspace))
    told = []
    page.what_changed.connect(told.append)
    qtbot.mouseClick(page.new_button, CLICK)
    qtbot.keyClicks(page.ui.nameEdit, "Oak Hill School")
    page.ui.typeCombo.setFocus()
    qtbot.keyClicks(page.ui.typeCombo, "Schools")

    assert commits.during(lambda: qtbot.mouseClick(page.save_button, CLICK)) == 1
    assert [changed.kinds for changed in told] == [{"partner"}]
    assert told[0].record_id == page.record_id
    assert _count(workspace, Partner) == 1


def test_saving_a_register_with_ticks_and_a_headcount_on_its_page_is_one_commit(
    qtbot, workspace, club, commits
) -> None:
    page = shown(qtbot, RegistersPage(workspace))
    assert page.current is not None and page.current.id == club["evening"]
    page.model.set_ticked(club["amy"], True)
    page.ui.headcountRadio.setChecked(True)
    next(iter(page.spins.values())).setValue(9)
    told = []
    page.what_changed.connect(told.append)

    assert commits.during(lambda: qtbot.mouseClick(page.ui.saveButton, CLICK)) == 1
    assert [changed.kinds for changed in told] == [{"register"}]
    with workspace.session() as session:
        assert register(session, club["evening"]) == [club["amy"]]
        assert sum(headcount(session, club["evening"]).values()) == 9


# ----- a refused action saves nothing --------------------------------------------------------


def _trail(workspace) -> int:
    return _count(workspace, AuditEntry)


def test_a_register_whose_headcount_is_refused_saves_no_ticks_either(
    workspace, club, commits
) -> None:
    before, committed = _trail(workspace), commits.count
    with pytest.raises(ValidationError, match="not one of the choices"):
        commits.during(
            lambda: registers.save_register(
                workspace,
                club["evening"],
                ticked=[club["amy"]],
                counts={("13-15", "female"): 3, ("99-100", "female"): 1},  # the second refused
            )
        )
    assert commits.count == committed  # nothing was committed
    with workspace.session() as session:
        assert register(session, club["evening"]) == []
        assert headcount(session, club["evening"]) == {}
    assert _trail(workspace) == before


def test_a_register_refused_after_its_headcount_was_recorded_saves_nothing(workspace, club) -> None:
    """The headcount is written first; the register then names someone who is not there."""
    with pytest.raises(UserError):
        registers.save_register(
            workspace, club["evening"], ticked=[club["amy"], 999], counts={("13-15", "male"): 4}
        )
    with workspace.session() as session:
        assert headcount(session, club["evening"]) == {}
        assert register(session, club["evening"]) == []


def test_a_meeting_whose_attendance_is_refused_is_not_saved(workspace, club, commits) -> None:
    attendance = {club["partner"]: "asleep"}
    committed = commits.count
    with pytest.raises(ValidationError):
        commits.during(
            lambda: meetings.save_meeting(
                workspace, None, {"date": "2026-11-02", "title": "Locality group"}, attendance
            )
        )
    assert commits.count == committed
    assert _count(workspace, Meeting) == 0
    assert _count(workspace, MeetingAttendance) == 0


def test_weekly_sessions_that_do_not_all_fit_add_none(workspace, club) -> None:
    activities.save_activity(
        workspace,
        club["activity"],
        {
            "title": "Friday club",
            "category": "youth-work",
            "start_date": "2026-09-01",
            "end_date": "2026-12-18",
        },
    )
    weekly = {"first_date": "2026-12-04", "weeks": 4, "start_time": "18:00", "end_time": "20:00"}
    with pytest.raises(ValidationError, match="Weeks"):
        activities.add_weekly_occasions(workspace, club["activity"], weekly)
    assert _count(workspace, ActivitySession) == 1


def test_an_action_refused_leaves_nothing_behind(workspace, club) -> None:
    meeting = meetings.save_meeting(
        workspace, None, {"date": "2026-11-02", "title": "Locality group"}, {}
    ).record_id
    with pytest.raises(ValidationError):
        meetings.add_action(workspace, meeting, {"text": "", "owner": "Sam"})
    assert _count(workspace, MeetingAction) == 0


def test_an_action_closed_outside_a_meeting_is_one_commit_and_a_refused_day_saves_nothing(
    workspace, club, commits
) -> None:
    meeting = meetings.save_meeting(
        workspace, None, {"date": "2026-11-02", "title": "Locality group"}, {}
    ).record_id
    action = meetings.add_action(workspace, meeting, {"text": "Hall", "owner": "Sam"}).record_id
    fields = {"text": "Hall booked", "owner": "Sam", "status": "dropped"}
    with pytest.raises(ValidationError, match="is after today"):
        meetings.update_action(workspace, action, fields | {"closed_on": "2026-11-24"})
    with workspace.session() as session:
        row = session.get(MeetingAction, action)
        assert (row.text, row.status, row.closed_on) == ("Hall", "open", None)

    _one(
        commits,
        lambda: meetings.update_action(workspace, action, fields | {"closed_on": "2026-11-20"}),
    )
    with workspace.session() as session:
        row = session.get(MeetingAction, action)
        assert (row.text, row.status, row.closed_on) == (
            "Hall booked",
            "dropped",
            dt.date(2026, 11, 20),
        )


# ----- the window marks only the pages that show what changed -------------------------------


def test_only_the_pages_that_show_what_changed_are_marked_stale(qtbot, workspace) -> None:
    pages = {
        "partners": PartnersPage(workspace),
        "contacts": ContactLogPage(workspace),
        "voice": VoicePage(workspace),
        "settings": SettingsPage(workspace),  # shows every kind (the counts)
    }
    for page in pages.values():
        qtbot.addWidget(page)
        page.stale = False
    window = SimpleNamespace(pages=pages, _update_actions=lambda: None)

    MainWindow._records_changed(window, pages["partners"], Changed.of("partner", record_id=1))
    assert {key for key, page in pages.items() if page.stale} == {"contacts", "settings"}

    for page in pages.values():
        page.stale = False
    MainWindow._records_changed(window, None)  # not said what: every page
    assert all(page.stale for page in pages.values())

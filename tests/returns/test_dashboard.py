"""The dashboard's figures: this quarter so far against the same weeks of last quarter, from
a workspace built through the services, with the figures worked out by hand (today is Monday
23 November 2026, so this quarter is 2026-27Q3, October to December, 1 October to today, and
it is compared with 2026-27Q2 from 1 July to 23 August)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trustdesk.config.periods import Period
from trustdesk.returns.compute import compute_return
from trustdesk.returns.dashboard import (
    FIGURES,
    RETURN_FIGURES,
    QuarterSoFar,
    dashboard,
    definition,
    same_weeks_of,
)
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import record_headcount, set_register
from trustdesk.services.meetings import (
    add_action,
    create_meeting,
    review_action,
    set_partner_attendance,
)
from trustdesk.services.outcomes import record_outcome
from trustdesk.services.partners import create_partner
from trustdesk.services.young_people import add_young_person
from trustdesk.store.workspace import Workspace

TODAY = dt.date(2026, 11, 23)
D = dt.date


@dataclass
class Built:
    """Ids a test may want to change after the workspace is built."""

    today_session: int  # the club night on 23 November: Cal and Ann
    ann: int
    ben: int
    cal: int


def build_two_quarters(ws: Workspace) -> Built:
    """Two quarters of a locality's work. The comments give each record's part."""
    with ws.session() as s:
        youth = create_partner(s, name="Burntwood Youth Club", partner_type="youth").id
        school = create_partner(s, name="Chase Terrace School", partner_type="school").id
        club = create_activity(
            s, title="Youth club", category="youth-work", start_date="2026-06-01",
            ecm_outcomes=["enjoy", "contribute"], lead_partner_id=youth,
        ).id  # fmt: skip
        fun_day = create_activity(
            s, title="Fun day", category="sport", start_date="2026-07-01", ecm_outcomes=["healthy"]
        ).id
        ann = add_young_person(s, first_name="Ann", date_of_birth="2012-03-01", gender="female").id
        ben = add_young_person(s, first_name="Ben", age_band="16-19", gender="male").id
        cal = add_young_person(s, first_name="Cal", date_of_birth="2010-01-10", gender="other").id

        def night(day: str, activity: int = club) -> int:
            return add_session(
                s, activity_id=activity, date=day, start_time="18:00", end_time="20:00"
            ).id

        # Last quarter: 3 sessions, 3 ticks + a headcount of 40.
        set_register(s, session_id=night("2026-07-06"), young_person_ids=[ann, ben])
        set_register(s, session_id=night("2026-07-13"), young_person_ids=[ann])
        event = night("2026-09-30", fun_day)
        record_headcount(
            s, session_id=event, counts={("13-15", "female"): 25, ("13-15", "male"): 15}
        )
        # This quarter: 5 sessions, 8 ticks + a headcount of 10 = 18 attendances.
        set_register(s, session_id=night("2026-10-01"), young_person_ids=[ann, ben, cal])  # Thu
        set_register(s, session_id=night("2026-10-06"), young_person_ids=[ann])
        set_register(s, session_id=night("2026-10-20"), young_person_ids=[ann, ben])
        record_headcount(
            s, session_id=night("2026-11-04", fun_day), counts={("13-15", "female"): 10}
        )
        today_session = night("2026-11-23")
        set_register(s, session_id=today_session, young_person_ids=[cal, ann])
        # Ann came 4 times this quarter (participant_min_sessions), Ben twice, Cal twice.

        record_outcome(s, young_person_id=ann, kind="accredited", title="", date="2026-08-20",
                       accreditation="first-aid", ecm_outcome="healthy")  # fmt: skip
        record_outcome(s, young_person_id=ben, kind="recorded", title="Led a session", date="2026-10-20")  # fmt: skip

        # Meetings: one last quarter, one this quarter, one planned for December.
        september = create_meeting(s, date="2026-09-10").id
        october = create_meeting(s, date="2026-10-14").id
        december = create_meeting(s, date="2026-12-10").id
        set_partner_attendance(s, meeting_id=september, attendance={youth: "present", school: "apologies"})  # fmt: skip
        set_partner_attendance(s, meeting_id=october, attendance={youth: "present", school: "present"})  # fmt: skip

        def action(meeting: int, due: str | None, text: str) -> int:
            return add_action(s, meeting_id=meeting, text=text, owner="Jo", due_date=due).id

        a1 = action(september, "2026-09-20", "Done in October")  # open and overdue on 30 Sep
        a2 = action(september, "2026-10-01", "Dropped in October")  # open on 30 Sep, not overdue
        action(september, "2026-11-01", "Still open")  # open on both days, overdue today
        action(october, "2026-12-01", "Due in December")  # open today, not overdue
        action(october, None, "No due date")  # open today
        action(december, None, "Agreed in December")  # not agreed yet today
        review_action(s, action_id=a1, meeting_id=october, status="done")
        review_action(s, action_id=a2, meeting_id=october, status="dropped")
        s.commit()
    return Built(today_session, ann, ben, cal)


def _dashboard(workspace: Workspace, today: dt.date = TODAY):
    with workspace.session() as session:
        return dashboard(session, today=today)


def test_this_quarter_and_last_quarter_worked_out_by_hand(workspace):
    build_two_quarters(workspace)

    figures = _dashboard(workspace)

    assert figures.today == TODAY
    assert figures.current.period == Period.parse("2026-27Q3")
    assert figures.previous.period == Period.parse("2026-27Q2")
    this, last = figures.current.figures, figures.previous.figures
    assert set(this) == set(last) == set(FIGURES)
    hand_this = {
        "sessions": 5,
        "attendances": 18,
        "contacts": 3,
        "participants": 1,  # Ann
        "recorded_outcomes": 1,
        "accredited_outcomes": 0,
        "meetings_held": 2,  # October and the planned December meeting: the return's count
        "meeting_present": 2,
        "open_actions": 3,  # still open, due in December, no due date
        "actions_overdue": 1,  # the one due on 1 November
    }
    # 1 July to 23 August, the same weeks (53 days in): the fun day of 30 September and the
    # meeting of 10 September (with its actions) come later in the quarter.
    assert (figures.compared_from, figures.compared_to) == (D(2026, 7, 1), D(2026, 8, 23))
    hand_last = {
        "sessions": 2,
        "attendances": 3,
        "contacts": 2,
        "participants": 0,
        "recorded_outcomes": 0,
        "accredited_outcomes": 1,  # 20 August
        "meetings_held": 0,
        "meeting_present": 0,
        "open_actions": 0,  # on 23 August: none agreed yet
        "actions_overdue": 0,
    }
    assert {code: this[code] for code in hand_this} == hand_this
    assert {code: last[code] for code in hand_last} == hand_last


def test_the_return_figures_are_the_returns_own(workspace):
    build_two_quarters(workspace)

    figures = _dashboard(workspace)

    with workspace.session() as session:
        this_return = compute_return(session, Period.parse("2026-27Q3"))
        last_return = compute_return(session, QuarterSoFar(2026, 2, D(2026, 8, 23)))
    for code in RETURN_FIGURES:
        assert figures.current[code] == this_return.value(code), code
        assert figures.previous[code] == last_return.value(code), code
    assert figures.previous["actions_overdue"] == last_return.value("actions_overdue")
    assert figures.current["partners_engaged"] == 2


def test_attendance_by_week_counts_registers_and_headcounts(workspace):
    build_two_quarters(workspace)

    weeks = _dashboard(workspace).attendance_by_week

    # The quarter begins on a Thursday: its first week is 1-4 October. Then Mondays, up to
    # this week, quiet weeks included.
    assert weeks == {
        D(2026, 10, 1): 3,
        D(2026, 10, 5): 1,
        D(2026, 10, 12): 0,
        D(2026, 10, 19): 2,
        D(2026, 10, 26): 0,
        D(2026, 11, 2): 10,  # the fun day's headcount
        D(2026, 11, 9): 0,
        D(2026, 11, 16): 0,
        D(2026, 11, 23): 2,
    }
    assert sum(weeks.values()) == _dashboard(workspace).current["attendances"]


def test_a_week_after_today_with_attendances_is_shown(workspace):
    """A register filled in ahead (say, a planned trip) still counts in the quarter's
    attendances, so the chart runs on to that week rather than hiding it."""
    build_two_quarters(workspace)
    with workspace.session() as s:
        trip = create_activity(s, title="Trip", category="sport", start_date="2026-12-01").id
        later = add_session(s, activity_id=trip, date="2026-12-09", start_time="09:00", end_time="17:00").id  # fmt: skip
        record_headcount(s, session_id=later, counts={("13-15", "male"): 4})
        s.commit()

    figures = _dashboard(workspace)

    weeks = figures.attendance_by_week
    assert list(weeks)[-3:] == [D(2026, 11, 23), D(2026, 11, 30), D(2026, 12, 7)]
    assert weeks[D(2026, 12, 7)] == 4
    assert sum(weeks.values()) == figures.current["attendances"] == 22


def test_attendance_by_outcome_names_every_ecm_outcome_in_the_trusts_order(workspace):
    build_two_quarters(workspace)

    by_outcome = _dashboard(workspace).attendance_by_outcome

    assert by_outcome == {
        "Be healthy": 10,
        "Stay safe": 0,
        "Enjoy and achieve": 8,
        "Make a positive contribution": 8,
        "Achieve economic well-being": 0,
    }


def test_an_empty_workspace_gives_zeros_and_the_weeks_so_far(workspace):
    figures = _dashboard(workspace, dt.date(2026, 4, 15))  # a Wednesday in Q1

    assert set(figures.current.figures.values()) == {0}
    assert set(figures.previous.figures.values()) == {0}
    assert figures.attendance_by_week == {D(2026, 4, 1): 0, D(2026, 4, 6): 0, D(2026, 4, 13): 0}
    assert set(figures.attendance_by_outcome.values()) == {0}


def test_the_quarter_follows_today(workspace):
    build_two_quarters(workspace)

    figures = _dashboard(workspace, dt.date(2027, 1, 5))

    assert figures.current.period == Period.parse("2026-27Q4")
    assert figures.previous.period == Period.parse("2026-27Q3")
    assert figures.compared_to == D(2026, 10, 5)  # as far into Q3 as 5 January is into Q4
    assert figures.previous["attendances"] == 3  # 1 October
    assert figures.current["attendances"] == 0
    # 5 October: the September meeting's three actions are still open.
    assert figures.previous["open_actions"] == 3
    assert list(figures.attendance_by_week) == [D(2027, 1, 1), D(2027, 1, 4)]


def test_every_figure_says_what_it_counts():
    for code in FIGURES:
        assert len(definition(code)) > 20, code


def test_the_same_weeks_of_last_quarter_are_as_many_days_into_it():
    q2, q3, q4 = (Period.parse(f"2026-27Q{n}") for n in (2, 3, 4))
    q1 = Period.parse("2027-28Q1")

    assert same_weeks_of(q2, q3, D(2026, 10, 1)).end == D(2026, 7, 1)  # the first day
    assert same_weeks_of(q2, q3, D(2026, 11, 23)).end == D(2026, 8, 23)
    assert same_weeks_of(q2, q3, D(2026, 11, 23)).start == D(2026, 7, 1)
    # Q4 (90 days) after Q3 (92): its last day stands for the whole of Q3.
    assert same_weeks_of(q3, q4, D(2027, 3, 30)).end == D(2026, 12, 28)
    assert same_weeks_of(q3, q4, D(2027, 3, 31)).end == D(2026, 12, 31)
    assert same_weeks_of(q4, q1, D(2027, 6, 30)).end == D(2027, 3, 31)  # clamped to its end


def test_on_the_last_day_of_a_quarter_the_whole_of_the_last_is_compared(workspace):
    build_two_quarters(workspace)

    figures = _dashboard(workspace, dt.date(2026, 12, 31))

    assert (figures.compared_from, figures.compared_to) == (D(2026, 7, 1), D(2026, 9, 30))
    assert figures.previous["attendances"] == 43
    assert figures.previous["open_actions"] == 3  # on 30 September

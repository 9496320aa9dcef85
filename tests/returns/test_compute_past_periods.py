"""A past period's figures never change because of something recorded after it.

The case an independent recount found: an action due on 4 August, still open at the reviews
of 8 September and 13 October, dropped on 10 November. It was open and overdue at the end of
30 September, so 2026-27 Q2 counts it among the actions overdue, before the drop is recorded
and after, whether it is dropped at a meeting or outside one (on the day given).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.returns.test_compute_independent import check_return
from trustdesk.config.periods import Period
from trustdesk.services.meetings import add_action, create_meeting, review_action, update_action
from trustdesk.store.workspace import Workspace

Q2 = Period.parse("2026-27Q2")  # 1 July - 30 September 2026
Q3 = Period.parse("2026-27Q3")  # 1 October - 31 December 2026
TODAY = dt.date(2026, 12, 6)  # the return for Q2 made in December
ACTIONS = ("actions_opened", "actions_completed", "actions_overdue")


def build(ws: Workspace) -> dict[str, int]:
    """The recount's action ("hall"), and one done after the quarter ("leaflet")."""
    with ws.session() as s:
        july = create_meeting(s, date="2026-07-14").id
        september = create_meeting(s, date="2026-09-08").id
        october = create_meeting(s, date="2026-10-13").id
        november = create_meeting(s, date="2026-11-10").id
        hall = add_action(
            s, meeting_id=july, text="Book the hall", owner="Jo", due_date="2026-08-04"
        )
        leaflet = add_action(s, meeting_id=july, text="Leaflet", owner="Sam", due_date="2026-09-01")
        for meeting in (september, october):
            review_action(s, action_id=hall.id, meeting_id=meeting, status="open")
        review_action(s, action_id=leaflet.id, meeting_id=october, status="done")
        s.commit()
        return {"hall": hall.id, "november": november}


def figures(ws: Workspace, period: Period) -> dict:
    """The return's figures, checked against the independent count from the definitions."""
    ret, _ = check_return(ws, period)
    return ret.figures


def drop_hall(ws: Workspace, ids: dict[str, int], where: str) -> None:
    with ws.session() as s:
        if where == "at a meeting":
            review_action(s, action_id=ids["hall"], meeting_id=ids["november"], status="dropped")
        else:
            update_action(
                s,
                ids["hall"],
                text="Book the hall",
                owner="Jo",
                due_date="2026-08-04",
                status="dropped",
                closed_on="2026-11-10",
                today=TODAY,
            )
        s.commit()


@pytest.mark.parametrize("where", ["at a meeting", "outside a meeting"])
def test_an_action_dropped_after_the_period_is_still_overdue_in_it(workspace, where):
    ids = build(workspace)
    q2_before = figures(workspace, Q2)
    # Open on 30 September: the hall (due 4 August) and the leaflet (due 1 September, done
    # only on 13 October) were both overdue then.
    assert {code: q2_before[(code, "", "")] for code in ACTIONS} == {
        "actions_opened": 2,
        "actions_completed": 0,
        "actions_overdue": 2,
    }
    assert figures(workspace, Q3)[("actions_overdue", "", "")] == 1  # the hall, as yet

    drop_hall(workspace, ids, where)

    assert figures(workspace, Q2) == q2_before  # nothing recorded later changes Q2
    q3 = figures(workspace, Q3)
    assert {code: q3[(code, "", "")] for code in ACTIONS} == {
        "actions_opened": 0,
        "actions_completed": 1,  # the leaflet, done on 13 October
        "actions_overdue": 0,  # the hall was dropped on 10 November
    }


def test_an_action_dropped_on_the_last_day_is_not_overdue_at_its_end(workspace):
    build(workspace)
    with workspace.session() as s:
        july = create_meeting(s, date="2026-07-21").id
        poster = add_action(s, meeting_id=july, text="Poster", owner="Al", due_date="2026-08-04").id
        s.commit()
    assert figures(workspace, Q2)[("actions_overdue", "", "")] == 3
    with workspace.session() as s:
        update_action(
            s, poster, text="Poster", owner="Al", due_date="2026-08-04", status="dropped",
            closed_on="2026-09-30", today=TODAY,
        )  # fmt: skip
        s.commit()
    assert figures(workspace, Q2)[("actions_overdue", "", "")] == 2  # the hall and the leaflet

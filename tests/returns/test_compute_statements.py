"""compute_return counts a quarter in a few grouped statements, however many records there
are, and puts a young person whose age fits no band of the trust under "not recorded"."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from tests.returns.test_compute_independent import Q2, build_hand_case, check_return
from trustdesk.config.periods import Period
from trustdesk.returns.catalogue import NOT_RECORDED
from trustdesk.returns.compute import compute_return
from trustdesk.services.activities import add_session, create_activity
from trustdesk.services.attendance import set_register
from trustdesk.store import models as m
from trustdesk.store.workspace import Workspace

MOST_STATEMENTS = 20  # 16 today: one per kind of record, never one per measure or per row


def statements_run(workspace: Workspace, period: Period) -> list[str]:
    """The SQL statements computing the return runs."""
    run: list[str] = []
    with workspace.session() as session:

        def record(conn, cursor, statement, parameters, context, executemany) -> None:
            run.append(statement)

        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", record)
        try:
            compute_return(session, period)
        finally:
            event.remove(engine, "before_cursor_execute", record)
    return [s for s in run if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def test_a_return_is_counted_in_the_same_few_statements_whatever_the_records(workspace):
    empty = statements_run(workspace, Q2)
    build_hand_case(workspace)
    full = statements_run(workspace, Q2)
    assert len(full) == len(empty)
    assert len(full) <= MOST_STATEMENTS


def test_an_age_outside_every_band_is_not_recorded(workspace):
    """The trust's bands run from 0 to 25: a young person aged 36 on the day, and one whose
    date of birth is after the session (a typing slip), are counted under "not recorded"."""
    with workspace.session() as s:
        club = create_activity(
            s, title="Club", category="youth-work", start_date="2026-07-01", ecm_outcomes=["enjoy"]
        ).id
        night = add_session(
            s, activity_id=club, date="2026-07-06", start_time="18:00", end_time="20:00"
        ).id
        # Written as rows: the services refuse such dates of birth today.
        people = [
            m.YoungPerson(first_name=name, date_of_birth=born, gender="female", ethnicity="white")
            for name, born in (("Old", dt.date(1990, 1, 1)), ("Unborn", dt.date(2026, 12, 1)))
        ]
        s.add_all(people)
        s.commit()
        set_register(s, session_id=night, young_person_ids=[p.id for p in people])
        s.commit()

    ret, _ = check_return(workspace, Q2)  # the independent count agrees
    for measure in ("attendances", "contacts"):
        assert ret.value(measure, "age_band", NOT_RECORDED) == 2
        assert ret.value(measure) == 2

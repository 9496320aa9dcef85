"""The board's own work in a demo district or county: its partner agencies, a year of board
meetings every six to eight weeks with the attendance habits of the seeds (the police least
likely to come, the voluntary sector keen), actions agreed and followed up at the next
meeting (some still open and overdue), contacts with partners, and what the shadow board
or youth forum said. Recorded through the same services a person uses."""

from __future__ import annotations

import datetime as dt
import random

from sqlmodel import Session

from trustdesk.config.trust import Unit
from trustdesk.demo.partnership import attendance_of
from trustdesk.services.contact_log import log_contact
from trustdesk.services.evidence import record_voice
from trustdesk.services.meetings import (
    add_action,
    create_meeting,
    open_actions_before,
    review_action,
    set_partner_attendance,
)
from trustdesk.services.partners import create_partner

# The board's partner agencies: (name, partner type); "{}" is the unit's name.
AGENCIES = (
    ("{} Council children's services", "council"),
    ("{} Youth Service", "youth"),
    ("Staffordshire Police, {} area", "police"),
    ("{} Primary Care Trust", "health"),
    ("{} Secondary Heads' Forum", "school"),
    ("Connexions {}", "connexions"),
    ("{} Youth Offending Team", "yot"),
    ("Jobcentre Plus, {}", "jcp"),
    ("{} Council for Voluntary Service", "vcs"),
    ("Staffordshire Fire and Rescue, {}", "fire"),
)
ACTIONS = (
    ("Bring the quarter's missing returns to the next meeting", "Partnership manager"),
    ("Agree a named police lead for the board", "Board chair"),
    ("Share the youth offending figures by locality", "Youth Offending Team manager"),
    ("Report on the rural transport pilot", "Youth Service manager"),
    ("Invite the shadow board to present its survey", "Participation worker"),
    ("Map the holiday provision across the localities", "Partnership manager"),
    ("Write to the missing partners about attendance", "Board chair"),
    ("Draft the board's annual report", "Partnership manager"),
)
VOICE = (
    (
        "Shadow board",
        "The buses stop at six, so the evening clubs are out of reach in the villages.",
        "The board asked the transport pilot to run a later bus on two routes.",
    ),
    (
        "Youth forum",
        "Young people want a say in how the positive activities money is spent.",
        "Two forum members now sit on the grants panel.",
    ),
    ("Shadow board", "The survey said the drop-in is hard to find and only open on weekdays.", ""),
    (
        "Youth forum",
        "They asked for the board's papers in plain words.",
        "The board now sends a one-page summary to the forum after each meeting.",
    ),
)


def record_board(session: Session, unit: Unit, as_of: dt.date, seed: int) -> None:
    """A year of the board's work up to ``as_of``, the same for the same seed."""
    rng = random.Random(f"board-{unit.code}-{seed}")
    partners = {
        create_partner(session, name=name.format(unit.name), partner_type=kind).id: kind
        for name, kind in AGENCIES
    }
    day = as_of - dt.timedelta(days=365)
    agreed = 0
    while True:
        day += dt.timedelta(days=rng.choice((42, 49, 56)))
        if day > as_of - dt.timedelta(days=21):  # the last meeting some weeks ago
            break
        meeting = create_meeting(
            session, date=day, title=f"{unit.name} board", venue=f"{unit.name} Council House"
        ).id
        set_partner_attendance(
            session,
            meeting_id=meeting,
            attendance={pid: attendance_of(rng, kind) for pid, kind in partners.items()},
        )
        for action in open_actions_before(session, meeting):
            roll = rng.random()
            status = "done" if roll < 0.6 else "dropped" if roll < 0.65 else "open"
            review_action(session, action_id=action.id, meeting_id=meeting, status=status)
        for _ in range(rng.randint(1, 2)):
            text, owner = ACTIONS[agreed % len(ACTIONS)]
            agreed += 1
            add_action(
                session,
                meeting_id=meeting,
                text=text,
                owner=owner,
                due_date=day + dt.timedelta(days=rng.choice((28, 42, 56))),
            )
        log_contact(
            session,
            date=day - dt.timedelta(days=7),
            partner_id=rng.choice(list(partners)),
            method="email",
            summary="Papers for the board meeting sent.",
        )
    for n, (who, said, change) in enumerate(VOICE):
        heard = as_of - dt.timedelta(days=300 - 80 * n)
        record_voice(
            session,
            date=heard,
            method="shadow-board" if who == "Shadow board" else "youth-forum",
            who=who,
            said=said,
            change_made=change,
            change_date=heard + dt.timedelta(days=30) if change else None,
        )

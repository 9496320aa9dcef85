"""The writing TrustDesk that tests/store/test_crash.py kills. Run as
``python tests/store/crash_writer.py WORKSPACE``, it loads Python and TrustDesk once, then for
each seed it reads on stdin forks a writer (so a round costs no second of imports): the writer
opens the workspace the way the desktop does (``open_workspace``, then a backup at open in a
background thread) and saves records through the services, one user action after another,
until it is killed. ``echo 42 | python tests/store/crash_writer.py WORKSPACE`` runs one by hand.

Every line on stdout is JSON, written in one piece and flushed at once:

- ``{"phase": "ready"}`` once TrustDesk is loaded and seeds are awaited;
- ``{"phase": "opening", "pid": ...}`` from a new writer, before it opens the workspace;
- ``{"phase": "open"}`` once it is open;
- ``{"phase": "backed up"}`` once its backup at open is made (meanwhile it saves);
- ``{"begin": {...}}`` before each save: the kind of save (``op``) and every value it writes,
  with a ``key`` unique to this seed that names the new record;
- ``{"done": {...}}`` only after the save's commit has returned: the ids it was given;
- ``{"exited": N}`` once the writer is gone: its exit status, or minus the signal that
  ended it.

So every ``done`` names a committed record, and a ``begin`` without its ``done`` is the one
save that may have been cut short (it must then be wholly there or wholly absent).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from trustdesk.services import activities, attendance, contact_log, meetings, partners
from trustdesk.services import young_people as people
from trustdesk.store import backups
from trustdesk.store.migrate import open_workspace
from trustdesk.store.models import (
    Activity,
    ActivitySession,
    Meeting,
    Partner,
    PartnerContact,
    YoungPerson,
)

OUTCOMES = ["healthy", "safe", "enjoy", "contribute", "economic"]
GENDERS = ["female", "male", "other", "not-stated"]
BANDS = ["11-12", "13-15", "16-19"]
PARTNER_TYPES = ["youth", "school", "vcs", "police", "health"]
CATEGORIES = ["youth-work", "sport", "arts", "outdoor", "learning"]
METHODS = ["meeting", "phone", "email", "visit", "event"]
STATUSES = ["present", "apologies", "absent"]
ACTIVITY_WEEKS = 20
BASE_DAY = dt.date(2026, 1, 5)


def say(line: dict[str, Any]) -> None:
    """One line in a single write, so a kill never leaves half of one."""
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


def day(offset: int) -> str:
    return (BASE_DAY + dt.timedelta(days=offset)).isoformat()


class Writer:
    """What has been saved so far (read back at start, so a run continues the last one's
    work, including a save that was committed but not announced) and the next save."""

    def __init__(self, session: Session, rng: random.Random, prefix: str) -> None:
        self.session, self.rng, self.prefix, self.count = session, rng, prefix, 0
        self.people = list(session.exec(select(YoungPerson.id)))
        self.partners = list(session.exec(select(Partner.id)))
        self.contacts = list(session.exec(select(PartnerContact.id, PartnerContact.partner_id)))
        held = set(session.exec(select(ActivitySession.activity_id)))
        self.activities = {
            activity_id: (start, end)
            for activity_id, start, end in session.exec(
                select(Activity.id, Activity.start_date, Activity.end_date)
            )
        }
        self.without_sessions = sorted(set(self.activities) - held)
        self.sessions = list(session.exec(select(ActivitySession.id)))
        self.meetings = {
            meeting_id: date for meeting_id, date in session.exec(select(Meeting.id, Meeting.date))
        }

    def key(self) -> str:
        self.count += 1
        return f"{self.prefix}-{self.count:04d}"

    def choices(self) -> list[str]:
        """The saves possible now, weighted as a coordinator's day might be."""
        ops = ["person"] * 3 + ["partner", "activity", "activity", "meeting"]
        if self.partners:
            ops += ["contact", "log", "log"]
        if self.without_sessions:
            ops += ["sessions", "sessions"]
        if self.sessions and len(self.people) >= 2:
            ops += ["register"] * 4
        if self.sessions:
            ops += ["headcount"]
        if self.meetings and self.partners:
            ops += ["meeting_attendance"]
        if self.meetings:
            ops += ["action"]
        return ops

    def plan(self) -> dict[str, Any]:
        """The next save: every value it will write, chosen from the seeded generator."""
        rng, op = self.rng, self.rng.choice(self.choices())
        if op == "person":
            return {
                "op": op,
                "key": self.key(),
                "first_name": rng.choice(["Amy", "Ben", "Cara", "Dev", "Ellis", "Femi"]),
                "date_of_birth": day(-rng.randint(11 * 365, 18 * 365)),
                "gender": rng.choice(GENDERS),
                "postcode_district": rng.choice(["WS7", "WS14", "WS15", None]),
            }
        if op == "partner":
            return {
                "op": op,
                "key": self.key(),
                "partner_type": rng.choice(PARTNER_TYPES),
                "notes": rng.choice(["", "Runs the Friday club", "Lends the hall"]),
            }
        if op == "contact":
            return {
                "op": op,
                "key": self.key(),
                "partner_id": rng.choice(self.partners),
                "email": rng.choice(["", "office@example.org"]),
            }
        if op == "log":
            contact = rng.choice(self.contacts) if self.contacts and rng.random() < 0.5 else None
            when = rng.randint(0, 200)
            return {
                "op": op,
                "key": self.key(),
                "partner_id": contact[1] if contact else rng.choice(self.partners),
                "contact_id": contact[0] if contact else None,
                "method": rng.choice(METHODS),
                "date": day(when),
                "follow_up_date": rng.choice([None, day(when + 14)]),
            }
        if op == "activity":
            start = rng.randint(0, 300)
            return {
                "op": op,
                "key": self.key(),
                "category": rng.choice(CATEGORIES),
                "outcomes": sorted(rng.sample(OUTCOMES, rng.randint(1, 4))),
                "start_date": day(start),
                "end_date": day(start + 7 * ACTIVITY_WEEKS),
            }
        if op == "sessions":
            activity_id = rng.choice(self.without_sessions)
            start, end = self.activities[activity_id]
            span = (end - start).days if end else 7 * ACTIVITY_WEEKS
            most = min(8, span // 7 + 1)
            weeks = rng.randint(min(2, most), most)
            first = start + dt.timedelta(days=rng.randint(0, min(6, span - 7 * (weeks - 1))))
            hour = rng.randint(9, 19)
            return {
                "op": op,
                "activity_id": activity_id,
                "dates": [(first + dt.timedelta(weeks=w)).isoformat() for w in range(weeks)],
                "start_time": f"{hour:02d}:00",
                "end_time": f"{hour + 2:02d}:30",
            }
        if op == "register":
            count = rng.randint(2, min(12, len(self.people)))
            return {
                "op": op,
                "session_id": rng.choice(self.sessions),
                "young_person_ids": sorted(rng.sample(self.people, count)),
            }
        if op == "headcount":
            cells = rng.sample([(b, g) for b in BANDS for g in GENDERS], rng.randint(1, 5))
            return {
                "op": op,
                "session_id": rng.choice(self.sessions),
                "counts": [[band, gender, rng.randint(1, 30)] for band, gender in sorted(cells)],
            }
        if op == "meeting":
            return {"op": op, "key": self.key(), "date": day(rng.randint(0, 300))}
        if op == "meeting_attendance":
            chosen = rng.sample(self.partners, rng.randint(1, min(6, len(self.partners))))
            return {
                "op": op,
                "meeting_id": rng.choice(sorted(self.meetings)),
                "statuses": [[pid, rng.choice(STATUSES)] for pid in sorted(chosen)],
            }
        meeting_id = rng.choice(sorted(self.meetings))
        due = self.meetings[meeting_id] + dt.timedelta(days=rng.randint(7, 60))
        return {
            "op": "action",
            "key": self.key(),
            "meeting_id": meeting_id,
            "owner": rng.choice(["Sarah Cooper", "Tom Reid"]),
            "due_date": due.isoformat(),
        }

    def save(self, plan: dict[str, Any]) -> dict[str, Any]:
        """Make the save through the service a page would call; the ids it was given."""
        s, op = self.session, plan["op"]
        if op == "person":
            person = people.add_young_person(
                s,
                first_name=plan["first_name"],
                local_ref=plan["key"],
                date_of_birth=plan["date_of_birth"],
                gender=plan["gender"],
                postcode_district=plan["postcode_district"],
            )
            self.people.append(person.id)
            return {"id": person.id}
        if op == "partner":
            partner = partners.create_partner(
                s, name=plan["key"], partner_type=plan["partner_type"], notes=plan["notes"]
            )
            self.partners.append(partner.id)
            return {"id": partner.id}
        if op == "contact":
            contact = partners.add_partner_contact(
                s, partner_id=plan["partner_id"], name=plan["key"], email=plan["email"]
            )
            self.contacts.append((contact.id, contact.partner_id))
            return {"id": contact.id}
        if op == "log":
            entry = contact_log.log_contact(
                s,
                date=plan["date"],
                partner_id=plan["partner_id"],
                contact_id=plan["contact_id"],
                method=plan["method"],
                summary=plan["key"],
                follow_up_date=plan["follow_up_date"],
            )
            return {"id": entry.id}
        if op == "activity":
            activity = activities.create_activity(
                s,
                title=plan["key"],
                category=plan["category"],
                start_date=plan["start_date"],
                end_date=plan["end_date"],
                ecm_outcomes=plan["outcomes"],
            )
            self.activities[activity.id] = (activity.start_date, activity.end_date)
            self.without_sessions.append(activity.id)
            return {"id": activity.id}
        if op == "sessions":
            added = activities.add_weekly_sessions(
                s,
                activity_id=plan["activity_id"],
                first_date=plan["dates"][0],
                weeks=len(plan["dates"]),
                start_time=plan["start_time"],
                end_time=plan["end_time"],
            )
            self.without_sessions.remove(plan["activity_id"])
            ids = [held.id for held in sorted(added, key=lambda held: held.date)]
            self.sessions += ids
            return {"ids": ids}
        if op == "register":
            attendance.set_register(
                s, session_id=plan["session_id"], young_person_ids=plan["young_person_ids"]
            )
            return {}
        if op == "headcount":
            counts = {(band, gender): n for band, gender, n in plan["counts"]}
            attendance.record_headcount(s, session_id=plan["session_id"], counts=counts)
            return {}
        if op == "meeting":
            meeting = meetings.create_meeting(s, date=plan["date"], title=plan["key"])
            self.meetings[meeting.id] = meeting.date
            return {"id": meeting.id}
        if op == "meeting_attendance":
            meetings.set_partner_attendance(
                s, meeting_id=plan["meeting_id"], attendance=dict(map(tuple, plan["statuses"]))
            )
            return {}
        action = meetings.add_action(
            s,
            meeting_id=plan["meeting_id"],
            text=plan["key"],
            owner=plan["owner"],
            due_date=plan["due_date"],
        )
        return {"id": action.id}


def back_up_at_open(db_path: Path) -> None:
    """The desktop's backup at open, made in a background thread while work goes on."""
    try:
        backups.make_backup(db_path, reason="open")
        say({"phase": "backed up"})
    except Exception as exc:  # a failed backup is a finding: the test reads it
        say({"backup_failed": repr(exc)})


def write(folder: Path, seed: str) -> None:
    """One writer: open the workspace and save until killed."""
    say({"phase": "opening", "pid": os.getpid()})
    workspace = open_workspace(folder)
    threading.Thread(target=back_up_at_open, args=(workspace.db_path,), daemon=True).start()
    say({"phase": "open"})
    with workspace.session() as session:
        writer = Writer(session, random.Random(seed), f"s{seed}")
        while True:
            plan = writer.plan()
            say({"begin": plan})
            saved = writer.save(plan)
            writer.session.commit()  # one user action, one commit (as trustdesk/ops does)
            say({"done": saved})


def serve(folder: Path) -> None:
    """A writer for each seed read on stdin, one at a time, each in a process of its own
    that starts with no database open (SQLite connections never cross a fork)."""
    say({"phase": "ready"})
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                write(folder, line.strip())
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            os._exit(1)
        status = os.waitpid(pid, 0)[1]
        say({"exited": os.waitstatus_to_exitcode(status)})


if __name__ == "__main__":
    serve(Path(sys.argv[1]))

"""The partnership side of the demo: locality group meetings with partner attendance and
actions carried until closed, the contact log, young people's voice, case studies and the
small budget."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from trustdesk.demo import names
from trustdesk.demo.programme import weekdays
from trustdesk.store import models as m

# Chance that a partner of each type is present / sends apologies at a locality meeting
# (the Audit Commission found the police least likely to attend).
MEETING_HABITS = {
    "youth": (0.95, 0.04), "council": (0.9, 0.08), "school": (0.6, 0.25), "health": (0.65, 0.2),
    "police": (0.4, 0.25), "fire": (0.55, 0.2), "fe": (0.2, 0.2), "connexions": (0.7, 0.2),
    "jcp": (0.15, 0.15), "yot": (0.5, 0.3), "vcs": (0.75, 0.15), "parents": (0.55, 0.2),
}  # fmt: skip


def attendance_of(rng: random.Random, kind: str) -> str:
    """Whether a partner of this type came to a meeting, by the habits above."""
    present, apologies = MEETING_HABITS[kind]
    roll = rng.random()
    return "present" if roll < present else "apologies" if roll < present + apologies else "absent"


class PartnershipMixin:
    """Part of the demo generator (see trustdesk.demo.generator)."""

    def meetings(self) -> None:
        rng = self.rng
        invited = [ids[0] for kind, ids in sorted(self.by_type.items()) if kind in MEETING_HABITS]
        invited += self.by_type["school"][1:2] + self.by_type["vcs"][1:3]
        open_actions: list[dict[str, Any]] = []
        for first_of_month in self.months():
            if first_of_month.month == 8:
                continue
            day = next(
                weekdays(first_of_month + dt.timedelta(days=7), self.as_of, 1), None
            )  # 2nd Tuesday
            if day is None or day < self.start:
                continue
            meeting_id = self.add(
                m.Meeting,
                date=day,
                title="Locality group meeting",
                venue=f"{self.loc} Library",
                notes="",
            )
            for partner_id in invited:
                status = attendance_of(rng, self.type_of(partner_id))
                self.add(
                    m.MeetingAttendance, meeting_id=meeting_id, partner_id=partner_id, status=status
                )
            still_open = []
            for action in open_actions:
                roll = rng.random()
                status = "done" if roll < 0.55 else "dropped" if roll < 0.6 else "open"
                note = {
                    "done": "Completed.",
                    "dropped": "No longer needed.",
                    "open": "Carried forward.",
                }[status]
                self.add(
                    m.ActionReview,
                    action_id=action["id"],
                    meeting_id=meeting_id,
                    note=note,
                    status_after=status,
                )
                action["status"], action["closed_on"] = status, None if status == "open" else day
                if status == "open":
                    still_open.append(action)
            open_actions = still_open
            for text in rng.sample(names.ACTION_TEXTS, rng.randint(2, 4)):
                partner_id = rng.choice(invited)
                owner = rng.choice(self.contacts[partner_id])[1]
                self.add(
                    m.MeetingAction, meeting_id=meeting_id, text=text, owner=f"{owner} ({self.name_of(partner_id).split(' (')[0]})",
                    owner_partner_id=partner_id, due_date=day + dt.timedelta(days=rng.choice((21, 28, 42, 56))),
                    status="open", closed_on=None,
                )  # fmt: skip
                open_actions.append(self.rows[m.MeetingAction][-1])

    def random_days(self, per_week: float) -> Iterator[dt.date]:
        for monday in weekdays(self.start, self.as_of, 0):
            for _ in range(int(per_week) + (self.rng.random() < per_week % 1)):
                day = monday + dt.timedelta(days=self.rng.randint(0, 4))
                if day <= self.as_of:
                    yield day

    def contact_log(self) -> None:
        rng = self.rng
        partner_ids = [row["id"] for row in self.rows[m.Partner]]
        methods = self.config.codes("contact_methods")
        for day in self.random_days(3.0 * self.busy):
            partner_id = rng.choice(partner_ids)
            contact_id = rng.choice(self.contacts[partner_id])[0]
            follow_up = day + dt.timedelta(days=rng.randint(7, 21)) if rng.random() < 0.3 else None
            self.add(
                m.ContactLogEntry, date=day, partner_id=partner_id, contact_id=contact_id,
                method=rng.choice(methods), summary=rng.choice(names.CONTACT_SUMMARIES), follow_up_date=follow_up,
                follow_up_done=bool(follow_up and follow_up < self.as_of and rng.random() < 0.85),
            )  # fmt: skip

    def voice(self) -> None:
        rng = self.rng
        methods = self.config.codes("voice_methods")
        for day in self.random_days(0.35):
            said, change = rng.choice(names.VOICE)
            changed_on = day + dt.timedelta(days=rng.randint(14, 60)) if change else None
            if changed_on and changed_on > self.as_of:
                change, changed_on = "", None
            self.add(
                m.VoiceEntry, date=day, method=rng.choice(methods), who=rng.choice(names.VOICE_WHO),
                group_size=rng.randint(4, 25), said=said, change_made=change, change_date=changed_on,
                activity_id=rng.choice(self.activity_ids["participation"] or [None]),
            )  # fmt: skip

    def case_studies(self) -> None:
        """One or two a quarter: the most common evidence of impact (Ofsted, 2010)."""
        days = []
        for month in self.months():
            if month.month % 3 == 1:  # Jan, Apr, Jul, Oct
                for _ in range(self.rng.randint(1, 2)):
                    days.append(month + dt.timedelta(days=self.rng.randint(20, 80)))
        days = sorted(day for day in days if self.start <= day <= self.as_of)
        for number, day in enumerate(days):
            title, narrative, outcomes = names.CASE_STUDIES[number % len(names.CASE_STUDIES)]
            study_id = self.add(
                m.CaseStudy,
                date=day,
                title=f"{title} ({day:%B %Y})",
                narrative=narrative,
                activity_id=None,
            )
            for code in outcomes:
                self.add(m.CaseStudyOutcome, case_study_id=study_id, ecm_outcome=code)

    def spending(self) -> None:
        rng = self.rng
        ranges = {"clothing": (1500, 6000), "travel": (300, 2500), "course-fees": (2000, 15000),
                  "equipment": (1000, 9000), "food": (800, 4000), "venue": (3000, 12000), "other": (500, 3000)}  # fmt: skip
        purposes = self.config.codes("spending_purposes")
        for day in self.random_days(0.8 * self.busy):
            purpose = rng.choice(purposes)
            low, high = ranges.get(purpose, (500, 5000))
            self.add(
                m.Spend, date=day, amount_pence=rng.randint(low, high) // 5 * 5, purpose=purpose,
                activity_id=None, note=rng.choice(names.SPEND_NOTES.get(purpose, ("",))),
            )  # fmt: skip

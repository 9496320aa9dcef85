"""Build a realistic demo locality workspace: the seeds' kinds of partners and activities,
with sessions, registers, outcomes, meetings and actions for the year (``small``) or ten
years (``large``) up to a date.

Deterministic: the same unit, size, seed and date give the same records, row for row.
Rows are generated in Python and written with bulk inserts in one transaction (a ten-year
workspace has tens of thousands of attendance marks; going through the services one record
at a time would take minutes).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import SQLModel

from trustdesk.config import Unit, example_trust_path, load_trust_config
from trustdesk.demo import names
from trustdesk.demo.programme import PROGRAMME, RECORDED_OUTCOMES, Template, is_half_term, is_school_holiday
from trustdesk.errors import UserError
from trustdesk.store import models as m
from trustdesk.store.workspace import Workspace, create_workspace

SIZES = {"small": (1, 1.0, 340), "large": (10, 1.5, 2600)}  # years, busyness, young people
DEFAULT_UNIT = "LIC-BUR"  # Burntwood: the seeds' summer programme was there

# Chance that a partner of each type is present / sends apologies at a locality meeting.
MEETING_HABITS = {
    "youth": (0.95, 0.04), "council": (0.9, 0.08), "school": (0.6, 0.25), "health": (0.65, 0.2),
    "police": (0.4, 0.25), "fire": (0.55, 0.2), "fe": (0.2, 0.2), "connexions": (0.7, 0.2),
    "jcp": (0.15, 0.15), "yot": (0.5, 0.3), "vcs": (0.75, 0.15), "parents": (0.55, 0.2),
}  # fmt: skip


def build_demo(
    path: Path,
    *,
    unit_code: str = DEFAULT_UNIT,
    size: str = "small",
    seed: int = 1,
    as_of: dt.date | None = None,
    config_path: Path | None = None,
) -> Workspace:
    if size not in SIZES:
        raise UserError(f"{size!r} is not a demo size; choose small or large.")
    config_path = config_path or example_trust_path()
    unit = load_trust_config(config_path).unit(unit_code)
    if unit.level != "locality":
        raise UserError(
            f"{unit.name} is a {unit.level}: a demo workspace is a locality's.",
            hint="Choose a locality code; run 'trustdesk units' to list them.",
        )
    as_of = as_of or dt.date.today()
    created = dt.datetime.combine(as_of, dt.time(9), tzinfo=dt.UTC)
    workspace = create_workspace(path, unit.code, config_path=config_path, created_at=created)
    generator = _Generator(workspace, unit, size, seed, as_of)
    generator.generate()
    with workspace.engine.begin() as connection:
        for model in generator.order:
            connection.execute(insert(model), generator.rows[model])
    return workspace


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


def _weekdays(first: dt.date, last: dt.date, weekday: int, step_weeks: int = 1) -> Iterator[dt.date]:
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    while day <= last:
        yield day
        day += dt.timedelta(weeks=step_weeks)


class _Generator:
    def __init__(self, workspace: Workspace, unit: Unit, size: str, seed: int, as_of: dt.date) -> None:
        self.config = workspace.config
        self.unit = unit
        self.rng = random.Random(f"trustdesk-demo/{seed}/{unit.code}/{size}")
        years, self.busy, self.people_count = SIZES[size]
        self.as_of = as_of
        self.start = as_of - dt.timedelta(days=round(365.25 * years) - 1)
        self.rows: dict[type[SQLModel], list[dict[str, Any]]] = defaultdict(list)
        self.order: list[type[SQLModel]] = []
        self.loc = unit.name.split(" (")[0].split(" and ")[0]
        self.dist = self.config.unit(unit.parent_code).name if unit.parent_code else unit.name

    # -- plumbing -------------------------------------------------------------------------
    def add(self, model: type[SQLModel], **row: Any) -> int:
        if model not in self.rows:
            self.order.append(model)
        table = self.rows[model]
        if "id" in model.model_fields:
            row["id"] = len(table) + 1
        table.append(row)
        return row.get("id", 0)

    def generate(self) -> None:
        self.partners()
        self.young_people()
        self.activities()
        self.meetings()
        self.contact_log()
        self.voice()
        self.case_studies()
        self.spending()
        self.first_seen()

    # -- partners -------------------------------------------------------------------------
    def partners(self) -> None:
        rng = self.rng
        self.by_type: dict[str, list[int]] = defaultdict(list)
        self.contacts: dict[int, list[tuple[int, str]]] = {}
        entries = [(kind, pattern.format(loc=self.loc, dist=self.dist)) for kind, pattern in names.PARTNERS]
        entries += [("school", school) for school in rng.sample(names.SCHOOL_NAMES, 3 if self.busy == 1 else 5)]
        entries.append(("fe", rng.choice(names.FE_COLLEGES)))
        for kind, name in entries:
            partner_id = self.add(
                m.Partner, name=name, partner_type=kind, address=f"{self.loc}, Staffordshire",
                notes="", active=True, created_at=_stamp(self.start),
            )  # fmt: skip
            self.by_type[kind].append(partner_id)
            people = []
            for _ in range(rng.randint(1, 3)):
                first = rng.choice(names.FIRST_NAMES_FEMALE + names.FIRST_NAMES_MALE)
                last = rng.choice(names.LAST_NAMES)
                domain = name.split(" (")[0].split(":")[0].lower().replace("'", "").replace(" ", "-")
                contact_id = self.add(
                    m.PartnerContact, partner_id=partner_id, name=f"{first} {last}",
                    role=rng.choice(names.ADULT_ROLES), phone=f"01543 {rng.randint(200000, 799999)}",
                    email=f"{first.lower()}.{last.lower()}@{domain[:30]}.example",
                )  # fmt: skip
                people.append((contact_id, f"{first} {last}"))
            self.contacts[partner_id] = people

    def partner_of(self, kind: str) -> int:
        candidates = self.by_type.get(kind) or self.by_type["vcs"]
        return candidates[0] if len(candidates) == 1 else self.rng.choice(candidates)

    # -- young people ---------------------------------------------------------------------
    def young_people(self) -> None:
        rng, cfg = self.rng, self.config
        earliest = self.start - dt.timedelta(days=365 * 19)
        span = (self.as_of - dt.timedelta(days=365 * 8) - earliest).days
        postcodes = names.POSTCODE_DISTRICTS.get(self.unit.parent_code or "", ("ST16",))
        prefix = self.unit.code.split("-")[-1]
        self.people: list[tuple[int, dt.date, str]] = []  # id, date of birth, gender
        for number in range(1, self.people_count + 1):
            gender = rng.choices(["female", "male", "other", "not-stated"], [49, 49, 1, 1])[0]
            first = rng.choice(
                {"female": names.FIRST_NAMES_FEMALE, "male": names.FIRST_NAMES_MALE}.get(gender, names.FIRST_NAMES_OTHER)
            )
            born = earliest + dt.timedelta(days=rng.randrange(span))
            keep_birth_date = rng.random() > 0.08
            age_now = (self.as_of - born).days // 365
            person_id = self.add(
                m.YoungPerson,
                local_ref=f"{prefix}-{number:05d}",
                first_name=first,
                last_name=rng.choice(names.LAST_NAMES),
                date_of_birth=born if keep_birth_date else None,
                age_band=None if keep_birth_date else cfg.age_band_for(min(age_now, 19)),
                postcode_district=rng.choice(postcodes),
                gender=gender,
                ethnicity=rng.choices(
                    ["white", "asian", "mixed", "black", "other", "not-stated"], [90, 4, 3, 1.5, 0.5, 1]
                )[0],
                disability=rng.random() < 0.08,
                looked_after=rng.random() < 0.02,
                young_carer=rng.random() < 0.04,
                created_at=_stamp(self.start),
                erased_at=None,
            )
            self.people.append((person_id, born, gender))

    def eligible(self, template: Template, on: dt.date) -> list[int]:
        low, high = template.ages
        result = []
        for person_id, born, gender in self.people:
            age = (on - born).days // 365
            if low <= age <= high and not (template.category == "family" and "parents" in template.title and gender == "male"):
                result.append(person_id)
        return result

    # -- activities, sessions, registers, outcomes ---------------------------------------
    def activities(self) -> None:
        self.activity_ids: dict[str, list[int]] = defaultdict(list)
        self.first_attended: dict[int, dt.date] = {}
        for template in PROGRAMME:
            if template.seasonal:
                for title, dates in self.seasonal_runs(template):
                    self.activity(template, title, dates, dates[0], dates[-1])
            else:
                dates = list(self.recurring_dates(template))
                began = dt.date(self.start.year - self.rng.randint(1, 6), 9, 1)  # running for years
                self.activity(template, template.title, dates, began, None)

    def recurring_dates(self, template: Template) -> Iterator[dt.date]:
        step = 2 if template.pattern == "fortnightly" else 1
        for day in _weekdays(self.start, self.as_of, template.weekday, step):
            if template.pattern == "monthly" and day.day > 7:
                continue
            if (template.term_time_only and is_school_holiday(day)) or (day.month, day.day) >= (12, 24):
                continue
            if self.rng.random() < 0.04:  # cancelled: snow, staff sickness, the bus broke down
                continue
            yield day

    def seasonal_runs(self, template: Template) -> Iterator[tuple[str, list[dt.date]]]:
        for year in range(self.start.year, self.as_of.year + 1):
            if template.pattern == "half-term":
                for month, name in ((2, "February"), (10, "October")):
                    days = [
                        dt.date(year, month, d) for d in range(14, 32 if month == 10 else 22)
                        if dt.date(year, month, d).weekday() < 5 and is_half_term(dt.date(year, month, d))
                    ][: template.sessions]  # fmt: skip
                    yield from self.within(f"{template.title} ({name} {year})", days)
                continue
            days = []
            for month in template.months:
                first = dt.date(year, month, 12 if template.pattern == "once" else 1)
                last = (dt.date(year + (month == 12), month % 12 + 1, 1)) - dt.timedelta(days=1)
                for day in _weekdays(first, last, template.weekday):
                    holiday = is_school_holiday(day)
                    if (template.term_time_only and holiday) or (8 in template.months and not holiday):
                        continue
                    days.append(day)
            yield from self.within(f"{template.title} {year}", days[: template.sessions])

    def within(self, title: str, days: list[dt.date]) -> Iterator[tuple[str, list[dt.date]]]:
        days = [day for day in days if self.start <= day <= self.as_of]
        if days:
            yield title, days

    def activity(self, template: Template, title: str, dates: list[dt.date], start: dt.date, end: dt.date | None) -> None:
        rng = self.rng
        lead = self.partner_of(template.lead)
        activity_id = self.add(
            m.Activity, title=title, category=template.category, venue=template.venue.format(loc=self.loc),
            lead_partner_id=lead, start_date=start, end_date=end, description=f"Led by {self.name_of(lead)}.",
            created_at=_stamp(start),
        )  # fmt: skip
        self.activity_ids[template.category].append(activity_id)
        for code in template.outcomes:
            self.add(m.ActivityOutcome, activity_id=activity_id, ecm_outcome=code)
        hour, minute = map(int, template.start.split(":"))
        begins = dt.time(hour, minute)
        ends = (dt.datetime.combine(start, begins) + dt.timedelta(hours=template.hours)).time()
        attended: dict[int, list[dt.date]] = defaultdict(list)
        regulars: list[tuple[int, float]] = []
        block = None
        for day in dates:
            session_id = self.add(m.ActivitySession, activity_id=activity_id, date=day, start_time=begins, end_time=ends, notes="")
            if template.headcount:
                self.headcount(session_id)
                continue
            year_block = day.year if day.month >= 9 else day.year - 1  # regulars change each school year
            if year_block != block or not regulars:
                block = year_block
                pool = self.eligible(template, day)
                size = min(len(pool), round(template.regulars * self.busy))
                regulars = [(pid, rng.uniform(0.35, 0.92)) for pid in rng.sample(pool, size)]
                casual_pool = pool
            came = [pid for pid, chance in regulars if rng.random() < chance]
            if casual_pool:
                came += rng.sample(casual_pool, min(len(casual_pool), rng.randint(0, 3)))
            for pid in dict.fromkeys(came):
                self.add(m.Attendance, session_id=session_id, young_person_id=pid)
                attended[pid].append(day)
                self.first_attended[pid] = min(day, self.first_attended.get(pid, day))
        self.outcomes(template, activity_id, attended)
        self.contributions(template, activity_id, lead, dates)

    def headcount(self, session_id: int) -> None:
        for band in self.config.age_bands[:4]:
            for gender in ("female", "male"):
                self.add(m.Headcount, session_id=session_id, age_band=band.code, gender=gender, count=self.rng.randint(8, 45))

    def outcomes(self, template: Template, activity_id: int, attended: dict[int, list[dt.date]]) -> None:
        rng = self.rng
        held: set[tuple[int, str]] = set()
        for pid in sorted(attended):
            days = attended[pid]
            if template.accreditation and len(days) >= (3 if template.sessions else 12):
                code = template.accreditation
                if code == "dofe-bronze" and rng.random() < 0.3:
                    code = "dofe-silver"
                gained = days[-1] if template.sessions else min(days[-1] + dt.timedelta(days=30), self.as_of)
                if (pid, code) not in held and rng.random() < 0.75:
                    held.add((pid, code))
                    self.outcome(pid, activity_id, "accredited", self.config.name_of("accreditations", code), code, template, gained)
            choices = RECORDED_OUTCOMES.get(template.category)
            if choices and len(days) >= 6 and rng.random() < 0.3:
                self.outcome(pid, activity_id, "recorded", rng.choice(choices), None, template, rng.choice(days[5:]))
            if template.category == "health" and len(days) >= 10 and rng.random() < 0.15:
                self.outcome(pid, activity_id, "accredited", self.config.name_of("accreditations", "food-hygiene"), "food-hygiene", template, days[-1])

    def outcome(self, pid: int, activity_id: int, kind: str, title: str, code: str | None, template: Template, day: dt.date) -> None:
        self.add(
            m.RecordedOutcome, young_person_id=pid, activity_id=activity_id, kind=kind, title=title,
            accreditation=code, ecm_outcome=self.rng.choice(template.outcomes), date=day,
        )  # fmt: skip

    def contributions(self, template: Template, activity_id: int, lead: int, dates: list[dt.date]) -> None:
        """One row per partner per quarter of sessions: staff time, sometimes money or in kind."""
        rng = self.rng
        quarters: dict[tuple[int, int], list[dt.date]] = defaultdict(list)
        for day in dates:
            quarters[(day.year, (day.month - 1) // 3)].append(day)
        for key in sorted(quarters):
            days = quarters[key]
            minutes = round(len(days) * template.hours * 60)
            self.add(
                m.PartnerContribution, activity_id=activity_id, partner_id=lead, date=days[0],
                staff_minutes=minutes * rng.choice((1, 2, 2, 3)), money_pence=0, in_kind="", in_kind_value_pence=0,
            )  # fmt: skip
            for kind in template.helpers:
                if rng.random() < 0.6:
                    money = rng.choice((0, 0, 0, 0, 5000, 15000, 25000)) if kind in ("council", "vcs") else 0
                    in_kind = rng.choice(("", "", "Use of hall", "Minibus and driver", "Equipment loan", "Refreshments"))
                    self.add(
                        m.PartnerContribution, activity_id=activity_id, partner_id=self.partner_of(kind),
                        date=days[0], staff_minutes=round(minutes * rng.uniform(0.2, 1.0)), money_pence=money,
                        in_kind=in_kind, in_kind_value_pence=rng.choice((2500, 5000, 12000)) if in_kind else 0,
                    )  # fmt: skip

    # -- meetings and actions ---------------------------------------------------------------
    def meetings(self) -> None:
        rng = self.rng
        invited = [ids[0] for kind, ids in sorted(self.by_type.items()) if kind in MEETING_HABITS]
        invited += self.by_type["school"][1:2] + self.by_type["vcs"][1:3]
        open_actions: list[dict[str, Any]] = []
        for first_of_month in self.months():
            if first_of_month.month == 8:
                continue
            day = next(_weekdays(first_of_month + dt.timedelta(days=7), self.as_of, 1), None)  # 2nd Tuesday
            if day is None or day < self.start:
                continue
            meeting_id = self.add(
                m.Meeting, date=day, title="Locality group meeting", venue=f"{self.loc} Library", notes=""
            )
            for partner_id in invited:
                present, apologies = MEETING_HABITS[self.type_of(partner_id)]
                roll = rng.random()
                status = "present" if roll < present else "apologies" if roll < present + apologies else "absent"
                self.add(m.MeetingAttendance, meeting_id=meeting_id, partner_id=partner_id, status=status)
            still_open = []
            for action in open_actions:
                roll = rng.random()
                status = "done" if roll < 0.55 else "dropped" if roll < 0.6 else "open"
                note = {"done": "Completed.", "dropped": "No longer needed.", "open": "Carried forward."}[status]
                self.add(m.ActionReview, action_id=action["id"], meeting_id=meeting_id, note=note, status_after=status)
                action["status"], action["done_date"] = status, day if status == "done" else None
                if status == "open":
                    still_open.append(action)
            open_actions = still_open
            for text in rng.sample(names.ACTION_TEXTS, rng.randint(2, 4)):
                partner_id = rng.choice(invited)
                owner = rng.choice(self.contacts[partner_id])[1]
                self.add(
                    m.MeetingAction, meeting_id=meeting_id, text=text, owner=f"{owner} ({self.name_of(partner_id).split(' (')[0]})",
                    owner_partner_id=partner_id, due_date=day + dt.timedelta(days=rng.choice((21, 28, 42, 56))),
                    status="open", done_date=None,
                )  # fmt: skip
                open_actions.append(self.rows[m.MeetingAction][-1])

    def months(self) -> Iterator[dt.date]:
        month = self.start.replace(day=1)
        while month <= self.as_of:
            yield month
            month = (month + dt.timedelta(days=32)).replace(day=1)

    def name_of(self, partner_id: int) -> str:
        return self.rows[m.Partner][partner_id - 1]["name"]

    def type_of(self, partner_id: int) -> str:
        return self.rows[m.Partner][partner_id - 1]["partner_type"]

    # -- contacts, voice, case studies, spending --------------------------------------------
    def random_days(self, per_week: float) -> Iterator[dt.date]:
        for monday in _weekdays(self.start, self.as_of, 0):
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
                m.CaseStudy, date=day, title=f"{title} ({day:%B %Y})", narrative=narrative, activity_id=None
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

    def first_seen(self) -> None:
        """A young person's record is created the first time they came to something."""
        for row in self.rows[m.YoungPerson]:
            seen = self.first_attended.get(row["id"])
            if seen:
                row["created_at"] = _stamp(seen)

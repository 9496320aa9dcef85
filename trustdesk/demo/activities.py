"""Activities for the demo: sessions on the programme's pattern, registers filled from each
school year's regulars and drop-ins, outcomes gained and what partners put in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from trustdesk.demo.programme import (
    PROGRAMME,
    RECORDED_OUTCOMES,
    Template,
    is_half_term,
    is_school_holiday,
    stamp,
    weekdays,
)
from trustdesk.store import models as m


class ActivitiesMixin:
    """Part of the demo generator (see trustdesk.demo.generator)."""

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
        for day in weekdays(self.start, self.as_of, template.weekday, step):
            if template.pattern == "monthly" and day.day > 7:
                continue
            christmas_eve_on = (day.month, day.day) >= (12, 24)
            if christmas_eve_on or (template.term_time_only and is_school_holiday(day)):
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
                for day in weekdays(first, last, template.weekday):
                    holiday = is_school_holiday(day)
                    summer_holiday_run = 8 in template.months
                    if (template.term_time_only and holiday) or (
                        summer_holiday_run and not holiday
                    ):
                        continue
                    days.append(day)
            yield from self.within(f"{template.title} {year}", days[: template.sessions])

    def within(self, title: str, days: list[dt.date]) -> Iterator[tuple[str, list[dt.date]]]:
        days = [day for day in days if self.start <= day <= self.as_of]
        if days:
            yield title, days

    def activity(
        self,
        template: Template,
        title: str,
        dates: list[dt.date],
        start: dt.date,
        end: dt.date | None,
    ) -> None:
        rng = self.rng
        lead = self.partner_of(template.lead)
        activity_id = self.add(
            m.Activity, title=title, category=template.category, venue=template.venue.format(loc=self.loc),
            lead_partner_id=lead, start_date=start, end_date=end, description=f"Led by {self.name_of(lead)}.",
            created_at=stamp(start),
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
            session_id = self.add(
                m.ActivitySession,
                activity_id=activity_id,
                date=day,
                start_time=begins,
                end_time=ends,
                notes="",
            )
            if template.headcount:
                self.headcount(session_id)
                continue
            # The regulars change each school year.
            year_block = day.year if day.month >= 9 else day.year - 1
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
                self.add(
                    m.Headcount,
                    session_id=session_id,
                    age_band=band.code,
                    gender=gender,
                    count=self.rng.randint(8, 45),
                )

    def outcomes(
        self, template: Template, activity_id: int, attended: dict[int, list[dt.date]]
    ) -> None:
        rng = self.rng
        held: set[tuple[int, str]] = set()
        for pid in sorted(attended):
            days = attended[pid]
            if template.accreditation and len(days) >= (3 if template.sessions else 12):
                code = template.accreditation
                if code == "dofe-bronze" and rng.random() < 0.3:
                    code = "dofe-silver"
                gained = (
                    days[-1]
                    if template.sessions
                    else min(days[-1] + dt.timedelta(days=30), self.as_of)
                )
                if (pid, code) not in held and rng.random() < 0.75:
                    held.add((pid, code))
                    self.outcome(
                        pid,
                        activity_id,
                        "accredited",
                        self.config.name_of("accreditations", code),
                        code,
                        template,
                        gained,
                    )
            choices = RECORDED_OUTCOMES.get(template.category)
            if choices and len(days) >= 6 and rng.random() < 0.3:
                self.outcome(
                    pid,
                    activity_id,
                    "recorded",
                    rng.choice(choices),
                    None,
                    template,
                    rng.choice(days[5:]),
                )
            if template.category == "health" and len(days) >= 10 and rng.random() < 0.15:
                self.outcome(
                    pid,
                    activity_id,
                    "accredited",
                    self.config.name_of("accreditations", "food-hygiene"),
                    "food-hygiene",
                    template,
                    days[-1],
                )

    def outcome(
        self,
        pid: int,
        activity_id: int,
        kind: str,
        title: str,
        code: str | None,
        template: Template,
        day: dt.date,
    ) -> None:
        self.add(
            m.RecordedOutcome, young_person_id=pid, activity_id=activity_id, kind=kind, title=title,
            accreditation=code, ecm_outcome=self.rng.choice(template.outcomes), date=day,
        )  # fmt: skip

    def contributions(
        self, template: Template, activity_id: int, lead: int, dates: list[dt.date]
    ) -> None:
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
                    money = (
                        rng.choice((0, 0, 0, 0, 5000, 15000, 25000))
                        if kind in ("council", "vcs")
                        else 0
                    )
                    in_kind = rng.choice(
                        (
                            "",
                            "",
                            "Use of hall",
                            "Minibus and driver",
                            "Equipment loan",
                            "Refreshments",
                        )
                    )
                    self.add(
                        m.PartnerContribution, activity_id=activity_id, partner_id=self.partner_of(kind),
                        date=days[0], staff_minutes=round(minutes * rng.uniform(0.2, 1.0)), money_pence=money,
                        in_kind=in_kind, in_kind_value_pence=rng.choice((2500, 5000, 12000)) if in_kind else 0,
                    )  # fmt: skip

"""The demo locality's programme of activities, modelled on the seeds' examples.

Each template says when its sessions fall, who comes and what they can gain; the generator
turns templates into activities, sessions and registers for the years it covers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    title: str
    category: str
    outcomes: tuple[str, ...]
    lead: str  # partner type of the lead partner
    helpers: tuple[str, ...]  # partner types that also contribute
    pattern: str  # weekly | fortnightly | monthly | summer (a run of weeks) | half-term | once
    weekday: int  # 0 = Monday
    start: str  # "18:30"
    hours: float
    ages: tuple[int, int]
    regulars: int  # size of the regular group
    term_time_only: bool = True
    seasonal: bool = False  # a new activity each year (e.g. "Summer programme 2026")
    months: tuple[int, ...] = ()  # for summer / once: the months sessions fall in
    sessions: int = 0  # for summer / half-term / once: how many sessions
    accreditation: str | None = None  # what completing it can earn
    headcount: bool = False  # a big event: counted, not registered
    venue: str = ""


# fmt: off
# title, category, ECM outcomes, lead partner type, helper partner types,
# pattern, weekday, start, hours, ages, regulars, then the options.
PROGRAMME = (
    Template("Friday youth club", "youth-work", ("enjoy", "contribute"), "youth", ("school", "police"),
             "weekly", 4, "18:30", 2.0, (11, 19), 40, term_time_only=False, venue="{loc} Youth Centre"),
    Template("Youth service tour bus", "youth-work", ("safe", "healthy", "enjoy"), "youth", ("police", "health"),
             "weekly", 2, "18:00", 2.0, (13, 19), 30, term_time_only=False, venue="Tour bus: estate and villages"),
    Template("Bay Leaf growing and healthy eating", "health", ("healthy", "enjoy"), "vcs", ("health", "school"),
             "weekly", 1, "15:30", 1.5, (9, 14), 16, venue="Bay Leaf allotments"),
    Template("Duke of Edinburgh's Award group", "learning", ("enjoy", "contribute", "economic"), "youth", ("school",),
             "weekly", 0, "18:00", 2.0, (14, 18), 14, accreditation="dofe-bronze", venue="{loc} High School"),
    Template("Street sport", "sport", ("healthy", "enjoy", "safe"), "vcs", ("police", "youth"),
             "weekly", 5, "10:30", 2.0, (11, 17), 25, term_time_only=False, venue="Multi-use games area"),
    Template("Teenage parents drop-in", "family", ("healthy", "economic"), "health", ("council", "connexions"),
             "fortnightly", 3, "10:00", 2.0, (15, 19), 12, venue="{loc} Children's Centre"),
    Template("Young carers group", "family", ("healthy", "enjoy"), "vcs", ("council",),
             "fortnightly", 2, "16:30", 1.5, (10, 17), 12, venue="{loc} Community Centre"),
    Template("Shadow board", "participation", ("contribute",), "council", ("youth",),
             "monthly", 2, "17:00", 1.5, (12, 19), 12, venue="{loc} Library meeting room"),
    Template("Careers and CV clinic", "employability", ("economic",), "connexions", ("jcp", "fe"),
             "monthly", 3, "16:00", 2.0, (15, 19), 15, venue="{loc} Youth Centre"),
    Template("Moving Up Moving On transition scheme", "transition", ("enjoy", "safe"), "school", ("youth", "council"),
             "summer", 3, "13:30", 2.0, (10, 11), 20, seasonal=True, months=(5, 6, 7), sessions=8,
             venue="{loc} High School"),
    Template("Summer programme: wall climbing", "outdoor", ("healthy", "enjoy"), "youth", ("private",),
             "summer", 1, "10:00", 3.0, (10, 16), 18, term_time_only=False, seasonal=True, months=(7, 8),
             sessions=6, venue="Peak Edge Climbing Wall"),
    Template("Summer programme: street dance", "arts", ("enjoy", "healthy"), "youth", ("private",),
             "summer", 3, "13:00", 2.5, (10, 16), 20, term_time_only=False, seasonal=True, months=(7, 8),
             sessions=6, venue="{loc} Community Centre"),
    Template("Summer programme: young fire-fighters course", "safety", ("safe", "contribute"), "fire", ("youth",),
             "summer", 2, "10:00", 3.0, (12, 16), 14, term_time_only=False, seasonal=True, months=(8,),
             sessions=5, venue="{loc} Fire Station"),
    Template("First aid for young people", "learning", ("safe", "healthy"), "health", ("youth",),
             "summer", 0, "17:30", 2.0, (13, 19), 12, seasonal=True, months=(10, 11, 2, 3), sessions=4,
             accreditation="first-aid", venue="{loc} Youth Centre"),
    Template("Half-term activity days", "outdoor", ("enjoy", "healthy"), "youth", ("vcs", "school"),
             "half-term", 1, "10:00", 5.0, (8, 14), 30, term_time_only=False, seasonal=True, sessions=3,
             venue="{loc} Leisure Centre"),
    Template("Summer fun day", "youth-work", ("enjoy", "healthy", "safe"), "council",
             ("police", "fire", "health", "vcs"), "once", 5, "11:00", 5.0, (0, 19), 0, term_time_only=False,
             seasonal=True, months=(7,), sessions=1, headcount=True, venue="{loc} Park"),
)
# fmt: on

# Recorded (not accredited) outcomes a regular may gain, by activity category.
RECORDED_OUTCOMES = {
    "youth-work": ("Planned and led a club session", "Completed a volunteering placement"),
    "health": ("Cooked a healthy meal independently", "Set and met a personal health goal"),
    "family": ("Completed a parenting skills course", "Registered with a GP and dentist"),
    "participation": ("Presented young people's views to the district board",),
    "employability": (
        "Completed a CV and mock interview",
        "Secured a college or apprenticeship place",
    ),
    "transition": ("Completed the transition programme",),
    "sport": ("Coached a junior session",),
    "learning": ("Completed an expedition",),
}


def stamp(day: dt.date) -> dt.datetime:
    """A record's creation time on a demo day (noon UTC), so the same inputs give the same rows."""
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


def weekdays(first: dt.date, last: dt.date, weekday: int, step_weeks: int = 1) -> Iterator[dt.date]:
    """Every ``weekday`` (0 = Monday) from ``first`` to ``last``, every ``step_weeks`` weeks."""
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    while day <= last:
        yield day
        day += dt.timedelta(weeks=step_weeks)


def is_school_holiday(day: dt.date) -> bool:
    """Roughly the Staffordshire school holidays: enough for a realistic pattern of sessions."""
    month, dom = day.month, day.day
    summer = month == 8 or (month == 7 and dom >= 22) or (month == 9 and dom < 4)
    christmas = (month == 12 and dom >= 20) or (month == 1 and dom < 5)
    easter = month == 4 and dom < 15  # near enough
    whitsun = month == 5 and dom >= 26
    return summer or christmas or easter or whitsun or is_half_term(day)


def is_half_term(day: dt.date) -> bool:
    return (day.month == 10 and day.day >= 25) or (day.month == 2 and 14 <= day.day <= 21)

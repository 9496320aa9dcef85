"""An independent count of a return's figures, for checking trustdesk.returns.compute.

Deliberately naive: every row of every table is read through the ORM and the figures are
counted in plain Python loops, one measure at a time, straight from the written definitions
(see the catalogue). Nothing here imports or imitates the computation's SQL; slow is fine,
clear is the point.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session, select

from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig
from trustdesk.returns.catalogue import NOT_RECORDED, figure_keys
from trustdesk.store import models as m

Key = tuple[str, str, str]
PROFILE_BREAKDOWNS = (
    "age_band",
    "gender",
    "ethnicity",
    "disability",
    "looked_after",
    "young_carer",
    "teenage_parent",
)


@dataclass
class Count:
    """What the independent count found: every figure (zeros included) and the texts."""

    figures: dict[Key, int]
    stray_keys: list[Key] = field(default_factory=list)  # counted, but not in figure_keys
    case_studies: list[tuple] = field(default_factory=list)  # (date, title, narrative, ecm)
    voice: list[tuple] = field(default_factory=list)  # (date, method, who, said, change_made)


def age_on(born: dt.date, day: dt.date) -> int:
    """Age in whole years on a day: one more on each birthday."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


class _Profiles:
    """A registered young person's profile on a given day."""

    def __init__(self, config: TrustConfig) -> None:
        self.config = config
        self.age_bands = set(config.codes("age_bands"))
        self.genders = set(config.codes("genders"))
        self.ethnicities = set(config.codes("ethnicity_groups"))

    def age_band(self, person: m.YoungPerson, day: dt.date) -> str:
        if person.date_of_birth:
            return self.config.age_band_for(age_on(person.date_of_birth, day)) or NOT_RECORDED
        if person.age_band in self.age_bands:
            return person.age_band
        return NOT_RECORDED

    def of(self, person: m.YoungPerson, day: dt.date) -> dict[str, str]:
        return {
            "age_band": self.age_band(person, day),
            "gender": person.gender if person.gender in self.genders else NOT_RECORDED,
            "ethnicity": person.ethnicity if person.ethnicity in self.ethnicities else NOT_RECORDED,
            "disability": yes_no(person.disability),
            "looked_after": yes_no(person.looked_after),
            "young_carer": yes_no(person.young_carer),
            "teenage_parent": yes_no(person.teenage_parent),
        }

    def of_headcount(self, row: m.Headcount) -> dict[str, str]:
        return {
            "age_band": row.age_band if row.age_band in self.age_bands else NOT_RECORDED,
            "gender": row.gender if row.gender in self.genders else NOT_RECORDED,
            "ethnicity": NOT_RECORDED,
            "disability": NOT_RECORDED,
            "looked_after": NOT_RECORDED,
            "young_carer": NOT_RECORDED,
            "teenage_parent": NOT_RECORDED,
        }


def _minutes(start: dt.time, end: dt.time) -> int:
    day = dt.date(2000, 1, 1)
    length = dt.datetime.combine(day, end) - dt.datetime.combine(day, start)
    return int(length.total_seconds()) // 60


def count_return(session: Session, config: TrustConfig, unit_code: str, period: Period) -> Count:
    """Every figure of the return of ``unit_code`` for ``period``, counted row by row."""
    P = period
    # A quarter's threshold for a quarter, the year's for a year and a year to date.
    rules = config.reporting
    min_sessions = (
        rules.participant_min_sessions if P.is_quarter else rules.participant_min_sessions_in_year
    )
    profiles = _Profiles(config)
    ecm_codes = set(config.codes("ecm_outcomes"))
    accreditation_codes = set(config.codes("accreditations"))

    def rows(model):
        return session.exec(select(model)).all()

    activities = {a.id: a for a in rows(m.Activity)}
    outcomes_of: dict[int, list[str]] = defaultdict(list)
    for row in rows(m.ActivityOutcome):
        outcomes_of[row.activity_id].append(row.ecm_outcome)
    all_sessions = {s.id: s for s in rows(m.ActivitySession)}
    sessions_in_p = [s for s in all_sessions.values() if s.date in P]
    session_ids_in_p = {s.id for s in sessions_in_p}
    people = {p.id: p for p in rows(m.YoungPerson)}
    partners = {p.id: p for p in rows(m.Partner)}
    meetings = {mt.id: mt for mt in rows(m.Meeting)}
    meetings_in_p = {mt.id for mt in meetings.values() if mt.date in P}

    counts: Counter[Key] = Counter()

    def add(measure: str, breakdown: str = "", category: str = "", n: int = 1) -> None:
        counts[(measure, breakdown, category)] += n

    def add_profile(measure: str, profile: dict[str, str], n: int = 1) -> None:
        for breakdown in PROFILE_BREAKDOWNS:
            add(measure, breakdown, profile[breakdown], n)

    # -- sessions and contact time ------------------------------------------------------
    for s in sessions_in_p:
        activity = activities[s.activity_id]
        length = _minutes(s.start_time, s.end_time)
        add("sessions")
        add("sessions", "activity_category", activity.category)
        add("contact_minutes", "", "", length)
        add("contact_minutes", "activity_category", activity.category, length)
        for outcome in outcomes_of[activity.id]:
            add("sessions", "ecm_outcome", outcome)
            add("contact_minutes", "ecm_outcome", outcome, length)

    # -- attendances: register ticks ----------------------------------------------------
    attended: dict[int, list[m.ActivitySession]] = defaultdict(list)  # person -> sessions in P
    for tick in rows(m.Attendance):
        if tick.session_id not in session_ids_in_p:
            continue
        s = all_sessions[tick.session_id]
        activity = activities[s.activity_id]
        attended[tick.young_person_id].append(s)
        add("attendances")
        add("attendances", "recording", "register")
        add("attendances", "activity_category", activity.category)
        for outcome in outcomes_of[activity.id]:
            add("attendances", "ecm_outcome", outcome)
        add_profile("attendances", profiles.of(people[tick.young_person_id], s.date))

    # -- attendances: headcounts ----------------------------------------------------------
    for row in rows(m.Headcount):
        if row.session_id not in session_ids_in_p:
            continue
        activity = activities[all_sessions[row.session_id].activity_id]
        add("attendances", "", "", row.count)
        add("attendances", "recording", "headcount", row.count)
        add("attendances", "activity_category", activity.category, row.count)
        for outcome in outcomes_of[activity.id]:
            add("attendances", "ecm_outcome", outcome, row.count)
        add_profile("attendances", profiles.of_headcount(row), row.count)

    # -- contacts and participants ------------------------------------------------------
    participants = set()
    for person_id, their_sessions in attended.items():
        first = min(s.date for s in their_sessions)
        profile = profiles.of(people[person_id], first)
        categories = {activities[s.activity_id].category for s in their_sessions}
        outcomes = {o for s in their_sessions for o in outcomes_of[s.activity_id]}
        measures = ["contacts"]
        if len(their_sessions) >= min_sessions:
            measures.append("participants")
            participants.add(person_id)
        for measure in measures:
            add(measure)
            add_profile(measure, profile)
            for category in categories:
                add(measure, "activity_category", category)
            for outcome in outcomes:
                add(measure, "ecm_outcome", outcome)

    add("population_13_19", "", "", config.unit(unit_code).population_13_19 or 0)

    # -- recorded and accredited outcomes -------------------------------------------------
    with_outcome, with_accredited = set(), set()
    for row in rows(m.RecordedOutcome):
        if row.date not in P:
            continue
        with_outcome.add(row.young_person_id)
        if row.kind == "accredited":
            with_accredited.add(row.young_person_id)
        if row.kind not in ("recorded", "accredited"):
            continue
        measure = f"{row.kind}_outcomes"
        add(measure)
        add(
            measure,
            "ecm_outcome",
            row.ecm_outcome if row.ecm_outcome in ecm_codes else NOT_RECORDED,
        )
        if row.kind == "accredited":
            code = row.accreditation if row.accreditation in accreditation_codes else NOT_RECORDED
            add(measure, "accreditation", code)
        add_profile(measure, profiles.of(people[row.young_person_id], row.date))
    add("participants_recorded_outcome", "", "", len(participants & with_outcome))
    add("participants_accredited_outcome", "", "", len(participants & with_accredited))

    # -- partners -------------------------------------------------------------------------
    engaged = set()
    for s in sessions_in_p:
        lead = activities[s.activity_id].lead_partner_id
        if lead is not None:
            engaged.add(lead)
    for row in rows(m.PartnerContribution):
        if row.date not in P:
            continue
        engaged.add(row.partner_id)
        kind = partners[row.partner_id].partner_type
        for measure, value in [
            ("contribution_staff_minutes", row.staff_minutes),
            ("contribution_money_pence", row.money_pence),
            ("contribution_in_kind_pence", row.in_kind_value_pence),
        ]:
            add(measure, "", "", value)
            add(measure, "partner_type", kind, value)
    for row in rows(m.ContactLogEntry):
        if row.date not in P:
            continue
        engaged.add(row.partner_id)
        add("contact_log_entries")
        add("contact_log_entries", "partner_type", partners[row.partner_id].partner_type)
        add("contact_log_entries", "method", row.method)

    # -- meetings -------------------------------------------------------------------------
    add("meetings_held", "", "", len(meetings_in_p))
    for row in rows(m.MeetingAttendance):
        if row.meeting_id not in meetings_in_p:
            continue
        kind = partners[row.partner_id].partner_type
        measures = ["meeting_places"]
        if row.status == "present":
            measures.append("meeting_present")
            engaged.add(row.partner_id)
        if row.status == "apologies":
            measures.append("meeting_apologies")
        for measure in measures:
            add(measure)
            add(measure, "partner_type", kind)

    for partner_id in engaged:
        add("partners_engaged")
        add("partners_engaged", "partner_type", partners[partner_id].partner_type)

    for action in rows(m.MeetingAction):
        agreed = meetings[action.meeting_id].date
        if agreed in P:
            add("actions_opened")
        if action.status == "done" and action.closed_on is not None and action.closed_on in P:
            add("actions_completed")
        # Done or dropped on or before the last day; one closed with no day known counts as
        # closed since it was agreed. Whatever happened after the last day does not count.
        closed_by_end = action.status in ("done", "dropped") and (
            action.closed_on is None or action.closed_on <= P.end
        )
        still_open_at_end = not closed_by_end
        if (
            agreed <= P.end
            and action.due_date is not None
            and action.due_date < P.end
            and still_open_at_end
        ):
            add("actions_overdue")

    # -- voice, case studies, spending ----------------------------------------------------
    voice_texts = []
    for row in rows(m.VoiceEntry):
        if row.date not in P:
            continue
        add("voice_entries")
        add("voice_entries", "method", row.method)
        if (row.change_made or "").strip():
            add("voice_changes")
            add("voice_changes", "method", row.method)
        voice_texts.append((row.date, row.method, row.who, row.said, row.change_made))

    study_outcomes: dict[int, list[str]] = defaultdict(list)
    for row in rows(m.CaseStudyOutcome):
        study_outcomes[row.case_study_id].append(row.ecm_outcome)
    study_texts = []
    for study in rows(m.CaseStudy):
        if study.date not in P:
            continue
        add("case_studies")
        for outcome in study_outcomes[study.id]:
            add("case_studies", "ecm_outcome", outcome)
        study_texts.append(
            (study.date, study.title, study.narrative, tuple(sorted(study_outcomes[study.id])))
        )

    for row in rows(m.Spend):
        if row.date not in P:
            continue
        add("spend_items")
        add("spend_items", "purpose", row.purpose)
        add("spend_pence", "", "", row.amount_pence)
        add("spend_pence", "purpose", row.purpose, row.amount_pence)

    # -- every key of a complete return, zeros included -----------------------------------
    figures = dict.fromkeys(figure_keys(config, "locality"), 0)
    stray = [key for key in counts if key not in figures]
    for key, value in counts.items():
        figures[key] = figures.get(key, 0) + value
    return Count(figures, stray, sorted(study_texts), sorted(voice_texts))


# -- comparing ------------------------------------------------------------------------------

_MISSING = object()


def _show(value: object) -> str:
    return "(missing)" if value is _MISSING else repr(value)


def figure_differences(
    actual: dict[Key, int], expected: dict[Key, int], order: Iterable[Key] = ()
) -> list[str]:
    """One readable line per key whose values differ (or that only one side has)."""
    position = {key: i for i, key in enumerate(order)}
    keys = sorted(set(actual) | set(expected), key=lambda k: (position.get(k, len(position)), k))
    lines = []
    for key in keys:
        got, want = actual.get(key, _MISSING), expected.get(key, _MISSING)
        # type() as well: True == 1, and a None or a float from SQL is a bug worth seeing.
        if got is _MISSING or want is _MISSING or got != want or type(got) is not type(want):
            measure, breakdown, category = key
            name = measure + (f" / {breakdown} / {category}" if breakdown else " (total)")
            lines.append(f"{name}: compute {_show(got)}, independent count {_show(want)}")
    return lines


def assert_same_figures(
    actual: dict[Key, int],
    expected: dict[Key, int],
    config: TrustConfig,
    what: str,
    *,
    show: int = 30,
) -> None:
    lines = figure_differences(actual, expected, figure_keys(config, "locality"))
    if lines:
        shown = "\n  ".join(lines[:show])
        more = f"\n  ... and {len(lines) - show} more" if len(lines) > show else ""
        raise AssertionError(
            f"{what}: {len(lines)} of {len(set(actual) | set(expected))} figures differ "
            f"(first {min(show, len(lines))} shown):\n  {shown}{more}"
        )

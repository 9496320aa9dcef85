"""The measure catalogue: every figure a return carries, defined once.

The computation, the workbook and PDF writers and the importer all read these definitions,
so a new measure is added here and nowhere else.

A figure is ``measure x breakdown x category = value``. The total of a measure has an empty
breakdown and category. Values are whole numbers in the measure's unit (a count, minutes or
pence); rates are derived from figures when shown, never stored, so that a consolidation can
add returns up and work the rates out again from their parts.

A breakdown is *additive* when its categories split the total (every attendance has exactly
one age band, "not recorded" included): its values add up to the total, and the importer
checks that they do. An *overlapping* breakdown does not split it (an activity can serve
several ECM outcomes), so its values may add up to more.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from trustdesk.config.trust import TrustConfig
from trustdesk.store.counting import NOT_RECORDED

# What a measure's values are in, which says how they read: a count as 1,234, minutes as
# hours (25.3), pence as pounds (£1,234.50), in the PDF and the workbook alike
# (trustdesk.returns.numbers, the one place a figure becomes text).
Quantity = Literal["count", "minutes", "pence"]

FLAG_CATEGORIES = ("yes", "no", NOT_RECORDED)


@dataclass(frozen=True)
class Breakdown:
    code: str
    label: str
    list_name: str | None  # the trust configuration's list that gives the categories
    additive: bool
    extra: tuple[str, ...] = ()  # categories beyond the list, e.g. "not recorded"
    fixed: tuple[str, ...] = ()  # categories when there is no list (yes / no)
    title: str = ""  # its table of young people, where "Young people by …" reads badly

    def categories(self, config: TrustConfig) -> list[str]:
        if self.list_name is None:
            return list(self.fixed)
        return [*config.codes(self.list_name), *self.extra]

    def category_label(self, config: TrustConfig, category: str) -> str:
        if category == NOT_RECORDED:
            return "Not recorded"
        if self.list_name is None:
            return category.capitalize()
        return config.name_of(self.list_name, category)


def _list(
    code: str, label: str, list_name: str, *, additive: bool = True, unknown: bool = False
) -> Breakdown:
    return Breakdown(code, label, list_name, additive, (NOT_RECORDED,) if unknown else ())


ECM = _list("ecm_outcome", "ECM outcome", "ecm_outcomes", additive=False)
ECM_SINGLE = _list("ecm_outcome", "ECM outcome", "ecm_outcomes", unknown=True)
CATEGORY = _list("activity_category", "Activity category", "activity_categories")
CATEGORY_OVERLAP = _list(
    "activity_category", "Activity category", "activity_categories", additive=False
)
AGE = _list("age_band", "Age band", "age_bands", unknown=True)
GENDER = _list("gender", "Gender", "genders", unknown=True)
ETHNICITY = _list("ethnicity", "Ethnic group", "ethnicity_groups", unknown=True)
DISABILITY = Breakdown("disability", "Disability", None, True, fixed=FLAG_CATEGORIES)
LOOKED_AFTER = Breakdown("looked_after", "Looked after", None, True, fixed=FLAG_CATEGORIES)
# The groups the Ofsted survey and the trust single out, recorded on the young person.
YOUNG_CARER = Breakdown(
    "young_carer", "Young carer", None, True, fixed=FLAG_CATEGORIES, title="Young carers"
)
TEENAGE_PARENT = Breakdown(
    "teenage_parent", "Teenage parent", None, True, fixed=FLAG_CATEGORIES, title="Teenage parents"
)
RECORDING = Breakdown("recording", "How recorded", None, True, fixed=("register", "headcount"))
PARTNER_TYPE = _list("partner_type", "Partner type", "partner_types")
ACCREDITATION = _list("accreditation", "Accreditation", "accreditations", unknown=True)
CONTACT_METHOD = _list("method", "How", "contact_methods")
VOICE_METHOD = _list("method", "How", "voice_methods")
PURPOSE = _list("purpose", "Purpose", "spending_purposes")

PROFILE = (AGE, GENDER, ETHNICITY, DISABILITY, LOOKED_AFTER, YOUNG_CARER, TEENAGE_PARENT)


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    definition: str
    section: str
    breakdowns: tuple[Breakdown, ...] = ()
    unit: Quantity = "count"
    # Counts of young people that a publication copy hides when small.
    disclosive: bool = False

    def breakdown(self, code: str) -> Breakdown:
        for breakdown in self.breakdowns:
            if breakdown.code == code:
                return breakdown
        raise KeyError(f"{self.code} has no breakdown {code!r}")


REACH = "Reach and delivery"
OUTCOMES = "Outcomes"
PARTNERS = "Partners"
MEETINGS = "Locality group meetings"
VOICE = "Voice, case studies and spending"

MEASURES: tuple[Measure, ...] = (
    Measure(
        "sessions",
        "Sessions",
        "Sessions of activities held in the period.",
        REACH,
        (CATEGORY, ECM),
    ),
    Measure(
        "contact_minutes",
        "Contact hours",
        "Time spent with young people: the length of every session held, added up.",
        REACH,
        (CATEGORY, ECM),
        unit="minutes",
    ),
    Measure(
        "attendances",
        "Attendances",
        "Each young person at each session, from registers and from headcounts at large events.",
        REACH,
        (RECORDING, CATEGORY, ECM, *PROFILE),
        disclosive=True,
    ),
    Measure(
        "contacts",
        "Young people reached (contacts)",
        "Different young people on a register at least once in the period. Headcounts at "
        "large events are not included, because they cannot tell one young person from another.",
        REACH,
        (*PROFILE, CATEGORY_OVERLAP, ECM),
        disclosive=True,
    ),
    Measure(
        "participants",
        "Participants",
        "Young people on registers for at least the trust's minimum number of sessions in the "
        "period (participant_min_sessions for a quarter, participant_min_sessions_in_year for "
        "a year or a year to date, in the trust configuration; 4 unless it says otherwise).",
        REACH,
        (*PROFILE, CATEGORY_OVERLAP, ECM),
        disclosive=True,
    ),
    Measure(
        "population_13_19",
        "Population aged 13 to 19",
        "The unit's 13-19 population from the trust configuration, for the REYS reach rates.",
        REACH,
    ),
    Measure(
        "recorded_outcomes",
        "Recorded outcomes",
        "Outcomes young people gained and a worker recorded in the period (not accredited).",
        OUTCOMES,
        (ECM_SINGLE, *PROFILE),
        disclosive=True,
    ),
    Measure(
        "accredited_outcomes",
        "Accredited outcomes",
        "Awards and certificates young people gained in the period, by accreditation.",
        OUTCOMES,
        (ACCREDITATION, ECM_SINGLE, *PROFILE),
        disclosive=True,
    ),
    Measure(
        "participants_recorded_outcome",
        "Participants with a recorded outcome",
        "Participants who gained at least one recorded or accredited outcome in the period.",
        OUTCOMES,
        disclosive=True,
    ),
    Measure(
        "participants_accredited_outcome",
        "Participants with an accredited outcome",
        "Participants who gained at least one accredited outcome in the period.",
        OUTCOMES,
        disclosive=True,
    ),
    Measure(
        "partners_engaged",
        "Partners engaged",
        "Partner organisations that led or contributed to an activity, came to a locality "
        "group meeting or were contacted in the period.",
        PARTNERS,
        (PARTNER_TYPE,),
    ),
    Measure(
        "contribution_staff_minutes",
        "Partner staff time",
        "Staff time partners gave to activities in the period.",
        PARTNERS,
        (PARTNER_TYPE,),
        unit="minutes",
    ),
    Measure(
        "contribution_money_pence",
        "Partner money",
        "Money partners put into activities in the period.",
        PARTNERS,
        (PARTNER_TYPE,),
        unit="pence",
    ),
    Measure(
        "contribution_in_kind_pence",
        "Partner in-kind value",
        "The value partners put on what they gave in kind (rooms, equipment, transport).",
        PARTNERS,
        (PARTNER_TYPE,),
        unit="pence",
    ),
    Measure(
        "contact_log_entries",
        "Contacts with partners",
        "Calls, e-mails, visits and meetings with partner organisations in the period.",
        PARTNERS,
        (PARTNER_TYPE, CONTACT_METHOD),
    ),
    Measure(
        "meetings_held",
        "Meetings held",
        "Locality group meetings held in the period.",
        MEETINGS,
    ),
    Measure(
        "meeting_places",
        "Partner places at meetings",
        "Each partner expected at each meeting (present, apologies or absent).",
        MEETINGS,
        (PARTNER_TYPE,),
    ),
    Measure(
        "meeting_present",
        "Partners present at meetings",
        "Each partner present at each meeting; divided by the places, the attendance rate.",
        MEETINGS,
        (PARTNER_TYPE,),
    ),
    Measure(
        "meeting_apologies",
        "Apologies sent",
        "Each partner that sent apologies to a meeting.",
        MEETINGS,
        (PARTNER_TYPE,),
    ),
    Measure(
        "actions_opened",
        "Actions agreed",
        "Actions agreed at meetings held in the period.",
        MEETINGS,
    ),
    Measure(
        "actions_completed",
        "Actions completed",
        "Actions done on a day in the period (at a meeting held in it, or on the day given "
        "outside a meeting), whenever they were agreed.",
        MEETINGS,
    ),
    Measure(
        "actions_overdue",
        "Actions overdue",
        "Actions agreed by the period's last day, due before that day and still open at the "
        "end of it (not done or dropped by then), whatever became of them later.",
        MEETINGS,
    ),
    Measure(
        "voice_entries",
        "Voice of young people",
        "Times the views of young people were gathered: consultations, forums, surveys.",
        VOICE,
        (VOICE_METHOD,),
    ),
    Measure(
        "voice_changes",
        "Changes made because of what young people said",
        "Voice entries dated in the period that record a change made because of them.",
        VOICE,
        (VOICE_METHOD,),
    ),
    Measure(
        "case_studies",
        "Case studies",
        "Case studies dated in the period.",
        VOICE,
        (ECM,),
    ),
    Measure(
        "spend_items",
        "Small-budget payments",
        "Payments from the locality's small flexible budget in the period.",
        VOICE,
        (PURPOSE,),
    ),
    Measure(
        "spend_pence",
        "Small-budget spend",
        "Money spent from the small flexible budget in the period.",
        VOICE,
        (PURPOSE,),
        unit="pence",
    ),
)

# The board's own work: a district's or county's board counts its own meetings, actions and
# the voice it heard, as a locality group does. These figures travel in a district's and a
# county's return beside the sums of the units below and are never added to them, nor to
# each other when the county adds up its districts' returns (a locality's return has none of
# them: it has no board; see figure_keys).
BOARD = "The board's own work"
BOARD_PREFIX = "board_"
_BOARD_WORDS = {
    "meetings_held": ("Board meetings held", "Meetings of the board held in the period."),
    "meeting_places": (
        "Partner places at board meetings",
        "Each partner expected at each board meeting (present, apologies or absent).",
    ),
    "meeting_present": (
        "Partners present at board meetings",
        "Each partner present at each board meeting; divided by the places, the board's "
        "attendance rate.",
    ),
    "meeting_apologies": (
        "Apologies sent to board meetings",
        "Each partner that sent apologies to a board meeting.",
    ),
    "actions_opened": ("Board actions agreed", "Actions agreed at board meetings in the period."),
    "actions_completed": (
        "Board actions completed",
        "Board actions done on a day in the period, whenever they were agreed.",
    ),
    "actions_overdue": (
        "Board actions overdue",
        "Board actions due before the period's last day and still open at the end of it.",
    ),
    "voice_entries": (
        "Voice heard by the board",
        "Times the board gathered young people's views (a shadow board, a youth forum, a survey).",
    ),
    "voice_changes": (
        "Changes the board made because of what young people said",
        "The board's voice entries dated in the period that record a change made.",
    ),
}
_LOCAL = {m.code: m for m in MEASURES}
BOARD_MEASURES: tuple[Measure, ...] = tuple(
    replace(
        _LOCAL[code],
        code=BOARD_PREFIX + code,
        label=label,
        definition=definition,
        section=BOARD,
    )
    for code, (label, definition) in _BOARD_WORDS.items()
)
MEASURES += BOARD_MEASURES

SECTIONS = (REACH, OUTCOMES, PARTNERS, MEETINGS, VOICE, BOARD)
_BY_CODE = {measure.code: measure for measure in MEASURES}


def is_board(code: str) -> bool:
    """Whether a measure is one of the board's own figures (never added up)."""
    return code.startswith(BOARD_PREFIX)


def measure(code: str) -> Measure:
    """The measure with this code; KeyError for a code the catalogue does not know."""
    return _BY_CODE[code]


def is_known(code: str) -> bool:
    return code in _BY_CODE


def figure_keys(config: TrustConfig, level: str) -> list[tuple[str, str, str]]:
    """Every (measure, breakdown, category) a complete return of a unit of this level holds,
    in catalogue order (a locality's has no board figures).

    A return lists every category, zeros included, so that every return of one trust has
    the same rows and a missing row is a sign of a damaged file."""
    keys: list[tuple[str, str, str]] = []
    for m in MEASURES:
        if is_board(m.code) and level == "locality":
            continue
        keys.append((m.code, "", ""))
        for breakdown in m.breakdowns:
            keys.extend((m.code, breakdown.code, c) for c in breakdown.categories(config))
    return keys


def reports_board(figures: dict[tuple[str, str, str], int]) -> bool:
    """Whether a return's figures hold its board's own: a district's or county's made by
    TrustDesk with format version 4 or later (never a locality's, which has no board)."""
    return (BOARD_PREFIX + "meetings_held", "", "") in figures


def reach_age_bands(config: TrustConfig) -> list[str]:
    """The age bands inside 13 to 19, the ages the REYS reach benchmarks are about."""
    return [band.code for band in config.age_bands if band.min_age >= 13 and band.max_age <= 19]


UNIT_HEADINGS: dict[Quantity, str] = {"count": "", "minutes": "hours", "pence": "\u00a3"}

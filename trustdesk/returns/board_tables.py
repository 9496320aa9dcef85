"""A district's or county's board's own work as a return shows it: its own figures, and who
came to its meetings by partner type; in a county's return, every board side by side. These
figures are the board's own, from its own records (:func:`trustdesk.returns.partnership.
count_board`), never added to the units' sums nor to each other.
"""

from __future__ import annotations

from trustdesk.config.trust import TrustConfig
from trustdesk.returns import catalogue
from trustdesk.returns.model import Return
from trustdesk.returns.tables import (
    LEVEL_WORDS,
    Column,
    Row,
    Table,
    breakdown_table,
    breakdown_tables,
    headline_table,
    measure_column,
    rate_of,
    reach_table,
)
from trustdesk.words import listed

BOARD_WORK = "The board's own work"
BOARD_PARTNERS = "Board meetings: partners by type"
BOARD_TABLES = (BOARD_WORK, BOARD_PARTNERS)
BOARD_ATTENDANCE = "Partner attendance at board meetings"
BOARD_NOTE = (
    "The board's own meetings, actions and the voice it heard, from its own records. They "
    "are never added to the {units}' figures, nor to another board's."
)


def board_tables(ret: Return, config: TrustConfig) -> list[Table]:
    """A district's or county's board's own work: its figures, and who came to its meetings
    by partner type (none for a locality, or a return made before boards were counted)."""
    if ret.unit_level == "locality" or not catalogue.reports_board(ret.figures):
        return []
    rows = [
        Row(m.label, [ret.value(m.code)], measure=m.code, unit=m.unit)
        for m in catalogue.BOARD_MEASURES
    ]
    rows.append(Row(BOARD_ATTENDANCE, [board_attendance(ret)], unit="rate"))
    units = LEVEL_WORDS[ret.unit_level][1]
    work = Table(
        BOARD_WORK,
        [Column(f"This {ret.period.noun}", "count")],
        rows,
        label_heading="Measure",
        note=BOARD_NOTE.format(units=units),
    )
    partners = breakdown_table(
        ret,
        config,
        BOARD_PARTNERS,
        catalogue.PARTNER_TYPE,
        [
            measure_column("board_meeting_places", "Places"),
            measure_column("board_meeting_present", "Present"),
            measure_column("board_meeting_apologies", "Apologies"),
            Column("Attendance", "rate"),
        ],
        rate=("board_meeting_present", "board_meeting_places"),
    )
    return [work, partners]


def board_attendance(ret: Return) -> float | None:
    """Partners present at the board's meetings over the places: its attendance rate."""
    return rate_of(ret, ("board_meeting_present", "board_meeting_places"), "", "")


BOARD_COLUMNS = (
    "board_meetings_held",
    "board_meeting_places",
    "board_meeting_present",
    "board_actions_opened",
    "board_actions_completed",
    "board_actions_overdue",
    "board_voice_entries",
    "board_voice_changes",
)


def boards_table(ret: Return, config: TrustConfig) -> Table | None:
    """A county's boards side by side: each district board's own work, from its return, and
    the county board's; never added up, since each board's work is its own."""
    if ret.unit_level != "county":
        return None
    headings = {
        "board_meetings_held": "Meetings",
        "board_meeting_places": "Places",
        "board_meeting_present": "Present",
        "board_actions_opened": "Actions agreed",
        "board_actions_completed": "Completed",
        "board_actions_overdue": "Overdue",
        "board_voice_entries": "Voice heard",
        "board_voice_changes": "Changes made",
    }
    columns = [Column(headings[code], "count", code, from_data=False) for code in BOARD_COLUMNS]
    columns.append(Column("Attendance", "rate", from_data=False))

    def values(part: Return) -> list[int | float | None]:
        if not catalogue.reports_board(part.figures):
            return [None] * len(columns)
        return [*(part.value(code) for code in BOARD_COLUMNS), board_attendance(part)]

    rows = [Row(f"{part.unit_name} board", values(part)) for part in ret.parts]
    older = [part.unit_name for part in ret.parts if not catalogue.reports_board(part.figures)]
    missing = [c.unit_code for c in ret.constituents if c.status == "missing"]
    rows.append(Row(f"{ret.unit_name} board (the county's own)", values(ret), is_total=True))
    notes = ["Each board's own work, never added up."]
    if older:
        notes.append(
            f"{listed(older)} sent a return made by an earlier TrustDesk, which does not "
            "carry its board's work."
        )
    if missing:
        names = [config.unit(code).name for code in missing]
        notes.append(f"No return yet from {listed(names)}: its board's work is not known.")
    return Table(
        "The boards' own work, board by board",
        columns,
        rows,
        label_heading="Board",
        note=" ".join(notes),
    )


def summary_tables(ret: Return, config: TrustConfig) -> list[Table]:
    """The tables of the workbook's Summary sheet, in order (and the ones the importer holds
    to the Data sheet, :mod:`trustdesk.returns.summary_check`)."""
    return [
        headline_table(ret),
        reach_table(ret, config),
        *breakdown_tables(ret, config),
        *board_tables(ret, config),
    ]

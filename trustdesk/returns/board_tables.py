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
    measure_column,
    rate_of,
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


# A county's boards side by side, in two tables so that each fits a page's width: the
# meetings and who came, then the actions and the voice heard.
BOARDS_MEETINGS = "Board meetings, board by board"
BOARDS_ACTIONS = "Board actions and voice, board by board"
_BY_BOARD = {
    BOARDS_MEETINGS: (
        ("board_meetings_held", "Meetings"),
        ("board_meeting_places", "Places"),
        ("board_meeting_present", "Present"),
        ("board_meeting_apologies", "Apologies"),
    ),
    BOARDS_ACTIONS: (
        ("board_actions_opened", "Actions agreed"),
        ("board_actions_completed", "Actions done"),
        ("board_actions_overdue", "Actions overdue"),
        ("board_voice_entries", "Voice heard"),
        ("board_voice_changes", "Changes made"),
    ),
}


def boards_tables(ret: Return, config: TrustConfig) -> list[Table]:
    """A county's boards side by side: each district board's own work, from its return, and
    the county board's; never added up, since each board's work is its own."""
    if ret.unit_level != "county":
        return []
    older = [part.unit_name for part in ret.parts if not catalogue.reports_board(part.figures)]
    missing = [config.unit(c.unit_code).name for c in ret.constituents if c.status == "missing"]
    notes = ["Each board's own work, never added up."]
    if older:
        notes.append(
            f"{listed(older)} sent a return made by an earlier TrustDesk, which does not "
            "carry its board's work."
        )
    if missing:
        notes.append(f"No return yet from {listed(missing)}: its board's work is not known.")
    return [_by_board(ret, title, shown, " ".join(notes)) for title, shown in _BY_BOARD.items()]


def _by_board(ret: Return, title: str, shown: tuple[tuple[str, str], ...], note: str) -> Table:
    """One table of a county's boards: a row per district's board, then the county's."""
    columns = [Column(heading, "count", code, from_data=False) for code, heading in shown]
    rate = title == BOARDS_MEETINGS  # the meetings' table ends with the attendance rate
    if rate:
        columns.append(Column("Attendance", "rate", from_data=False))

    def values(part: Return) -> list[int | float | None]:
        if not catalogue.reports_board(part.figures):
            return [None] * len(columns)
        return [*(part.value(code) for code, _ in shown), *([board_attendance(part)] * rate)]

    rows = [Row(f"{part.unit_name} board", values(part)) for part in ret.parts]
    rows.append(Row(f"{ret.unit_name} board (the county's own)", values(ret), is_total=True))
    return Table(title, columns, rows, label_heading="Board", note=note)

"""A meeting's papers: the agenda sent before it and the minutes sent after, to the partners.

The **agenda** says when and where, which partners are expected, and the standing items with
the actions carried over from earlier meetings (owner, when agreed, when due, overdue
marked), so that each owner comes ready to say what became of theirs. The **minutes** say
who came, who sent apologies and who stayed away, the notes and decisions, what became of
each action carried over, and the actions agreed with their owners and due dates. Both are
about organisations and the people who represent them: no young person is named in them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from trustdesk.config.trust import Unit
from trustdesk.reports.pdf_parts import section, text_table, write_pdf
from trustdesk.returns.pdf_page import FRAME_WIDTH
from trustdesk.returns.pdf_tables import STYLES, lines, para
from trustdesk.services.meetings import AttendanceRow, FollowUpRow, MeetingShown
from trustdesk.words import listed

FOOTER = "For the partners of the meeting"
DECIDED = {"open": "Carried on", "done": "Done", "dropped": "Dropped"}


def write_agenda(shown: MeetingShown, target: Path, *, trust_name: str, unit: Unit) -> Path:
    return _write(shown, target, "Agenda", _agenda(shown), trust_name, unit)


def write_minutes(shown: MeetingShown, target: Path, *, trust_name: str, unit: Unit) -> Path:
    return _write(shown, target, "Minutes", _minutes(shown), trust_name, unit)


def _write(
    shown: MeetingShown,
    target: Path,
    kind: str,
    story: list[Flowable],
    trust_name: str,
    unit: Unit,
) -> Path:
    meeting = shown.meeting
    return write_pdf(
        _heading(shown, kind) + story,
        target,
        title=f"{meeting.title}, {meeting.date:%d %b %Y}: {kind.lower()}",
        subject=kind,
        trust_name=trust_name,
        unit=unit,
        running=kind,
        footer=FOOTER,
    )


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else "no date set"


def _heading(shown: MeetingShown, kind: str) -> list[Flowable]:
    meeting = shown.meeting
    when = f"{meeting.date:%A} {meeting.date.day} {meeting.date:%B %Y}"
    return [
        para(f"{meeting.title}: {kind.lower()}", "title"),
        Spacer(1, 2),
        para(when + (f" \u00b7 {meeting.venue}" if meeting.venue else ""), "subtitle"),
        Spacer(1, 6),
    ]


def _names(rows: list[AttendanceRow], status: str | None = None) -> str:
    chosen = [r for r in rows if (r.status == status if status else r.status is not None)]
    return listed([f"{r.name} ({r.partner_type})" for r in chosen]) or "none"


def _agenda(shown: MeetingShown) -> list[Flowable]:
    expected = [r for r in shown.attendance if r.status is not None] or [
        r for r in shown.attendance if r.active
    ]
    carried = shown.follow_up
    story: list[Flowable] = [
        Paragraph("Partners expected", STYLES["h1"]),
        para(listed([f"{r.name} ({r.partner_type})" for r in expected]) or "None listed yet."),
        Paragraph("Items", STYLES["h1"]),
    ]
    items = [
        "Welcome, and apologies.",
        "The minutes of the last meeting.",
        f"Actions carried over from earlier meetings ({len(carried)}, below): each owner "
        "says what became of theirs.",
        "What young people have said, and what changed because of it.",
        "Partners' news and the activities coming up.",
        "Any other business.",
        "The date of the next meeting.",
    ]
    story += [para(f"{number}. {item}") for number, item in enumerate(items, start=1)]
    story += section(
        "Actions carried over",
        ["Action", "Owner", "Agreed", "Due", ""],
        [_carried_row(row) for row in carried],
        [FRAME_WIDTH - 290, 110, 60, 60, 60],
        "No action is still open from an earlier meeting.",
    )
    return story


def _carried_row(row: FollowUpRow) -> tuple[str, ...]:
    overdue = "Overdue" if row.overdue else ""
    return (row.text, row.owner, _day(row.agreed_on), _day(row.due_date), overdue)


def _minutes(shown: MeetingShown) -> list[Flowable]:
    rows = shown.attendance
    story: list[Flowable] = [
        KeepTogether(
            [
                Paragraph("Who came", STYLES["h1"]),
                text_table(
                    ["", ""],
                    [
                        ("Present", _names(rows, "present")),
                        ("Apologies", _names(rows, "apologies")),
                        ("Absent", _names(rows, "absent")),
                    ],
                    [70, FRAME_WIDTH - 70],
                    heading=False,
                ),
            ]
        ),
        Paragraph("Notes and decisions", STYLES["h1"]),
        *(
            [para(line) for line in lines(shown.meeting.notes) if line.strip()]
            or [para("No notes were recorded.")]
        ),
    ]
    story += section(
        "Actions from earlier meetings",
        ["Action", "Owner", "Agreed", "Due", "What became of it"],
        [
            (
                row.text,
                row.owner,
                _day(row.agreed_on),
                _day(row.due_date),
                _decided(row),
            )
            for row in shown.follow_up
        ],
        [FRAME_WIDTH - 330, 100, 55, 55, 120],
        "No action was carried over to this meeting.",
    )
    story += section(
        "Actions agreed",
        ["Action", "Owner", "Due"],
        [(a.text, a.owner, _day(a.due_date)) for a in shown.actions],
        [FRAME_WIDTH - 170, 110, 60],
        "No action was agreed at this meeting.",
    )
    return story


def _decided(row: FollowUpRow) -> str:
    if row.review is None:
        return "Not discussed" + ("; overdue" if row.overdue else "")
    said = DECIDED.get(row.review, row.review)
    if row.review == "open" and row.overdue:
        said += "; overdue"
    return said + (f": {row.note}" if row.note else "")

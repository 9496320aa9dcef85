"""The subject access report: everything TrustDesk holds about one young person, as a PDF
a coordinator can check and hand over.

It looks like a return's PDF (the same page furniture, styles and safe text from
``trustdesk.returns``): a heading, when it was made and by which unit, then plain tables of
the record, the sessions attended, the outcomes gained and the notes that mention them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import (
    Flowable,
    Spacer,
)

from trustdesk import APP_NAME, __version__
from trustdesk.config.trust import Unit
from trustdesk.reports.pdf_parts import section, text_table, write_pdf
from trustdesk.returns.pdf_page import FRAME_WIDTH, when
from trustdesk.returns.pdf_tables import (
    para,
)
from trustdesk.services.subject_access import HeldAboutPerson

CONFIDENTIAL = "Confidential: personal data about one young person"


def write_subject_access_pdf(
    held: HeldAboutPerson,
    target: Path,
    *,
    trust_name: str,
    unit: Unit,
    made_at: dt.datetime,
) -> Path:
    """Write the report to ``target`` (replaced only once it is complete); returns the path."""
    who = held.name or f"young person number {held.young_person_id}"
    return write_pdf(
        _story(held, who, unit, made_at),
        target,
        title=f"What TrustDesk holds about {who}",
        subject="Subject access report",
        trust_name=trust_name,
        unit=unit,
        running="Subject access",
        footer=CONFIDENTIAL,
    )


def _day(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _story(held: HeldAboutPerson, who: str, unit: Unit, made_at: dt.datetime) -> list[Flowable]:
    facts = [
        ("Young person", f"{who} (TrustDesk number {held.young_person_id})"),
        ("Held by", f"{unit.name} ({unit.code}), {unit.level}"),
        ("Made on", when(made_at)),
        ("Made with", f"{APP_NAME} {__version__}"),
        ("Last seen", _day(held.last_seen) or "not recorded"),
    ]
    story: list[Flowable] = [
        para(f"What TrustDesk holds about {who}", "title"),
        Spacer(1, 2),
        para("Subject access report", "subtitle"),
        Spacer(1, 8),
        text_table(["", ""], facts, [90, FRAME_WIDTH - 90], heading=False),
        Spacer(1, 6),
        para(
            "Everything this TrustDesk workspace holds about the young person: their record, "
            "the sessions they came to, the outcomes they gained and the notes that name them. "
            "Attendance counted only as numbers (headcounts) holds nothing about one person, "
            "and the quarterly returns sent on hold only totals, never a name."
        ),
    ]
    if held.erased_at is not None:
        story.append(
            para(
                f"The identifying details were removed on {_day(held.erased_at.date())}; "
                "what is left is counted in returns without saying who it was."
            )
        )
    story += section(
        "Their record",
        ["Detail", "What is held"],
        held.details,
        [170, FRAME_WIDTH - 170],
        "",
    )
    story += section(
        f"Sessions attended ({len(held.attended)})",
        ["Date", "Time", "Activity", "Venue"],
        [
            (_day(s.date), f"{s.start:%H:%M}\u2013{s.end:%H:%M}", s.activity, s.venue)
            for s in held.attended
        ],
        [60, 70, 210, FRAME_WIDTH - 340],
        "No sessions attended are recorded.",
    )
    story += section(
        f"Outcomes gained ({len(held.outcomes)})",
        ["Date", "Kind", "Title", "Award", "ECM outcome", "Activity"],
        [
            (_day(o.date), o.kind, o.title, o.accreditation, o.ecm_outcome, o.activity)
            for o in held.outcomes
        ],
        [55, 55, 120, 85, 85, FRAME_WIDTH - 400],
        "No outcomes are recorded.",
    )
    story += section(
        f"Notes that name them ({len(held.mentions)})",
        ["Where", "Date", "Field", "Text"],
        [(m.where, _day(m.date), m.field, m.text) for m in held.mentions],
        [80, 55, 65, FRAME_WIDTH - 200],
        "No note names them (by full name, short name or local reference).",
        note="A note may also be about other people: check these before handing the report over.",
    )
    return story

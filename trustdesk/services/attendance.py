"""Registers: who came to a session, or a headcount for a big event."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, delete, select

from trustdesk.errors import ValidationError
from trustdesk.services import validation as v
from trustdesk.store.models import ActivitySession, Attendance, Headcount, YoungPerson


def set_register(
    session: Session, *, session_id: int, young_person_ids: Iterable[int]
) -> list[int]:
    """Make the register of a session exactly these young people; returns their ids."""
    v.get(session, ActivitySession, session_id, "session")
    wanted = set(young_person_ids)
    for person_id in wanted:
        v.get(session, YoungPerson, person_id, "young person")
    present = set(
        session.exec(select(Attendance.young_person_id).where(Attendance.session_id == session_id))
    )
    gone = present - wanted
    if gone:
        session.exec(
            delete(Attendance)
            .where(Attendance.session_id == session_id)
            .where(
                Attendance.young_person_id.in_(gone)  # type: ignore[union-attr]
            )
        )
    session.add_all(
        Attendance(session_id=session_id, young_person_id=pid) for pid in wanted - present
    )
    session.commit()
    return sorted(wanted)


def register(session: Session, session_id: int) -> list[int]:
    query = select(Attendance.young_person_id).where(Attendance.session_id == session_id)
    return sorted(session.exec(query))


def record_headcount(
    session: Session, *, session_id: int, counts: dict[tuple[str, str], int]
) -> list[Headcount]:
    """Counts by (age band, gender) for a big event; replaces any earlier headcount."""
    v.get(session, ActivitySession, session_id, "session")
    rows = []
    for (band, gender), count in counts.items():
        number = v.whole_number(f"Headcount {band}/{gender}", count, minimum=0)
        if number:
            rows.append(
                Headcount(
                    session_id=session_id,
                    age_band=v.choice(session, "Age band", band, "age_bands"),
                    gender=v.choice(session, "Gender", gender, "genders"),
                    count=number,
                )
            )
    if not rows:
        raise ValidationError("Headcount", "enter at least one count above zero.")
    session.exec(delete(Headcount).where(Headcount.session_id == session_id))
    session.add_all(rows)
    session.commit()
    return rows

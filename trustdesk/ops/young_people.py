"""What a coordinator does with young people's records: their details, the outcomes they
gained, and erasing them on their request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from trustdesk import clock, ops
from trustdesk.ops import Changed
from trustdesk.ops.records import EVERY_KIND, Deleted, delete_with, save_with
from trustdesk.reports.subject_access_pdf import write_subject_access_pdf
from trustdesk.services import outcomes, subject_access, young_people
from trustdesk.services.retention import remove_identifying_details

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace


def save_young_person(
    workspace: Workspace,
    young_person_id: int | None,
    values: Mapping[str, Any],
    *,
    today: dt.date | None = None,
) -> Changed:
    """A new young person or their changed details; ``today`` is what a date of birth is
    checked against."""
    return save_with(
        workspace,
        "young_person",
        young_people.add_young_person,
        young_people.update_young_person,
        young_person_id,
        values,
        today=today,
    )


def save_outcome(
    workspace: Workspace,
    outcome_id: int | None,
    values: Mapping[str, Any],
    *,
    young_person_id: int | None = None,
) -> Changed:
    """A new outcome a young person gained (``outcome_id`` None, ``young_person_id`` given)
    or changed details of one."""

    def work(session: Session) -> Changed:
        if outcome_id is None:
            assert young_person_id is not None
            gained = outcomes.record_outcome(session, young_person_id=young_person_id, **values)
        else:
            gained = outcomes.update_outcome(session, outcome_id, **values)
        return Changed.of("outcome", record_id=gained.id)

    return ops.change(workspace, work)


def delete_outcome(workspace: Workspace, outcome_id: int) -> Deleted:
    return delete_with(workspace, lambda session: outcomes.delete_outcome(session, outcome_id))


@dataclass(frozen=True)
class Erased(Changed):
    """An erasure: every kind may have changed (a mention of the name in any free text is
    taken out), and how many texts were."""

    mentions_replaced: int = 0


def erase_young_person(workspace: Workspace, young_person_id: int) -> Erased:
    """Erase a young person on their request: their identifying details go for good, every
    mention of them in free text is replaced; the anonymous counts stay."""

    def work(session: Session) -> Erased:
        erased = subject_access.erase_young_person(session, young_person_id)
        return Erased(EVERY_KIND, young_person_id, erased.mentions_replaced)

    return ops.change(workspace, work)


def export_what_we_hold(workspace: Workspace, young_person_id: int, target: Path) -> Path:
    """Write everything held about a young person to a PDF (a subject access request);
    returns where. Reads only: it may run in a worker thread."""
    held = ops.query(workspace, subject_access.everything_held, young_person_id)
    return write_subject_access_pdf(
        held,
        target,
        trust_name=workspace.config.trust_name,
        unit=workspace.unit,
        made_at=clock.local_now(),
    )


def remove_details_due(workspace: Workspace, today: dt.date) -> int:
    """The retention review's removal: the identifying details of everyone last seen before
    the retention period, all or none; returns how many young people's were removed."""
    return ops.call(workspace, remove_identifying_details, today=today)

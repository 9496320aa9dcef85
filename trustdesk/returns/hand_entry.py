"""Returns for the units below that have no TrustDesk: a blank workbook to fill in by hand,
or their figures keyed in here by the officer on their behalf.

Either way the return is one of the unit's and counts like any other (completeness,
consolidation, the comparison), marked with how it was made (:mod:`.made_how`). The returns
made here for one unit and period share one return id (made from the workspace's, as an
export's is), so a second blank workbook is the next revision of the same return and,
filled in, takes the place of the first; and a return the unit later makes with its own
TrustDesk takes the place of one made by hand (:mod:`.importer`).

Entering checks the figures with the same data checks as an imported return
(:func:`trustdesk.returns.data_checks.check_data`) and keeps them as a return received,
through the same :func:`trustdesk.returns.received.save_received`; nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func
from sqlmodel import Session, col, select

from trustdesk import APP_NAME, __version__, clock
from trustdesk.config.periods import Period
from trustdesk.config.trust import Unit
from trustdesk.errors import UserError
from trustdesk.returns import catalogue, made_how, numbers
from trustdesk.returns.data_checks import check_data, not_adding_up
from trustdesk.returns.model import Key, Return
from trustdesk.returns.received import RECEIVED, current_record, save_received
from trustdesk.returns.sheet_rows import ProblemAt
from trustdesk.returns.template import measure_label
from trustdesk.store.context import context, trust
from trustdesk.store.models import ReturnRecord, WorkspaceSetting
from trustdesk.store.workspace import WORKSPACE_ID

ENTERED_FILE = "entered in TrustDesk"  # the "file" an entered return came from


def unit_below(session: Session, unit_code: str) -> Unit:
    """The unit directly under this workspace's, or a plain refusal."""
    config = trust(session)
    here = context(session).unit
    unit = config.units.get(unit_code.strip().upper()) or config.units.get(unit_code.strip())
    if unit is None:
        raise UserError(
            f"{unit_code!r} is not a unit of {config.trust_name}.",
            hint="Run 'trustdesk units' to see the units and their codes.",
        )
    if unit.parent_code != here.code:
        below = ", ".join(f"{u.name} ({u.code})" for u in config.children(here.code))
        raise UserError(
            f"{unit.name} ({unit.code}) does not report to {here.name}, so its return is not "
            "made here.",
            hint=f"The units below {here.name} are: {below}." if below else None,
        )
    return unit


def _begun(period: Period, today: dt.date) -> None:
    if period.start > today:
        raise UserError(
            f"{period.label} has not begun yet, so there are no figures to give for it.",
            hint="Choose a period that has begun (the last quarter that ended, usually).",
        )


def hand_return(session: Session, unit_code: str, period: Period, today: dt.date) -> Return:
    """The next revision of the unit's return made here by hand, with no figures yet."""
    unit = unit_below(session, unit_code)
    _begun(period, today)
    return_id = _hand_id(session, unit.code, period)
    highest = session.exec(
        select(func.max(ReturnRecord.revision))
        .where(col(ReturnRecord.direction) == RECEIVED)
        .where(col(ReturnRecord.return_id) == return_id)
    ).first()
    config = trust(session)
    here = context(session).unit
    return Return.of_unit(
        config.trust_name,
        unit,
        period,
        {},
        return_id=return_id,
        revision=(highest or 0) + 1,
        made_at=clock.now().replace(microsecond=0),
        made_by=f"{APP_NAME} {__version__} for {here.name}"[:60],
    )


def enter_return(
    session: Session, unit_code: str, period: Period, figures: dict[Key, int], today: dt.date
) -> ReturnRecord:
    """Keep the figures keyed in for a unit below as its return for the period, marked
    entered by this workspace's unit (checked as an imported return is; not committed)."""
    ret = hand_return(session, unit_code, period, today)
    current = current_record(session, ret.unit_code, period)
    if current is not None and not current.made_how:
        raise UserError(
            f"{ret.unit_name} has sent its own return for {period.label} already "
            f"(revision {current.revision}), so it is not entered here.",
            hint="Query that return if its figures need correcting.",
        )
    ret.figures, ret.made_how, ret.made_at = dict(figures), made_how.ENTERED, None
    config = trust(session)
    for key in catalogue.figure_keys(config, ret.unit_level):
        ret.figures.setdefault(key, 0)
    _adds_up(ret)
    try:
        check_data(ret, config)
    except ProblemAt as problem:  # its place is a row of a file, which this has none of
        raise UserError(
            f"The figures cannot be saved: {problem.problem}.",
            hint="Correct them and save again: they are checked as an imported return is.",
        ) from None
    return save_received(session, ret, ENTERED_FILE)


def _adds_up(ret: Return) -> None:
    """Each additive breakdown's figures add up to its measure's total."""
    mismatch = not_adding_up(ret)
    if mismatch is not None:
        unit = mismatch.measure.unit
        raise UserError(
            f"The figures cannot be saved: {measure_label(mismatch.measure)} by "
            f"{mismatch.breakdown.label.lower()} add up to "
            f"{numbers.figure(unit, mismatch.parts)}, but the total is "
            f"{numbers.figure(unit, mismatch.total)}.",
            hint="Correct them so that they add up, and save again.",
        )


def _hand_id(session: Session, unit_code: str, period: Period) -> str:
    """The return id of every return of this unit and period made here by hand."""
    setting = session.get(WorkspaceSetting, WORKSPACE_ID)
    workspace = setting.value if setting is not None else context(session).unit.code
    return str(
        uuid.uuid5(uuid.NAMESPACE_OID, f"trustdesk:{workspace}:by-hand:{unit_code}:{period.code}")
    )

"""Operations for the returns of units below that have no TrustDesk: a blank return workbook
to fill in by hand (``trustdesk return template``, and Returns in's "Blank return to fill
in…"), and a return entered on a unit's behalf (Returns in's "Enter this return…").

Making a blank workbook writes a file and nothing in the workspace (its return id and
revision come from the returns already in, :mod:`trustdesk.returns.hand_entry`); entering a
return is one transaction, committed once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from trustdesk import ops
from trustdesk.config.periods import Period
from trustdesk.files import write_atomically
from trustdesk.returns import hand_entry
from trustdesk.returns.model import Key
from trustdesk.returns.template import Line, lines, write_template
from trustdesk.store.context import trust

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

RETURNS = "return"  # the kind of record entering changes (see ops.Changed)


@dataclass(frozen=True)
class Template:
    """A blank return workbook written: where, and for which unit, period and revision."""

    path: Path
    unit_name: str
    unit_code: str
    period: Period
    revision: int


def template_name(unit_code: str, period: Period) -> str:
    """ "EST-BTC_2026-27Q2_to_fill_in.xlsx" """
    return f"{unit_code}_{period.code}_to_fill_in.xlsx"


def make_template(
    workspace: Workspace, unit_code: str, period: Period, target: Path, *, today: dt.date
) -> Template:
    """Write the blank return workbook of a unit below for the period to ``target`` (an
    .xlsx file, or a folder to write it in under :func:`template_name`)."""

    def write(session: Session) -> Template:
        ret = hand_entry.hand_return(session, unit_code, period, today)
        named = target.suffix.lower() == ".xlsx"  # else a folder, made if need be
        path = target if named else target / template_name(ret.unit_code, period)
        write_atomically(path, lambda file: write_template(ret, trust(session), file))
        return Template(path, ret.unit_name, ret.unit_code, period, ret.revision)

    return ops.query(workspace, write)


def entry_lines(workspace: Workspace, unit_code: str) -> list[Line]:
    """The figures a return of the unit carries, in the order they are entered."""
    return lines(workspace.config, workspace.config.unit(unit_code).level)


def enter_return(
    workspace: Workspace,
    unit_code: str,
    period: Period,
    figures: dict[Key, int],
    *,
    today: dt.date,
) -> ops.Changed:
    """Keep the figures keyed in for a unit below as its return for the period, marked as
    entered here: checked as an imported return is, one transaction."""
    record_id = ops.change(
        workspace,
        lambda session: hand_entry.enter_return(session, unit_code, period, figures, today).id,
    )
    return ops.Changed.of(RETURNS, record_id=record_id)

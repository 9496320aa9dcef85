"""Operations on returns: what the Returns and Returns in pages (and ``trustdesk return``)
do, each one call with the workspace and plain values.

An export, an accept and a query are each one transaction, committed once. An import is one
transaction per file, so that one bad file, a full disk or Cancel never undoes the files
taken in before it (what a district officer was told: "what was taken in stays"). Reads
hand back plain values (``PeriodView``, ``ReturnsIn``…), never records bound to a session.
Long work stops on Cancel by raising :class:`~trustdesk.errors.Cancelled`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from trustdesk import clock, ops
from trustdesk.config.periods import Period
from trustdesk.errors import UserError
from trustdesk.returns import export as exporting
from trustdesk.returns import importer, numbers, review
from trustdesk.returns.board_tables import board_tables, boards_tables
from trustdesk.returns.catalogue import measure
from trustdesk.returns.checks import Check, checks_before_export
from trustdesk.returns.completeness import (
    Cell,
    Chase,
    Grid,
    completeness,
    messages_to_send,
    periods_to_show,
)
from trustdesk.returns.compute import compute_to_read
from trustdesk.returns.export import ExportResult
from trustdesk.returns.importer import Checked, ImportReport
from trustdesk.returns.received import current_record, load_returns, sane_moment
from trustdesk.returns.tables import Table, breakdown_tables, headline_table, reach_table
from trustdesk.returns.target_tables import target_trends, targets_by_unit, targets_table
from trustdesk.returns.targets import Standing, received_standings
from trustdesk.returns.trends import trend_tables, unit_tables
from trustdesk.store.context import trust

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

Progress = Callable[[int, int, str], None]
RETURNS = "return"  # the kind of record these operations change (see ops.Changed)


def _never() -> bool:
    return False


# The Returns page: a period's figures, checks and exports ------------------------------------


@dataclass(frozen=True)
class ExportEntry:
    """One earlier export, as plain values (no record bound to a session)."""

    period: str
    revision: int
    made_at: dt.datetime | None
    file_name: str
    is_current: bool


@dataclass
class PeriodView:
    headline: Table
    reach: Table
    # The tables a person picks one of: the targets set for the unit (when there are any),
    # the figures in detail, then the trends (for a district or county, each key figure by
    # unit too).
    breakdowns: list[Table]
    checks: list[Check]
    exports: list[ExportEntry]
    # A district's or county's return: the units whose return it is built from without
    # being accepted, as (unit name, what is wrong: "queried", "not accepted yet").
    unaccepted: list[tuple[str, str]] = field(default_factory=list)


# A constituent's return that is in but not accepted: what the question before export says.
UNACCEPTED = {"queried": "queried", "": "not accepted yet", "received": "not accepted yet"}


def read_period(session: Session, period: Period, today: dt.date) -> PeriodView:
    """What the Returns page shows for a period, read in one go (a reader for
    :func:`ops.query`, or for a page that counts in the background)."""
    config = trust(session)
    ret = compute_to_read(session, period)
    names = {u.code: u.name for u in config.units.values()}
    return PeriodView(
        headline=headline_table(ret),
        reach=reach_table(ret, config),
        breakdowns=[
            *([targets] if (targets := targets_table(ret, config, today)) else []),
            *breakdown_tables(ret, config),
            *board_tables(ret, config),
            *boards_tables(ret, config),
            *trend_tables(ret),
            *target_trends(ret, config),
            *unit_tables(ret, config),
            *([by_unit] if (by_unit := targets_by_unit(ret, config)) else []),
        ],
        checks=checks_before_export(session, period, today),
        exports=read_exports(session),
        unaccepted=[
            (names.get(c.unit_code, c.unit_code), UNACCEPTED[c.status])
            for c in ret.constituents
            if c.status in UNACCEPTED
        ],
    )


def period_reader(period: Period, today: dt.date) -> Callable[[Session], PeriodView]:
    """:func:`read_period` for one period, for a page's background count."""
    return partial(read_period, period=period, today=today)


def load_period(workspace: Workspace, period: Period, today: dt.date) -> PeriodView:
    return ops.query(workspace, read_period, period, today)


def read_exports(session: Session) -> list[ExportEntry]:
    return [
        ExportEntry(r.period, r.revision, r.made_at, r.file_name, r.is_current)
        for r in exporting.exported_returns(session)
    ]


def exports(workspace: Workspace) -> list[ExportEntry]:
    """What this workspace has exported, newest first."""
    return ops.query(workspace, read_exports)


def export_return(
    workspace: Workspace,
    period: Period,
    folder: Path,
    *,
    formats: Sequence[str] = exporting.FORMATS,
    publication: bool = False,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
    make_folder: bool = True,
) -> ExportResult:
    """Check, compute and write the return into ``folder``, and record the export: one
    transaction. Files written are removed if the record cannot be saved, so the folder
    never holds a return the workspace does not know it sent. Cancel raises
    :class:`~trustdesk.returns.export.ExportCancelled` (a ``Cancelled``)."""
    written: list[Path] = []

    def work(session: Session) -> ExportResult:
        result = exporting.export_return(
            session,
            period,
            folder,
            formats=formats,
            publication=publication,
            now=now,
            progress=progress,
            cancelled=cancelled,
            make_folder=make_folder,
        )
        written.extend(result.paths)
        return result

    try:
        return ops.change(workspace, work)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


# The Returns in page: the returns received ---------------------------------------------------


PERIODS_SHOWN = 5  # the last quarter that ended and the four before it
# The headline figures shown for a return chosen in the grid.
HEADLINE = (
    "sessions",
    "attendances",
    "participants",
    "contacts",
    "recorded_outcomes",
    "accredited_outcomes",
    "case_studies",
    "spend_pence",
)


@dataclass
class ReturnsIn:
    """The grid of returns and, for each quarter shown, the reminders to send; and how each
    return in stands against its unit's targets."""

    grid: Grid
    chases: dict[Period, list[Chase]]
    targets: dict[tuple[str, Period], list[Standing]] = field(default_factory=dict)


@dataclass(frozen=True)
class ReturnDetail:
    """The chosen return's file and headline figures, as plain values."""

    record_id: int
    made_at: dt.datetime | None
    file_name: str
    figures: list[tuple[str, str]]  # (label, value as the return prints it)


def _read_returns_in(session: Session, today: dt.date, shown: int) -> ReturnsIn:
    periods = periods_to_show(session, today, shown)
    grid = completeness(session, periods, today)
    return ReturnsIn(
        grid,
        {period: messages_to_send(session, period, today, grid) for period in periods},
        received_standings(session, periods),
    )


def returns_in(workspace: Workspace, today: dt.date, shown: int = PERIODS_SHOWN) -> ReturnsIn:
    """The returns of the units below for the last ``shown`` quarters, and the reminders."""
    return ops.query(workspace, _read_returns_in, today, shown)


def _read_detail(session: Session, unit_code: str, period: Period) -> ReturnDetail | None:
    record = current_record(session, unit_code, period)
    if record is None or record.id is None:
        return None
    ret = load_returns(session, [record], trust(session))[record.id]
    figures = [
        (measure(code).label, numbers.figure(measure(code).unit, ret.value(code)))
        for code in HEADLINE
    ]
    return ReturnDetail(record.id, sane_moment(record.made_at), record.file_name, figures)


def return_detail(workspace: Workspace, cell: Cell) -> ReturnDetail | None:
    """The current return of the cell's unit and period, if one is in."""
    return ops.query(workspace, _read_detail, cell.unit.code, cell.period)


def _current_id(session: Session, unit_code: str, period: Period) -> int:
    unit = trust(session).unit(unit_code)
    record = current_record(session, unit.code, period)
    if record is None or record.id is None:
        raise UserError(
            f"No return of {unit.name} for {period.label} has been imported.",
            hint="Run 'trustdesk return status' to see which returns are in.",
        )
    return record.id


def accept_return(workspace: Workspace, record_id: int, note: str = "") -> ops.Changed:
    """Accept a return received: its figures go into the consolidation as they are."""
    ops.change(workspace, lambda session: review.accept(session, record_id, note))
    return ops.Changed.of(RETURNS, record_id=record_id)


def query_return(workspace: Workspace, record_id: int, note: str) -> ops.Changed:
    """Query a return received with a note of what the coordinator should look at."""
    ops.change(workspace, lambda session: review.query(session, record_id, note))
    return ops.Changed.of(RETURNS, record_id=record_id)


def review_current(
    workspace: Workspace, unit_code: str, period: Period, *, query_note: str | None = None
) -> int:
    """Accept (or, with ``query_note``, query) the current return of a unit and period, in
    one transaction (the command line's review); the revision reviewed."""

    def work(session: Session) -> int:
        record_id = _current_id(session, unit_code, period)
        if query_note is None:
            record = review.accept(session, record_id)
        else:
            record = review.query(session, record_id, query_note)
        return record.revision

    return ops.change(workspace, work)


# Importing -----------------------------------------------------------------------------------


def check_files(
    workspace: Workspace,
    paths: Sequence[Path],
    *,
    today: dt.date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
) -> list[Checked]:
    """Find the return files in ``paths`` (files or folders) and check each: what taking it
    in would do. Writes nothing; Cancel raises :class:`~trustdesk.errors.Cancelled`."""

    def read(session: Session) -> list[Checked]:
        files = importer.return_files(paths)
        return importer.check_files(
            session, files, today=today, progress=progress, cancelled=cancelled
        )

    return ops.query(workspace, read)


def take_in(
    workspace: Workspace,
    checked: Sequence[Checked],
    *,
    accept_edited: bool | Callable[[Checked], bool] = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
) -> ImportReport:
    """Take in the files checked: one transaction per file, so each file is in whole or
    not at all and what was taken in stays whatever happens to the next one. Cancel between
    files raises :class:`~trustdesk.returns.importer.ImportCancelled` with the report so far."""
    accepts = importer.edited_accepted(accept_edited)

    def one(item: Checked) -> importer.ImportLine:
        return ops.change(
            workspace, partial(importer.take_in_file, item=item, accept_edited=accepts(item))
        )

    return importer.report_each(checked, one, progress, cancelled)


def import_returns(
    workspace: Workspace,
    paths: Iterable[Path],
    *,
    today: dt.date | None = None,
    accept_edited: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = _never,
) -> ImportReport:
    """Check and take in every file in ``paths`` at once (the command line's import): one
    transaction per file, as :func:`take_in`."""
    day = today or clock.today()

    def one(path: Path) -> importer.ImportLine:
        return ops.change(
            workspace,
            partial(importer.import_file, path=path, today=day, accept_edited=accept_edited),
        )

    return importer.report_each(importer.return_files(paths), one, progress, cancelled)

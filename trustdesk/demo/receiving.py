"""A demo district or county workspace: the returns of the units below it for the last few
quarters, taken in as an officer would, reviewed, and with the gaps an officer meets.

Each locality below gets a small demo workspace of its own (in a temporary folder, thrown
away after) that exports its returns; a county's districts are demo districts that export
their consolidated returns. The returns are then imported through the same importer a
person uses. Most were sent before their due date and are accepted; one was sent late, one
is queried, the latest quarter's most recent one is not yet reviewed, and one unit's latest
return is missing, so every state of the Returns in page shows. A year that ended among the
demo's quarters has its year's returns too, sent with its fourth quarter's. The board's own
work of the last year is recorded too (:mod:`trustdesk.demo.board`).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from trustdesk import clock
from trustdesk.config.periods import Period
from trustdesk.config.trust import TrustConfig, Unit, example_trust_path, load_trust_config
from trustdesk.demo.board import record_board
from trustdesk.demo.generator import build_demo
from trustdesk.errors import UserError
from trustdesk.returns.export import default_period, export_return
from trustdesk.returns.importer import import_returns
from trustdesk.returns.received import current_record
from trustdesk.returns.review import accept, query
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import Workspace, discard_new_workspace

QUARTERS = 3  # the quarters that ended before the demo's date
QUERY = "The attendances look low for the summer: were the holiday sessions recorded?"


def build_receiving_demo(
    path: Path,
    *,
    unit_code: str,
    seed: int = 1,
    as_of: dt.date | None = None,
    config_path: Path | None = None,
) -> Workspace:
    """A district's or county's workspace holding the returns of the units below it."""
    config_path = config_path or example_trust_path()
    config = load_trust_config(config_path)
    unit = config.unit(unit_code)
    if unit.level == "locality":
        raise UserError(f"{unit.name} is a locality: it receives no returns.")
    as_of = as_of or clock.today()
    periods = _quarters(as_of)
    with tempfile.TemporaryDirectory(prefix="trustdesk-demo-") as folder:
        sent = Path(folder, "sent")
        _send_returns(config, config_path, unit, periods, Path(folder), sent, seed, as_of)
        # Made as the first of the demo's quarters ended: the grid starts with its return.
        created = dt.datetime.combine(periods[1].start, dt.time(9), tzinfo=dt.UTC)
        workspace = create_workspace(path, unit.code, config_path=config_path, created_at=created)
        try:
            with workspace.session() as session:
                import_returns(session, [sent], today=as_of)
                _review(session, config, unit, periods)
                record_board(session, unit, as_of, seed)
                session.commit()
        except BaseException:
            workspace.close()
            discard_new_workspace(path)
            raise
    return workspace


def _quarters(as_of: dt.date) -> list[Period]:
    latest = default_period(as_of)
    periods = [latest]
    while len(periods) < QUARTERS:
        periods.insert(0, periods[0].previous())
    return periods


def _with_years(periods: list[Period]) -> list[Period]:
    """The quarters, each fourth quarter followed by its year's return (sent with it)."""
    return [
        p for q in periods for p in ((q, Period.financial_year(q.year)) if q.quarter == 4 else (q,))
    ]


def _send_returns(
    config: TrustConfig,
    config_path: Path,
    unit: Unit,
    periods: list[Period],
    folder: Path,
    sent: Path,
    seed: int,
    as_of: dt.date,
) -> None:
    """Each unit below exports its returns into ``sent``, with a unit's latest one missing."""
    below = config.children(unit.code)
    for number, child in enumerate(below):
        where = folder / child.code
        if child.level == "locality":
            made = build_demo(where, unit_code=child.code, seed=seed, as_of=as_of)
        else:
            made = build_receiving_demo(
                where, unit_code=child.code, seed=seed, as_of=as_of, config_path=config_path
            )
        with made as workspace, workspace.session() as session:
            for period in _with_years(periods):
                if number == len(below) - 1 and period == periods[-1]:
                    continue  # this unit has not sent its latest return
                late = number == 1 and period == periods[-1]
                due = period.due_date(config.reporting.due_days_after_period_end)
                day = due + dt.timedelta(days=6 if late else -4 - number)
                now = dt.datetime.combine(min(day, as_of), dt.time(10), tzinfo=dt.UTC)
                export_return(session, period, sent, formats=["xlsx"], now=now)
            session.commit()


def _review(session, config: TrustConfig, unit: Unit, periods: list[Period]) -> None:  # noqa: ANN001
    """Accept what an officer would have by now: all but the latest quarter, where one is
    queried and the rest wait."""
    for child in config.children(unit.code):
        for period in _with_years(periods):
            record = current_record(session, child.code, period)
            if record is None:
                continue
            if period != periods[-1]:
                accept(session, record.id)  # type: ignore[arg-type]  # a record read back from the database has an id
            elif child == config.children(unit.code)[0]:
                query(session, record.id, QUERY)  # type: ignore[arg-type]  # a record read back from the database has an id

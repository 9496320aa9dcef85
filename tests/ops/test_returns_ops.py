"""The operations on returns are each one transaction: an export, an accept and a query
commit once; an import commits once per file (so that what was taken in stays when a later
file fails or Cancel is pressed); and Cancel, for an export or an import, is one Cancelled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path
from trustdesk.errors import Cancelled
from trustdesk.ops import Changed
from trustdesk.ops import returns as returns_ops
from trustdesk.returns.export import ExportCancelled
from trustdesk.returns.importer import ImportCancelled
from trustdesk.returns.received import current_record
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import Workspace

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
Q1 = Period.parse("2026-27Q1")
Q2 = Period.parse("2026-27Q2")


def at(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(9), tzinfo=dt.UTC)


@pytest.fixture
def sent(workspace: Workspace, tmp_path: Path) -> list[Path]:
    """Burntwood's returns for Q1 and Q2, as it sends them to Lichfield."""
    out = tmp_path / "sent"
    out.mkdir()
    return [
        returns_ops.export_return(workspace, period, out, formats=["xlsx"], now=at(day)).paths[0]
        for period, day in ((Q1, "2026-07-08"), (Q2, "2026-10-10"))
    ]


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "LIC", "LIC", config_path=example_trust_path()) as workspace:
        yield workspace


def current_id(workspace: Workspace, period: Period) -> int:
    with workspace.session() as session:
        record = current_record(session, "LIC-BUR", period)
        assert record is not None and record.id is not None
        return record.id


def test_an_export_is_one_commit(workspace, tmp_path, commits):
    out = tmp_path / "out"
    out.mkdir()
    made = []
    assert commits.during(lambda: made.append(returns_ops.export_return(workspace, Q1, out))) == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "LIC-BUR_2026-27Q1_r1.pdf",
        "LIC-BUR_2026-27Q1_r1.xlsx",
    ]
    assert [(e.period, e.revision) for e in returns_ops.exports(workspace)] == [(Q1.code, 1)]


def test_a_cancelled_export_commits_nothing_and_is_a_cancelled(workspace, tmp_path, commits):
    out = tmp_path / "out"
    out.mkdir()

    def export() -> None:
        with pytest.raises(Cancelled) as raised:
            returns_ops.export_return(workspace, Q1, out, cancelled=lambda: True)
        assert isinstance(raised.value, ExportCancelled)
        assert str(raised.value) == "The export was cancelled; nothing was written."

    assert commits.during(export) == 0
    assert list(out.iterdir()) == []
    assert returns_ops.exports(workspace) == []


def test_an_accept_and_a_query_are_one_commit_each(district, sent, commits):
    returns_ops.import_returns(district, sent)
    q1, q2 = current_id(district, Q1), current_id(district, Q2)

    changed: list[Changed] = []
    assert commits.during(lambda: changed.append(returns_ops.accept_return(district, q1))) == 1
    note = "Sessions look low for June"
    assert commits.during(lambda: changed.append(returns_ops.query_return(district, q2, note))) == 1
    assert [(c.kinds, c.record_id) for c in changed] == [
        (frozenset({"return"}), q1),
        (frozenset({"return"}), q2),
    ]
    grid = returns_ops.returns_in(district, TODAY).grid
    assert grid.cell("LIC-BUR", Q1).status == "accepted"
    assert (grid.cell("LIC-BUR", Q2).status, grid.cell("LIC-BUR", Q2).note) == ("queried", note)


def test_an_import_of_n_files_is_one_commit_per_file(district, sent, commits):
    reports = []
    assert commits.during(lambda: reports.append(returns_ops.import_returns(district, sent))) == 2
    assert [line.outcome for line in reports[0].lines] == ["imported", "imported"]

    # Checked first, then taken in (the desktop's way): checking commits nothing.
    checked = []
    assert (
        commits.during(lambda: checked.extend(returns_ops.check_files(district, sent, today=TODAY)))
        == 0
    )
    assert [c.plan for c in checked] == ["unchanged", "unchanged"]
    assert commits.during(lambda: returns_ops.take_in(district, checked)) == 2


def test_a_cancelled_import_keeps_the_files_taken_in_and_is_a_cancelled(district, sent, commits):
    steps: list[str] = []

    def import_one_then_cancel() -> None:
        with pytest.raises(Cancelled) as raised:
            returns_ops.import_returns(
                district,
                sent,
                progress=lambda n, total, what: steps.append(what),
                cancelled=lambda: len(steps) >= 1,
            )
        assert isinstance(raised.value, ImportCancelled)
        report = raised.value.report
        assert [line.outcome for line in report.lines] == ["imported"]
        assert report.summary.endswith("(cancelled before the rest).")

    assert commits.during(import_one_then_cancel) == 1
    grid = returns_ops.returns_in(district, TODAY).grid
    assert grid.cell("LIC-BUR", Q1).in_hand
    assert not grid.cell("LIC-BUR", Q2).in_hand


def test_cancelling_the_check_is_a_cancelled(district, sent):
    with pytest.raises(Cancelled) as raised:
        returns_ops.check_files(district, sent, today=TODAY, cancelled=lambda: True)
    assert "nothing was taken in" in str(raised.value)

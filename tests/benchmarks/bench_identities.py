"""The identity matcher on the large demo workspace (2,600 young people, ten years): what
the export does about identities for a busy quarter (build the matcher, look at every text
the return carries by its records, then at the computed return's own texts), and every
case study, voice entry and partner name of the ten years; each next to its floor, the same
people and texts read from SQLite with sqlite3 and lowercased (tests/benchmarks/work.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.benchmarks import work
from tests.benchmarks.conftest import QUICK_ROUNDS


@pytest.fixture(scope="module")
def opened(large_workspace: Path) -> Iterator[tuple]:
    """(session, the quarter's computed return): computing it is the export's next step,
    not the identity check's, so it is done once here."""
    from trustdesk.config.periods import Period
    from trustdesk.returns.compute import compute_return
    from trustdesk.store.workspace import open_workspace  # as the window opens it: no Alembic

    with open_workspace(large_workspace, read_only=True) as workspace, workspace.session() as s:
        yield s, compute_return(s, Period.parse(work.EXPORT_PERIOD))


def run(benchmark, function, *args) -> None:  # noqa: ANN001
    benchmark.pedantic(function, args=args, rounds=QUICK_ROUNDS, warmup_rounds=1)


@pytest.mark.benchmark(group="identities")
def test_identities_of_the_quarter(benchmark, opened: tuple) -> None:
    run(benchmark, work.identity_check_quarter, *opened)
    benchmark.extra_info.update(measure="identities", side="trustdesk")


@pytest.mark.benchmark(group="identities")
def test_identities_of_the_quarter_floor(benchmark, large_workspace: Path) -> None:
    run(benchmark, work.identity_floor, large_workspace, True)
    benchmark.extra_info.update(measure="identities", side="floor")


@pytest.mark.benchmark(group="identities")
def test_identities_of_ten_years(benchmark, opened: tuple) -> None:
    run(benchmark, work.identity_check_everything, opened[0])
    benchmark.extra_info.update(measure="identities-all", side="trustdesk")


@pytest.mark.benchmark(group="identities")
def test_identities_of_ten_years_floor(benchmark, large_workspace: Path) -> None:
    run(benchmark, work.identity_floor, large_workspace, False)
    benchmark.extra_info.update(measure="identities-all", side="floor")

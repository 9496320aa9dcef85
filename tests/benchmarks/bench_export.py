"""Return export: compute one quarter of the large demo workspace and write its workbook and
PDF, next to the floor — openpyxl in write-only mode writing the same cells and reportlab
building the same tables (tests/benchmarks/work.py) — and each step on its own."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.benchmarks import work
from tests.benchmarks.conftest import QUICK_ROUNDS
from tests.benchmarks.memory import task_peak_mb


@pytest.fixture(scope="module")
def opened(large_workspace: Path) -> Iterator[tuple]:
    """(session, configuration, the quarter's return) on the large workspace. The first
    computation fills SQLAlchemy's statement cache, as a coordinator's first export does."""
    from trustdesk.config.periods import Period
    from trustdesk.returns.compute import compute_to_read
    from trustdesk.store.workspace import open_workspace  # as the window opens it: no Alembic

    with open_workspace(large_workspace) as workspace, workspace.session() as session:
        yield session, workspace.config, compute_to_read(session, Period.parse(work.EXPORT_PERIOD))


@pytest.fixture(scope="module")
def material(opened: tuple, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """The floors' cells and tables, and the file they are saved in for a process of its own."""
    _, config, ret = opened
    material = work.floor_material(ret, config)
    saved = tmp_path_factory.mktemp("export") / "material.json"
    saved.write_text(json.dumps(material, default=str), encoding="utf-8")
    return material, saved


def run(benchmark, function, *args) -> None:  # noqa: ANN001
    benchmark.pedantic(function, args=args, rounds=QUICK_ROUNDS, warmup_rounds=1)


@pytest.mark.benchmark(group="export")
def test_export_the_quarter(benchmark, opened: tuple, large_workspace: Path) -> None:
    session, config, _ = opened
    run(benchmark, work.export_quarter, session, config)
    benchmark.extra_info.update(
        measure="export", side="trustdesk", peak_mb=task_peak_mb("export", str(large_workspace))
    )


@pytest.mark.benchmark(group="export")
def test_export_floor(benchmark, material: tuple[dict, Path]) -> None:
    run(benchmark, work.export_floor, material[0])
    benchmark.extra_info.update(
        measure="export", side="floor", peak_mb=task_peak_mb("export-floor", str(material[1]))
    )


@pytest.mark.benchmark(group="export steps")
def test_compute_the_quarter(benchmark, opened: tuple) -> None:
    from trustdesk.config.periods import Period
    from trustdesk.returns.compute import compute_return

    run(benchmark, compute_return, opened[0], Period.parse(work.EXPORT_PERIOD))
    benchmark.extra_info.update(measure="export-compute", side="trustdesk")


@pytest.mark.benchmark(group="export steps")
def test_compute_the_periods_before_it(benchmark, opened: tuple) -> None:
    """The quarter as the export reads it: its year to date, the eight quarters and three
    years of its trends and the periods its first page compares it with."""
    from trustdesk.config.periods import Period
    from trustdesk.returns.compute import compute_to_read

    run(benchmark, compute_to_read, opened[0], Period.parse(work.EXPORT_PERIOD))
    benchmark.extra_info.update(measure="export-history", side="trustdesk")


@pytest.mark.parametrize(
    ("measure", "side"),
    [
        ("export-workbook", "trustdesk"),
        ("export-workbook", "floor"),
        ("export-pdf", "trustdesk"),
        ("export-pdf", "floor"),
    ],
)
@pytest.mark.benchmark(group="export steps")
def test_write(benchmark, opened: tuple, material: tuple[dict, Path], measure: str, side: str):
    _, config, ret = opened
    function, *args = {
        ("export-workbook", "trustdesk"): (work.write_workbook, ret, config),
        ("export-workbook", "floor"): (work.openpyxl_write_floor, material[0]["sheets"]),
        ("export-pdf", "trustdesk"): (work.write_pdf, ret, config),
        ("export-pdf", "floor"): (work.reportlab_floor, material[0]["tables"]),
    }[measure, side]
    run(benchmark, function, *args)
    benchmark.extra_info.update(measure=measure, side=side)

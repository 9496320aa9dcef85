"""Import and consolidate: the 50 locality returns of one quarter taken into new district
workspaces (each district its own localities', through the real importer: checks, reading,
deciding, saving) and each district's return added up from them, next to the floor —
openpyxl in read-only mode reading every row of the same 50 files — and python-calamine,
the fastest reader there is, when it is installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks import work
from tests.benchmarks.conftest import ROUNDS
from tests.benchmarks.memory import task_peak_mb


@pytest.mark.benchmark(group="import")
def test_import_and_consolidate(benchmark, locality_returns: Path) -> None:
    files = work.return_files(locality_returns)
    made: list[work.Districts] = []

    def new_districts() -> tuple[tuple, dict]:
        for districts in made:  # the previous round's
            districts.close()
        made[:] = [work.Districts(files)]  # empty workspaces, made before the clock starts
        return (), {}

    try:
        benchmark.pedantic(
            lambda: made[0].import_and_consolidate(),
            setup=new_districts,
            rounds=ROUNDS,
            warmup_rounds=1,
        )
    finally:
        for districts in made:
            districts.close()
    benchmark.extra_info.update(
        measure="import", side="trustdesk", peak_mb=task_peak_mb("import", str(locality_returns))
    )


@pytest.mark.benchmark(group="import")
def test_import_floor_openpyxl(benchmark, locality_returns: Path) -> None:
    files = work.return_files(locality_returns)
    benchmark.pedantic(work.openpyxl_read_floor, args=(files,), rounds=ROUNDS, warmup_rounds=1)
    benchmark.extra_info.update(
        measure="import", side="floor", peak_mb=task_peak_mb("read-floor", str(locality_returns))
    )


@pytest.mark.benchmark(group="import")
def test_import_calamine(benchmark, locality_returns: Path) -> None:
    pytest.importorskip("python_calamine")
    files = work.return_files(locality_returns)
    benchmark.pedantic(work.calamine_floor, args=(files,), rounds=ROUNDS, warmup_rounds=1)
    benchmark.extra_info.update(
        measure="import",
        side="fastest",
        peak_mb=task_peak_mb("read-calamine", str(locality_returns)),
    )

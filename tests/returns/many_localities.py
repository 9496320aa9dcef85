"""The returns of all 50 localities of the example trust for one quarter, as their
coordinators would send them: a ``small`` demo workspace for each locality (a year of
records, seeded by the locality's code, so every locality has its own figures and texts),
and its return exported from there as a workbook.

Each locality costs one to one and a half seconds (building the demo 0.2-0.3 s; exporting
0.7-0.9 s: computing 0.45-0.6 s, half of it SQLAlchemy compiling the return's queries for
the new workspace's engine, the checks 0.1-0.3 s, the workbook 0.15 s), so the 50 are made
in worker processes, one per core: about 30 s on two cores. Each locality is made whole in
one worker; what comes back is the workbook's path and the return as the locality computed
it.

    python tests/returns/many_localities.py [--processes N]

times it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path, load_trust_config
from trustdesk.demo.generator import build_demo
from trustdesk.returns.export import export_return
from trustdesk.returns.model import Return

AS_OF = dt.date(2026, 11, 23)  # the demo workspaces' last day of records
PERIOD = Period.parse("2026-27Q2")  # July to September 2026: over, and due by AS_OF
EXPORTED_AT = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)
Job = TypeVar("Job")
Done = TypeVar("Done")


@dataclass(frozen=True)
class LocalityReturn:
    """One locality's return: the workbook its coordinator sends, and the return as its own
    workspace computed it (figures, texts, return id, revision)."""

    code: str
    district: str
    path: Path
    ret: Return


def locality_codes() -> list[str]:
    """Every locality of the example trust, district by district."""
    config = load_trust_config(example_trust_path())
    return [
        locality.code
        for district in config.children(config.county.code)
        for locality in config.children(district.code)
    ]


def export_localities(
    folder: Path, codes: list[str] | None = None, *, processes: int | None = None
) -> dict[str, LocalityReturn]:
    """Build each locality's demo workspace in ``folder/workspaces/<code>`` and export its
    return for PERIOD into ``folder/returns``; by locality code, in the order given."""
    codes = locality_codes() if codes is None else codes
    (folder / "returns").mkdir(parents=True, exist_ok=True)
    (folder / "workspaces").mkdir(parents=True, exist_ok=True)
    made = in_parallel(_export_one, [(folder, code) for code in codes], processes=processes)
    return {locality.code: locality for locality in made}


def in_parallel(
    work: Callable[[Job], Done], jobs: list[Job], *, processes: int | None = None
) -> list[Done]:
    """``[work(job) for job in jobs]``, in worker processes (one per core unless told), each
    job whole in one worker. ``work`` must be a module-level function. A worker that fails
    raises its error here; one that dies (a crash) raises BrokenProcessPool, never hangs."""
    processes = min(processes or os.cpu_count() or 1, len(jobs))
    if processes <= 1:
        return [work(job) for job in jobs]
    # Not a plain fork: by now pytest may have Qt's threads running (the UI tests), and a
    # fork copies whatever lock one of them holds. A fork server starts clean once, with
    # TrustDesk imported, and forks each worker from itself.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
    else:
        context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        return list(pool.map(work, jobs))


def _export_one(job: tuple[Path, str]) -> LocalityReturn:
    folder, code = job
    workspace = build_demo(folder / "workspaces" / code, unit_code=code, seed=1, as_of=AS_OF)
    try:
        with workspace.session() as session:
            result = export_return(
                session, PERIOD, folder / "returns", formats=["xlsx"], now=EXPORTED_AT
            )
    finally:
        workspace.close()
    (path,) = result.paths
    return LocalityReturn(code, workspace.unit.parent_code or "", path, result.ret)


def main() -> int:
    parser = argparse.ArgumentParser(description="Time making the 50 locality returns.")
    parser.add_argument("--processes", type=int, default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="trustdesk-localities-"))
    start = time.perf_counter()
    made = export_localities(folder, processes=args.processes)
    seconds = time.perf_counter() - start
    processes = args.processes or os.cpu_count()
    print(f"{len(made)} locality returns in {seconds:.1f} s ({processes} processes) in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: read and take in the 50 locality returns of the example trust (one quarter),
next to the floor of reading the same 50 workbooks with the libraries underneath, measured
in the same run.

    python tests/benchmarks/bench_import.py [--repeat 5] [--returns DIR]

Not a test (pytest does not collect ``bench_*.py``) and never fails on a slow machine: it
prints times, the ratios to the floor, and peak memory. The returns are made first, one small
demo workspace per locality (tests/returns/many_localities.py, about half a minute on two
cores), unless ``--returns`` gives a folder that holds them. Each repeat takes them into 8
new district workspaces (made before the clock starts), each district its own localities'.

- TrustDesk, read and check: ``open_return_file`` (the checks on the file's bytes, then
  the reader) and ``check_data``, for the 50 files, writing nothing; and the checks on the
  bytes alone (``check_return_file``: the zip's directory, every part unpacked and its XML
  scanned), the part of it the floor does not do;
- TrustDesk, import: ``import_returns`` into the districts (reading, checking, deciding and
  writing each return in its own transaction); then the same again, which finds every file
  unchanged;
- floor: openpyxl in read-only mode (``load_workbook(read_only=True, data_only=True)``)
  reading every row of every sheet of the 50 files, the least any reader on openpyxl can do;
- python-calamine (a Rust reader), if it is installed, reading every sheet: what a reader
  not built on openpyxl could do.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # for tests.returns

from tests.returns.many_localities import AS_OF, export_localities  # noqa: E402
from trustdesk.config import TrustConfig, example_trust_path, load_trust_config  # noqa: E402
from trustdesk.returns.data_checks import check_data  # noqa: E402
from trustdesk.returns.importer import import_returns  # noqa: E402
from trustdesk.returns.untrusted import check_return_file, open_return_file  # noqa: E402
from trustdesk.store.workspace import Workspace, create_workspace  # noqa: E402

try:
    from python_calamine import CalamineWorkbook
except ImportError:  # optional: only for the comparison
    CalamineWorkbook = None


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--returns", type=Path, help="a folder holding the 50 locality returns")
    return parser.parse_args()


def returns_folder(folder: Path | None) -> Path:
    if folder is not None:
        return folder
    folder = Path(tempfile.mkdtemp(prefix="trustdesk-bench-import-"))
    print(f"making the 50 locality returns in {folder} ...", file=sys.stderr)
    export_localities(folder)
    return folder / "returns"


class Clock:
    """The best of several runs of each step: wall time, and the CPU time of this process
    (less swayed by other busy programs on the machine; the wall time of the imports also
    holds the waits for the disk on each commit)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def time(self, step: str, work: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        self.wall[step] = min(wall, self.wall.get(step, wall))
        self.cpu[step] = min(cpu, self.cpu.get(step, cpu))


def traced_peak(work: Callable[[], object]) -> float:
    """The most memory Python held at once during the work, in MB (a run of its own)."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()


def openpyxl_floor(files: list[Path]) -> None:
    for path in files:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for sheet in book.worksheets:
            for _row in sheet.iter_rows(values_only=True):
                pass
        book.close()


def calamine_floor(files: list[Path]) -> None:
    for path in files:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()


def read_and_check(files: list[Path], config: TrustConfig) -> None:
    for path in files:
        check_data(open_return_file(path, config, edited_ok=True), config)


class Districts:
    """Eight new district workspaces, and which of the files each takes in."""

    def __init__(self, files: list[Path], config: TrustConfig) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="trustdesk-bench-districts-"))
        self.workspaces: list[tuple[Workspace, list[Path]]] = []
        for district in config.children(config.county.code):
            mine = [p for p in files if p.name.startswith(f"{district.code}-")]
            workspace = create_workspace(
                self.folder / district.code, district.code, config_path=example_trust_path()
            )
            self.workspaces.append((workspace, mine))
        assert sum(len(mine) for _, mine in self.workspaces) == len(files)

    def take_in(self, outcome: str) -> None:
        for workspace, mine in self.workspaces:
            with workspace.session() as session:
                report = import_returns(session, mine, today=AS_OF)
            assert report.count(outcome) == len(mine), report.summary

    def close(self) -> None:
        for workspace, _ in self.workspaces:
            workspace.close()
        shutil.rmtree(self.folder)


STEPS = (  # step, label, whether its peak memory is measured
    ("floor", "openpyxl read-only, every row (floor)", True),
    ("calamine", "python-calamine, every sheet", True),
    ("bytes", "TrustDesk: check the bytes only", False),
    ("read", "TrustDesk: read and check", True),
    ("import", "TrustDesk: import (new)", True),
    ("again", "TrustDesk: import again (unchanged)", False),
)


def main() -> int:
    args = arguments()
    files = sorted(returns_folder(args.returns).glob("*.xlsx"))
    config = load_trust_config(example_trust_path())
    assert len(files) == 50, f"expected the 50 locality returns, found {len(files)}"
    kilobytes = sum(p.stat().st_size for p in files) / 1024
    work: dict[str, Callable[[], object]] = {
        "floor": lambda: openpyxl_floor(files),
        "bytes": lambda: [check_return_file(p) for p in files],
        "read": lambda: read_and_check(files, config),
    }
    if CalamineWorkbook is not None:
        work["calamine"] = lambda: calamine_floor(files)

    for step in work.values():  # warm the file cache and the imports once
        step()
    clock = Clock()
    for _ in range(args.repeat):
        for step, run in work.items():
            clock.time(step, run)
        districts = Districts(files, config)  # made before the clock starts
        try:
            clock.time("import", lambda d=districts: d.take_in("imported"))
            clock.time("again", lambda d=districts: d.take_in("unchanged"))
        finally:
            districts.close()

    peaks = {step: traced_peak(run) for step, run in work.items()}
    districts = Districts(files, config)
    try:
        peaks["import"] = traced_peak(lambda: districts.take_in("imported"))
    finally:
        districts.close()
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"Return import: {len(files)} locality returns ({kilobytes:,.0f} KB), "
        f"best of {args.repeat}; target: import within 1.5x the floor"
    )
    print(
        f"{'step':<38} {'wall':>8} {'per file':>9} {'/ floor':>8} "
        f"{'CPU':>8} {'/ floor':>8} {'peak':>8}"
    )
    for step, label, measured in STEPS:
        if step not in clock.wall:
            print(f"{label:<38} {'(not installed)':>17}")
            continue
        wall, cpu = clock.wall[step], clock.cpu[step]
        peak = f"{peaks[step]:6.1f}MB" if measured else ""
        print(
            f"{label:<38} {wall * 1000:6.0f}ms {wall / len(files) * 1000:7.1f}ms "
            f"{wall / clock.wall['floor']:7.2f}x {cpu * 1000:6.0f}ms "
            f"{cpu / clock.cpu['floor']:7.2f}x {peak:>8}"
        )
    print("check the bytes only: untrusted.check_return_file (the zip and XML checks, no parsing)")
    print("peak: the most memory Python held at once, in a run of its own (tracemalloc)")
    print(f"peak resident memory of the whole run: {resident:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the benchmarks start from, built once and kept between runs (building them takes
longer than measuring): the ``large`` demo workspace (ten busy years of Burntwood: 2,600
young people, 3,100 sessions, 72,000 register ticks) and the 50 locality returns of the
example trust for one quarter (tests/returns/many_localities.py).

They are kept in ``$TRUSTDESK_BENCH_DATA``, or else in a folder of the system's temporary
folder named after TrustDesk's version and schema; ``report.py --fresh`` builds them again.
``$TRUSTDESK_BENCH_ROUNDS`` (default 5) is how many times each benchmark runs (three times
as many for those under a second); the figures are the best of them, since noise on a shared
machine only ever adds time.

This file is loaded by every test run (pytest looks into this folder), but the benchmarks
themselves, ``bench_*.py``, are collected only when asked for (report.py does)."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.benchmarks.work import AS_OF

ROUNDS = int(os.environ.get("TRUSTDESK_BENCH_ROUNDS", "5"))
# Work of a fraction of a second is run more often: on a shared machine a whole round can be
# slowed by half, and the best of five of them is not always a quiet one.
QUICK_ROUNDS = 3 * ROUNDS


def data_folder() -> Path:
    from trustdesk import __version__
    from trustdesk.store.schema import head_schema

    named = f"trustdesk-bench-{__version__}-schema{head_schema()}"
    return Path(os.environ.get("TRUSTDESK_BENCH_DATA") or Path(tempfile.gettempdir()) / named)


@pytest.fixture(scope="session")
def large_workspace() -> Path:
    """The folder of the large demo workspace (kept: benchmarks only read it, and the
    start-up's backups are pruned as in real use)."""
    from trustdesk.demo.generator import build_demo

    folder = data_folder() / "large"
    if not (folder / "ready").exists():
        shutil.rmtree(folder, ignore_errors=True)
        build_demo(
            folder, unit_code="LIC-BUR", size="large", seed=1, as_of=AS_OF, config_path=None
        ).close()
        (folder / "ready").touch()
    return folder


@pytest.fixture(scope="session")
def locality_returns() -> Path:
    """The folder holding the 50 locality returns (one quarter, one workbook each)."""
    from tests.returns.many_localities import export_localities

    folder = data_folder() / "localities"
    if not (folder / "ready").exists():
        shutil.rmtree(folder, ignore_errors=True)
        export_localities(folder)
        (folder / "ready").touch()
    return folder / "returns"


@pytest.fixture(autouse=True)
def started_heap() -> Iterator[None]:
    """Each benchmark starts from a heap like the desktop's once it has opened a workspace:
    what was made before is frozen out of the garbage collector's way (TrustDesk does the
    same, trustdesk/ui/opening.py), so that one benchmark's leftovers do not slow the next."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()

"""Start-up: from starting the process to the main window drawn, on the large demo workspace,
next to a bare PySide6 window started the same way (tests/benchmarks/startup.py).

Two moments of TrustDesk's start are timed: the window drawn ("Opening the workspace…",
while the database libraries load in a worker thread) — issue 8's target, within 2x the bare
window — and the first page of the workspace drawn in it, when the coordinator can work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks.conftest import ROUNDS
from tests.benchmarks.memory import said_peak

STARTUP = Path(__file__).with_name("startup.py")


class Starts:
    """Starts of one program, each timed to a word it prints; the process is let finish (and
    its peak memory read) before the next starts, outside the time."""

    def __init__(self, *argv: str) -> None:
        self.argv = [sys.executable, str(STARTUP), *argv]
        self.running: subprocess.Popen | None = None
        self.peak_mb = 0.0

    def start_until(self, word: str) -> None:
        self.running = subprocess.Popen(self.argv, stdout=subprocess.PIPE, text=True)
        for line in self.running.stdout:
            if line.strip() == word:
                return
        raise RuntimeError(f"{self.argv} ended without saying {word!r}")

    def finish(self) -> None:
        if self.running is not None:
            rest = self.running.stdout.read()
            self.running.stdout.close()
            if self.running.wait() != 0:
                raise RuntimeError(f"{self.argv} failed with exit status {self.running.returncode}")
            self.peak_mb = max(self.peak_mb, said_peak(rest))
            self.running = None

    def measure(self, benchmark, word: str) -> None:  # noqa: ANN001
        benchmark.pedantic(
            self.start_until, args=(word,), setup=self.finish, rounds=2 * ROUNDS, warmup_rounds=1
        )
        self.finish()
        benchmark.extra_info["peak_mb"] = self.peak_mb


@pytest.mark.benchmark(group="start-up")
def test_startup_window_drawn(benchmark, large_workspace: Path) -> None:
    benchmark.extra_info.update(measure="startup", side="trustdesk")
    Starts("trustdesk", str(large_workspace)).measure(benchmark, "painted")


@pytest.mark.benchmark(group="start-up")
def test_startup_first_page_drawn(benchmark, large_workspace: Path) -> None:
    benchmark.extra_info.update(measure="startup-page", side="trustdesk")
    Starts("trustdesk", str(large_workspace)).measure(benchmark, "shown")


@pytest.mark.benchmark(group="start-up")
def test_startup_floor_bare_window(benchmark) -> None:
    benchmark.extra_info.update(measure="startup", side="floor")
    Starts("bare").measure(benchmark, "painted")

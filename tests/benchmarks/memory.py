"""Peak resident memory of a process of its own. Each measured task runs alone in a fresh
interpreter, so its figure is its own — not the pytest process's, which has run everything
before it — and the process says it as it ends, on its last line of output.

On Linux the figure is ``VmHWM`` from /proc/self/status, the high-water mark of this
program's own memory (``ru_maxrss`` would not do: Linux carries it over from the parent
through fork and exec, so every child of a big pytest process would seem as big)."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

WORK = Path(__file__).with_name("work.py")
PREFIX = "peak resident MB: "


def own_peak_mb() -> float:
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:  # not Linux: the best there is (macOS counts bytes)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024 / (1024 if sys.platform == "darwin" else 1)
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024  # kB


def say_own_peak() -> None:
    print(f"{PREFIX}{own_peak_mb():.1f}", flush=True)


def said_peak(output: str) -> float:
    return float(
        next(line for line in output.splitlines() if line.startswith(PREFIX))[len(PREFIX) :]
    )


def task_peak_mb(task: str, *args: str) -> float:
    """Run one task of ``work.py`` in a fresh interpreter; its peak resident memory in MB."""
    done = subprocess.run(
        [sys.executable, str(WORK), task, *args], stdout=subprocess.PIPE, text=True, check=True
    )
    return said_peak(done.stdout)

"""Peak resident memory of a process of its own: what the operating system says the process
held at most (``ru_maxrss``), read as it ends. Each measured task runs alone in a fresh
interpreter, so its figure is its own — not the pytest process's, which has run everything
before it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WORK = Path(__file__).with_name("work.py")


def ended(process: subprocess.Popen) -> float:
    """Wait for the process to end; its peak resident memory in MB (it must have succeeded)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{process.args} failed with exit status {process.returncode}")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def task_peak_mb(task: str, *args: str) -> float:
    """Run one task of ``work.py`` in a fresh interpreter; its peak resident memory in MB."""
    return ended(subprocess.Popen([sys.executable, str(WORK), task, *args]))

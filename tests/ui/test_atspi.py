"""A real screen reader's view: TrustDesk runs on an Xvfb display with a private D-Bus session
and the AT-SPI bus (what Orca reads on Linux), and tests/ui/atspi_walker.py, with the
system's pyatspi, opens every page from the Go menu and walks the tree. It fails on an
interactive control with no name and on a label whose visible text no screen reader hears.

Skipped where that stack is missing (.ci/run installs it: xvfb, at-spi2-core,
python3-pyatspi, dbus). About 15 seconds a workspace.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trustdesk.store.migrate import create_workspace
from trustdesk.ui.navigation import DESTINATIONS

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

HERE = Path(__file__).parent
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = "/usr/bin/python3"


def _stack_missing() -> str | None:
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not BUS_LAUNCHER.exists():
        return "at-spi2-core is not installed"
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        return "python3-pyatspi is not installed"
    return None


MISSING = _stack_missing() if sys.platform.startswith("linux") else "AT-SPI is Linux's"
needs_the_stack = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

DRIVER = """
/usr/libexec/at-spi-bus-launcher --launch-immediately &
sleep 1
"$TD_PYTHON" "$TD_APP" "$TD_WORKSPACE" "$TD_SEEN" $TD_HIDE &
app=$!
"$TD_SYSTEM_PYTHON" "$TD_WALKER" TrustDesk "$TD_SEEN" "$@"
status=$?
kill $app
exit $status
"""


def walk(workspace: Path, level: str, tmp_path: Path, *, hide_one_label: bool = False) -> dict:
    """Start TrustDesk on ``workspace`` and walk every page of its level."""
    pages = [f"{p.key}={p.label}" for p in DESTINATIONS if level in p.levels]
    tmp_path.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "QT_ACCESSIBILITY": "1",
        "TD_PYTHON": sys.executable,
        "TD_APP": str(HERE / "atspi_app.py"),
        "TD_WALKER": str(HERE / "atspi_walker.py"),
        "TD_SYSTEM_PYTHON": SYSTEM_PYTHON,
        "TD_WORKSPACE": str(workspace),
        "TD_SEEN": str(tmp_path / "seen.json"),
        "TD_HIDE": "--hide-one-label" if hide_one_label else "",
    }
    env.pop("DISPLAY", None)
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "dbus-run-session", "--"]
        + ["sh", "-c", DRIVER, "driver", *pages],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def problems(report: dict) -> dict:
    return {page: found for page, found in report.items() if any(found.values())}


@pytest.fixture
def county(tmp_path: Path) -> Path:
    folder = tmp_path / "county"
    create_workspace(folder, "STAFFS").close()
    return folder


@needs_the_stack
def test_every_page_of_a_locality_is_heard(demo_of, tmp_path):
    folder = shutil.copytree(demo_of("small"), tmp_path / "locality")
    report = walk(folder, "locality", tmp_path)
    assert len(report) == len([p for p in DESTINATIONS if "locality" in p.levels])
    assert problems(report) == {}


@needs_the_stack
def test_every_page_of_a_district_and_of_the_county_is_heard(district_demo, county, tmp_path):
    district = shutil.copytree(district_demo, tmp_path / "district")
    assert problems(walk(district, "district", tmp_path / "d")) == {}
    assert problems(walk(county, "county", tmp_path / "c")) == {}


@needs_the_stack
def test_the_walk_fails_when_a_labels_text_is_hidden_behind_a_name(demo_of, tmp_path):
    folder = shutil.copytree(demo_of("small"), tmp_path / "locality")
    report = walk(folder, "locality", tmp_path, hide_one_label=True)
    assert "Burntwood" in report["Dashboard"]["hidden_text"]

"""An export stopped part-way (killed, a flat battery, a crash) is made again as the same
return: the files it left keep their return id, the next export carries on from them, and
nothing half written is left behind once TrustDesk starts again."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trustdesk import clock
from trustdesk.config.trust import TrustConfig, example_trust_path
from trustdesk.ops import returns as returns_ops
from trustdesk.returns import export as exporting
from trustdesk.returns.export import default_period
from trustdesk.returns.reader import read_workbook
from trustdesk.store.migrate import create_workspace, open_workspace

KILLS = 50
SEED = 22


def _ids_in(folder: Path, config: TrustConfig) -> set[str]:
    """The return ids of the workbooks in ``folder``."""
    return {read_workbook(book, config).return_id for book in folder.glob("*.xlsx")}


def _parts(*folders: Path) -> list[str]:
    return [p.name for f in folders if f.is_dir() for p in f.rglob("*") if ".part" in p.name]


def test_an_export_begun_again_keeps_its_return_id(workspace, tmp_path):
    """The first export, written but never recorded (its transaction never committed), and
    the export begun again: one return id."""
    period = default_period(clock.today())
    with workspace.session() as session:
        stopped = exporting.export_return(session, period, tmp_path / "out", formats=["xlsx"])
        session.rollback()  # stopped before the record was saved
    again = returns_ops.export_return(workspace, period, tmp_path / "out", formats=["xlsx"])
    assert again.ret.return_id == stopped.ret.return_id
    assert again.ret.revision == 2  # above the workbook left in the folder


def test_the_parts_a_stopped_export_left_are_removed_by_the_next(workspace, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    own = [".LIC-BUR_2026-27Q2_r1.xlsx.k2j4x_.part", ".LIC-BUR_2026-27Q2_r1.pdf.a8b9.part"]
    others = [".LIC-HAM_2026-27Q2_r1.xlsx.k2j4.part", "notes.part", "LIC-BUR.part"]
    for name in own + others:
        (out / name).write_bytes(b"half")
    returns_ops.export_return(workspace, default_period(clock.today()), out, formats=["xlsx"])
    assert sorted(_parts(out)) == sorted(others)


def test_opening_a_workspace_removes_what_a_stopped_trustdesk_left(folder):
    backups = folder / "backups"
    backups.mkdir()
    scratch = folder / ".trustdesk-sealing-x1y2z3"
    scratch.mkdir()
    (scratch / "copy.sqlite").write_bytes(b"a plain copy of the records")
    own = [
        folder / ".trustdesk.lock-holder.json.ab12cd.part",
        folder / ".trust.toml.ab12cd.part",
        backups / "trustdesk-2026-11-23T091500Z-manual.sqlite.part",
    ]
    mine = [folder / "notes.part", backups / "my-copy.sqlite.part"]
    for path in own + mine:
        path.write_bytes(b"half")
    with open_workspace(folder):
        pass
    assert not scratch.exists()
    assert [p.exists() for p in own] == [False] * len(own)
    assert [p.exists() for p in mine] == [True] * len(mine)


def _export(workspace: Path, out: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "trustdesk", "return", "export"]
    command += ["--workspace", str(workspace), "--out", str(out)]
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy()
    )


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_an_export_killed_anywhere_is_made_again_as_the_same_return(tmp_path, trust):
    """``trustdesk return export`` killed at 50 moments spread over an export's time (the
    seed fixed); each one left is exported again: the same return id as any workbook the
    killed one left, and nothing half written left in either folder."""
    template = tmp_path / "template"
    create_workspace(template, "LIC-BUR", config_path=example_trust_path()).close()
    started = time.monotonic()
    assert (
        _export(shutil.copytree(template, tmp_path / "timed"), tmp_path / "timed-out").wait() == 0
    )
    duration = time.monotonic() - started
    rng = random.Random(SEED)
    period = default_period(clock.today())
    left_whole = left_something = 0
    for number in range(KILLS):
        workspace = shutil.copytree(template, tmp_path / f"ws{number}")
        out = tmp_path / f"out{number}"
        running = _export(workspace, out)
        time.sleep(rng.uniform(0, duration))
        running.send_signal(signal.SIGKILL)
        running.wait()
        if not (out.is_dir() and any(out.iterdir())) and not _parts(workspace):
            continue  # killed before it wrote anything: nothing to make again
        left_something += 1
        left = _ids_in(out, trust)
        left_whole += bool(left)
        with open_workspace(workspace) as opened:
            again = returns_ops.export_return(opened, period, out, formats=["xlsx"])
        assert left <= {again.ret.return_id}, f"kill {number}: a new return id"
        assert _parts(out, workspace) == [], f"kill {number}: half-written files left"
    assert left_whole > 0  # some kills came after a workbook was written

"""One writer per workspace: a second opener is told who has it and since when, and may
open it read-only, where nothing can be saved; a holder that is killed leaves no lock
behind; a workspace marked as open on another computer is only taken over when asked."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import insert

import trustdesk
from tests.sqlite_files import every_record
from trustdesk.errors import WorkspaceError, WorkspaceLocked
from trustdesk.services.partners import create_partner, list_partners
from trustdesk.store import migrate
from trustdesk.store.lock import HOLDER_NAME, LOCK_NAME, WorkspaceLock, read_holder
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.store.models import Partner
from trustdesk.store.schema import read_schema
from trustdesk.store.workspace import Workspace

FIXTURES = Path(__file__).parents[1] / "fixtures"

HOLD = """
import sys
from pathlib import Path
from trustdesk.store.workspace import open_workspace
workspace = open_workspace(Path(sys.argv[1]))
print("open", flush=True)
sys.stdin.readline()
workspace.close()
"""


@contextmanager
def held_elsewhere(folder: Path) -> Iterator[subprocess.Popen]:
    """Another TrustDesk (a process of its own) with the workspace open until the block ends
    (or until the test kills it)."""
    root = str(Path(trustdesk.__file__).resolve().parents[1])
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": root},
    )
    stuck = threading.Timer(60, holder.kill)
    stuck.start()
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n", (
            holder.communicate()[1]
        )
        yield holder
    finally:
        stuck.cancel()
        holder.communicate("close\n" if holder.poll() is None else None, timeout=60)


def me() -> tuple[str, str]:
    import getpass

    return getpass.getuser(), socket.gethostname()


def test_a_second_opener_is_told_who_has_the_workspace_and_since_when(folder: Path):
    user, host = me()
    with held_elsewhere(folder) as holder:
        held_by = read_holder(folder)
        assert held_by is not None and held_by.pid == holder.pid
        with pytest.raises(WorkspaceLocked) as refused:
            open_workspace(folder)
    assert refused.value.message == (
        f"The workspace in {folder} is open in TrustDesk: {user} on the computer {host} "
        f"has had it open since {held_by.when}."
    )
    assert refused.value.hint == f"Close TrustDesk on {host}, or open the workspace read-only."
    assert refused.value.holder == held_by
    assert refused.value.certain
    with open_workspace(folder) as workspace:  # and once it has closed, it opens
        assert not workspace.read_only


def test_opened_read_only_it_reads_and_refuses_every_save(folder: Path):
    user, host = me()
    before = every_record(folder / "trustdesk.sqlite")
    refusal = (
        f"This workspace is open read-only because {user} on {host} has it open; nothing was saved."
    )
    with held_elsewhere(folder) as holder, open_workspace(folder, read_only=True) as workspace:
        assert workspace.read_only
        assert workspace.read_only_because == f"{user} on {host} has it open"
        assert workspace.lock_holder is not None and workspace.lock_holder.pid == holder.pid
        with workspace.session() as session:
            assert [p.name for p in list_partners(session)] == ["Burntwood Youth Service"]
        with workspace.session() as session, pytest.raises(WorkspaceError) as refused:
            create_partner(session, name="New Street Project", partner_type="vcs")
        assert str(refused.value) == refusal
        with workspace.session() as session, pytest.raises(WorkspaceError) as refused:
            session.execute(insert(Partner).values(name="Bulk", partner_type="vcs"))
            session.commit()
        assert str(refused.value) == refusal
    assert every_record(folder / "trustdesk.sqlite") == before


def test_a_killed_holder_leaves_no_lock_behind(folder: Path, caplog):
    with held_elsewhere(folder) as holder:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert read_holder(folder).pid == holder.pid  # it never closed

        with caplog.at_level(logging.WARNING), open_workspace(folder) as workspace:
            assert workspace.recovered_from is not None
            assert workspace.recovered_from.pid == holder.pid
            assert read_holder(folder).pid == os.getpid()
            with workspace.session() as session:
                assert [p.name for p in list_partners(session)] == ["Burntwood Youth Service"]
    assert f"Took over the workspace in {folder}" in caplog.text
    assert f"process {holder.pid}" in caplog.text
    assert not (folder / HOLDER_NAME).exists()  # closed properly this time


def test_the_same_process_opens_it_once_at_a_time(folder: Path):
    workspace = open_workspace(folder)
    with pytest.raises(WorkspaceLocked) as refused:
        open_workspace(folder)
    assert refused.value.message == f"The workspace in {folder} is already open in this TrustDesk."
    assert refused.value.hint == "Use the window that has it open, or close that first."
    workspace.close()
    workspace.close()  # twice is harmless
    open_workspace(folder).close()  # closed, it opens again
    assert not (folder / HOLDER_NAME).exists()


def test_a_new_workspace_is_locked_from_the_start(workspace: Workspace):
    with pytest.raises(WorkspaceLocked, match="already open in this TrustDesk"):
        open_workspace(workspace.path)
    with pytest.raises(WorkspaceLocked), WorkspaceLock(workspace.path):  # e.g. for a restore
        pass


def test_a_workspace_marked_open_on_another_computer_is_taken_over_only_when_asked(
    folder: Path, caplog
):
    (folder / HOLDER_NAME).write_text(
        json.dumps(
            {
                "user": "sam",
                "host": "OFFICE-PC",
                "pid": 4242,
                "since": "2026-11-23T09:15:00+00:00",
                "program": "TrustDesk 0.1.0",
            }
        ),
        encoding="utf-8",
    )
    when = read_holder(folder).when
    with pytest.raises(WorkspaceLocked) as refused:
        open_workspace(folder)
    assert refused.value.message == (
        f"The workspace in {folder} is marked as open by sam on the computer OFFICE-PC since "
        f"{when}, and this computer cannot tell whether it still is."
    )
    assert refused.value.hint == (
        "Close TrustDesk on OFFICE-PC, or open the workspace read-only. If TrustDesk is no "
        "longer running on OFFICE-PC (it stopped without closing the workspace), you can take "
        "the workspace over."
    )
    assert not refused.value.certain

    with open_workspace(folder, read_only=True) as looking:
        assert looking.read_only_because == "it may still be open on OFFICE-PC (sam)"
    assert read_holder(folder).host == "OFFICE-PC"  # looking changed nothing

    with caplog.at_level(logging.WARNING), open_workspace(folder, take_over=True) as workspace:
        assert workspace.recovered_from.host == "OFFICE-PC"
        assert read_holder(folder).pid == os.getpid()
    assert "sam on OFFICE-PC, process 4242" in caplog.text


def test_opened_read_only_by_choice_it_says_so(folder: Path):
    with open_workspace(folder, read_only=True) as workspace, workspace.session() as session:
        assert workspace.read_only_because == "it was opened read-only"
        assert workspace.lock_holder is None
        with pytest.raises(WorkspaceError, match="because it was opened read-only; nothing"):
            create_partner(session, name="New Street Project", partner_type="vcs")
    assert not (folder / HOLDER_NAME).exists()
    open_workspace(folder).close()  # read-only took no lock


def test_an_older_workspace_is_not_upgraded_read_only(tmp_path: Path):
    import shutil

    old = tmp_path / "old"
    shutil.copytree(FIXTURES / "schema1-workspace", old)
    with pytest.raises(WorkspaceError) as refused:
        open_workspace(old, read_only=True)
    assert refused.value.message == (
        f"The workspace in {old} was saved by an older TrustDesk and must be upgraded before "
        "this one can show it, which cannot be done read-only."
    )
    assert read_schema(old / "trustdesk.sqlite") == 1


def test_a_folder_that_cannot_be_locked_is_explained(folder: Path):
    (folder / LOCK_NAME).unlink(missing_ok=True)
    (folder / LOCK_NAME).mkdir()  # something in the way of the lock file
    with pytest.raises(WorkspaceError) as refused:
        open_workspace(folder)
    assert refused.value.message.startswith(f"TrustDesk cannot lock the workspace in {folder} (")
    assert refused.value.hint == (
        "Check that the folder exists and you can write to it, or open the workspace read-only."
    )
    open_workspace(folder, read_only=True).close()


def test_a_failed_creation_lets_go_of_the_lock(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(migrate, "upgrade", lambda db_path: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        create_workspace(tmp_path / "ws", "LIC-BUR")
    assert list((tmp_path / "ws").iterdir()) == []
    monkeypatch.undo()
    create_workspace(tmp_path / "ws", "LIC-BUR").close()


def test_the_lock_can_be_kept_while_the_database_is_rewritten(folder: Path):
    workspace = open_workspace(folder)
    lock = workspace.close_keeping_lock()  # e.g. for a restore into the closed file
    with pytest.raises(WorkspaceLocked):
        open_workspace(folder)  # nobody gets in between
    with open_workspace(folder, lock=lock) as again:
        assert again.lock is lock
    workspace.close()  # the first one has nothing left to let go of
    open_workspace(folder).close()

"""A full disk, a read-only drive or a folder the user may not write in is said as it is,
with what to do: never called damage (with a restore advised that would lose recent work),
never a traceback on the terminal. The disk's failures are injected."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import namedtuple
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from trustdesk.cli import main
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path
from trustdesk.errors import DamagedWorkspace, WorkspaceError
from trustdesk.returns import received
from trustdesk.returns.export import export_return
from trustdesk.returns.importer import import_returns
from trustdesk.store import sqlite_errors
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.store.sqlite_errors import explain_database_error

DAY = dt.date(2026, 11, 23)
Q2 = Period.parse("2026-27Q2")
Usage = namedtuple("Usage", "total used free")
pytestmark = pytest.mark.today(DAY)


def disk_with(monkeypatch, *, free: int = 10**9, read_only: bool = False) -> None:
    """The disk as TrustDesk asks it: ``free`` bytes left, mounted read-only or not."""
    monkeypatch.setattr(sqlite_errors.shutil, "disk_usage", lambda _p: Usage(10**10, 0, free))
    flags = os.ST_RDONLY if read_only else 0
    monkeypatch.setattr(sqlite_errors.os, "statvfs", lambda _p: type("S", (), {"f_flag": flags}))


def sqlite_fails(monkeypatch, message: str) -> None:
    """Every connection SQLite opens read-only (to look) fails with ``message``."""
    connect = sqlite3.connect

    def failing(target, *args, **kwargs):
        if "mode=ro" in str(target):
            raise sqlite3.OperationalError(message)
        return connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", failing)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (errno.ENOSPC, "The disk is full: TrustDesk cannot save anything in "),
        (errno.EROFS, "TrustDesk cannot write to the folder "),
    ],
)
def test_a_disk_error_escaping_is_said_as_it_is(error, words, tmp_path):
    explained = explain_database_error(OSError(error, os.strerror(error), str(tmp_path / "f")))
    assert explained is not None and explained.message.startswith(words + str(tmp_path))
    assert "Restore" not in str(explained)


def test_opening_on_a_full_disk_says_the_disk_is_full(folder, monkeypatch):
    disk_with(monkeypatch, free=6 * 1024)
    sqlite_fails(monkeypatch, "disk I/O error")
    with pytest.raises(WorkspaceError) as raised:
        open_workspace(folder)
    assert not isinstance(raised.value, DamagedWorkspace)
    assert raised.value.message == f"The disk is full: TrustDesk cannot save anything in {folder}."
    assert raised.value.hint == (
        "Free some space on that disk (empty the wastebasket, move big files elsewhere) and "
        "try again. The workspace itself is not damaged, and nothing saved before was lost."
    )


@pytest.mark.parametrize("message", ["unable to open database file", "disk I/O error"])
def test_opening_on_a_read_only_drive_says_it_is_read_only(folder, monkeypatch, message):
    disk_with(monkeypatch, read_only=True)
    sqlite_fails(monkeypatch, message)
    with pytest.raises(WorkspaceError) as raised:
        open_workspace(folder)
    assert (
        raised.value.message == f"TrustDesk cannot write to the folder {folder}: it is read-only."
    )
    assert "not damaged" in (raised.value.hint or "")


def test_a_damaged_file_on_a_sound_disk_is_still_called_damaged(folder, monkeypatch):
    disk_with(monkeypatch)
    sqlite_fails(monkeypatch, "disk I/O error")
    with pytest.raises(WorkspaceError, match="damaged"):
        open_workspace(folder)


def test_check_on_a_full_disk_advises_no_restore(folder, monkeypatch, capsys):
    disk_with(monkeypatch, free=4 * 1024)
    sqlite_fails(monkeypatch, "disk I/O error")
    code = main(["check", "--workspace", str(folder)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "restore" not in (out + err).lower()
    assert err.startswith(
        f"trustdesk: The disk is full: TrustDesk cannot save anything in {folder}"
    )


# Saving an imported return


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A locality's workbook, and an empty district to take it in."""
    root = tmp_path_factory.mktemp("disk")
    config = example_trust_path()
    with create_workspace(root / "BTC", "EST-BTC", config_path=config) as ws, ws.session() as s:
        made = export_return(
            s, Q2, root / "sent", formats=["xlsx"], now=dt.datetime(2026, 10, 10, tzinfo=dt.UTC)
        )
    create_workspace(root / "EST", "EST", config_path=config).close()
    return made.paths[0], root / "EST"


def saving_fails(monkeypatch, error: BaseException) -> None:
    def keep_contents(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(received, "keep_contents", keep_contents)


@pytest.mark.parametrize(
    ("error", "said", "hint"),
    [
        (
            OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full")),
            "is full, so the last change was not saved",
            "Free some space (or move the workspace) and try again.",
        ),
        (
            OSError(errno.EROFS, "Read-only file system"),
            "TrustDesk cannot write to the folder ",
            "check its lock switch",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "The disk is full", "Free some space"),
    ],
)
def test_an_import_that_cannot_be_saved_says_why(sent, tmp_path, monkeypatch, error, said, hint):
    book, template = sent
    district = shutil.copytree(template, tmp_path / "EST")
    saving_fails(monkeypatch, error)
    with open_workspace(district) as ws, ws.session() as session:
        (line,) = import_returns(session, [book], today=DAY).lines
    assert line.outcome == "refused"
    assert said in line.reason and hint in line.reason
    assert "trustdesk check" not in line.reason
    assert line.reason.endswith("Then import it again.")


def test_a_failed_save_prints_no_traceback(sent, tmp_path):
    """On the command line, the failure is logged to the log file, never to the terminal."""
    book, template = sent
    district = shutil.copytree(template, tmp_path / "EST")
    script = (
        "import datetime, sqlite3, sys\n"
        "from sqlalchemy.exc import OperationalError\n"
        "from trustdesk.returns import received\n"
        "def full(*a, **k):\n"
        "    raise OperationalError('INSERT', {}, sqlite3.OperationalError('database or disk is full'))\n"
        "received.keep_contents = full\n"
        "from trustdesk import clock\n"
        "from trustdesk.cli import main\n"
        f"with clock.set_to({DAY!r}):  # the test's day, whatever the machine's clock says\n"
        f"    status = main(['return', 'import', '--workspace', {str(district)!r}, {str(book)!r}])\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert "is full, so the last change was not saved" in done.stdout
    assert done.stderr == ""

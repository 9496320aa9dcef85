"""One writer per workspace: a second TrustDesk (another window, another program, another
computer on a shared folder) that opens a workspace already open is told who has it, and
since when, instead of writing over its changes.

The lock is the operating system's own lock on ``trustdesk.lock`` in the workspace folder
(the ``filelock`` library), which the system lets go of when the program holding it ends in
any way at all — closed, crashed or killed — so a crash never leaves a workspace locked.
Beside it, ``trustdesk.lock-holder.json`` says who holds it (user, computer, process, since
when, TrustDesk version), written whole or not at all; it is removed on a normal close.

A holder file found with the lock free was left by a TrustDesk that stopped without closing:
on this computer the system's lock proves it has gone, and the workspace is taken over (and
said so in the log). One left by *another* computer proves nothing — the folder may be synced
between computers, which copy files but not locks — so it is reported like a held lock, and
only taken over when the user says that TrustDesk is no longer running there.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import socket
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from filelock import FileLock, Timeout

from trustdesk import APP_NAME, __version__, clock
from trustdesk.errors import WorkspaceError, WorkspaceLocked
from trustdesk.files import write_atomically

log = logging.getLogger(__name__)

LOCK_NAME = "trustdesk.lock"
HOLDER_NAME = "trustdesk.lock-holder.json"


@dataclass(frozen=True)
class LockHolder:
    """Who has a workspace open to change it."""

    user: str  # the operating-system user
    host: str  # the computer's name
    pid: int
    since: datetime  # with the holder's time zone
    program: str  # e.g. "TrustDesk 0.1.0"

    @classmethod
    def this_process(cls) -> LockHolder:
        return cls(
            user=_os_user(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=clock.local_now().replace(microsecond=0),
            program=f"{APP_NAME} {__version__}",
        )

    @property
    def on_this_computer(self) -> bool:
        return self.host == socket.gethostname()

    @property
    def is_this_process(self) -> bool:
        return self.on_this_computer and self.pid == os.getpid()

    @property
    def when(self) -> str:
        """Since when, in this computer's time: ``23 Nov 2026 09:15``."""
        return f"{self.since.astimezone():%d %b %Y %H:%M}"

    def as_json(self) -> str:
        return json.dumps({**asdict(self), "since": self.since.isoformat()}, indent=2)

    @classmethod
    def from_json(cls, text: str) -> LockHolder:
        data = json.loads(text)
        return cls(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=datetime.fromisoformat(data["since"]),
            program=str(data.get("program", APP_NAME)),
        )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return "an unknown user"


def read_holder(folder: Path) -> LockHolder | None:
    """Who the workspace's holder file names, or None if there is none (or it is unreadable)."""
    try:
        return LockHolder.from_json((Path(folder) / HOLDER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class WorkspaceLock:
    """The writer's lock on one workspace folder. ``acquire`` takes it or raises
    :class:`WorkspaceLocked` naming who has it; ``release`` (or leaving a ``with`` block)
    gives it back. Opening a workspace takes it; so should anything else that rewrites the
    database file while no workspace is open, such as restoring a backup."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.holder: LockHolder | None = None  # this process, while it holds the lock
        self.recovered: LockHolder | None = None  # the holder a stopped TrustDesk left behind
        self._file_lock = FileLock(self.folder / LOCK_NAME, timeout=0, thread_local=False)

    @property
    def held(self) -> bool:
        return self.holder is not None

    def acquire(self, *, take_over: bool = False) -> None:
        """Take the lock, or raise :class:`WorkspaceLocked`. ``take_over``: also when the
        workspace is marked as open on another computer (see :attr:`WorkspaceLocked.certain`)."""
        if self.held:
            return
        if not self._take_system_lock():
            raise self._refusal(read_holder(self.folder), certain=True)
        try:
            left = read_holder(self.folder)
            if left is not None and not left.on_this_computer and not take_over:
                raise self._refusal(left, certain=False)
            if left is not None or (self.folder / HOLDER_NAME).exists():
                self.recovered = left
                log.warning(
                    "Took over the workspace in %s: %s left it marked as open when it stopped "
                    "without closing it; SQLite recovers what it had saved.",
                    self.folder,
                    f"{left.program} ({left.user} on {left.host}, process {left.pid}, "
                    f"open since {left.since.isoformat()})"
                    if left
                    else "a TrustDesk",
                )
            holder = LockHolder.this_process()

            def write(file: BinaryIO) -> None:
                file.write(holder.as_json().encode())

            write_atomically(self.folder / HOLDER_NAME, write)
            self.holder = holder
        except BaseException:
            self._file_lock.release()
            raise

    def release(self) -> None:
        """Give the lock back (nothing happens if it is not held)."""
        if self.holder is None:
            return
        try:
            if read_holder(self.folder) == self.holder:  # not one written by a take-over
                (self.folder / HOLDER_NAME).unlink(missing_ok=True)
        except OSError as exc:  # the lock itself still goes; a stale file is recovered later
            log.warning("Could not remove %s: %s", self.folder / HOLDER_NAME, exc)
        finally:
            self.holder = None
            self._file_lock.release()

    def who_has_it(self) -> WorkspaceLocked | None:
        """What :meth:`acquire` would refuse with, without taking the lock or changing any
        file; None if the workspace is free (or cannot be locked here at all)."""
        try:
            if not self._take_system_lock():
                return self._refusal(read_holder(self.folder), certain=True)
        except WorkspaceError:
            return None
        self._file_lock.release()
        left = read_holder(self.folder)
        if left is not None and not left.on_this_computer:
            return self._refusal(left, certain=False)
        return None

    def __enter__(self) -> WorkspaceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _take_system_lock(self) -> bool:
        try:
            self._file_lock.acquire()
        except Timeout:
            return False
        except OSError as exc:
            raise WorkspaceError(
                f"TrustDesk cannot lock the workspace in {self.folder} ({exc.strerror or exc}), "
                "so it cannot make sure no other TrustDesk changes it at the same time.",
                hint="Check that the folder exists and you can write to it, or open the "
                "workspace read-only.",
            ) from None
        return True

    def _refusal(self, holder: LockHolder | None, *, certain: bool) -> WorkspaceLocked:
        place = f"The workspace in {self.folder}"
        if holder is None:
            return WorkspaceLocked(
                f"{place} is open in another TrustDesk.",
                hint="Close the other TrustDesk window, then try again — or open the workspace "
                "read-only.",
                because="another TrustDesk has it open",
            )
        if holder.is_this_process and certain:
            return WorkspaceLocked(
                f"{place} is already open in this TrustDesk.",
                hint="Use the window that has it open, or close that first.",
                because="this TrustDesk already has it open",
                holder=holder,
            )
        who = f"{holder.user} on the computer {holder.host}"
        if certain:
            return WorkspaceLocked(
                f"{place} is open in TrustDesk: {who} has had it open since {holder.when}.",
                hint=f"Close TrustDesk on {holder.host}, or open the workspace read-only.",
                because=f"{holder.user} on {holder.host} has it open",
                holder=holder,
            )
        return WorkspaceLocked(
            f"{place} is marked as open by {who} since {holder.when}, and this computer cannot "
            "tell whether it still is.",
            hint=f"Close TrustDesk on {holder.host}, or open the workspace read-only. If "
            f"TrustDesk is no longer running on {holder.host} (it stopped without closing the "
            "workspace), you can take the workspace over.",
            because=f"it may still be open on {holder.host} ({holder.user})",
            holder=holder,
            certain=False,
        )

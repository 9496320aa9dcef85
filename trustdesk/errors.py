"""The two kinds of error TrustDesk knows.

A :class:`UserError` is something the person at the keyboard can act on: a wrong value,
a broken configuration file, a workspace that is missing, locked or too new. It carries a
plain message (and, where useful, what to do about it) and is shown as it is, never as a
traceback. Anything else that escapes is a bug and goes to the global handler.
"""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A problem the user can understand and fix; ``str()`` is the message to show."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class ValidationError(UserError):
    """A value given for a record is not acceptable.

    ``field`` names the field in the record's own words so a form can show the message
    next to the right control.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.problem = message


class ConfigError(UserError):
    """The trust configuration file cannot be used."""


class WorkspaceError(UserError):
    """A workspace cannot be opened or created as asked."""


class DamagedWorkspace(WorkspaceError):
    """SQLite's check found damage in a workspace's database; ``backup`` is the newest
    backup that passes its check, if there is one."""

    def __init__(self, message: str, *, hint: str = "", backup: Path | None = None) -> None:
        super().__init__(message, hint=hint)
        self.backup = backup


class RecordNotFound(UserError):
    """A record asked for by id does not exist (it may have been deleted)."""


class WorkspaceLocked(WorkspaceError):
    """Another TrustDesk has the workspace open to change it (only one may at a time).

    ``holder`` is who (a :class:`trustdesk.store.lock.LockHolder`: user, computer, since when),
    if known; ``because`` says it in a few words, for a window opened read-only instead.
    ``certain`` is False when the workspace is only marked as open on another computer, where
    TrustDesk may have stopped without closing it: the user may then take it over."""

    def __init__(
        self,
        message: str,
        *,
        hint: str,
        because: str,
        holder: object | None = None,
        certain: bool = True,
    ) -> None:
        super().__init__(message, hint=hint)
        self.because = because
        self.holder = holder
        self.certain = certain

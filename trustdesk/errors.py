"""The two kinds of error TrustDesk knows.

A :class:`UserError` is something the person at the keyboard can act on: a wrong value,
a broken configuration file, a workspace that is missing, locked or too new. It carries a
plain message (and, where useful, what to do about it) and is shown as it is, never as a
traceback. Anything else that escapes is a bug and goes to the global handler.
"""

from __future__ import annotations

from pathlib import Path

from trustdesk import field_labels


class UserError(Exception):
    """A problem the user can understand and fix; ``str()`` is the message to show."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class Cancelled(UserError):
    """A long task (an export, an import, a backup…) stopped because Cancel was pressed.
    Every task raises this (or a subclass) when it stops, never a flag; the message says
    what was left undone, and the window shows it as a result, not as an error."""


class ValidationError(UserError):
    """A value given for a record is not acceptable.

    ``field`` is the field's name in the record (the model attribute or the service's
    keyword, ``"first_name"``), by which a form finds the control to show ``problem``
    under; the message reads "First name: is required.", the words from the one table of
    labels (:mod:`trustdesk.field_labels`) unless ``label`` gives others for this one
    message (e.g. one cell of a grid: "Headcount 11-15/female").
    """

    def __init__(self, field: str, problem: str, *, label: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.label = label or field_labels.label(field)
        super().__init__(f"{self.label}: {problem}")


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

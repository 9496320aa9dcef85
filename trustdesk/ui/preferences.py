"""What the desktop remembers between runs, per computer user (QSettings: the registry on
Windows, a .conf file elsewhere): the window's size and place, the page used last and the
folder returns are saved in, the workspaces opened lately. Nothing here is a record; losing
it loses no work."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from trustdesk import APP_NAME

GEOMETRY_KEY = "mainWindow/geometry"
PAGE_KEY = "mainWindow/page"
REOPEN_PAGE_KEY = "mainWindow/reopenLastPage"
FOLDER_KEY = "returns/exportFolder"
BACKUP_FOLDER_KEY = "backups/folder"


def settings() -> QSettings:
    """The format is QSettings' default so that tests can point it at a temporary folder."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def window_geometry() -> QByteArray | None:
    value = settings().value(GEOMETRY_KEY)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_window_geometry(geometry: QByteArray) -> None:
    settings().setValue(GEOMETRY_KEY, geometry)


def reopen_last_page() -> bool:
    """Start on the page used last (the default) rather than on the Dashboard."""
    return settings().value(REOPEN_PAGE_KEY, True, type=bool)


def set_reopen_last_page(reopen: bool) -> None:
    settings().setValue(REOPEN_PAGE_KEY, reopen)


def last_page() -> str | None:
    value = settings().value(PAGE_KEY)
    return str(value) if value else None


def set_last_page(key: str) -> None:
    settings().setValue(PAGE_KEY, key)


def documents_folder() -> Path:
    """The user's Documents folder (it may not exist: a new account, a redirected folder)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def _workspace_folder_key(workspace: Path) -> str:
    """A QSettings key for one workspace's folder: a digest of its path, since a path's
    slashes and backslashes mean groups and escapes to QSettings."""
    try:
        where = str(workspace.resolve())
    except OSError:
        where = str(workspace.absolute())
    return f"{FOLDER_KEY}s/{hashlib.sha1(where.encode()).hexdigest()[:20]}"


def returns_folder(workspace: Path | None = None) -> str:
    """Where returns are saved. For a workspace (its folder): the folder its returns were
    saved in last, kept per workspace so that two units' returns never mix; else the one
    set in Settings, else Documents if it exists, else the workspace's own folder (which
    does: a default is never a folder that is not there). Without a workspace: the one set
    in Settings, else Documents."""
    store = settings()
    if workspace is not None:
        value = store.value(_workspace_folder_key(workspace))
        if value:
            return str(value)
    value = store.value(FOLDER_KEY)
    if value:
        return str(value)
    documents = documents_folder()
    if workspace is None or documents.is_dir():
        return str(documents)
    return str(workspace)


def set_returns_folder(folder: Path, workspace: Path | None = None) -> None:
    """Remember the folder for one workspace's returns (or, without one, as the default
    that Settings sets for workspaces that have no folder of their own yet)."""
    key = FOLDER_KEY if workspace is None else _workspace_folder_key(workspace)
    settings().setValue(key, str(folder))


def splitter_state(page: str) -> QByteArray | None:
    """How a page's list and form were last shared out (the splitter between them)."""
    value = settings().value(f"pages/{page}/splitter")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_splitter_state(page: str, state: QByteArray) -> None:
    settings().setValue(f"pages/{page}/splitter", state)


def backup_folder() -> str | None:
    """The folder File > Back up to… used last (a USB stick, say)."""
    value = settings().value(BACKUP_FOLDER_KEY)
    return str(value) if value else None


def set_backup_folder(folder: Path) -> None:
    settings().setValue(BACKUP_FOLDER_KEY, str(folder))


# ----- workspaces opened lately (File > Open recent) and the one to open at start ----------

RECENT_KEY = "workspaces/recent"
START_KEY = "workspaces/openAtStart"
RECENT_MAX = 8


@dataclass(frozen=True)
class RecentWorkspace:
    """A workspace opened lately: its folder and the unit it belongs to, by name and code."""

    folder: Path
    unit_name: str
    unit_code: str = ""

    @property
    def label(self) -> str:
        """``Burntwood — C:\\Users\\sam\\TrustDesk``, as File > Open recent lists it."""
        return f"{self.unit_name} \u2014 {self.folder}"


def recent_workspaces() -> list[RecentWorkspace]:
    """Most recent first, at most :data:`RECENT_MAX`; an unreadable list is an empty one."""
    raw = settings().value(RECENT_KEY)
    try:
        entries = json.loads(str(raw)) if raw else []
        return [
            RecentWorkspace(Path(e["folder"]), str(e["unit_name"]), str(e.get("unit_code", "")))
            for e in entries
            if isinstance(e, dict) and e.get("folder")
        ][:RECENT_MAX]
    except (ValueError, KeyError, TypeError):
        return []


def _save_recent(entries: list[RecentWorkspace]) -> None:
    data = [
        {"folder": str(e.folder), "unit_name": e.unit_name, "unit_code": e.unit_code}
        for e in entries[:RECENT_MAX]
    ]
    settings().setValue(RECENT_KEY, json.dumps(data))


def remember_workspace(folder: Path, unit_name: str, unit_code: str = "") -> None:
    """Put a workspace just opened at the top of the recent list, and open it at next start."""
    folder = Path(folder)
    kept = [e for e in recent_workspaces() if e.folder != folder]
    _save_recent([RecentWorkspace(folder, unit_name, unit_code), *kept])
    settings().setValue(START_KEY, str(folder))


def forget_workspace(folder: Path) -> None:
    """Take a workspace off the recent list (its folder has gone)."""
    _save_recent([e for e in recent_workspaces() if e.folder != Path(folder)])


def clear_recent_workspaces() -> None:
    settings().remove(RECENT_KEY)


def workspace_at_start() -> Path | None | bool:
    """The workspace to open when TrustDesk starts: the one open when it was last closed;
    False if the user closed it (then the welcome page), None if never said (then the
    workspace in the data folder, if there is one)."""
    value = settings().value(START_KEY)
    if value is None:
        return None
    return Path(str(value)) if str(value) else False


def open_nothing_at_start() -> None:
    """The user closed the workspace: the next start shows the welcome page."""
    settings().setValue(START_KEY, "")

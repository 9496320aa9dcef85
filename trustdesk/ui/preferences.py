"""What the desktop remembers between runs, per computer user (QSettings: the registry on
Windows, a .conf file elsewhere): the window's size and place, the page used last and the
folder returns are saved in. Nothing here is a record; losing it loses no work."""

from __future__ import annotations

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


def returns_folder() -> str:
    """Where returns are saved: the folder used last, else the user's Documents folder."""
    value = settings().value(FOLDER_KEY)
    if value:
        return str(value)
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def set_returns_folder(folder: Path) -> None:
    settings().setValue(FOLDER_KEY, str(folder))


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

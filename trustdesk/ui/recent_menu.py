"""File > Open recent: "<unit> — <folder>", most recent first; a folder that has gone is
shown greyed out, and the list can be cleared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu

from trustdesk.ui import preferences


def fill(menu: QMenu, open_recent: Callable[[Path], object], clear: Callable[[], object]) -> None:
    menu.clear()
    recent = preferences.recent_workspaces()
    for entry in recent:
        action = menu.addAction(entry.label.replace("&", "&&"))
        exists = (entry.folder / "trustdesk.sqlite").is_file()
        action.setEnabled(exists)
        action.setStatusTip(str(entry.folder) if exists else f"Not found: {entry.folder}")
        action.triggered.connect(lambda _=False, f=entry.folder: open_recent(f))
    if recent:
        menu.addSeparator()
        menu.addAction("Clear the list").triggered.connect(clear)
    else:
        menu.addAction("No workspaces opened yet").setEnabled(False)

"""The Returns page's list of earlier exports: period, revision, when and the file, the
revisions replaced by a later one greyed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from trustdesk.ops.returns import ExportEntry

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_time(moment: dt.datetime | None) -> str:
    """When an export was made, in the computer's time (stored in UTC)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return f"{moment.astimezone():%d %b %Y %H:%M}"


def prepare_history(view: QTreeWidget) -> None:
    header = view.header()
    for column in range(3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    view.headerItem().setTextAlignment(1, RIGHT)


def show_history(view: QTreeWidget, exports: list[ExportEntry]) -> None:
    view.clear()
    for entry in exports:
        item = QTreeWidgetItem(
            [entry.period, str(entry.revision), local_time(entry.made_at), entry.file_name]
        )
        item.setTextAlignment(1, RIGHT)
        note = "" if entry.is_current else " (replaced by a later revision)"
        item.setToolTip(3, entry.file_name + note)
        if not entry.is_current:
            for column in range(4):
                item.setForeground(column, view.palette().placeholderText())
        view.addTopLevelItem(item)
    if not exports:
        empty = QTreeWidgetItem(["", "", "", "Nothing exported yet"])
        empty.setFlags(Qt.ItemFlag.NoItemFlags)
        view.addTopLevelItem(empty)


def shown_history(view: QTreeWidget) -> list[tuple[str, int, str]]:
    """(period, revision, file name) of each earlier export shown, newest first."""
    rows = []
    for row in range(view.topLevelItemCount()):
        item = view.topLevelItem(row)
        if item.text(1):
            rows.append((item.text(0), int(item.text(1)), item.text(3)))
    return rows

"""Saying something to a screen reader without moving the focus.

A problem found on Save, or "Deleted … Undo with Ctrl+Z" in the status bar, appears where
the eye looks but where the focus is not, so a screen reader would not read it. Qt 6.8 added
an announcement event for this (AT-SPI's "announcement" signal, UIA's notification event); on
an older Qt the widget that shows the words says its name changed, which Orca reads out when
the widget is on screen. Every announcement goes through :func:`announce`, so the tests can
catch them there.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleStateChangeEvent
from PySide6.QtWidgets import QTableView, QWidget

# Qt 6.8 and later; TrustDesk runs on 6.6 too (pyproject.toml).
ANNOUNCEMENT = getattr(QtGui, "QAccessibleAnnouncementEvent", None)


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say ``text``, shown in (or about) ``widget``: at once, cutting
    short what it was saying, when ``assertive`` (a problem that stopped a save); else when
    it has finished (a status message)."""
    if not text:
        return
    if ANNOUNCEMENT is not None:
        event = ANNOUNCEMENT(widget, text)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    else:
        event = QAccessibleEvent(widget, QAccessible.Event.NameChanged)
    QAccessible.updateAccessibility(event)


def cell_checked(view: QTableView, row: int, column: int, said: str) -> None:
    """A tick box in a table was ticked or unticked (by Space, a click or a search): send the
    state change a screen reader speaks for that cell, and say ``said`` ("Olivia Morgan
    ticked"), which is also what is heard when the tick came from elsewhere (the name box)."""
    changed = QAccessible.State()
    changed.checked = True
    event = QAccessibleStateChangeEvent(view, changed)
    event.setChild(_cell_index(view, row, column))
    QAccessible.updateAccessibility(event)  # Qt drops it when no screen reader listens
    announce(view, said)


def _cell_index(view: QTableView, row: int, column: int) -> int:
    """The cell's child index in Qt's accessible table (QAccessibleTable::child): the header
    row and the row-header column, when shown, come first. (PySide6 does not bind
    QAccessibleInterface.tableInterface(), which would say it.)"""
    header_row = 0 if view.horizontalHeader().isHidden() else 1
    header_column = 0 if view.verticalHeader().isHidden() else 1
    columns = view.model().columnCount() + header_column
    return (row + header_row) * columns + column + header_column

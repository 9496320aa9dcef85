"""The Returns in page's grid: units (rows) by quarters (columns), each cell a unit's return
for a quarter, its status in words on the status's colour and, under it, how it stands
against the unit's targets in their colours; and the words the page uses for a cell, a date,
a return's sending and a quarter's summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from trustdesk.config.periods import Period
from trustdesk.returns import made_how
from trustdesk.returns.benchmarks import COLOURS, MET, NOT_MET, NOT_YET
from trustdesk.returns.completeness import STATUSES, Cell, Grid
from trustdesk.returns.targets import Standing, tally
from trustdesk.words import counted

# What a status means, for the legend's tooltips and the chosen return.
STATUS_MEANING = {
    "accepted": "Accepted: reviewed, and its figures go into the consolidation as they are.",
    "queried": "Queried: reviewed, with a note of what the coordinator should look at.",
    "on time": "On time: in by the due date, not reviewed yet.",
    "late": "Late: came in after the due date, not reviewed yet.",
    "missing": "Missing: not received, and the due date has passed.",
    "not due yet": "Not due yet: not received, and the due date has not come.",
}
# Background and text colour of each status (the words say it too: colour is never the only
# cue). Both are set, so that a dark system theme never puts light text on these.
STATUS_COLOURS = {
    "accepted": ("#d7f0dd", "#14532d"),
    "queried": ("#ece1f7", "#4a1d6b"),
    "on time": ("#dcebfb", "#1e3a8a"),
    "late": ("#ffe3c7", "#7c2d12"),
    "missing": ("#fbd5d5", "#8b1a1a"),
    "not due yet": ("#eef1f4", "#3e4c59"),
}
CHOSEN_FRAME = "#16425b"  # the sidebar's blue


def chip_style(status: str) -> str:
    """A label on the status's colours (both set, so a dark theme cannot hide the text)."""
    background, colour = STATUS_COLOURS[status]
    return _chip(background, colour)


def verdict_chip_style(verdict: str) -> str:
    """A label on a verdict's colours ("Met", "Not met", "Not met yet"), as the returns
    print them."""
    ink, fill = COLOURS[verdict]
    return _chip(fill, ink)


def _chip(background: str, colour: str) -> str:
    return (
        f"QLabel {{ background: {background}; color: {colour}; padding: 2px 6px; "
        "border-radius: 3px; }"
    )


def day(value: dt.date) -> str:
    return f"{value:%d %b %Y}"


def cell_text(cell: Cell) -> str:
    """What a grid cell says: "Accepted", "Late (r2)", "Missing"; a return reviewed keeps
    its late mark: "Accepted \u00b7 late"."""
    words = cell.status.capitalize()
    if cell.days_late and cell.status in ("accepted", "queried"):
        words += " \u00b7 late"
    if cell.revision and cell.revision > 1:
        words += f" (r{cell.revision})"
    if cell.made_how:
        words += " \u00b7 by hand"
    return words


def made_how_words(cell: Cell, here: str) -> str:
    """ "Filled in by hand: …" for a return not made by the unit's TrustDesk, or ""."""
    words = made_how.words(cell.made_how, cell.unit.level)
    if cell.made_how == made_how.FILLED_IN:
        made = "a blank return workbook the group typed its figures into"
    elif cell.made_how == made_how.ENTERED:
        made = f"its figures were keyed in by {here} on {cell.unit.name}'s behalf"
    else:
        return ""
    return (
        f"{words.capitalize()}: {made}, not counted by TrustDesk from its records. The "
        f"consolidated return counts it, and says it was {words}."
    )


def cell_description(cell: Cell, today: dt.date) -> str:
    """A cell in a sentence, for its tooltip and a screen reader."""
    where = f"{cell.unit.name}, {cell.period.label}"
    if not cell.in_hand:
        if cell.status == "missing":
            late = (today - cell.due).days
            return f"{where}: missing; it was due on {day(cell.due)}, {counted(late, 'day')} ago."
        return f"{where}: not due yet; it is due on {day(cell.due)}."
    words = f"{where}: {cell.status.capitalize().lower()}, revision {cell.revision}"
    if cell.days_late and cell.status in ("accepted", "queried"):
        words += f", late by {counted(cell.days_late, 'day')}"
    if cell.sent_on:
        words += f", first sent {day(cell.sent_on)} (due {day(cell.due)})"
    if cell.edited:
        words += "; edited after export"
    if cell.made_how:
        words += f"; {made_how.words(cell.made_how, cell.unit.level)}"
    if cell.note:
        words += f". Note: {cell.note}"
    return words + "."


def targets_verdict(found: list[Standing]) -> str:
    """The colour a cell's targets line takes: met if all are, not met if any is not."""
    verdicts = {s.verdict for s in found}
    if NOT_MET in verdicts:
        return NOT_MET
    return NOT_YET if NOT_YET in verdicts else MET


def targets_description(found: list[Standing]) -> str:
    """ "2 of 3 targets met: Sessions: 78 against at least 70 (Q1 2026-27): met. …" """
    return f"{tally(found)}: " + " ".join(s.in_words for s in found) if found else ""


def sent_words(cell: Cell) -> str:
    """ "01 Nov 2026, 17 days after the due date (15 Oct 2026)"."""
    if cell.sent_on is None:
        return ""
    days = (cell.sent_on - cell.due).days
    if days > 0:
        return f"{day(cell.sent_on)}, {counted(days, 'day')} after the due date ({day(cell.due)})"
    return f"{day(cell.sent_on)}, on time (due {day(cell.due)})"


def period_summary(
    grid: Grid, period: Period, targets: dict[tuple[str, Period], list[Standing]] | None = None
) -> str:
    """ "Q2 2026-27 (Jul–Sep 2026), due 15 Oct 2026: 3 of 6 in (1 accepted, 1 queried,
    1 late); 3 missing. Against their targets: 4 of 6 met." (all the targets of the returns
    in, which the grid says return by return)."""
    cells = grid.column(period)
    if not cells:
        return f"{period.label}: no unit reports here."
    counts = {status: grid.count(period, status) for status in STATUSES}
    received = [f"{counts[s]} {s}" for s in ("accepted", "queried", "on time", "late") if counts[s]]
    in_hand = sum(c.in_hand for c in cells)
    text = f"{period.label}, due {day(cells[0].due)}: {in_hand} of {len(cells)} in"
    if received:
        text += f" ({', '.join(received)})"
    rest = [f"{counts[s]} {s}" for s in ("missing", "not due yet") if counts[s]]
    text += f"; {', '.join(rest)}." if rest else "."
    found = [s for c in cells for s in (targets or {}).get((c.unit.code, period), [])]
    return text + (f" Against their targets: {tally(found, noun='')}." if found else "")


# The grid ------------------------------------------------------------------------------------


_ROOT = QModelIndex()
# A cell's targets line and the verdict that colours it, for the delegate.
TARGETS_ROLE = Qt.ItemDataRole.UserRole + 1


class GridModel(QAbstractTableModel):
    """Units (rows) by quarters (columns, newest first); each cell a unit's return for a
    quarter, its status in words on the status's colour, a warning sign if it was edited
    after export."""

    def __init__(self, parent: QWidget, today: Callable[[], dt.date]) -> None:
        super().__init__(parent)
        self.grid: Grid | None = None
        self.targets: dict[tuple[str, Period], list[Standing]] = {}
        self.today = today
        self.edited_icon: QIcon = parent.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )

    def set_grid(
        self, grid: Grid, targets: dict[tuple[str, Period], list[Standing]] | None = None
    ) -> None:
        self.beginResetModel()
        self.grid = grid
        self.targets = targets or {}
        self.endResetModel()

    def targets_of(self, cell: Cell) -> list[Standing]:
        """How the cell's return stands against its unit's targets (none for a cell with no
        return, or a return with none it can be measured on)."""
        return self.targets.get((cell.unit.code, cell.period), []) if cell.in_hand else []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.units)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.periods)

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> Cell | None:
        if self.grid is None or not index.isValid():
            return None
        unit = self.grid.units[index.row()]
        return self.grid.cell(unit.code, self.grid.periods[index.column()])

    def index_of(self, unit_code: str, period: Period) -> QModelIndex:
        if self.grid is None:
            return QModelIndex()
        rows = [u.code for u in self.grid.units]
        if unit_code not in rows or period not in self.grid.periods:
            return QModelIndex()
        return self.index(rows.index(unit_code), self.grid.periods.index(period))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            targets = targets_description(self.targets_of(cell))
            return cell_description(cell, self.today()) + (f" {targets}" if targets else "")
        if role == TARGETS_ROLE:
            found = self.targets_of(cell)
            return (tally(found, noun=""), targets_verdict(found)) if found else None
        if role == Qt.ItemDataRole.TextAlignmentRole and self.targets:
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS[cell.status][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS[cell.status][1])
        if role == Qt.ItemDataRole.DecorationRole and cell.edited:
            return self.edited_icon
        if role == Qt.ItemDataRole.FontRole and cell.status in ("missing", "late"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            period = self.grid.periods[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return period.label.replace(" (", "\n").rstrip(")")  # "Q2 2026-27\nJul–Sep 2026"
            if role == Qt.ItemDataRole.ToolTipRole:
                due = self.grid.column(period)[0].due if self.grid.units else None
                return period.label + (f", due {day(due)}" if due else "")
            return None
        unit = self.grid.units[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return unit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{unit.name} ({unit.code})"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class StatusDelegate(QStyledItemDelegate):
    """A cell keeps its status colour when chosen; a dark frame shows which one is. Under
    the status, how the return stands against its targets, on the verdict's colours."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        chosen = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, plain, index)
        targets = index.data(TARGETS_ROLE)
        if targets:
            words, verdict = targets
            ink, fill = COLOURS[verdict]
            metrics = option.fontMetrics
            width = metrics.horizontalAdvance(words) + metrics.averageCharWidth() * 2
            height = metrics.height() + 2
            rect = option.rect
            chip = QRect(
                rect.center().x() - width // 2, rect.bottom() - height - 4, width, height
            ).intersected(rect.adjusted(3, 0, -3, 0))
            painter.save()
            painter.fillRect(chip, QColor(fill))
            painter.setPen(QColor(ink))
            painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), words)
            painter.restore()
        if chosen:
            painter.save()
            painter.setPen(QPen(QColor(CHOSEN_FRAME), 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()

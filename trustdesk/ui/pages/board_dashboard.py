"""The Dashboard of a district or county: its board's own work beside its units' returns.

At the top, how the board is doing as a partnership: when it last met and when it must meet
again (the trust's interval, two months unless it says otherwise), the statutory partner
types that came to none of its last meetings, partner attendance at them, and its open and
overdue actions. Below, the returns of the quarter that ended last, unit by unit, in the
colours and words of Returns in. Counted off the UI thread like the locality's Dashboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trustdesk.returns import numbers
from trustdesk.returns.board_health import (
    BoardOverview,
    board_overview,
    meeting_words,
    missing_words,
)
from trustdesk.returns.tables import LEVEL_WORDS
from trustdesk.returns.targets import tally
from trustdesk.ui.pages.dashboard import ScrollingDashboard
from trustdesk.ui.pages.returns.figures import TableModel, fit_height, prepare_table_view
from trustdesk.ui.pages.returns.received_model import (
    STATUS_MEANING,
    chip_style,
    targets_description,
    targets_verdict,
    verdict_chip_style,
)

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

WARNING = "QLabel { color: #8b1a1a; font-weight: bold; }"


class BoardDashboardPage(ScrollingDashboard):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.overview: BoardOverview | None = None
        self._build()

    def _build(self) -> None:
        layout, top, gap = self.build_frame()
        content = self.content
        layout.addLayout(top)

        board = QGroupBox("The board", content)
        board.setObjectName("boardBox")
        lines = QVBoxLayout(board)
        self.meeting = self._line(board, "boardMeeting", lines)
        self.missing = self._line(board, "boardMissing", lines)
        self.attendance = self._line(board, "boardAttendance", lines)
        self.actions = self._line(board, "boardActions", lines)
        hint = QLabel(
            "Record the board's meetings, who came and the actions agreed on the Meetings "
            "and actions page; its partners on Partners.",
            board,
        )
        hint.setWordWrap(True)
        lines.addWidget(hint)
        layout.addWidget(board)

        self.targets_box = QGroupBox("Targets", content)
        self.targets_box.setObjectName("targetsBox")
        targets = QVBoxLayout(self.targets_box)
        self.targets_model = TableModel(self.targets_box)
        self.targets_view = QTableView(self.targets_box)
        self.targets_view.setAccessibleName("The board's return against its targets")
        self.targets_view.setTabKeyNavigation(False)
        prepare_table_view(self.targets_view, self.targets_model)
        targets.addWidget(self.targets_view)
        self.targets_note = QLabel(self.targets_box)
        self.targets_note.setObjectName("chartNote")
        self.targets_note.setWordWrap(True)
        targets.addWidget(self.targets_note)
        layout.addWidget(self.targets_box)

        self.returns_box = QGroupBox("Returns", content)
        self.returns_box.setObjectName("returnsBox")
        self.returns_grid = QGridLayout(self.returns_box)
        self.returns_grid.setHorizontalSpacing(gap)
        layout.addWidget(self.returns_box)
        layout.addStretch(1)

    def _line(self, parent: QWidget, name: str, layout: QVBoxLayout) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a screen reader reaches each line
        layout.addWidget(label)
        return label

    # Counting

    def refresh(self) -> None:
        self.count(board_overview, today=self.today())

    def show_counted(self, result: BoardOverview) -> None:
        self.overview = result
        health = result.health
        unit = self.workspace.unit
        self.heading.setText(
            f"{unit.name}: the board and its returns, {health.day.day} {health.day:%B %Y}"
        )
        self.meeting.setText(meeting_words(health))
        self.meeting.setStyleSheet(WARNING if health.meeting_due else "")
        self.missing.setText(
            f"Missing partners: {missing_words(health)}"
            if health.missing
            else f"Every statutory partner type came to {_last(health.meetings_looked_at, 'at least one of ')}."
            if health.meetings_looked_at
            else "Missing partners: none can be judged until the board has met."
        )
        self.missing.setStyleSheet(WARNING if health.missing else "")
        rate = health.attendance
        self.attendance.setText(
            f"Partner attendance at {_last(health.meetings_looked_at)}: "
            f"{numbers.figure('rate', rate)} ({health.present} of {health.places} places)"
            if rate is not None
            else "Partner attendance: no partners expected at a board meeting yet."
        )
        self.actions.setText(
            f"Actions: {health.open_actions} open, {health.overdue_actions} of them overdue."
        )
        self.actions.setStyleSheet(WARNING if health.overdue_actions else "")
        self._show_targets(result, unit.name)
        self._show_returns(result, unit.level)

    def _show_targets(self, result: BoardOverview, name: str) -> None:
        table = result.targets
        self.targets_box.setVisible(table is not None)
        if table is None:
            return
        self.targets_box.setTitle(f"{name}'s return for {result.period.label}: its targets")
        self.targets_model.set_table(table)
        fit_height(self.targets_view)
        self.targets_note.setText(table.note)

    def _show_returns(self, result: BoardOverview, level: str) -> None:
        while self.returns_grid.count():
            item = self.returns_grid.takeAt(0)
            if widget := item.widget():
                widget.deleteLater()
        units = LEVEL_WORDS[level][1]
        cells = result.returns
        due = cells[0].due if cells else None
        self.returns_box.setTitle(
            f"The {units}' returns for {result.period.label}"
            + (f", due {due:%d %b %Y}" if due else "")
        )
        for row, cell in enumerate(cells):
            name = QLabel(cell.unit.name, self.returns_box)
            status = QLabel(cell.status.capitalize(), self.returns_box)
            status.setStyleSheet(chip_style(cell.status))
            status.setToolTip(STATUS_MEANING[cell.status])
            more = QLabel(
                f"revision {cell.revision}"
                + (f", {cell.days_late} days late" if cell.days_late else "")
                if cell.revision
                else "",
                self.returns_box,
            )
            self.returns_grid.addWidget(name, row, 0)
            self.returns_grid.addWidget(status, row, 1, Qt.AlignmentFlag.AlignLeft)
            self.returns_grid.addWidget(more, row, 2)
            found = result.unit_targets.get(cell.unit.code) if cell.in_hand else None
            if found:
                chip = QLabel(f"Targets: {tally(found, noun='')}", self.returns_box)
                chip.setStyleSheet(verdict_chip_style(targets_verdict(found)))
                chip.setToolTip(targets_description(found))
                self.returns_grid.addWidget(chip, row, 3, Qt.AlignmentFlag.AlignLeft)
        self.returns_grid.setColumnStretch(3, 1)


def _last(meetings: int, one_of: str = "") -> str:
    """ "the last board meeting", or "(one_of)the last 3 board meetings"."""
    return (
        "the last board meeting" if meetings == 1 else f"{one_of}the last {meetings} board meetings"
    )

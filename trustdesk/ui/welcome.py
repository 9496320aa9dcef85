"""The page the window shows when no workspace is open: what a workspace is, in words, and
three big ways on — create the workspace for my group, open one, or try TrustDesk on example
records — with the workspaces opened lately below them.

Only Qt and the preferences here: the window draws this page before the database libraries
have been loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trustdesk.ui import preferences

DB_NAME = "trustdesk.sqlite"  # as trustdesk.store.workspace names it (not imported: see above)

CREATE = "Create the workspace for my group"
CREATE_WHY = (
    "Choose your locality group, district or county from your trust's list, and where on "
    "this computer to keep its records. You do this once."
)
OPEN = "Open a workspace\u2026"
OPEN_WHY = (
    "A workspace made before: in another folder on this computer, on a USB stick, or one a "
    "colleague handed over."
)
EXAMPLE = "Try it on example records"
EXAMPLE_WHY = (
    "A made-up locality group with a year of activities, meetings and returns, to look "
    "around and practise. Nothing you do there touches real records."
)
INTRO = (
    "TrustDesk keeps the records of your Children's Trust group on this computer \u2014 "
    "activities and who came, partners, meetings and actions, what young people said \u2014 "
    "and makes the quarterly return. It works without an internet connection.\n\n"
    "The records are kept in a <b>workspace</b>: a folder that holds the records of one "
    "locality group, district or county. There is no workspace open yet."
)

STYLE = """
QWidget#welcomePage { background: #f5f8f9; color: #1f2933; }
QFrame#welcomeCard { background: #ffffff; color: #1f2933; border: 1px solid #d3dde3;
    border-radius: 6px; }
QLabel#welcomeHeading { color: #16425b; }
QLabel#welcomeIntro, QLabel#welcomeProgress { color: #3e4c59; }
QLabel#recentHeading { color: #16425b; font-weight: bold; }
QCommandLinkButton { color: #16425b; background: #ffffff; border: 1px solid #d3dde3;
    border-radius: 4px; padding: 10px 12px; }
QCommandLinkButton:hover { background: #eef6f5; border-color: #3aa394; }
QCommandLinkButton:focus { border: 2px solid #3aa394; }
QCommandLinkButton:disabled { color: #8795a1; background: #f5f8f9; }
QPushButton#recentButton { color: #16425b; background: transparent; border: none;
    text-align: left; padding: 3px 2px; }
QPushButton#recentButton:hover { text-decoration: underline; }
QPushButton#recentButton:disabled { color: #8795a1; }
"""


class WelcomePage(QWidget):
    """No workspace open: the three ways on, each a big button with a sentence."""

    create_requested = Signal()
    open_requested = Signal()
    example_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.setAccessibleName("Welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)

        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(760)
        heading = QLabel("Welcome to TrustDesk", card)
        heading.setObjectName("welcomeHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(INTRO.replace("\n\n", "<br><br>"), card)
        intro.setObjectName("welcomeIntro")
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)

        self.create_button = self._big_button(card, CREATE, CREATE_WHY, self.create_requested)
        self.open_button = self._big_button(card, OPEN, OPEN_WHY, self.open_requested)
        self.example_button = self._big_button(card, EXAMPLE, EXAMPLE_WHY, self.example_requested)
        self.create_button.setDefault(True)

        self.progress = QLabel(card)
        self.progress.setObjectName("welcomeProgress")
        self.progress.setAccessibleDescription("Progress")
        self.progress.setWordWrap(True)
        self.progress.hide()

        self.recent_box = QWidget(card)
        self.recent_layout = QVBoxLayout(self.recent_box)
        self.recent_layout.setContentsMargins(0, 8, 0, 0)
        self.recent_layout.setSpacing(2)
        self.recent_buttons: list[QPushButton] = []

        inside = QVBoxLayout(card)
        inside.setContentsMargins(36, 28, 36, 28)
        inside.setSpacing(10)
        inside.addWidget(heading)
        inside.addWidget(intro)
        inside.addSpacing(8)
        for button in (self.create_button, self.open_button, self.example_button):
            inside.addWidget(button)
        inside.addWidget(self.progress)
        inside.addWidget(self.recent_box)

        column = QWidget()
        column.setObjectName("welcomePage")
        row = QHBoxLayout(column)
        row.setContentsMargins(24, 24, 24, 24)
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer = QVBoxLayout()
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addLayout(_centred(column))
        outer.addStretch(2)
        holder = QWidget()
        holder.setObjectName("welcomePage")
        holder.setLayout(outer)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons in it
        scroller.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroller)
        self.show_recent()

    def _big_button(
        self, parent: QWidget, text: str, why: str, signal: Signal
    ) -> QCommandLinkButton:
        button = QCommandLinkButton(text, why, parent)
        button.setAccessibleName(text.rstrip("\u2026"))
        button.setAccessibleDescription(why)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(signal.emit)
        return button

    def show_recent(self) -> None:
        """List the workspaces opened lately (a folder that has gone is shown greyed)."""
        self.recent_buttons.clear()
        while self.recent_layout.count():
            item = self.recent_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # at once: deleting waits for the event loop
                item.widget().deleteLater()
        recent = preferences.recent_workspaces()
        self.recent_box.setVisible(bool(recent))
        if not recent:
            return
        heading = QLabel("Opened lately", self.recent_box)
        heading.setObjectName("recentHeading")
        self.recent_layout.addWidget(heading)
        for entry in recent:
            exists = (entry.folder / DB_NAME).is_file()
            text = entry.label if exists else f"{entry.label} (not found)"
            button = QPushButton(text.replace("&", "&&"), self.recent_box)
            button.setObjectName("recentButton")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName(f"Open {entry.unit_name}")
            button.setEnabled(exists)
            button.setToolTip(str(entry.folder) if exists else f"Not found: {entry.folder}")
            button.clicked.connect(lambda _=False, f=entry.folder: self.recent_requested.emit(f))
            self.recent_layout.addWidget(button)
            self.recent_buttons.append(button)

    def set_busy(self, text: str | None) -> None:
        """Say what is being done (building the example, say), the buttons waiting meanwhile;
        None when it is over."""
        self.progress.setVisible(bool(text))
        self.progress.setText(text or "")
        for button in (self.create_button, self.open_button, self.example_button):
            button.setEnabled(not text)
        for button in self.recent_buttons:
            button.setEnabled(not text and not button.toolTip().startswith("Not found"))


def _centred(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget)
    return row

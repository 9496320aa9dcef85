"""The window's status line: a page's message shown whole, however long.

The status bar cuts a message that is wider than it is, and "Queried Uttoxeter's return for
Q2 2026-27 (Jul–Sep 2026). The e-mail to send them is ready…" loses what to do next. So each
message is shown in the bar as before (for eight seconds) with the whole text as the bar's
tooltip, and one too long for the bar is also shown whole in a note beside the window: not
modal, so it never stops the work, and one note at a time (a new long message replaces it).

A screen reader hears each message as it is shown (a polite announcement: after what it is
saying), since the focus stays where the work is: every message the bar shows, also one
shown with ``showMessage`` directly, and one shown again. The bar has no accessible name:
Qt gives a status bar's message as its name, and a name set on it would hide every message.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from trustdesk.ui import announce

SHOWN_FOR_MS = 8000
MARGIN = 24  # the bar's own padding and size grip, roughly


class StatusLine:
    """Shows messages in ``bar``; ``room`` gives the width they have (the bar's less its
    permanent widgets)."""

    def __init__(self, bar: QStatusBar, room: Callable[[], int] | None = None) -> None:
        self.bar = bar
        self.room = room or (lambda: bar.width() - MARGIN)
        self.note: QMessageBox | None = None
        bar.messageChanged.connect(self._message_changed)

    def fits(self, text: str) -> bool:
        return self.bar.fontMetrics().horizontalAdvance(text) <= self.room()

    def show(self, text: str, timeout: int = SHOWN_FOR_MS) -> None:
        again = text == self.bar.currentMessage()  # then the bar does not say it changed
        self.bar.showMessage(text, timeout)
        self.bar.setToolTip(text)
        if again:
            announce.announce(self.bar, text)
        if text and not self.fits(text):
            self._show_note(text)

    def _show_note(self, text: str) -> None:
        if self.note is None:
            note = QMessageBox(
                QMessageBox.Icon.Information,
                "Message",
                text,
                QMessageBox.StandardButton.Ok,
                self.bar.window(),
            )
            note.setObjectName("statusNote")
            note.setWindowModality(Qt.WindowModality.NonModal)
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            note.finished.connect(self._note_closed)
            self.note = note
        self.note.setText(text)
        self.note.show()

    @Slot(int)
    def _note_closed(self, _result: int) -> None:
        if self.note is not None:
            self.note.deleteLater()
            self.note = None

    @Slot(str)
    def _message_changed(self, text: str) -> None:
        if not text:  # the message timed out or was cleared: no stale tooltip
            self.bar.setToolTip("")
        else:
            announce.announce(self.bar, text)


def status_line(bar: QStatusBar, *beside: QWidget) -> StatusLine:
    """The status line of a bar whose ``beside`` widgets (permanent ones) take room too."""
    return StatusLine(
        bar, lambda: bar.width() - sum(w.width() for w in beside if w.isVisible()) - MARGIN
    )

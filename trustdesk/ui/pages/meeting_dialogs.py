"""The Meetings page's dialogs: an action agreed at a meeting (what, who, by when), and a later
meeting's review of it. Each saves through the meetings service when OK is pressed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtWidgets import QWidget

from trustdesk.services.meetings import ActionRow, FollowUpRow
from trustdesk.ui.binding import Bindings
from trustdesk.ui.dialogs import Save, ServiceDialog
from trustdesk.ui.fields import (
    allow_empty_date,
    from_qdate,
    optional_date,
    set_choices,
    set_optional_date,
    to_qdate,
)
from trustdesk.ui.forms.ui_action_dialog import Ui_ActionDialog
from trustdesk.ui.forms.ui_review_dialog import Ui_ReviewDialog
from trustdesk.ui.record_table import shown

STATUS_WORDS = {"open": "Open", "done": "Done", "dropped": "Dropped"}
NOT_KNOWN = "(not known)"  # the day an action was closed, before TrustDesk kept it
KNOWN_SINCE = dt.date(2000, 1, 1)  # earlier than any action: the day before means not known


def due_words(day: dt.date | None, overdue: bool) -> str:
    """An action's due date, with "overdue" when it is."""
    return f"{shown(day)} \u2014 overdue" if overdue else shown(day)


class ActionDialog(ServiceDialog):
    """Add an action (``row`` None) or edit one: what, who, by when, and its status; marked
    done or dropped here, outside a meeting, it asks the day (today unless said otherwise),
    so that the figures of the periods before that day still count it open."""

    def __init__(
        self,
        parent: QWidget,
        save: Save,
        *,
        partners: Sequence[tuple[str, int]],
        row: ActionRow | None,
        meeting_date: dt.date,
        today: dt.date,
    ) -> None:
        title = "Edit the action" if row else "Add an action agreed at the meeting"
        super().__init__(parent, save, title=title, form=Ui_ActionDialog())
        f: Ui_ActionDialog = self.ui
        self.row = row
        self.today = today
        self.editing = row is not None
        self.bindings = Bindings(
            {
                "text": f.textEdit,
                "owner": f.ownerEdit,
                "owner_partner_id": f.ownerPartnerCombo,
                "due_date": f.dueEdit,
                "status": f.statusCombo,
                "closed_on": f.closedEdit,
            },
            custom={"due_date", "closed_on"},  # only when its tick box is ticked; when closed
            defaults={"status": "open"},
        )
        set_choices(f.ownerPartnerCombo, partners, empty="(not a partner, or not said)")
        set_choices(f.statusCombo, [(word, code) for code, word in STATUS_WORDS.items()])
        f.dueCheck.toggled.connect(f.dueEdit.setEnabled)
        self.bindings.fill(row)
        due = row.due_date if row else None
        f.dueCheck.setChecked(due is not None)
        f.dueEdit.setEnabled(due is not None)
        f.dueEdit.setDate(to_qdate(due or meeting_date + dt.timedelta(days=28)))
        f.statusCombo.setVisible(self.editing)
        f.statusLabel.setVisible(self.editing)
        allow_empty_date(f.closedEdit, KNOWN_SINCE, lambda: today)
        f.closedEdit.setSpecialValueText(NOT_KNOWN)
        f.statusCombo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status(self) -> str:
        return str(self.ui.statusCombo.currentData() or "open")

    def _status_changed(self, *_: Any) -> None:
        """The day it was done or dropped, shown for a closed action: the day it was closed
        while its status is kept, else today. A close decided at a meeting has that
        meeting's date, changed only by its review there; one closed before TrustDesk kept
        the day shows "(not known)" and keeps no day unless one is given."""
        f: Ui_ActionDialog = self.ui
        status = self._status()
        closed = self.editing and status != "open"
        for widget in (f.closedLabel, f.closedEdit, f.closedNote):
            widget.setVisible(closed)
        if closed:
            self._show_closed_day(status)
        self.adjustSize()  # room for the note's lines, or none once it is hidden

    def _show_closed_day(self, status: str) -> None:
        f: Ui_ActionDialog = self.ui
        row = self.row
        kept = row is not None and row.status == status
        day = row.closed_on if row is not None and kept else self.today
        at_meeting = row is not None and kept and row.closed_at_meeting
        set_optional_date(f.closedEdit, day)
        f.closedEdit.setEnabled(not at_meeting)
        word = STATUS_WORDS[status].lower()
        if at_meeting:
            note = f"Decided at the meeting of {shown(day)}: change its review there."
        elif day is None:
            note = (
                f"The day it was {word} is not known, so it counts as {word} since it was "
                "agreed. Give the day if you know it."
            )
        else:
            note = (
                f"The day it was {word}: today, unless earlier. A period that ended "
                "before this day still counts the action as open."
            )
        f.closedNote.setText(note)

    def values(self) -> dict[str, Any]:
        """What add_action takes; and, for an action being edited, its status too (and,
        for one done or dropped, the day)."""
        f: Ui_ActionDialog = self.ui
        values = self.bindings.read()
        values["due_date"] = from_qdate(f.dueEdit.date()) if f.dueCheck.isChecked() else None
        if not self.editing:
            del values["status"]
        elif values["status"] != "open" and f.closedEdit.isEnabled():
            values["closed_on"] = optional_date(f.closedEdit)
        return values


class ReviewDialog(ServiceDialog):
    """What a meeting found about an earlier action: done, dropped or still open, and a note."""

    def __init__(self, parent: QWidget, save: Save, *, row: FollowUpRow) -> None:
        super().__init__(parent, save, form=Ui_ReviewDialog())
        f: Ui_ReviewDialog = self.ui
        due = f", due {due_words(row.due_date, row.overdue)}" if row.due_date else ""
        f.actionLabel.setText(
            f"<b>{escape(row.text)}</b><br>{escape(row.owner)} \u00b7 agreed "
            f"{shown(row.agreed_on)}{due}"
        )
        self.radios = {"done": f.doneRadio, "dropped": f.droppedRadio, "open": f.openRadio}
        self.radios[row.review or "open"].setChecked(True)
        f.noteEdit.setText(row.note)
        self.bindings = Bindings({"status": f.decisionBox, "note": f.noteEdit}, custom={"status"})

    def values(self) -> dict[str, Any]:
        status = next(code for code, radio in self.radios.items() if radio.isChecked())
        return {"status": status, **self.bindings.read()}

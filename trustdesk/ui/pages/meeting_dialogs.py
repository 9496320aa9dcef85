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
from trustdesk.ui.fields import from_qdate, set_choices, to_qdate
from trustdesk.ui.forms.ui_action_dialog import Ui_ActionDialog
from trustdesk.ui.forms.ui_review_dialog import Ui_ReviewDialog
from trustdesk.ui.record_table import shown

STATUS_WORDS = {"open": "Open", "done": "Done", "dropped": "Dropped"}


def due_words(day: dt.date | None, overdue: bool) -> str:
    """An action's due date, with "overdue" when it is."""
    return f"{shown(day)} \u2014 overdue" if overdue else shown(day)


class ActionDialog(ServiceDialog):
    """Add an action (``row`` None) or edit one: what, who, by when (and its status)."""

    def __init__(
        self,
        parent: QWidget,
        save: Save,
        *,
        partners: Sequence[tuple[str, int]],
        row: ActionRow | None,
        meeting_date: dt.date,
    ) -> None:
        title = "Edit the action" if row else "Add an action agreed at the meeting"
        super().__init__(parent, save, title=title, form=Ui_ActionDialog())
        f: Ui_ActionDialog = self.ui
        self.editing = row is not None
        self.bindings = Bindings(
            {
                "text": f.textEdit,
                "owner": f.ownerEdit,
                "owner_partner_id": f.ownerPartnerCombo,
                "due_date": f.dueEdit,
                "status": f.statusCombo,
            },
            custom={"due_date"},  # only when its tick box is ticked
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

    def values(self) -> dict[str, Any]:
        """What add_action takes; and, for an action being edited, its status too."""
        f: Ui_ActionDialog = self.ui
        values = self.bindings.read()
        values["due_date"] = from_qdate(f.dueEdit.date()) if f.dueCheck.isChecked() else None
        if not self.editing:
            del values["status"]
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

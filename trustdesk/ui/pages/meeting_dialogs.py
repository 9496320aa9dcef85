"""The Meetings page's dialogs: an action agreed at a meeting (what, who, by when), and a later
meeting's review of it. Each saves through the meetings service when OK is pressed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtWidgets import QWidget

from trustdesk.services.meetings import ActionRow, FollowUpRow
from trustdesk.ui.dialogs import Save, ServiceDialog
from trustdesk.ui.fields import choose_value, from_qdate, set_choices, to_qdate
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
        self.fields = {
            "Action": f.textEdit,
            "Owner": f.ownerEdit,
            "Due date": f.dueEdit,
            "Status": f.statusCombo,
        }
        set_choices(f.ownerPartnerCombo, partners, empty="(not a partner, or not said)")
        set_choices(f.statusCombo, [(word, code) for code, word in STATUS_WORDS.items()])
        f.dueCheck.toggled.connect(f.dueEdit.setEnabled)
        f.textEdit.setText(row.text if row else "")
        f.ownerEdit.setText(row.owner if row else "")
        choose_value(f.ownerPartnerCombo, row.owner_partner_id if row else None)
        due = row.due_date if row else None
        f.dueCheck.setChecked(due is not None)
        f.dueEdit.setEnabled(due is not None)
        f.dueEdit.setDate(to_qdate(due or meeting_date + dt.timedelta(days=28)))
        choose_value(f.statusCombo, row.status if row else "open")
        f.statusCombo.setVisible(self.editing)
        f.statusLabel.setVisible(self.editing)

    def values(self) -> dict[str, Any]:
        """What add_action takes; and, for an action being edited, its status too."""
        f: Ui_ActionDialog = self.ui
        values = {
            "text": f.textEdit.text(),
            "owner": f.ownerEdit.text(),
            "owner_partner_id": f.ownerPartnerCombo.currentData(),
            "due_date": from_qdate(f.dueEdit.date()) if f.dueCheck.isChecked() else None,
        }
        if self.editing:
            values["status"] = f.statusCombo.currentData()
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
        self.fields = {"Status": f.decisionBox, "Note": f.noteEdit}

    def values(self) -> dict[str, Any]:
        status = next(code for code, radio in self.radios.items() if radio.isChecked())
        return {"status": status, "note": self.ui.noteEdit.text()}

"""An outcome a young person gained, in its own dialog on the Young people page: recorded or
accredited, what it was, the ECM outcome and activity it came from, and when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from trustdesk.config.trust import TrustConfig
from trustdesk.store.models import RecordedOutcome
from trustdesk.ui.dialogs import Save, ServiceDialog, StandardButton, date_edit
from trustdesk.ui.fields import set_choices, trust_choices


class OutcomeDialog(ServiceDialog):
    """An outcome's details. Save hands them to ``save`` (the outcomes service); a problem is
    shown under its field and the dialog stays open."""

    def __init__(
        self,
        parent: QWidget,
        save: Save,
        *,
        config: TrustConfig,
        activities: list[tuple[str, int]],
        outcome: RecordedOutcome | None,
        today: dt.date,
    ) -> None:
        title = "Edit outcome" if outcome else "Add outcome"
        super().__init__(parent, save, title=title, ok=StandardButton.Save)
        self.kind = self.add_row(
            "&Kind", "kind", QComboBox(self), "Kind of outcome: recorded or accredited"
        )
        set_choices(self.kind, [("Recorded", "recorded"), ("Accredited", "accredited")])
        self.title_edit = self.add_row("&Title", "title", QLineEdit(self), "Title of the outcome")
        self.title_edit.setPlaceholderText("e.g. Led a session (empty: the accreditation's name)")
        self.accreditation = self.add_row(
            "&Accreditation", "accreditation", QComboBox(self), "Accreditation gained"
        )
        set_choices(self.accreditation, trust_choices(config, "accreditations"), empty="(none)")
        self.ecm = self.add_row(
            "&ECM outcome", "ecm_outcome", QComboBox(self), "Every Child Matters outcome"
        )
        set_choices(self.ecm, trust_choices(config, "ecm_outcomes"), empty="(none)")
        self.activity = self.add_row(
            "Acti&vity", "activity_id", QComboBox(self), "Activity it came from"
        )
        set_choices(self.activity, activities, empty="(none)")
        self.date = self.add_row(
            "&Date", "date", date_edit(outcome.date if outcome else today), "Date gained"
        )
        self.setMinimumWidth(460)
        if outcome is not None:
            self.bindings.fill(outcome)

    def values(self) -> dict[str, Any]:
        """The kind, title, accreditation, ECM outcome, activity and date."""
        return self.bindings.read()

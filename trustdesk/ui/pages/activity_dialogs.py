"""The Activities page's dialogs: a session (or a weekly run of them) and what a partner put
into the activity. Each saves through the activities service when OK is pressed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QTimeEdit, QWidget

from trustdesk.ui.dialogs import Save, ServiceDialog, date_edit
from trustdesk.ui.fields import CHOOSE, choose_value, from_qtime, set_choices, to_qtime


def _time_edit(time: dt.time | None, default: str) -> QTimeEdit:
    edit = QTimeEdit(to_qtime(time, default))
    edit.setDisplayFormat("HH:mm")
    return edit


class SessionDialog(ServiceDialog):
    """The date, times and notes of one session; or, with ``weeks``, the first date, the
    number of weeks and the times of a weekly run of sessions."""

    def __init__(
        self,
        parent: QWidget,
        save: Save,
        *,
        title: str,
        day: dt.date,
        start: dt.time | None = None,
        end: dt.time | None = None,
        notes: str = "",
        weeks: int | None = None,
    ) -> None:
        super().__init__(parent, save, title=title)
        self.weekly = weeks is not None
        if self.weekly:
            self.date_edit = self.add_row("&First date", "first_date", date_edit(day), "First date")
            self.weeks_edit = self.add_row("Number of &weeks", "weeks", QSpinBox(), "Weeks")
            self.weeks_edit.setRange(1, 104)
            self.weeks_edit.setValue(weeks or 1)
        else:
            self.date_edit = self.add_row("&Date", "date", date_edit(day), "Date")
        self.start_edit = self.add_row(
            "&Starts at", "start_time", _time_edit(start, "18:00"), "Start time"
        )
        self.end_edit = self.add_row("&Ends at", "end_time", _time_edit(end, "20:00"), "End time")
        if not self.weekly:
            self.notes_edit = self.add_row("&Notes", "notes", QLineEdit(notes), "Notes")
            self.notes_edit.setPlaceholderText("e.g. moved to the sports hall")
        self.date_edit.setFocus()

    def values(self) -> dict[str, Any]:
        """The date (or first date and weeks) and notes as bound; the times read here."""
        return {
            **self.bindings.read(),
            "start_time": from_qtime(self.start_edit.time()),
            "end_time": from_qtime(self.end_edit.time()),
        }


class ContributionDialog(ServiceDialog):
    """What one partner put into the activity on a day: staff time, money, something in kind."""

    def __init__(
        self,
        parent: QWidget,
        save: Save,
        *,
        partners: list[tuple[str, int]],
        partner_id: int | None,
        day: dt.date,
    ) -> None:
        super().__init__(parent, save, title="Partner contribution")
        self.partner_combo = self.add_row("&Partner", "partner_id", QComboBox(), "Partner")
        set_choices(self.partner_combo, partners, placeholder=CHOOSE)
        choose_value(self.partner_combo, partner_id)
        self.date_edit = self.add_row("&Date", "date", date_edit(day), "Date")
        self.hours_edit = self.add_row("Staff &hours", "staff_hours", QLineEdit(), "Staff hours")
        self.hours_edit.setPlaceholderText("e.g. 2.5")
        self.money_edit = self.add_row("&Money (\u00a3)", "money", QLineEdit(), "Money in pounds")
        self.money_edit.setPlaceholderText("e.g. 150.00")
        self.in_kind_edit = self.add_row("&In kind", "in_kind", QLineEdit(), "Given in kind")
        self.in_kind_edit.setPlaceholderText("e.g. use of the sports hall")
        self.value_edit = self.add_row(
            "In-kind &value (\u00a3)", "in_kind_value", QLineEdit(), "In-kind value in pounds"
        )
        # Nothing given at all: the cursor starts with the hours.
        self.bindings.bind("contribution", self.hours_edit, custom=True)
        self.partner_combo.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            **self.bindings.read(),  # the partner, the date and what was given in kind
            "staff_hours": self.hours_edit.text().strip(),
            "money": self.money_edit.text().strip().lstrip("\u00a3") or 0,
            "in_kind_value": self.value_edit.text().strip().lstrip("\u00a3") or 0,
        }

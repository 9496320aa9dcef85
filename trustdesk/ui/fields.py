"""Putting values into the usual controls and getting them out: the choices of a combo,
dates and times. Every form and dialog of the window uses these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QComboBox, QDateEdit, QWidget

from trustdesk.config.trust import TrustConfig
from trustdesk.ui import glossary_tips

CHOOSE = "(choose)"


def set_choices(
    combo: QComboBox,
    choices: Sequence[tuple[str, Any]],
    *,
    empty: str | None = None,
    placeholder: str | None = None,
) -> None:
    """Fill a combo with (label, value) pairs, keeping the value chosen before if it is still
    there; ``empty`` adds a first "none" entry. ``placeholder`` (e.g. CHOOSE) is shown while
    nothing is chosen, as a new record starts: a field with no sensible default must not
    start at the first entry of its list, which a hurried Save would keep without anyone
    choosing it. Emits no change signals."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    if placeholder is not None:
        combo.setPlaceholderText(placeholder)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for label, value in choices:
        combo.addItem(label, value)
        if spelled_out := glossary_tips.tip(label):  # "20 to 25 (with SEND)"
            combo.setItemData(combo.count() - 1, spelled_out, Qt.ItemDataRole.ToolTipRole)
    found = combo.findData(chosen) if chosen is not None else -1
    combo.setCurrentIndex(found if found >= 0 or combo.placeholderText() else 0)
    combo.blockSignals(False)


def trust_choices(config: TrustConfig, list_name: str) -> list[tuple[str, str]]:
    """(name, code) of every entry of one of the trust's lists, e.g. "voice_methods"."""
    return [(entry.name, entry.code) for entry in getattr(config, list_name)]


def choose_value(combo: QComboBox, value: Any) -> None:
    """Show ``value``; when it is not there (None for a new record), the placeholder of a
    combo that has one (nothing chosen), else the first entry."""
    index = combo.findData(value) if value is not None else -1
    if index < 0 and value is None and combo.placeholderText():
        combo.setCurrentIndex(-1)
    else:
        combo.setCurrentIndex(max(index, 0))


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


NOT_ENTERED = "(not entered)"


class _EmptyDate(QObject):
    """Lets a date field left empty ("(not entered)") be typed into and picked from: the
    first digit typed starts from a sensible day (``page``) with the day selected, so
    ddmmyyyy types as in any date field; and its calendar opens on that month, not on the
    empty value's (its minimum date)."""

    def __init__(self, edit: QDateEdit, page: Callable[[], dt.date]) -> None:
        super().__init__(edit)
        self.edit = edit
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if optional_date(self.edit) is not None:
            return False
        if event.type() == QEvent.Type.Show and watched is not self.edit:  # the calendar
            day = self.page()
            self.edit.calendarWidget().setCurrentPage(day.year, day.month)
        elif (
            event.type() == QEvent.Type.KeyPress
            and watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.text().isdigit()
        ):
            self.edit.setDate(to_qdate(self.page()))
            self.edit.setSelectedSection(QDateEdit.Section.DaySection)
        return False


def allow_empty_date(edit: QDateEdit, earliest: dt.date, page: Callable[[], dt.date]) -> None:
    """Let a date field be empty, shown as "(not entered)": its minimum date (the day before
    ``earliest``) stands for no date. A QDateEdit always holds a date, and one starting at
    today (e.g. a date of birth) is a wrong value a hurried Save keeps. ``page``: the day
    typing starts from, and the month its calendar opens on, while it is empty."""
    edit.setMinimumDate(to_qdate(earliest - dt.timedelta(days=1)))
    edit.setSpecialValueText(NOT_ENTERED)
    watcher = _EmptyDate(edit, page)
    edit.installEventFilter(watcher)
    if edit.calendarPopup() and edit.calendarWidget() is not None:
        edit.calendarWidget().installEventFilter(watcher)


def set_optional_date(edit: QDateEdit, day: dt.date | None) -> None:
    edit.setDate(to_qdate(day) if day is not None else edit.minimumDate())


def optional_date(edit: QDateEdit) -> dt.date | None:
    """The date shown, or None while the field shows "(not entered)"."""
    if edit.specialValueText() and edit.date() == edit.minimumDate():
        return None
    return from_qdate(edit.date())


def to_qtime(time: dt.time | None, default: str = "18:00") -> QTime:
    value = time or dt.time.fromisoformat(default)
    return QTime(value.hour, value.minute)


def from_qtime(time: QTime) -> dt.time:
    return dt.time(time.hour(), time.minute())


def tick_boxes(
    choices: Sequence[tuple[str, str]],
    layout: QBoxLayout,
    *,
    after: QWidget,
    before: QWidget,
    what: str,
) -> dict[str, QCheckBox]:
    """One tick box per (name, code) choice, e.g. the ECM outcomes, added to ``layout`` and
    put in the tab order between ``after`` and ``before``; returned by code."""
    boxes: dict[str, QCheckBox] = {}
    previous = after
    for name, code in choices:
        box = QCheckBox(name, layout.parentWidget())
        box.setAccessibleName(f"{what}: {name}")
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignLeft)
        boxes[code] = box
        QWidget.setTabOrder(previous, box)
        previous = box
    QWidget.setTabOrder(previous, before)
    return boxes


def tick(boxes: dict[str, QCheckBox], codes: Sequence[str]) -> None:
    for code, box in boxes.items():
        box.setChecked(code in codes)


def ticked(boxes: dict[str, QCheckBox]) -> list[str]:
    return [code for code, box in boxes.items() if box.isChecked()]

"""Putting values into the usual controls and getting them out: the choices of a combo,
dates and times. Every form and dialog of the window uses these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QComboBox, QWidget

from trustdesk.config import TrustConfig


def set_choices(
    combo: QComboBox, choices: Sequence[tuple[str, Any]], *, empty: str | None = None
) -> None:
    """Fill a combo with (label, value) pairs, keeping the value chosen before if it is still
    there; ``empty`` adds a first "none" entry. Emits no change signals."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for label, value in choices:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
    combo.blockSignals(False)


def trust_choices(config: TrustConfig, list_name: str) -> list[tuple[str, str]]:
    """(name, code) of every entry of one of the trust's lists, e.g. "voice_methods"."""
    return [(entry.name, entry.code) for entry in getattr(config, list_name)]


def choose_value(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


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

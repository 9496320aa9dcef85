"""Enter this return: a district officer keys in the figures of a locality without TrustDesk
on its behalf (a county officer a district's), the same figures a return workbook carries,
in the same order and words as the blank workbook to fill in by hand.

Each breakdown says beside it whether its figures add up to the measure's total, as the
workbook's Check column does. Save hands the figures to
:func:`trustdesk.ops.hand_returns.enter_return`, which checks them as an imported return is
checked and keeps them as the unit's return, marked as entered here; a problem is shown in
the dialog, which stays open.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trustdesk.config.periods import Period
from trustdesk.config.trust import Unit
from trustdesk.ops import hand_returns
from trustdesk.returns import made_how, numbers
from trustdesk.returns.model import Key
from trustdesk.returns.template import PER, Line, configured, measure_label
from trustdesk.ui import glossary_tips
from trustdesk.ui.dialogs import ServiceDialog, StandardButton

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

LARGEST = 2_000_000_000  # far above any figure, within what a spin box holds
ADDS_UP, NOT_ABOVE = "Adds up", "None above the total"


class EnterReturnDialog(ServiceDialog):
    """Every figure of the unit's return, a field each; Save keeps them as its return."""

    errors_under_fields = False

    def __init__(
        self, parent: QWidget, workspace: Workspace, unit: Unit, period: Period, today: dt.date
    ) -> None:
        def save(values: dict[str, Any]) -> Any:
            return hand_returns.enter_return(
                workspace, unit.code, period, values["figures"], today=today
            )

        super().__init__(parent, save, title=f"Enter {unit.name}'s return", ok=StandardButton.Save)
        self.unit, self.period = unit, period
        self.lines = hand_returns.entry_lines(workspace, unit.code)
        self.configured = configured(workspace.config, unit.code)
        self.fields_by_key: dict[Key, QSpinBox | QDoubleSpinBox] = {}
        self.checks: dict[tuple[str, str], QLabel] = {}  # (measure, breakdown): its check
        self.per: dict[Key, int] = {}  # what a field's value is multiplied by: minutes, pence
        by = made_how.words(made_how.ENTERED, unit.level)
        explain = QLabel(
            f"{unit.name}'s figures for {period.label}, as its group gave them to you. The "
            f"return is kept as {unit.name}'s, marked as {by}, and checked as an imported "
            "return is: a measure's figures by age band, gender and so on must add up to its "
            "total. Hours and pounds may have decimals.",
            self,
        )
        explain.setWordWrap(True)
        explain.setObjectName("formNote")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, explain)
        layout.insertWidget(1, self._figures(), 1)
        self.ok_button.setText("&Save the return")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 120)
        self.resize(self.minimumWidth(), self.fontMetrics().height() * 40)
        for key in self.checks:
            self._check(*key)

    def _figures(self) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setAccessibleName("The return's figures")
        inside = QWidget(area)
        grid = QGridLayout(inside)
        grid.setVerticalSpacing(2)
        for column, heading in enumerate(("Breakdown", "Category", "Figure", "Check")):
            title = QLabel(f"<b>{heading}</b>", inside)
            grid.addWidget(title, 0, column)
        row = 1
        for line in self.lines:
            if line.breakdown is None:  # the measure's heading on a line of its own
                heading = QLabel(f"<b>{measure_label(line.measure)}</b>", inside)
                heading.setToolTip(line.measure.definition)
                heading.setStyleSheet("QLabel { margin-top: 8px; }")
                grid.addWidget(heading, row, 0, 1, 4)
                row += 1
            self._line(grid, inside, row, line)
            row += 1
        grid.setColumnStretch(3, 1)
        area.setWidget(inside)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return area

    def _line(self, grid: QGridLayout, inside: QWidget, row: int, line: Line) -> None:
        code, breakdown, category = line.key
        measure = line.measure
        field = _field(measure.unit, inside)
        if line.breakdown is None:
            grid.addWidget(QLabel("Total", inside), row, 0)
            field.setAccessibleName(f"{measure_label(measure)}, total")
        else:
            first = not any(k[:2] == (code, breakdown) for k in self.fields_by_key)
            if first:
                grid.addWidget(_explained(line.breakdown.label, inside), row, 0)
                check = QLabel(inside)
                check.setWordWrap(True)
                grid.addWidget(check, row, 3)
                self.checks[code, breakdown] = check
            grid.addWidget(_explained(line.category_label, inside), row, 1)
            field.setAccessibleName(
                f"{measure_label(measure)} by {line.breakdown.label.lower()}: {line.category_label}"
            )
        field.setToolTip(measure.definition)
        given = self.configured.get(line.key)
        if given is not None:  # the trust's figure, not the group's to give
            field.setValue(given)
            field.setReadOnly(True)
            grid.addWidget(QLabel("From the trust configuration", inside), row, 3)
        grid.addWidget(field, row, 2)
        self.fields_by_key[line.key] = field
        self.per[line.key] = PER[measure.unit]
        field.valueChanged.connect(lambda _value, c=code: self._checks_of(c))

    def field(self, key: Key) -> QSpinBox | QDoubleSpinBox:
        """The field of one figure (measure, breakdown, category)."""
        return self.fields_by_key[key]

    def check_text(self, measure: str, breakdown: str) -> str:
        return self.checks[measure, breakdown].text()

    def _checks_of(self, measure: str) -> None:
        for code, breakdown in self.checks:
            if code == measure:
                self._check(code, breakdown)

    def _check(self, code: str, breakdown: str) -> None:
        """Whether a breakdown's figures add up to the total (or, for one whose categories
        overlap, whether none is above it), in the figures' own units."""
        parts = [self._value(k) for k in self.fields_by_key if k[:2] == (code, breakdown)]
        total = self._value((code, "", ""))
        line = next(x for x in self.lines if x.key[:2] == (code, breakdown))
        assert line.breakdown is not None
        unit = line.measure.unit
        if not line.breakdown.additive:
            good = max(parts, default=0) <= total
            words = NOT_ABOVE if good else "Not so: one is above the total"
        else:
            good = sum(parts) == total
            words = ADDS_UP
            if not good:
                words = (
                    f"Does not add up: {numbers.figure(unit, sum(parts))} against the total "
                    f"of {numbers.figure(unit, total)}"
                )
        label = self.checks[code, breakdown]
        label.setText(words)
        label.setStyleSheet("" if good else "QLabel { color: #8b1a1a; font-weight: bold; }")

    def values(self) -> dict[str, Any]:
        """The figures as the return keeps them: hours as minutes, pounds as pence."""
        return {"figures": {key: self._value(key) for key in self.fields_by_key}}

    def _value(self, key: Key) -> int:
        return round(self.fields_by_key[key].value() * self.per[key])


def _field(unit: str, parent: QWidget) -> QSpinBox | QDoubleSpinBox:
    field: QSpinBox | QDoubleSpinBox
    if unit == "count":
        field = QSpinBox(parent)
        field.setRange(0, LARGEST)
    else:
        field = QDoubleSpinBox(parent)
        field.setDecimals(2)
        field.setRange(0, LARGEST / 100)
        field.setPrefix("\u00a3" if unit == "pence" else "")
        field.setSuffix(" hours" if unit == "minutes" else "")
    field.setGroupSeparatorShown(True)
    field.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    field.setMinimumWidth(field.fontMetrics().averageCharWidth() * 14)
    return field


def _explained(text: str, parent: QWidget) -> QLabel:
    """A label whose abbreviations (ECM, SEND) are spelled out in its tooltip."""
    label = QLabel(text, parent)
    label.setToolTip(glossary_tips.tip(text))
    return label

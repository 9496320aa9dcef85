"""A headcount for a big event, on the Registers page: how many young people came, counted by
age band and gender rather than by name, with the totals of each row and column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from trustdesk.config.trust import TrustConfig
from trustdesk.ui import glossary_tips

Counts = dict[tuple[str, str], int]  # (age band code, gender code): how many


class HeadcountGrid(QObject):
    """A spin box for each age band (a row) and gender (a column) in ``grid``, which lies on
    ``page``, with totals for each row and column and for everyone counted."""

    changed = Signal()  # a count was changed, or the counts were filled in

    def __init__(self, config: TrustConfig, grid: QGridLayout, page: QWidget) -> None:
        super().__init__(page)
        self.page, self.grid = page, grid
        bands, genders = config.age_bands, config.genders
        last = len(genders) + 1  # the totals' column
        self.spins: dict[tuple[str, str], QSpinBox] = {}
        width = page.fontMetrics().averageCharWidth() * 16
        for column, gender in enumerate(genders, start=1):
            heading = self._label(gender.name, wrap=True)
            heading.setMaximumWidth(width)
            grid.addWidget(heading, 0, column)
            grid.setColumnMinimumWidth(column, width)
        grid.addWidget(self._label("Total"), 0, last)
        for row, band in enumerate(bands, start=1):
            grid.addWidget(self._label(band.name, align=Qt.AlignmentFlag.AlignVCenter), row, 0)
            for column, gender in enumerate(genders, start=1):
                spin = QSpinBox(page)
                spin.setRange(0, 9999)
                spin.setAccessibleName(f"{gender.name}, {band.name}")
                spin.valueChanged.connect(self._count_changed)
                grid.addWidget(spin, row, column)
                self.spins[band.code, gender.code] = spin
        totals = len(bands) + 1
        grid.addWidget(self._label("Total", align=Qt.AlignmentFlag.AlignVCenter), totals, 0)
        self.row_totals = {
            band.code: self._total(f"Total {band.name}", row, last)
            for row, band in enumerate(bands, start=1)
        }
        self.column_totals = {
            gender.code: self._total(f"Total {gender.name}", totals, column)
            for column, gender in enumerate(genders, start=1)
        }
        self.grand_total = self._total("Everyone counted", totals, last)
        grid.setColumnStretch(last + 1, 1)
        grid.setHorizontalSpacing(12)
        self._filling = False

    def counts(self) -> Counts:
        """The counts above nought."""
        return {key: spin.value() for key, spin in self.spins.items() if spin.value()}

    def fill(self, counts: Counts) -> None:
        """Show ``counts`` (nought for any not given); ``changed`` is emitted once."""
        self._filling = True
        try:
            for key, spin in self.spins.items():
                spin.setValue(counts.get(key, 0))
        finally:
            self._filling = False
        self._count_changed()

    def _count_changed(self, *_: Any) -> None:
        if self._filling:
            return
        counts = self.counts()
        for band, label in self.row_totals.items():
            label.setText(f"{sum(n for (b, _g), n in counts.items() if b == band):,}")
        for gender, label in self.column_totals.items():
            label.setText(f"{sum(n for (_b, g), n in counts.items() if g == gender):,}")
        self.grand_total.setText(f"{sum(counts.values()):,}")
        self.changed.emit()

    def _label(
        self,
        text: str,
        *,
        wrap: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignBottom,
    ) -> QLabel:
        label = QLabel(text, self.page)
        label.setToolTip(glossary_tips.tip(text))  # "20 to 25 (with SEND)"
        label.setWordWrap(wrap)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | align)
        return label

    def _total(self, name: str, row: int, column: int) -> QLabel:
        label = QLabel("0", self.page)
        label.setAccessibleDescription(name)  # the number stays what is heard
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self.grid.addWidget(label, row, column)
        return label

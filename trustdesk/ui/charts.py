"""Small bar charts drawn with QPainter (PySide6-Essentials has no QtCharts).

Both charts take ``[(label, value), ...]`` and draw in the widget's own font, so they follow
the system's font size; every size below is worked out from the font's metrics. A chart says
its data in words as its accessible description (a screen reader cannot see bars), shows the
exact figure of the bar under the mouse as a tooltip, and draws a plain message instead of an
empty frame when there is nothing to show. A plain QWidget says it is a "panel" (Qt's Client
role) to a screen reader; a chart says it is a chart, through an accessibility factory, the
one way Python can give a widget a role.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QAccessibleWidget, QSizePolicy, QToolTip, QWidget

BACKGROUND = QColor("#ffffff")
BORDER = QColor("#d3dde3")
FOCUS = QColor("#16425b")
BAR = QColor("#2f7f86")  # 4.8:1 against white
PART_BAR = QColor("#9cc9cc")  # a bar that covers only part of its span (a part week)
TEXT = QColor("#1f2933")
MUTED = QColor("#52606d")  # tick labels and captions, 6.4:1 against white
GRID = QColor("#e4ebef")
AXIS = QColor("#9aa5b1")

Bars = list[tuple[str, int]]


def nice_scale(highest: int, ticks: int = 4) -> tuple[int, int]:
    """A whole-number step (1, 2 or 5 times a power of ten) and the top of the axis, so that
    about ``ticks`` gridlines cover the highest value: 186 gives (50, 200)."""
    if highest <= 0:
        return 1, 1
    raw = max(highest / ticks, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return int(step), int(math.ceil(highest / step) * step)


def _chart_interface(_class_name: str, widget: QObject) -> QAccessibleInterface | None:
    """What a screen reader is told a chart is (QAccessible.installFactory)."""
    if isinstance(widget, _Chart):
        return QAccessibleWidget(widget, QAccessible.Role.Chart)
    return None


_chart_role = False  # the factory installed (once for the program)


def _say_charts_are_charts() -> None:
    global _chart_role
    if not _chart_role:
        _chart_role = True
        # A PySide6 without it: then a chart is a named panel whose description has the data.
        with contextlib.suppress(AttributeError, TypeError, NotImplementedError):
            QAccessible.installFactory(_chart_interface)


class _Chart(QWidget):
    """What both charts share: the bars, the empty message, the frame, words and tooltips."""

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        caption: str = "",
        empty_message: str = "No sessions yet this quarter",
        placeholder: str = "",
        part_note: str = "part only",
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.caption = caption
        self.empty_message = empty_message
        self.placeholder = placeholder  # shown until the first bars are given
        self.part_note = part_note
        self.bars: Bars | None = None
        self.part: set[int] = set()  # bars drawn paler: they cover part of their span
        self._hits: list[tuple[QRectF, str]] = []  # where each bar was drawn, for tooltips
        _say_charts_are_charts()
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so a screen reader can reach it
        self._describe()

    def set_bars(self, bars: Iterable[tuple[str, int]], *, part: Iterable[int] = ()) -> None:
        """The bars, in order; ``part``: the indexes of bars that cover only part of their
        span (the week so far, say), drawn paler so that a short bar is not read as a fall."""
        self.bars = [(str(label), int(value)) for label, value in bars]
        self.part = set(part)
        self._describe()
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not any(value for _, value in self.bars or ())

    def description(self) -> str:
        """The data in words: the accessible description."""
        if self.bars is None:
            return self.placeholder
        if self.is_empty():
            return f"{self.empty_message}."
        listed = "; ".join(
            f"{label}: {value:,}" + (f" ({self.part_note})" if i in self.part else "")
            for i, (label, value) in enumerate(self.bars)
        )
        return f"{self.caption}: {listed}." if self.caption else f"{listed}."

    def _describe(self) -> None:
        self.setAccessibleDescription(self.description())

    def _pad(self) -> float:
        return self.fontMetrics().height() / 2

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(FOCUS if self.hasFocus() else BORDER, 2 if self.hasFocus() else 1))
        painter.setBrush(BACKGROUND)
        painter.drawRoundedRect(frame, 6, 6)
        self._hits = []
        pad = self._pad()
        area = QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)
        try:  # a painter left open on an error would bring the whole program down
            if self.bars is None or self.is_empty():
                painter.setPen(MUTED)
                text = self.placeholder if self.bars is None else self.empty_message
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(area, flags, text)
            else:
                self._draw(painter, area, self.fontMetrics())
        finally:
            painter.end()

    def _draw(self, painter: QPainter, area: QRectF, fm: QFontMetrics) -> None:
        raise NotImplementedError

    def _hit(self, rect: QRectF, index: int) -> None:
        label, value = (self.bars or [])[index]
        text = f"{self.caption} {label}: {value:,}".strip()
        self._hits.append((rect, text + (f" ({self.part_note})" if index in self.part else "")))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            where = QPointF(event.pos())
            tip = next((text for rect, text in self._hits if rect.contains(where)), "")
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the frame shows where the keyboard is

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


class BarChart(_Chart):
    """Vertical bars with a value axis, e.g. attendances week by week. Bar labels that would
    run into each other are shown for every second (third ...) bar; the figures above the
    bars are shown when they fit, and the tooltip and description always have them."""

    def __init__(self, title: str, parent: QWidget | None = None, **kwargs: str) -> None:
        super().__init__(title, parent, **kwargs)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 60, fm.lineSpacing() * 15)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 32, fm.lineSpacing() * 11)

    def _draw(self, painter: QPainter, area: QRectF, fm: QFontMetrics) -> None:
        line, gap = fm.height(), fm.averageCharWidth()
        step, top = nice_scale(max(value for _, value in self.bars))
        tick_width = max(fm.horizontalAdvance(f"{t:,}") for t in range(0, top + 1, step))
        plot = QRectF(area)
        plot.setLeft(area.left() + tick_width + gap)
        plot.setTop(area.top() + line)  # room for the figure over the highest bar
        plot.setBottom(area.bottom() - line * (2 if self.caption else 1) - gap / 2)

        # The value axis: a gridline and a figure for each step.
        for tick in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * tick / top
            painter.setPen(QPen(AXIS if tick == 0 else GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            box = QRectF(area.left(), y - line / 2, tick_width, line)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{tick:,}"
            )

        slot = plot.width() / len(self.bars)
        bar_width = min(slot * 0.7, gap * 8)
        figures_fit = max(fm.horizontalAdvance(f"{v:,}") for _, v in self.bars) <= slot - 2
        label_width = max(fm.horizontalAdvance(label) for label, _ in self.bars) + gap * 2
        every = max(1, math.ceil(label_width / slot))
        for index, (label, value) in enumerate(self.bars):
            middle = plot.left() + slot * (index + 0.5)
            height = plot.height() * value / top
            bar = QRectF(middle - bar_width / 2, plot.bottom() - height, bar_width, height)
            painter.fillRect(bar, PART_BAR if index in self.part else BAR)
            column = QRectF(middle - slot / 2, plot.top() - line, slot, plot.height() + line * 2)
            self._hit(column, index)
            if figures_fit and value:
                painter.setPen(TEXT)
                box = QRectF(middle - slot / 2, bar.top() - line, slot, line)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{value:,}")
            if index % every == 0:
                painter.setPen(MUTED)
                width = fm.horizontalAdvance(label) + gap
                left = min(max(middle - width / 2, area.left()), area.right() - width)
                box = QRectF(left, plot.bottom() + gap / 2, width, line)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        if self.caption:
            caption = self.caption + (f" (paler: {self.part_note})" if self.part else "")
            painter.setPen(MUTED)
            box = QRectF(area.left(), area.bottom() - line, area.width(), line)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, caption)


class HorizontalBarChart(_Chart):
    """One bar per row with its label, e.g. attendances by ECM outcome. Labels sit beside
    their bars when there is room and above them when the chart is narrow, never cut off."""

    def __init__(self, title: str, parent: QWidget | None = None, **kwargs: str) -> None:
        super().__init__(title, parent, **kwargs)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _labels_above(self, width: float) -> bool:
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(label) for label, _ in self.bars or ()), default=0)
        return widest > (width - self._pad() * 2) * 0.45

    def _row_height(self, width: float) -> float:
        line = self.fontMetrics().height()
        return line * (2.6 if self._labels_above(width) else 1.8)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = 3 if self.bars is None or self.is_empty() else len(self.bars)
        return int(self._pad() * 2 + rows * self._row_height(width))

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().averageCharWidth() * 60
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self.fontMetrics().averageCharWidth() * 32
        return QSize(width, self.heightForWidth(width))

    def _draw(self, painter: QPainter, area: QRectF, fm: QFontMetrics) -> None:
        line, gap = fm.height(), fm.averageCharWidth()
        above = self._labels_above(area.width() + self._pad() * 2)
        # Rows share the height given (as tall as the chart beside it), within reason.
        row = min(max(area.height() / len(self.bars), self._row_height(self.width())), line * 3)
        area.setTop(area.top() + max(area.height() - row * len(self.bars), 0) / 2)  # centred
        label_width = 0 if above else max(fm.horizontalAdvance(lab) for lab, _ in self.bars) + gap
        figure_width = max(fm.horizontalAdvance(f"{v:,}") for _, v in self.bars) + gap
        bar_left = area.left() + label_width
        longest = max(area.right() - figure_width - bar_left, 1)
        highest = max(value for _, value in self.bars)
        thickness = min(line * 1.1, row * 0.55)
        for index, (label, value) in enumerate(self.bars):
            top = area.top() + row * index
            if above:
                bar_top = top + line + (row - line - thickness) / 2
                label_box = QRectF(area.left(), top, area.width(), line)
                shown = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(area.width()))
            else:
                bar_top = top + (row - thickness) / 2
                label_box = QRectF(area.left(), top, label_width - gap, row)
                shown = label
            painter.setPen(TEXT)
            painter.drawText(
                label_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown
            )
            length = longest * value / highest
            bar = QRectF(bar_left, bar_top, length, thickness)
            painter.fillRect(bar, PART_BAR if index in self.part else BAR)
            box = QRectF(bar.right() + gap / 2, bar_top, figure_width, thickness)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{value:,}"
            )
            self._hit(QRectF(area.left(), top, area.width(), row), index)

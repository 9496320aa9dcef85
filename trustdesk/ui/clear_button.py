"""The ⊗ button that empties a line edit, for the keyboard and a screen reader too.

Qt's clear button (``QLineEdit.setClearButtonEnabled``) is made for the mouse: it has no
name (a screen reader says "button"), Tab never reaches it, and it draws no focus. Here it
gets a name and a place in the Tab order right after its field (Qt shows it, and so Tab
stops at it, only while there is something to clear), a ring in the focus colour while it
has the focus, and it gives the cursor back to the field once it has cleared it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLineEdit, QStyle, QToolButton

FOCUS = QColor("#16425b")  # as the rest of the window's focus marks (style.qss, charts)
QT_CLEAR_ACTION = "_q_qlineeditclearaction"  # the object name Qt gives the button's action


def clear_button(edit: QLineEdit, name: str) -> QToolButton | None:
    """Turn on ``edit``'s clear button, named ``name`` ("Clear the folder"); returns it, or
    None on a Qt that makes it differently (then it stays the mouse's only)."""
    edit.setClearButtonEnabled(True)
    action = edit.findChild(QAction, QT_CLEAR_ACTION)
    button = next(
        (b for b in edit.findChildren(QToolButton) if action and b.defaultAction() is action),
        None,
    )
    if action is None or button is None:
        return None
    # The button only: a change to its action would have Qt show the button, text or none.
    button.setAccessibleName(name)
    button.setToolTip(name)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.clicked.connect(lambda: edit.setFocus(Qt.FocusReason.OtherFocusReason))
    size = edit.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, edit)
    button.installEventFilter(_FocusMark(button, size))
    return button


class _FocusMark(QObject):
    """Rings the button's icon in the focus colour while the button has the focus (Qt's
    clear button paints only its icon, whatever its state)."""

    def __init__(self, button: QToolButton, size: int) -> None:
        super().__init__(button)
        self.button = button
        self.size = size  # the icon's, as Qt draws it
        self.plain = button.icon()
        self.focused: QIcon | None = None  # drawn when first needed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            if self.focused is None:
                ratio = self.button.devicePixelRatioF()
                self.focused = _ringed(self.plain, self.size, ratio)
            self.button.setIcon(self.focused)
        elif event.type() == QEvent.Type.FocusOut:
            self.button.setIcon(self.plain)
        return False


def _ringed(icon: QIcon, size: int, ratio: float) -> QIcon:
    """``icon``, smaller, inside a ring of the focus colour, ``size`` pixels square."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inner = size * 0.7
        where = QRectF((size - inner) / 2, (size - inner) / 2, inner, inner)
        painter.drawPixmap(where.toRect(), icon.pixmap(QSize(round(inner), round(inner)), ratio))
        painter.setPen(QPen(FOCUS, 1.5))
        painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    finally:
        painter.end()
    return QIcon(pixmap)

"""The Qt binding must not leak or lose references: PySide6-Essentials 6.12.0 on Python 3.11
took one reference from ``None`` on every call returning nothing (and one from ``True`` on
every signal emitted from Python), so after some hours of use the interpreter aborted with
"deallocating None". pyproject.toml keeps that release out; this test keeps it out."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    changed = Signal(bool)


def test_calls_and_signals_keep_none_and_true_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    emitter.changed.connect(lambda value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)

    for _ in range(2000):
        label.setText("x")
        emitter.changed.emit(True)

    # A few references come and go with the interpreter's own work; 2,000 lost would be the bug.
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100

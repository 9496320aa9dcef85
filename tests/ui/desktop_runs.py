"""Showing pages and running the whole desktop in a test: a page shown at laptop size with
its records read, and ``run_desktop`` whose windows are noted and closed as soon as the
workspace is open in them, so the test carries on."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trustdesk.ui.main_window import MainWindow


def close_when_shown(seen: list[MainWindow]) -> None:
    """Once the desktop has opened its workspace (or said why it could not): note the main
    windows shown in ``seen``, close them, quit."""

    def close() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows or any(w.opening for w in windows):
            QTimer.singleShot(5, close)  # the workspace is still being opened
            return
        seen.extend(windows)
        for window in seen:
            window.close()
        QApplication.quit()

    QTimer.singleShot(0, close)


def shown(qtbot, page):  # noqa: ANN001, ANN201
    """``page`` shown at 1366x768 with its records read, closed with the test."""
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    return page


def open_window(qtbot, workspace) -> MainWindow:  # noqa: ANN001
    """The main window on ``workspace`` at 1366x768, shown and active, closed with the test."""
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window

"""Running the whole desktop (``run_desktop``) in a test: the windows it showed are noted
and closed as soon as the event loop starts, so the test carries on."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trustdesk.ui.main_window import MainWindow


def close_when_shown(seen: list[MainWindow]) -> None:
    """Once the event loop runs: note the main windows shown in ``seen``, close them, quit."""

    def close() -> None:
        seen.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        for window in seen:
            window.close()
        QApplication.quit()

    QTimer.singleShot(0, close)

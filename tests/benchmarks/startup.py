"""One start of the desktop, for the start-up benchmark: prints ``painted`` on its standard
output as soon as the main window has been drawn for the first time, and (TrustDesk)
``shown`` once the first page of the workspace has been drawn in it; then leaves.

    python tests/benchmarks/startup.py trustdesk WORKSPACE_DIR   # trustdesk --workspace DIR
    python tests/benchmarks/startup.py bare                      # the floor

``trustdesk`` starts the real desktop exactly as ``trustdesk --workspace DIR`` does (the
command line's ``main``), with one thing added: an event filter on the application that
notices the first paint of the main window. ``bare`` is the least a PySide6 program can do to
show a window of the same size: import QtWidgets, make the application, show an empty
``QMainWindow``, with the same filter.

The parent times from before it starts this process to reading each word: the interpreter's
start, the imports and the window drawn (``painted``: TrustDesk's window says "Opening the
workspace…" while the database libraries are imported in a worker thread), then opening
the workspace and drawing its first page (``shown``). Then the program ends its event loop
and closes normally (the workspace is closed as on any exit), which the parent does not time,
and says its peak resident memory.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

WIDTH, HEIGHT = 1366, 768  # the main window's size on a first start (MainWindow.resize)
GIVE_UP_MS = 120_000


class FirstPaint(QObject):
    """Says ``painted`` once the event loop is idle after the first paint of a main window
    (every widget drawn in that pass has been drawn by then); then, for TrustDesk, ``shown``
    once a page of the workspace has been drawn in it too; and ends the event loop."""

    def __init__(self, app: QApplication, *, wait_for_page: bool) -> None:
        super().__init__(app)
        self.app = app
        self.said: list[str] = []
        self.wait_for_page = wait_for_page
        QTimer.singleShot(GIVE_UP_MS, lambda: app.exit(3))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            window = watched.window()
            if isinstance(window, QMainWindow):
                if not self.said:
                    self.say_soon("painted")
                elif self.wait_for_page and len(self.said) == 1 and _page_shown(window):
                    self.say_soon("shown")
        return False

    def say_soon(self, word: str) -> None:
        self.said.append(word)
        QTimer.singleShot(0, lambda: self.say(word))

    def say(self, word: str) -> None:
        print(word, flush=True)
        if word == "shown" or not self.wait_for_page:
            self.app.exit(0)


def _page_shown(window: QMainWindow) -> bool:
    page = getattr(window, "current_page", lambda: None)()
    return page is not None and page.isVisible()


def bare() -> int:
    app = QApplication(sys.argv)
    app.installEventFilter(FirstPaint(app, wait_for_page=False))
    window = QMainWindow()
    window.resize(WIDTH, HEIGHT)
    window.show()
    return app.exec()


def trustdesk(workspace: str) -> int:
    from trustdesk import cli
    from trustdesk.ui import app as desktop

    make_application = desktop._application

    def application_with_probe() -> QApplication:
        app = make_application()
        if not any(isinstance(child, FirstPaint) for child in app.children()):
            app.installEventFilter(FirstPaint(app, wait_for_page=True))
        return app

    desktop._application = application_with_probe
    return cli.main(["--workspace", workspace])


if __name__ == "__main__":
    from memory import say_own_peak  # beside this file

    status = bare() if sys.argv[1] == "bare" else trustdesk(sys.argv[2])
    say_own_peak()
    sys.exit(status)

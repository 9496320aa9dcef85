"""Start the desktop: the application object, the main window, the workspace opened in it,
and the one handler that shows any unexpected error instead of letting it vanish into a
console.

The window is drawn first, saying "Opening the workspace…", while the database libraries are
imported in a worker thread (most of a second on an old laptop); the workspace is then
opened in it (:mod:`trustdesk.ui.opening`). So TrustDesk answers a double-click at once.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys
import traceback
from pathlib import Path
from types import ModuleType, TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from trustdesk import APP_NAME, __version__
from trustdesk.errors import UserError
from trustdesk.resources import resource_path
from trustdesk.store.sqlite_errors import explain_database_error
from trustdesk.ui import messages, single_instance
from trustdesk.ui.background import Task, report_error
from trustdesk.ui.icons import app_icon
from trustdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def run_desktop(workspace_dir: Path | None) -> int:
    """Show the main window for the workspace in ``workspace_dir`` (or the one open when
    TrustDesk was last closed, or the one in the data folder; else the welcome page) and run
    until it is closed; returns the exit status."""
    app = _application()
    previous_hook = sys.excepthook
    sys.excepthook = handle_unexpected_error
    window = MainWindow(None)
    try:
        window.show_opening(workspace_dir)
        window.show()
        single_instance.listen(window)  # a second TrustDesk may ask to bring it forward
        loading = Task(lambda _progress, _cancelled: _opening_module(), window)

        def loaded(opening: ModuleType) -> None:
            opening.open_in_window(window, workspace_dir)

        loading.finished.connect(loaded)
        loading.failed.connect(
            lambda error: report_error(window, f"{APP_NAME} cannot open the workspace", error)
        )
        loading.start()
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        if window.workspace is not None:
            window.workspace.close()  # closing twice is harmless


def _opening_module() -> ModuleType:
    """Imported in a worker thread: what opens a workspace, with the database libraries;
    and, now that the window is up, the log file (:func:`trustdesk.bug_report.keep_log`)."""
    from trustdesk.bug_report import keep_log

    keep_log()
    return importlib.import_module("trustdesk.ui.opening")


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("trustdesk")  # matches trustdesk.desktop: the right dock icon
    app.setWindowIcon(app_icon())
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: the stylesheet is drawn for a light theme
        hints.setColorScheme(Qt.ColorScheme.Light)
    with contextlib.suppress(UserError):  # without it, the plain platform look is fine
        app.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8"))
    return app


_handling = False


def handle_unexpected_error(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """``sys.excepthook`` while the desktop runs: log the error and show it with its details."""
    global _handling
    if issubclass(exc_type, KeyboardInterrupt) or _handling:
        sys.__excepthook__(exc_type, exc, tb)
        return
    _handling = True
    try:
        parent = QApplication.activeWindow()
        # Escaped from a slot, but still the user's to act on: a busy or full workspace, say.

        plain = exc if isinstance(exc, UserError) else explain_database_error(exc)
        if plain is not None:
            messages.show_error(parent, APP_NAME, str(plain))
            return
        log.critical("Unexpected error", exc_info=(exc_type, exc, tb))
        from trustdesk.bug_report import write_bug_report  # only when needed

        saved_to = write_bug_report(exc)
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if saved_to:
            details += f"\n(Also saved in {saved_to}.)"
        messages.show_bug(
            parent,
            f"{APP_NAME} — unexpected error",
            "Something went wrong that TrustDesk did not expect, and what you last did may "
            "not have been saved.\n\n"
            "Please send the details below to whoever supports TrustDesk for you.",
            f"{APP_NAME} {__version__}\n\n{details}",
        )
    finally:
        _handling = False

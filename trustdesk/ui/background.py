"""Long work off the UI thread, with progress, a Cancel button and errors shown the usual way.

The work is a plain Python function ``work(progress, cancelled)``: it calls
``progress(step, total, text)`` as it goes, asks ``cancelled()`` between steps and stops
(by raising :class:`~trustdesk.errors.Cancelled`) when it returns True. It runs in a thread
of its own, so the window keeps drawing and the Cancel button keeps answering.

The work calls an operation (:mod:`trustdesk.ops`), which opens its own session inside the
worker thread (a session never crosses threads) and hands back plain values.

    task = Task(lambda progress, cancelled: ops.returns.export_return(workspace, ...))
    task.finished.connect(self.done)        # the function's result
    task.failed.connect(self.went_wrong)    # the exception: see report_error
    task.cancelled.connect(self.stopped)    # stopped because Cancel was pressed
    ProgressDialog(task, "Exporting the return", parent=self)
    task.start()

Imports and backups use the same pieces.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from trustdesk import ops
from trustdesk.errors import UserError
from trustdesk.store.sqlite_errors import explain_database_error
from trustdesk.ui import messages

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]

# Tasks still running, so that Python never collects one before its thread has ended. The
# thread itself has no Qt parent: when the window that started a task is closed and deleted
# while the work still runs (a slow backup), deleting a running QThread would abort the whole
# program; the thread instead finishes its work and is collected afterwards.
_running: set[Task] = set()


class _Thread(QThread):
    """Runs the work once; keeps its result or exception for the UI thread to collect."""

    progress = Signal(int, int, str)

    def __init__(self, work: Work, stop: threading.Event, parent: QObject | None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = stop
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work(self._report, self._stop.is_set)
        except BaseException as exc:  # handed over to the UI thread, which decides
            self.error = exc

    def _report(self, step: int, total: int, text: str) -> None:
        self.progress.emit(int(step), int(total), str(text))  # queued to the UI thread


class Task(QObject):
    """One run of ``work(progress, cancelled)`` in a worker thread.

    Every signal arrives in the UI thread. When the run is over, ``ended`` comes first (so a
    progress dialog closes before anything is said about the outcome), then exactly one of
    ``finished(result)``, ``cancelled(error)`` (the work stopped with a UserError after
    Cancel was pressed: the error says what was left undone) or ``failed(error)``.
    """

    progress = Signal(int, int, str)
    ended = Signal()
    finished = Signal(object)
    cancelled = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._thread: _Thread | None = None
        self.outcome: str | None = None  # finished | cancelled | failed, once ended

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a Task runs once; make a new one")
        self._thread = _Thread(self._work, self._stop, None)
        self._thread.progress.connect(self.progress)
        self._thread.finished.connect(self._collect)
        _wait_for_tasks_when_quitting()
        _running.add(self)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next step (it may finish anyway if it was nearly done)."""
        self._stop.set()

    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def is_running(self) -> bool:
        return self._thread is not None and self.outcome is None

    def wait(self, msecs: int = -1) -> bool:
        """Block until the thread has ended (for shutting down, and for tests); True if it has.
        The outcome signals still come through the event loop afterwards."""
        if self._thread is None:
            return True
        return self._thread.wait() if msecs < 0 else self._thread.wait(msecs)

    def _stop_and_wait(self) -> None:
        if self.is_running():
            self.cancel()
            self.wait()

    @Slot()
    def _collect(self) -> None:
        thread = self._thread
        assert thread is not None
        thread.wait()  # "finished" is sent just before the thread really stops
        result, error = thread.result, thread.error
        thread.result = thread.error = None
        _running.discard(self)
        if error is None:
            self.outcome = "finished"
        elif self._stop.is_set() and isinstance(error, UserError):
            self.outcome = "cancelled"
        else:
            self.outcome = "failed"
        self.ended.emit()
        if self.outcome == "finished":
            self.finished.emit(result)
        elif self.outcome == "cancelled":
            self.cancelled.emit(error)
        else:
            self.failed.emit(error)


_quitting_waits: list[QCoreApplication] = []


def _wait_for_tasks_when_quitting() -> None:
    """Quitting asks every running task to stop and waits for it rather than killing it, even
    a task whose window has already gone (so the connection is the application's, made once)."""
    app = QCoreApplication.instance()
    if app is None or app in _quitting_waits:
        return
    _quitting_waits.append(app)
    app.aboutToQuit.connect(stop_and_wait_all)


def stop_and_wait_all() -> None:
    """Ask every running task to stop, and wait until each has."""
    for task in list(_running):
        task._stop_and_wait()


def report_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Show what went wrong in a task: plainly if the user can act on it (a UserError, or a
    busy, full or read-only workspace), otherwise through the desktop's handler for
    unexpected errors (``sys.excepthook``, set by :func:`trustdesk.ui.app.run_desktop`),
    which logs it, saves a bug report and shows the details."""
    if isinstance(error, UserError):
        messages.show_error(parent, title, str(error))
        return

    plain = explain_database_error(error)
    if plain is not None:
        messages.show_error(parent, title, str(plain))
        return
    sys.excepthook(type(error), error, error.__traceback__)


class ProgressDialog(QDialog):
    """A window-modal progress box for a task: shown at once, a bar and the current step,
    and a Cancel button (Escape and the title bar's close button do the same). Cancelling
    asks the task to stop and the box stays until it has; it closes itself when the task
    ends, whatever the outcome."""

    def __init__(
        self,
        task: Task,
        title: str,
        text: str = "Starting\u2026",
        parent: QWidget | None = None,
        *,
        show: bool = True,
    ) -> None:
        super().__init__(parent)
        self.task = task
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleDescription("Current step")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the first step says how many there are
        self.bar.setAccessibleName(title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        # Room for two lines of step text; a size of its own, so that its layout does not
        # resize the window each time the text changes.
        self.label.setMinimumHeight(self.label.fontMetrics().lineSpacing() * 2)
        width = self.fontMetrics().averageCharWidth() * 56
        self.setMinimumSize(width, self.sizeHint().height())

        task.progress.connect(self._show_progress)
        task.ended.connect(self._close)
        if show:
            self.show()
            self.cancel_button.setFocus()

    @Slot(int, int, str)
    def _show_progress(self, step: int, total: int, text: str) -> None:
        if self.task.cancel_requested():
            return  # keep saying that it is stopping
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(step, max(total, 1)))
        self.label.setText(f"{text}\u2026" if text and not text.endswith(".") else text)

    def reject(self) -> None:
        """Cancel (button, Escape, close): ask the task to stop; the box waits for it."""
        if not self.task.is_running():
            super().reject()
            return
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling\u2026 finishing the current step first.")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.task.is_running():
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)

    @Slot()
    def _close(self) -> None:
        self.done(QDialog.DialogCode.Accepted)


class BackgroundReader(QObject):
    """Reads a page's figures off the UI thread, one read at a time, newest wins.

    ``read(read_fn)`` starts ``ops.query(workspace, read_fn)`` in a worker thread (a session
    of its own, never seen by the page); asking again while a read runs reads once more when it ends (with the newest
    ``read_fn``), so a page never shows an older result over a newer one and reads never
    pile up. ``ready(result)`` or ``failed(error)`` arrive in the UI thread; ``busy(bool)``
    lets the page say that it is counting."""

    ready = Signal(object)
    failed = Signal(object)
    busy = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.task: Task | None = None
        self._waiting: Callable[[Any], Any] | None = None

    def read(self, read_fn: Callable[[Any], Any]) -> None:
        if self.task is not None:
            self._waiting = read_fn
            return
        # Not a child of the reader: a page closed mid-read must not take the running thread
        # with it (Qt aborts on that). The task keeps itself alive until it ends, and a
        # result for a reader that has gone meanwhile is dropped.
        task = Task(lambda _p, _c: ops.query(self.workspace, read_fn))
        task.finished.connect(lambda result: isValid(self) and self._ended(result, None))
        task.failed.connect(lambda error: isValid(self) and self._ended(None, error))
        self.task = task
        self.busy.emit(True)
        task.start()

    def is_busy(self) -> bool:
        return self.task is not None

    def wait(self) -> None:
        """Block until the running read has ended (for closing and for tests)."""
        if self.task is not None:
            self.task.wait()

    def _ended(self, result: Any, error: BaseException | None) -> None:
        self.task = None
        waiting, self._waiting = self._waiting, None
        if waiting is not None:  # a newer read is due: this result is already out of date
            self.read(waiting)
            return
        self.busy.emit(False)
        if error is None:
            self.ready.emit(result)
        else:
            self.failed.emit(error)

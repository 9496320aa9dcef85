"""Fixtures for the desktop tests: no real settings, no dialogs that wait. (tests/conftest.py
makes every test headless with QT_QPA_PLATFORM=offscreen.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QSettings, QTimer

from trustdesk.ui import background, messages
from trustdesk.ui.passphrase_dialog import PassphraseDialog


@pytest.fixture(autouse=True)
def settings_dir(tmp_path: Path):
    """Point QSettings at a folder of the test's own, so window geometry is never written to
    (or read from) the real home folder or registry. pytest-qt makes one QApplication for the
    whole session, hence the default format and path rather than the application's names."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture(autouse=True)
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Every message box a test causes, recorded instead of shown (a modal box would wait)."""
    shown: list[dict] = []

    def record(parent, icon, title, text, details=None) -> None:
        shown.append(
            {"parent": parent, "icon": icon, "title": title, "text": text, "details": details}
        )

    monkeypatch.setattr(messages, "present", record)
    return shown


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch, shown_messages: list[dict]) -> list[str]:
    """Questions a test causes are answered from this list (by button label), in order;
    with nothing left, the default button. Each question is recorded like a message."""
    queue: list[str] = []

    def choose(parent, icon, title, text, buttons, default=0) -> int:
        shown_messages.append(
            {"parent": parent, "icon": icon, "title": title, "text": text, "buttons": buttons}
        )
        return buttons.index(queue.pop(0)) if queue else default

    monkeypatch.setattr(messages, "choose", choose)
    return queue


@pytest.fixture(autouse=True)
def passphrase_dialogs() -> list[PassphraseDialog]:
    """Every passphrase dialog a test causes, as it was when it closed."""
    return []


@pytest.fixture(autouse=True)
def typed_passphrases(
    monkeypatch: pytest.MonkeyPatch, passphrase_dialogs: list[PassphraseDialog]
) -> list:
    """What is typed into each passphrase dialog a test causes, in order: a string (typed in
    every field), a tuple (one string per field) or None (Cancel); with nothing left,
    Cancel. The real dialog decides whether its OK button can be pressed."""
    queue: list = []

    def exec_(dialog: PassphraseDialog) -> int:
        passphrase_dialogs.append(dialog)
        entry = queue.pop(0) if queue else None
        if entry is None:
            dialog.reject()
            return dialog.result()
        typed = entry if isinstance(entry, tuple) else (entry, entry)
        dialog.first.setText(typed[0])
        if dialog.new:
            dialog.second.setText(typed[1])
        dialog.ok_button.click()  # does nothing while it is disabled
        return dialog.result()

    monkeypatch.setattr(PassphraseDialog, "exec", exec_)
    return queue


@pytest.fixture(autouse=True)
def event_loop_runs(qapp):
    """Make sure event loops run. The run_desktop tests of test_main_window close the last
    window (which posts a Quit event) and then quit: that Quit event is handled after
    app.exec() has returned, which leaves every later event loop returning at once, so no
    timer or thread signal would ever arrive. Running app.exec() once more resets that."""
    probe = QEventLoop()
    QTimer.singleShot(0, probe, probe.quit)
    if probe.exec() == -1:  # returned without running: a quit is still pending
        QTimer.singleShot(0, qapp, qapp.quit)
        qapp.exec()


@pytest.fixture(autouse=True)
def no_task_outlives_its_test():
    """Every background task a test started (a page's count, a save) is stopped and waited
    for when the test ends, as quitting the desktop does: pytest's process ends without the
    application's aboutToQuit, and a worker thread still running then aborts it ("QThread:
    Destroyed while thread is still running"), or runs on into the next test's workspace."""
    yield
    background.stop_and_wait_all()

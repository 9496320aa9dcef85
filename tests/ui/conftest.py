"""Fixtures for the desktop tests: no real settings, no dialogs that wait. (tests/conftest.py
makes every test headless with QT_QPA_PLATFORM=offscreen.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QSettings, QTimer

from trustdesk.ui import messages


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

"""Fixtures for the desktop tests: no real settings, no dialogs that wait. (tests/conftest.py
makes every test headless with QT_QPA_PLATFORM=offscreen.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

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

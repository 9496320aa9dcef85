"""Settings > Update the configuration…: the coordinator sees which configuration the
workspace has, what a newer one would change (or why it cannot be taken in), and takes it in."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from trustdesk.config.machine import ENV_FOLDER
from trustdesk.config.trust import example_trust_path
from trustdesk.services.activities import create_activity
from trustdesk.ui.pages.settings import SettingsPage

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

EXAMPLE = example_trust_path().read_text(encoding="utf-8")
SPORT = '{ code = "sport", name = "Sport and physical activity" },'
RENAMED = EXAMPLE.replace("version = 1", "version = 2").replace(
    SPORT, '{ code = "sport", name = "Sport and games" },'
)


@pytest.fixture
def machine_config():
    path = Path(os.environ[ENV_FOLDER]) / "trust.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    yield path
    path.unlink(missing_ok=True)


@pytest.fixture
def page(qtbot, workspace):
    with workspace.session() as session:
        create_activity(
            session, title="Climbing wall", category="sport", start_date=dt.date(2026, 7, 1)
        )
        session.commit()
    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def click_update(qtbot, page):
    started = []
    original = page.update_config
    page.update_config = lambda: started.append(original())  # keep the task to wait on
    page.ui.updateConfigButton.clicked.disconnect()
    page.ui.updateConfigButton.clicked.connect(page.update_config)
    qtbot.mouseClick(page.ui.updateConfigButton, Qt.MouseButton.LeftButton)
    task = started[0]
    if task is not None:
        qtbot.waitUntil(lambda: task.outcome is not None)
        qtbot.wait(10)
    return task


def test_shows_the_configuration_and_a_newer_one_on_this_computer(page, machine_config):
    assert page.ui.trustValue.text() == "Staffordshire Children's Trust, version 1"
    machine_config.write_text(RENAMED, encoding="utf-8")
    page.refresh()
    assert "newer version (2)" in page.ui.trustValue.text()
    assert "trustdesk" not in page.ui.trustValue.text().replace("TrustDesk", "")


def test_takes_in_the_computers_newer_configuration_after_showing_the_changes(
    qtbot, page, workspace, machine_config, answers, shown_messages
):
    machine_config.write_text(RENAMED, encoding="utf-8")
    answers += ["Use it", "Update"]
    task = click_update(qtbot, page)
    assert task is not None and task.outcome == "finished"

    question = shown_messages[1]
    assert question["title"] == "Update the configuration"
    assert "Sport and physical activity \u2192 Sport and games" in question["text"]
    assert question["buttons"] == ["Update", "Cancel"]
    assert shown_messages[-1]["title"] == "Configuration updated"
    assert workspace.config.version == 2
    assert workspace.config.name_of("activity_categories", "sport") == "Sport and games"
    assert page.ui.trustValue.text() == "Staffordshire Children's Trust, version 2"


def test_cancel_changes_nothing(qtbot, page, workspace, machine_config, answers):
    machine_config.write_text(RENAMED, encoding="utf-8")
    answers += ["Use it", "Cancel"]
    assert click_update(qtbot, page) is None
    assert workspace.config.version == 1


def test_a_refusal_is_shown_plainly(qtbot, page, workspace, tmp_path, monkeypatch, shown_messages):
    offered = tmp_path / "from-admin.toml"
    offered.write_text(EXAMPLE.replace("version = 1", "version = 2").replace(SPORT, ""), "utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(offered), ""))
    )
    assert click_update(qtbot, page) is None  # no newer one on the computer: a file is chosen
    (message,) = shown_messages
    assert message["title"] == "The configuration cannot be taken in"
    assert "is used by 1 activity ('Climbing wall')" in message["text"]
    assert "keep it in the configuration, or rename it instead" in message["text"]
    assert "trustdesk " not in message["text"]
    assert workspace.config.version == 1


def test_an_older_file_is_refused(qtbot, page, workspace, tmp_path, monkeypatch, shown_messages):
    offered = tmp_path / "old.toml"
    offered.write_text(EXAMPLE, "utf-8")
    (workspace.path / "trust.toml").write_text(EXAMPLE.replace("version = 1", "version = 3"))
    workspace.reload_config()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(offered), ""))
    )
    click_update(qtbot, page)
    assert "an older version never replaces a newer one" in shown_messages[-1]["text"]

"""The first run, inside the window: with no workspace the welcome page offers to create
the workspace for my group (configuration, unit, folder), open one, or try the example;
File > Open recent lists workspaces by their unit's name."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from tests.ui.desktop_runs import close_when_shown
from trustdesk.config.machine import ENV_FOLDER
from trustdesk.config.trust import example_trust_path
from trustdesk.services.partners import list_partners
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.store.workspace import DB_NAME
from trustdesk.ui import app as desktop
from trustdesk.ui import new_workspace, opening, preferences, workspace_commands
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.new_workspace import NewWorkspaceWizard

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)


@pytest.fixture
def data_folder(monkeypatch, tmp_path) -> Path:
    """An empty per-user data folder of the test's own (tests/conftest.py shares one)."""
    data = tmp_path / "data" / "TrustDesk"
    for module in (new_workspace, opening, workspace_commands):
        monkeypatch.setattr(module, "default_workspace_dir", lambda: data)
    return data


@pytest.fixture
def machine_config(monkeypatch, tmp_path) -> Path:
    """A trust configuration installed for every user of this computer, as an admin does."""
    folder = tmp_path / "machine-config"
    folder.mkdir()
    shutil.copyfile(example_trust_path(), folder / "trust.toml")
    monkeypatch.setenv(ENV_FOLDER, str(folder))
    return folder / "trust.toml"


def the_wizard(window: MainWindow) -> NewWorkspaceWizard:
    wizards = [w for w in window.findChildren(NewWorkspaceWizard) if w.isVisible()]
    assert len(wizards) == 1
    return wizards[0]


def click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_first_record_in_a_workspace_made_on_the_welcome_screens_only(
    qapp, qtbot, data_folder, machine_config, shown_messages, answers
):
    # TrustDesk starts with nothing in the data folder: the welcome page, no error.
    seen: list[MainWindow] = []
    close_when_shown(seen)
    assert desktop.run_desktop(None) == 0
    window = seen[0]
    qtbot.addWidget(window)
    window.show()
    assert window.ui.pageStack.currentWidget() is window.welcome
    assert shown_messages == []

    click(qtbot, window.welcome.create_button)
    wizard = the_wizard(window)
    # Step 1: the configuration the admin installed, chosen already.
    assert wizard.config_step.installed_radio.isChecked()
    assert "installed on this computer" in wizard.config_step.installed_radio.text()
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    # Step 2: nothing chosen until the user chooses; typing finds the unit.
    units = wizard.unit_step
    assert units.unit() is None
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(units.search, "burnt")
    assert units.visible_names() == ["Staffordshire", "Lichfield", "Burntwood"]
    burntwood = units.item_for("LIC-BUR")
    assert burntwood.text(1) == "Locality group"
    rect = units.tree.visualItemRect(burntwood)
    qtbot.mouseClick(units.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert units.unit().code == "LIC-BUR"
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    # Step 3: the data folder, which holds nothing yet.
    assert wizard.folder_step.folder() == data_folder
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))

    assert shown_messages == []
    workspace = window.workspace
    assert workspace is not None and workspace.path == data_folder
    assert workspace.config.source == machine_config
    assert window.windowTitle() == "Burntwood \u2014 TrustDesk"

    # A first record, typed in as a coordinator would.
    page = window.show_page("partners")
    click(qtbot, page.new_button)
    qtbot.keyClicks(page.ui.nameEdit, "Oak Hill School")
    page.ui.typeCombo.setFocus()
    qtbot.keyClicks(page.ui.typeCombo, "Schools")
    click(qtbot, page.save_button)
    assert page.unsaved() is None

    # Closed, and opened again from File > Open recent in a new window.
    window.ui.actionCloseWorkspace.trigger()
    assert window.workspace is None
    assert window.ui.pageStack.currentWidget() is window.welcome
    second = MainWindow(None)
    qtbot.addWidget(second)
    second.ui.menuOpenRecent.aboutToShow.emit()
    recent = [a for a in second.ui.menuOpenRecent.actions() if a.text().startswith("Burntwood")]
    assert [a.text() for a in recent] == [f"Burntwood \u2014 {data_folder}"]
    recent[0].trigger()
    assert second.workspace is not None and second.workspace.path == data_folder
    with second.workspace.session() as session:
        assert [p.name for p in list_partners(session)] == ["Oak Hill School"]
    assert shown_messages == []
    second.close_workspace()


def test_the_unit_list_finds_by_name_and_chooses_nothing_at_first(qtbot, data_folder):
    wizard = NewWorkspaceWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    units = wizard.unit_step
    assert units.tree.selectedItems() == [] and units.unit() is None
    assert units.chosen_label.text() == "Nothing chosen yet."
    assert units.item_for("STAFFS").text(1) == "County Children's Trust board"
    assert units.item_for("LIC").text(1) == "District board"
    assert units.item_for("LIC-BUR").parent() is units.item_for("LIC")  # grouped
    everything = units.visible_names()
    qtbot.keyClicks(units.search, "BURNT")
    assert units.visible_names() == ["Staffordshire", "Lichfield", "Burntwood"]
    qtbot.keyClicks(units.search, "xyz")
    assert units.visible_names() == [] and units.found_nothing.isVisibleTo(wizard)
    units.search.clear()
    assert units.visible_names() == everything


def test_without_an_installed_configuration_the_example_is_said_to_be_one(qtbot, data_folder):
    wizard = NewWorkspaceWizard()
    qtbot.addWidget(wizard)
    assert wizard.config_step.is_example
    assert wizard.config_step.installed_radio.text().startswith("An example:")


def test_a_broken_configuration_file_is_said_plainly_and_not_used(
    qtbot, tmp_path, data_folder, shown_messages
):
    broken = tmp_path / "from-the-district.toml"
    broken.write_text('format = "trustdesk-trust/1"\ntrust_name = \n', encoding="utf-8")
    wizard = NewWorkspaceWizard()
    qtbot.addWidget(wizard)
    assert not wizard.config_step.use_file(broken)
    assert shown_messages[0]["title"] == "This file cannot be used"
    assert str(broken) in shown_messages[0]["text"]
    assert "Traceback" not in shown_messages[0]["text"]
    assert wizard.config_step.choice() is wizard.config_step.installed


def test_a_new_workspace_beside_one_in_the_data_folder_gets_a_folder_of_its_own(qtbot, data_folder):
    create_workspace(data_folder, "LIC-BUR").close()
    wizard = NewWorkspaceWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.unit_step.tree.setCurrentItem(wizard.unit_step.item_for("LIC-CTY"))
    wizard.next()
    assert wizard.folder_step.folder() == data_folder / wizard.unit_step.unit().name


def test_opening_a_folder_that_is_not_a_workspace_says_so(
    qtbot, tmp_path, monkeypatch, shown_messages
):
    window = MainWindow(None)
    qtbot.addWidget(window)
    monkeypatch.setattr(
        workspace_commands.QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path)
    )
    window.ui.actionOpenWorkspace.trigger()
    assert window.workspace is None
    assert shown_messages[0]["title"] == "This folder is not a workspace"
    assert shown_messages[0]["text"].startswith(f"There is no TrustDesk workspace in {tmp_path}.")
    assert "trustdesk " not in shown_messages[0]["text"]


def test_open_recent_names_the_unit_and_greys_a_folder_that_has_gone(qtbot, tmp_path):
    create_workspace(tmp_path / "tam", "LIC-CTY").close()
    preferences.remember_workspace(tmp_path / "gone", "Burntwood", "LIC-BUR")
    preferences.remember_workspace(tmp_path / "tam", "Lichfield City", "LIC-CTY")
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.ui.menuOpenRecent.aboutToShow.emit()
    actions = window.ui.menuOpenRecent.actions()
    assert [(a.text(), a.isEnabled()) for a in actions[:2]] == [
        (f"Lichfield City \u2014 {tmp_path / 'tam'}", True),
        (f"Burntwood \u2014 {tmp_path / 'gone'}", False),
    ]
    assert [b.text() for b in window.welcome.recent_buttons] == [
        f"Lichfield City \u2014 {tmp_path / 'tam'}",
        f"Burntwood \u2014 {tmp_path / 'gone'} (not found)",
    ]


def test_the_recent_list_keeps_eight_most_recent_first(tmp_path):
    for n in range(10):
        preferences.remember_workspace(tmp_path / str(n), f"Unit {n}")
    preferences.remember_workspace(tmp_path / "3", "Unit 3")
    names = [e.unit_name for e in preferences.recent_workspaces()]
    assert names == ["Unit 3", "Unit 9", "Unit 8", "Unit 7", "Unit 6", "Unit 5", "Unit 4", "Unit 2"]


def test_opening_another_workspace_closes_the_one_open_and_lets_go_of_it(qtbot, tmp_path):
    first = create_workspace(tmp_path / "bur", "LIC-BUR")
    create_workspace(tmp_path / "tam", "LIC-CTY").close()
    window = MainWindow(None)
    qtbot.addWidget(window)
    opening.show_instead(window, first)
    window.open_recent(tmp_path / "tam")
    assert window.workspace.unit.code == "LIC-CTY"
    with open_workspace(tmp_path / "bur") as again:  # its lock was let go of
        assert not again.read_only
    window.close_workspace()


def test_the_example_is_built_in_the_background_and_opened(qtbot, data_folder):
    window = MainWindow(None)
    qtbot.addWidget(window)
    click(qtbot, window.welcome.example_button)
    assert window.welcome.progress.isVisibleTo(window)
    assert not window.welcome.create_button.isEnabled()
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert window.workspace.path == data_folder / "Example workspace"
    assert (data_folder / "Example workspace" / DB_NAME).is_file()
    assert not (data_folder / "Example workspace (being made)").exists()
    window.close_workspace()
    click(qtbot, window.welcome.example_button)  # there already: just opened
    assert window.workspace is not None
    window.close_workspace()


def test_closing_the_workspace_means_the_next_start_shows_the_welcome_page(
    qapp, qtbot, tmp_path, monkeypatch
):
    folder = tmp_path / "bur"
    create_workspace(folder, "LIC-BUR").close()
    monkeypatch.setattr(opening, "default_workspace_dir", lambda: folder)
    assert opening.folder_at_start() == folder  # never said: the data folder's workspace
    preferences.remember_workspace(tmp_path / "elsewhere", "Gone")
    assert opening.folder_at_start() == folder  # the one remembered has gone
    preferences.open_nothing_at_start()
    assert opening.folder_at_start() is None
    QApplication.processEvents()

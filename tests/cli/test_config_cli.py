"""``trustdesk config show`` and ``trustdesk config update``."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from trustdesk.cli import main
from trustdesk.config.machine import ENV_FOLDER
from trustdesk.config.trust import example_trust_path
from trustdesk.services.activities import create_activity
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import CONFIG_NAME

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

EXAMPLE = example_trust_path().read_text(encoding="utf-8")
SPORT = '{ code = "sport", name = "Sport and physical activity" },'


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A closed locality workspace with an activity in the 'sport' category."""
    workspace = create_workspace(tmp_path / "ws", "LIC-BUR")
    with workspace, workspace.session() as session:
        create_activity(
            session, title="Climbing wall", category="sport", start_date=dt.date(2026, 7, 1)
        )
        session.commit()
    return tmp_path / "ws"


def machine_config(text: str) -> Path:
    path = Path(os.environ[ENV_FOLDER]) / "trust.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def no_machine_config():
    path = Path(os.environ[ENV_FOLDER]) / "trust.toml"
    path.unlink(missing_ok=True)
    yield
    path.unlink(missing_ok=True)


def test_show_says_the_version_and_whether_the_computer_has_a_newer_one(folder, capsys):
    code, out, _ = run(capsys, "config", "show", "--workspace", str(folder))
    assert code == 0
    assert "Staffordshire Children's Trust" in out
    assert "Version   1" in out
    assert "Burntwood (LIC-BUR), a locality" in out
    assert "none installed on this computer" in out

    machine_config(EXAMPLE.replace("version = 1", "version = 2"))
    code, out, _ = run(capsys, "config", "show", "--workspace", str(folder))
    assert "version 2 (newer: take it in with `trustdesk config update`)" in out


def test_update_takes_in_the_computers_configuration(folder, capsys):
    machine_config(
        EXAMPLE.replace("version = 1", "version = 2").replace(
            SPORT, '{ code = "sport", name = "Sport and games" },'
        )
    )
    code, out, _ = run(capsys, "config", "update", "--workspace", str(folder), "--dry-run")
    assert code == 0
    assert "'sport' renamed: Sport and physical activity \u2192 Sport and games" in out
    assert "Nothing was changed (--dry-run)." in out
    assert "version = 1" in (folder / CONFIG_NAME).read_text(encoding="utf-8")

    code, out, _ = run(capsys, "config", "update", "--workspace", str(folder))
    assert code == 0
    assert "Updated the workspace's configuration from version 1 to 2." in out
    assert "before-config-update" in out
    assert "version = 2" in (folder / CONFIG_NAME).read_text(encoding="utf-8")

    code, out, _ = run(capsys, "config", "update", "--workspace", str(folder))
    assert code == 0
    assert "already has version 2" in out


def test_a_refusal_exits_1_with_its_message(folder, tmp_path, capsys):
    offered = tmp_path / "offered.toml"
    offered.write_text(EXAMPLE.replace("version = 1", "version = 2").replace(SPORT, ""), "utf-8")
    code, out, err = run(
        capsys, "config", "update", "--workspace", str(folder), "--config", str(offered)
    )
    assert code == 1
    assert "Activity category removed: Sport and physical activity ('sport')" in out
    assert "is used by 1 activity ('Climbing wall')" in err
    assert "Traceback" not in err
    assert "version = 1" in (folder / CONFIG_NAME).read_text(encoding="utf-8")


def test_update_without_a_computer_configuration_says_what_to_do(folder, capsys):
    code, _, err = run(capsys, "config", "update", "--workspace", str(folder))
    assert code == 1
    assert "No trust configuration has been installed on this computer." in err

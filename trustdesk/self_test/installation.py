"""The self-test's steps around the workspace: the installation's resources and example
configuration are there, a new workspace is made at the newest schema, opened again, and
finally removed with the temporary folder."""

from __future__ import annotations

import sqlite3

from trustdesk.config import trust as config
from trustdesk.resources import resource_path, resources_dir
from trustdesk.self_test.trial import Step, Trial, check
from trustdesk.store.migrate import create_workspace, open_workspace
from trustdesk.store.schema import head_schema, read_schema


def _resources(trial: Trial) -> str:
    for name in ("example-trust.toml", "style.qss", "icons/trustdesk.svg"):
        check(resource_path(name).stat().st_size > 0, f"the resource file {name} is empty")
    return str(resources_dir())


def _configuration(trial: Trial) -> str:
    # Looked up in trustdesk.config.trust when the step runs (a test makes it fail there).
    trial.config = config.load_trust_config(config.example_trust_path())
    return f"{trial.config.trust_name}, {len(trial.config.units)} units"


def _create_workspace(trial: Trial) -> str:
    assert trial.config is not None
    locality = next(u for u in trial.config.units.values() if u.level == "locality")
    trial.workspace = create_workspace(trial.workspace_dir, locality.code)
    schema, head = read_schema(trial.workspace.db_path), head_schema()
    check(schema == head, f"the new workspace is at schema {schema}, not {head}")
    return f"schema {schema}, SQLite {sqlite3.sqlite_version}"


def _reopen(trial: Trial) -> str:
    trial.close()
    trial.workspace = open_workspace(trial.workspace_dir)
    return trial.workspace.unit.name


def _remove(trial: Trial) -> str:
    folder = trial.folder
    trial.remove()
    check(not folder.exists(), f"{folder} could not be removed")
    return ""


RESOURCES = Step("resources found", _resources)
CONFIGURATION = Step("example trust configuration loaded", _configuration)
CREATE_WORKSPACE = Step("workspace created and upgraded", _create_workspace)
REOPEN = Step("workspace closed and opened again", _reopen)
REMOVE = Step("temporary workspace removed", _remove)

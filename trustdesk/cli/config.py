"""``trustdesk config show`` and ``trustdesk config update``: which trust configuration a
workspace has, and taking in a newer one (by default the one an admin installed on this
computer)."""

from __future__ import annotations

import argparse
from pathlib import Path

from trustdesk.cli import folders
from trustdesk.config.machine import find_machine_config
from trustdesk.config.trust import load_trust_config
from trustdesk.errors import ConfigError
from trustdesk.ops.trust_update import offered_config, review_update, update_config
from trustdesk.store.migrate import open_to_look, open_workspace
from trustdesk.store.workspace import CONFIG_NAME


def run(args: argparse.Namespace) -> int:
    return run_config(args, folders.workspace_dir(args))


def run_config(args: argparse.Namespace, workspace_dir: Path) -> int:
    if args.config_command == "show":
        return _show(workspace_dir)
    return _update(args, workspace_dir)


def _show(workspace_dir: Path) -> int:
    with open_to_look(workspace_dir) as workspace:
        config, unit = workspace.config, workspace.unit
        source = workspace.path / CONFIG_NAME
    rows = [
        ("Trust", config.trust_name),
        ("Version", str(config.version)),
        ("File", str(source)),
        ("Unit", f"{unit.name} ({unit.code}), a {unit.level}"),
    ]
    machine = find_machine_config()
    if machine is None:
        said = "none installed on this computer"
    else:
        try:
            installed = load_trust_config(machine)
        except ConfigError as exc:
            said = f"{machine} cannot be used: {exc.message}"
        else:
            said = f"{machine}, version {installed.version}"
            if installed.version > config.version:
                said += " (newer: take it in with `trustdesk config update`)"
            elif installed.version == config.version:
                said += " (the same version)"
            else:
                said += " (older than the workspace's)"
    rows.append(("Computer", said))
    for label, value in rows:
        print(f"{label:<9} {value}")
    return 0


def _update(args: argparse.Namespace, workspace_dir: Path) -> int:
    offered = offered_config(args.config)
    opener = open_to_look if args.dry_run else open_workspace
    with opener(workspace_dir) as workspace:
        changes = review_update(workspace, offered=offered)
        print(
            f"Configuration offered: {offered.source} ({offered.trust_name}, "
            f"version {offered.version}); the workspace has version {workspace.config.version}."
        )
        if changes.up_to_date:
            print(changes.as_text())
            return 0
        print("What would change:" if changes.refused or args.dry_run else "What changes:")
        print(changes.as_text())
        refusal = changes.refusal()
        if refusal is not None:
            raise refusal
        if args.dry_run:
            print("Nothing was changed (--dry-run).")
            return 0
        done = update_config(workspace, offered=offered)
    if done.backup is not None:
        print(f"Backed up the workspace first to {done.backup.path}.")
    print(
        f"Updated the workspace's configuration from version {done.changes.current_version} "
        f"to {done.changes.offered_version}."
    )
    return 0
